using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Performance;

/// <summary>The holiday calendar (节假日日历): the system administrator enters each year's holidays and 调休 working days.</summary>
[Authorize(Policy = Auth.Policies.SystemAdmin)]
public sealed class HolidaysModel(LvyueDbContext db, CalendarService calendar) : LvyuePage(db)
{
    public IReadOnlyList<CalendarYear> Years { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public bool Provisional { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Days { get; set; }
    public bool Exists { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadYearsAsync();
        Year ??= Years.Count > 0 ? Years.Min(y => y.Year) : ChinaTime.Today(Db.Clock).Year;
        var view = await calendar.GetAsync(Year.Value, HttpContext.RequestAborted);
        Exists = view is not null;
        Provisional = view?.Provisional ?? true;
        Source = view?.Source;
        Days = view is null ? "" : CalendarService.ToLines(view.Days);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new ErrorBag();
        var days = CalendarService.ParseLines(Days, errors);
        try
        {
            errors.ThrowIfAny(T("日期格式有误", "Some lines are malformed"), "Some lines are malformed");
            if (Year is not { } year) throw new DomainException(ErrorKind.Invalid, new Msg("请填写年份", "Give the year"));
            await calendar.SaveAsync(year, new CalendarYearInput { Provisional = Provisional, Source = Source, Days = days }, HttpContext.RequestAborted);
            Flash = T($"{year}年日历已保存", $"The {year} calendar is saved");
            return RedirectToPage(new { Year = year });
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            ShowRefusal(e);
            await LoadYearsAsync();
            return Page();
        }
    }

    private async Task LoadYearsAsync() => Years = await calendar.YearsAsync(HttpContext.RequestAborted);
}
