using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Credit;

/// <summary>
/// Credit records of suppliers and budget units and their grades: records from evaluations (added in the
/// assessment's transaction), from performance events and determinations; grades per subject and year by
/// <see cref="CreditRules"/>.
/// </summary>
public sealed class CreditService(LvyueDbContext db, StarRatingService ratings)
{
    /// <summary>Stages the credit records an assessment and its policy events give (saved by the caller's transaction).</summary>
    public void AddForAssessment(Assessment a, IReadOnlyList<PolicyEvent> events)
    {
        var on = DateOnly.FromDateTime(Common.ChinaTime.Local(a.ScoredAt));
        foreach (var e in events)
        {
            var kind = e.Kind switch
            {
                PolicyEventKind.TerminationRight => "termination_right",
                PolicyEventKind.BidBan => "bid_ban",
                _ => e.Amount is > 0 ? "deduction" : null,
            };
            if (kind is null) continue;
            Stage(CreditSubject.Supplier, a.SupplierId, a.RegionId, CreditSource.Evaluation, kind, a.ContractId, $"policy-event:{e.Id}", e.Reason, e.ReasonEn, on);
        }
        if (a.Line == AssessmentLine.Final && (a.Total >= 90m || a.Total < 60m))
        {
            var kind = a.Total >= 90m ? "final_excellent" : "final_failed";
            Stage(CreditSubject.Supplier, a.SupplierId, a.RegionId, CreditSource.Evaluation, kind, a.ContractId, $"assessment:{a.Id}",
                $"{CreditRules.Kinds[kind].Zh}：终评{a.Total:0.##}分", $"{CreditRules.Kinds[kind].En}: final score {a.Total:0.##}", on);
        }
    }

    /// <summary>Stages one record of a known kind unless its source was recorded already; returns it (or null).</summary>
    public CreditRecord? Stage(CreditSubject subject, long subjectId, long regionId, CreditSource source, string kind, long? contractId,
        string sourceKey, string summary, string summaryEn, DateOnly occurredOn, DateOnly? expiresOn = null)
    {
        var k = CreditRules.Kinds.TryGetValue(kind, out var found) ? found
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown credit record kind");
        if (db.CreditRecords.Local.Any(r => r.SourceKey == sourceKey)) return null;
        var r = new CreditRecord
        {
            Subject = subject, SubjectId = subjectId, RegionId = regionId, Source = source, Kind = kind, ContractId = contractId,
            SourceKey = sourceKey, Points = k.Points, Counted = k.Counted, Dishonest = k.Dishonest,
            Summary = summary, SummaryEn = summaryEn, OccurredOn = occurredOn, ExpiresOn = expiresOn,
            RecordedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.CreditRecords.Add(r);
        return r;
    }

    /// <summary>Recomputes and stores the subject's grade for the current year.</summary>
    public async Task<CreditGrade> RegradeAsync(CreditSubject subject, long subjectId, CancellationToken ct = default)
    {
        var asOf = ChinaTime.Today(db.Clock);
        var records = await db.CreditRecords.AsNoTracking().Where(r => r.Subject == subject && r.SubjectId == subjectId).ToListAsync(ct);
        decimal? evaluation = null;
        if (subject == CreditSubject.Supplier)
        {
            var (result, inputs, _) = await ratings.ComputeAsync(subjectId, null, ct);
            if (inputs.Count > 0) evaluation = result.Score;
        }
        var g = CreditRules.Grade(new GradeInput(subject, evaluation, records, asOf));
        var grade = await db.CreditGrades.FirstOrDefaultAsync(x => x.Subject == subject && x.SubjectId == subjectId && x.Year == asOf.Year, ct);
        if (grade is null)
        {
            grade = new CreditGrade { Subject = subject, SubjectId = subjectId, Year = asOf.Year, Reason = g.Reason, ReasonEn = g.ReasonEn };
            db.CreditGrades.Add(grade);
        }
        grade.Grade = g.Grade;
        grade.Score = g.Score;
        grade.EvaluationScore = evaluation;
        grade.RecordCount = g.RecordCount;
        grade.Reason = g.Reason;
        grade.ReasonEn = g.ReasonEn;
        grade.RulesVersion = CreditRules.Version;
        grade.AsOf = asOf;
        grade.ComputedAt = db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return grade;
    }

    /// <summary>The records of a subject, newest first.</summary>
    public Task<List<CreditRecord>> RecordsAsync(CreditSubject subject, long subjectId, CancellationToken ct = default) =>
        db.CreditRecords.AsNoTracking().Where(r => r.Subject == subject && r.SubjectId == subjectId)
            .OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id).ToListAsync(ct);

    /// <summary>The grades of a subject by year, newest first.</summary>
    public Task<List<CreditGrade>> GradesAsync(CreditSubject subject, long subjectId, CancellationToken ct = default) =>
        db.CreditGrades.AsNoTracking().Where(g => g.Subject == subject && g.SubjectId == subjectId)
            .OrderByDescending(g => g.Year).ToListAsync(ct);
}
