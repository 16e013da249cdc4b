using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Evaluation;
using Lvyue.Performance;
using Lvyue.Performance.Payments;
using Lvyue.Review.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Credit.Kpi;

/// <summary>
/// Gathers the facts of <see cref="KpiFormula"/> for every budget unit of a region and a year, as of a date (the year's last
/// day, or today for the current year): set-based queries over the region's contracts, filing events, reviews, documents,
/// milestones, overdue and termination registers, payments and their alerts, assessments and determinations. Reads
/// everything of the region whoever asks (the caller checks who may compute).
/// </summary>
public sealed class KpiFacts(LvyueDbContext db)
{
    private static readonly ContractStatus[] Filed = [ContractStatus.Filed, ContractStatus.Performing, ContractStatus.Completed, ContractStatus.Terminated];

    /// <summary>The input of every unit of the region that has any fact, by unit id.</summary>
    public async Task<Dictionary<long, KpiInput>> LoadAsync(long regionId, int year, DateOnly asOf, KpiParameters p, CancellationToken ct = default)
    {
        var yStart = new DateOnly(year, 1, 1);
        var yEnd = new DateOnly(year, 12, 31);
        var utcFrom = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var utcTo = utcFrom.AddYears(1);
        var b = new Dictionary<long, Builder>();
        Builder U(long unit) => b.TryGetValue(unit, out var x) ? x : b[unit] = new Builder();

        var contracts = db.Contracts.IgnoreQueryFilters().Where(c => c.RegionId == regionId);

        // contract management: filing on time, documents complete (contracts signed in the year)
        var signed = await contracts.Where(c => c.SignDate >= yStart && c.SignDate <= yEnd)
            .Select(c => new { c.Id, c.Number, c.BudgetUnitId, SignDate = c.SignDate!.Value, c.Status, c.FilingRequired, c.CreatedAt }).ToListAsync(ct);
        var signedIds = contracts.Where(c => c.SignDate >= yStart && c.SignDate <= yEnd).Select(c => c.Id);
        var filedAt = (await db.ContractEvents.IgnoreQueryFilters().Where(e => signedIds.Contains(e.ContractId) && e.ToStatus == ContractStatus.Filed)
            .Select(e => new { e.ContractId, e.At }).ToListAsync(ct)).GroupBy(e => e.ContractId).ToDictionary(g => g.Key, g => g.Min(e => e.At));
        var withDocuments = (await db.ContractDocuments.IgnoreQueryFilters().Where(d => signedIds.Contains(d.ContractId))
            .Select(d => d.ContractId).Distinct().ToListAsync(ct)).ToHashSet();
        var calendar = await WorkingDayCalendar.LoadAsync(db, ct);
        foreach (var c in signed.OrderBy(c => c.SignDate).ThenBy(c => c.Id))
        {
            var isFiled = Filed.Contains(c.Status);
            if (!isFiled && !c.FilingRequired) continue;
            var (deadline, approx) = Deadline(calendar, c.SignDate, p.FilingDeadlineWorkingDays);
            var note = approx ? "（该年工作日历未维护，按周一至周五计）" : "";
            var noteEn = approx ? " (no holiday calendar for that year: Monday–Friday counted)" : "";
            DateOnly? filed = filedAt.TryGetValue(c.Id, out var at) ? Day(at) : isFiled ? Day(c.CreatedAt) : null;
            if (filed is { } f)
                U(c.BudgetUnitId).Filing.Add(new KpiEvent(c.Id, c.Number, f, f <= deadline,
                    $"{c.SignDate:yyyy-MM-dd}签订，{f:yyyy-MM-dd}备案，期限{deadline:yyyy-MM-dd}{(f <= deadline ? "" : "，" + Late(calendar, deadline, f))}{note}",
                    $"signed {c.SignDate:yyyy-MM-dd}, filed {f:yyyy-MM-dd}, deadline {deadline:yyyy-MM-dd}{noteEn}"));
            else if (deadline < asOf)
                U(c.BudgetUnitId).Filing.Add(new KpiEvent(c.Id, c.Number, c.SignDate, false,
                    $"{c.SignDate:yyyy-MM-dd}签订，至{asOf:yyyy-MM-dd}未备案（期限{deadline:yyyy-MM-dd}）{note}",
                    $"signed {c.SignDate:yyyy-MM-dd}, not filed by {asOf:yyyy-MM-dd} (deadline {deadline:yyyy-MM-dd}){noteEn}"));
            if (isFiled)
                U(c.BudgetUnitId).Documents.Add(new KpiEvent(c.Id, c.Number, c.SignDate, withDocuments.Contains(c.Id),
                    withDocuments.Contains(c.Id) ? "已上传合同文本" : "未上传合同文本", withDocuments.Contains(c.Id) ? "contract document uploaded" : "no contract document"));
        }

        // review findings of the latest review of each document reviewed in the year
        var findings = await (
            from f in db.ReviewFindings.IgnoreQueryFilters()
            join r in db.ContractReviews.IgnoreQueryFilters() on f.ReviewId equals r.Id
            join c in contracts on f.ContractId equals c.Id
            where r.ReviewedAt >= utcFrom && r.ReviewedAt < utcTo && !db.ContractReviews.IgnoreQueryFilters().Any(n => n.PreviousReviewId == r.Id)
            orderby f.Id
            select new { c.BudgetUnitId, c.Id, c.Number, f.RuleId, f.MessageZh, f.MessageEn, f.Disposition, r.ReviewedAt }).ToListAsync(ct);
        foreach (var f in findings)
        {
            var ok = f.Disposition != FindingDisposition.Open;
            U(f.BudgetUnitId).Findings.Add(new KpiEvent(f.Id, f.Number, Day(f.ReviewedAt), ok,
                $"{f.RuleId} {f.MessageZh}（{(f.Disposition == FindingDisposition.Accepted ? "已采纳" : f.Disposition == FindingDisposition.Dismissed ? "已说明理由" : "未答复")}）",
                $"{f.RuleId} {f.MessageEn} ({f.Disposition})"));
        }

        // performance: purchaser milestones due in the year (and past), overdue entries, terminations, SME payments
        var due = await (
            from m in db.Milestones.IgnoreQueryFilters()
            join c in contracts on m.ContractId equals c.Id
            where m.RegionId == regionId && m.ResponsibleParty == ResponsibleParty.Purchaser && m.DueDate >= yStart && m.DueDate <= yEnd
                  && m.DueDate < asOf && m.Status != MilestoneStatus.Waived && Filed.Contains(c.Status)
            orderby m.DueDate, m.Id
            select new { c.BudgetUnitId, c.Id, c.Number, m.Title, DueDate = m.DueDate!.Value, m.Status, m.MetDate, m.Amount }).ToListAsync(ct);
        foreach (var m in due)
        {
            var ok = m.Status == MilestoneStatus.Met && m.MetDate is { } met && met <= m.DueDate;
            var u = U(m.BudgetUnitId);
            u.DueAmount += m.Amount ?? 0m;
            u.DueCount++;
            u.Milestones.Add(new KpiEvent(m.Id, m.Number, m.DueDate, ok,
                $"{m.Title}：{m.DueDate:yyyy-MM-dd}到期，{(m.MetDate is { } d ? $"{d:yyyy-MM-dd}完成" : "未完成")}",
                $"{m.Title}: due {m.DueDate:yyyy-MM-dd}, {(m.MetDate is { } d2 ? $"met {d2:yyyy-MM-dd}" : "not met")}", m.Amount));
        }
        var overdue = await (
            from o in db.OverdueEntries.IgnoreQueryFilters()
            join m in db.Milestones.IgnoreQueryFilters() on o.MilestoneId equals m.Id
            join c in contracts on o.ContractId equals c.Id
            where o.RegionId == regionId && o.ResponsibleParty == ResponsibleParty.Purchaser && o.EnteredOn >= yStart && o.EnteredOn <= yEnd
            orderby o.EnteredOn, o.Id
            select new { c.BudgetUnitId, c.Id, c.Number, m.Title, o.DueDate, o.EnteredOn, o.ExitedOn, m.Amount }).ToListAsync(ct);
        foreach (var o in overdue)
            U(o.BudgetUnitId).Overdue.Add(new KpiEvent(o.Id, o.Number, o.EnteredOn, false,
                $"{o.Title}：{o.DueDate:yyyy-MM-dd}到期，{o.EnteredOn:yyyy-MM-dd}进入逾期执行库{(o.ExitedOn is { } x ? $"，{x:yyyy-MM-dd}移出" : "")}",
                $"{o.Title}: due {o.DueDate:yyyy-MM-dd}, overdue register from {o.EnteredOn:yyyy-MM-dd}{(o.ExitedOn is { } x2 ? $" to {x2:yyyy-MM-dd}" : "")}", o.Amount));
        var breaches = await (
            from t in db.TerminationEntries.IgnoreQueryFilters()
            join c in contracts on t.ContractId equals c.Id
            where t.RegionId == regionId && t.Outcome == BreachingParty.Purchaser && t.OutcomeOn >= yStart && t.OutcomeOn <= yEnd
            orderby t.OutcomeOn
            select new { c.BudgetUnitId, c.Id, c.Number, t.Reason, t.OutcomeOn, t.OutcomeNote }).ToListAsync(ct);
        foreach (var t in breaches)
            U(t.BudgetUnitId).Breaches.Add(new KpiEvent(t.Id, t.Number, t.OutcomeOn, false,
                $"因采购人违约解除合同：{t.Reason}{(string.IsNullOrWhiteSpace(t.OutcomeNote) ? "" : "；" + t.OutcomeNote)}", $"Terminated for the purchaser's breach: {t.Reason}"));
        var smeContracts = db.ContractSuppliers.IgnoreQueryFilters().Where(s => s.Supplier!.IsSme).Select(s => s.ContractId);
        var payments = await (
            from pay in db.Payments.IgnoreQueryFilters()
            join c in contracts on pay.ContractId equals (long?)c.Id
            where pay.PayDate >= yStart && pay.PayDate <= yEnd && smeContracts.Contains(c.Id)
            orderby pay.PayDate, pay.Id
            select new
            {
                c.BudgetUnitId, c.Id, c.Number, pay.VoucherNo, pay.PayDate, pay.PayeeName, pay.Amount,
                Late = db.ComplianceAlerts.IgnoreQueryFilters().Where(a => a.PaymentId == pay.Id && a.Kind == AlertKind.SmeLatePayment).Select(a => a.DaysLate).FirstOrDefault(),
                Alerted = db.ComplianceAlerts.IgnoreQueryFilters().Any(a => a.PaymentId == pay.Id && a.Kind == AlertKind.SmeLatePayment),
            }).ToListAsync(ct);
        foreach (var pay in payments)
            U(pay.BudgetUnitId).Sme.Add(new KpiEvent(pay.Id, pay.Number, pay.PayDate, !pay.Alerted,
                $"凭证{pay.VoucherNo}：{pay.PayDate:yyyy-MM-dd}向{pay.PayeeName}支付{pay.Amount:#,0.00}元{(pay.Alerted ? $"，逾期{pay.Late}天" : "，按期")}",
                $"voucher {pay.VoucherNo}: CNY {pay.Amount:#,0.00} paid to {pay.PayeeName} on {pay.PayDate:yyyy-MM-dd}{(pay.Alerted ? $", {pay.Late} days late" : ", on time")}", pay.Amount));

        // evaluation: periodic assessments and final evaluations on schedule
        var performing = await contracts.Where(c => (c.Status == ContractStatus.Performing || c.Status == ContractStatus.Completed)
                && c.StartDate != null && c.EndDate != null && c.StartDate <= yEnd && c.EndDate >= yStart)
            .Select(c => new { c.Id, c.Number, c.BudgetUnitId, Start = c.StartDate!.Value, End = c.EndDate!.Value, c.Status }).ToListAsync(ct);
        var performingIds = contracts.Where(c => (c.Status == ContractStatus.Performing || c.Status == ContractStatus.Completed)
            && c.StartDate != null && c.EndDate != null && c.StartDate <= yEnd && c.EndDate >= yStart).Select(c => c.Id);
        var assessments = (await db.Assessments.IgnoreQueryFilters().Where(a => performingIds.Contains(a.ContractId) && (a.Line == p.PeriodicLine || a.Line == AssessmentLine.Final))
            .Select(a => new { a.ContractId, a.Line, a.PeriodStart, a.ScoredAt }).ToListAsync(ct))
            .ToLookup(a => a.ContractId);
        var completedAt = (await db.ContractEvents.IgnoreQueryFilters().Where(e => performingIds.Contains(e.ContractId) && e.ToStatus == ContractStatus.Completed)
            .Select(e => new { e.ContractId, e.At }).ToListAsync(ct)).GroupBy(e => e.ContractId).ToDictionary(g => g.Key, g => Day(g.Min(e => e.At)));
        var line = EvaluationLabels.Of(p.PeriodicLine);
        foreach (var c in performing.OrderBy(c => c.Id))
        {
            var mine = assessments[c.Id].ToList();
            var from = c.Start > yStart ? c.Start : yStart;
            var to = c.End < yEnd ? c.End : yEnd;
            for (var period = AssessmentPeriod.Containing(from, p.PeriodicFrequency); period.Start <= to;
                 period = AssessmentPeriod.Containing(AssessmentPeriod.Next(period.Start, p.PeriodicFrequency), p.PeriodicFrequency))
            {
                var deadline = period.End.AddDays(p.PeriodicGraceDays);
                var a = mine.FirstOrDefault(x => x.Line == p.PeriodicLine && x.PeriodStart == period.Start);
                if (a is null && deadline >= asOf) continue;
                var scored = a is null ? (DateOnly?)null : Day(a.ScoredAt);
                U(c.BudgetUnitId).Periodic.Add(new KpiEvent(c.Id, c.Number, period.End, scored is { } s && s <= deadline,
                    $"{line.Zh}{period.Label}：{(scored is { } s1 ? $"{s1:yyyy-MM-dd}完成" : "未开展")}，期限{deadline:yyyy-MM-dd}",
                    $"{line.En} {period.Label}: {(scored is { } s2 ? $"scored {s2:yyyy-MM-dd}" : "not done")}, deadline {deadline:yyyy-MM-dd}"));
            }
            if (c.Status != ContractStatus.Completed) continue;
            var done = completedAt.TryGetValue(c.Id, out var cd) ? cd : c.End;
            if (done < yStart || done > yEnd) continue;
            var finalDeadline = done.AddDays(p.FinalGraceDays);
            var final = mine.FirstOrDefault(x => x.Line == AssessmentLine.Final);
            if (final is null && finalDeadline >= asOf) continue;
            var fScored = final is null ? (DateOnly?)null : Day(final.ScoredAt);
            U(c.BudgetUnitId).Final.Add(new KpiEvent(c.Id, c.Number, done, fScored is { } fs && fs <= finalDeadline,
                $"{done:yyyy-MM-dd}履约完成，{(fScored is { } f1 ? $"{f1:yyyy-MM-dd}终评" : "未终评")}，期限{finalDeadline:yyyy-MM-dd}",
                $"completed {done:yyyy-MM-dd}, {(fScored is { } f2 ? $"final evaluation {f2:yyyy-MM-dd}" : "no final evaluation")}, deadline {finalDeadline:yyyy-MM-dd}"));
        }

        // the one-vote veto: a dishonesty determination of the unit confirmed in the year and not revoked
        var vetoes = await db.DishonestyDeterminations.AsNoTracking()
            .Where(d => d.RegionId == regionId && d.Subject == CreditSubject.BudgetUnit && d.DecidedAt >= utcFrom && d.DecidedAt < utcTo
                        && (d.State == DeterminationState.Confirmed || d.State == DeterminationState.Appealed || d.State == DeterminationState.Repaired))
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.SubjectId, d.Number, d.DecidedAt, d.Facts }).ToListAsync(ct);
        foreach (var v in vetoes) U(v.SubjectId).Vetoes.Add(new KpiVeto(v.Id, v.Number, Day(v.DecidedAt!.Value), v.Facts));

        return b.ToDictionary(x => x.Key, x => x.Value.Build());
    }

    /// <summary>The filing deadline: the n-th working day after signing; Monday–Friday when the calendar lacks a year (flagged).</summary>
    public static (DateOnly Deadline, bool Approximate) Deadline(WorkingDayCalendar calendar, DateOnly signed, int workingDays)
    {
        var d = signed;
        var approx = false;
        for (var left = workingDays; left > 0;)
        {
            d = d.AddDays(1);
            bool working;
            if (calendar.Knows(d.Year)) working = calendar.IsWorkingDay(d);
            else { approx = true; working = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday); }
            if (working) left--;
        }
        return (d, approx);
    }

    private static string Late(WorkingDayCalendar calendar, DateOnly deadline, DateOnly filed) =>
        calendar.Knows(deadline.Year) && calendar.Knows(filed.Year)
            ? $"逾期{calendar.WorkingDaysBetween(deadline, filed)}个工作日"
            : $"逾期{filed.DayNumber - deadline.DayNumber}天";

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ChinaTime.Local(utc));

    private sealed class Builder
    {
        public List<KpiEvent> Filing { get; } = [];
        public List<KpiEvent> Findings { get; } = [];
        public List<KpiEvent> Documents { get; } = [];
        public List<KpiEvent> Milestones { get; } = [];
        public List<KpiEvent> Overdue { get; } = [];
        public decimal DueAmount { get; set; }
        public int DueCount { get; set; }
        public List<KpiEvent> Breaches { get; } = [];
        public List<KpiEvent> Sme { get; } = [];
        public List<KpiEvent> Periodic { get; } = [];
        public List<KpiEvent> Final { get; } = [];
        public List<KpiVeto> Vetoes { get; } = [];

        public KpiInput Build() => new(Filing, Findings, Documents, Milestones, Overdue, DueAmount, DueCount, Breaches, Sme, Periodic, Final, Vetoes);
    }
}
