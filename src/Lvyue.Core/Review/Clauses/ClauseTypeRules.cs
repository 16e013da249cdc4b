namespace Lvyue.Review.Clauses;

/// <summary>
/// The default classification rules, one row per type: the heading terms, then the body terms by weight
/// (4 = decisive on its own, 3 = strong, 2 = needs company, 1 = weak). Tune here; the classifier holds no words.
/// </summary>
public static class ClauseTypeRules
{
    private static readonly (string Type, string[] Heading, (int Weight, string[] Terms)[] Body)[] Table =
    [
        (ClauseTypes.Subject, ["合同标的", "标的", "采购内容", "采购标的", "服务内容", "服务范围", "工程概况", "工程内容", "项目概况", "货物清单", "工作内容", "承包范围", "项目内容", "采购清单"],
            [(3, ["采购标的", "服务内容", "服务范围", "工程名称", "承包范围", "货物名称", "规格型号", "工作内容"]), (2, ["工程内容", "工程地点", "品牌"]), (1, ["数量", "型号"])]),
        (ClauseTypes.Quality, ["质量", "质量标准", "质量要求", "技术标准", "技术要求", "服务标准", "服务质量", "技术规范"],
            [(3, ["质量标准", "质量要求", "技术规范", "技术标准"]), (2, ["国家标准", "行业标准", "规范要求", "原厂正品", "全新"]), (1, ["质量", "合格"])]),
        (ClauseTypes.Price, ["合同价款", "合同价格", "合同金额", "合同价", "价款", "合同总价", "报价", "签约合同价", "费用", "价格", "服务费", "税费"],
            [(4, ["签约合同价", "固定总价", "固定单价", "合同总金额"]), (2, ["合同金额", "大写", "含税", "税率", "包干"]), (1, ["合同总价", "人民币", "单价", "价格", "费用"])]),
        (ClauseTypes.Payment, ["付款", "支付", "结算", "付款方式", "支付方式", "价款支付", "进度款", "预付款", "付款条件"],
            [(3, ["预付款", "进度款", "尾款", "首付款", "付款方式", "银行转账"]), (2, ["付款", "支付", "结算", "拨付"])]),
        (ClauseTypes.Invoice, ["发票", "票据", "开票"],
            [(4, ["增值税专用发票", "增值税普通发票", "开具发票"]), (3, ["开票", "电子发票"]), (2, ["发票"])]),
        (ClauseTypes.Delivery, ["交付", "交货", "供货", "运输", "交付期限", "交货期限", "交货地点", "工期", "竣工", "履行地点", "包装"],
            [(4, ["交货地点", "交货时间", "交货期"]), (3, ["交货", "到货", "竣工日期", "计划竣工", "工期"]), (2, ["交付", "送达", "开工日期", "安装调试", "运输"])]),
        (ClauseTypes.Acceptance, ["验收", "检验", "测试", "验收标准", "竣工验收"],
            [(4, ["验收合格", "验收报告", "终验", "初验", "验收标准"]), (3, ["竣工验收", "试运行"]), (2, ["验收", "检验"])]),
        (ClauseTypes.Warranty, ["质量保证", "质量保修", "质保", "质保期", "保修", "保修期", "售后服务", "售后", "缺陷责任", "维保"],
            [(4, ["保修期", "质保期", "缺陷责任期", "质量保证期", "免费保修", "免费维修"]), (3, ["售后服务", "质保", "保修"]), (2, ["维保", "响应时间", "备品备件"])]),
        (ClauseTypes.PerformanceBond, ["履约保证金", "履约担保", "履约保函"],
            [(4, ["履约保证金", "履约保函", "履约担保"])]),
        (ClauseTypes.Retention, ["质量保证金", "质保金", "保留金"],
            [(4, ["质量保证金", "质保金", "保留金"])]),
        (ClauseTypes.Breach, ["违约", "违约责任", "赔偿", "罚则"],
            [(4, ["违约金"]), (3, ["违约责任", "滞纳金", "赔偿损失"]), (2, ["违约", "赔偿"]), (1, ["逾期", "损失"])]),
        (ClauseTypes.Termination, ["解除", "终止", "合同解除", "合同终止", "解约"],
            [(4, ["解除合同", "解除本合同", "解除本协议", "终止合同", "终止本合同"]), (3, ["合同解除", "合同终止"]), (1, ["解除", "终止"])]),
        (ClauseTypes.ForceMajeure, ["不可抗力"],
            [(3, ["不可抗力"]), (2, ["自然灾害"]), (1, ["地震", "战争", "洪水"])]),
        (ClauseTypes.Dispute, ["争议", "争议解决", "纠纷", "仲裁", "诉讼", "法律适用", "适用法律"],
            [(4, ["仲裁委员会", "人民法院"]), (3, ["仲裁", "诉讼"]), (2, ["争议", "协商解决", "管辖"]), (1, ["纠纷"])]),
        (ClauseTypes.Confidentiality, ["保密", "保密条款", "保密义务"],
            [(4, ["商业秘密", "保密信息", "保密义务"]), (3, ["保密", "泄密"]), (2, ["泄露"])]),
        (ClauseTypes.IntellectualProperty, ["知识产权", "著作权", "专利", "版权"],
            [(4, ["知识产权", "软件著作权"]), (3, ["著作权", "专利权"]), (2, ["专利", "商标", "源代码", "侵权"])]),
        (ClauseTypes.Integrity, ["廉洁", "廉政", "反商业贿赂", "反腐败"],
            [(4, ["廉洁", "廉政", "商业贿赂"]), (3, ["回扣", "贿赂", "好处费"]), (2, ["宴请", "礼金", "有价证券"])]),
        (ClauseTypes.Change, ["变更", "合同变更", "调整", "变更与调整", "签证"],
            [(4, ["工程变更", "设计变更", "变更指示", "合同变更"]), (3, ["补充协议", "书面变更"]), (2, ["变更", "签证", "价格调整"])]),
        (ClauseTypes.Subcontract, ["分包", "转包", "转让", "分包与转包"],
            [(4, ["转包", "违法分包", "分包"]), (2, ["转让"])]),
        (ClauseTypes.Insurance, ["保险"],
            [(4, ["投保", "意外伤害保险", "工程一切险", "保险单"]), (3, ["保险费", "工伤保险"]), (2, ["保险"])]),
        (ClauseTypes.Safety, ["安全", "安全生产", "文明施工", "环境保护", "职业健康", "安全文明施工"],
            [(4, ["安全生产", "文明施工", "安全事故"]), (3, ["安全措施", "安全责任"]), (2, ["环境保护", "劳动保护", "消防"]), (1, ["安全"])]),
        (ClauseTypes.Personnel, ["人员", "项目经理", "项目负责人", "劳动用工", "人员配备", "用工", "团队"],
            [(4, ["项目经理", "项目负责人", "驻场人员"]), (3, ["人员配备", "农民工工资", "劳动合同", "驻场"]), (2, ["更换人员", "资格证书", "工作人员"]), (1, ["人员"])]),
        (ClauseTypes.Assessment, ["考核", "绩效", "评价", "服务评价", "考评"],
            [(4, ["考核", "绩效", "考评", "扣分"]), (2, ["满意度", "评分"]), (1, ["评价"])]),
        (ClauseTypes.Notice, ["通知", "送达", "通知与送达", "联系方式", "联络", "联系人"],
            [(4, ["送达地址", "视为送达", "通讯地址"]), (2, ["书面通知", "联系人", "邮寄"]), (1, ["通知", "电子邮件"])]),
        (ClauseTypes.Effectiveness, ["生效", "合同生效", "效力", "附则", "合同份数"],
            [(4, ["签字盖章之日起生效", "盖章之日起生效", "同等法律效力"]), (3, ["生效", "一式"]), (2, ["正本", "副本"])]),
        (ClauseTypes.Term, ["期限", "合同期限", "服务期限", "有效期", "履行期限", "服务期", "合同期"],
            [(4, ["服务期限", "合同期限", "履行期限"]), (3, ["有效期", "服务期", "合同期"]), (2, ["自合同签订之日起"])]),
    ];

