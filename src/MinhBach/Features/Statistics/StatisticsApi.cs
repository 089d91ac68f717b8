using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Statistics;

/// <summary>GET /api/thong-ke?tu=…&amp;den=…[&amp;pham-vi=tinh]: the figures of the dashboard and the monthly report as
/// JSON, read-only, for the province's other systems. Counts only: no visitor's data exists to give out.</summary>
public static class StatisticsApi
{
    public const string Path = "/api/thong-ke";

    public static void Map(IEndpointRouteBuilder app) => app.MapGet(Path, GetAsync);

    /// <summary>The period asked for, this month so far when neither end is given; the Vietnamese error otherwise.</summary>
    public static ReportPeriod? PeriodFrom(string? from, string? to, DateOnly today, out string? error)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            error = null;
            return new ReportPeriod(new DateOnly(today.Year, today.Month, 1), today);
        }
        return ReportPeriod.Parse(from, to, today, out error);
    }

    /// <summary>A period that ends before the scope has any figure gets a sentence saying so instead of zeros.</summary>
    public static string? NotCovered(StatisticsScope scope, ReportPeriod period, DateOnly countedSince) =>
        period.To < countedSince
            ? $"{scope.Name} bắt đầu có số liệu từ ngày {VnTime.DateText(countedSince)}; kỳ từ {VnTime.DateText(period.From)} đến {VnTime.DateText(period.To)} kết thúc trước ngày đó nên không có số liệu."
            : null;

    private static async Task<IResult> GetAsync(HttpContext http, CurrentSite current, ActivityStatistics stats)
    {
        var q = http.Request.Query;
        var period = PeriodFrom(q["tu"].FirstOrDefault(), q["den"].FirstOrDefault(), stats.Today, out var error);
        if (period is null) return Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
        var site = current.Required;
        var scopeArg = q["pham-vi"].FirstOrDefault();
        if (scopeArg is not (null or "" or "tinh" or "trang"))
            return Results.Json(new { error = $"Phạm vi \"{scopeArg}\" không hợp lệ: dùng pham-vi=tinh (cả tỉnh) hoặc bỏ trống (trang này)." }, statusCode: StatusCodes.Status400BadRequest);
        var scope = scopeArg == "tinh" ? await stats.ProvinceAsync(http.RequestAborted) : StatisticsScope.For(site);
        var since = await stats.CountedSinceAsync(scope, http.RequestAborted);
        if (NotCovered(scope, period, since) is { } message)
            return Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);
        var f = await stats.ComputeAsync(scope, period, since, http.RequestAborted);
        return Results.Json(new
        {
            scope = scope.IsProvince ? "province" : site.Slug,
            name = scope.Name,
            from = period.From, to = period.To,
            countedSince = f.CountedSince,
            visits = new
            {
                period = f.Views, visitors = f.Visitors, previousPeriod = f.PreviousViews, samePeriodLastYear = f.LastYearViews,
                yearToDate = f.YearToDate, yearToDateLastYear = f.YearToDateLastYear, sinceStart = f.SinceStart, today = f.TodayViews,
                changeVsPreviousPercent = ActivityFigures.Percent(f.Views, f.PreviousViews),
                changeVsLastYearPercent = ActivityFigures.Percent(f.Views, f.LastYearViews),
                yearToDateChangePercent = ActivityFigures.Percent(f.YearToDate, f.YearToDateLastYear),
                days = f.Days.Select(d => new { day = d.Day, views = d.Views, visitors = d.Visitors }),
                months = f.Months.Select(m => new { month = $"{m.Year:0000}-{m.Month:00}", views = m.Views, sameMonthLastYear = m.LastYear }),
                topPages = f.TopPages.Select(p => new { site = p.SitePrefix, path = p.Path, views = p.Views }),
                referrers = f.Referrers.Select(r => new { kind = r.Code, name = r.Name, views = r.Count }),
                devices = f.Devices.Select(r => new { device = r.Code, name = r.Name, views = r.Count }),
            },
            articles = new { published = f.Articles, byCategory = Named(f.ArticlesByCategory), byAuthor = Named(f.ArticlesByAuthor) },
            documents = new
            {
                posted = f.Documents,
                byGroup = f.DocumentsByGroup.Select(g => new { group = g.Code, name = g.Name, count = g.Count }),
                byType = f.DocumentsByType.Select(g => new { type = g.Code, name = g.Name, count = g.Count }),
                byField = Named(f.DocumentsByField),
            },
            questions = new { received = f.QuestionsReceived, answered = f.QuestionsAnswered, answeredLate = f.QuestionsAnsweredLate, overdue = f.QuestionsOverdue },
            sites = f.PerSite.Select(s => new { site = s.Slug, name = s.Name, views = s.Views, visitors = s.Visitors, articles = s.Articles, documents = s.Documents }),
            report = ActivityReport.Paragraph(f),
            notes = f.Notes,
        });
    }

    private static IEnumerable<object> Named(IReadOnlyList<NamedCount> rows) => rows.Select(r => new { name = r.Name, count = r.Count });
}
