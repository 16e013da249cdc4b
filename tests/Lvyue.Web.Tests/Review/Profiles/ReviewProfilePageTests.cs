using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Review.Profiles;

/// <summary>/Review/Profile, /Review/Rules and /Review/Rule/{id}: a supervisor adds a rule, reads its dismissal rate and disables a rule.</summary>
public sealed class ReviewProfilePageTests(ProfileHosts hosts) : IClassFixture<ProfileHosts>
{
    [Theory, BothDatabases]
    public async Task Supervisor_AddsARegionRule_ReadsItsDismissalRate_AndDisablesALibraryRuleWithAReason(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supervisor = await app.LoginAsync("supervisor");
        using var clerk = await app.LoginAsync("clerk");
        var (home, homeHtml) = await supervisor.GetTextAsync("/");
        Assert.Equal(HttpStatusCode.OK, home);
        Assert.Contains("href=\"/Review/Rules\"", homeHtml);
        var (clerkStatus, _) = await clerk.GetTextAsync("/Review/Rules");
        Assert.NotEqual(HttpStatusCode.OK, clerkStatus);

        var form = new Dictionary<string, string>
        {
            ["Id"] = "R440303-ACC-002", ["Group"] = "general", ["Severity"] = "medium", ["ClauseScope"] = "acceptance", ["Match"] = "regex",
            ["Patterns"] = "(甲方+)+满意", ["MessageZh"] = "验收标准以甲方满意为准，过于主观。", ["MessageEn"] = "Subjective acceptance standard.",
            ["Basis"] = "民法典 第五百一十一条", ["Trigger"] = "第六条 验收\n验收标准以甲方满意为准。",
            ["Pass"] = "第六条 验收\n验收标准以国家标准为准。\n---\n第六条 验收\n验收合格后甲方出具验收单。",
        };
        using (var refused = await supervisor.PostFormAsync("/Review/Profile", "/Review/Profile?handler=Rule", form))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("灾难性回溯", await refused.Content.ReadAsStringAsync());
        }
        var (_, before) = await supervisor.GetTextAsync("/Review/Profile");
        Assert.DoesNotContain("R440303-ACC-002", before);
        form["Patterns"] = "以甲方[^。]{0,4}满意为准";
        using (var saved = await supervisor.PostFormAsync("/Review/Profile", "/Review/Profile?handler=Rule", form))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, profile) = await supervisor.GetTextAsync("/Review/Profile");
        Assert.Contains("data-rule=\"R440303-ACC-002\"", profile);
        Assert.Contains("新增本区规则 R440303-ACC-002", profile);

        // Two contracts hit the rule: one finding dismissed, one accepted → 50%.
        var decisions = new[] { ("Dismissed", "本单位验收办法另有细则"), ("Accepted", (string?)null) };
        foreach (var (disposition, reason) in decisions)
        {
            var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("RPP")));
            await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", ProfileTexts.Contract);
            var fid = (await clerk.GetOkAsync($"/api/v1/contracts/{id}/review"))["hits"]!.AsArray()
                .Single(h => h!["ruleId"]!.GetValue<string>() == "R440303-ACC-002")!["id"]!.GetValue<long>();
            using var ok = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/review/findings/{fid}/decision", new { disposition, reason });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var (rulesStatus, rules) = await supervisor.GetTextAsync("/Review/Rules?sort=rate");
        Assert.Equal(HttpStatusCode.OK, rulesStatus);
        var row = rules[rules.IndexOf("data-rule=\"R440303-ACC-002\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("data-testid=\"hits\">2<", row);
        Assert.Contains("data-testid=\"dismissed\">1<", row);
        Assert.Contains("50%", row);
        Assert.Contains("href=\"/Review/Rule/R440303-ACC-002\"", row);

        using (var export = await supervisor.Client.GetAsync("/Review/Rules?handler=Export&sort=rate"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
            using var zip = new System.IO.Compression.ZipArchive(await export.Content.ReadAsStreamAsync());
            using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = await sheet.ReadToEndAsync();
            Assert.Contains("R440303-ACC-002", xml);
            Assert.Contains("驳回率", xml);
        }

        var (_, editing) = await supervisor.GetTextAsync("/Review/Profile?edit=R440303-ACC-002");
        Assert.Contains("修改本区规则", editing);
        Assert.Contains("以甲方[^。]{0,4}满意为准</textarea>", editing);
        Assert.Contains("name=\"Update\" value=\"true\"", editing);
        var (_, detail) = await supervisor.GetTextAsync("/Review/Rule/R440303-ACC-002");
        Assert.Contains("民法典 第五百一十一条", detail);
        Assert.Contains("data-ok=\"true\"", detail);
        Assert.DoesNotContain("data-ok=\"false\"", detail);

        // Disabling a library rule needs a reason; with one it is disabled and the page says why.
        const string url = "/Review/Rule/CMP-BOND-004";
        using (var refused = await supervisor.PostFormAsync(url, url + "?handler=Disable", new() { ["Reason"] = "" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("停用规则须填写原因", await refused.Content.ReadAsStringAsync());
        }
        using (var ok = await supervisor.PostFormAsync(url, url + "?handler=Disable", new() { ["Reason"] = "本区保证金另有管理办法" }))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (_, disabled) = await supervisor.GetTextAsync(url);
        Assert.Contains("data-testid=\"rule-disabled\"", disabled);
        Assert.Contains("本区保证金另有管理办法", disabled);
        var (_, overview) = await supervisor.GetTextAsync("/Review/Profile");
        Assert.Contains("data-rule=\"CMP-BOND-004\"", overview);

        // Tuning a threshold: a non-number is refused on the form; 20 is saved and the library's 15% example no longer triggers.
        const string bond = "/Review/Rule/CMP-BOND-001";
        using (var refused = await supervisor.PostFormAsync(bond, bond + "?handler=Parameters", new() { ["Parameters[condition/gt]"] = "二十" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("须为数字", await refused.Content.ReadAsStringAsync());
        }
        using (var ok = await supervisor.PostFormAsync(bond, bond + "?handler=Parameters", new() { ["Parameters[condition/gt]"] = "20", ["Reason"] = "试行" }))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (_, tuned) = await supervisor.GetTextAsync(bond);
        Assert.Contains("name=\"Parameters[condition/gt]\" value=\"20\"", tuned);
        Assert.Contains("data-ok=\"false\"", tuned);
        var (_, history) = await supervisor.GetTextAsync("/Review/Profile");
        Assert.Contains("规则 CMP-BOND-001 参数改为：performanceBondShare 大于 20", history);
    }
}
