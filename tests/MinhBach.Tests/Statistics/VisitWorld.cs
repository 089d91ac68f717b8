using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Features.Statistics;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Statistics;

/// <summary>A portal and one department (so-a) with an article each; requests sent as a person's browser would.</summary>
public sealed class VisitWorld : IAsyncDisposable
{
    public const string Desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public const string Phone = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    public const string Tablet = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private VisitWorld(TestApp app, Site portal, Site soA, string articlePath)
    {
        App = app;
        Portal = portal;
        SoA = soA;
        ArticlePath = articlePath;
    }

    public TestApp App { get; }
    public Site Portal { get; }
    public Site SoA { get; }
    /// <summary>The portal article's site-relative path.</summary>
    public string ArticlePath { get; }
    public DateOnly Today => VnTime.Today(App.Services.GetRequiredService<TimeProvider>());

    /// <summary>Flushes only when the test says so (FlushSeconds 300), unless settings say otherwise.</summary>
    public static async Task<VisitWorld> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Statistics:FlushSeconds"] = "300", ["Accounts:TwoFactorRequiredFrom"] = "None" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var app = await TestApp.StartAsync(provider, all);
        try
        {
            var portal = await app.CreatePortalAsync();
            var soA = await app.AddSiteAsync("so-a", "Trang thông tin điện tử Sở A");
            var news = await app.AddCategoryAsync(portal, "tin-tuc-su-kien", "Tin tức - Sự kiện");
            var article = await app.AddArticleAsync(portal, news, "Khai mạc hội chợ nông sản tỉnh");
            var newsA = await app.AddCategoryAsync(soA, "tin-hoat-dong", "Tin hoạt động");
            await app.AddArticleAsync(soA, newsA, "Sở A tập huấn chuyển đổi số");
            return new VisitWorld(app, portal, soA, ContentUrls.Article(news.Slug, article.Slug));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A request as a browser sends it (or as <paramref name="userAgent"/> says); returns the status.</summary>
    public static async Task<int> SendAsync(HttpClient http, string path, string? userAgent = Desktop, string? referer = null,
        HttpMethod? method = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    public Task<int> VisitAsync(string path, string? userAgent = Desktop, string? referer = null, HttpMethod? method = null, params (string, string)[] headers) =>
        SendAsync(App.Http, path, userAgent, referer, method, headers);

    public static Task<long> FlushAsync(TestApp app) => app.Services.GetRequiredService<VisitRecorder>().FlushAsync();
    public Task<long> FlushAsync() => FlushAsync(App);

    public Task<VisitDay?> DayAsync(Site site) =>
        App.WithDbAsync(db => db.VisitDays.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(v => v.SiteId == site.Id && v.Day == Today));

    public Task<Dictionary<string, long>> PagesAsync(Site site) =>
        App.WithDbAsync(db => db.VisitPageDays.IgnoreQueryFilters().AsNoTracking().Where(v => v.SiteId == site.Id)
            .ToDictionaryAsync(v => v.Path, v => v.Views));

    public Task<Dictionary<string, long>> SourcesAsync(Site site) =>
        App.WithDbAsync(db => db.VisitSourceDays.IgnoreQueryFilters().AsNoTracking().Where(v => v.SiteId == site.Id)
            .ToDictionaryAsync(v => v.Referrer + "/" + v.Device, v => v.Views));

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
