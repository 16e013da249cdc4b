using System.Data.Common;
using System.Diagnostics;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance.Payments;

/// <summary>One payment as the treasury payment system sends it (the API's body is a list of these).</summary>
public sealed record PaymentInput
{
    public string? VoucherNo { get; init; }
    public DateOnly? PayDate { get; init; }
    public string? PayerUnit { get; init; }
    public string? PayeeName { get; init; }
    public string? PayeeAccount { get; init; }
    public decimal? Amount { get; init; }
    public string? ContractNumber { get; init; }
    public string? Purpose { get; init; }
}

/// <summary>
/// Imports payments from the treasury payment system (国库集中支付), from the .xlsx/.csv template or
/// the API, all or nothing: every row is checked first — required fields, the voucher number new in
/// the file and in the database, the contract number known (within the payer unit when it names one
/// of the caller's units) — and if any row is bad nothing is written and the problems are listed by
/// row and column. Then, in one transaction, every payment is stored and matched: to the contract its
/// number names, and to the contract's earliest open payment milestone of exactly its amount (which is
/// then met on the pay date); a row without a contract number is stored unmatched for a person to
/// match. Each matched payment is on its contract's timeline, and the cross-checks of
/// <see cref="PaymentChecks"/> are stored as <see cref="ComplianceAlert"/> rows.
/// </summary>
public sealed class PaymentImport(LvyueDbContext db, Notary.INotaryRecorder? notary = null)
{
    private const int Chunk = 250;

    public static readonly ImportColumn Voucher = new("voucherNo", "支付凭证号", "Voucher number", true,
        "国库集中支付凭证号，全系统唯一，最多64字", "The treasury payment voucher number, unique, at most 64 characters", "ZF2026-440303-000001");
    public static readonly ImportColumn PayDate = new("payDate", "支付日期", "Pay date", true, "yyyy-MM-dd", "yyyy-MM-dd", "2026-03-20")
    { Kind = ImportCellKind.Date };
    public static readonly ImportColumn PayerUnit = new("payerUnit", "付款单位", "Payer unit", true,
        "预算单位名称或编码；合同编号在多个单位重复时据此区分", "Budget unit name or code; tells contracts with the same number apart", "示范区教育局");
    public static readonly ImportColumn PayeeName = new("payeeName", "收款人名称", "Payee", true, "最多200字", "At most 200 characters", "示范区鹏城物业管理有限公司");
    public static readonly ImportColumn PayeeAccount = new("payeeAccount", "收款人账号", "Payee account", false, "数字，可含空格", "Digits, spaces allowed", "4000021009000000010");
    public static readonly ImportColumn Amount = new("amount", "支付金额", "Amount", true, "元，大于0，最多两位小数", "Yuan, above 0, at most two decimals", "15000.00")
    { Kind = ImportCellKind.Number };
    public static readonly ImportColumn ContractNumber = new("contractNumber", "合同编号", "Contract number", false,
        "付款单位的合同编号；不填则作为未匹配支付，由人工匹配", "The payer unit's contract number; empty leaves the payment for a person to match", "JY-2026-001");
    public static readonly ImportColumn Purpose = new("purpose", "用途", "Purpose", false, "最多500字", "At most 500 characters", "物业管理服务费（第一期）");

    public static readonly IReadOnlyList<ImportColumn> Columns = [Voucher, PayDate, PayerUnit, PayeeName, PayeeAccount, Amount, ContractNumber, Purpose];

    /// <summary>A checked row.</summary>
    private sealed record Row(int Number, string Voucher, DateOnly PayDate, string PayerUnit, string Payee, string? Account,
        decimal Amount, string? ContractNumber, string? Purpose)
    {
        public long? ContractId { get; set; }
        public long? UnitId { get; set; }
        public long? UnitRegionId { get; set; }
    }

    /// <summary>Writes the .xlsx template (columns, an example row, the 填写说明 sheet).</summary>
    public static void WriteTemplate(Stream output) =>
        ImportTemplate.Write(output, "支付", Columns, [Columns.Select(c => c.Example).ToList()], []);

    /// <summary>Imports a .xlsx or .csv file.</summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, CancellationToken ct = default) =>
        await ImportAsync(content, fileName, null, ct);

