using Lvyue.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lvyue.Web.Hosting;

/// <summary>
/// The demo clock (演示时钟): the system clock moved by a fixed span, so trainers can show "what happens
/// next week" — reminders, overdue entries — on a running server. Set <c>Clock:ShiftDays</c> (e.g. 7) or
/// <c>Clock:Now</c> (an instant the clock starts from, then runs on). Every page shows a banner while it is on.
/// Refused at startup in the Production environment.
/// </summary>
public sealed class ShiftedClock(TimeProvider inner, TimeSpan shift) : TimeProvider
{
    public TimeSpan Shift { get; } = shift;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Shift;
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
    public override long TimestampFrequency => inner.TimestampFrequency;
    public override long GetTimestamp() => inner.GetTimestamp();

    /// <summary>The banner text's date: today in China on this clock.</summary>
    public DateOnly Today => ChinaTime.Today(this);
}

/// <summary>Reads <c>Clock:*</c> and installs a <see cref="ShiftedClock"/> as the app's <see cref="TimeProvider"/>.</summary>
public static class ShiftedClockSetup
{
    /// <summary>Installs the shifted clock when configured; throws when configured in Production.</summary>
    public static WebApplicationBuilder AddShiftedClock(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Clock");
        var days = section["ShiftDays"];
        var now = section["Now"];
        if (string.IsNullOrWhiteSpace(days) && string.IsNullOrWhiteSpace(now)) return builder;
        if (builder.Environment.IsProduction())
            throw new InvalidOperationException(
                "Clock:ShiftDays / Clock:Now (演示时钟, the demo clock) is refused in the Production environment: " +
                "a production server must run on the real time. Remove the setting, or run with ASPNETCORE_ENVIRONMENT=Development (or another non-production environment) for a demo.");
        TimeSpan shift;
        if (!string.IsNullOrWhiteSpace(now))
        {
            if (!DateTimeOffset.TryParse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var start))
                throw new InvalidOperationException($"Clock:Now '{now}' is not a date or instant (e.g. 2026-11-29 or 2026-11-29T09:00:00+08:00).");
            shift = start - TimeProvider.System.GetUtcNow();
        }
        else if (double.TryParse(days, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && Math.Abs(d) <= 3650)
            shift = TimeSpan.FromDays(d);
        else
            throw new InvalidOperationException($"Clock:ShiftDays '{days}' is not a number of days (at most 3650 either way).");

        var clock = new ShiftedClock(TimeProvider.System, shift);
        builder.Services.AddSingleton(clock);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        return builder;
    }
}
