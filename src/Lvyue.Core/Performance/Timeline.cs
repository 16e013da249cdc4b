using Lvyue.Contracts;
using Lvyue.Data;

namespace Lvyue.Performance;

/// <summary>Writes performance events onto a contract's timeline (<see cref="ContractEvent"/>), saved with the change they record.</summary>
internal static class Timeline
{
    public const string MilestonesAdded = "milestones";
    public const string MilestoneScheduled = "milestone-scheduled";
    public const string MilestoneStatus = "milestone-status";
    public const string OverdueEntered = "overdue-entered";
    public const string OverdueExited = "overdue-exited";
    public const string CloseWatch = "close-watch";
    public const string Interview = "interview";
    public const string Supervision = "supervision";
    public const string Termination = "termination";
    public const string TerminationOutcome = "termination-outcome";

    public static ContractEvent Add(LvyueDbContext db, long contractId, string kind, string note,
        ContractStatus? from = null, ContractStatus? to = null)
    {
        var e = new ContractEvent
        {
            ContractId = contractId, Kind = kind, At = db.Clock.GetUtcNow().UtcDateTime, Note = Clip(note),
            Actor = db.Scope.Actor, FromStatus = from, ToStatus = to,
        };
        db.ContractEvents.Add(e);
        return e;
    }

    private static string Clip(string s) => s.Length <= 2000 ? s : s[..1999] + "…";
}
