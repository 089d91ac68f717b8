using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Features.Questions;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Statistics;

/// <summary>Whose figures: one site, or every active site of the province (<see cref="Site"/> null).</summary>
public sealed record StatisticsScope(Site? Site, IReadOnlyList<Site> Sites)
{
    public bool IsProvince => Site is null;
    public string Name => Site?.Name ?? "Cổng thông tin điện tử tỉnh và các trang thành phần";
    /// <summary>How the report names the site in "trên Cổng" / "trên Trang".</summary>
    public string ShortNoun => Site is null || Site.ParentId is null ? "Cổng" : "Trang";

    public static StatisticsScope For(Site site) => new(site, [site]);
    public static StatisticsScope Province(IEnumerable<Site> sites) =>
        new(null, [.. sites.Where(s => s.Status == SiteStatus.Active)]);
}

public sealed record DayCount(DateOnly Day, long Views, long Visitors);
public sealed record MonthCount(int Year, int Month, long Views, long LastYear)
{
    public string Label => $"{Month:00}/{Year}";
}
public sealed record NamedCount(string Code, string Name, long Count);
public sealed record PageCount(string SiteName, string SitePrefix, string Path, long Views);
public sealed record SiteCount(string Name, string Slug, long Views, long Visitors, int Articles, int Documents);

/// <summary>Everything the dashboard, the monthly report and the JSON endpoint show for one scope and period.</summary>
public sealed record ActivityFigures
{
    public required StatisticsScope Scope { get; init; }
    public required ReportPeriod Period { get; init; }
    /// <summary>The first day anything was counted for the scope (the site's creation, its first counted day, or the
    /// day after the operator's figure).</summary>
    public required DateOnly CountedSince { get; init; }
    public required DateOnly Today { get; init; }

    public long Views { get; init; }
    public long Visitors { get; init; }
    public long PreviousViews { get; init; }
    public long LastYearViews { get; init; }
    public long YearToDate { get; init; }
    public long YearToDateLastYear { get; init; }
    public long SinceStart { get; init; }
    public long TodayViews { get; init; }

    public IReadOnlyList<DayCount> Days { get; init; } = [];
    public IReadOnlyList<MonthCount> Months { get; init; } = [];
    public IReadOnlyList<PageCount> TopPages { get; init; } = [];
    public IReadOnlyList<NamedCount> Referrers { get; init; } = [];
    public IReadOnlyList<NamedCount> Devices { get; init; } = [];

    public int Articles { get; init; }
    public IReadOnlyList<NamedCount> ArticlesByCategory { get; init; } = [];
    public IReadOnlyList<NamedCount> ArticlesByAuthor { get; init; } = [];
    public int Documents { get; init; }
    public IReadOnlyList<NamedCount> DocumentsByGroup { get; init; } = [];
    public IReadOnlyList<NamedCount> DocumentsByType { get; init; } = [];
    public IReadOnlyList<NamedCount> DocumentsByField { get; init; } = [];

    public int QuestionsReceived { get; init; }
    public int QuestionsAnswered { get; init; }
    public int QuestionsAnsweredLate { get; init; }
    public int QuestionsOverdue { get; init; }

    public IReadOnlyList<SiteCount> PerSite { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Change in percent, null when there is nothing to compare with.</summary>
    public static double? Percent(long now, long before) => before == 0 ? null : (now - before) * 100.0 / before;
}

/// <summary>Reads the figures. Every query names its sites explicitly (IgnoreQueryFilters): the province view reads them all.</summary>
public sealed class ActivityStatistics(AppDb db, Catalogue.Catalogue catalogue, VisitRules rules, SiteDirectory directory, TimeProvider clock)
{
    public const int TopPageCount = 20;

    public DateOnly Today => VnTime.Today(clock);

    public async Task<StatisticsScope> ProvinceAsync(CancellationToken ct) =>
        StatisticsScope.Province((await directory.GetAsync(ct)).All);

    /// <summary>The first day the scope has figures for; a report ending before it has nothing to say.</summary>
    public async Task<DateOnly> CountedSinceAsync(StatisticsScope scope, CancellationToken ct)
    {
        var ids = scope.Sites.Select(s => s.Id).ToList();
        var created = scope.Sites.Count == 0 ? Today : scope.Sites.Min(s => DateOnly.FromDateTime(VnTime.ToLocal(s.CreatedAt)));
        var firstVisit = await db.VisitDays.IgnoreQueryFilters().Where(v => ids.Contains(v.SiteId)).MinAsync(v => (DateOnly?)v.Day, ct);
        var seeded = scope.Sites.Where(s => s.VisitsBeforeDate is not null).Select(s => (DateOnly?)s.VisitsBeforeDate!.Value.AddDays(1)).Min();
        return new[] { created, firstVisit ?? created, seeded ?? created }.Min();
    }

    public async Task<ActivityFigures> ComputeAsync(StatisticsScope scope, ReportPeriod period, CancellationToken ct) =>
        await ComputeAsync(scope, period, await CountedSinceAsync(scope, ct), ct);