    /// <summary>Imports a .xlsx or .csv file, reporting progress (phases <c>read</c>, <c>check</c>, <c>write</c>).</summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, IProgress<ImportProgress>? progress, CancellationToken ct = default)
    {
        Authorize();
        var clock = Stopwatch.StartNew();
        await using var source = await ImportSource.OpenAsync(content, fileName, ct);
        var problems = new ImportProblems();
        var seen = new Dictionary<string, int>();
        var today = ChinaTime.Today(db.Clock);
        var rows = ImportReading.ReadAll(source, Columns, problems, r => Parse(r, seen, today));
        progress?.Report(new ImportProgress("read", rows.Count));
        return await RunAsync(rows, "file:" + source.FileName, problems, clock, ct, progress);
    }

    /// <summary>Imports payments sent to the API; problems name the item (1-based) and the field.</summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<PaymentInput> items, CancellationToken ct = default)
    {
        Authorize();
        var clock = Stopwatch.StartNew();
        var problems = new ImportProblems();
        if (items.Count == 0) problems.Add(null, null, "没有支付记录", "No payments were sent");
        var seen = new Dictionary<string, int>();
        var today = ChinaTime.Today(db.Clock);
        var rows = new List<Row?>();
        for (var i = 0; i < items.Count; i++) rows.Add(Check(i + 1, items[i], seen, today, (field, zh, en) => problems.Add(i + 1, field, zh, en)));
        return await RunAsync(rows, "api", problems, clock, ct);
    }

    private void Authorize()
    {
        var s = db.Scope;
        if (s.SupplierId is not null || !s.SeesContracts) throw DomainException.Forbidden();
    }

    private static Row? Parse(ImportRow r, Dictionary<string, int> seen, DateOnly today)
    {
        var input = new PaymentInput
        {
            VoucherNo = r.Text(Voucher), PayDate = r.Date(PayDate), PayerUnit = r.Text(PayerUnit), PayeeName = r.Text(PayeeName),
            PayeeAccount = r.Text(PayeeAccount), Amount = r.Decimal(Amount), ContractNumber = r.Text(ContractNumber), Purpose = r.Text(Purpose),
        };
        if (r.HasErrors) return null;
        var byKey = Columns.ToDictionary(c => c.Key);
        return Check(r.Number, input, seen, today, (field, zh, en) => r.Fail(byKey[field], zh, en));
    }