    private static readonly ClauseTypeRule[] Patterns =
    [
        new(ClauseTypes.Payment, RuleScope.Body, @"支付(?!违约金|赔偿)[^。;,；，\n]{0,16}?\d+(?:\.\d+)?%", 3, IsPattern: true),
        new(ClauseTypes.Term, RuleScope.Body, @"\d{4}年\d{1,2}月\d{1,2}日(?:起)?至\d{4}年\d{1,2}月\d{1,2}日", 3, IsPattern: true),
        new(ClauseTypes.Breach, RuleScope.Body, @"(?:万分之|千分之|百分之)[一二三四五六七八九十\d]+", 2, IsPattern: true),
    ];

    /// <summary>The default rules: the table above flattened, then the few pattern rules.</summary>
    public static IReadOnlyList<ClauseTypeRule> Default { get; } = Build();

    private static ClauseTypeRule[] Build()
    {
        var rules = new List<ClauseTypeRule>();
        foreach (var (type, heading, body) in Table)
        {
            foreach (var term in heading) rules.Add(new ClauseTypeRule(type, RuleScope.Heading, term));
            foreach (var (weight, terms) in body)
                foreach (var term in terms) rules.Add(new ClauseTypeRule(type, RuleScope.Body, term, weight));
        }
        rules.AddRange(Patterns);
        return [.. rules];
    }
}
