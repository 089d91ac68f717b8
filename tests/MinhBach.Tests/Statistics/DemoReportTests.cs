using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MinhBach.Features.Articles;
using MinhBach.Features.Demo;
using MinhBach.Features.Public;
using MinhBach.Features.Statistics;
using MinhBach.Tests.Infrastructure;
using CatalogueData = MinhBach.Features.Catalogue.Catalogue;

namespace MinhBach.Tests.Statistics;

/// <summary>The demo province's monthly report reads like seed 002 §1.5, and every number in it is what the database holds.</summary>
public sealed class DemoReportTests
{
    /// <summary>Wednesday 18 November 2026, 10:30 in Vietnam.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 3, 30, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [DatabaseTheory]
    public async Task The_demo_portals_monthly_report_matches_the_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var catalogue = CatalogueData.Load(Repository.DataDirectory);
        var clock = new FixedClock(Now);
        await using (var db = database.CreateDbContext())
            await new DemoProvince(db, clock, catalogue, NullLogger<DemoProvince>.Instance).SeedAsync(new Progress<string>(), CancellationToken.None);

        await using var read = database.CreateDbContext();
        var portal = await read.Sites.AsNoTracking().SingleAsync(s => s.Slug == "");
        Assert.True(portal.ShowVisitCounter);
        var period = new ReportPeriod(new DateOnly(2026, 10, 13), new DateOnly(2026, 11, 13));
        var f = await new ActivityStatistics(read, catalogue, VisitRules.Load(Repository.DataDirectory), null!, clock)
            .ComputeAsync(StatisticsScope.For(portal), period, CancellationToken.None);
        var text = ActivityReport.Paragraph(f);

        // Recounted here straight from the tables.
        var (from, end) = (VnTime.FromLocal(new DateTime(2026, 10, 13)), VnTime.FromLocal(new DateTime(2026, 11, 14)));
        var articles = await read.Articles.IgnoreQueryFilters().CountAsync(a => a.SiteId == portal.Id && a.Status == ArticleStatus.Published && a.PublishedAt >= from && a.PublishedAt < end);
        var documents = await read.Documents.IgnoreQueryFilters().CountAsync(d => d.SiteId == portal.Id && d.CreatedAt >= from && d.CreatedAt < end);
        var visits = read.VisitDays.IgnoreQueryFilters().Where(v => v.SiteId == portal.Id);
        var month = await visits.Where(v => v.Day >= period.From && v.Day <= period.To).SumAsync(v => v.Views);
        var previous = await visits.Where(v => v.Day >= new DateOnly(2026, 9, 11) && v.Day <= new DateOnly(2026, 10, 12)).SumAsync(v => v.Views);
        var ytd = await visits.Where(v => v.Day >= new DateOnly(2026, 1, 1) && v.Day <= period.To).SumAsync(v => v.Views);
        var ytdLastYear = await visits.Where(v => v.Day >= new DateOnly(2025, 1, 1) && v.Day <= new DateOnly(2025, 11, 13)).SumAsync(v => v.Views);
        Assert.True(articles > 0 && documents > 0 && month > 0 && previous > 0 && ytdLastYear > 0);

        Assert.StartsWith($"Tính từ ngày 13/10 đến 13/11/2026, {portal.Name} đã đăng tải được {ActivityReport.Count(articles)} tin, bài; {ActivityReport.Count(documents)} văn bản, trong đó có ", text);
        Assert.Contains($"Tổng số lượt truy cập trên Cổng từ đầu năm đến nay là: {MinhBach.Text.VietnameseText.FormatNumber(ytd)} lượt ("
            + ActivityReport.Versus((ytd - ytdLastYear) * 100.0 / ytdLastYear, "cùng kỳ năm trước") + ")", text);
        var diff = month - previous;
        Assert.Contains($"trong tháng có {MinhBach.Text.VietnameseText.FormatNumber(month)} lượt truy cập, {(diff >= 0 ? "tăng" : "giảm")} {MinhBach.Text.VietnameseText.FormatNumber(Math.Abs(diff))} lượt so với tháng trước", text);
        // The history grows about 40 % a year, as the seed's portal does.
        Assert.Contains("tăng", ActivityReport.PercentChange((ytd - ytdLastYear) * 100.0 / ytdLastYear));
        Assert.Equal(portal.VisitsBefore + await visits.Where(v => v.Day > portal.VisitsBeforeDate!.Value && v.Day <= period.To).SumAsync(v => v.Views), f.SinceStart);
    }
}
