using Lvyue.Credit;
using Lvyue.Organizations;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Api;

/// <summary>POST /api/v1/contracts with a supplier restricted from procurement: a 400 problem naming the restriction, nothing written.</summary>
[Collection(ApiCollection.Name)]
public sealed class FilingSanctionApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_RefusesARestrictedSupplierNamingTheDeterminationAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var (supplierId, supplierName, number) = await RestrictedSupplierAsync(app, facts);
        using var clerk = await app.LoginAsync("clerk");
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostJsonAsync("/api/v1/contracts", facts.Contract(DemoFacts.NewNumber("SAN")) with { SupplierIds = [supplierId] });

        var messages = await Problems.AssertFieldErrorAsync(response, "supplierIds");
        Assert.Contains(messages, m => m.Contains(number) && m.Contains("2026-12-31") && m.Contains(supplierName));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    /// <summary>A new supplier restricted for 2026 by a confirmed determination (its own, so the demo supplier stays choosable).</summary>
    internal static async Task<(long Id, string Name, string Number)> RestrictedSupplierAsync(LvyueApp app, DemoFacts facts)
    {
        var tag = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var number = $"示范区信用认定〔2026〕W{tag}号";
        long supplierId;
        string supplierName;
        await using (var s = app.Database.AsSystem())
        {
            // A supplier of its own, so the shared demo supplier stays choosable for the other tests.
            var supplier = new Supplier { Name = $"受限测试供应商{tag}有限公司", Uscc = Uscc.Complete($"91440303MA{tag}") };
            s.Db.Suppliers.Add(supplier);
            await s.Db.SaveChangesAsync();
            var d = new DishonestyDetermination
            {
                RegionId = facts.RegionId, Subject = CreditSubject.Supplier, SubjectId = supplier.Id, SubjectName = supplier.Name, Number = number,
                Facts = "连续两期考核不合格，经约谈仍未整改。", Basis = "《政府采购法》第七十七条", Measures = "限制参与政府采购", AppealRoute = DeterminationService.DefaultAppealRoute,
                RestrictionMonths = 12, State = DeterminationState.Confirmed, ProposedBy = "supervisor", ProposedAt = DateTime.UtcNow,
            };
            s.Db.DishonestyDeterminations.Add(d);
            await s.Db.SaveChangesAsync();
            s.Db.Sanctions.Add(new Sanction
            {
                SupplierId = supplier.Id, RegionId = facts.RegionId, DeterminationId = d.Id, From = new DateOnly(2026, 1, 1), Until = new DateOnly(2026, 12, 31),
                Reason = "失信行为认定", CreatedBy = "credit", CreatedAt = DateTime.UtcNow,
            });
            await s.Db.SaveChangesAsync();
            (supplierId, supplierName) = (supplier.Id, supplier.Name);
        }
        return (supplierId, supplierName, number);
    }
}
