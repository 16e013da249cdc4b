using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lvyue.Review.Reviews;
using Lvyue.Review.Rules;

namespace Lvyue.Review.Reports;

/// <summary>
/// The review report as a Word document, the way a lawyer marks up a contract: a summary (contract, version, rule-set
/// version, counts and score by group), then the reviewed text with each finding's excerpt highlighted and anchored by a
/// real comment (rule id, group, severity, clause type, message, legal basis, suggestion and the reviewer's answer), then
/// the missing clauses, each with its comment, and the findings resolved since the previous version.
/// </summary>
public static class ReviewReportDocx
{
    private const string Author = "履约合同审查 Lvyue review";

    /// <summary>Writes the report.</summary>
    public static byte[] Write(ReviewReportSource source)
    {
        var review = source.Review;
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var comments = new Comments();
            var body = new Body();

            body.Append(P("合同审查报告", 36, bold: true, center: true));
            body.Append(P("Contract review report", 24, center: true));
            foreach (var (label, value) in source.SummaryLines())
                body.Append(Labelled(label, value));
            body.Append(SummaryTable(source));
            body.Append(P(ReviewReportSource.ScoreExplanation, 18));

            if (review.Error is not null)
            {
                body.Append(Heading("文档无法读取，未经审查 The document could not be read and was not reviewed"));
                body.Append(P(review.Error, 21));
            }
            else
            {
                var commentIds = new Dictionary<long, string>();
                var anchored = review.Findings.Where(f => f.Start is not null && f.End is not null).ToList();
                var missing = review.Findings.Where(f => f.Start is null || f.End is null).ToList();
                var n = 0;
                foreach (var f in anchored.Concat(missing))
                {
                    var id = (n++).ToString(CultureInfo.InvariantCulture);
                    commentIds[f.Id] = id;
                    comments.Append(CommentOf(f, id, review.ReviewedAt));
                }

                body.Append(Heading("合同文本（批注标出审查发现）Contract text, findings as comments"));
                foreach (var p in TextWithComments(review.Text, anchored, commentIds)) body.Append(p);

                if (missing.Count > 0)
                {
                    body.Append(Heading("缺失条款 Missing clauses"));
                    foreach (var f in missing)
                    {
                        var id = commentIds[f.Id];
                        var text = $"{f.ClauseType ?? f.RuleId}：{f.MessageZh}";
                        body.Append(new Paragraph(
                            new CommentRangeStart { Id = id }, TextRun(text, Highlight(f.Severity)), new CommentRangeEnd { Id = id }, ReferenceRun(id)));
                    }
                }
            }

            if (source.View.Resolved.Count > 0)
            {
                body.Append(Heading("上一版本的已解决发现 Resolved since the previous version"));
                foreach (var f in source.View.Resolved)
                    body.Append(P($"{f.RuleId} {ReviewLabels.Group(f.Group).Zh}·{ReviewLabels.Severity(f.Severity).Zh}：{f.MessageZh}"
                                  + (f.Excerpt is null ? "" : $"（原文：{Clean(f.Excerpt)}）"), 21));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588U, Right = 1588U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            if (comments.HasChildren)
            {
                var part = main.AddNewPart<WordprocessingCommentsPart>();
                part.Comments = comments;
                part.Comments.Save();
            }
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>
    /// The text as paragraphs (one per line) with a comment range around each finding's span: ranges may overlap and may
    /// cross lines; the characters inside any range are highlighted by the highest severity among them.
    /// </summary>
    private static IEnumerable<Paragraph> TextWithComments(string text, IReadOnlyList<ReviewFinding> findings, IReadOnlyDictionary<long, string> ids)
    {
        var starts = new Dictionary<int, List<ReviewFinding>>();
        var ends = new Dictionary<int, List<ReviewFinding>>();
        foreach (var f in findings)
        {
            var s = Math.Clamp(f.Start!.Value, 0, text.Length);
            var e = Math.Clamp(f.End!.Value, 0, text.Length);
            if (e <= s) e = Math.Min(text.Length, s + 1);
            if (e <= s) s = Math.Max(0, e - 1);
            (starts.TryGetValue(s, out var ls) ? ls : starts[s] = []).Add(f);
            (ends.TryGetValue(e, out var le) ? le : ends[e] = []).Add(f);
        }
        var active = new List<ReviewFinding>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var nl = text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? text.Length : nl;
            var p = new Paragraph();
            var cursor = lineStart;
            for (var pos = lineStart; pos <= lineEnd; pos++)
            {
                var hasEnd = ends.TryGetValue(pos, out var endHere);
                var hasStart = starts.TryGetValue(pos, out var startHere);
                if (!hasEnd && !hasStart) continue;
                if (pos > cursor) p.Append(TextRun(text[cursor..pos], active.Count == 0 ? null : Highlight(Highest(active))));
                cursor = pos;
                if (hasEnd)
                {
                    foreach (var f in endHere!.Where(active.Contains).ToList())
                    {
                        p.Append(new CommentRangeEnd { Id = ids[f.Id] }, ReferenceRun(ids[f.Id]));
                        active.Remove(f);
                    }
                }
                if (hasStart)
                {
                    foreach (var f in startHere!)
                    {
                        p.Append(new CommentRangeStart { Id = ids[f.Id] });
                        active.Add(f);
                    }
                }
            }
            if (lineEnd > cursor) p.Append(TextRun(text[cursor..lineEnd], active.Count == 0 ? null : Highlight(Highest(active))));
            yield return p;
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        // A span that runs past the text (it cannot, clamped above) would leave a range open; close any left.
        if (active.Count > 0)
        {
            var tail = new Paragraph();
            foreach (var f in active) tail.Append(new CommentRangeEnd { Id = ids[f.Id] }, ReferenceRun(ids[f.Id]));
            yield return tail;
        }
    }

    private static Comment CommentOf(ReviewFinding f, string id, DateTime reviewedAt)
    {
        var c = new Comment { Id = id, Author = Author, Initials = "LY", Date = DateTime.SpecifyKind(reviewedAt, DateTimeKind.Utc) };
        var group = ReviewLabels.Group(f.Group);
        var severity = ReviewLabels.Severity(f.Severity);
        c.Append(new Paragraph(new Run(new AnnotationReferenceMark()),
            TextRun($"[{f.RuleId}] {group.Zh}·{severity.Zh}风险 {group.En} · {severity.En}", null, bold: true)));
        c.Append(CommentLine("问题 Issue：", $"{f.MessageZh} {f.MessageEn}"));
        if (f.ClauseType is not null) c.Append(CommentLine("条款类型 Clause type：", f.ClauseType));
        if (f.Basis is not null) c.Append(CommentLine("依据 Basis：", f.Basis));
        if (f.Suggestion is not null) c.Append(CommentLine("建议 Suggestion：", f.Suggestion));
        c.Append(CommentLine("处理 Answer：", ReviewLabels.Answer(f)));
        if (f.CarriedOver) c.Append(CommentLine("", "沿用上一版本的发现 Carried over from the previous version"));
        return c;
    }

    private static Paragraph CommentLine(string label, string text) =>
        new(TextRun(label, null, bold: true), TextRun(Clean(text), null));

    private static Run ReferenceRun(string id) =>
        new(new RunProperties(new RunStyle { Val = "CommentReference" }), new CommentReference { Id = id });

    private static Table SummaryTable(ReviewReportSource source)
    {
        var r = source.Review;
        var score = source.Score;
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var t = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border));
        // Six columns over the 8,730 twips between the margins.
        t.Append(new TableGrid(new GridColumn { Width = "2130" }, new GridColumn { Width = "1320" }, new GridColumn { Width = "1320" },
            new GridColumn { Width = "1320" }, new GridColumn { Width = "1320" }, new GridColumn { Width = "1320" }));
        t.Append(Row(true, "类别 Group", "发现 Findings", "已驳回 Dismissed", "待处理 Open", "高风险待处理 Open high", "评分 Score"));
        foreach (var g in RuleGroups.All)
        {
            var count = g switch
            {
                RuleGroups.Compliance => r.ComplianceCount, RuleGroups.Severe => r.SevereCount,
                RuleGroups.General => r.GeneralCount, _ => r.MissingCount,
            };
            var s = score?[g];
            t.Append(Row(false, ReviewLabels.Both(ReviewLabels.Group(g)), Num(count), s is null ? "—" : Num(s.Dismissed),
                s is null ? "—" : Num(s.Open), s is null ? "—" : Num(s.OpenHigh), s is null ? "—" : Num(s.Score)));
        }
        t.Append(Row(true, "合计 Total", Num(r.Findings.Count), score is null ? "—" : Num(score.Groups.Sum(g => g.Dismissed)),
            score is null ? "—" : Num(score.Open), score is null ? "—" : Num(score.OpenHigh), score is null ? "未评分 n/a" : Num(score.Overall)));
        return t;
    }