    /// <summary>The figures, given the scope's <see cref="CountedSinceAsync"/> the caller already read to check the period.</summary>
    public async Task<ActivityFigures> ComputeAsync(StatisticsScope scope, ReportPeriod period, DateOnly since, CancellationToken ct)
    {
        var ids = scope.Sites.Select(s => s.Id).ToList();
        var today = Today;

        // Daily totals over everything the comparisons need (at most ~25 months plus the period): summed in memory.
        var monthEnd = new DateOnly(period.To.Year, period.To.Month, 1);
        var monthsFrom = monthEnd.AddMonths(-12);
        var earliest = new[] { period.From, period.Previous.From, period.LastYear.From, period.YearToDate.From.AddYears(-1), monthsFrom.AddYears(-1) }.Min();
        var visits = db.VisitDays.IgnoreQueryFilters().AsNoTracking().Where(v => ids.Contains(v.SiteId));
        var daily = (await visits.Where(v => v.Day >= earliest && v.Day <= period.To)
                .GroupBy(v => v.Day).Select(g => new { Day = g.Key, Views = g.Sum(v => v.Views), Visitors = g.Sum(v => v.Visitors) })
                .ToListAsync(ct))
            .ToDictionary(d => d.Day);
        long Sum(ReportPeriod p) => daily.Values.Where(d => p.Contains(d.Day)).Sum(d => d.Views);

        var days = new List<DayCount>();
        if (period.Days <= 400)
            for (var d = period.From; d <= period.To; d = d.AddDays(1))
                days.Add(daily.TryGetValue(d, out var x) ? new DayCount(d, x.Views, x.Visitors) : new DayCount(d, 0, 0));
        var months = new List<MonthCount>();
        for (var m = monthsFrom; m <= monthEnd; m = m.AddMonths(1))
        {
            var month = new ReportPeriod(m, m.AddMonths(1).AddDays(-1));
            months.Add(new MonthCount(m.Year, m.Month, Sum(month), Sum(month.LastYear)));
        }

        var sinceStart = await SinceStartAsync(db, ids, period.To, ct);

        var inPeriod = daily.Values.Where(d => period.Contains(d.Day)).ToList();
        var figures = new ActivityFigures
        {
            Scope = scope, Period = period, CountedSince = since, Today = today,
            Views = inPeriod.Sum(d => d.Views), Visitors = inPeriod.Sum(d => d.Visitors),
            PreviousViews = Sum(period.Previous), LastYearViews = Sum(period.LastYear),
            YearToDate = Sum(period.YearToDate), YearToDateLastYear = Sum(period.YearToDate.LastYear),
            SinceStart = sinceStart,
            TodayViews = await visits.Where(v => v.Day == today).SumAsync(v => v.Views, ct),
            Days = days, Months = months,
        };

        var pages = await db.VisitPageDays.IgnoreQueryFilters().AsNoTracking()
            .Where(v => ids.Contains(v.SiteId) && v.Day >= period.From && v.Day <= period.To)
            .GroupBy(v => new { v.SiteId, v.Path }).Select(g => new { g.Key.SiteId, g.Key.Path, Views = g.Sum(v => v.Views) })
            .OrderByDescending(x => x.Views).ThenBy(x => x.Path).Take(TopPageCount).ToListAsync(ct);
        var siteById = scope.Sites.ToDictionary(s => s.Id);
        var sources = await db.VisitSourceDays.IgnoreQueryFilters().AsNoTracking()
            .Where(v => ids.Contains(v.SiteId) && v.Day >= period.From && v.Day <= period.To)
            .GroupBy(v => new { v.Referrer, v.Device }).Select(g => new { g.Key.Referrer, g.Key.Device, Views = g.Sum(v => v.Views) })
            .ToListAsync(ct);

        var articles = await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.SiteId) && a.Status == ArticleStatus.Published && a.PublishedAt >= period.FromUtc && a.PublishedAt < period.EndUtc)
            .Select(a => new { a.SiteId, a.CategoryId, a.Author }).ToListAsync(ct);
        var categoryIds = articles.Select(a => a.CategoryId).Distinct().ToList();
        var categories = await db.Categories.IgnoreQueryFilters().AsNoTracking().Where(c => categoryIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var documents = await db.Documents.IgnoreQueryFilters().AsNoTracking()
            .Where(d => ids.Contains(d.SiteId) && d.CreatedAt >= period.FromUtc && d.CreatedAt < period.EndUtc)
            .Select(d => new { d.SiteId, d.TypeCode, d.Field }).ToListAsync(ct);

        var questions = db.Questions.IgnoreQueryFilters().AsNoTracking();
        var received = await questions.CountAsync(q => ids.Contains(q.SiteId) && q.AskedAt >= period.FromUtc && q.AskedAt < period.EndUtc, ct);
        var answered = await questions.Where(q => ids.Contains(q.HandlingSiteId) && q.AnsweredAt >= period.FromUtc && q.AnsweredAt < period.EndUtc)
            .Select(q => new { q.AnsweredAt, q.DueOn }).ToListAsync(ct);
        var overdue = await questions.CountAsync(q => ids.Contains(q.HandlingSiteId)
            && (q.Status == QuestionStatus.Received || q.Status == QuestionStatus.Assigned) && q.DueOn < today, ct);

        var perSite = new List<SiteCount>();
        if (scope.IsProvince)
        {
            var siteViews = await visits.Where(v => v.Day >= period.From && v.Day <= period.To).GroupBy(v => v.SiteId)
                .Select(g => new { Site = g.Key, Views = g.Sum(v => v.Views), Visitors = g.Sum(v => v.Visitors) }).ToDictionaryAsync(x => x.Site, ct);
            perSite = [.. scope.Sites.Select(s => new SiteCount(s.Name, s.Slug,
                    siteViews.TryGetValue(s.Id, out var v) ? v.Views : 0, siteViews.TryGetValue(s.Id, out var w) ? w.Visitors : 0,
                    articles.Count(a => a.SiteId == s.Id), documents.Count(d => d.SiteId == s.Id)))
                .OrderByDescending(s => s.Views).ThenBy(s => s.Name, StringComparer.Ordinal)];
        }

        var notes = new List<string>();
        if (period.From < since)
            notes.Add($"Số liệu truy cập có từ ngày {VnTime.DateText(since)}; những ngày trước đó của kỳ không có số liệu.");
        if (period.LastYear.From < since && figures.LastYearViews == 0)
            notes.Add("Chưa có số liệu cùng kỳ năm trước để so sánh.");

        return figures with
        {
            TopPages = [.. pages.Select(p => new PageCount(siteById[p.SiteId].Name, siteById[p.SiteId].Slug, p.Path, p.Views))],
            Referrers = [.. rules.Kinds.Select(k => new NamedCount(k.Code, k.Name, sources.Where(s => s.Referrer == k.Code).Sum(s => s.Views)))],
            Devices = [.. VisitRules.Devices.Select(d => new NamedCount(d.Code, d.Name, sources.Where(s => s.Device == d.Code).Sum(s => s.Views)))],
            Articles = articles.Count,
            ArticlesByCategory = Counted(articles.GroupBy(a => categories.GetValueOrDefault(a.CategoryId) ?? "(không rõ chuyên mục)").Select(g => (g.Key, g.Key, g.Count()))),
            ArticlesByAuthor = Counted(articles.GroupBy(a => string.IsNullOrWhiteSpace(a.Author) ? "(không ghi tác giả)" : a.Author.Trim()).Select(g => (g.Key, g.Key, g.Count()))),
            Documents = documents.Count,
            DocumentsByGroup = [.. DocumentGroups.Select(g => new NamedCount(g.Code, g.Name, documents.Count(d => GroupOf(d.TypeCode) == g.Code))).Where(g => g.Count > 0)],
            DocumentsByType = Counted(documents.GroupBy(d => d.TypeCode).Select(g => (g.Key, catalogue.DocumentType(g.Key)?.Name ?? g.Key, g.Count()))),
            DocumentsByField = Counted(documents.Where(d => !string.IsNullOrWhiteSpace(d.Field)).GroupBy(d => d.Field!.Trim()).Select(g => (g.Key, g.Key, g.Count()))),
            QuestionsReceived = received,
            QuestionsAnswered = answered.Count,
            QuestionsAnsweredLate = answered.Count(a => DateOnly.FromDateTime(VnTime.ToLocal(a.AnsweredAt!.Value)) > a.DueOn),
            QuestionsOverdue = overdue,
            PerSite = perSite,
            Notes = notes,
        };
    }

