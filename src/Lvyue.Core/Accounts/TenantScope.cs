namespace Lvyue.Accounts;

/// <summary>
/// What contract content the current principal may see. The DbContext's global query filters read
/// it, so every query is scoped without the caller remembering to.
/// </summary>
public sealed record TenantScope
{
    /// <summary>Sees every contract (command-line tools, migrations, background jobs).</summary>
    public bool All { get; init; }
    public long? RegionId { get; init; }
    public long? BudgetUnitId { get; init; }
    public long? SupplierId { get; init; }
    /// <summary>Whether this scope may create or change contracts (unit roles only, or the system).</summary>
    public bool CanWriteContracts { get; init; }
    public string Actor { get; init; } = "system";
    /// <summary>The roles of the principal (empty for the system).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>The client address recorded in the audit log, when known.</summary>
    public string? Ip { get; init; }

    public static TenantScope System { get; } = new() { All = true, CanWriteContracts = true };

    /// <summary>Sees no contract content: system, security and audit administrators.</summary>
    public static TenantScope None(string actor) => new() { Actor = actor };

    public static TenantScope ForUnit(long regionId, long unitId, string actor, bool canWrite) =>
        new() { RegionId = null, BudgetUnitId = unitId, Actor = actor, CanWriteContracts = canWrite, UnitRegionId = regionId };

    public static TenantScope ForRegion(long regionId, string actor) => new() { RegionId = regionId, Actor = actor };

    public static TenantScope ForSupplier(long supplierId, string actor) => new() { SupplierId = supplierId, Actor = actor };

    /// <summary>The region of a unit-scoped principal (not used for filtering, only for defaults).</summary>
    public long? UnitRegionId { get; init; }

    /// <summary>True when the scope can see anything at all.</summary>
    public bool SeesContracts => All || RegionId is not null || BudgetUnitId is not null || SupplierId is not null;
}

/// <summary>Supplies the scope of the current request or process.</summary>
public interface ITenantContext
{
    TenantScope Scope { get; }
}

/// <summary>A fixed scope: the command-line tool and tests.</summary>
public sealed class FixedTenantContext(TenantScope scope) : ITenantContext
{
    public TenantScope Scope { get; } = scope;
}
