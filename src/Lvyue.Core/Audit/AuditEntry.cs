namespace Lvyue.Audit;

/// <summary>
/// One audited write: who, when, what, before and after. Written in the same transaction as the
/// change it records; database triggers refuse any UPDATE or DELETE of these rows.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    /// <summary>insert, update or delete (for entity rows), or an action name such as <c>login.failed</c>.</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>JSON object of the changed properties before the write.</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the changed properties after the write.</summary>
    public string? After { get; set; }
    public string? Ip { get; set; }
}
