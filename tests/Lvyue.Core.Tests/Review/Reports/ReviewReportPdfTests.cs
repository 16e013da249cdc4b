using System.Diagnostics;
using System.Text;
using Lvyue.Review.Reports;

namespace Lvyue.Tests.Review.Reports;

/// <summary>The PDF report: the summary, the numbered findings and the text with the excerpts marked.</summary>
public sealed class ReviewReportPdfTests
{
    [Fact]
    public void Pdf_HasTheSummaryTheFindingsAndTheMarkedText()
    {
        var source = ReviewReportFixture.Source();
        var bytes = ReviewReportPdf.Write(source);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.EndsWith("%%EOF\n", Encoding.ASCII.GetString(bytes[^10..]));

        var text = PdfToText(bytes);
        if (text is null) return; // poppler-utils not installed: the structure above is all we can check
        var flat = text.Replace(" ", "").Replace("\n", "");
        Assert.Contains("合同审查报告", flat);
        Assert.Contains("rules-2026.11-abc123", flat);
        foreach (var f in source.Review.Findings) Assert.Contains(f.RuleId, flat);
        Assert.Contains("保证金比例经财政局批准", flat);
        Assert.Contains("总分Overall：84", flat);
        Assert.Contains("【乙方应缴纳合同金额【15%的履约保证金】〔2〕】〔1〕", flat);
    }

    [Fact]
    public void MarkedText_BracketsEachSpan_AndNumbersItsFindings()
    {
        var r = ReviewReportFixture.Source().Review;
        var numbers = r.Findings.Select((f, i) => (f.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
        var marked = ReviewReportPdf.MarkedText(r.Text, r.Findings, numbers);
        Assert.Contains("【乙方应缴纳合同金额【15%的履约保证金】〔2〕】〔1〕。", marked);
        Assert.Contains("验收【【以甲方满意为准】〔3〕，\n逾期视为验收合格】〔4〕。", marked);
        // Nothing else changes: without the marks it is the text.
        var plain = System.Text.RegularExpressions.Regex.Replace(marked, "〔\\d+〕|【|】", "");
        Assert.Equal(r.Text, plain);
    }

    [Fact]
    public void Pdf_OfAnUnreadableDocument_SaysSo()
    {
        var bytes = ReviewReportPdf.Write(ReviewReportFixture.Source(error: "the document could not be read / 文档无法读取: no text"));
        var text = PdfToText(bytes);
        if (text is null) return;
        Assert.Contains("文档无法读取，未经审查", text.Replace(" ", ""));
    }

    /// <summary>The PDF's text through poppler's pdftotext when it is installed (the test command installs it), else null.</summary>
    private static string? PdfToText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"review-report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (p is null) return null;
            var text = p.StandardOutput.ReadToEnd();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? text : throw new Xunit.Sdk.XunitException($"pdftotext failed: {error}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
