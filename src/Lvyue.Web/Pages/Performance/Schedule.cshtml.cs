using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Performance;

/// <summary>
/// A contract's schedule of milestones (履约计划): add milestones by date, rule or recurrence, accept the ones
/// proposed from the contract text, record fulfilment with evidence; supervisors move the contract to the
/// termination register.
/// </summary>
public sealed class ScheduleModel(LvyueDbContext db, ScheduleQuery query, MilestoneService milestones, MilestoneProposals proposals,
    TerminationRegister terminations) : LvyuePage(db)
{
    public ContractSchedule Schedule { get; private set; } = null!;
    public IReadOnlyList<MilestoneProposal>? Proposals { get; private set; }
    public string? ProposalSource { get; private set; }

    /// <summary>The add form; its mode chooses date, rule or recurrence.</summary>
    [BindProperty] public AddForm Add { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Shows the milestones proposed from the contract's document.</summary>
    public async Task<IActionResult> OnGetProposalsAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            var (doc, list) = await proposals.ForContractAsync(id, null, HttpContext.RequestAborted);
            Proposals = list;
            ProposalSource = doc.FileName;
        }
        catch (DomainException e) { ShowRefusal(e); }
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, int[] indexes)
    {
        try
        {
            var added = await proposals.AcceptAsync(id, indexes, null, HttpContext.RequestAborted);
            Flash = T($"已添加{added.Count}个履约节点", $"Added {added.Count} milestones");
            return RedirectToPage(new { id });
        }
        catch (DomainException e) { return await RefuseAsync(id, e); }
    }

    public async Task<IActionResult> OnPostAddAsync(long id)
    {
        try
        {
            var added = await milestones.AddAsync(id, Add.ToInput(), HttpContext.RequestAborted);
            Flash = T($"已添加{added.Count}个履约节点", $"Added {added.Count} milestones");
            return RedirectToPage(new { id });
        }
        catch (DomainException e) { return await RefuseAsync(id, e); }
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, long milestoneId, MilestoneStatus status, DateOnly? metDate, long? evidenceDocumentId, string? note, long? version)
    {
        try
        {
            await milestones.SetStatusAsync(milestoneId, new MilestoneStatusChange
            {
                Status = status, MetDate = metDate, EvidenceDocumentId = evidenceDocumentId, Note = note, ExpectedVersion = version,
            }, HttpContext.RequestAborted);
            Flash = T("已更新履约节点状态", "The milestone's status is recorded");
            return RedirectToPage(new { id });
        }
        catch (DomainException e) { return await RefuseAsync(id, e); }
    }

    public async Task<IActionResult> OnPostTerminateAsync(long id, string? reason, long[] documentIds)
    {
        try
        {
            await terminations.MoveAsync(id, reason, documentIds, HttpContext.RequestAborted);
            Flash = T("合同已移入终止库", "The contract is in the termination register");
            return RedirectToPage(new { id });
        }
        catch (DomainException e) { return await RefuseAsync(id, e); }
    }

    private async Task<IActionResult> RefuseAsync(long id, DomainException e)
    {
        if (e.Kind == ErrorKind.Forbidden) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        ShowRefusal(e);
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        var s = await query.ForContractAsync(id, HttpContext.RequestAborted);
        if (s is null) return false;
        Schedule = s;
        return true;
    }

    /// <summary>The fields of the add form.</summary>
    public sealed class AddForm
    {
        public MilestoneKind Kind { get; set; } = MilestoneKind.Delivery;
        public string? Title { get; set; }
        /// <summary><c>date</c>, <c>rule</c> or <c>recurrence</c>.</summary>
        public string Mode { get; set; } = "date";
        public DateOnly? DueDate { get; set; }
        /// <summary>A <see cref="DueTrigger"/> name, or <c>m:ID</c> for another milestone.</summary>
        public string? Trigger { get; set; }
        public int? OffsetDays { get; set; }
        public DayCount DayCount { get; set; }
        public string? RuleText { get; set; }
        public decimal? Amount { get; set; }
        public ResponsibleParty Responsible { get; set; } = ResponsibleParty.Supplier;
        public Recurrence Recurrence { get; set; }
        public DateOnly? Until { get; set; }

        public MilestoneInput ToInput()
        {
            var input = new MilestoneInput { Kind = Kind, Title = Title, Amount = Amount, ResponsibleParty = Responsible, RuleText = RuleText };
            switch (Mode)
            {
                case "rule":
                    long? trigger = Trigger?.StartsWith("m:") == true && long.TryParse(Trigger[2..], out var mid) ? mid : null;
                    DueTrigger? kind = trigger is not null ? DueTrigger.Milestone : Enum.TryParse<DueTrigger>(Trigger, out var t) ? t : null;
                    return input with
                    {
                        RuleTrigger = kind ?? throw new DomainException(ErrorKind.Invalid, new Msg("请选择起算事件", "Choose what the rule counts from"),
                            new Dictionary<string, Msg[]> { ["ruleTrigger"] = [new Msg("请选择起算事件", "Choose what the rule counts from")] }),
                        TriggerMilestoneId = trigger, RuleOffsetDays = OffsetDays, RuleDayCount = DayCount,
                    };
                case "recurrence":
                    return input with { DueDate = DueDate, Recurrence = Recurrence, RecurrenceUntil = Until };
                default:
                    return input with { DueDate = DueDate };
            }
        }
    }
}
