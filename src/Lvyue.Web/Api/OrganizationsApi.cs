using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Organizations;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>/api/v1: regions, budget units and departments, suppliers, budget lines and the subcategory taxonomy.</summary>
public static class OrganizationsApi
{
    /// <summary>A budget unit with its departments.</summary>
    public sealed record UnitDto(long Id, long RegionId, string Code, string Name, IReadOnlyList<DepartmentDto> Departments);

    /// <summary>A department node (ParentId null at the top of the unit's tree).</summary>
    public sealed record DepartmentDto(long Id, long? ParentId, string Name);

    /// <summary>A new budget unit.</summary>
    public sealed record NewUnit(long RegionId, string? Code, string? Name);

    /// <summary>A new department.</summary>
    public sealed record NewDepartment(long? ParentId, string? Name);

    /// <summary>A budget line with its balance.</summary>
    public sealed record BudgetLineDto(long Id, long BudgetUnitId, int Year, string Code, string Name, decimal Amount, decimal Committed, decimal Available);

    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/regions", async (LvyueDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(ct)))
            .WithTags("Organizations").RequireAuthorization();

        var units = api.MapGroup("/units").WithTags("Organizations").RequireAuthorization();
        units.MapGet("/", async (long? regionId, LvyueDbContext db, CancellationToken ct) =>
        {
            var q = db.BudgetUnits.AsNoTracking();
            if (regionId is { } r) q = q.Where(u => u.RegionId == r);
            var list = await q.OrderBy(u => u.Code).Include(u => u.Departments).ToListAsync(ct);
            return TypedResults.Ok(list.Select(u => new UnitDto(u.Id, u.RegionId, u.Code, u.Name,
                u.Departments.OrderBy(d => d.Id).Select(d => new DepartmentDto(d.Id, d.ParentId, d.Name)).ToList())).ToList());
        });
        units.MapPost("/", async (NewUnit n, OrganizationService orgs, CancellationToken ct) =>
        {
            var u = await orgs.CreateBudgetUnitAsync(n.RegionId, n.Code, n.Name, ct);
            return TypedResults.Created($"/api/v1/units/{u.Id}", new UnitDto(u.Id, u.RegionId, u.Code, u.Name, []));
        }).RequireAuthorization(Policies.BudgetWriters);
        units.MapPost("/{id:long}/departments", async (long id, NewDepartment n, OrganizationService orgs, CancellationToken ct) =>
        {
            var d = await orgs.AddDepartmentAsync(id, n.ParentId, n.Name, ct);
            return TypedResults.Created($"/api/v1/units/{id}", new DepartmentDto(d.Id, d.ParentId, d.Name));
        }).RequireAuthorization(Policies.BudgetWriters);

        var suppliers = api.MapGroup("/suppliers").WithTags("Organizations").RequireAuthorization();
        suppliers.MapGet("/", async (string? q, int? page, LvyueDbContext db, CancellationToken ct) =>
        {
            var query = db.Suppliers.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(q)) query = query.Where(s => s.Name.Contains(q.Trim()) || s.Uscc == q.Trim().ToUpperInvariant());
            var p = Math.Max(1, page ?? 1);
            return TypedResults.Ok(await query.OrderBy(s => s.Name).Skip((p - 1) * 100).Take(100).ToListAsync(ct));
        });
        suppliers.MapGet("/{id:long}", async Task<Results<Ok<Supplier>, NotFound>> (long id, LvyueDbContext db, CancellationToken ct) =>
            await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound());
        suppliers.MapPost("/", async (SupplierInput input, OrganizationService orgs, CancellationToken ct) =>
        {
            var s = await orgs.CreateSupplierAsync(input, ct);
            return TypedResults.Created($"/api/v1/suppliers/{s.Id}", s);
        }).RequireAuthorization(Policies.OrganizationWriters);
        suppliers.MapPut("/{id:long}", async (long id, SupplierInput input, OrganizationService orgs, CancellationToken ct) =>
            TypedResults.Ok(await orgs.UpdateSupplierAsync(id, input, ct))).RequireAuthorization(Policies.BudgetWriters);

        var lines = api.MapGroup("/budget-lines").WithTags("Organizations").RequireAuthorization();
        lines.MapGet("/", async (long? unitId, int? year, LvyueDbContext db, CancellationToken ct) =>
        {
            var q = db.BudgetLines.AsNoTracking();
            if (unitId is { } u) q = q.Where(l => l.BudgetUnitId == u);
            if (year is { } y) q = q.Where(l => l.Year == y);
            var list = await q.OrderBy(l => l.BudgetUnitId).ThenBy(l => l.Code).Take(1000).ToListAsync(ct);
            return TypedResults.Ok(list.Select(l => new BudgetLineDto(l.Id, l.BudgetUnitId, l.Year, l.Code, l.Name, l.Amount, l.Committed, l.Available)).ToList());
        });
        lines.MapPost("/", async (BudgetLineInput input, OrganizationService orgs, CancellationToken ct) =>
        {
            var l = await orgs.CreateBudgetLineAsync(input, ct);
            return TypedResults.Created($"/api/v1/budget-lines/{l.Id}", new BudgetLineDto(l.Id, l.BudgetUnitId, l.Year, l.Code, l.Name, l.Amount, l.Committed, l.Available));
        }).RequireAuthorization(Policies.BudgetWriters);

        api.MapGet("/subcategories", async (LvyueDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Subcategories.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct)))
            .WithTags("Organizations").RequireAuthorization();
        return api;
    }
}
