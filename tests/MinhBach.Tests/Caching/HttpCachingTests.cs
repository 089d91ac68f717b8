using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MinhBach.Features.Caching;
using MinhBach.Features.Public;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Statistics;

namespace MinhBach.Tests.Caching;

/// <summary>
/// HTTP caching as a browser or a proxy sees it: ETags and 304s on public pages (from the cached entry when there is
/// one), Brotli and gzip only for a client that asks, and fingerprinted theme files cached for a year.
/// </summary>
public sealed class HttpCachingTests
{
    private const string Title = "Khai mạc hội chợ nông sản tỉnh";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static PageCacheMetrics Metrics(TestApp app) => app.Services.GetRequiredService<PageCacheMetrics>();

    private static Task<int> EditArticleAsync(TestApp app, string newTitle) =>
        app.WithDbAsync(async db =>
        {
            var a = await db.Articles.IgnoreQueryFilters().SingleAsync(x => x.Title == Title);
            a.Title = newTitle;
            a.UpdatedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });

    private static string Vary(HttpResponseMessage r) => string.Join(",", r.Headers.Vary);

    [DatabaseTheory]
    public async Task A_page_revalidated_with_its_ETag_gets_304_from_the_cache_and_an_edit_gives_a_new_page(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        string? articleTag = null;
        foreach (var path in new[] { w.ArticlePath, "/", "/so-a/", ContentUrls.AllNewsFeed, "/sitemap.xml" })
        {
            using var first = await GetAsync(w.App.Http, path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var tag = first.Headers.ETag;
            Assert.True(tag is { IsWeak: false }, $"{path} has no strong ETag.");
            Assert.True(first.Headers.CacheControl?.NoCache, $"{path} does not ask caches to revalidate.");
            Assert.Contains("Accept-Encoding", Vary(first));
            articleTag ??= tag!.Tag;

            await Metrics(w.App).AllStoredAsync();
            var misses = Metrics(w.App).Misses;
            using var again = await GetAsync(w.App.Http, path, ("If-None-Match", tag!.Tag));
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
            Assert.Equal(tag, again.Headers.ETag);
            // Answered from the cached entry: nothing was rendered for it.
            Assert.Equal(misses, Metrics(w.App).Misses);
        }

        await EditArticleAsync(w.App, Title + " lần thứ hai");
        using var edited = await GetAsync(w.App.Http, w.ArticlePath, ("If-None-Match", articleTag!));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains(Title + " lần thứ hai", await edited.Content.ReadAsStringAsync());
        Assert.NotEqual(articleTag, edited.Headers.ETag?.Tag);
    }

    [DatabaseTheory]
    public async Task A_page_the_browser_shows_again_after_a_304_is_counted_as_a_view(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        using var first = await GetAsync(w.App.Http, w.ArticlePath, ("User-Agent", VisitWorld.Desktop));
        Assert.Equal(304, await w.VisitAsync(w.ArticlePath, headers: ("If-None-Match", first.Headers.ETag!.Tag)));
        Assert.Equal(2, await w.FlushAsync());
        Assert.Equal(new Dictionary<string, long> { [w.ArticlePath] = 2 }, await w.PagesAsync(w.Portal));
    }

    [DatabaseTheory]
    public async Task Without_the_output_cache_a_page_still_answers_304_to_its_ETag_and_to_its_date(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider, new Dictionary<string, string?> { ["PageCache:Enabled"] = "false" });
        using var first = await GetAsync(w.App.Http, w.ArticlePath);
        var tag = first.Headers.ETag!.Tag;
        var modified = first.Content.Headers.LastModified;
        Assert.NotNull(modified);

        using var byTag = await GetAsync(w.App.Http, w.ArticlePath, ("If-None-Match", tag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        using var byDate = await GetAsync(w.App.Http, w.ArticlePath, ("If-Modified-Since", modified!.Value.ToString("R")));
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        using var other = await GetAsync(w.App.Http, w.ArticlePath, ("If-None-Match", "\"khac\""));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains(Title, await other.Content.ReadAsStringAsync());

        await EditArticleAsync(w.App, Title + " (cập nhật)");
        using var edited = await GetAsync(w.App.Http, w.ArticlePath, ("If-None-Match", tag));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains(Title + " (cập nhật)", await edited.Content.ReadAsStringAsync());
        Assert.NotEqual(tag, edited.Headers.ETag?.Tag);
    }

    [DatabaseTheory]
    public async Task Signed_in_pages_the_administration_and_forms_carry_no_validators_and_never_answer_304(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        await w.App.CreateUserAsync("bientap@dongminh.gov.vn", "Mat-khau-dai-2026!");
        await w.App.GrantAsync("bientap@dongminh.gov.vn", "", MinhBach.Features.Accounts.SiteRole.Editor);
        using var anonymous = await GetAsync(w.App.Http, "/");
        var tag = anonymous.Headers.ETag!.Tag;

        using var editor = new AdminClient(w.App);
        await editor.SignInFullyAsync("bientap@dongminh.gov.vn", "Mat-khau-dai-2026!");
        foreach (var path in new[] { "/", "/quan-tri" })
        {
            using var signedIn = await GetAsync(editor.Http, path, ("If-None-Match", "*"));
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Null(signedIn.Headers.ETag);
            Assert.Null(signedIn.Content.Headers.LastModified);
        }
        using var home = await GetAsync(editor.Http, "/", ("If-None-Match", tag));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        using var form = await GetAsync(w.App.Http, "/hoi-dap/gui-cau-hoi", ("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Null(form.Headers.ETag);
    }

    [DatabaseTheory]
    public async Task Pages_are_compressed_only_for_a_client_that_asks_and_each_encoding_is_rendered_once(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        using var plain = await GetAsync(w.App.Http, w.ArticlePath);
        var html = await plain.Content.ReadAsByteArrayAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains(Title, System.Text.Encoding.UTF8.GetString(html));

        foreach (var (accept, encoding) in new[] { ("gzip, deflate, br, zstd", "br"), ("gzip", "gzip") })
        {
            using var compressed = await GetAsync(w.App.Http, w.ArticlePath, ("Accept-Encoding", accept));
            Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", Vary(compressed));
            var body = await compressed.Content.ReadAsByteArrayAsync();
            Assert.True(body.Length < html.Length / 2, $"{encoding}: {body.Length} bytes for {html.Length}.");
            Assert.Equal(html, Decompress(body, encoding));
            Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);

            // The compressed entry is kept: the next request is not rendered, and its ETag revalidates.
            await Metrics(w.App).AllStoredAsync();
            var misses = Metrics(w.App).Misses;
            using var again = await GetAsync(w.App.Http, w.ArticlePath, ("Accept-Encoding", accept));
            Assert.Equal(encoding, Assert.Single(again.Content.Headers.ContentEncoding));
            Assert.Equal(misses, Metrics(w.App).Misses);
            using var revalidated = await GetAsync(w.App.Http, w.ArticlePath, ("Accept-Encoding", accept), ("If-None-Match", compressed.Headers.ETag!.Tag));
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }

        // A client that did not ask never gets the compressed entry, however many are cached.
        using var after = await GetAsync(w.App.Http, w.ArticlePath);
        Assert.Empty(after.Content.Headers.ContentEncoding);
        Assert.Equal(html, await after.Content.ReadAsByteArrayAsync());
        using var identity = await GetAsync(w.App.Http, w.ArticlePath, ("Accept-Encoding", "identity"));
        Assert.Empty(identity.Content.Headers.ContentEncoding);
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>public, max-age=31536000, immutable</summary>
    private static bool Immutable(HttpResponseMessage r) =>
        r.Headers.CacheControl is { Public: true, MaxAge: { } age } cc && age == TimeSpan.FromSeconds(31_536_000)
        && cc.Extensions.Any(e => e.Name == "immutable");

    private static readonly Regex FingerprintedCss = new(@"^/assets/site\.[a-z0-9]{10}\.css$");
    private static readonly Regex FingerprintedJs = new(@"^/assets/site\.[a-z0-9]{10}\.js$");
    private static readonly Regex FingerprintedEmblem = new(@"^/assets/quoc-huy\.[a-z0-9]{10}\.svg$");

    [Fact]
    public async Task Theme_files_have_fingerprinted_addresses_kept_a_year_and_served_compressed_and_an_old_fingerprint_still_works()
    {
        await using var app = await TestApp.StartAsync(Databases.Sqlite);
        await app.CreatePortalAsync();
        await app.AddSiteAsync("so-a", "Trang thông tin điện tử Sở A");
        foreach (var home in new[] { "/", "/so-a/" })
        {
            var page = AdminClient.Html(await app.GetStringAsync(home));
            Assert.Matches(FingerprintedCss, page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href"));
            Assert.Matches(FingerprintedJs, page.QuerySelector("script[src^='/assets/site']")?.GetAttribute("src"));
            Assert.Matches(FingerprintedEmblem, page.QuerySelector("img.emblem")?.GetAttribute("src"));
        }
        var css = AdminClient.Html(await app.GetStringAsync("/")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var plain = await GetAsync(app.Http, css);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("text/css", plain.Content.Headers.ContentType?.MediaType);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True(Immutable(plain), $"{css}: Cache-Control {plain.Headers.CacheControl}");
        var text = await plain.Content.ReadAsByteArrayAsync();
        Assert.Contains(".site-header", System.Text.Encoding.UTF8.GetString(text));
        // The content security policy is on every answer, files included.
        Assert.True(plain.Headers.Contains("Content-Security-Policy"));

        foreach (var (accept, encoding) in new[] { ("gzip, deflate, br, zstd", "br"), ("gzip", "gzip") })
        {
            using var compressed = await GetAsync(app.Http, css, ("Accept-Encoding", accept));
            Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
            Assert.True(Immutable(compressed));
            Assert.Contains("Accept-Encoding", Vary(compressed));
            Assert.Equal(text, Decompress(await compressed.Content.ReadAsByteArrayAsync(), encoding));
        }

        using var notModified = await GetAsync(app.Http, css, ("If-None-Match", plain.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // A page kept from before a deployment names an older fingerprint: it still gets the stylesheet, to revalidate.
        using var old = await GetAsync(app.Http, "/assets/site.0123456789.css");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(text, await old.Content.ReadAsByteArrayAsync());
        Assert.False(Immutable(old));
        using var unknown = await GetAsync(app.Http, "/assets/khong-co.0123456789.css");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The editor's and the charts' packages from npm are fingerprinted and compressed like the theme.
        foreach (var lib in new[] { "/lib/quill/quill.js", "/lib/chart.js/chart.umd.min.js" })
        {
            using var file = await GetAsync(app.Http, lib, ("Accept-Encoding", "br"));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("br", Assert.Single(file.Content.Headers.ContentEncoding));
        }
    }

    [BrowserFact]
    public async Task Chromium_loads_the_fingerprinted_theme_compressed_under_the_content_security_policy()
    {
        await using var app = await TestApp.StartAsync(Databases.Sqlite);
        await app.CreatePortalAsync();
        var (playwright, browser) = await Browsers.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));");
            var response = await page.GotoAsync(app.BaseAddress.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Equal(200, response!.Status);

            Assert.Null(await page.EvaluateAsync<string[]?>("window.__csp || null"));
            // The stylesheet was loaded and applied, and nothing was blocked by the policy.
            Assert.True(await page.EvaluateAsync<bool>("[...document.styleSheets].some(s => s.href && /\\/assets\\/site\\.[a-z0-9]{10}\\.css$/.test(s.href) && s.cssRules.length > 0)"));
            // What the browser received for the theme was compressed (fewer bytes on the wire than it decoded).
            var compressed = await page.EvaluateAsync<string[]>(
                "performance.getEntriesByType('resource').filter(e => e.name.includes('/assets/site.') && e.encodedBodySize > 0 && e.encodedBodySize < e.decodedBodySize).map(e => e.name)");
            Assert.Contains(compressed, u => u.EndsWith(".css", StringComparison.Ordinal));
            Assert.Contains(compressed, u => u.EndsWith(".js", StringComparison.Ordinal));
        }
    }
}
