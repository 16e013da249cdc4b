using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance;

/// <summary>The shipped calendar rows and the administrator's maintenance of years.</summary>
public sealed class CalendarServiceTests
{
    private static TenantScope Admin => TenantScope.None("sysadmin") with { Roles = [Roles.SystemAdmin] };

    [Theory, BothDatabases]
    public async Task TheMigration_ShipsTheSameCalendarAsTheCode(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var (years, days) = OfficialCalendar.Entities(DateTime.UtcNow);
        var stored = await s.Db.CalendarDays.OrderBy(d => d.Date).ToListAsync();
        Assert.Equal(days.OrderBy(d => d.Date).Select(d => (d.Date, d.Kind, d.Name, d.Year)), stored.Select(d => (d.Date, d.Kind, d.Name, d.Year)));
        Assert.Equal(years.Select(y => (y.Year, y.Provisional, y.Source)),
            (await s.Db.CalendarYears.OrderBy(y => y.Year).ToListAsync()).Select(y => (y.Year, y.Provisional, y.Source)));
    }

    [Theory, BothDatabases]
    public async Task TheAdministrator_EntersTheNextYearsArrangement(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.Scope(Admin);
        var svc = s.Get<CalendarService>();
        var errors = new ErrorBag();
        var days = CalendarService.ParseLines("# 2028\n2028-01-01 休 元旦\n2028-01-02 班 元旦", errors);
        Assert.False(errors.Any);
        var saved = await svc.SaveAsync(2028, new CalendarYearInput { Source = "国务院办公厅关于2028年部分节假日安排的通知", Days = days });
        Assert.Equal(2, saved.Days.Count);

        var calendar = await WorkingDayCalendar.LoadAsync(s.Db);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2028, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2028, 1, 2)));
        Assert.Equal("2028-01-01 休 元旦\n2028-01-02 班 元旦", CalendarService.ToLines(saved.Days));

        // Replacing the year drops days no longer listed.
        await svc.SaveAsync(2028, new CalendarYearInput { Source = "更正", Days = [new(new DateOnly(2028, 1, 1), CalendarDayKind.Holiday, "元旦")] });
        Assert.Equal(1, await s.Db.CalendarDays.CountAsync(d => d.Year == 2028));
        Assert.Contains(await s.Db.AuditEntries.Select(a => a.EntityType).ToListAsync(), t => t == "CalendarDay");
    }

    [Theory, BothDatabases]
    public async Task BadDaysAndOtherRoles_AreRefusedAndNothingIsWritten(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var clerk = db.Scope(world.Clerk))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<CalendarService>().SaveAsync(2028, new CalendarYearInput { Source = "x" }));
            Assert.Equal(ErrorKind.Forbidden, e.Kind);
        }
        await using var s = db.Scope(Admin);
        var bad = await Assert.ThrowsAsync<DomainException>(() => s.Get<CalendarService>().SaveAsync(2028, new CalendarYearInput
        {
            Source = "x",
            Days = [new(new DateOnly(2028, 1, 3), CalendarDayKind.Workday, "元旦"), new(new DateOnly(2029, 1, 1), CalendarDayKind.Holiday, "元旦")],
        }));
        Assert.Equal(2, bad.Errors.Count);
        Assert.False(await s.Db.CalendarYears.AnyAsync(y => y.Year == 2028));
        var errors = new ErrorBag();
        CalendarService.ParseLines("2028-13-01 休 元旦\n2028-01-01 放 元旦", errors);
        Assert.Equal(2, errors.ToDictionary()["days"].Length);
    }
}