    private static TableRow Row(bool bold, params string[] cells) =>
        new(cells.Select(c => new TableCell(new Paragraph(TextRun(c, null, bold)))));

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Highest(IEnumerable<ReviewFinding> fs)
    {
        var list = fs.Select(f => f.Severity).ToList();
        return list.Contains(RuleSeverities.High) ? RuleSeverities.High : list.Contains(RuleSeverities.Medium) ? RuleSeverities.Medium : RuleSeverities.Low;
    }

    private static HighlightColorValues Highlight(string severity) => severity switch
    {
        RuleSeverities.High => HighlightColorValues.Yellow,
        RuleSeverities.Medium => HighlightColorValues.Cyan,
        _ => HighlightColorValues.LightGray,
    };

    private static Run TextRun(string text, HighlightColorValues? highlight, bool bold = false)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold());
        if (highlight is { } h) props.Append(new Highlight { Val = h });
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        run.Append(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Paragraph P(string text, int halfPoints, bool bold = false, bool center = false)
    {
        var props = new RunProperties(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        if (bold) props.PrependChild(new Bold());
        var p = new Paragraph(new Run(props, new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
        if (center) p.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return p;
    }

    private static Paragraph Heading(string text)
    {
        var p = P(text, 28, bold: true);
        p.PrependChild(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }));
        return p;
    }

    private static Paragraph Labelled(string label, string value) => new(TextRun(label + "：", null, bold: true), TextRun(value, null));

    /// <summary>Characters XML 1.0 cannot carry become spaces (tabs stay).</summary>
    private static string Clean(string s) =>
        s.Any(c => c < 0x20 && c != '\t' || c is '\uFFFE' or '\uFFFF')
            ? string.Concat(s.Select(c => c < 0x20 && c != '\t' || c is '\uFFFE' or '\uFFFF' ? ' ' : c)) : s;

    /// <summary>Default fonts (宋体 for Chinese, Times New Roman otherwise, 10.5 pt) and the comment styles Word expects.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体", ComplexScript = "Times New Roman" },
                    new FontSize { Val = "21" }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "60", Line = "300", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "annotation reference" }, new BasedOn { Val = "DefaultParagraphFont" },
                new StyleRunProperties(new FontSize { Val = "16" })) { Type = StyleValues.Character, StyleId = "CommentReference" },
            new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden())
                { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true });
        part.Styles.Save();
    }
}
