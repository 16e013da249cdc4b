using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notifications;

/// <summary>What one reminder sweep did.</summary>
public sealed record ReminderSweepResult(int MilestonesDue, int RemindersDue, int DeliveriesScheduled);

/// <summary>
/// Finds open milestones whose reminder day has come (an offset of the region and kind, default 7 days
/// before and on the day) and schedules the reminder to both parties: the contract's purchaser and supplier
/// contacts by email and SMS (when those channels are configured), the unit's and the supplier's users in
/// their inbox, and the region's webhook endpoints (SMS to mobile numbers only). When several offsets have passed (the platform was
/// down), only the nearest one is sent; a milestone already past due gets none (the overdue register takes
/// over). Each reminder of one milestone and offset is written in one transaction under unique dedupe keys,
/// so concurrent sweeps and restarts neither repeat nor lose one.
/// </summary>
public sealed class ReminderSweep(LvyueDbContext db, NotificationScheduler scheduler, IEnumerable<INotificationSender> senders)
{
    public const string EventName = "milestone.reminder";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public async Task<ReminderSweepResult> RunAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(db.Clock);
        var offsets = ReminderOffsets.From(await db.ReminderSettings.AsNoTracking().ToListAsync(ct));
        var horizon = today.AddDays(offsets.Max);
        var open = Milestone.OpenStatuses;
        // Region by region, so each query is a range scan of the partial index of open milestones on (RegionId, DueDate).
        var candidates = new List<MilestoneRow>();
        foreach (var region in await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(ct))
        {
            candidates.AddRange(await db.Milestones.AsNoTracking()
                .Where(m => m.RegionId == region && open.Contains(m.Status) && m.DueDate >= today && m.DueDate <= horizon)
                .Select(m => new MilestoneRow(m.Id, m.ContractId, m.RegionId, m.BudgetUnitId, m.Kind, m.Title, m.DueDate!.Value, m.Amount))
                .ToListAsync(ct));
        }

        // The nearest offset whose day has come, per milestone.
        var due = new List<(MilestoneRow M, int Offset)>();
        foreach (var m in candidates)
        {
            var passed = offsets.For(m.RegionId, m.Kind).Where(o => m.DueDate.AddDays(-o) <= today).ToList();
            if (passed.Count > 0) due.Add((m, passed.Min()));
        }
        if (due.Count == 0) return new ReminderSweepResult(candidates.Count, 0, 0);

