using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Extraction;

/// <summary>A services contract written as a .docx in the test, naming the demo supplier by its USCC.</summary>
public static class ExtractionFixtures
{
    public static string[] Lines(DemoFacts facts, string number) =>
    [
        "示范区教育局物业管理服务合同",
        $"合同编号：{number}",
        "甲方（采购人）：示范区教育局",
        "联系人：李经办",
        "联系电话：0755-82221234",
        $"乙方（供应商）：{facts.SupplierName}",
        $"统一社会信用代码：{facts.SupplierUscc}",
        "联系人：郑经理",
        "联系电话：13800138000",
        "第一条 服务内容",
        "乙方为甲方提供办公楼物业管理服务。",
        "第二条 合同金额",
        "合同总价为人民币伍万捌仟元整（¥58,000.00），含税，税率6%。",
        "第三条 服务期限",
        "服务期限自2026年3月1日起至2027年2月28日止。",
        "第四条 付款方式",
        "合同签订后10个工作日内，甲方支付合同总价的30%；验收合格后30日内支付剩余70%。",
        "甲方（盖章）：示范区教育局",
        $"乙方（盖章）：{facts.SupplierName}",
        "签订日期：2026年2月20日",
    ];

    /// <summary>The contract as .docx bytes, one paragraph a line.</summary>
    public static byte[] Docx(IEnumerable<string> lines)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(lines.Select(l => new Paragraph(new Run(new Text(l))))));
            main.Document.Save();
        }
        return ms.ToArray();
    }
}
