using Lvyue.Review.Reports;
using Lvyue.Review.Reviews;

namespace Lvyue.Web.Api;

/// <summary>A stored finding as the API shows it.</summary>
public sealed record ReviewFindingDto(long Id, string RuleId, string Group, string Severity, string? ClauseType, int? Start, int? End,
    string? Excerpt, string Message, string MessageEn, string? Basis, string? Suggestion, bool CarriedOver,
    FindingDisposition Disposition, string? Reason, string? DecidedBy, DateTime? DecidedAt)
{
    public static ReviewFindingDto Of(ReviewFinding f) => new(f.Id, f.RuleId, f.Group, f.Severity, f.ClauseType, f.Start, f.End, f.Excerpt,
        f.MessageZh, f.MessageEn, f.Basis, f.Suggestion, f.CarriedOver, f.Disposition, f.Reason, f.DecidedBy, f.DecidedAt);
}

/// <summary>A reviewer's answer to a finding: accepted or dismissed (a dismissal needs a reason).</summary>
public sealed record FindingDecision(FindingDisposition Disposition, string? Reason);

/// <summary>/api/v1/contracts/{id}/review: the latest stored review of a contract and the answers to its findings.</summary>
public static class ReviewApi
{
    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/contracts/{id:long}/review").WithTags("Review").RequireAuthorization();
        g.MapGet("/", async (long id, ContractReviewService reviews, CancellationToken ct) =>
        {
            var view = await reviews.LatestAsync(id, ct);
            if (view is null) return Results.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "The contract has no review yet (upload a document) / 合同尚未审查（请上传合同文本）");
            var r = view.Review;
            return TypedResults.Ok(new
            {
                r.Id, r.ContractId, r.DocumentId, r.DocumentSha256, r.FileName, r.VersionNo, r.RuleSetVersion, r.ReviewedAt, r.Error,
                summary = new Dictionary<string, int>
                {
                    ["compliance"] = r.ComplianceCount, ["severe"] = r.SevereCount, ["general"] = r.GeneralCount, ["missing"] = r.MissingCount,
                },
                score = ScoreDto(ReviewScore.Of(r)),
                hits = r.Findings.Select(ReviewFindingDto.Of),
                resolved = view.Resolved.Select(ReviewFindingDto.Of),
            });
        }).WithSummary("The latest review of the contract's documents: hits (new or carried over), resolved hits of the previous version, summary by group");
        g.MapPost("/findings/{fid:long}/decision", async (long id, long fid, FindingDecision d, ContractReviewService reviews, CancellationToken ct) =>
            TypedResults.Ok(ReviewFindingDto.Of(await reviews.DecideAsync(id, fid, d.Disposition, d.Reason, ct))))
            .WithSummary("Accept or dismiss a finding (Disposition Accepted|Dismissed; a dismissal needs a Reason)");
        g.MapGet("/report.docx", async (long id, ReviewReportService reports, CancellationToken ct) =>
        {
            var (bytes, name) = await reports.DocxAsync(id, ct);
            return TypedResults.File(bytes, DocxType, name);
        }).WithSummary("The latest review as a Word document: summary and score by group, the text with a comment anchored at each finding's excerpt");
        g.MapGet("/report.pdf", async (long id, ReviewReportService reports, CancellationToken ct) =>
        {
            var (bytes, name) = await reports.PdfAsync(id, ct);
            return TypedResults.File(bytes, "application/pdf", name);
        }).WithSummary("The latest review as PDF: summary and score by group, the numbered findings, the text with the excerpts marked");
        return g;
    }

    /// <summary>The media type of a .docx.</summary>
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The score by group and overall (null when the document could not be read).</summary>
    private static object? ScoreDto(ReviewScore? s) => s is null ? null : new
    {
        overall = s.Overall, open = s.Open, openHigh = s.OpenHigh,
        groups = s.Groups.ToDictionary(g => g.Group, g => new { g.Count, g.Dismissed, g.Open, g.OpenHigh, g.Score }),
    };
}