        var done = new HashSet<(long, int)>();
        foreach (var chunk in due.Select(d => d.M.Id).Distinct().Chunk(500))
        {
            var rows = await db.NotificationDeliveries.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.MilestoneId != null && chunk.Contains(d.MilestoneId.Value) && d.OffsetDays != null)
                .Select(d => new { d.MilestoneId, d.OffsetDays }).Distinct().ToListAsync(ct);
            foreach (var r in rows) done.Add((r.MilestoneId!.Value, r.OffsetDays!.Value));
        }
        due.RemoveAll(d => done.Contains((d.M.Id, d.Offset)));
        if (due.Count == 0) return new ReminderSweepResult(candidates.Count, 0, 0);

        var audience = await Audience.LoadAsync(db, due.Select(d => d.M.ContractId).Distinct().ToList(), ct);
        var email = senders.Any(s => s.Channel == NotificationChannel.Email && s.Configured);
        var sms = senders.Any(s => s.Channel == NotificationChannel.Sms && s.Configured);
        var scheduled = 0;
        foreach (var (m, offset) in due)
        {
            if (!audience.Contracts.TryGetValue(m.ContractId, out var contract)) continue;
            var requests = Requests(m, offset, contract, audience, today, email, sms).ToList();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var r in requests)
            {
                if (await scheduler.ScheduleAsync(r, ct) is not null) scheduled++;
            }
            await tx.CommitAsync(ct);
        }
        return new ReminderSweepResult(candidates.Count, due.Count, scheduled);
    }

    private static IEnumerable<DeliveryRequest> Requests(MilestoneRow m, int offset, ContractRow c, Audience audience, DateOnly today, bool email, bool sms)
    {
        var daysLeft = m.DueDate.DayNumber - today.DayNumber;
        var when = daysLeft == 0 ? "今天到期" : $"还有{daysLeft}天到期";
        var subject = $"【履约提醒】{c.Title}：{m.Title}（{m.DueDate:yyyy-MM-dd}，{when}）";
        var amount = m.Amount is { } a ? $"，涉及金额{a.ToString("N2", CultureInfo.InvariantCulture)}元" : "";
        var body = $"合同{c.Number}《{c.Title}》的履约节点“{m.Title}”（{MilestoneKindLabel(m.Kind)}）将于{m.DueDate:yyyy年M月d日}到期，{when}{amount}。请按约履行并在履约监管平台登记。";
        var link = $"/Contracts/{c.Id}";
        DeliveryRequest Make(NotificationChannel ch, string recipient, string? name, string text) => new(ch, recipient, subject, text)
        {
            RecipientName = name,
            Link = link,
            RegionId = m.RegionId,
            BudgetUnitId = m.BudgetUnitId,
            ContractId = c.Id,
            MilestoneId = m.Id,
            OffsetDays = offset,
            InboxTitle = $"{m.Title}（{m.DueDate:yyyy-MM-dd}，{when}）",
            DedupeKey = $"reminder:{m.Id}:{offset}:{ch}:{recipient}",
        };

        var seen = new HashSet<string>();
        foreach (var (party, name, mail, phone) in new[]
                 {
                     ("甲方联系人", c.PurchaserContactName, c.PurchaserContactEmail, c.PurchaserContactPhone),
                     ("乙方联系人", c.SupplierContactName, c.SupplierContactEmail, c.SupplierContactPhone),
                 })
        {
            var who = $"{party} {name}".Trim();
            if (email && NormalizeEmail(mail) is { } address && seen.Add("e:" + address))
                yield return Make(NotificationChannel.Email, address, who, body);
            if (sms && NormalizePhone(phone) is { } number && seen.Add("s:" + number))
                yield return Make(NotificationChannel.Sms, number, who, body);
        }
        foreach (var user in audience.UsersOf(c))
            yield return Make(NotificationChannel.Inbox, user.Id, user.DisplayName, body);
        foreach (var endpoint in audience.Endpoints.Where(e => e.RegionId is null || e.RegionId == m.RegionId))
        {
            var payload = JsonSerializer.Serialize(new
            {
                @event = EventName,
                reminderKey = $"{m.Id}:{offset}",
                offsetDays = offset,
                daysLeft,
                contract = new { id = c.Id, number = c.Number, title = c.Title, budgetUnitId = m.BudgetUnitId, regionId = m.RegionId },
                milestone = new { id = m.Id, kind = m.Kind.ToString(), title = m.Title, dueDate = m.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount = m.Amount },
                message = body,
            }, Json);
            yield return Make(NotificationChannel.Webhook, endpoint.Id.ToString(CultureInfo.InvariantCulture), endpoint.Name, payload) with
            {
                Subject = EventName,
                WebhookEndpointId = endpoint.Id,
            };
        }
    }

    private static string MilestoneKindLabel(MilestoneKind k) => k switch
    {
        MilestoneKind.Delivery => "交付",
        MilestoneKind.Completion => "完工",
        MilestoneKind.Acceptance => "验收",
        MilestoneKind.PaymentInstallment => "付款",
        MilestoneKind.WarrantyEnd => "质保期满",
        MilestoneKind.BondRefund => "退还履约保证金",
        MilestoneKind.ServiceReport => "服务报告",
        _ => "其他",
    };

    internal static string? NormalizeEmail(string? s)
    {
        s = s?.Trim();
        return s is { Length: > 3 and <= 254 } && s.IndexOf('@') > 0 && s.IndexOf('@') < s.Length - 1 && !s.Contains(' ') ? s.ToLowerInvariant() : null;
    }

    /// <summary>A mainland mobile number (11 digits from 13–19), without +86; null for landlines and anything else (SMS goes to mobiles only).</summary>
    internal static string? NormalizePhone(string? s)
    {
        if (s is null) return null;
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' ? digits : null;
    }

    private sealed record MilestoneRow(long Id, long ContractId, long RegionId, long BudgetUnitId, MilestoneKind Kind, string Title, DateOnly DueDate, decimal? Amount);

    private sealed record ContractRow(long Id, long BudgetUnitId, string Number, string Title, string? PurchaserContactName, string? PurchaserContactPhone,
        string? PurchaserContactEmail, string? SupplierContactName, string? SupplierContactPhone, string? SupplierContactEmail, List<long> SupplierIds);

    private sealed record UserRow(string Id, string DisplayName, long? BudgetUnitId, long? SupplierId);

    private sealed record EndpointRow(long Id, long? RegionId, string Name);

    /// <summary>The contracts of the due milestones, their units' and suppliers' users, and the active webhook endpoints.</summary>
    private sealed class Audience
    {
        public Dictionary<long, ContractRow> Contracts { get; private init; } = [];
        public ILookup<long, UserRow> UnitUsers { get; private init; } = Array.Empty<UserRow>().ToLookup(u => 0L);
        public ILookup<long, UserRow> SupplierUsers { get; private init; } = Array.Empty<UserRow>().ToLookup(u => 0L);
        public List<EndpointRow> Endpoints { get; private init; } = [];

        public IEnumerable<UserRow> UsersOf(ContractRow c) =>
            UnitUsers[c.BudgetUnitId].Concat(c.SupplierIds.SelectMany(s => SupplierUsers[s])).DistinctBy(u => u.Id);

        public static async Task<Audience> LoadAsync(LvyueDbContext db, List<long> contractIds, CancellationToken ct)
        {
            var contracts = new Dictionary<long, ContractRow>();
            foreach (var chunk in contractIds.Chunk(500))
            {
                var rows = await db.Contracts.AsNoTracking().Where(c => chunk.Contains(c.Id))
                    .Select(c => new ContractRow(c.Id, c.BudgetUnitId, c.Number, c.Title, c.PurchaserContactName, c.PurchaserContactPhone,
                        c.PurchaserContactEmail, c.SupplierContactName, c.SupplierContactPhone, c.SupplierContactEmail,
                        c.Suppliers.Select(s => s.SupplierId).ToList()))
                    .ToListAsync(ct);
                foreach (var r in rows) contracts[r.Id] = r;
            }
            var units = contracts.Values.Select(c => c.BudgetUnitId).Distinct().ToList();
            var suppliers = contracts.Values.SelectMany(c => c.SupplierIds).Distinct().ToList();
            var users = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && ((u.BudgetUnitId != null && units.Contains(u.BudgetUnitId.Value))
                                           || (u.SupplierId != null && suppliers.Contains(u.SupplierId.Value))))
                .Select(u => new UserRow(u.Id, u.DisplayName, u.BudgetUnitId, u.SupplierId))
                .ToListAsync(ct);
            var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.IsActive)
                .Select(e => new EndpointRow(e.Id, e.RegionId, e.Name)).ToListAsync(ct);
            return new Audience
            {
                Contracts = contracts,
                UnitUsers = users.Where(u => u.BudgetUnitId is not null).ToLookup(u => u.BudgetUnitId!.Value),
                SupplierUsers = users.Where(u => u.SupplierId is not null).ToLookup(u => u.SupplierId!.Value),
                Endpoints = endpoints,
            };
        }
    }
}

/// <summary>The reminder offsets in force: per region and milestone kind, per region, else 7 and 0.</summary>
public sealed class ReminderOffsets
{
    private readonly Dictionary<(long Region, MilestoneKind? Kind), IReadOnlyList<int>> _rows = [];

    public static ReminderOffsets From(IEnumerable<ReminderSetting> settings)
    {
        var o = new ReminderOffsets();
        foreach (var s in settings)
        {
            if (ReminderSetting.Parse(s.OffsetDays) is { } days) o._rows[(s.RegionId, s.Kind)] = days;
        }
        return o;
    }

    /// <summary>The offsets (days before the due date) for milestones of <paramref name="kind"/> in <paramref name="region"/>.</summary>
    public IReadOnlyList<int> For(long region, MilestoneKind kind) =>
        _rows.GetValueOrDefault((region, kind)) ?? _rows.GetValueOrDefault((region, null)) ?? ReminderSetting.DefaultOffsets;

    /// <summary>The largest offset anywhere: how far ahead the sweep must look.</summary>
    public int Max => _rows.Values.SelectMany(v => v).Concat(ReminderSetting.DefaultOffsets).Max();
}
