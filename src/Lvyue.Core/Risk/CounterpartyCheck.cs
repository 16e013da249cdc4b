using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Data;
using Lvyue.Evaluation;
using Lvyue.Organizations;
using Lvyue.Performance;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Risk;

/// <summary>
/// The counterparty check (相对方核查) a budget unit runs before choosing a supplier: search suppliers by name or USCC,
/// then one report with its star ratings per category, credit grade and records, restrictions in force, overdue and
/// termination register entries and contracts with the caller's region, and the policy events against it (bid bans),
/// each turned into a finding. Facts about other units' contracts are given as the register gives them (unit, dates,
/// kinds, counts, amounts) — a contract's number and link only when the caller may see that contract.
/// Unit staff and region roles may check; supplier logins and the administrators (no contract content) may not.
/// </summary>
public sealed class CounterpartyCheck(LvyueDbContext db)
{
    /// <summary>How many suppliers a search gives at most.</summary>
    public const int MaxMatches = 20;

    private TenantScope Scope => db.Scope;

    private void Authorize()
    {
        var s = Scope;
        if (s.SupplierId is not null || !(s.All || s.RegionId is not null || s.BudgetUnitId is not null)) throw DomainException.Forbidden();
    }

    /// <summary>Suppliers whose name contains <paramref name="query"/> or whose USCC starts with it (at least 2 characters).</summary>
    public async Task<IReadOnlyList<CounterpartyMatch>> SearchAsync(string? query, CancellationToken ct = default)
    {
        Authorize();
        var q = query?.Trim() ?? "";
        if (q.Length < 2)
            throw new DomainException(ErrorKind.Invalid, new Msg("请输入至少2个字的名称或统一社会信用代码", "Enter at least 2 characters of a name or USCC"),
                new Dictionary<string, Msg[]> { ["q"] = [new Msg("至少2个字", "At least 2 characters")] });
        var code = Uscc.Normalize(q);
        var suppliers = await db.Suppliers.AsNoTracking()
            .Where(s => s.Name.Contains(q) || s.Uscc.StartsWith(code))
            .OrderBy(s => s.Uscc == code ? 0 : 1).ThenBy(s => s.Name).Take(MaxMatches)
            .Select(s => new { s.Id, s.Name, s.Uscc }).ToListAsync(ct);
        var ids = suppliers.Select(s => s.Id).ToList();
        var today = ChinaTime.Today(db.Clock);
        var stars = await db.StarRatings.AsNoTracking().Where(r => ids.Contains(r.SupplierId))
            .GroupBy(r => r.SupplierId).Select(g => new { g.Key, Best = g.Max(r => r.Stars) }).ToDictionaryAsync(x => x.Key, x => x.Best, ct);
        var grades = (await db.CreditGrades.AsNoTracking().Where(g => g.Subject == CreditSubject.Supplier && ids.Contains(g.SubjectId))
                .Select(g => new { g.SubjectId, g.Year, g.Grade }).ToListAsync(ct))
            .GroupBy(g => g.SubjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Year).First().Grade);
        var restricted = (await db.Sanctions.AsNoTracking().InForceOn(today).Where(s => ids.Contains(s.SupplierId))
            .Select(s => s.SupplierId).Distinct().ToListAsync(ct)).ToHashSet();
        return suppliers.Select(s => new CounterpartyMatch(s.Id, s.Name, s.Uscc, stars.TryGetValue(s.Id, out var b) ? b : null,
            grades.TryGetValue(s.Id, out var g) ? g : null, restricted.Contains(s.Id))).ToList();
    }

    /// <summary>The check of the supplier with USCC <paramref name="uscc"/>; a malformed code is a field error, an unknown one not found.</summary>
    public async Task<CounterpartyReport> CheckAsync(string? uscc, CancellationToken ct = default)
    {
        Authorize();
        var code = Uscc.Normalize(uscc ?? "");
        if (Uscc.Explain(code) is { } why)
            throw new DomainException(ErrorKind.Invalid, new Msg("统一社会信用代码有误", "The USCC is not valid"),
                new Dictionary<string, Msg[]> { ["uscc"] = [Msg.FromPair(why)] });
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Uscc == code, ct) ?? throw DomainException.NotFound("供应商|supplier");
        return await CheckAsync(supplier, ct);
    }

    private async Task<CounterpartyReport> CheckAsync(Supplier supplier, CancellationToken ct)
    {
        var today = ChinaTime.Today(db.Clock);
        var id = supplier.Id;
        // The region the check is about: the caller's, its unit's, or every region for the system.
        var region = Scope.RegionId ?? Scope.UnitRegionId;
        if (region is null && Scope.BudgetUnitId is { } unitId)
            region = await db.BudgetUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => (long?)u.RegionId).FirstOrDefaultAsync(ct);
        var regionName = region is null ? null : await db.Regions.AsNoTracking().Where(r => r.Id == region).Select(r => r.Name).FirstOrDefaultAsync(ct);

        var ratings = await db.StarRatings.AsNoTracking().Where(r => r.SupplierId == id).OrderBy(r => r.Category)
            .Select(r => new CategoryRating(r.Category, r.Stars, r.Score, r.ContractCount, r.AssessmentCount, r.AsOf)).ToListAsync(ct);
        var grade = await db.CreditGrades.AsNoTracking().Where(g => g.Subject == CreditSubject.Supplier && g.SubjectId == id)
            .OrderByDescending(g => g.Year).Select(g => new CounterpartyGrade(g.Year, g.Grade, g.Score, g.Reason, g.ReasonEn, g.AsOf)).FirstOrDefaultAsync(ct);
        var window = today.AddYears(-CreditRules.WindowYears);
        var records = (await db.CreditRecords.AsNoTracking().Where(r => r.Subject == CreditSubject.Supplier && r.SubjectId == id)
                .OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id).ToListAsync(ct))
            .Select(r => new CounterpartyCreditRecord(r.OccurredOn, r.Source, r.Kind, r.Points, r.Dishonest,
                r.Counted && r.OccurredOn > window && r.OccurredOn <= today && (r.ExpiresOn is null || r.ExpiresOn >= today), r.ExpiresOn, r.Summary, r.SummaryEn))
            .ToList();
        var sanctions = await db.Sanctions.AsNoTracking().InForceOn(today).Where(s => s.SupplierId == id)
            .Join(db.Regions.AsNoTracking(), s => s.RegionId, r => r.Id, (s, r) => new { s, r.Name })
            .OrderBy(x => x.s.Until).Select(x => new CounterpartySanction(x.s.RegionId, x.Name, x.s.From, x.s.Until, x.s.Reason)).ToListAsync(ct);

        // The region's registers and contracts are read past the caller's tenancy filter (the check is about the
        // supplier, not the caller's contracts) and limited to the region here; what identifies a contract is added
        // only for those the caller sees.
        var overdueRows = await db.OverdueEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.SupplierId == id && o.ResponsibleParty == ResponsibleParty.Supplier && (region == null || o.RegionId == region))
            .Join(db.Milestones.IgnoreQueryFilters(), o => o.MilestoneId, m => m.Id, (o, m) => new { o, m.Kind })
            .Join(db.BudgetUnits.AsNoTracking(), x => x.o.BudgetUnitId, u => u.Id, (x, u) => new { x.o, x.Kind, Unit = u.Name })
            .Join(db.Contracts.IgnoreQueryFilters(), x => x.o.ContractId, c => c.Id, (x, c) => new
            {
                x.o.ContractId, x.o.DueDate, x.o.EnteredOn, x.o.ExitedOn, x.Kind, x.Unit, c.Number,
            })
            .ToListAsync(ct);
        var terminationRows = await db.TerminationEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.SupplierId == id && (region == null || t.RegionId == region))
            .Join(db.BudgetUnits.AsNoTracking(), t => t.BudgetUnitId, u => u.Id, (t, u) => new { t, Unit = u.Name })
            .Join(db.Contracts.IgnoreQueryFilters(), x => x.t.ContractId, c => c.Id, (x, c) => new { x.t, x.Unit, c.Number })
            .ToListAsync(ct);
        // Which of those contracts the caller may see: asked through the tenancy filter (IgnoreQueryFilters above covers its whole query).
        var named = overdueRows.Select(o => o.ContractId).Concat(terminationRows.Select(t => t.t.ContractId)).Distinct().ToList();
        var visible = (await db.Contracts.AsNoTracking().Where(c => named.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var overdue = overdueRows.Where(o => o.ExitedOn is null).OrderBy(o => o.DueDate)
            .Select(o => new CounterpartyOverdue(o.Kind, o.DueDate, o.EnteredOn, today.DayNumber - o.DueDate.DayNumber, o.Unit,
                visible.Contains(o.ContractId) ? o.Number : null, visible.Contains(o.ContractId) ? o.ContractId : null)).ToList();
        var overdueClosed = overdueRows.Count(o => o.ExitedOn is not null);
        var terminations = terminationRows.OrderByDescending(x => x.t.EnteredOn)
            .Select(x => new CounterpartyTermination(x.t.EnteredOn, x.t.Outcome, x.t.OutcomeOn, x.Unit,
                visible.Contains(x.t.ContractId) ? x.Number : null, visible.Contains(x.t.ContractId) ? x.t.ContractId : null))
            .ToList();
        var filed = new[] { ContractStatus.Filed, ContractStatus.Performing, ContractStatus.Completed, ContractStatus.Terminated };
        var contracts = await db.Contracts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Suppliers.Any(s => s.SupplierId == id) && filed.Contains(c.Status) && (region == null || c.RegionId == region))
            .Select(c => new { c.Amount, c.Status, c.SignDate }).ToListAsync(ct);
        var totals = new CounterpartyContracts(contracts.Count, contracts.Sum(c => c.Amount),
            contracts.Count(c => c.Status == ContractStatus.Performing), contracts.Count(c => c.Status == ContractStatus.Completed),
            contracts.Count(c => c.Status == ContractStatus.Terminated),
            contracts.Min(c => c.SignDate), contracts.Max(c => c.SignDate));
        var events = (await db.PolicyEvents.AsNoTracking().Where(e => e.SupplierId == id && (region == null || e.RegionId == region))
                .OrderByDescending(e => e.At).Take(100).ToListAsync(ct))
            .Select(e => new CounterpartyPolicyEvent(e.Kind, e.Year, e.Amount, DateOnly.FromDateTime(ChinaTime.Local(e.At)), e.Reason, e.ReasonEn,
                e.Kind == PolicyEventKind.BidBan && e.Year is { } y && y >= today.Year))
            .ToList();

        var flags = Flags(ratings, grade, records, sanctions, overdue, terminations, totals, events, regionName);
        var level = flags.Count == 0 ? RiskLevel.Low : flags.Max(f => f.Level);
        return new CounterpartyReport(id, supplier.Name, supplier.Uscc, supplier.IsSme, today, region, regionName, level, flags,
            ratings, grade, records, sanctions, overdue, overdueClosed, terminations, totals, events);
    }

    /// <summary>The findings, most serious first.</summary>
    private static List<RiskFlag> Flags(List<CategoryRating> ratings, CounterpartyGrade? grade, List<CounterpartyCreditRecord> records,
        List<CounterpartySanction> sanctions, List<CounterpartyOverdue> overdue, List<CounterpartyTermination> terminations,
        CounterpartyContracts contracts, List<CounterpartyPolicyEvent> events, string? regionName)
    {
        var flags = new List<RiskFlag>();
        var where = regionName ?? "本平台";
        var whereEn = regionName ?? "the platform";
        foreach (var s in sanctions)
            flags.Add(new RiskFlag(RiskLevel.High, "sanction", $"限制参与政府采购（{s.RegionName}，{s.From:yyyy-MM-dd}至{s.Until:yyyy-MM-dd}）：不能选择该供应商。{s.Reason}",
                $"Restricted from government procurement ({s.RegionName}, {s.From:yyyy-MM-dd} to {s.Until:yyyy-MM-dd}): it cannot be chosen. {s.Reason}"));
        var dishonest = records.Where(r => r.Dishonest && r.Counts).ToList();
        if (dishonest.Count > 0)
            flags.Add(new RiskFlag(RiskLevel.High, "dishonest", $"有{dishonest.Count}条计分中的失信记录（最近：{dishonest[0].OccurredOn:yyyy-MM-dd} {dishonest[0].Summary}）",
                $"{dishonest.Count} dishonesty record(s) counting (latest: {dishonest[0].OccurredOn:yyyy-MM-dd} {dishonest[0].SummaryEn})"));
        foreach (var e in events.Where(e => e.InForce))
            flags.Add(new RiskFlag(RiskLevel.High, "bid-ban", $"禁止参与{e.Year}年度同一项目投标：{e.Reason}", $"Barred from the same project's {e.Year} tender: {e.ReasonEn}"));
        if (grade is { Grade: CreditGradeLevel.Poor })
            flags.Add(new RiskFlag(RiskLevel.High, "grade", $"{grade.Year}年信用等级为“差”（信用分{grade.Score:0.##}）", $"Credit grade {grade.Year}: Poor (score {grade.Score:0.##})"));
        else if (grade is { Grade: CreditGradeLevel.Fair })
            flags.Add(new RiskFlag(RiskLevel.Medium, "grade", $"{grade.Year}年信用等级为“中”（信用分{grade.Score:0.##}）", $"Credit grade {grade.Year}: Fair (score {grade.Score:0.##})"));
        if (overdue.Count > 0)
            flags.Add(new RiskFlag(RiskLevel.Medium, "overdue", $"在{where}逾期执行库中有{overdue.Count}个供应商责任的逾期节点（最长逾期{overdue.Max(o => o.DaysOverdue)}天）",
                $"{overdue.Count} supplier-responsible milestone(s) in the overdue register of {whereEn} (longest {overdue.Max(o => o.DaysOverdue)} days)"));
        var breaches = terminations.Count(t => t.Outcome == BreachingParty.Supplier);
        if (breaches > 0)
            flags.Add(new RiskFlag(RiskLevel.Medium, "termination", $"{breaches}个合同因供应商违约移入终止库", $"{breaches} contract(s) in the termination register for the supplier's breach"));
        else if (terminations.Count > 0)
            flags.Add(new RiskFlag(RiskLevel.Low, "termination", $"{terminations.Count}个合同在终止库中（未认定供应商违约）", $"{terminations.Count} contract(s) in the termination register (no breach by the supplier found)"));
        var low = ratings.Where(r => r.Stars < 3m).ToList();
        foreach (var r in low)
            flags.Add(new RiskFlag(RiskLevel.Medium, "stars", $"{Labels.Categories[r.Category].Zh}类星级{r.Stars:0.0}星（低于3星）", $"{Labels.Categories[r.Category].En}: {r.Stars:0.0} stars (below 3)"));
        if (contracts.Count == 0)
            flags.Add(new RiskFlag(RiskLevel.Low, "new", $"与{where}尚无已备案合同，无履约记录可查", $"No filed contract with {whereEn}: no performance record to check"));
        return flags.OrderByDescending(f => f.Level).ToList();
    }
}
