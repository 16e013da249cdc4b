using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Disclosure;
using Lvyue.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Credit.Kpi;

/// <summary>
/// The nightly recompute (每晚02:00，北京时间): records new performance credit events, recomputes every star rating and
/// credit grade (<see cref="RatingRecompute"/>), every unit's KPI of the current year (and of the last year during January,
/// while its late facts still arrive), and publishes the lists of the period just ended. One <see cref="RecomputeRun"/> per
/// night: a night already recorded is not run again, whichever instance asks.
/// </summary>
public sealed class NightlyRecompute(LvyueDbContext db)
{
    /// <summary>The local time of the run.</summary>
    public static readonly TimeOnly At = new(2, 0);

    /// <summary>The night a run at <paramref name="utcNow"/> belongs to: today's 02:00 once passed, else yesterday's.</summary>
    public static DateOnly NightOf(DateTimeOffset utcNow)
    {
        var local = TimeZoneInfo.ConvertTime(utcNow, ChinaTime.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) >= At ? day : day.AddDays(-1);
    }

    /// <summary>The next 02:00 Asia/Shanghai strictly after <paramref name="utcNow"/>, in UTC.</summary>
    public static DateTime NextRunUtc(DateTimeOffset utcNow)
    {
        var next = NightOf(utcNow).AddDays(1).ToDateTime(At, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(next, ChinaTime.Zone);
    }

    /// <summary>The last completed run, if any.</summary>
    public Task<RecomputeRun?> LastAsync(CancellationToken ct = default) =>
        db.RecomputeRuns.AsNoTracking().OrderByDescending(r => r.Night).FirstOrDefaultAsync(ct);

    /// <summary>Runs tonight's recompute unless it is recorded already; returns the run, or null when it had been done.</summary>
    public async Task<RecomputeRun?> RunAsync(string? owner, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow();
        var night = NightOf(now);
        if (await db.RecomputeRuns.AnyAsync(r => r.Night == night, ct)) return null;
        var started = now.UtcDateTime;

        var ratings = new StarRatingService(db);
        var credit = new CreditService(db, ratings);
        await new PerformanceCreditSync(db, credit).SyncAsync(ct);
        db.ChangeTracker.Clear();
        var report = await new RatingRecompute(db).RunAsync(ct);

        var today = ChinaTime.Today(db.Clock);
        var kpi = new KpiService(db);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var units = 0;
        foreach (var region in regions)
        {
            units += await kpi.ComputeAsync(region, today.Year, ct);
            if (today.Month == 1) units += await kpi.ComputeAsync(region, today.Year - 1, ct);
        }
        var published = await new PublicationService(db).PublishDueAsync(ct);

        var run = new RecomputeRun
        {
            Night = night, StartedAt = started, FinishedAt = db.Clock.GetUtcNow().UtcDateTime, Ratings = report.Ratings, Grades = report.Grades,
            KpiResults = units, Publications = published, Owner = owner is { Length: > 100 } ? owner[^100..] : owner,
        };
        db.RecomputeRuns.Add(run);
        await db.SaveChangesAsync(ct); // the unique night refuses a second row should two runs ever overlap
        return run;
    }
}
