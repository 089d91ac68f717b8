using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Public;

/// <summary>Base of every public page: the current site, paging read strictly, and the page's metadata.</summary>
public abstract class PublicPageModel : PageModel
{
    public const int MaxPage = 10_000;

    public Site Site => HttpContext.RequestServices.GetRequiredService<CurrentSite>().Required;

    /// <summary>Page number from ?trang=; null when present but not a number in range (the caller answers 400).</summary>
    protected int? ReadPageNumber()
    {
        var raw = Request.Query["trang"];
        if (raw.Count == 0) return 1;
        return raw.Count == 1 && int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPage
            ? n
            : null;
    }

    protected IActionResult BadInput() => StatusCode(StatusCodes.Status400BadRequest);

    public PageMeta Meta { get; protected set; } = new();
}

/// <summary>What the layout writes in &lt;head&gt;: title, description and the Dublin Core elements (TEC-10).</summary>
public sealed record PageMeta
{
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public string? Creator { get; init; }
    public DateTime? Date { get; init; }
    public string Type { get; init; } = "Text";
    public string Language { get; init; } = "vi";
    /// <summary>Site-relative canonical path; the layout makes it absolute.</summary>
    public string? CanonicalPath { get; init; }
    /// <summary>An absolute canonical address on another site (a copy names its original); wins over CanonicalPath.</summary>
    public string? CanonicalUrl { get; init; }
    public IReadOnlyList<(string Title, string? Path)> Breadcrumbs { get; init; } = [];
    public string? FeedPath { get; init; }
    public string? FeedTitle { get; init; }
}

public static class VnTime
{
    public static readonly TimeZoneInfo Zone = Find();

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT"); }
    }

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
    public static DateTime FromLocal(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
    /// <summary>Today in Viet Nam. Asked on every page view (visit counting), so the day last found is kept with the UTC
    /// span it covers and a time zone conversion is made only when the clock leaves that span (either way: tests move it).</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = _today;
        if (day is not null && now >= day.StartUtc && now < day.EndUtc) return day.Day;
        var local = DateOnly.FromDateTime(ToLocal(now));
        _today = new(local, FromLocal(local.ToDateTime(TimeOnly.MinValue)), FromLocal(local.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        return local;
    }

    private sealed record LocalDay(DateOnly Day, DateTime StartUtc, DateTime EndUtc);
    private static volatile LocalDay? _today;
    public static string DateTimeText(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    public static string DateText(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    public static string DateText(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DayName(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ Nhật",
    };
}
