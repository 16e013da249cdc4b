using System.Net;
using System.Text.Json.Nodes;
using Lvyue.Contracts;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/contracts: the ledger, filing a draft, and the refusals of bad input that write nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractsApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_CreatesADraftAnswering201WithItsLocation(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("NEW");

        using var response = await clerk.PostJsonAsync("/api/v1/contracts", facts.Contract(number, 123_456.78m));

        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
        var id = body!["id"]!.GetValue<long>();
        Assert.Equal($"/api/v1/contracts/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Draft", body["status"]!.GetValue<string>());
        Assert.Equal(number, body["number"]!.GetValue<string>());
        Assert.Equal("壹拾贰万叁仟肆佰伍拾陆元柒角捌分", body["amountInWords"]!.GetValue<string>());
        var read = await clerk.GetOkAsync($"/api/v1/contracts/{id}");
        Assert.Equal(123_456.78m, read["amount"]!.GetValue<decimal>());
        Assert.Equal(facts.SupplierName, read["suppliers"]![0]!["name"]!.GetValue<string>());
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesEndDateBeforeStartDateAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var input = facts.Contract(DemoFacts.NewNumber()) with { StartDate = new DateOnly(2026, 6, 1), EndDate = new DateOnly(2026, 5, 31) };

        await AssertRefusedAsync(app, clerk, input, "endDate");
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesNegativeAmountAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");

        await AssertRefusedAsync(app, clerk, facts.Contract(DemoFacts.NewNumber(), -5_000m), "amount");
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesAbsurdAmountAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");

        await AssertRefusedAsync(app, clerk, facts.Contract(DemoFacts.NewNumber(), 5_000_000_000_000m), "amount");
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesUnknownBudgetUnitAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");

        await AssertRefusedAsync(app, clerk, facts.Contract(DemoFacts.NewNumber()) with { BudgetUnitId = 987_654 }, "budgetUnitId");
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesUnknownBudgetLineAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");

        await AssertRefusedAsync(app, clerk, facts.Contract(DemoFacts.NewNumber()) with { BudgetLineId = 987_654 }, "budgetLineId");
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesTheBudgetLineOfAnotherUnitAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");

        await AssertRefusedAsync(app, clerk, facts.Contract(DemoFacts.NewNumber()) with { BudgetLineId = facts.OtherLineId }, "budgetLineId");
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesDuplicateNumberInTheUnitAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("DUP");
        using (var first = await clerk.PostJsonAsync("/api/v1/contracts", facts.Contract(number)))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var messages = await AssertRefusedAsync(app, clerk, facts.Contract(number) with { Title = "另一份合同" }, "number");
        Assert.Contains(messages, m => m.Contains(number));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesAContractBeyondTheBudgetLineBalanceAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        decimal available;
        await using (var s = app.Database.AsSystem())
            available = (await s.Db.BudgetLines.AsNoTracking().SingleAsync(l => l.Id == facts.LineId)).Available;

        var messages = await AssertRefusedAsync(app, clerk, facts.Contract(DemoFacts.NewNumber(), available + 0.01m), "budgetLineId");
        Assert.Contains(messages, m => m.Contains("先有预算后购买"));
    }

    [Theory, BothDatabases]
    public async Task Api_ExplainsRefusalsInEnglishWhenAskedFor(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostJsonAsync("/api/v1/contracts?culture=en", facts.Contract(DemoFacts.NewNumber(), -1m));

        var messages = await Problems.AssertFieldErrorAsync(response, "amount");
        Assert.Contains("The amount must be greater than zero", messages);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_ListsOnlyTheClerksOwnUnit(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");

        var page = await clerk.GetOkAsync("/api/v1/contracts?pageSize=500");

        int expected;
        await using (var s = app.Database.AsSystem())
            expected = await s.Db.Contracts.CountAsync(c => c.BudgetUnitId == facts.UnitId);
        Assert.Equal(expected, page["total"]!.GetValue<int>());
        Assert.All(Rows(page), r => Assert.Equal(facts.UnitName, r["budgetUnit"]!.GetValue<string>()));
    }

    [Theory, BothDatabases]
    public async Task Api_FiltersTheLedgerByStatusCategoryUnitSupplierAmountAndDate(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supervisor = await app.LoginAsync("supervisor");
        List<Contract> all;
        await using (var s = app.Database.AsSystem())
            all = await s.Db.Contracts.AsNoTracking().Include(c => c.Suppliers).ToListAsync();

        await AssertFilterAsync(supervisor, "status=Filed", all.Count(c => c.Status == ContractStatus.Filed),
            r => r["status"]!.GetValue<string>() == "Filed");
        await AssertFilterAsync(supervisor, "category=Goods", all.Count(c => c.Category == Category.Goods),
            r => r["category"]!.GetValue<string>() == "Goods");
        await AssertFilterAsync(supervisor, $"unitId={facts.OtherUnitId}", all.Count(c => c.BudgetUnitId == facts.OtherUnitId),
            r => r["budgetUnit"]!.GetValue<string>() == "示范区卫生健康局");
        await AssertFilterAsync(supervisor, $"supplierId={facts.SupplierId}", all.Count(c => c.Suppliers.Any(x => x.SupplierId == facts.SupplierId)),
            r => r["suppliers"]!.GetValue<string>().Contains(facts.SupplierName));
        await AssertFilterAsync(supervisor, "amountMin=100000&amountMax=500000", all.Count(c => c.Amount is >= 100_000m and <= 500_000m),
            r => r["amount"]!.GetValue<decimal>() is >= 100_000m and <= 500_000m);
        var from = all.Where(c => c.SignDate is not null).Min(c => c.SignDate!.Value).AddDays(30);
        var to = from.AddDays(90);
        await AssertFilterAsync(supervisor, $"signFrom={from:yyyy-MM-dd}&signTo={to:yyyy-MM-dd}",
            all.Count(c => c.SignDate >= from && c.SignDate <= to),
            r => DateOnly.Parse(r["signDate"]!.GetValue<string>()) is var d && d >= from && d <= to);
        var (method, status) = all.CountBy(c => (c.ProcurementMethod, c.Status)).MaxBy(g => g.Value).Key;
        await AssertFilterAsync(supervisor, $"method={method}&status={status}",
            all.Count(c => c.ProcurementMethod == method && c.Status == status),
            r => r["method"]!.GetValue<string>() == method.ToString() && r["status"]!.GetValue<string>() == status.ToString());
    }

    [Theory, BothDatabases]
    public async Task Api_SearchesTheLedgerInChineseOverTitleNumberAndParties(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("FTS");
        using (var created = await clerk.PostJsonAsync("/api/v1/contracts", facts.Contract(number, title: "青少年宫消防设施维护保养服务合同")))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Three characters or more go through the full-text index (FTS5 trigram on SQLite), two through LIKE.
        var byTitle = await clerk.GetOkAsync("/api/v1/contracts?q=" + Uri.EscapeDataString("消防设施维护"));
        Assert.Equal(1, byTitle["total"]!.GetValue<int>());
        Assert.Equal(number, Rows(byTitle).Single()["number"]!.GetValue<string>());
        var twoChars = await clerk.GetOkAsync("/api/v1/contracts?q=" + Uri.EscapeDataString("消防"));
        Assert.Contains(Rows(twoChars), r => r["number"]!.GetValue<string>() == number);
        var byNumber = await clerk.GetOkAsync("/api/v1/contracts?q=" + Uri.EscapeDataString(number.ToLowerInvariant()));
        Assert.Equal(number, Rows(byNumber).Single()["number"]!.GetValue<string>());
        var byParty = await clerk.GetOkAsync("/api/v1/contracts?pageSize=500&q=" + Uri.EscapeDataString("鹏城物业"));
        Assert.Contains(Rows(byParty), r => r["number"]!.GetValue<string>() == number);
        Assert.All(Rows(byParty), r => Assert.Contains("鹏城物业", r["suppliers"]!.GetValue<string>()));
        var nothing = await clerk.GetOkAsync("/api/v1/contracts?q=" + Uri.EscapeDataString("不存在的合同名称"));
        Assert.Equal(0, nothing["total"]!.GetValue<int>());
    }

    [Theory, BothDatabases]
    public async Task Api_PagesTheLedgerWithoutOverlapInAStableOrder(string provider)
    {
        var app = await hosts.For(provider);
        using var supervisor = await app.LoginAsync("supervisor");

        var first = await supervisor.GetOkAsync("/api/v1/contracts?pageSize=7&page=1&sort=amount&desc=false");
        var second = await supervisor.GetOkAsync("/api/v1/contracts?pageSize=7&page=2&sort=amount&desc=false");
        var everything = await supervisor.GetOkAsync("/api/v1/contracts?pageSize=14&page=1&sort=amount&desc=false");

        Assert.Equal(7, Rows(first).Count);
        Assert.Equal(7, Rows(second).Count);
        Assert.Equal(2, second["page"]!.GetValue<int>());
        var ids = Rows(first).Concat(Rows(second)).Select(r => r["id"]!.GetValue<long>()).ToList();
        Assert.Equal(Rows(everything).Select(r => r["id"]!.GetValue<long>()), ids);
        var amounts = Rows(everything).Select(r => r["amount"]!.GetValue<decimal>()).ToList();
        Assert.Equal(amounts.Order(), amounts);
        Assert.True(first["total"]!.GetValue<int>() >= LvyueApp.DemoContracts);
    }

    /// <summary>Posts <paramref name="input"/>, asserts a 400 problem naming <paramref name="field"/> and that nothing was written.</summary>
    private static async Task<string[]> AssertRefusedAsync(LvyueApp app, WebSession session, ContractInput input, string field)
    {
        var before = await StoreSnapshot.TakeAsync(app);
        using var response = await session.PostJsonAsync("/api/v1/contracts", input);
        var messages = await Problems.AssertFieldErrorAsync(response, field);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        return messages;
    }

    private static async Task AssertFilterAsync(WebSession session, string query, int expected, Func<JsonNode, bool> matches)
    {
        Assert.True(expected > 0, $"the demo data has no contract for '{query}', so the filter proves nothing");
        var page = await session.GetOkAsync("/api/v1/contracts?pageSize=500&" + query);
        Assert.Equal(expected, page["total"]!.GetValue<int>());
        Assert.All(Rows(page), r => Assert.True(matches(r), $"{query} let through {r.ToJsonString()}"));
    }

    internal static List<JsonNode> Rows(JsonNode page) => page["rows"]!.AsArray().Select(r => r!).ToList();
}
