using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Content;
using MinhBach.Features.Caching;
using MinhBach.Features.Public;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Statistics;

namespace MinhBach.Tests.Caching;

/// <summary>Public pages from the output cache: counted, evicted by what changed, never someone else's form or session.</summary>
public sealed class PageCacheTests
{
    private static PageCacheMetrics Metrics(VisitWorld w) => w.App.Services.GetRequiredService<PageCacheMetrics>();

    private static async Task<string> PageAsync(VisitWorld w, string path, HttpClient? http = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", VisitWorld.Desktop);
        using var response = await (http ?? w.App.Http).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        await Metrics(w).AllStoredAsync();
        return page;
    }

    /// <summary>Runs a request and says whether the page was rendered (a miss) rather than served from the cache.</summary>
    private static async Task<bool> RenderedAsync(VisitWorld w, string path)
    {
        var before = Metrics(w).Misses;
        await PageAsync(w, path);
        return Metrics(w).Misses > before;
    }

    [DatabaseTheory]
    public async Task A_page_served_from_the_cache_is_still_counted_as_a_visit(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);

        // A HEAD first: its empty answer must not be what a later GET receives.
        Assert.Equal(200, await w.VisitAsync(w.ArticlePath, method: HttpMethod.Head));
        var hits = Metrics(w).Hits;
        Assert.Contains("Khai mạc hội chợ nông sản tỉnh", await PageAsync(w, w.ArticlePath));
        Assert.False(await RenderedAsync(w, w.ArticlePath));
        Assert.False(await RenderedAsync(w, w.ArticlePath));
        Assert.Equal(hits + 2, Metrics(w).Hits);

