using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Review.Profiles;

/// <summary>
/// Apps of their own for the rule-profile tests: a profile change alters every later review of the demo region, so
/// these tests do not share the hosts of the other HTTP tests.
/// </summary>
public sealed class ProfileHosts : IAsyncLifetime
{
    private readonly HostPool _pool = new();

    /// <summary>This fixture's app on <paramref name="provider"/>.</summary>
    public Task<LvyueApp> For(string provider) => _pool.For(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _pool.DisposeAsync().AsTask();
}

/// <summary>Shared test data of the rule-profile web tests.</summary>
internal static class ProfileTexts
{
    /// <summary>A contract whose bond is 15% and whose acceptance is to the purchaser's satisfaction.</summary>
    public const string Contract = "物业管理服务合同\n甲方：示范区教育局\n乙方：鹏城物业管理有限公司\n第一条 合同金额\n合同总金额为人民币50000元。\n"
                                   + "第五条 履约保证金\n乙方应在合同签订后5日内向甲方缴纳合同金额15%的履约保证金，合同履行完毕后无息退还。\n"
                                   + "第六条 验收\n验收标准以甲方满意为准。\n";

    /// <summary>A region rule on 以甲方满意为准 in acceptance clauses, as the API takes it.</summary>
    public static object SatisfactionRule(string pattern = "甲方满意为准", string match = "text") => new
    {
        id = "R440303-ACC-001", group = "general", severity = "medium", scope = new[] { "acceptance" }, categories = Array.Empty<string>(),
        match, patterns = new[] { pattern }, exclude = new[] { "国家标准" },
        messageZh = "验收标准“以甲方满意为准”过于主观。", messageEn = "The acceptance standard is subjective.",
        basis = "民法典 第五百一十一条", suggestion = "写明验收所依据的国家、行业标准或技术参数。",
        trigger = new[] { "第六条 验收\n验收标准以甲方满意为准。" }, pass = new[] { "第六条 验收\n验收标准以国家标准和本合同技术参数为准。" },
    };
}
