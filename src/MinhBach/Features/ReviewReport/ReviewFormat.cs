using System.Globalization;
using MinhBach.Features.Compliance;

namespace MinhBach.Features.ReviewReport;

/// <summary>Numbers, dates and lists as an official Vietnamese document writes them.</summary>
public static class ReviewFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>72,5 — at most two decimals, comma as the decimal sign.</summary>
    public static string Points(decimal p) => p.ToString("0.##", Vi);

    /// <summary>"ngày 17 tháng 7 năm 2024".</summary>
    public static string LongDate(DateOnly d) => $"ngày {d.Day} tháng {d.Month} năm {d.Year}";

    /// <summary>"17/7/2024" as seed 000 writes its dates.</summary>
    public static string ShortDate(DateOnly d) => $"{d.Day}/{d.Month}/{d.Year}";

    public static string Names(IEnumerable<string> names) => string.Join("; ", names);

    public static string Status(CheckStatus s) => StatusNames.Vietnamese(s);
}