    /// <summary>The field rules shared by files and the API; <paramref name="fail"/> records a problem by field key.</summary>
    private static Row? Check(int number, PaymentInput p, Dictionary<string, int> seen, DateOnly today, Action<string, string, string> fail)
    {
        var errors = 0;
        void Fail(ImportColumn c, string zh, string en) { errors++; fail(c.Key, zh, en); }
        string? Text(ImportColumn c, string? v, int max)
        {
            v = string.IsNullOrWhiteSpace(v) ? null : v.Trim();
            if (v is null) { if (c.Required) Fail(c, $"“{c.Header}”不能为空", $"'{c.HeaderEn}' is required"); return null; }
            if (v.Length > max) { Fail(c, $"“{c.Header}”不能超过{max}个字符", $"'{c.HeaderEn}' may not exceed {max} characters"); return null; }
            return v;
        }
        var voucher = Text(Voucher, p.VoucherNo, 64);
        if (voucher is not null)
        {
            if (seen.TryGetValue(voucher, out var first))
                Fail(Voucher, $"支付凭证号“{voucher}”与第{first}行重复", $"Voucher '{voucher}' repeats row {first}");
            else seen[voucher] = number;
        }
        if (p.PayDate is null) Fail(PayDate, "“支付日期”不能为空", "'Pay date' is required");
        else if (p.PayDate > today) Fail(PayDate, $"支付日期{p.PayDate:yyyy-MM-dd}晚于今天", $"The pay date {p.PayDate:yyyy-MM-dd} is in the future");
        var payer = Text(PayerUnit, p.PayerUnit, 200);
        var payee = Text(PayeeName, p.PayeeName, 200);
        var account = Text(PayeeAccount, p.PayeeAccount, 40);
        if (account is not null && !account.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-'))
            Fail(PayeeAccount, "收款人账号只能包含数字", "The payee account may contain only digits");
        if (p.Amount is not { } amount) Fail(Amount, "“支付金额”不能为空", "'Amount' is required");
        else if (amount <= 0) Fail(Amount, $"支付金额应大于0，实为{amount}", $"The amount must be above 0, not {amount}");
        else if (decimal.Round(amount, 2) != amount) Fail(Amount, "支付金额最多两位小数", "The amount has at most two decimals");
        var contract = Text(ContractNumber, p.ContractNumber, 64);
        var purpose = Text(Purpose, p.Purpose, 500);
        return errors > 0 ? null
            : new Row(number, voucher!, p.PayDate!.Value, payer!, payee!, account, p.Amount!.Value, contract, purpose);
    }

    private async Task<ImportResult> RunAsync(List<Row?> parsed, string source, ImportProblems problems, Stopwatch clock, CancellationToken ct,
        IProgress<ImportProgress>? progress = null)
    {
        var rows = parsed.Where(r => r is not null).Select(r => r!).ToList();
        await CheckVouchersAsync(rows, problems, ct);
        await ResolveContractsAsync(rows, problems, ct);
        progress?.Report(new ImportProgress("check", rows.Count));
        if (problems.Any) return problems.ToResult("payments", parsed.Count, clock.Elapsed);

        var contracts = await PayableContract.LoadAsync(db, rows.Where(r => r.ContractId is not null).Select(r => r.ContractId!.Value).ToList(), ct);
        progress?.Report(new ImportProgress("contracts", contracts.Count));
        var done = 0;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var actor = db.Scope.Actor;
        int alerts = 0, matched = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var chunk in rows.Chunk(Chunk))
            {
                var written = new List<(Payment Payment, PayableContract? Contract, PayableMilestone? Milestone, List<AlertDraft> Alerts)>(chunk.Length);
                foreach (var r in chunk)
                {
                    var c = r.ContractId is { } id ? contracts[id] : null;
                    var m = c?.TakeMilestone(r.Amount);
                    var payment = new Payment
                    {
                        VoucherNo = r.Voucher, PayDate = r.PayDate, PayerUnit = r.PayerUnit, PayeeName = r.Payee, PayeeAccount = r.Account,
                        Amount = r.Amount, ContractNumber = r.ContractNumber, Purpose = r.Purpose, Source = source.Length > 300 ? source[..300] : source,
                        ImportedAt = now, ImportedBy = actor,
                        ContractId = c?.Id, MilestoneId = m?.Id,
                        RegionId = c?.RegionId ?? r.UnitRegionId ?? db.Scope.RegionId ?? db.Scope.UnitRegionId,
                        BudgetUnitId = c?.BudgetUnitId ?? r.UnitId ?? db.Scope.BudgetUnitId,
                        Match = c is null ? PaymentMatch.Unmatched : m is null ? PaymentMatch.ContractOnly : PaymentMatch.Matched,
                        MatchedAt = c is null ? null : now, MatchedBy = c is null ? null : actor,
                    };
                    var drafts = c is null ? [] : PaymentChecks.Evaluate(c.Facts(payment, m));
                    if (c is not null) { c.Paid += r.Amount; matched++; }
                    alerts += drafts.Count;
                    written.Add((payment, c, m, drafts));
                }
                db.Payments.AddRange(written.Select(w => w.Payment));
                await db.SaveChangesAsync(ct);
                foreach (var (payment, c, m, drafts) in written)
                {
                    (notary ?? new Notary.NotaryRecorder(db)).Record(Notary.NotaryKinds.PaymentRecorded, payment.ContractId, Notary.NotaryFacts.Payment(payment));
                    if (c is null) continue;
                    db.ContractEvents.Add(PaymentRecords.Event(payment, c, m, drafts, now, actor));
                    db.ComplianceAlerts.AddRange(drafts.Select(d => PaymentRecords.Alert(d, payment, c, now)));
                }
                await PaymentRecords.MeetMilestonesAsync(db, written.Where(w => w.Milestone is not null).Select(w => (w.Milestone!.Id, w.Payment)).ToList(), now, ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                if (done % 10_000 < chunk.Length) progress?.Report(new ImportProgress("write", done));
            }
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            problems.Add(null, null, $"写入数据库时被拒绝，未导入任何数据：{e.GetBaseException().Message}",
                $"The database refused the write; nothing was imported: {e.GetBaseException().Message}");
            return problems.ToResult("payments", parsed.Count, clock.Elapsed);
        }
        return new ImportResult { What = "payments", Rows = parsed.Count, Inserted = rows.Count, Updated = 0, Elapsed = clock.Elapsed };
    }

