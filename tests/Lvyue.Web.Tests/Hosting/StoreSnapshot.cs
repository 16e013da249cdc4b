using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>
/// What a refused request must leave as it was: the rows of contracts, documents, events, approval
/// tasks and audit entries, the committed amount of every budget line, and the stored files.
/// </summary>
public sealed record StoreSnapshot(int Contracts, int Documents, int Events, int Approvals, int AuditEntries, decimal Committed, int Files)
{
    public static async Task<StoreSnapshot> TakeAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        var db = s.Db;
        var committed = (await db.BudgetLines.AsNoTracking().Select(l => l.Committed).ToListAsync()).Sum();
        return new StoreSnapshot(
            await db.Contracts.CountAsync(), await db.ContractDocuments.CountAsync(), await db.ContractEvents.CountAsync(),
            await db.ApprovalTasks.CountAsync(), await db.AuditEntries.CountAsync(), committed, CountFiles(app.Database.FileStoreRoot));
    }

    /// <summary>Stored documents: every file of the store except the data-protection key ring and upload temporaries.</summary>
    private static int CountFiles(string root)
    {
        if (!Directory.Exists(root)) return 0;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Count(f => !f.StartsWith("keys" + Path.DirectorySeparatorChar) && !f.StartsWith("tmp" + Path.DirectorySeparatorChar));
    }
}
