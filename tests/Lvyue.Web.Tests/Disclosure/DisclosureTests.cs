using System.Net;
using System.Text;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Disclosure;

/// <summary>The public disclosure portal: no login for the lists, their exports and the star ratings; publishing needs the credit office.</summary>
[Collection(ApiCollection.Name)]
public sealed class DisclosureTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task ThePublic_SeesListsAndRatingsWithoutLoggingIn_ButCannotPublish(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var anonymous = new WebSession(app.NewClient());
        var (status, index) = await anonymous.GetTextAsync("/Disclosure");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("信用信息公开", index);
        Assert.DoesNotContain("data-testid=\"publish-form\"", index);
        await using (var s = app.Database.AsSystem())
        {
            // the demo rates the suppliers it assessed; make sure the login's company has a rating to show
            if (!await s.Db.StarRatings.AnyAsync(r => r.SupplierId == facts.SupplierId))
            {
                s.Db.StarRatings.Add(new Lvyue.Evaluation.StarRating { SupplierId = facts.SupplierId, Category = Lvyue.Contracts.Category.Services, Stars = 4m, Score = 88m,
                    ContractCount = 1, AssessmentCount = 2, AsOf = new DateOnly(2026, 6, 30), FormulaVersion = 1, ComputedAt = DateTime.UtcNow });
                await s.Db.SaveChangesAsync();
            }
        }
        var (ratingsStatus, ratings) = await anonymous.GetTextAsync("/Disclosure/Ratings?q=" + Uri.EscapeDataString(facts.SupplierUscc));
        Assert.Equal(HttpStatusCode.OK, ratingsStatus);
        Assert.Contains(facts.SupplierName, ratings);
        Assert.Contains("data-testid=\"star-rating\"", ratings);
        await using (var s = app.Database.AsSystem())
        {
            var supplier = await s.Db.Suppliers.AsNoTracking().SingleAsync(x => x.Id == facts.SupplierId);
            if (supplier.ContactPhone is { Length: > 0 } phone) Assert.DoesNotContain(phone, ratings);
            if (supplier.BankAccount is { Length: > 0 } account) Assert.DoesNotContain(account, ratings);
        }
        var api = await anonymous.GetOkAsync("/api/v1/disclosure/ratings?q=" + Uri.EscapeDataString(facts.SupplierUscc));
        Assert.Equal(facts.SupplierUscc, api["items"]![0]!["uscc"]!.GetValue<string>());
        using var post = await anonymous.PostJsonAsync("/api/v1/disclosure/publications", new { kind = "Determinations", period = "2026-01" });
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task TheCreditOffice_PublishesAFrozenList_ThatThePublicDownloads(string provider)
    {
        var app = await hosts.For(provider);
        using var credit = await app.LoginAsync("credit");
        using var created = await credit.PostJsonAsync("/api/v1/disclosure/publications", new { kind = "Sanctions", period = "2026-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await WebSession.ReadJsonAsync(created))!["id"]!.GetValue<long>();

        using var anonymous = new WebSession(app.NewClient());
        var list = await anonymous.GetOkAsync("/api/v1/disclosure/publications?kind=Sanctions");
        Assert.Contains(list.AsArray(), p => p!["id"]!.GetValue<long>() == id);
        var (status, page) = await anonymous.GetTextAsync($"/Disclosure/Publication?id={id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("限制参与政府采购名单", page);
        var (_, english) = await anonymous.GetTextAsync($"/Disclosure/Publication?id={id}&culture=en&ui-culture=en");
        Assert.Contains("Procurement restrictions", english);
        using var csv = await anonymous.Client.GetAsync($"/api/v1/disclosure/publications/{id}/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("序号,主体类别,名称", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetTextAsync("/Disclosure/Publication?id=999999999")).Status);
    }

    [Theory, BothDatabases]
    public async Task APeriodNotEndedYet_IsRefusedOnThePublishForm_AndNothingIsWritten(string provider)
    {
        var app = await hosts.For(provider);
        var before = await CountAsync(app);
        using var credit = await app.LoginAsync("credit");
        using var refused = await credit.PostFormAsync("/Disclosure", "/Disclosure?handler=Publish",
            new() { ["NewKind"] = "Determinations", ["NewPeriod"] = "2099-01" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("只能公布已结束的期间", await refused.Content.ReadAsStringAsync());
        using var clerk = await app.LoginAsync("clerk");
        var (_, clerkPage) = await clerk.GetTextAsync("/Disclosure");
        Assert.DoesNotContain("data-testid=\"publish-form\"", clerkPage);
        Assert.Equal(before, await CountAsync(app));
    }

    private static async Task<int> CountAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        return await s.Db.Publications.CountAsync();
    }
}
