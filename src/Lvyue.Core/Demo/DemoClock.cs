using Lvyue.Common;

namespace Lvyue.Demo;

/// <summary>
/// The clock the demo seeder files and assesses by: set to the day a step would have happened (a contract filed two
/// days after signing, an assessment scored three days after its month), so the demo history reads like a unit that
/// works on time instead of everything stamped with the moment of seeding. Never later than the real clock.
/// </summary>
public sealed class DemoClock(TimeProvider real) : TimeProvider
{
    private DateTimeOffset? _at;

    /// <summary>Sets the clock to 10:00 Beijing time on <paramref name="day"/>, or to the real time when that is earlier.</summary>
    public DemoClock At(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var now = real.GetUtcNow();
        _at = at < now ? at : null;
        return this;
    }

    /// <summary>The day the clock shows, in the Asia/Shanghai calendar.</summary>
    public DateOnly Today => ChinaTime.Today(this);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _at?.ToUniversalTime() ?? real.GetUtcNow();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;
}
