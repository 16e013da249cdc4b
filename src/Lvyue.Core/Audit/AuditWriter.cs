using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Lvyue.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lvyue.Audit;

/// <summary>Turns the tracked changes of a save into <see cref="AuditEntry"/> rows (before/after of each changed property).</summary>
internal static class AuditWriter
{
    private static readonly HashSet<string> Masked =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SecretHash", "Value", "Secret"];

    private static readonly HashSet<string> Skipped = ["SearchText"];

    /// <summary>Chinese text as written (not \uXXXX escapes) and enums by name, so the audit admin can read and search it.</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    internal sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, Dictionary<string, object?>? After);

    public static List<Pending> Capture(DbContext db)
    {
        var list = new List<Pending>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.Entity is AuditEntry) continue;
            switch (e.State)
            {
                case EntityState.Added:
                    list.Add(new Pending(e, "insert", null, Values(e, current: true, onlyModified: false)));
                    break;
                case EntityState.Modified:
                    var before = Values(e, current: false, onlyModified: true);
                    var after = Values(e, current: true, onlyModified: true);
                    if (after.Count > 0) list.Add(new Pending(e, "update", before, after));
                    break;
                case EntityState.Deleted:
                    list.Add(new Pending(e, "delete", Values(e, current: false, onlyModified: false), null));
                    break;
            }
        }
        return list;
    }

    public static IEnumerable<AuditEntry> Complete(List<Pending> pending, TenantScope scope, DateTime now)
    {
        foreach (var p in pending)
        {
            var after = p.After;
            if (p.Action == "insert") after = Values(p.Entry, current: true, onlyModified: false);
            yield return new AuditEntry
            {
                At = now,
                Actor = scope.Actor,
                Ip = scope.Ip,
                Action = p.Action,
                EntityType = EntityName(p.Entry.Metadata.ClrType),
                EntityId = Key(p.Entry),
                Before = p.Before is null ? null : JsonSerializer.Serialize(p.Before, Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Json),
            };
        }
    }

    /// <summary>The CLR name without generic arity: IdentityUserRole`1 → IdentityUserRole.</summary>
    private static string EntityName(Type t) => t.Name.Split('`')[0];

    private static string? Key(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        if (key is null) return null;
        return string.Join(",", key.Properties.Select(p => e.Property(p.Name).CurrentValue?.ToString()));
    }

    private static Dictionary<string, object?> Values(EntityEntry e, bool current, bool onlyModified)
    {
        var d = new Dictionary<string, object?>();
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (Skipped.Contains(name)) continue;
            if (onlyModified && (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue))) continue;
            var v = current ? p.CurrentValue : p.OriginalValue;
            d[name] = Masked.Contains(name) && v is not null ? "***" : v;
        }
        return d;
    }
}
