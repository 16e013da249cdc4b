using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Integration;
using Lvyue.Performance.Payments;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Performance.Payments;

/// <summary>
/// Payments and compliance alerts: the treasury import with its problem report, the payments a person
/// must match, the open alerts (supervisors see their region's), and — with <c>contractId</c> — one
/// contract's payments and alerts.
/// </summary>
[Authorize(Policy = Policies.ContractReaders)]
public sealed class IndexModel(LvyueDbContext db, PaymentService payments, PaymentImport import) : LvyuePage(db)
{
    public Contract? Contract { get; private set; }
    public List<Payment> ContractPayments { get; private set; } = [];
    public List<Payment> Unmatched { get; private set; } = [];
    public List<ComplianceAlert> Alerts { get; private set; } = [];
    public Dictionary<long, string> ContractNumbers { get; private set; } = [];
    public ImportResult? Result { get; private set; }
    public bool CanImport => User.IsInRole(Accounts.Roles.Supervisor) || User.IsInRole(Accounts.Roles.UnitClerk);
    public bool CanResolve => User.IsInRole(Accounts.Roles.Supervisor) || User.IsInRole(Accounts.Roles.UnitLeader);
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? ContractNumber { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(long? contractId) => await LoadAsync(contractId) ? Page() : NotFound();

    public IActionResult OnGetTemplate()
    {
        var ms = new MemoryStream();
        PaymentImport.WriteTemplate(ms);
        ms.Position = 0;
        return File(ms, Api.ImportsApi.XlsxType, "支付导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        if (!CanImport) return Forbid();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(string.Empty, T("请选择文件", "Choose a file"));
            await LoadAsync(null);
            return Page();
        }
        await using var s = Upload.OpenReadStream();
        Result = await import.ImportAsync(s, Upload.FileName, HttpContext.RequestAborted);
        if (Result.Succeeded) Flash = T($"已导入{Result.Inserted}笔支付", $"Imported {Result.Inserted} payments");
        await LoadAsync(null);
        return Page();
    }

    public Task<IActionResult> OnPostMatchAsync(long paymentId) => Act(null, async ct =>
    {
        var number = ContractNumber?.Trim() ?? "";
        var ids = await Db.Contracts.AsNoTracking().Where(c => c.Number == number).Select(c => c.Id).Take(2).ToListAsync(ct);
        if (ids.Count != 1)
            throw new DomainException(ErrorKind.Invalid, ids.Count == 0 ? new Msg($"未找到合同编号“{number}”", $"No contract numbered '{number}'")
                : new Msg($"合同编号“{number}”不唯一，请通过接口按合同ID匹配", $"Contract number '{number}' is not unique; match by id through the API"));
        await payments.MatchAsync(paymentId, ids[0], null, ct);
        return T("已匹配", "Matched");
    });

    public Task<IActionResult> OnPostResolveAsync(long alertId, long? contractId) => Act(contractId, async ct =>
    {
        await payments.ResolveAlertAsync(alertId, Note, ct);
        return T("预警已处理", "Alert resolved");
    });

    private async Task<IActionResult> Act(long? contractId, Func<CancellationToken, Task<string>> action)
    {
        try
        {
            Flash = await action(HttpContext.RequestAborted);
            return Redirect("/Performance/Payments" + (contractId is { } id ? $"?contractId={id}" : ""));
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            ShowRefusal(e);
            return await LoadAsync(contractId) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(long? contractId)
    {
        var ct = HttpContext.RequestAborted;
        if (contractId is { } id)
        {
            Contract = await Db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (Contract is null) return false;
            ContractPayments = await payments.ForContractAsync(id, ct);
            Alerts = await payments.AlertsAsync(id, false, 500, ct);
        }
        else
        {
            Unmatched = CanImport ? await payments.UnmatchedAsync(200, ct) : [];
            Alerts = await payments.AlertsAsync(null, true, 300, ct);
        }
        var ids = Alerts.Select(a => a.ContractId).Concat(Unmatched.Where(p => p.ContractId != null).Select(p => p.ContractId!.Value)).Distinct().ToList();
        ContractNumbers = await Db.Contracts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return true;
    }

    public static string Label(AlertKind k) => k switch
    {
        AlertKind.PaidBeforeAcceptance => T("验收前付款", "Paid before acceptance"),
        AlertKind.Overpaid => T("超合同金额支付", "Paid above the amount"),
        AlertKind.PayeeNotSupplier => T("收款人非合同供应商", "Payee not the supplier"),
        AlertKind.SmeLatePayment => T("逾期支付中小企业款项", "SME paid late"),
        _ => T("变更超10%", "Change above 10%"),
    };

    public static string Label(PaymentMatch m) => m switch
    {
        PaymentMatch.Matched => T("已匹配节点", "Matched"),
        PaymentMatch.ContractOnly => T("已匹配合同（无对应节点）", "Contract only"),
        PaymentMatch.Manual => T("人工匹配", "Matched by hand"),
        _ => T("未匹配", "Unmatched"),
    };
}
