using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lvyue.Data;
using Lvyue.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Credit;

/// <summary>
/// The credit report of a supplier or budget unit (信用报告) as .docx or PDF: grades by year with their reasons,
/// star ratings (suppliers), and every credit record with whether it counts; and the reward lists of a year:
/// 优 suppliers for credit-loan referral (信易贷) and tender bonus points, units graded 优 two years running
/// for commendation.
/// </summary>
public sealed class CreditReport(LvyueDbContext db, CreditService credit)
{
    /// <summary>The report as lines of text (title first), the same for both formats.</summary>
    public async Task<List<string>> LinesAsync(CreditSubject subject, long id, CancellationToken ct = default)
    {
        var (name, uscc) = subject == CreditSubject.Supplier
            ? await db.Suppliers.AsNoTracking().Where(s => s.Id == id).Select(s => new ValueTuple<string, string>(s.Name, s.Uscc)).FirstOrDefaultAsync(ct)
            : await db.BudgetUnits.AsNoTracking().Where(u => u.Id == id).Select(u => new ValueTuple<string, string>(u.Name, u.Uscc ?? "")).FirstOrDefaultAsync(ct);
        if (name is null) throw Common.DomainException.NotFound(subject == CreditSubject.Supplier ? "供应商|supplier" : "预算单位|budget unit");
        var lines = new List<string>
        {
            "信用报告",
            $"主体：{name}（{(subject == CreditSubject.Supplier ? "供应商" : "预算单位")}）",
            $"统一社会信用代码：{uscc}",
            $"报告日期：{Common.ChinaTime.Today(db.Clock):yyyy年M月d日}",
            "",
            "一、信用等级",
        };
        var grades = await credit.GradesAsync(subject, id, ct);
        lines.AddRange(grades.Count == 0 ? ["暂无评级"] : grades.Select(g => $"{g.Year}年：{CreditRules.Label(g.Grade).Zh}（信用分{g.Score:0.##}）。{g.Reason}"));
        if (subject == CreditSubject.Supplier)
        {
            lines.Add("");
            lines.Add("二、星级评价");
            var ratings = await db.StarRatings.AsNoTracking().Where(r => r.SupplierId == id).OrderBy(r => r.Category).ToListAsync(ct);
            lines.AddRange(ratings.Count == 0 ? ["暂无星级"] : ratings.Select(r => $"{Contracts.Labels.Categories[r.Category].Zh}类：{r.Stars:0.0}星（加权得分{r.Score:0.00}，{r.ContractCount}个合同，{r.AssessmentCount}次考核，计算日{r.AsOf:yyyy-MM-dd}）"));
        }
        lines.Add("");
        lines.Add(subject == CreditSubject.Supplier ? "三、信用记录" : "二、信用记录");
        var records = await credit.RecordsAsync(subject, id, ct);
        lines.AddRange(records.Count == 0 ? ["无"] : records.Select(r =>
            $"{r.OccurredOn:yyyy-MM-dd} {r.Summary}（{r.Points:+0;-0;0}分{(r.Dishonest ? "，失信" : "")}{(r.Counted ? "" : "，仅记录不计分")}{(r.ExpiresOn is { } e ? $"，计入至{e:yyyy-MM-dd}" : "")}）"));
        lines.Add("");
        lines.Add($"评级规则：第{CreditRules.Version}版（见平台“信用评价”页）。");
        return lines;
    }

    public async Task<byte[]> PdfAsync(CreditSubject subject, long id, CancellationToken ct = default)
    {
        var lines = await LinesAsync(subject, id, ct);
        return MiniPdf.Write(lines.Select((l, i) => i == 0 ? new MiniPdf.Line(l, 18, Center: true) : new MiniPdf.Line(l, 11)));
    }

    public async Task<byte[]> DocxAsync(CreditSubject subject, long id, CancellationToken ct = default)
    {
        var lines = await LinesAsync(subject, id, ct);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            for (var i = 0; i < lines.Count; i++)
            {
                var props = new RunProperties(new RunFonts { EastAsia = "宋体" }, new FontSize { Val = i == 0 ? "36" : "22" });
                if (i == 0) props.Append(new Bold());
                var p = new Paragraph(new Run(props, new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve }));
                if (i == 0) p.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
                body.Append(p);
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>A reward list of a year as (id, name, USCC, score) rows.</summary>
    public async Task<List<(long Id, string Name, string Uscc, decimal Score)>> ListAsync(string kind, int year, CancellationToken ct = default)
    {
        switch (kind)
        {
            case "credit-loan-referral":
            case "tender-bonus":
            {
                var rows = await db.CreditGrades.AsNoTracking()
                    .Where(g => g.Subject == CreditSubject.Supplier && g.Year == year && g.Grade == CreditGradeLevel.Excellent)
                    .Join(db.Suppliers, g => g.SubjectId, s => s.Id, (g, s) => new { s.Id, s.Name, s.Uscc, g.Score }).OrderByDescending(x => x.Score).ToListAsync(ct);
                return rows.Select(x => (x.Id, x.Name, x.Uscc, x.Score)).ToList();
            }
            case "commendation":
            {
                var prior = db.CreditGrades.Where(p => p.Subject == CreditSubject.BudgetUnit && p.Year == year - 1 && p.Grade == CreditGradeLevel.Excellent).Select(p => p.SubjectId);
                var rows = await db.CreditGrades.AsNoTracking()
                    .Where(g => g.Subject == CreditSubject.BudgetUnit && g.Year == year && g.Grade == CreditGradeLevel.Excellent && prior.Contains(g.SubjectId))
                    .Join(db.BudgetUnits, g => g.SubjectId, u => u.Id, (g, u) => new { u.Id, u.Name, u.Uscc, g.Score }).OrderByDescending(x => x.Score).ToListAsync(ct);
                return rows.Select(x => (x.Id, x.Name, x.Uscc ?? "", x.Score)).ToList();
            }
            default:
                throw new Common.DomainException(Common.ErrorKind.NotFound, new Common.Msg($"没有名单“{kind}”", $"There is no list '{kind}'"));
        }
    }
}
