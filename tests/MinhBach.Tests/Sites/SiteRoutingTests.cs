using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Sites;

/// <summary>Which site answers a request: by host name first, then by path prefix, else the portal.
/// Real HTTP against the real host; the feeds and sitemaps name the site that served them.</summary>
public sealed class SiteRoutingTests
{
    private const string PortalName = "Cổng thông tin điện tử tỉnh Đông Minh";
    private const string SoAName = "Trang thông tin điện tử Sở Khoa học và Công nghệ";
    private const string SoAHost = "soa.tinh.gov.vn";

    [DatabaseTheory]
    public async Task A_path_prefix_is_served_by_its_site(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var portal = await app.CreatePortalAsync(PortalName);
        var soA = await app.AddSiteAsync("so-a", SoAName);
        await app.AddArticleAsync(portal, await app.AddCategoryAsync(portal, "tin-tinh", "Tin của tỉnh"), "Khai mạc kỳ họp Hội đồng nhân dân tỉnh");
        await app.AddArticleAsync(soA, await app.AddCategoryAsync(soA, "tin-hoat-dong", "Tin hoạt động"), "Hội thảo chuyển đổi số");

        var rss = XDocument.Parse(await app.GetStringAsync("/so-a/rss/tin-moi.xml"));
        Assert.Equal($"{SoAName} - Tin mới", rss.Root!.Element("channel")!.Element("title")!.Value);
        var items = rss.Descendants("item").Select(i => i.Element("title")!.Value).ToList();
        Assert.Equal(["Hội thảo chuyển đổi số"], items);
        Assert.StartsWith($"{app.BaseAddress}so-a/tin-tuc/tin-hoat-dong/", rss.Descendants("item").Single().Element("link")!.Value);

        var robots = await app.GetStringAsync("/so-a/robots.txt");
        Assert.Contains($"Sitemap: {app.BaseAddress}so-a/sitemap.xml\n", robots);

        var sitemap = XDocument.Parse(await app.GetStringAsync("/so-a/sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = sitemap.Descendants(sm + "loc").Select(l => l.Value).ToList();
        Assert.Contains($"{app.BaseAddress}so-a/", locs);
        Assert.All(locs, l => Assert.StartsWith($"{app.BaseAddress}so-a/", l));
    }

    [DatabaseTheory]
    public async Task Home_pages_are_rendered_for_the_site_of_the_address(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        await app.AddSiteAsync("so-a", SoAName, host: SoAHost);

        Assert.Equal(SoAName, (await HtmlAsync(app, "/so-a/")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(SoAName, (await HtmlAsync(app, "/", SoAHost)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(PortalName, (await HtmlAsync(app, "/")).QuerySelector("h1")!.TextContent.Trim());
    }

    private static async Task<AngleSharp.Dom.IDocument> HtmlAsync(TestApp app, string path, string? host = null)
    {
        var html = await app.GetStringAsync(path, host);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
    }

    [DatabaseTheory]
    public async Task The_portal_robots_file_lists_the_sitemaps_of_prefixed_sites(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        await app.AddSiteAsync("so-a", SoAName);

        var robots = await app.GetStringAsync("/robots.txt");

        Assert.Contains($"Sitemap: {app.BaseAddress}sitemap.xml\n", robots);
        Assert.Contains($"Sitemap: {app.BaseAddress}so-a/sitemap.xml\n", robots);
    }

    [DatabaseTheory]
    public async Task A_host_name_is_served_by_its_site(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        await app.AddSiteAsync("so-a", SoAName, host: SoAHost);

        var rss = XDocument.Parse(await app.GetStringAsync("/rss/tin-moi.xml", host: SoAHost));
        Assert.Equal($"{SoAName} - Tin mới", rss.Root!.Element("channel")!.Element("title")!.Value);

        // Host names are matched without regard to case, and the site's addresses use its host.
        var robots = await app.GetStringAsync("/robots.txt", host: "SoA.Tinh.Gov.VN");
        Assert.Contains("Sitemap: http://soa.tinh.gov.vn/sitemap.xml", robots, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/so-a/", robots);

        var sitemap = await app.GetStringAsync("/sitemap.xml", host: SoAHost);
        Assert.Contains($"<loc>http://{SoAHost}/</loc>", sitemap);
    }

    [DatabaseTheory]
    public async Task An_unknown_first_segment_falls_back_to_the_portal(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        await app.AddSiteAsync("so-a", SoAName, host: SoAHost);

        var rss = XDocument.Parse(await app.GetStringAsync("/rss/tin-moi.xml"));
        Assert.Equal($"{PortalName} - Tin mới", rss.Root!.Element("channel")!.Element("title")!.Value);

        // An address that is neither a site prefix nor a page is the portal's own 404.
        using var missing = await app.GetAsync("/khong-co-trang-nay/rss/tin-moi.xml");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("/", missing.Headers.GetValues(TestApp.SiteHeader).Single());
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync());
        Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")?.TextContent.Trim());

        // An unknown host name is the portal too.
        var other = XDocument.Parse(await app.GetStringAsync("/rss/tin-moi.xml", host: "khac.tinh.gov.vn"));
        Assert.Equal($"{PortalName} - Tin mới", other.Root!.Element("channel")!.Element("title")!.Value);
    }

    [DatabaseTheory]
    public async Task Nothing_is_served_before_a_portal_exists(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var response = await app.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [DatabaseTheory]
    public async Task A_prefix_without_its_trailing_slash_redirects_permanently(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        await app.AddSiteAsync("so-a", SoAName);

        using var plain = await app.GetAsync("/so-a");
        Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
        Assert.Equal("/so-a/", plain.Headers.Location!.OriginalString);

        using var withQuery = await app.GetAsync("/so-a?trang=2");
        Assert.Equal(HttpStatusCode.MovedPermanently, withQuery.StatusCode);
        Assert.Equal("/so-a/?trang=2", withQuery.Headers.Location!.OriginalString);
    }

    [DatabaseTheory]
    public async Task A_merged_site_redirects_permanently_to_its_successor_keeping_the_rest_of_the_path(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        var soA = await app.AddSiteAsync("so-a", SoAName, host: SoAHost);
        var old = await app.AddSiteAsync("so-cu", "Trang thông tin điện tử Sở cũ", host: "socu.tinh.gov.vn");
        await app.MergeSiteAsync(old, into: soA);

        using var byPrefix = await app.GetAsync("/so-cu/tin-tuc/tin-hoat-dong/hoi-thao?trang=2");
        Assert.Equal(HttpStatusCode.MovedPermanently, byPrefix.StatusCode);
        Assert.Equal("/so-a/tin-tuc/tin-hoat-dong/hoi-thao?trang=2", byPrefix.Headers.Location!.OriginalString);

        using var byHost = await app.GetAsync("/rss/tin-moi.xml", host: "socu.tinh.gov.vn");
        Assert.Equal(HttpStatusCode.MovedPermanently, byHost.StatusCode);
        Assert.Equal($"http://{SoAHost}/rss/tin-moi.xml", byHost.Headers.Location!.OriginalString);

    }

    [DatabaseTheory]
    public async Task A_site_added_through_the_registry_is_served_without_a_restart(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        // The directory of sites is loaded and cached before the new site exists.
        using (var before = await app.GetAsync("/so-moi/rss/tin-moi.xml"))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<SiteRegistry>();
            await registry.AddAsync(new SiteRegistry.NewSite("so-moi", "Trang thông tin điện tử Sở Mới", null, "department", null, ["somoi.tinh.gov.vn"]));
        }

        await Eventually.WaitAsync(async () => { using var r = await app.GetAsync("/so-moi/rss/tin-moi.xml"); return r.StatusCode; },
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "the new site answers at /so-moi/");
        var rss = XDocument.Parse(await app.GetStringAsync("/rss/tin-moi.xml", host: "somoi.tinh.gov.vn"));
        Assert.Equal("Trang thông tin điện tử Sở Mới - Tin mới", rss.Root!.Element("channel")!.Element("title")!.Value);
    }

    [DatabaseTheory]
    public async Task Health_is_reported_at_healthz(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        await app.AddSiteAsync("so-a", SoAName, host: SoAHost);

        Assert.Equal("Healthy", await app.GetStringAsync("/healthz"));
        Assert.Equal("Healthy", await app.GetStringAsync("/healthz", host: SoAHost));
    }

    [DatabaseTheory]
    public async Task Health_fails_when_the_database_cannot_be_reached(string provider)
    {
        await using var app = await TestApp.StartWithUnreachableDatabaseAsync(provider);
        app.ExpectServerErrors();

        using var response = await app.GetAsync("/healthz");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
