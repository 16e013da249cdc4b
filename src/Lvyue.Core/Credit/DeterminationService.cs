using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Files;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Credit;

/// <summary>A proposed determination.</summary>
public sealed record DeterminationInput(CreditSubject Subject, long SubjectId, long? ContractId, string? Facts, string? Basis, string? Measures, string? AppealRoute, int RestrictionMonths);

/// <summary>
/// Dishonesty determinations: a supervisor proposes, the credit office confirms (number, generated .docx and
/// PDF, publication, a dishonest credit record counting for <see cref="PublicationYears"/> years, a
/// procurement restriction when asked) or rejects; the party appeals and the credit office upholds or revokes;
/// credit repair after <see cref="MinRepairMonths"/> months ends it. Every step is one transaction; past
/// records are never deleted, they stop counting at their expiry.
/// </summary>
public sealed class DeterminationService(LvyueDbContext db, FileStore files, CreditService credit, Notary.INotaryRecorder? notary = null)
{
    public const int PublicationYears = 3;
    public const int MinRepairMonths = 3;
    public const string DefaultAppealRoute = "当事人对本决定有异议的，可自收到本决定之日起十五个工作日内向本机关提出书面申诉，也可依法申请行政复议或者提起行政诉讼。";

    private TenantScope Scope => db.Scope;
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => ChinaTime.Today(db.Clock);

