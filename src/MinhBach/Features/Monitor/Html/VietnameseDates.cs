using System.Globalization;
using System.Text.RegularExpressions;
using MinhBach.Text;

namespace MinhBach.Features.Monitor.Html;

/// <summary>
/// Dates as Vietnamese sites write them: 24/06/2022, 3-4-2024, 03.04.2024, "Thứ Tư, 3-4-2024", "10:08, 3/4/2024",
/// "ngày 24 tháng 6 năm 2022", and 2024-04-03. Day first always; impossible dates are skipped.
/// </summary>
public static partial class VietnameseDates
{
    public static IEnumerable<DateOnly> All(string text)
    {
        foreach (Match m in Numeric().Matches(text))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) yield return d;
        foreach (Match m in Iso().Matches(text))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) yield return d;
        // "ngày 24 tháng 6 năm 2022", matched on folded text so "thang"/"tháng" and odd spacing read alike.
        foreach (Match m in Words().Matches(VietnameseText.Fold(text)))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) yield return d;
    }

    /// <summary>The newest date in the text that is not after <paramref name="today"/> (future dates are deadlines, not updates).</summary>
    public static DateOnly? Newest(string text, DateOnly today)
    {
        DateOnly? best = null;
        foreach (var d in All(text))
            if (d <= today && d.Year >= 1990 && (best is null || d > best)) best = d;
        return best;
    }

    public static DateOnly? First(string text) => All(text).Where(d => d.Year >= 1990).Cast<DateOnly?>().FirstOrDefault();

    private static DateOnly? Make(string y, string m, string d)
    {
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return null;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    [GeneratedRegex(@"(?<![\d/.\-])(?<d>\d{1,2})\s?[/.\-]\s?(?<m>\d{1,2})\s?[/.\-]\s?(?<y>(19|20|21)\d{2})(?![\d/])")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\d/.\-])(?<y>(19|20|21)\d{2})-(?<m>\d{2})-(?<d>\d{2})(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"ngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})\s+nam\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Words();
}
