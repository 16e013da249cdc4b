using Lvyue.Files;
using Lvyue.Review.Ingestion;
using Lvyue.Review.Profiles;
using Lvyue.Review.Reviews;
using Lvyue.Review.Rules;
using Lvyue.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Review.Profiles;

/// <summary>A small library (the performance-bond file) so a test compiles its profiles in milliseconds, and helpers.</summary>
internal static class ProfileFixtures
{
    public static readonly IReadOnlyList<RuleFile> BondLibrary =
        [.. RuleLibrary.EmbeddedFiles().Where(f => f.Path.EndsWith("compliance/performance-bond.yaml", StringComparison.Ordinal))];

    /// <summary>A contract whose bond is 15% of the amount and whose acceptance is "to the purchaser's satisfaction".</summary>
    public const string Contract = "物业管理服务合同\n甲方：示范区教育局\n乙方：示范区鹏城物业管理有限公司\n第一条 合同金额\n合同总金额为人民币50000元。\n"
                                   + "第五条 履约保证金\n乙方应在合同签订后5日内向甲方缴纳合同金额15%的履约保证金，合同履行完毕后无息退还。\n"
                                   + "第六条 验收\n验收标准以甲方满意为准。\n";

    /// <summary>A region rule on 以甲方满意为准 in acceptance clauses, with its examples.</summary>
    public static RegionRule SatisfactionRule(string id = "R440303-ACC-001") => new(
        id, "general", "medium", ["acceptance"], [], RegionRuleMatch.Text, ["甲方满意为准"], ["国家标准"],
        "验收标准“以甲方满意为准”过于主观。", "The acceptance standard 'to the purchaser's satisfaction' is subjective.",
        "民法典 第五百一十一条", "写明验收所依据的国家、行业标准或技术参数。",
        ["第六条 验收\n验收标准以甲方满意为准。"], ["第六条 验收\n验收标准以国家标准和本合同技术参数为准。"]);

    public static RuleProfileService ProfilesOf(TestScope s, RuleProfileCache cache) => new(s.Db, cache);

    /// <summary>The review service on the test's scope, reviewing with the region's profile over <paramref name="cache"/>'s library.</summary>
    public static ContractReviewService ReviewsOf(TestScope s, RuleProfileCache cache) =>
        new(s.Db, s.Get<FileStore>(), s.Services.GetService<IngestionOptions>(), null, ProfilesOf(s, cache));
}
