using System.Net;
using Lvyue.Contracts;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Risk;

/// <summary>
/// 相对方核查 over HTTP on the demo region: the API and the page give the same report, its contract figures match the
/// region's ledger, the nav and the filing form's supplier picker link to it, and bad requests answer problems.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CounterpartiesTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_ReportsTheSuppliersContractsWithTheRegionAndThePageShowsTheSame(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");

        var matches = (await clerk.GetOkAsync($"/api/v1/counterparties?q={Uri.EscapeDataString(facts.SupplierName[..4])}")).AsArray();
        Assert.Contains(matches, m => m!["uscc"]!.GetValue<string>() == facts.SupplierUscc);

        var report = await clerk.GetOkAsync($"/api/v1/counterparties/{facts.SupplierUscc}");
        Assert.Equal((facts.SupplierId, facts.SupplierName, facts.RegionId),
            (report["supplierId"]!.GetValue<long>(), report["name"]!.GetValue<string>(), report["regionId"]!.GetValue<long>()));
        long count;
        decimal amount;
        await using (var s = app.Database.AsSystem())
        {
            var filed = new[] { ContractStatus.Filed, ContractStatus.Performing, ContractStatus.Completed, ContractStatus.Terminated };
            var rows = await s.Db.Contracts.AsNoTracking()
                .Where(c => c.RegionId == facts.RegionId && filed.Contains(c.Status) && c.Suppliers.Any(x => x.SupplierId == facts.SupplierId))
                .Select(c => c.Amount).ToListAsync();
            (count, amount) = (rows.Count, rows.Sum());
        }
        Assert.True(count > 0);
        Assert.Equal((count, amount), (report["contracts"]!["count"]!.GetValue<long>(), report["contracts"]!["amount"]!.GetValue<decimal>()));
        Assert.Contains(report["level"]!.GetValue<string>(), new[] { "Low", "Medium", "High" });

        var (status, html) = await clerk.GetTextAsync($"/Counterparties/Check/{facts.SupplierUscc}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(facts.SupplierName, html);
        Assert.Contains($"data-level=\"{report["level"]!.GetValue<string>()}\"", html);
        Assert.Contains($">{count}</span>", html);
        Assert.Contains(Lvyue.Common.Money.FormatYuan(amount), html);

        // Searching by the full code opens the check; by part of the name lists the matches.
        using (var response = await clerk.Client.GetAsync($"/Counterparties?q={facts.SupplierUscc.ToLowerInvariant()}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Counterparties/Check/{facts.SupplierUscc}", response.Headers.Location!.OriginalString);
        }
        (_, html) = await clerk.GetTextAsync($"/Counterparties?q={Uri.EscapeDataString(facts.SupplierName[..4])}");
        Assert.Contains("data-testid=\"counterparty-matches\"", html);
        Assert.Contains($"/Counterparties/Check/{facts.SupplierUscc}", html);
        (_, html) = await clerk.GetTextAsync("/Counterparties?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%85%AC%E5%8F%B8"); // 不存在的公司
        Assert.Contains("data-testid=\"counterparty-none\"", html);

        // The nav and the filing form's supplier picker lead to it.
        (_, html) = await clerk.GetTextAsync("/Contracts/New");
        Assert.Contains("href=\"/Counterparties\" data-nav=\"counterparties\"", html);
        Assert.Contains("data-testid=\"counterparty-check-link\"", html);
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesABadCodeAnUnknownSupplierAndSupplierLogins(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");

        var (status, problem) = await clerk.GetJsonAsync($"/api/v1/counterparties/{facts.SupplierUscc[..17]}{(facts.SupplierUscc[17] == '0' ? '1' : '0')}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["uscc"]);
        (status, _) = await clerk.GetJsonAsync($"/api/v1/counterparties/{Lvyue.Organizations.Uscc.Complete("91440300MA9999999")}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _) = await clerk.GetJsonAsync("/api/v1/counterparties?q=x");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var (pageStatus, _) = await clerk.GetTextAsync($"/Counterparties/Check/{Lvyue.Organizations.Uscc.Complete("91440300MA9999999")}");
        Assert.Equal(HttpStatusCode.NotFound, pageStatus);

        using var supplier = await app.LoginAsync("supplier");
        (status, _) = await supplier.GetJsonAsync($"/api/v1/counterparties/{facts.SupplierUscc}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        using var anonymous = new WebSession(app.NewClient());
        (status, _) = await anonymous.GetJsonAsync($"/api/v1/counterparties/{facts.SupplierUscc}");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
