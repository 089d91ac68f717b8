using System.Globalization;
using MinhBach.Features.Public;

namespace MinhBach.Features.Statistics;

/// <summary>A period of whole days in Viet Nam time, both ends included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Ten years: enough for a five-year report (seed 004 counts from 2016), bounded for the queries.</summary>
    public const int MaxDays = 3660;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Whole calendar months (the 1st to a month's last day).</summary>
    public bool IsWholeMonths => From.Day == 1 && To.AddDays(1).Day == 1;

    /// <summary>About a month: the report then says "trong tháng … so với tháng trước", as the monthly report does.</summary>
    public bool IsMonthLike => IsWholeMonths ? Months == 1 : Days is >= 28 and <= 32;

    private int Months => (To.Year - From.Year) * 12 + To.Month - From.Month + 1;

    /// <summary>The period just before, as long: the previous months for whole months, else as many days.</summary>
    public ReportPeriod Previous => IsWholeMonths
        ? new(From.AddMonths(-Months), From.AddDays(-1))
        : new(From.AddDays(-Days), From.AddDays(-1));

    public ReportPeriod LastYear => new(From.AddYears(-1), To.AddYears(-1));
    public ReportPeriod YearToDate => new(new DateOnly(To.Year, 1, 1), To);

    public DateTime FromUtc => VnTime.FromLocal(From.ToDateTime(TimeOnly.MinValue));
    /// <summary>The first instant after the period.</summary>
    public DateTime EndUtc => VnTime.FromLocal(To.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public bool Contains(DateOnly d) => d >= From && d <= To;

    /// <summary>"13/10 đến 13/11/2024" (the year once when both ends share it), as the monthly report writes it.</summary>
    public string Text => From.Year == To.Year
        ? $"{From.ToString("dd/MM", CultureInfo.InvariantCulture)} đến {VnTime.DateText(To)}"
        : $"{VnTime.DateText(From)} đến {VnTime.DateText(To)}";

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";

    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "yyyy-M-d"];

    public static bool TryParseDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Reads a period typed by a person (dd/mm/yyyy or yyyy-mm-dd); null with a Vietnamese sentence when it
    /// cannot be used. An end after today is cut to today.</summary>
    public static ReportPeriod? Parse(string? from, string? to, DateOnly today, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            error = "Hãy nhập cả ngày bắt đầu và ngày kết thúc của kỳ báo cáo (dd/mm/yyyy hoặc yyyy-mm-dd).";
            return null;
        }
        if (!TryParseDate(from, out var f))
        {
            error = $"Ngày bắt đầu \"{Clip(from)}\" không hợp lệ: hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd, ví dụ {VnTime.DateText(today)}.";
            return null;
        }
        if (!TryParseDate(to, out var t))
        {
            error = $"Ngày kết thúc \"{Clip(to)}\" không hợp lệ: hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd, ví dụ {VnTime.DateText(today)}.";
            return null;
        }
        if (f > t)
        {
            error = $"Ngày bắt đầu ({VnTime.DateText(f)}) sau ngày kết thúc ({VnTime.DateText(t)}): hãy đổi lại hai ngày.";
            return null;
        }
        if (f > today)
        {
            error = $"Kỳ báo cáo bắt đầu sau hôm nay ({VnTime.DateText(today)}): chưa có số liệu.";
            return null;
        }
        if (t > today) t = today;
        if (t.DayNumber - f.DayNumber + 1 > MaxDays)
        {
            error = $"Kỳ báo cáo dài quá {MinhBach.Text.VietnameseText.FormatNumber(MaxDays)} ngày (10 năm): hãy chia thành nhiều kỳ.";
            return null;
        }
        return new ReportPeriod(f, t);
    }

    private static string Clip(string s) => s.Length > 30 ? s[..30] + "…" : s;
}