    /// <summary>Views since the start, up to <paramref name="upTo"/>: each site's operator's figure plus what was counted
    /// here after the day it covers. One query for any number of sites (the public counter and the reports share it).</summary>
    public static async Task<long> SinceStartAsync(AppDb db, IReadOnlyCollection<int> siteIds, DateOnly upTo, CancellationToken ct)
    {
        var perSite = await db.Sites.IgnoreQueryFilters().AsNoTracking().Where(s => siteIds.Contains(s.Id))
            .Select(s => s.VisitsBefore + db.VisitDays
                .Where(v => v.SiteId == s.Id && v.Day <= upTo && (s.VisitsBeforeDate == null || v.Day > s.VisitsBeforeDate))
                .Sum(v => v.Views))
            .ToListAsync(ct);
        return perSite.Sum();
    }

    /// <summary>The groups of data/document-types.json, in the order the monthly report lists them.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> DocumentGroups =
        [("Directive", "chỉ đạo điều hành"), ("Normative", "quy phạm pháp luật"), ("Draft", "dự thảo"), ("Other", "khác")];

    private string GroupOf(string typeCode) => catalogue.DocumentType(typeCode)?.Group ?? "Other";

    private static List<NamedCount> Counted(IEnumerable<(string Code, string Name, int Count)> rows) =>
        [.. rows.Select(r => new NamedCount(r.Code, r.Name, r.Count)).OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal)];
}
