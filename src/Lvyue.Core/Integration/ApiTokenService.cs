using System.Security.Cryptography;
using System.Text;
using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Integration;

/// <summary>A newly issued token: <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);

/// <summary>Issues, verifies and revokes API tokens for external systems (procurement, treasury, credit platform).</summary>
public sealed class ApiTokenService(LvyueDbContext db)
{
    public const string TokenPrefix = "lvy_";

    public async Task<IssuedToken> IssueAsync(string name, IReadOnlyCollection<string> scopes, long? regionId, long? unitId,
        DateTime? expiresAt, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) errors.Add("name", "请填写令牌名称（不超过100字）", "Give the token a name (at most 100 characters)");
        if (scopes.Count == 0) errors.Add("scopes", "请至少选择一个权限范围", "Choose at least one scope");
        foreach (var s in scopes.Where(s => !ApiScopes.All.Contains(s)))
            errors.Add("scopes", $"未知的权限范围“{s}”", $"Unknown scope '{s}'");
        if (scopes.Contains(ApiScopes.FileContracts) && unitId is null)
            errors.Add("budgetUnitId", "报送合同的令牌必须指定预算单位", "A token that files contracts must name its budget unit");
        if (regionId is { } r && !await db.Regions.AnyAsync(x => x.Id == r, ct)) errors.Add("regionId", "区域不存在", "Unknown region");
        if (unitId is { } u)
        {
            var unit = await db.BudgetUnits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == u, ct);
            if (unit is null) errors.Add("budgetUnitId", "预算单位不存在", "Unknown budget unit");
            else regionId ??= unit.RegionId;
        }
        if (expiresAt is { } e && e <= db.Clock.GetUtcNow().UtcDateTime) errors.Add("expiresAt", "有效期必须晚于当前时间", "The expiry must be in the future");
        errors.ThrowIfAny();

        var secret = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var token = new ApiToken
        {
            Name = name.Trim(), Prefix = secret[..12], SecretHash = Hash(secret), Scopes = string.Join(' ', scopes.Distinct()),
            RegionId = regionId, BudgetUnitId = unitId, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.Actor, ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(token, secret);
    }

    /// <summary>The live token with this secret, or null (unknown, revoked or expired). Records its last use without auditing every request.</summary>
    public async Task<ApiToken?> VerifyAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = Hash(secret);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        if (token is null || token.RevokedAt is not null || (token.ExpiresAt is { } e && e <= now)) return null;
        if (token.LastUsedAt is null || token.LastUsedAt < now.AddMinutes(-1))
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return token;
    }

    public async Task RevokeAsync(long id, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("令牌|token");
        if (token.RevokedAt is not null) return;
        token.RevokedAt = db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