    /// <summary>Voucher numbers already stored (in any region: a voucher is paid once) are problems of their rows.</summary>
    private async Task CheckVouchersAsync(List<Row> rows, ImportProblems problems, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var vouchers = chunk.Select(r => r.Voucher).ToList();
            var existing = (await db.Payments.IgnoreQueryFilters().Where(p => vouchers.Contains(p.VoucherNo)).Select(p => p.VoucherNo).ToListAsync(ct)).ToHashSet();
            foreach (var r in chunk.Where(r => existing.Contains(r.Voucher)))
                problems.Add(r.Number, Voucher.Header, $"支付凭证号“{r.Voucher}”已导入过，不能重复导入", $"Voucher '{r.Voucher}' has already been imported");
        }
    }

    /// <summary>Finds each row's contract among those the caller sees: by number, within the payer unit when that names a unit.</summary>
    private async Task ResolveContractsAsync(List<Row> rows, ImportProblems problems, CancellationToken ct)
    {
        var scope = db.Scope;
        var unitsQuery = db.BudgetUnits.AsNoTracking();
        if (scope.BudgetUnitId is { } own) unitsQuery = unitsQuery.Where(u => u.Id == own);
        else if (scope.RegionId is { } region) unitsQuery = unitsQuery.Where(u => u.RegionId == region);
        else if (!scope.All) unitsQuery = unitsQuery.Where(_ => false);
        var units = await unitsQuery.Select(u => new { u.Id, u.RegionId, u.Code, u.Name }).ToListAsync(ct);
        var unitByKey = new Dictionary<string, (long Id, long RegionId)?>();
        foreach (var u in units)
        {
            foreach (var key in new[] { PaymentChecks.NormalizeName(u.Name), PaymentChecks.NormalizeName(u.Code) })
                unitByKey[key] = unitByKey.ContainsKey(key) && unitByKey[key]?.Id != u.Id ? null : (u.Id, u.RegionId);
        }
        foreach (var r in rows)
            if (unitByKey.GetValueOrDefault(PaymentChecks.NormalizeName(r.PayerUnit)) is { } u) { r.UnitId = u.Id; r.UnitRegionId = u.RegionId; }

        var numbered = rows.Where(r => r.ContractNumber is not null).ToList();
        var found = new Dictionary<string, List<(long Id, long UnitId)>>();
        foreach (var chunk in numbered.Select(r => r.ContractNumber!).Distinct().Chunk(Chunk))
        {
            var numbers = chunk.ToList();
            foreach (var c in await db.Contracts.AsNoTracking().Where(c => numbers.Contains(c.Number))
                         .Where(c => c.Status != ContractStatus.Draft && c.Status != ContractStatus.PendingApproval)
                         .Select(c => new { c.Id, c.Number, c.BudgetUnitId }).ToListAsync(ct))
            {
                if (!found.TryGetValue(c.Number, out var l)) found[c.Number] = l = [];
                l.Add((c.Id, c.BudgetUnitId));
            }
        }
        foreach (var r in numbered)
        {
            var candidates = found.GetValueOrDefault(r.ContractNumber!) ?? [];
            if (r.UnitId is { } unit && candidates.Count > 1) candidates = candidates.Where(c => c.UnitId == unit).ToList();
            if (r.UnitId is { } u2 && candidates.Count == 1 && candidates[0].UnitId != u2) candidates = [];
            switch (candidates.Count)
            {
                case 1: r.ContractId = candidates[0].Id; break;
                case 0:
                    problems.Add(r.Number, ContractNumber.Header,
                        $"未找到合同编号“{r.ContractNumber}”的已备案合同" + (r.UnitId is null ? "" : $"（付款单位“{r.PayerUnit}”）"),
                        $"No filed contract numbered '{r.ContractNumber}'" + (r.UnitId is null ? "" : $" of payer unit '{r.PayerUnit}'"));
                    break;
                default:
                    problems.Add(r.Number, PayerUnit.Header,
                        $"合同编号“{r.ContractNumber}”在{candidates.Count}个单位中都存在，请在“付款单位”填写预算单位名称或编码",
                        $"Contract number '{r.ContractNumber}' exists in {candidates.Count} units: give the payer unit's name or code");
                    break;
            }
        }
    }
}
