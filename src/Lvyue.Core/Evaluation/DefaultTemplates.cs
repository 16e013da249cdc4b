using Lvyue.Accounts;
using Lvyue.Contracts;

namespace Lvyue.Evaluation;

/// <summary>
/// The default evaluation templates: for every category and subcategory a daily line (project office,
/// monthly), a management line (unit leadership, quarterly) and a final evaluation (unit leadership,
/// once at completion). Resident-facing services add a satisfaction survey item.
/// </summary>
public static class DefaultTemplates
{
    /// <summary>Services whose users are residents: a satisfaction survey (群众满意度测评) is part of the score.</summary>
    public static readonly IReadOnlySet<string> ResidentFacing = new HashSet<string> { "S01", "S02", "S03", "S04", "S05", "S09", "S10" };

    private static readonly Dictionary<string, (string Zh, string En)> QualityNames = new()
    {
        ["W03"] = ("装修质量", "Finish quality"), ["W04"] = ("苗木成活与绿化质量", "Planting survival and quality"),
        ["G02"] = ("设备性能与计量合格", "Device performance and calibration"), ["G04"] = ("车辆配置与质量", "Vehicle specification and quality"),
        ["S01"] = ("物业服务质量", "Property service quality"), ["S02"] = ("保洁质量", "Cleaning quality"),
        ["S03"] = ("养护质量", "Maintenance quality"), ["S04"] = ("安保质量", "Security quality"),
        ["S06"] = ("法律意见质量", "Quality of legal work"), ["S07"] = ("审计咨询成果质量", "Quality of audit and advice"),
        ["S08"] = ("系统可用性与交付质量", "System availability and delivery quality"), ["S09"] = ("餐饮质量与食品安全", "Food quality and safety"),
        ["S13"] = ("监理工作质量", "Supervision quality"), ["S14"] = ("运维质量", "Operations quality"),
    };

    /// <summary>The default template of a line for a subcategory (or a category when <paramref name="sub"/> is null).</summary>
    public static EvaluationTemplate For(Category category, Subcategory? sub, AssessmentLine line)
    {
        var survey = line != AssessmentLine.Management && sub is not null && ResidentFacing.Contains(sub.Code);
        var items = line == AssessmentLine.Management ? ManagementItems() : PerformanceItems(category, sub?.Code, survey);
        (string Zh, string En) what = sub is null ? Labels.Categories[category] : (sub.Name, sub.NameEn);
        var (lineZh, _) = EvaluationLabels.Of(line);
        var t = new EvaluationTemplate
        {
            Category = category,
            SubcategoryId = sub?.Id,
            Line = line,
            Version = 1,
            Name = $"{what.Zh}{lineZh}模板",
            Frequency = line switch { AssessmentLine.Daily => AssessmentFrequency.Monthly, AssessmentLine.Management => AssessmentFrequency.Quarterly, _ => AssessmentFrequency.Once },
            ScorerRole = line == AssessmentLine.Daily ? Roles.UnitClerk : Roles.UnitLeader,
            SatisfactionSurvey = survey,
            CreatedBy = "system",
        };
        for (var i = 0; i < items.Count; i++)
        {
            items[i].SortOrder = i + 1;
            t.Items.Add(items[i]);
        }
        return t;
    }

    private static List<EvaluationTemplateItem> PerformanceItems(Category category, string? code, bool survey)
    {
        var q = code is not null && QualityNames.TryGetValue(code, out var n) ? n : category switch
        {
            Category.Works => ("工程质量", "Works quality"),
            Category.Goods => ("产品质量与规格符合性", "Product quality and conformity"),
            _ => ("服务质量", "Service quality"),
        };
        List<EvaluationTemplateItem> items = category switch
        {
            Category.Works =>
            [
                I("quality", q.Item1, q.Item2, 30, "符合设计文件及施工规范，分部分项验收一次合格得满分；每出现一次返工扣10分"),
                I("schedule", "工期进度", "Schedule", 20, "按进度计划完成节点得满分；每滞后一周扣5分"),
                I("safety", "安全文明施工", "Site safety", 20, "无安全事故、现场围挡及扬尘措施到位得满分；发生安全事故本项0分"),
                I("personnel", "人员到岗", "Key personnel on site", 15, "项目经理、技术负责人按投标承诺到岗；抽查缺岗一次扣5分"),
                I("documents", "资料合规", "Document compliance", 10, "施工日志、隐蔽验收、签证资料完整及时"),
                I("attitude", "配合与服务态度", "Cooperation", 5, "服从管理、及时响应采购人要求"),
            ],
            Category.Goods =>
            [
                I("quality", q.Item1, q.Item2, 35, "品牌、型号、参数与合同一致，验收一次合格得满分"),
                I("schedule", "交货及时性", "Delivery on time", 20, "按期交货得满分；每逾期一日扣2分"),
                I("installation", "安装调试与培训", "Installation and training", 10, "按约安装调试并完成使用培训"),
                I("aftersales", "售后服务", "After-sales service", 20, "故障响应及修复时间符合承诺"),
                I("documents", "资料合规", "Document compliance", 10, "合格证、说明书、质保书、发票齐全"),
                I("attitude", "服务态度", "Service attitude", 5, "沟通顺畅、配合验收"),
            ],
            _ => survey
                ?
                [
                    I("quality", q.Item1, q.Item2, 30, "按服务标准抽查，合格率100%得满分；每项不合格扣2分"),
                    I("personnel", "人员到岗", "Personnel on site", 20, "人员数量、资质与投标承诺一致；缺岗一人次扣2分"),
                    I("response", "响应及时性", "Responsiveness", 10, "报修、投诉在承诺时限内处理"),
                    I("safety", "安全管理", "Safety", 10, "无安全责任事故，台账完整"),
                    I("attitude", "服务态度", "Service attitude", 10, "无有效投诉；有效投诉一次扣5分"),
                    I("documents", "资料合规", "Document compliance", 10, "服务记录、考勤、培训台账完整"),
                    I("satisfaction", "群众满意度", "Resident satisfaction", 10, "满意度测评得分按百分制折算"),
                ]
                :
                [
                    I("quality", q.Item1, q.Item2, 35, "成果或服务符合合同约定的标准和要求"),
                    I("personnel", "人员到岗", "Personnel on site", 20, "人员数量、资质与投标承诺一致"),
                    I("response", "响应及时性", "Responsiveness", 15, "在承诺时限内响应和完成"),
                    I("safety", "安全与保密", "Safety and confidentiality", 10, "无安全、保密责任事故"),
                    I("attitude", "服务态度", "Service attitude", 10, "无有效投诉"),
                    I("documents", "资料合规", "Document compliance", 10, "服务记录、成果文件完整规范"),
                ],
        };
        return items;
    }

    private static List<EvaluationTemplateItem> ManagementItems() =>
    [
        I("performance", "合同履约总体情况", "Overall contract performance", 40, "对照合同约定的标的、质量、期限综合评定"),
        I("management", "内部管理与制度执行", "Management and procedures", 20, "管理制度健全、台账规范"),
        I("rectification", "整改落实", "Rectification", 20, "日常考核及检查发现问题按期整改"),
        I("cooperation", "沟通配合", "Cooperation", 20, "服从采购人管理、信息报送及时"),
    ];

    private static EvaluationTemplateItem I(string code, string zh, string en, decimal weight, string guidance) =>
        new() { Code = code, Name = zh, NameEn = en, Weight = weight, MaxScore = 100m, Guidance = guidance };
}
