using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Public;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Statistics;

/// <summary>Counting through the real HTTP pipeline: what is a view, by whom, from where, on which device.</summary>
public sealed class VisitCountingTests
{
    [DatabaseTheory]
    public async Task Public_pages_are_counted_per_site_page_source_and_device(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);

        Assert.Equal(200, await w.VisitAsync("/"));
        Assert.Equal(200, await w.VisitAsync(w.ArticlePath, VisitWorld.Phone, "https://www.google.com.vn/search?q=hoi+cho"));
        Assert.Equal(200, await w.VisitAsync("/", VisitWorld.Desktop, w.App.BaseAddress + "tin-tuc"));
        Assert.Equal(200, await w.VisitAsync("/so-a/", VisitWorld.Tablet, "https://m.facebook.com/"));
        Assert.Equal(200, await w.VisitAsync("/so-a/tin-tuc", VisitWorld.Desktop, "https://dichvucong.gov.vn/p/home"));
        Assert.Equal(5, await w.FlushAsync());

        var portal = await w.DayAsync(w.Portal);
        Assert.Equal(3, portal?.Views);
        Assert.Equal(2, portal?.Visitors);
        Assert.Equal(new Dictionary<string, long> { ["/"] = 2, [w.ArticlePath] = 1 }, await w.PagesAsync(w.Portal));
        Assert.Equal(new Dictionary<string, long> { ["direct/desktop"] = 1, ["search/mobile"] = 1, ["internal/desktop"] = 1 }, await w.SourcesAsync(w.Portal));
        Assert.Equal(2, (await w.DayAsync(w.SoA))?.Views);
        Assert.Equal(new Dictionary<string, long> { ["/"] = 1, ["/tin-tuc"] = 1 }, await w.PagesAsync(w.SoA));
        Assert.Equal(new Dictionary<string, long> { ["social/tablet"] = 1, ["government/desktop"] = 1 }, await w.SourcesAsync(w.SoA));
    }

    [DatabaseTheory]
    public async Task Head_requests_bots_prefetches_and_what_is_not_a_page_are_not_counted(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);

        Assert.Equal(200, await w.VisitAsync("/", method: HttpMethod.Head));
        Assert.Equal(200, await w.VisitAsync("/", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        Assert.Equal(200, await w.VisitAsync("/", "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)"));
        Assert.Equal(200, await w.VisitAsync("/", "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"));
        Assert.Equal(200, await w.VisitAsync("/", "curl/8.5.0"));
        Assert.Equal(200, await w.VisitAsync("/", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"));
        Assert.Equal(200, await w.VisitAsync("/", userAgent: null));
        Assert.Equal(200, await w.VisitAsync("/", userAgent: ""));
        Assert.Equal(200, await w.VisitAsync("/", headers: ("Sec-Purpose", "prefetch;prerender")));
        Assert.Equal(200, await w.VisitAsync("/", headers: ("Sec-Purpose", "prefetch")));
        Assert.Equal(200, await w.VisitAsync("/", headers: ("Purpose", "prefetch")));
        Assert.Equal(200, await w.VisitAsync("/quan-tri/dang-nhap"));
        Assert.Equal(200, await w.VisitAsync("/so-a/quan-tri/dang-nhap"));
        Assert.Equal(200, await w.VisitAsync("/api/search?q=hoi+cho"));
        Assert.Equal(200, await w.VisitAsync(ContentUrls.AllNewsFeed));
        Assert.Equal(200, await w.VisitAsync("/sitemap.xml"));
        Assert.Equal(200, await w.VisitAsync("/robots.txt"));
        Assert.Equal(200, await w.VisitAsync("/assets/site.css"));
        Assert.Equal(404, await w.VisitAsync("/tin-tuc/tin-tuc-su-kien/khong-co-bai-nay"));
        Assert.Equal(404, await w.VisitAsync("/so-a/khong-co-trang-nay"));
        Assert.Equal(0, await w.FlushAsync());
        Assert.Null(await w.DayAsync(w.Portal));

        // The same page, asked by a person, is counted: the cases above were refused for what they were.
        Assert.Equal(200, await w.VisitAsync("/"));
        Assert.Equal(1, await w.FlushAsync());
        Assert.Equal(1, (await w.DayAsync(w.Portal))?.Views);
    }

    [DatabaseTheory]
    public async Task A_visitor_counts_once_a_day_across_flushes_and_no_address_is_stored(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);

        for (var i = 0; i < 3; i++) await w.VisitAsync("/");
        await w.FlushAsync();
        await w.VisitAsync("/tin-tuc");
        await w.VisitAsync("/", VisitWorld.Phone);
        await w.FlushAsync();

        var day = await w.DayAsync(w.Portal);
        Assert.Equal(5, day?.Views);
        Assert.Equal(2, day?.Visitors);
        // Only salted hashes of today, and the salt of today: nothing that holds an address or a user agent.
        var (marks, salts) = await w.App.WithDbAsync(async db => (
            await db.VisitorMarks.IgnoreQueryFilters().AsNoTracking().ToListAsync(),
            await db.VisitSalts.AsNoTracking().ToListAsync()));
        Assert.Equal(2, marks.Count);
        Assert.All(marks, m => Assert.Equal(w.Today, m.Day));
        Assert.Equal(w.Today, Assert.Single(salts).Day);
        Assert.Equal(32, salts[0].Salt.Length);
    }

    [DatabaseTheory]
    public async Task Ten_thousand_requests_from_concurrent_clients_add_up_exactly(string provider)
    {
        // Flushes every second, so writes run while requests are being counted.
        await using var w = await VisitWorld.StartAsync(provider, new Dictionary<string, string?> { ["Statistics:FlushSeconds"] = "1" });
        string[] paths = ["/", "/tin-tuc", "/lien-he", w.ArticlePath];
        const int clients = 16, perClient = 625;
        await Parallel.ForAsync(0, clients, async (c, ct) =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = w.App.BaseAddress };
            for (var i = 0; i < perClient; i++)
            {
                var status = await VisitWorld.SendAsync(http, paths[(c + i) % paths.Length], $"{VisitWorld.Desktop} client/{c}");
                Assert.Equal(200, status);
            }
        });
        await w.FlushAsync();

        var day = await w.DayAsync(w.Portal);
        Assert.Equal(clients * perClient, day?.Views);
        Assert.Equal(clients, day?.Visitors);
        var pages = await w.PagesAsync(w.Portal);
        Assert.Equal(paths.ToDictionary(p => p, _ => (long)(clients * perClient / paths.Length)), pages);
        Assert.Equal(clients * perClient, (await w.SourcesAsync(w.Portal))["direct/desktop"]);
    }

    [DatabaseTheory]
    public async Task Two_nodes_on_one_database_add_up(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        await using var node2 = await w.App.StartNodeAsync();
        using var http2 = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node2.BaseAddress };

        // The same ten people reach both nodes (a load balancer without stickiness): ten visitors, not twenty.
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(200, await w.VisitAsync(i % 2 == 0 ? "/" : "/so-a/", $"{VisitWorld.Desktop} person/{i % 10}"));
            Assert.Equal(200, await VisitWorld.SendAsync(http2, i % 2 == 0 ? "/" : "/so-a/", $"{VisitWorld.Desktop} person/{i % 10}"));
        }
        await Task.WhenAll(w.FlushAsync(), VisitWorld.FlushAsync(node2));

        var portal = await w.DayAsync(w.Portal);
        var soA = await w.DayAsync(w.SoA);
        Assert.Equal(150, portal?.Views);
        Assert.Equal(150, soA?.Views);
        Assert.Equal(5, portal?.Visitors);
        Assert.Equal(5, soA?.Visitors);
    }

    [DatabaseTheory]
    public async Task Views_still_in_memory_are_written_when_the_node_stops(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider);
        await using var node2 = await w.App.StartNodeAsync();
        using var http2 = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node2.BaseAddress };
        for (var i = 0; i < 7; i++) Assert.Equal(200, await VisitWorld.SendAsync(http2, "/"));

        await node2.StopAsync();

        Assert.Equal(7, (await w.DayAsync(w.Portal))?.Views);
    }

    [DatabaseTheory]
    public async Task The_footer_counter_adds_the_operators_figure_and_today(string provider)
    {
        await using var w = await VisitWorld.StartAsync(provider, new Dictionary<string, string?> { ["Statistics:CounterCacheSeconds"] = "0" });
        await w.App.WithDbAsync(async db =>
        {
            var portal = await db.Sites.SingleAsync(s => s.Id == w.Portal.Id);
            portal.ShowVisitCounter = true;
            portal.VisitsBefore = 1_715_000;
            portal.VisitsBeforeDate = w.Today.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        w.App.Services.GetRequiredService<MinhBach.Features.Sites.SiteDirectory>().Invalidate();
        for (var i = 0; i < 3; i++) await w.VisitAsync("/");
        await w.FlushAsync();

        var html = await w.App.GetStringAsync("/");
        Assert.Contains("Lượt truy cập: <strong>1.715.003</strong> · Hôm nay: <strong>3</strong>", html);
        // A site that did not switch it on shows no counter.
        Assert.DoesNotContain("Lượt truy cập:", await w.App.GetStringAsync("/so-a/"));
    }
}
