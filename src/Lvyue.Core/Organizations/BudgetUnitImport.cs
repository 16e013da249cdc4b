using System.Diagnostics;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Organizations;

/// <summary>
/// Imports the budget units of regions from .xlsx/.csv, all or nothing, with their departments given
/// as paths (办公室/财务组 makes 办公室 and, under it, 财务组; several paths separated by ；).
/// A unit code already present in the region updates that unit: filled cells overwrite, empty cells
/// keep, and departments are only ever added (never removed or renamed), since contracts refer to them.
/// A region code that does not exist is created when 区域名称 is given and the caller is the system.
/// The system may import any region, a finance supervisor only their own. Audited through SaveChanges.
/// </summary>
public sealed class BudgetUnitImport(LvyueDbContext db)
{
    public static readonly ImportColumn RegionCode = new("regionCode", "区划代码", "Region code", true,
        "行政区划代码，如440303", "Administrative division code, e.g. 440303", "440303");
    public static readonly ImportColumn RegionName = new("regionName", "区域名称", "Region name", false,
        "仅在区划代码尚不存在、需由系统新建区域时填写", "Only to create a region that does not exist yet (system only)", "");
    public static readonly ImportColumn Code = new("code", "单位编码", "Unit code", true,
        "预算系统中的单位编码，区域内唯一；已存在的编码将更新该单位", "The unit's budget code, unique in the region; an existing code updates that unit", "106001");
    public static readonly ImportColumn Name = new("name", "单位名称", "Unit name", true, "最多200字", "At most 200 characters", "示范区文化广电旅游体育局");
    public static readonly ImportColumn Uscc = new("uscc", "统一社会信用代码", "USCC", false, "18位，可不填", "18 characters, optional", "");
    public static readonly ImportColumn Address = new("address", "地址", "Address", false, "", "", "深圳市罗湖区文锦中路1008号");
    public static readonly ImportColumn ContactName = new("contactName", "联系人", "Contact", false, "", "", "王明");
    public static readonly ImportColumn ContactPhone = new("contactPhone", "联系电话", "Phone", false, "", "", "0755-82226001");
    public static readonly ImportColumn Departments = new("departments", "部门", "Departments", false,
        "部门路径，多级用“/”分隔，多个部门用“；”或“;”分隔，如“办公室；办公室/财务组；文化科”",
        "Department paths, levels separated by '/', several separated by ； or ;", "办公室；办公室/财务组；文化科");

    public static readonly IReadOnlyList<ImportColumn> Columns = [RegionCode, RegionName, Code, Name, Uscc, Address, ContactName, ContactPhone, Departments];

    private sealed record Row(int Number, string RegionCode, string? RegionName, string Code, string? Name, string? Uscc,
        string? Address, string? Contact, string? Phone, IReadOnlyList<string> Departments);

    public static void WriteTemplate(Stream output) =>
        ImportTemplate.Write(output, "预算单位", Columns, [Columns.Select(c => c.Example).ToList()], []);

    public async Task<ImportResult> ImportAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var scope = db.Scope;
        if (!scope.All && !(scope.HasRole(Roles.Supervisor) && scope.RegionId is not null)) throw DomainException.Forbidden();
        var clock = Stopwatch.StartNew();
        await using var source = await ImportSource.OpenAsync(content, fileName, ct);
        var problems = new ImportProblems();
        var seen = new Dictionary<string, int>();
        var all = ImportReading.ReadAll(source, Columns, problems, r => Parse(r, seen));
        if (problems.Any) return problems.ToResult("units", all.Count, clock.Elapsed);
        var rows = all.OfType<Row>().ToList();

        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, ct);
        var newRegions = new Dictionary<string, string>();
        foreach (var r in rows)
        {
            if (regions.TryGetValue(r.RegionCode, out var region))
            {
                if (!scope.All && scope.RegionId != region.Id)
                    problems.Add(r.Number, RegionCode.Header, $"您无权为区域“{region.Name}”导入预算单位", $"You may not import budget units of region '{region.Name}'");
            }
            else if (r.RegionName is null || !scope.All)
                problems.Add(r.Number, RegionCode.Header, $"区划代码“{r.RegionCode}”不存在" + (scope.All ? "（新建区域请填写“区域名称”）" : ""),
                    $"Unknown region code '{r.RegionCode}'" + (scope.All ? " (give the region name to create it)" : ""));
            else newRegions.TryAdd(r.RegionCode, r.RegionName);
        }
        if (problems.Any) return problems.ToResult("units", all.Count, clock.Elapsed);

        int inserted = 0, updated = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (code, name) in newRegions) db.Regions.Add(regions[code] = new Region { Code = code, Name = name });
        await db.SaveChangesAsync(ct);
        foreach (var r in rows)
        {
            var regionId = regions[r.RegionCode].Id;
            var unit = await db.BudgetUnits.Include(u => u.Departments).FirstOrDefaultAsync(u => u.RegionId == regionId && u.Code == r.Code, ct);
            if (unit is null)
            {
                unit = new BudgetUnit { RegionId = regionId, Code = r.Code, Name = r.Name! };
                db.BudgetUnits.Add(unit);
                await db.SaveChangesAsync(ct);
                inserted++;
            }
            else updated++;
            if (r.Name is not null) unit.Name = r.Name;
            unit.Uscc = r.Uscc ?? unit.Uscc;
            unit.Address = r.Address ?? unit.Address;
            unit.ContactName = r.Contact ?? unit.ContactName;
            unit.ContactPhone = r.Phone ?? unit.ContactPhone;
            foreach (var path in r.Departments) await EnsureDepartmentAsync(unit, path, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        return new ImportResult { What = "units", Rows = rows.Count, Inserted = inserted, Updated = updated, Elapsed = clock.Elapsed };
    }

    /// <summary>Creates each missing level of a path under the unit (saving so a child can name its parent).</summary>
    private async Task EnsureDepartmentAsync(BudgetUnit unit, string path, CancellationToken ct)
    {
        long? parent = null;
        foreach (var name in ContractImportLookups.NormalizePath(path).Split('/'))
        {
            var dept = unit.Departments.FirstOrDefault(d => d.ParentId == parent && d.Name == name);
            if (dept is null)
            {
                dept = new Department { BudgetUnitId = unit.Id, ParentId = parent, Name = name };
                unit.Departments.Add(dept);
                await db.SaveChangesAsync(ct);
            }
            parent = dept.Id;
        }
    }

    private static Row? Parse(ImportRow r, Dictionary<string, int> seen)
    {
        var region = r.Text(RegionCode, 12);
        var code = r.Text(Code, 32);
        if (region is not null && code is not null) ImportReading.Unique(seen, $"{region}/{code}", r, Code, "区划代码/单位编码");
        var uscc = r.Text(Uscc);
        if (uscc is not null)
        {
            uscc = Organizations.Uscc.Normalize(uscc);
            if (Organizations.Uscc.Explain(uscc) is { } why) r.Fail(Uscc, Msg.FromPair(why));
        }
        var departments = ImportRow.SplitList(r.Text(Departments));
        foreach (var d in departments)
        {
            if (ContractImportLookups.NormalizePath(d).Split('/').Any(n => n.Length > 200))
                r.Fail(Departments, $"部门名称“{d}”过长（每级最多200字）", $"Department '{d}' is too long (200 characters per level)");
        }
        var row = new Row(r.Number, region ?? "", r.Text(RegionName, 100), code ?? "", r.Text(Name, 200), uscc,
            r.Text(Address, 300), r.Text(ContactName, 50), r.Text(ContactPhone, 32), departments);
        return r.HasErrors ? null : row;
    }
}
