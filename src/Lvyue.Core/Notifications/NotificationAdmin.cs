using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notifications;

/// <summary>Reminder offsets per region and milestone kind, and webhook endpoints: kept by supervisors and system administrators.</summary>
public sealed class NotificationAdmin(LvyueDbContext db)
{
    /// <summary>Sets (or with empty <paramref name="offsetDays"/> removes) the offsets of a region for a kind (null: every kind).</summary>
    public async Task SetOffsetsAsync(long regionId, MilestoneKind? kind, string? offsetDays, CancellationToken ct = default)
    {
        CheckRegion(regionId);
        var row = await db.ReminderSettings.SingleOrDefaultAsync(s => s.RegionId == regionId && s.Kind == kind, ct);
        if (string.IsNullOrWhiteSpace(offsetDays))
        {
            if (row is not null) { db.ReminderSettings.Remove(row); await db.SaveChangesAsync(ct); }
            return;
        }
        var days = ReminderSetting.Parse(offsetDays) ?? throw new DomainException(ErrorKind.Invalid,
            new Msg("提醒天数无效", "Invalid reminder days"),
            new Dictionary<string, Msg[]> { ["offsetDays"] = [new Msg("请输入0到365之间的天数，以逗号分隔，例如 7,0", "Enter days from 0 to 365 separated by commas, e.g. 7,0")] });
        row ??= db.ReminderSettings.Add(new ReminderSetting { RegionId = regionId, Kind = kind, OffsetDays = "" }).Entity;
        row.OffsetDays = string.Join(',', days);
        row.UpdatedAt = db.Clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = db.Scope.Actor;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds a webhook endpoint with a new random secret (shown to the administrator to configure the receiver):
    /// a supervisor for their region, a system administrator for every region (<paramref name="regionId"/> null).
    /// </summary>
    public async Task<WebhookEndpoint> AddEndpointAsync(long? regionId, string name, string url, CancellationToken ct = default)
    {
        if (regionId is { } r) CheckRegion(r);
        else if (!db.Scope.All && !db.Scope.HasRole(Roles.SystemAdmin)) throw DomainException.Forbidden();
        var errors = new ErrorBag();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) errors.Add("name", "请填写名称（100字以内）", "Enter a name (at most 100 characters)");
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url!.Length > 500)
            errors.Add("url", "请填写 http:// 或 https:// 开头的地址", "Enter an http:// or https:// address");
        errors.ThrowIfAny("无法添加推送地址", "Cannot add the webhook endpoint");
        var e = new WebhookEndpoint
        {
            RegionId = regionId,
            Name = name.Trim(),
            Url = url!.Trim(),
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.Actor,
        };
        db.WebhookEndpoints.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>Enables or disables an endpoint.</summary>
    public async Task SetEndpointActiveAsync(long id, bool active, CancellationToken ct = default)
    {
        var e = await db.WebhookEndpoints.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("推送地址|webhook endpoint");
        if (e.RegionId is { } r) CheckRegion(r);
        else if (!db.Scope.All && !db.Scope.HasRole(Roles.SystemAdmin)) throw DomainException.Forbidden();
        e.IsActive = active;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A supervisor keeps the settings of their own region; the system and system administrators any.</summary>
    private void CheckRegion(long regionId)
    {
        var s = db.Scope;
        if (s.All || s.HasRole(Roles.SystemAdmin)) return;
        if (s.RegionId != regionId) throw DomainException.Forbidden();
    }
}