    public async Task<DishonestyDetermination> ProposeAsync(DeterminationInput input, CancellationToken ct = default)
    {
        if (!Scope.All && !Scope.HasRole(Roles.Supervisor)) throw DomainException.Forbidden();
        var errors = new ErrorBag();
        string? name = null, uscc = null;
        long regionId = 0;
        if (input.Subject == CreditSubject.Supplier)
        {
            var s = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.SubjectId, ct);
            if (s is null) errors.Add("subjectId", $"供应商{input.SubjectId}不存在", $"There is no supplier {input.SubjectId}");
            else (name, uscc) = (s.Name, s.Uscc);
            regionId = Scope.RegionId ?? 0;
        }
        else
        {
            var u = await db.BudgetUnits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.SubjectId, ct);
            if (u is null) errors.Add("subjectId", $"预算单位{input.SubjectId}不存在", $"There is no budget unit {input.SubjectId}");
            else (name, uscc, regionId) = (u.Name, u.Uscc, u.RegionId);
            if (input.RestrictionMonths != 0) errors.Add("restrictionMonths", "限制参与采购只适用于供应商", "Only suppliers are restricted from procurement");
        }
        if (input.ContractId is { } cid)
        {
            var c = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == cid, ct);
            if (c is null) errors.Add("contractId", "合同不存在", "Unknown contract");
            else if (regionId == 0) regionId = c.RegionId;
        }
        if (string.IsNullOrWhiteSpace(input.Facts)) errors.Add("facts", "请写明失信事实", "State the facts");
        if (string.IsNullOrWhiteSpace(input.Basis)) errors.Add("basis", "认定必须写明依据（法律法规、合同条款）", "A determination needs its basis (law, regulation or contract clause)");
        if (input.RestrictionMonths is < 0 or > 36) errors.Add("restrictionMonths", "限制期为0–36个月", "A restriction is 0 to 36 months");
        if (regionId == 0 && !errors.Any) errors.Add("contractId", "请指明所涉合同以确定地区", "Name the contract so that the region is known");
        errors.ThrowIfAny();
        if (!Scope.All && Scope.RegionId != regionId) throw DomainException.Forbidden();
        var d = new DishonestyDetermination
        {
            RegionId = regionId, Subject = input.Subject, SubjectId = input.SubjectId, SubjectName = name!, SubjectUscc = uscc, ContractId = input.ContractId,
            Facts = input.Facts!.Trim(), Basis = input.Basis!.Trim(),
            Measures = string.IsNullOrWhiteSpace(input.Measures) ? "记入失信记录，在信用评价中实行一票否决，并在本地区公共信用信息平台公示。" : input.Measures.Trim(),
            AppealRoute = string.IsNullOrWhiteSpace(input.AppealRoute) ? DefaultAppealRoute : input.AppealRoute.Trim(),
            RestrictionMonths = input.RestrictionMonths, State = DeterminationState.Proposed, ProposedBy = Scope.Actor, ProposedAt = Now,
        };
        db.DishonestyDeterminations.Add(d);
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>Confirms: numbers it, generates and stores its documents, publishes it, records it and restricts the supplier when asked.</summary>
    public async Task<DishonestyDetermination> ConfirmAsync(long id, string? note, CancellationToken ct = default)
    {
        var d = await LoadForOfficeAsync(id, ct);
        Expect(d, DeterminationState.Proposed, "只有待确认的认定可以确认", "Only a proposed determination can be confirmed");
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == d.RegionId, ct);
        var today = Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var yearTag = $"〔{today.Year}〕";
        var seq = await db.DishonestyDeterminations.CountAsync(x => x.RegionId == d.RegionId && x.Number != null && x.Number.Contains(yearTag), ct) + 1;
        d.Number = $"{region.Name}信用认定〔{today.Year}〕{seq}号";
        d.State = DeterminationState.Confirmed;
        d.DecidedBy = Scope.Actor;
        d.DecidedAt = Now;
        d.DecisionNote = Clean(note);
        d.PublishedAt = Now;
        d.ExpiresOn = today.AddYears(PublicationYears);
        d.DocxSha256 = (await files.PutAsync(new MemoryStream(DeterminationDocument.Docx(d, region.Name, today)), 10_000_000, ct)).Sha256;
        d.PdfSha256 = (await files.PutAsync(new MemoryStream(DeterminationDocument.Pdf(d, region.Name, today)), 10_000_000, ct)).Sha256;
        var kind = d.Subject == CreditSubject.BudgetUnit ? "procurement_dishonesty" : "dishonesty";
        credit.Stage(d.Subject, d.SubjectId, d.RegionId, CreditSource.Determination, kind, d.ContractId, $"determination:{d.Id}",
            $"{d.Number}：{d.Facts}", $"{d.Number}: dishonesty determination", today, d.ExpiresOn);
        if (d.RestrictionMonths > 0)
            db.Sanctions.Add(new Sanction
            {
                SupplierId = d.SubjectId, RegionId = d.RegionId, DeterminationId = d.Id, From = today, Until = today.AddMonths(d.RestrictionMonths).AddDays(-1),
                Reason = $"{d.Number}：限制参与政府采购{d.RestrictionMonths}个月", CreatedBy = Scope.Actor, CreatedAt = Now,
            });
        (notary ?? new Notary.NotaryRecorder(db)).Record(Notary.NotaryKinds.DeterminationConfirmed, d.ContractId, Notary.NotaryFacts.Determination(d));
        await db.SaveChangesAsync(ct);
        await credit.RegradeAsync(d.Subject, d.SubjectId, ct);
        await tx.CommitAsync(ct);
        return d;
    }

    public async Task<DishonestyDetermination> RejectAsync(long id, string? note, CancellationToken ct = default)
    {
        var d = await LoadForOfficeAsync(id, ct);
        Expect(d, DeterminationState.Proposed, "只有待确认的认定可以不予确认", "Only a proposed determination can be rejected");
        if (string.IsNullOrWhiteSpace(note)) throw Field("note", "不予确认须写明理由", "A rejection needs a reason");
        d.State = DeterminationState.Rejected;
        (d.DecidedBy, d.DecidedAt, d.DecisionNote) = (Scope.Actor, Now, note.Trim());
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>The party (its supplier login or its unit) appeals a confirmed determination.</summary>
    public async Task<DishonestyDetermination> AppealAsync(long id, string? reason, CancellationToken ct = default)
    {
        var d = await db.DishonestyDeterminations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("失信认定|determination");
        var own = Scope.All || (d.Subject == CreditSubject.Supplier && Scope.SupplierId == d.SubjectId)
                  || (d.Subject == CreditSubject.BudgetUnit && Scope.BudgetUnitId == d.SubjectId);
        if (!own) throw DomainException.Forbidden();
        Expect(d, DeterminationState.Confirmed, "只有已生效的认定可以申诉", "Only a confirmed determination can be appealed");
        if (string.IsNullOrWhiteSpace(reason)) throw Field("reason", "请写明申诉理由", "State the grounds of the appeal");
        d.State = DeterminationState.Appealed;
        (d.AppealReason, d.AppealedBy, d.AppealedAt) = (reason.Trim(), Scope.Actor, Now);
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>The credit office decides an appeal: upheld (it stays confirmed) or revoked (it stops counting today, a restriction is lifted).</summary>
    public async Task<DishonestyDetermination> DecideAppealAsync(long id, bool revoke, string? note, CancellationToken ct = default)
    {
        var d = await LoadForOfficeAsync(id, ct);
        Expect(d, DeterminationState.Appealed, "该认定没有待处理的申诉", "The determination has no pending appeal");
        if (string.IsNullOrWhiteSpace(note)) throw Field("note", "请写明申诉处理意见", "State the decision on the appeal");
        d.AppealDecisionNote = note.Trim();
        d.AppealDecidedAt = Now;
        if (!revoke)
        {
            d.State = DeterminationState.Confirmed;
            await db.SaveChangesAsync(ct);
            return d;
        }
        await EndAsync(d, DeterminationState.Revoked, $"申诉成立，撤销认定：{note.Trim()}", ct);
        return d;
    }

    /// <summary>Credit repair (信用修复): after <see cref="MinRepairMonths"/> months the record stops counting and a restriction is lifted.</summary>
    public async Task<DishonestyDetermination> RepairAsync(long id, string? reason, CancellationToken ct = default)
    {
        var d = await LoadForOfficeAsync(id, ct);
        Expect(d, DeterminationState.Confirmed, "只有已生效的认定可以信用修复", "Only a confirmed determination can be repaired");
        if (string.IsNullOrWhiteSpace(reason)) throw Field("reason", "请写明修复理由（整改情况、信用承诺等）", "State the grounds of the repair (rectification, credit commitment)");
        var earliest = DateOnly.FromDateTime(ChinaTime.Local(d.PublishedAt!.Value)).AddMonths(MinRepairMonths);
        if (Today < earliest)
            throw Field("reason", $"公示满{MinRepairMonths}个月（{earliest:yyyy-MM-dd}）后方可申请信用修复", $"Repair is possible after {MinRepairMonths} months of publication ({earliest:yyyy-MM-dd})");
        (d.RepairReason, d.RepairedBy, d.RepairedAt) = (reason.Trim(), Scope.Actor, Now);
        await EndAsync(d, DeterminationState.Repaired, $"信用修复：{reason.Trim()}", ct);
        return d;
    }

    /// <summary>The active restriction of a supplier on a day, if any (the filing form refuses a restricted supplier).</summary>
    public Task<Sanction?> ActiveSanctionAsync(long supplierId, DateOnly on, CancellationToken ct = default) =>
        db.Sanctions.AsNoTracking().InForceOn(on).Where(s => s.SupplierId == supplierId)
            .OrderByDescending(s => s.Until).FirstOrDefaultAsync(ct);

    private async Task EndAsync(DishonestyDetermination d, DeterminationState state, string why, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        d.State = state;
        var yesterday = Today.AddDays(-1);
        var record = await db.CreditRecords.FirstOrDefaultAsync(r => r.SourceKey == $"determination:{d.Id}", ct);
        if (record is not null) record.ExpiresOn = yesterday;
        d.ExpiresOn = yesterday;
        foreach (var s in await db.Sanctions.Where(s => s.DeterminationId == d.Id && s.LiftedAt == null).ToListAsync(ct))
            (s.LiftedAt, s.LiftReason) = (Now, why);
        (notary ?? new Notary.NotaryRecorder(db)).Record(state == DeterminationState.Repaired ? Notary.NotaryKinds.DeterminationRepaired : Notary.NotaryKinds.DeterminationRevoked, d.ContractId, Notary.NotaryFacts.Determination(d));
        await db.SaveChangesAsync(ct);
        await credit.RegradeAsync(d.Subject, d.SubjectId, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<DishonestyDetermination> LoadForOfficeAsync(long id, CancellationToken ct)
    {
        var d = await db.DishonestyDeterminations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("失信认定|determination");
        if (!Scope.All && !(Scope.HasRole(Roles.CreditOffice) && Scope.RegionId == d.RegionId)) throw DomainException.Forbidden();
        return d;
    }

    private static void Expect(DishonestyDetermination d, DeterminationState state, string zh, string en)
    {
        if (d.State != state) throw new DomainException(ErrorKind.Conflict, new Msg(zh, en));
    }

    private static DomainException Field(string field, string zh, string en) =>
        new(ErrorKind.Invalid, new Msg(zh, en), new Dictionary<string, Msg[]> { [field] = [new Msg(zh, en)] });

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
