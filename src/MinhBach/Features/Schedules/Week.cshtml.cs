using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Schedules;

/// <summary>The leaders' work schedule for one ISO week (?tuan=2026-W47), this week by default.</summary>
public sealed partial class WeekModel(AppDb db, TimeProvider clock) : PublicPageModel
{
    public DateOnly Monday { get; private set; }
    public int WeekNumber { get; private set; }
    public IReadOnlyList<(DateOnly Day, IReadOnlyList<ScheduleEntry> Entries)> Days { get; private set; } = [];
    public string PreviousWeek { get; private set; } = "";
    public string NextWeek { get; private set; } = "";
    public bool IsCurrentWeek { get; private set; }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekPattern();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VnTime.Today(clock);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var raw = Request.Query["tuan"];
        if (raw.Count == 0)
        {
            Monday = thisMonday;
        }
        else
        {
            var m = raw.Count == 1 ? WeekPattern().Match(raw[0] ?? "") : Match.Empty;
            if (!m.Success) return BadInput();
            var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var week = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (year is < 2000 or > 2100 || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return BadInput();
            Monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        }
        IsCurrentWeek = Monday == thisMonday;
        WeekNumber = ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));
        var sunday = Monday.AddDays(6);
        var entries = await db.ScheduleEntries.AsNoTracking().Where(s => s.Date >= Monday && s.Date <= sunday)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync(ct);
        Days = Enumerable.Range(0, 7).Select(i => Monday.AddDays(i))
            .Select(d => (d, (IReadOnlyList<ScheduleEntry>)entries.Where(e => e.Date == d).ToList()))
            .Where(x => x.Item2.Count > 0 || x.d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .ToList();
        PreviousWeek = WeekParam(Monday.AddDays(-7));
        NextWeek = WeekParam(Monday.AddDays(7));
        Meta = new PageMeta
        {
            Title = $"Lịch công tác tuần {WeekNumber} ({VnTime.DateText(Monday)} - {VnTime.DateText(sunday)})",
            Description = $"Lịch làm việc của lãnh đạo {Site.AgencyName}",
            CanonicalPath = $"{ContentUrls.Schedule}?tuan={WeekParam(Monday)}",
            Breadcrumbs = [("Lịch công tác", null)],
        };
        return Page();
    }

    public static string WeekParam(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }
}
