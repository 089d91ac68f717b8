using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Public;
using MinhBach.Features.Schedules;

namespace MinhBach.Features.Admin.WorkSchedule;

/// <summary>/quan-tri/lich-cong-tac?tuan=2026-W47: one ISO week of the leaders' schedule, every day, with its entries.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed partial class ScheduleWeekModel(TimeProvider clock) : EditorPageModel
{
    public DateOnly Monday { get; private set; }
    public int WeekNumber { get; private set; }
    public bool IsCurrentWeek { get; private set; }
    public string PreviousWeek { get; private set; } = "";
    public string NextWeek { get; private set; } = "";
    public IReadOnlyList<(DateOnly Day, IReadOnlyList<ScheduleEntry> Entries)> Days { get; private set; } = [];

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekPattern();

    /// <summary>The Monday of "2026-W47"; null when the text is not an ISO week between 2000 and 2100.</summary>
    public static DateOnly? ParseWeek(string? text)
    {
        var m = WeekPattern().Match(text ?? "");
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100 || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return null;
        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public async Task OnGetAsync(string? tuan, string? msg, CancellationToken ct)
    {
        Title = "Lịch công tác";
        await Access.LoadAsync(ct);
        ShowNotice(msg);
        var thisMonday = MondayOf(VnTime.Today(clock));
        Monday = thisMonday;
        if (!string.IsNullOrEmpty(tuan))
        {
            if (ParseWeek(tuan) is DateOnly m) Monday = m;
            else Errors.Add($"Tuần \"{tuan}\" không hợp lệ (ví dụ đúng: {WeekModel.WeekParam(thisMonday)}); đang hiển thị tuần này.");
        }
        IsCurrentWeek = Monday == thisMonday;
        WeekNumber = ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));
        PreviousWeek = WeekModel.WeekParam(Monday.AddDays(-7));
        NextWeek = WeekModel.WeekParam(Monday.AddDays(7));
        var sunday = Monday.AddDays(6);
        var entries = await Db.ScheduleEntries.AsNoTracking().Where(s => s.Date >= Monday && s.Date <= sunday).ToListAsync(ct);
        Days = Enumerable.Range(0, 7).Select(i => Monday.AddDays(i))
            .Select(d => (d, (IReadOnlyList<ScheduleEntry>)entries.Where(e => e.Date == d).OrderBy(e => e.StartTime).ThenBy(e => e.Id).ToList()))
            .ToList();
    }
}
