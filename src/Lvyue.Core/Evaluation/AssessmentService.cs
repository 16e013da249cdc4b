using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Data;
using Lvyue.Files;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Evaluation;

/// <summary>An assessment as a scorer submits it: scores by item code.</summary>
public sealed record AssessmentInput
{
    public long ContractId { get; init; }
    public AssessmentLine Line { get; init; }
    /// <summary>Any day of the period (its month or quarter); ignored for a final evaluation.</summary>
    public DateOnly? PeriodStart { get; init; }
    public IReadOnlyDictionary<string, decimal?> Scores { get; init; } = new Dictionary<string, decimal?>();
    public IReadOnlyDictionary<string, string?>? Remarks { get; init; }
    public string? Note { get; init; }
}

/// <summary>An assessment and what the region policy decided after it.</summary>
public sealed record AssessmentResult(Assessment Assessment, IReadOnlyList<PolicyEvent> Events, StarRating? Rating);

/// <summary>
/// Assessments (考核): a scorer fills the current template version of the contract's subcategory for a
/// period of the contract's term; the total is computed; then, in the same transaction, the region
/// policy runs (events, deductions), credit records are added and the star rating and credit grade of
/// the supplier are brought up to date. A refusal writes nothing.
/// </summary>
public sealed class AssessmentService(LvyueDbContext db, TemplateService templates, EvaluationPolicyService policies,
    StarRatingService ratings, CreditService credit, FileStore files)
{
    public const long MaxEvidenceBytes = 50L * 1024 * 1024;

    public async Task<AssessmentResult> CreateAsync(AssessmentInput input, UploadedDocument? evidence = null, CancellationToken ct = default)
    {
        var scope = db.Scope;
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Suppliers)
                           .FirstOrDefaultAsync(c => c.Id == input.ContractId, ct)
                       ?? throw DomainException.NotFound("合同|contract");
        var template = await templates.CurrentAsync(contract.SubcategoryId, input.Line, ct);
        if (!scope.All && !(scope.BudgetUnitId == contract.BudgetUnitId &&
                            (scope.HasRole(template.ScorerRole) || scope.HasRole(Roles.UnitLeader))))
            throw new DomainException(ErrorKind.Forbidden, new Msg(
                $"{EvaluationLabels.Of(input.Line).Zh}由本单位{Roles.Label(template.ScorerRole).Zh}评分",
                $"The {EvaluationLabels.Of(input.Line).En} is scored by the unit's {Roles.Label(template.ScorerRole).En}"));
        if (contract.Status is ContractStatus.Draft or ContractStatus.PendingApproval)
            throw new DomainException(ErrorKind.Conflict, new Msg("合同尚未备案，不能考核", "The contract is not filed yet; it cannot be assessed"));
        if (input.Line == AssessmentLine.Final && contract.Status is not (ContractStatus.Completed or ContractStatus.Terminated))
            throw new DomainException(ErrorKind.Conflict, new Msg("合同履约完成（或终止）后才能进行终评", "The final evaluation comes when the contract is completed or terminated"));
        if (contract.StartDate is not { } termStart || contract.EndDate is not { } termEnd)
            throw new DomainException(ErrorKind.Conflict, new Msg("合同未载明履约期限，无法按期考核", "The contract states no term; it cannot be assessed by period"));
        var lead = contract.Suppliers.OrderBy(s => s.SortOrder).FirstOrDefault()
                   ?? throw new DomainException(ErrorKind.Conflict, new Msg("合同没有供应商", "The contract has no supplier"));

        var errors = new ErrorBag();
        DateOnly start, end;
        string label;
        if (input.Line == AssessmentLine.Final)
            (start, end, label) = (termStart, termEnd, "终评");
        else if (input.PeriodStart is not { } day)
        {
            errors.Add("periodStart", "请选择考核期间", "Choose the period");
            errors.ThrowIfAny();
            return null!;
        }
        else
        {
            (start, end, label) = AssessmentPeriod.Containing(day, template.Frequency);
            if (start > termEnd || end < termStart)
                errors.Add("periodStart", $"考核期间{label}不在合同履约期限（{termStart:yyyy-MM-dd}至{termEnd:yyyy-MM-dd}）内",
                    $"The period {label} is outside the contract term ({termStart:yyyy-MM-dd} to {termEnd:yyyy-MM-dd})");
            else if (start > ChinaTime.Today(db.Clock))
                errors.Add("periodStart", $"考核期间{label}尚未开始", $"The period {label} has not begun");
        }
        var total = Score(template, input, errors);
        errors.ThrowIfAny();
        if (await db.Assessments.IgnoreQueryFilters().AnyAsync(a => a.ContractId == contract.Id && a.Line == input.Line && a.PeriodStart == start, ct))
            throw Duplicate(input.Line, label);

        StoredFile? stored = null;
        string? evidenceName = null;
        if (evidence is not null)
        {
            evidenceName = Path.GetFileName(evidence.FileName.Trim());
            if (evidenceName.Length is 0 or > 255)
                throw new DomainException(ErrorKind.Invalid, new Msg("证明材料文件名无效", "The evidence file name is invalid"),
                    new Dictionary<string, Msg[]> { ["evidence"] = [new Msg("文件名无效", "Invalid file name")] });
            try { stored = await files.PutAsync(evidence.Content, MaxEvidenceBytes, ct); }
            catch (FileTooLargeException)
            {
                throw new DomainException(ErrorKind.Invalid, new Msg("证明材料超过50MB", "The evidence exceeds 50 MB"),
                    new Dictionary<string, Msg[]> { ["evidence"] = [new Msg("文件过大", "File too large")] });
            }
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var assessment = new Assessment
        {
            ContractId = contract.Id, SupplierId = lead.SupplierId, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId,
            Category = contract.Category, TemplateId = template.Id, Line = input.Line, PeriodStart = start, PeriodEnd = end,
            PeriodLabel = label, Total = total, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            EvidenceFileName = evidenceName, EvidenceSha256 = stored?.Sha256, ScoredBy = scope.Actor, ScoredAt = now,
        };
        foreach (var item in template.Items)
        {
            string? remark = null;
            input.Remarks?.TryGetValue(item.Code, out remark);
            assessment.Scores.Add(new AssessmentScore { TemplateItemId = item.Id, Score = input.Scores[item.Code]!.Value, Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim() });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Assessments.Add(assessment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw Duplicate(input.Line, label);
        }
        var events = new List<PolicyEvent>();
        var policy = await policies.CurrentAsync(contract.RegionId, ct);
        if (input.Line == policy.AppliesTo)
            events.AddRange(await ApplyPolicyAsync(policy, contract, termStart, termEnd, template.Frequency, assessment, now, ct));
        credit.AddForAssessment(assessment, events);
        await db.SaveChangesAsync(ct);
        var rating = await ratings.UpdateAsync(assessment.SupplierId, assessment.Category, assessment.Id, ct);
        await credit.RegradeAsync(CreditSubject.Supplier, assessment.SupplierId, ct);
        await tx.CommitAsync(ct);
        return new AssessmentResult(assessment, events, rating);
    }

    /// <summary>Σ score / max × weight, rounded to 0.01; every item scored within its range.</summary>
    public static decimal Score(EvaluationTemplate template, AssessmentInput input, ErrorBag errors)
    {
        decimal total = 0;
        foreach (var item in template.Items.OrderBy(i => i.SortOrder))
        {
            if (!input.Scores.TryGetValue(item.Code, out var s) || s is not { } score)
            {
                errors.Add($"scores[{item.Code}]", $"请为“{item.Name}”评分", $"Score '{item.NameEn}'");
                continue;
            }
            if (score < 0 || score > item.MaxScore || decimal.Round(score, 2) != score)
            {
                errors.Add($"scores[{item.Code}]", $"“{item.Name}”的得分须在0–{item.MaxScore:0.##}之间（最多两位小数），收到{score}",
                    $"'{item.NameEn}' is scored from 0 to {item.MaxScore:0.##} (at most two decimals), got {score}");
                continue;
            }
            total += score / item.MaxScore * item.Weight;
        }
        foreach (var code in input.Scores.Keys.Where(k => template.Items.All(i => i.Code != k)))
            errors.Add($"scores[{code}]", $"模板第{template.Version}版没有考核项“{code}”", $"Template version {template.Version} has no item '{code}'");
        return Math.Round(total, 2, MidpointRounding.AwayFromZero);
    }

    private async Task<List<PolicyEvent>> ApplyPolicyAsync(EvaluationPolicy policy, Contract contract, DateOnly termStart, DateOnly termEnd,
        AssessmentFrequency frequency, Assessment current, DateTime now, CancellationToken ct)
    {
        var scores = await db.Assessments.IgnoreQueryFilters()
            .Where(a => a.ContractId == contract.Id && a.Line == current.Line)
            .Select(a => new PeriodScore(a.PeriodStart, a.PeriodEnd, a.PeriodLabel, a.Total)).ToListAsync(ct);
        var past = await db.PolicyEvents.Where(e => e.ContractId == contract.Id)
            .Select(e => new { e.Kind, e.Year }).ToListAsync(ct);
        var deducted = await db.Deductions.Where(d => d.ContractId == contract.Id).SumAsync(d => (decimal?)d.Amount, ct) ?? 0m;
        var context = new PolicyContext(termStart, termEnd, contract.Amount, frequency, scores,
            new PeriodScore(current.PeriodStart, current.PeriodEnd, current.PeriodLabel, current.Total),
            past.Any(e => e.Kind == PolicyEventKind.TerminationRight),
            past.Where(e => e.Kind == PolicyEventKind.BidBan && e.Year is not null).Select(e => e.Year!.Value).ToHashSet(),
            deducted);
        var outcomes = PolicyEngine.Evaluate(policy, context);
        var events = new List<PolicyEvent>();
        foreach (var o in outcomes)
        {
            var e = new PolicyEvent
            {
                Kind = o.Kind, ContractId = contract.Id, SupplierId = current.SupplierId, RegionId = contract.RegionId,
                BudgetUnitId = contract.BudgetUnitId, AssessmentId = current.Id, PolicyId = policy.Id, PolicyVersion = policy.Version,
                Year = o.Year, Amount = o.Amount, Reason = o.Reason, ReasonEn = o.ReasonEn, At = now,
            };
            db.PolicyEvents.Add(e);
            events.Add(e);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (e, o) in events.Zip(outcomes))
        {
            if (e.Kind != PolicyEventKind.Deduction || e.Amount is not > 0) continue;
            db.Deductions.Add(new Deduction
            {
                ContractId = contract.Id, SupplierId = current.SupplierId, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId,
                AssessmentId = current.Id, PolicyEventId = e.Id, Amount = e.Amount.Value, PeriodFee = o.PeriodFee, Basis = e.Reason, At = now,
            });
        }
        return events;
    }

    private static DomainException Duplicate(AssessmentLine line, string label) =>
        new(ErrorKind.Conflict, new Msg($"该合同{label}的{EvaluationLabels.Of(line).Zh}已经评过", $"The {EvaluationLabels.Of(line).En} of {label} exists already for this contract"),
            new Dictionary<string, Msg[]> { ["periodStart"] = [new Msg($"{label}已考核", $"{label} is assessed already")] });
}
