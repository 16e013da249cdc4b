using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Lvyue.Review.Reports;

namespace Lvyue.Tests.Review.Reports;

/// <summary>The .docx report: a valid Word document whose comments are anchored at exactly the findings' excerpts.</summary>
public sealed class ReviewReportDocxTests
{
    [Fact]
    public void Docx_IsValid_AndEachFindingIsACommentAnchoredAtItsExcerpt()
    {
        var source = ReviewReportFixture.Source();
        var bytes = ReviewReportDocx.Write(source);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var comments = doc.MainDocumentPart!.WordprocessingCommentsPart!.Comments.Elements<Comment>().ToList();
        Assert.Equal(source.Review.Findings.Count, comments.Count);
        var anchored = AnchoredText(doc.MainDocumentPart.Document.Body!);
        var references = doc.MainDocumentPart.Document.Body!.Descendants<CommentReference>().Select(r => r.Id!.Value!).ToList();
        Assert.Equal(comments.Select(c => c.Id!.Value!).Order(), references.Order());

        foreach (var f in source.Review.Findings)
        {
            var comment = Assert.Single(comments, c => c.InnerText.Contains($"[{f.RuleId}]"));
            var text = comment.InnerText;
            Assert.Contains(f.MessageZh, text);
            Assert.Contains(f.Basis!, text);
            Assert.Contains(f.Suggestion!, text);
            Assert.Contains(ReviewLabels.Group(f.Group).Zh, text);
            Assert.Contains(ReviewLabels.Severity(f.Severity).Zh, text);
            if (f.Reason is not null) Assert.Contains(f.Reason, text);
            var range = anchored[comment.Id!.Value!];
            if (f.Excerpt is not null) Assert.Equal(f.Excerpt, range);             // exactly the excerpt, across lines too
            else Assert.Contains(f.ClauseType!, range);                            // a missing clause: its line in the list
        }
        Assert.Contains("待处理", Single(comments, "CMP-BOND-001"));
        Assert.Contains("已驳回", Single(comments, "GEN-BOND-009"));
        Assert.Contains("保证金比例经财政局批准", Single(comments, "GEN-BOND-009"));
        Assert.Contains("已采纳", Single(comments, "SEV-ACC-002"));

        var body = doc.MainDocumentPart.Document.Body!.InnerText;
        Assert.Contains("rules-2026.11-abc123", body);
        Assert.Contains("JY-2026/101", body);
        Assert.Contains("第2版", body);
        Assert.Contains("总分", body);
        Assert.Contains("GEN-AMT-003", body);                                     // resolved since the previous version
        // The whole text is there once, in order, with the comment marks around it.
        Assert.Contains(ReviewReportFixture.Text.Replace("\n", ""), body);
        var table = doc.MainDocumentPart.Document.Body!.Elements<Table>().First();
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["合规 Compliance", "1", "0", "1", "1", "80"], rows[1]);
        Assert.Equal(["一般风险 General risk", "2", "1", "1", "0", "95"], rows[3]);
        Assert.Equal("84", rows[^1][^1]);

        ConvertWithLibreOffice(bytes, source.Review.Findings.Count);
    }

    [Fact]
    public void Docx_OfAnUnreadableDocument_SaysSo_AndHasNoComments()
    {
        var bytes = ReviewReportDocx.Write(ReviewReportFixture.Source(error: "the document could not be read / 文档无法读取: no text"));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        Assert.Null(doc.MainDocumentPart!.WordprocessingCommentsPart);
        var body = doc.MainDocumentPart.Document.Body!.InnerText;
        Assert.Contains("文档无法读取，未经审查", body);
        Assert.Contains("未评分", body);
    }

    private static string Single(List<Comment> comments, string rule) => comments.Single(c => c.InnerText.Contains($"[{rule}]")).InnerText;

    /// <summary>The text inside each comment range (paragraph breaks as '\n'), by comment id.</summary>
    private static Dictionary<string, string> AnchoredText(Body body)
    {
        var open = new Dictionary<string, StringBuilder>();
        var done = new Dictionary<string, string>();
        foreach (var p in body.Elements<Paragraph>())
        {
            foreach (var e in p.Descendants())
            {
                switch (e)
                {
                    case CommentRangeStart s: open[s.Id!.Value!] = new StringBuilder(); break;
                    case CommentRangeEnd end: done[end.Id!.Value!] = open[end.Id!.Value!].ToString(); open.Remove(end.Id!.Value!); break;
                    case Text t: foreach (var sb in open.Values) sb.Append(t.Text); break;
                }
            }
            foreach (var sb in open.Values) sb.Append('\n');
        }
        Assert.Empty(open);
        return done;
    }

    /// <summary>
    /// LibreOffice opens the report: converted to flat OpenDocument, every comment is an annotation with its range end
    /// (not a point comment), one per finding; and it converts to PDF. scripts/test.sh installs it.
    /// </summary>
    private static void ConvertWithLibreOffice(byte[] docx, int findings)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        Assert.True(soffice is not null,
            "LibreOffice is missing: the review report test opens the .docx with it. Install it (Debian: apt-get install libreoffice-writer-nogui); bash scripts/test.sh does so as root.");
        var dir = Directory.CreateTempSubdirectory("review-docx-").FullName;
        try
        {
            var input = Path.Combine(dir, "report.docx");
            File.WriteAllBytes(input, docx);
            foreach (var format in new[] { "fodt", "pdf" })
            {
                using var p = Process.Start(new ProcessStartInfo(soffice,
                        ["-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--headless", "--convert-to", format, "--outdir", dir, input])
                    { RedirectStandardOutput = true, RedirectStandardError = true })!;
                Assert.True(p.WaitForExit(120_000), "soffice did not finish");
                Assert.True(File.Exists(Path.Combine(dir, "report." + format)), p.StandardError.ReadToEnd());
            }
            var fodt = File.ReadAllText(Path.Combine(dir, "report.fodt"));
            Assert.Equal(findings, System.Text.RegularExpressions.Regex.Count(fodt, "<office:annotation[ >]"));
            Assert.Equal(findings, System.Text.RegularExpressions.Regex.Count(fodt, "<office:annotation-end"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
