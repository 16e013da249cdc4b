using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Data;
using Lvyue.Files;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>
/// Filing (备案): creates contracts, stores their documents and moves them through
/// Draft → PendingApproval → Filed → Performing → Completed | Terminated. Every method is one
/// transaction; a refusal throws <see cref="DomainException"/> and writes nothing.
/// </summary>
public sealed class FilingService(LvyueDbContext db, FileStore files, FilingOptions options, Notary.INotaryRecorder? notary = null,
    Review.Reviews.ContractReviewService? reviews = null)
{
    private readonly Notary.INotaryRecorder _notary = notary ?? new Notary.NotaryRecorder(db);
    private TenantScope Scope => db.Scope;
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates a draft contract, commits its amount against the budget line, stores its documents.</summary>
    public async Task<Contract> CreateAsync(ContractInput input, IReadOnlyList<UploadedDocument>? documents = null, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        ContractRules.Check(input, errors);
        var unit = await db.BudgetUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.BudgetUnitId, ct);
        if (unit is null) errors.Add("budgetUnitId", "预算单位不存在", "Unknown budget unit");
        else if (!CanWriteFor(unit.Id)) throw DomainException.Forbidden();
        await CheckReferencesAsync(input, errors, ct);
        var number = input.Number?.Trim() ?? "";
        if (unit is not null && number.Length > 0 &&
            await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.BudgetUnitId == unit.Id && c.Number == number, ct))
            errors.Add("number", $"本单位已存在编号为“{number}”的合同", $"Your unit already has a contract numbered '{number}'");
        errors.ThrowIfAny();
        // Refuse an insufficient balance before the documents reach the file store; the commit in the
        // transaction below stays the guarantee against a concurrent filing on the same line.
        var balance = await db.BudgetLines.AsNoTracking().FirstAsync(l => l.Id == input.BudgetLineId, ct);
        if (balance.Available < input.Amount) throw InsufficientBudget(balance, input.Amount);

        var stored = documents is null ? [] : await StoreAsync(documents, ct);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => input.SupplierIds.Contains(s.Id)).ToListAsync(ct);
        var contract = new Contract
        {
            RegionId = unit!.RegionId,
            Number = number,
            Title = input.Title!.Trim(),
            Status = ContractStatus.Draft,
            CreatedBy = Scope.Actor,
        };
        Apply(contract, input);
        contract.FilingRequired = await IsFilingRequiredAsync(contract.RegionId, contract.Category, contract.ProcurementMethod, contract.Amount, ct);
        contract.SearchText = BuildSearchText(contract, unit.Name, input.SupplierIds.Select(id => suppliers.First(s => s.Id == id)));
        for (var k = 0; k < input.SupplierIds.Count; k++)
            contract.Suppliers.Add(new ContractSupplier { SupplierId = input.SupplierIds[k], SortOrder = k });

        await using var tx = await OwnTransactionAsync(ct);
        await CommitBudgetAsync(contract.BudgetLineId, contract.Amount, ct);
        contract.Events.Add(Event("created", null, ContractStatus.Draft, null));
        foreach (var (name, file, type) in stored)
            AddDocumentRow(contract, name, file, type, 1);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        // As for AddDocumentAsync: each document filed with the contract is reviewed once the filing is committed.
        if (reviews is not null) foreach (var d in contract.Documents) await reviews.ReviewDocumentAsync(d.Id, ct);
        return contract;
    }

    /// <summary>
    /// A transaction of this service's own, or null when the caller already holds one: the filing page files a
    /// contract, submits it and stores its extraction corrections as one write.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    /// <summary>Edits a draft (or a returned filing); the budget commitment follows the new amount and line.</summary>
    public async Task<Contract> UpdateDraftAsync(long id, ContractInput input, long? expectedVersion = null, CancellationToken ct = default)
    {
        var contract = await LoadForWriteAsync(id, ct);
        if (contract.Status != ContractStatus.Draft)
            throw new DomainException(ErrorKind.Conflict, new Msg("只有草稿状态的合同可以修改", "Only a draft can be edited"));
        if (expectedVersion is { } v && v != contract.Version)
            throw new DomainException(ErrorKind.Conflict, new Msg("合同已被他人修改，请刷新后重试", "The contract was changed by someone else; reload and try again"));
        input = input with { BudgetUnitId = contract.BudgetUnitId };
        var errors = new ErrorBag();
        ContractRules.Check(input, errors);
        await CheckReferencesAsync(input, errors, ct);
        var number = input.Number?.Trim() ?? "";
        if (number != contract.Number &&
            await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.BudgetUnitId == contract.BudgetUnitId && c.Number == number, ct))
            errors.Add("number", $"本单位已存在编号为“{number}”的合同", $"Your unit already has a contract numbered '{number}'");
        errors.ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ReleaseBudgetAsync(contract.BudgetLineId, contract.Amount, ct);
        contract.Number = number;
        contract.Title = input.Title!.Trim();
        Apply(contract, input);
        await CommitBudgetAsync(contract.BudgetLineId, contract.Amount, ct);
        contract.FilingRequired = await IsFilingRequiredAsync(contract.RegionId, contract.Category, contract.ProcurementMethod, contract.Amount, ct);
        db.ContractSuppliers.RemoveRange(contract.Suppliers.Where(s => !input.SupplierIds.Contains(s.SupplierId)));
        for (var k = 0; k < input.SupplierIds.Count; k++)
        {
            var existing = contract.Suppliers.FirstOrDefault(s => s.SupplierId == input.SupplierIds[k]);
            if (existing is null) contract.Suppliers.Add(new ContractSupplier { SupplierId = input.SupplierIds[k], SortOrder = k });
            else existing.SortOrder = k;
        }
        var unitName = await db.BudgetUnits.Where(u => u.Id == contract.BudgetUnitId).Select(u => u.Name).FirstAsync(ct);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => input.SupplierIds.Contains(s.Id)).ToListAsync(ct);
        contract.SearchText = BuildSearchText(contract, unitName, suppliers);
        contract.Events.Add(Event("edited", null, null, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return contract;
    }

    /// <summary>Adds a document; a file with the same name becomes its next version (nothing is overwritten).</summary>
    public async Task<ContractDocument> AddDocumentAsync(long contractId, UploadedDocument doc, CancellationToken ct = default)
    {
        var contract = await LoadForWriteAsync(contractId, ct);
        if (contract.Status is ContractStatus.Completed or ContractStatus.Terminated)
            throw new DomainException(ErrorKind.Conflict, new Msg("已完成或已终止的合同不能再上传文件", "A completed or terminated contract takes no more documents"));
        var stored = await StoreAsync([doc], ct);
        var (name, file, type) = stored[0];
        var last = await db.ContractDocuments.Where(d => d.ContractId == contractId && d.FileName == name)
            .MaxAsync(d => (int?)d.VersionNo, ct) ?? 0;
        var row = AddDocumentRow(contract, name, file, type, last + 1);
        await db.SaveChangesAsync(ct);
        // The review runs after the upload is committed, in its own save: an unreadable file gets a report saying so.
        if (reviews is not null) await reviews.ReviewDocumentAsync(row.Id, ct);
        return row;
    }

    /// <summary>Submits a draft for approval at the level its amount band requires.</summary>
    public async Task<ApprovalTask> SubmitAsync(long id, CancellationToken ct = default)
    {
        var contract = await LoadForWriteAsync(id, ct);
        if (contract.Status != ContractStatus.Draft)
            throw new DomainException(ErrorKind.Conflict, new Msg("只有草稿可以提交审批", "Only a draft can be submitted"));
        if (contract.Documents.Count == 0)
            throw new DomainException(ErrorKind.Invalid, new Msg("请先上传合同文本再提交备案", "Upload the contract document before submitting"),
                new Dictionary<string, Msg[]> { ["documents"] = [new Msg("缺少合同文本", "The contract document is missing")] });
        var level = await ApprovalLevelForAsync(contract.RegionId, contract.Amount, ct);
        var task = new ApprovalTask
        {
            ContractId = contract.Id, Contract = contract, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId,
            Level = level, State = ApprovalState.Pending, CreatedAt = Now,
        };
        db.ApprovalTasks.Add(task);
        Transition(contract, ContractStatus.PendingApproval, "submitted", null);
        _notary.Record(Notary.NotaryKinds.ContractSubmitted, contract.Id, Notary.NotaryPayload.Of(("level", level.ToString())));
        await db.SaveChangesAsync(ct);
        return task;
    }

    /// <summary>Approves a pending filing: the contract becomes Filed.</summary>
    public Task<Contract> ApproveAsync(long taskId, string? note, CancellationToken ct = default) =>
        DecideAsync(taskId, approve: true, note, ct);

    /// <summary>Returns a pending filing to its clerk with a reason: the contract goes back to Draft.</summary>
    public Task<Contract> ReturnAsync(long taskId, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ErrorKind.Invalid, new Msg("退回必须填写原因", "A return needs a reason"),
                new Dictionary<string, Msg[]> { ["reason"] = [new Msg("请填写退回原因", "Give the reason for returning")] });
        return DecideAsync(taskId, approve: false, reason, ct);
    }

    /// <summary>Performance transitions after filing: Filed → Performing → Completed, or → Terminated.</summary>
    public async Task<Contract> ChangeStatusAsync(long id, ContractStatus to, string? note, CancellationToken ct = default)
    {
        var contract = await LoadForWriteAsync(id, ct);
        var allowed = (contract.Status, to) switch
        {
            (ContractStatus.Filed, ContractStatus.Performing) => true,
            (ContractStatus.Performing, ContractStatus.Completed) => true,
            (ContractStatus.Filed or ContractStatus.Performing, ContractStatus.Terminated) => true,
            _ => false,
        };
        if (!allowed)
            throw new DomainException(ErrorKind.Conflict, new Msg(
                $"不能从“{Labels.Statuses[contract.Status].Zh}”变为“{Labels.Statuses[to].Zh}”",
                $"Cannot go from {Labels.Statuses[contract.Status].En} to {Labels.Statuses[to].En}"));
        if (to == ContractStatus.Terminated && string.IsNullOrWhiteSpace(note))
            throw new DomainException(ErrorKind.Invalid, new Msg("终止合同必须填写原因", "Termination needs a reason"),
                new Dictionary<string, Msg[]> { ["note"] = [new Msg("请填写终止原因", "Give the reason for termination")] });
        _notary.Record(Notary.NotaryKinds.StatusChanged, contract.Id, Notary.NotaryPayload.Of(("from", contract.Status.ToString()), ("to", to.ToString())));
        Transition(contract, to, "status", note);
        await db.SaveChangesAsync(ct);
        return contract;
    }

    /// <summary>Whether a contract of this kind and amount must be filed in the region (else voluntary).</summary>
    public async Task<bool> IsFilingRequiredAsync(long regionId, Category category, ProcurementMethod method, decimal amount, CancellationToken ct = default)
    {
        var rows = await db.FilingThresholds.AsNoTracking().Where(t => t.RegionId == regionId).ToListAsync(ct);
        var best = rows
            .Where(t => (t.Category is null || t.Category == category) && (t.Method is null || t.Method == method))
            .OrderByDescending(t => (t.Category is null ? 0 : 2) + (t.Method is null ? 0 : 1))
            .FirstOrDefault();
        return best is null || amount >= best.MinAmount;
    }

    /// <summary>The approval level the region's amount bands give to an amount.</summary>
    public async Task<ApprovalLevel> ApprovalLevelForAsync(long regionId, decimal amount, CancellationToken ct = default)
    {
        var bands = await db.ApprovalBands.AsNoTracking().Where(b => b.RegionId == regionId).ToListAsync(ct);
        return bands.Where(b => b.MinAmount <= amount).OrderByDescending(b => b.MinAmount).FirstOrDefault()?.Level
               ?? ApprovalLevel.UnitLeader;
    }

    private async Task<Contract> DecideAsync(long taskId, bool approve, string? note, CancellationToken ct)
    {
        var task = await db.ApprovalTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw DomainException.NotFound("审批任务|approval task");
        var mayDecide = task.Level == ApprovalLevel.UnitLeader
            ? Scope.All || (Scope.HasRole(Roles.UnitLeader) && Scope.BudgetUnitId == task.BudgetUnitId)
            : Scope.All || (Scope.HasRole(Roles.Supervisor) && Scope.RegionId == task.RegionId);
        if (!mayDecide) throw DomainException.Forbidden();
        if (task.State != ApprovalState.Pending)
            throw new DomainException(ErrorKind.Conflict, new Msg("该审批已处理", "This approval has already been decided"));
        // High-severity review findings of the current document versions need an answer before approval (issue 4).
        if (approve) await Review.Reports.ReviewGate.ThrowIfOpenHighAsync(db, task.ContractId, ct);
        var contract = await db.Contracts.Include(c => c.Events).FirstAsync(c => c.Id == task.ContractId, ct);
        task.State = approve ? ApprovalState.Approved : ApprovalState.Returned;
        task.DecidedAt = Now;
        task.DecidedBy = Scope.Actor;
        task.Reason = note?.Trim();
        _notary.Record(approve ? Notary.NotaryKinds.FilingApproved : Notary.NotaryKinds.FilingReturned, contract.Id, Notary.NotaryPayload.Of(
            ("level", task.Level.ToString()), ("from", contract.Status.ToString()), ("to", (approve ? ContractStatus.Filed : ContractStatus.Draft).ToString())));
        Transition(contract, approve ? ContractStatus.Filed : ContractStatus.Draft, approve ? "approved" : "returned", note);
        await db.SaveChangesAsync(ct);
        return contract;
    }

    private void Transition(Contract c, ContractStatus to, string kind, string? note)
    {
        c.Events.Add(Event(kind, c.Status, to, note));
        c.Status = to;
    }

    private ContractEvent Event(string kind, ContractStatus? from, ContractStatus? to, string? note) =>
        new() { Kind = kind, At = Now, FromStatus = from, ToStatus = to, Note = note?.Trim(), Actor = Scope.Actor };

    private bool CanWriteFor(long unitId) => Scope.All || (Scope.CanWriteContracts && Scope.BudgetUnitId == unitId);

    private async Task<Contract> LoadForWriteAsync(long id, CancellationToken ct)
    {
        var c = await db.Contracts.Include(x => x.Suppliers).Include(x => x.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("合同|contract");
        if (!CanWriteFor(c.BudgetUnitId)) throw DomainException.Forbidden();
        return c;
    }

    private async Task CheckReferencesAsync(ContractInput input, ErrorBag errors, CancellationToken ct)
    {
        var sub = await db.Subcategories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SubcategoryId, ct);
        if (sub is null || !sub.IsActive) errors.Add("subcategoryId", "请选择有效的合同小类", "Choose a valid subcategory");
        else if (sub.Category != input.Category)
            errors.Add("subcategoryId", $"小类“{sub.Name}”不属于{Labels.Categories[input.Category].Zh}类", $"Subcategory '{sub.NameEn}' is not in {Labels.Categories[input.Category].En}");
        if (input.DepartmentId is { } dep && !await db.Departments.AnyAsync(d => d.Id == dep && d.BudgetUnitId == input.BudgetUnitId, ct))
            errors.Add("departmentId", "部门不属于该预算单位", "The department is not part of this budget unit");
        if (input.SupplierIds.Count > 0)
        {
            var found = await db.Suppliers.CountAsync(s => input.SupplierIds.Contains(s.Id), ct);
            if (found != input.SupplierIds.Distinct().Count()) errors.Add("supplierIds", "供应商不存在", "Unknown supplier");
            await CheckSanctionsAsync(input, errors, ct);
        }
        var line = await db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == input.BudgetLineId, ct);
        if (line is null || line.BudgetUnitId != input.BudgetUnitId)
            errors.Add("budgetLineId", "请选择本单位的预算指标（先有预算后购买）", "Choose a budget line of your unit (no purchase without a budget)");
    }

    /// <summary>
    /// Refuses a supplier restricted from procurement (限制, after a dishonesty determination) on the sign date,
    /// or today without one (<see cref="Credit.SanctionQueries.InForceOn"/>), for all suppliers in one query.
    /// </summary>
    private async Task CheckSanctionsAsync(ContractInput input, ErrorBag errors, CancellationToken ct)
    {
        var day = input.SignDate ?? ChinaTime.Today(db.Clock);
        var ids = input.SupplierIds.Distinct().ToList();
        var active = await (
            from s in db.Sanctions.AsNoTracking().InForceOn(day)
            where ids.Contains(s.SupplierId)
            join sup in db.Suppliers.AsNoTracking() on s.SupplierId equals sup.Id
            join d in db.DishonestyDeterminations.AsNoTracking() on s.DeterminationId equals d.Id into ds
            from d in ds.DefaultIfEmpty()
            select new { s.SupplierId, sup.Name, Number = d == null ? null : d.Number, s.Until }).ToListAsync(ct);
        foreach (var r in active.GroupBy(a => a.SupplierId).Select(g => g.OrderByDescending(a => a.Until).First()))
        {
            var number = r.Number ?? "—";
            errors.Add("supplierIds",
                $"供应商“{r.Name}”因失信行为认定（{number}）被限制参与政府采购至{r.Until:yyyy-MM-dd}，不能选择",
                $"Supplier '{r.Name}' is restricted from government procurement until {r.Until:yyyy-MM-dd} by dishonesty determination {number} and cannot be chosen");
        }
    }

    /// <summary>Atomically takes <paramref name="amount"/> from the line's balance or refuses.</summary>
    private async Task CommitBudgetAsync(long lineId, decimal amount, CancellationToken ct)
    {
        var n = await db.BudgetLines.Where(l => l.Id == lineId && l.Amount - l.Committed >= amount)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Committed, l => l.Committed + amount), ct);
        if (n == 1) return;
        throw InsufficientBudget(await db.BudgetLines.AsNoTracking().FirstAsync(l => l.Id == lineId, ct), amount);
    }

    private static DomainException InsufficientBudget(Organizations.BudgetLine line, decimal amount) =>
        new(ErrorKind.Invalid, new Msg("预算指标余额不足", "Insufficient budget"),
            new Dictionary<string, Msg[]>
            {
                ["budgetLineId"] =
                [
                    new Msg($"预算指标“{line.Name}”可用余额为{Money.Format(line.Available)}，不足以支付合同金额{Money.Format(amount)}（先有预算后购买）",
                        $"Budget line '{line.Name}' has {Money.Format(line.Available)} available, less than the contract amount {Money.Format(amount)}"),
                ],
            });

    private Task ReleaseBudgetAsync(long lineId, decimal amount, CancellationToken ct) =>
        db.BudgetLines.Where(l => l.Id == lineId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Committed, l => l.Committed - amount), ct);

    private static void Apply(Contract c, ContractInput i)
    {
        c.BudgetUnitId = i.BudgetUnitId;
        c.DepartmentId = i.DepartmentId;
        c.Category = i.Category;
        c.SubcategoryId = i.SubcategoryId;
        c.ProcurementMethod = i.ProcurementMethod;
        c.Amount = i.Amount;
        c.TaxRate = i.TaxRate;
        c.SignDate = i.SignDate;
        c.EffectiveDate = i.EffectiveDate;
        c.StartDate = i.StartDate;
        c.EndDate = i.EndDate;
        c.BudgetLineId = i.BudgetLineId;
        c.IsKeyProject = i.IsKeyProject;
        c.Confidentiality = i.Confidentiality;
        c.PurchaserContactName = Trim(i.PurchaserContactName);
        c.PurchaserContactPhone = Trim(i.PurchaserContactPhone);
        c.PurchaserContactEmail = Trim(i.PurchaserContactEmail);
        c.SupplierContactName = Trim(i.SupplierContactName);
        c.SupplierContactPhone = Trim(i.SupplierContactPhone);
        c.SupplierContactEmail = Trim(i.SupplierContactEmail);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The lower-cased text the ledger's full-text search runs over.</summary>
    public static string BuildSearchText(Contract c, string unitName, IEnumerable<Organizations.Supplier> suppliers) =>
        string.Join(' ', new[] { c.Title, c.Number, unitName }.Concat(suppliers.SelectMany(s => new[] { s.Name, s.Uscc })))
            .ToLowerInvariant();

    private ContractDocument AddDocumentRow(Contract contract, string name, StoredFile file, string type, int version)
    {
        var doc = new ContractDocument
        {
            FileName = name, VersionNo = version, ContentType = type, Size = file.Size,
            Sha256 = file.Sha256, Sm3 = file.Sm3, UploadedAt = Now, UploadedBy = Scope.Actor,
        };
        contract.Documents.Add(doc);
        _notary.Record(Notary.NotaryKinds.DocumentStored, contract, Notary.NotaryPayload.Document(file.Sha256, file.Sm3, version, file.Size));
        contract.Events.Add(Event("document", null, null, $"{name} v{version} ({file.Size:N0} B, SHA-256 {file.Sha256[..12]}…)"));
        return doc;
    }

    private async Task<List<(string Name, StoredFile File, string Type)>> StoreAsync(IReadOnlyList<UploadedDocument> docs, CancellationToken ct)
    {
        var result = new List<(string, StoredFile, string)>();
        foreach (var d in docs)
        {
            var name = Path.GetFileName(d.FileName ?? "").Trim();
            if (name.Length is 0 or > 255) Refuse("文件名无效", "Invalid file name");
            await using var buffered = await BufferHeadAsync(d.Content, ct);
            var head = new byte[Math.Min(4096, buffered.Length)];
            buffered.ReadExactly(head);
            buffered.Position = 0;
            if (FileSniffer.Check(name, head) is { } why) Refuse(why);
            if (name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) && buffered.CanSeek && !FileSniffer.IsWordPackage(buffered))
                Refuse("文件内容不是Word文档（扩展名与内容不符）|The content is not a Word document (the extension does not match the content)");
            buffered.Position = 0;
            try
            {
                var file = await files.PutAsync(buffered, options.MaxDocumentBytes, ct);
                result.Add((name, file, FileSniffer.ContentTypes[Path.GetExtension(name)]));
            }
            catch (FileTooLargeException)
            {
                Refuse($"文件“{name}”超过{options.MaxDocumentBytes / 1024 / 1024} MB上限|'{name}' exceeds the {options.MaxDocumentBytes / 1024 / 1024} MB limit");
            }
        }
        return result;
    }

    /// <summary>Buffers an upload to a seekable temporary file (deleted on close) so it can be sniffed then stored.</summary>
    private async Task<Stream> BufferHeadAsync(Stream s, CancellationToken ct)
    {
        if (s.CanSeek) { s.Position = 0; return new NonClosing(s); }
        var tmp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var buf = new byte[81920];
        long total = 0;
        int n;
        while ((n = await s.ReadAsync(buf, ct)) > 0)
        {
            total += n;
            if (total > options.MaxDocumentBytes) { await tmp.DisposeAsync(); Refuse($"文件超过{options.MaxDocumentBytes / 1024 / 1024} MB上限|The file exceeds the {options.MaxDocumentBytes / 1024 / 1024} MB limit"); }
            await tmp.WriteAsync(buf.AsMemory(0, n), ct);
        }
        tmp.Position = 0;
        return tmp;
    }

    private static void Refuse(string pair) => Refuse(Msg.FromPair(pair));
    private static void Refuse(string zh, string en) => Refuse(new Msg(zh, en));
    private static void Refuse(Msg m) =>
        throw new DomainException(ErrorKind.Invalid, m, new Dictionary<string, Msg[]> { ["documents"] = [m] });

    /// <summary>Wraps a caller's stream so disposing ours leaves theirs open.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Limits of filing.</summary>
public sealed class FilingOptions
{
    /// <summary>Largest accepted contract document (default 50 MB).</summary>
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;
}
