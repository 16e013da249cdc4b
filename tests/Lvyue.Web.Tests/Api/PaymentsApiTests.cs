using System.Net;
using Lvyue.Integration;
using Lvyue.Performance.Payments;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/payments, the per-contract changes and acceptances: the treasury token, problems, all or nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class PaymentsApiTests(ApiHosts hosts)
{
    private static async Task<(long Id, string Number)> FiledAsync(LvyueApp app, DemoFacts facts)
    {
        using var clerk = await app.LoginAsync("clerk");
        using var leader = await app.LoginAsync("leader");
        var number = DemoFacts.NewNumber("PAY");
        var (id, task) = await ApiSteps.FileAndSubmitAsync(clerk, facts.Contract(number, 50_000m));
        using var approve = await leader.PostJsonAsync($"/api/v1/approvals/{task}/approve", new { note = "同意" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        return (id, number);
    }

    private static async Task<string> IssueAsync(WebSession sysadmin, object request)
    {
        using var response = await sysadmin.PostJsonAsync("/api/v1/admin/tokens", request);
        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
        return body!["secret"]!.GetValue<string>();
    }

    [Theory, BothDatabases]
    public async Task Api_TreasuryTokenImportsPayments_AndABadItemWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var (id, number) = await FiledAsync(app, facts);
        using var sysadmin = await app.LoginAsync("sysadmin");
        using var treasury = app.WithToken(await IssueAsync(sysadmin, new { name = "国库集中支付系统", scopes = new[] { ApiScopes.ImportPayments }, regionId = facts.RegionId }));
        var voucher = DemoFacts.NewNumber("V");
        var good = new { voucherNo = voucher, payDate = "2026-03-01", payerUnit = facts.UnitName, payeeName = facts.SupplierName, amount = 20_000m, contractNumber = number, purpose = "首期款" };

        using (var bad = await treasury.PostJsonAsync("/api/v1/payments", new object[] { good, good with { } }))
        {
            var body = await WebSession.ReadJsonAsync(bad);
            Assert.True(bad.StatusCode == HttpStatusCode.UnprocessableEntity, body?.ToJsonString());
            var problem = Assert.Single(body!["problems"]!.AsArray())!;
            Assert.Equal((2, "voucherNo"), (problem["row"]!.GetValue<int>(), problem["column"]!.GetValue<string>()));
        }
        await using (var s = app.Database.AsSystem()) Assert.False(await s.Db.Payments.AnyAsync(p => p.VoucherNo == voucher));

        using (var ok = await treasury.PostJsonAsync("/api/v1/payments", new object[] { good }))
            Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        using var clerk = await app.LoginAsync("clerk");
        var payments = (await clerk.GetOkAsync($"/api/v1/contracts/{id}/payments")).AsArray();
        Assert.Equal(voucher, Assert.Single(payments)!["voucherNo"]!.GetValue<string>());
        await using (var s = app.Database.AsSystem())
            Assert.Contains(await s.Db.ContractEvents.Where(e => e.ContractId == id).Select(e => e.Kind).ToListAsync(), k => k == "payment");

        // A payment to someone who is not the supplier raises an alert shown on the contract page and the supervisors' page.
        using (var foreign = await treasury.PostJsonAsync("/api/v1/payments", new object[] { good with { voucherNo = DemoFacts.NewNumber("V"), payeeName = "某劳务派遣有限公司" } }))
            Assert.True(foreign.StatusCode == HttpStatusCode.OK, await foreign.Content.ReadAsStringAsync());
        var (status, html) = await clerk.GetTextAsync($"/Contracts/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"contract-alerts\"", html);
        Assert.Contains("某劳务派遣有限公司", html);
        using var supervisor = await app.LoginAsync("supervisor");
        var (pageStatus, alertsPage) = await supervisor.GetTextAsync("/Performance/Payments");
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains("收款人非合同供应商", alertsPage);

        // A ledger-read token may not import; a supplier login may not either.
        using var reader = app.WithToken(await IssueAsync(sysadmin, new { name = "只读", scopes = new[] { ApiScopes.ReadLedger }, regionId = facts.RegionId }));
        using (var refused = await reader.PostJsonAsync("/api/v1/payments", new object[] { good with { voucherNo = DemoFacts.NewNumber("V") } }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Api_ChangeAndAcceptance_AnswerProblemsForBadInput_AndAppearOnTheTimeline(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var (id, _) = await FiledAsync(app, facts);
        using var clerk = await app.LoginAsync("clerk");
        using var leader = await app.LoginAsync("leader");

        using (var negative = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/changes", new { kind = "Amount", amountDelta = -80_000m, reason = "减少" }))
            Assert.Contains(await Problems.AssertFieldErrorAsync(negative, "amountDelta"), m => m.Contains("负数") || m.Contains("negative"));
        await using (var s = app.Database.AsSystem()) Assert.False(await s.Db.ContractChanges.AnyAsync(c => c.ContractId == id));

        long changeId;
        using (var created = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/changes", new { kind = "Term", newEndDate = "2027-06-30", reason = "工期顺延" }))
        {
            var body = await WebSession.ReadJsonAsync(created);
            Assert.True(created.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
            changeId = body!["id"]!.GetValue<long>();
        }
        using (var approved = await leader.PostJsonAsync($"/api/v1/changes/{changeId}/approve", new { note = "同意" }))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        using (var future = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/acceptances", new { date = "2099-01-01", result = "Passed", participants = "甲乙双方" }))
            await Problems.AssertFieldErrorAsync(future, "date");
        using (var accepted = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/acceptances", new
               {
                   date = "2026-03-01", result = "PassedWithIssues", participants = "李经办；郑经理",
                   findings = new[] { new { item = "人员配置", standard = "不少于8人", result = "Deviates", note = "7人" } },
               }))
            Assert.True(accepted.StatusCode == HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());

        await using var check = app.Database.AsSystem();
        var kinds = await check.Db.ContractEvents.Where(e => e.ContractId == id).Select(e => e.Kind).ToListAsync();
        Assert.Contains("change-approved", kinds);
        Assert.Contains("acceptance", kinds);
        Assert.Equal(new DateOnly(2027, 6, 30), (await check.Db.Contracts.SingleAsync(c => c.Id == id)).EndDate);
    }
}