        Assert.Equal(3, await w.FlushAsync());
        Assert.Equal(new Dictionary<string, long> { [w.ArticlePath] = 3 }, await w.PagesAsync(w.Portal));
    }

    [DatabaseTheory]
    public async Task Publishing_shows_at_once_on_home_and_category_and_leaves_other_sites_and_articles_cached(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        var category = ContentUrls.Category("tin-tuc-su-kien");
        // A new category may change the site's menus, so it evicts the whole site: made before the pages are cached.
        var other = await w.App.AddCategoryAsync(w.Portal, "thong-bao", "Thông báo");
        foreach (var path in new[] { "/", category, w.ArticlePath, "/so-a/", "/so-a/tin-tuc" })
        {
            await PageAsync(w, path);
            Assert.False(await RenderedAsync(w, path), $"{path} was not kept in the cache.");
        }

        var news = await w.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Categories), c => c.SiteId == w.Portal.Id && c.Slug == "tin-tuc-su-kien"));
        await w.App.AddArticleAsync(w.Portal, other, "Thông báo lịch tiếp công dân tháng 12");
        Assert.Contains("Thông báo lịch tiếp công dân tháng 12", await PageAsync(w, "/"));
        // The other site's pages and the article of another category were not evicted.
        Assert.False(await RenderedAsync(w, "/so-a/"));
        Assert.False(await RenderedAsync(w, "/so-a/tin-tuc"));
        Assert.False(await RenderedAsync(w, w.ArticlePath));

        await w.App.AddArticleAsync(w.Portal, news, "Hội chợ nông sản kéo dài thêm hai ngày");
        Assert.Contains("Hội chợ nông sản kéo dài thêm hai ngày", await PageAsync(w, category));
        // The article page lists related articles of its category: it shows the new one at once too.
        Assert.Contains("Hội chợ nông sản kéo dài thêm hai ngày", await PageAsync(w, w.ArticlePath));
        Assert.False(await RenderedAsync(w, "/so-a/"));

        // A draft changes nothing anyone sees: nothing is evicted.
        await w.App.AddArticleAsync(w.Portal, news, "Bản nháp chưa duyệt", status: MinhBach.Features.Articles.ArticleStatus.Draft);
        Assert.False(await RenderedAsync(w, category));
    }

    [DatabaseTheory]
    public async Task A_renamed_category_and_a_new_link_show_at_once_on_pages_already_cached(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        var category = ContentUrls.Category("tin-tuc-su-kien");
        foreach (var path in new[] { "/", category, w.ArticlePath })
        {
            await PageAsync(w, path);
            Assert.False(await RenderedAsync(w, path), $"{path} was not kept in the cache.");
        }

        // The menus are held in memory with the site directory: the save must reach them, not only the cached pages.
        await w.App.WithDbAsync(async db =>
        {
            var c = await db.Categories.IgnoreQueryFilters().SingleAsync(c => c.SiteId == w.Portal.Id && c.Slug == "tin-tuc-su-kien");
            c.Name = "Tin hoạt động của tỉnh";
            db.SiteLinks.Add(new SiteLink { SiteId = w.Portal.Id, Kind = LinkKind.Other, Title = "Công báo tỉnh Đông Minh", Url = "https://congbao.dongminh.gov.vn", Order = 9 });
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Tin hoạt động của tỉnh", await PageAsync(w, w.ArticlePath));
        Assert.Contains("Tin hoạt động của tỉnh", await PageAsync(w, category));
        Assert.Contains("Công báo tỉnh Đông Minh", await PageAsync(w, "/"));
    }

    [DatabaseTheory]
    public async Task Signed_in_people_and_pages_with_an_anti_forgery_token_are_never_cached(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        await w.App.CreateUserAsync("bientap@dongminh.gov.vn", "Mat-khau-dai-2026!");
        await w.App.GrantAsync("bientap@dongminh.gov.vn", "", MinhBach.Features.Accounts.SiteRole.Editor);
        await PageAsync(w, "/");
        Assert.False(await RenderedAsync(w, "/"));

        using var editor = new AdminClient(w.App);
        await editor.SignInFullyAsync("bientap@dongminh.gov.vn", "Mat-khau-dai-2026!");
        var before = Metrics(w).Hits;
        await PageAsync(w, "/", editor.Http);
        await PageAsync(w, "/", editor.Http);
        Assert.Equal(before, Metrics(w).Hits);

        // The question form: each visitor gets a token of their own, so the page is rendered for each.
        var first = AdminClient.Html(await PageAsync(w, "/hoi-dap/gui-cau-hoi")).QuerySelector($"input[name='{AdminClient.TokenField}']")?.GetAttribute("value");
        var second = AdminClient.Html(await PageAsync(w, "/hoi-dap/gui-cau-hoi")).QuerySelector($"input[name='{AdminClient.TokenField}']")?.GetAttribute("value");
        Assert.NotNull(first);
        Assert.NotEqual(first, second);
    }

    [DatabaseTheory]
    public async Task Fifty_concurrent_first_requests_render_a_hot_page_once(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        var before = Metrics(w).Misses;
        var pages = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PageAsync(w, w.ArticlePath)));
        Assert.All(pages, p => Assert.Contains("Khai mạc hội chợ nông sản tỉnh", p));
        Assert.Equal(before + 1, Metrics(w).Misses);
    }

    [DatabaseTheory]
    public async Task A_page_read_again_within_seconds_comes_from_its_recent_copy_byte_for_byte_per_encoding(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        var copies = w.App.Services.GetRequiredService<HotCopies>();

        async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string? encoding = null, string? ifNoneMatch = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, w.ArticlePath);
            request.Headers.TryAddWithoutValidation("User-Agent", VisitWorld.Desktop);
            if (encoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            var response = await w.App.Http.SendAsync(request);
            return (response, await response.Content.ReadAsByteArrayAsync());
        }
        static string Headers(HttpResponseMessage r) => string.Join("\n", r.Headers.Concat(r.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Age")).OrderBy(h => h.Key).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));

        var (rendered, renderedBody) = await GetAsync();
        var hits = Metrics(w).Hits;
        var hotHits = Metrics(w).HotHits;
        var (copied, copiedBody) = await GetAsync();
        Assert.Equal(1, copies.Count);
        Assert.Equal(hits + 1, Metrics(w).Hits);
        Assert.Equal(hotHits + 1, Metrics(w).HotHits);
        Assert.Equal(renderedBody, copiedBody);
        Assert.Equal(Headers(rendered), Headers(copied));
        Assert.Contains("default-src 'self'", copied.Headers.GetValues("Content-Security-Policy").Single());
        Assert.NotNull(copied.Headers.Age);

        // Compressed for a client that asks, in a copy of its own; the plain one is unchanged.
        var (gzip, gzipBody) = await GetAsync("gzip");
        var (gzipAgain, gzipAgainBody) = await GetAsync("gzip");
        Assert.Equal(hotHits + 2, Metrics(w).HotHits);
        Assert.Equal("gzip", gzipAgain.Content.Headers.ContentEncoding.Single());
        Assert.Equal(gzipBody, gzipAgainBody);
        Assert.Equal(Headers(gzip), Headers(gzipAgain));
        Assert.Equal(2, copies.Count);
        Assert.Equal(renderedBody, (await GetAsync()).Body);

        // A browser that asks whether its copy is still good is answered 304, not sent the page again.
        var (notModified, empty) = await GetAsync(ifNoneMatch: copied.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(empty);
        Assert.Equal(hotHits + 3, Metrics(w).HotHits);

        // A component site's page, under its prefix, comes from its copy too, counted for that site.
        await PageAsync(w, "/so-a/");
        await PageAsync(w, "/so-a/");
        Assert.Equal(hotHits + 4, Metrics(w).HotHits);
        Assert.Equal(3, copies.Count);

        // Every view was counted, copies included.
        Assert.Equal(8, await w.FlushAsync());
        Assert.Equal(2, (await w.PagesAsync(w.SoA))["/"]);
    }
}
