using System.Globalization;
using System.Text.Json;

namespace MinhBach.Features.Catalogue;

/// <summary>One listed day of data/holidays.json.</summary>
public sealed record CalendarDay(DateOnly Date, bool IsHoliday, string Name, bool Provisional);

/// <summary>
/// Vietnamese working days for legal deadlines (TEC-24): Monday to Friday, less the public holidays and days off
/// of data/holidays.json, plus the Saturdays worked to make up a swapped day. Tết follows the lunar calendar, so
/// the file lists the actual dates of each year; years it does not list count only weekends.
/// </summary>
public sealed class WorkingCalendar
{
    public const string FileName = "holidays.json";

    private readonly Dictionary<DateOnly, CalendarDay> _days;

    public IReadOnlyList<int> Years { get; }
    public IReadOnlyList<CalendarDay> Days { get; }

    public WorkingCalendar(IReadOnlyList<int> years, IReadOnlyList<CalendarDay> days)
    {
        Years = years;
        Days = days;
        _days = days.ToDictionary(d => d.Date);
    }

    public bool Covers(int year) => Years.Contains(year);

    public CalendarDay? Day(DateOnly date) => _days.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) =>
        _days.TryGetValue(date, out var listed) ? !listed.IsHoliday : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/> (the start day itself is not
    /// counted: a question received on a Friday has Monday as its first day).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var d = start;
        for (var n = 0; n < count;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) n++;
        }
        return d;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when
    /// <paramref name="to"/> is earlier (how many working days a deadline is overdue, as a negative number).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed record FileDay(string? Date, string? Kind, string? Name, bool Provisional);
    private sealed record CalendarFile(List<int>? Years, List<FileDay>? Days);

    public static WorkingCalendar Load(string directory) => Parse(ReadFile(directory), FileName);

    private static string ReadFile(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new CatalogueException($"Lịch ngày nghỉ: không tìm thấy tệp {path}.");
        return File.ReadAllText(path);
    }

    /// <summary>Parses and checks the file's text; every problem is named in one Vietnamese message.</summary>
    public static WorkingCalendar Parse(string text, string source = FileName)
    {
        CalendarFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CalendarFile>(text, Json);
        }
        catch (JsonException e)
        {
            throw new CatalogueException($"{source}: JSON không hợp lệ ở dòng {e.LineNumber + 1}: {e.Message}");
        }
        var errors = new List<string>();
        var years = file?.Years ?? [];
        if (years.Count == 0) errors.Add("thiếu danh sách năm (years).");
        foreach (var dup in years.GroupBy(y => y).Where(g => g.Count() > 1)) errors.Add($"năm {dup.Key} ghi hai lần trong years.");
        foreach (var y in years.Where(y => y is < 2000 or > 2100)) errors.Add($"năm {y} không hợp lệ.");

        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        foreach (var (d, i) in (file?.Days ?? []).Select((d, i) => (d, i + 1)))
        {
            var where = $"ngày thứ {i} (\"{d.Date}\")";
            if (!DateOnly.TryParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"{where}: ngày phải viết dạng yyyy-MM-dd, ví dụ 2025-01-27.");
                continue;
            }
            if (!seen.Add(date)) errors.Add($"{where}: ngày này ghi hai lần.");
            if (string.IsNullOrWhiteSpace(d.Name)) errors.Add($"{where}: thiếu tên ngày nghỉ (name).");
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            bool holiday;
            switch (d.Kind)
            {
                case "holiday":
                    holiday = true;
                    if (weekend) errors.Add($"{where}: là {DayName(date)}, vốn không phải ngày làm việc; bỏ dòng này, hoặc ghi ngày nghỉ bù vào ngày làm việc kế tiếp.");
                    break;
                case "workday":
                    holiday = false;
                    if (!weekend) errors.Add($"{where}: ngày làm bù phải là thứ Bảy hoặc Chủ nhật, đây là {DayName(date)}.");
                    break;
                default:
                    errors.Add($"{where}: kind phải là \"holiday\" (ngày nghỉ) hoặc \"workday\" (ngày làm bù), đang là \"{d.Kind}\".");
                    continue;
            }
            if (years.Count > 0 && !years.Contains(date.Year)) errors.Add($"{where}: năm {date.Year} không có trong danh sách years.");
            days.Add(new CalendarDay(date, holiday, d.Name?.Trim() ?? "", d.Provisional));
        }
        // Tết is the one holiday no year is without; a year listed without it is most likely unfinished.
        foreach (var y in years.Where(y => !days.Any(d => d.Date.Year == y && d.IsHoliday && d.Name.Contains("Tết Nguyên đán", StringComparison.Ordinal))))
            errors.Add($"năm {y}: chưa có ngày nghỉ Tết Nguyên đán nào.");
        if (errors.Count > 0)
            throw new CatalogueException($"Lịch ngày nghỉ {source} có lỗi:\n- " + string.Join("\n- ", errors));
        return new WorkingCalendar(years.Order().ToList(), days.OrderBy(d => d.Date).ToList());
    }

    private static string DayName(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? "Chủ nhật" : "thứ Bảy";
}
