using System.Net;
using Lvyue.Common;
using Lvyue.Testing;
using Lvyue.Web.Tests.Api;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Pages;

/// <summary>The performance pages over HTTP: who reaches which page, forms that add and refuse, in both languages.</summary>
[Collection(ApiCollection.Name)]
public sealed class PerformancePagesTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Pages_ScheduleIsReachedFromTheContractAndHiddenFromAnotherUnit(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");
        var id = await PerformanceApiTests.FiledContractAsync(app, clerk, "PG");

        var (status, details) = await clerk.GetTextAsync($"/Contracts/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"/Performance/Schedule/{id}", details);
        var (ok, schedule) = await clerk.GetTextAsync($"/Performance/Schedule/{id}");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("履约计划", schedule);
        Assert.Contains("添加履约节点", schedule);

        using var clerk2 = await app.LoginAsync("clerk2");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetTextAsync($"/Performance/Schedule/{id}")).Status);
    }

    [Theory, BothDatabases]
    public async Task Pages_TheAddFormAddsAMilestoneAndShowsARefusalWithoutWriting(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");
        var id = await PerformanceApiTests.FiledContractAsync(app, clerk, "PGADD");
        var url = $"/Performance/Schedule/{id}";
        var before = await StoreSnapshot.TakeAsync(app);

        using (var early = await clerk.PostFormAsync(url, url + "?handler=Add", new()
               { ["Add.Kind"] = "Delivery", ["Add.Mode"] = "date", ["Add.DueDate"] = "2026-01-05", ["Add.Responsible"] = "Supplier" }))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("早于合同开始日期", await early.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        var due = ChinaTime.Today(TimeProvider.System).AddDays(20).ToString("yyyy-MM-dd");
        using (var added = await clerk.PostFormAsync(url, url + "?handler=Add", new()
               { ["Add.Kind"] = "ServiceReport", ["Add.Title"] = "季度服务报告", ["Add.Mode"] = "date", ["Add.DueDate"] = due, ["Add.Responsible"] = "Supplier" }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, html) = await clerk.GetTextAsync(url);
        Assert.Contains("季度服务报告", html);
        Assert.Contains(due, html);
    }

    [Theory, BothDatabases]
    public async Task Pages_EachRoleReachesItsPerformancePages(string provider)
    {
        var app = await hosts.For(provider);
        using var supervisor = await app.LoginAsync("supervisor");
        foreach (var page in new[] { "/Performance/Overdue", "/Performance/Terminations", "/Performance/Due" })
            Assert.Equal(HttpStatusCode.OK, (await supervisor.GetTextAsync(page)).Status);
        Assert.Contains("逾期执行库", (await supervisor.GetTextAsync("/Performance/Overdue")).Body);

        using var supplier = await app.LoginAsync("supplier");
        var (status, obligations) = await supplier.GetTextAsync("/Performance/Obligations");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("我的履约义务", obligations);

        using var admin = await app.LoginAsync("sysadmin");
        var (hs, holidays) = await admin.GetTextAsync("/Performance/Holidays?Year=2026");
        Assert.Equal(HttpStatusCode.OK, hs);
        Assert.Contains("2026-02-14 班 春节", holidays);
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", holidays);

        var english = (await supervisor.GetTextAsync("/Performance/Overdue?culture=en")).Body;
        Assert.Contains("Overdue register", english);
        Assert.Contains("working days", english);
        Assert.Contains("Termination register", (await supervisor.GetTextAsync("/Performance/Terminations?culture=en")).Body);

        using var clerk = await app.LoginAsync("clerk");
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetTextAsync("/Performance/Holidays")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetTextAsync("/Performance/Obligations")).Status);
    }

    [Theory, BothDatabases]
    public async Task Pages_TheHolidayFormRefusesAWeekdayWorkdayAndSavesAValidYear(string provider)
    {
        var app = await hosts.For(provider);
        using var admin = await app.LoginAsync("sysadmin");
        var before = await StoreSnapshot.TakeAsync(app);
        using (var bad = await admin.PostFormAsync("/Performance/Holidays", "/Performance/Holidays", new()
               { ["Year"] = "2032", ["Source"] = "测试", ["Days"] = "2032-01-05 班 元旦" }))
            Assert.Contains("须为周末", await bad.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        using (var ok = await admin.PostFormAsync("/Performance/Holidays", "/Performance/Holidays", new()
               { ["Year"] = "2032", ["Source"] = "测试", ["Provisional"] = "true", ["Days"] = "2032-01-01 休 元旦\n2032-01-03 班 元旦" }))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("2032-01-03 班 元旦", (await admin.GetTextAsync("/Performance/Holidays?Year=2032")).Body);
    }
}
