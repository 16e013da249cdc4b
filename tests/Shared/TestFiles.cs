using System.Text;
using Lvyue.Contracts;

namespace Lvyue.Testing;

/// <summary>Contract documents to upload in tests.</summary>
public static class TestFiles
{
    public static byte[] TextBytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// A short but complete property-service contract with no high-severity review finding in the services, goods or works
    /// subcategories the test worlds use (S01, G01, W01): approval of a filing waits for answers to high-severity findings,
    /// so the default document of a test that approves a filing must not have any.
    /// </summary>
    public const string CleanContract = "物业管理服务合同\n甲方：示范区教育局\n乙方：鹏城物业管理有限公司\n\n"
        + "第一条 合同标的\n乙方按照本合同约定向甲方提供物业管理服务，服务范围、内容和标准见附件服务需求书。\n\n"
        + "第二条 合同金额\n合同总价为人民币伍万元整（¥50,000.00），含税，税率6%。\n\n"
        + "第三条 履行期限\n自2026年3月1日起至2027年2月28日止。\n\n"
        + "第四条 付款方式\n合同签订后10个工作日内支付合同金额的30%；验收合格后30日内支付至合同金额的97%；余款3%作为质量保证金，质保期满后无息退还。乙方应在每次付款前开具合法有效的增值税发票。\n\n"
        + "第五条 验收\n甲方应在乙方交付后15日内组织验收，验收报告应当包括每一项技术、服务、安全标准的履约情况。\n\n"
        + "第六条 违约责任\n乙方逾期履行的，每日按合同金额的万分之五支付违约金，累计不超过合同金额的10%。\n\n"
        + "第七条 合同解除\n一方严重违约，经催告后在合理期限内仍未履行的，另一方可以书面通知解除合同。\n\n"
        + "第八条 不可抗力\n因不可抗力不能履行合同的，根据不可抗力的影响，部分或者全部免除责任，但应及时通知对方并提供证明。\n\n"
        + "第九条 安全与用工\n乙方应遵守安全生产法律法规，落实安全生产责任制，服务期间发生的安全事故由乙方负责；乙方应按时足额支付其雇用人员工资，不得拖欠农民工工资。\n\n"
        + "第十条 争议解决\n因本合同引起的争议，双方协商解决；协商不成的，向甲方所在地人民法院提起诉讼。\n\n"
        + "第十一条 通知\n双方的通知以书面形式送达本合同载明的地址。\n\n"
        + "第十二条 合同生效\n本合同自双方签字盖章之日起生效。本合同一式四份，甲乙双方各执两份。\n\n"
        + "甲方（盖章）：示范区教育局          乙方（盖章）：鹏城物业管理有限公司\n签订日期：2026年2月20日\n";

    /// <summary>A plain-text contract (by default <see cref="CleanContract"/>).</summary>
    public static UploadedDocument Txt(string text = CleanContract, string name = "合同.txt") =>
        new(name, new MemoryStream(TextBytes(text)));

    /// <summary>A minimal PDF (the sniffer reads the %PDF- signature).</summary>
    public static UploadedDocument Pdf(string name = "合同.pdf") =>
        new(name, new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")));

    /// <summary>A Windows executable (MZ header) renamed to .pdf.</summary>
    public static UploadedDocument ExeRenamedPdf(string name = "合同.pdf")
    {
        var bytes = new byte[512];
        "MZ"u8.CopyTo(bytes);
        bytes[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return new UploadedDocument(name, new MemoryStream(bytes));
    }
}
