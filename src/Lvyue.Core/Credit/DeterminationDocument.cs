using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Lvyue.Credit;

/// <summary>
/// The determination document (失信行为认定决定书) from its template: number, party, facts, basis, measures and
/// appeal route, issued by the region's credit office; written as .docx and as PDF with the same text.
/// </summary>
public static class DeterminationDocument
{
    /// <summary>The document as (heading, body) sections after the title lines.</summary>
    public static IReadOnlyList<(string Heading, string Body)> Sections(DishonestyDetermination d) =>
    [
        ("当事人", $"{d.SubjectName}" + (d.SubjectUscc is null ? "" : $"（统一社会信用代码：{d.SubjectUscc}）")),
        ("一、失信事实", d.Facts),
        ("二、认定依据", d.Basis),
        ("三、惩戒措施", d.Measures + (d.RestrictionMonths > 0 ? $"自本决定公布之日起{d.RestrictionMonths}个月内限制参与本地区政府采购活动。" : "")),
        ("四、公示期限", d.ExpiresOn is { } e ? $"本决定自公布之日起公示，至{e:yyyy年M月d日}止；公示期满或经信用修复后不再作为失信记录计入信用评价。" : "自公布之日起公示。"),
        ("五、申诉途径", d.AppealRoute),
    ];

    public static string Title => "失信行为认定决定书";

    public static string Issuer(string regionName) => $"{regionName}社会信用体系建设工作领导小组办公室";

    public static byte[] Docx(DishonestyDetermination d, string regionName, DateOnly issuedOn)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(P(Title, 36, bold: true, center: true));
            body.Append(P(d.Number ?? "", 24, center: true));
            foreach (var (heading, text) in Sections(d))
            {
                body.Append(P(heading, 24, bold: true));
                foreach (var para in text.Split('\n')) body.Append(P(para, 24));
            }
            body.Append(P(Issuer(regionName), 24, right: true));
            body.Append(P($"{issuedOn:yyyy年M月d日}", 24, right: true));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    public static byte[] Pdf(DishonestyDetermination d, string regionName, DateOnly issuedOn)
    {
        var lines = new List<MiniPdf.Line> { new(Title, 18, Center: true), new(d.Number ?? "", 12, Center: true), new("") };
        foreach (var (heading, text) in Sections(d))
        {
            lines.Add(new(heading, 13));
            lines.Add(new(text));
            lines.Add(new(""));
        }
        lines.Add(new(Issuer(regionName)));
        lines.Add(new($"{issuedOn:yyyy年M月d日}"));
        return MiniPdf.Write(lines);
    }

    private static Paragraph P(string text, int halfPoints, bool bold = false, bool center = false, bool right = false)
    {
        var props = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman", HighAnsi = "Times New Roman" }, new FontSize { Val = halfPoints.ToString() });
        if (bold) props.Append(new Bold());
        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center || right)
            p.PrependChild(new ParagraphProperties(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right }));
        return p;
    }
}
