using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Review.Reports;

/// <summary>
/// Writes the latest review of a contract as a document (.docx with comments, or PDF). Who may read the review may
/// download its report (the contract's unit and region; not its supplier): <see cref="ContractReviewService.LatestAsync"/>
/// decides. Nothing is written to the database.
/// </summary>
public sealed class ReviewReportService(LvyueDbContext db, ContractReviewService reviews)
{
    /// <summary>The report's source for the contract's latest review; NotFound when the contract has no review yet.</summary>
    public async Task<ReviewReportSource> LatestAsync(long contractId, CancellationToken ct = default)
    {
        var view = await reviews.LatestAsync(contractId, ct)
                   ?? throw new DomainException(ErrorKind.NotFound, new Msg("合同尚未审查（请上传合同文本）", "The contract has no review yet (upload a document)"));
        var c = await db.Contracts.AsNoTracking().Where(x => x.Id == contractId)
            .Select(x => new { x.Number, x.Title, Unit = x.BudgetUnit!.Name }).FirstAsync(ct);
        return new ReviewReportSource(c.Number, c.Title, c.Unit, view, db.Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The latest review as .docx: (bytes, file name).</summary>
    public async Task<(byte[] Bytes, string FileName)> DocxAsync(long contractId, CancellationToken ct = default)
    {
        var source = await LatestAsync(contractId, ct);
        return (ReviewReportDocx.Write(source), source.FileName("docx"));
    }

    /// <summary>The latest review as PDF: (bytes, file name).</summary>
    public async Task<(byte[] Bytes, string FileName)> PdfAsync(long contractId, CancellationToken ct = default)
    {
        var source = await LatestAsync(contractId, ct);
        return (ReviewReportPdf.Write(source), source.FileName("pdf"));
    }
}
