namespace Lvyue.Testing;

/// <summary>A clock the test sets and advances; it never moves by itself.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>10:00 in Beijing on Monday 2 March 2026.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public TestClock() : this(DefaultStart) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    /// <summary>Moves the clock forward (a negative span is refused: time does not run back).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate) _now += by;
    }

    /// <summary>Sets the clock to an instant.</summary>
    public void Set(DateTimeOffset now)
    {
        lock (_gate) _now = now.ToUniversalTime();
    }
}
