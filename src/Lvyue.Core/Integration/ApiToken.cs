namespace Lvyue.Integration;

/// <summary>
/// A bearer token issued by a system administrator to an external system. Only the SHA-256 of the
/// secret is stored; the secret is shown once at issue.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, shown to identify it.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    /// <summary>Space-separated scopes, see <see cref="ApiScopes"/>.</summary>
    public required string Scopes { get; set; }
    /// <summary>The region whose data the token reaches; null for every region.</summary>
    public long? RegionId { get; set; }
    /// <summary>A budget unit the token files for; null for read-only or region tokens.</summary>
    public long? BudgetUnitId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>Scopes an API token may carry.</summary>
public static class ApiScopes
{
    public const string ReadLedger = "ledger:read";
    public const string FileContracts = "contracts:write";
    public const string ImportPayments = "payments:import";
    public const string ManageOrganizations = "organizations:write";
    public static readonly IReadOnlyList<string> All = [ReadLedger, FileContracts, ImportPayments, ManageOrganizations];
}
