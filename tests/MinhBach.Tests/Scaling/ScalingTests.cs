using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MinhBach.Features.Content;
using MinhBach.Features.Scaling;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Statistics;

namespace MinhBach.Tests.Scaling;

/// <summary>Scale-out mode inside one test process: two hosts on one database and one Redis (real redis-server).</summary>
public sealed class ScalingTests
{
    [ScaleOutFact]
    public async Task Nodes_sharing_Redis_share_the_output_cache_store_and_hear_each_others_site_changes_at_once()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration };
        await using var a = await TestApp.StartAsync(Databases.Postgres, settings);
        await using var b = await a.StartNodeAsync();
        var portal = await a.CreatePortalAsync();

        // A page stored by node A is read by node B; evicting its tag on node A (a publish) removes it for node B too.
        var storeA = a.Services.GetRequiredService<IOutputCacheStore>();
        var storeB = b.Services.GetRequiredService<IOutputCacheStore>();
        Assert.NotSame(storeA, storeB);
        var page = Encoding.UTF8.GetBytes("<h1>Trang chủ</h1>");
        await storeA.SetAsync("trang-chu", page, ["site:1"], TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(page, await storeB.GetAsync("trang-chu", CancellationToken.None));
        await storeA.EvictByTagAsync("site:1", CancellationToken.None);
        Assert.Null(await storeB.GetAsync("trang-chu", CancellationToken.None));

        // Node B has the portal in its 5-second snapshot (the helper wrote it straight to the database); node A renames it
        // through the registry.
        var directoryB = b.Services.GetRequiredService<SiteDirectory>();
        directoryB.Invalidate();
        Assert.Equal(portal.Name, (await directoryB.GetAsync()).Portal?.Name);
        await using (var scope = a.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SiteRegistry>().UpdateAsync(portal.Slug, new SiteSettings { Name = "Cổng thông tin tỉnh Đông Minh (mới)" });
        await Eventually.WaitAsync(async () => (await directoryB.GetAsync()).Portal?.Name, n => n == "Cổng thông tin tỉnh Đông Minh (mới)",
            TimeSpan.FromSeconds(1), "node B's site directory after node A renamed the portal");

        // A link added on node A is in the footer of the home page node B serves, cached or not: node B reads the menus
        // again at once, and a page it kept with the old menu is not what it serves.
        Assert.DoesNotContain("Công báo tỉnh Đông Minh", await b.Http.GetStringAsync("/"));
        await a.WithDbAsync(db =>
        {
            db.SiteLinks.Add(new SiteLink { SiteId = portal.Id, Kind = LinkKind.Other, Title = "Công báo tỉnh Đông Minh", Url = "https://congbao.dongminh.gov.vn" });
            return db.SaveChangesAsync();
        });
        await Eventually.WaitAsync(() => b.Http.GetStringAsync("/"), p => p.Contains("Công báo tỉnh Đông Minh", StringComparison.Ordinal),
            TimeSpan.FromSeconds(1), "node B's home page after node A added a link");
    }

    [ScaleOutFact]
    public async Task A_node_does_not_start_without_the_Redis_it_is_configured_with()
    {
        var e = await Assert.ThrowsAsync<RedisUnavailableException>(() => TestApp.StartAsync(Databases.Postgres,
            new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{Engines.FreePort()},connectTimeout=500" }));
        Assert.Contains("Không kết nối được Redis", e.Message);
    }

    [Theory]
    [InlineData("Redis:Configuration", ",,,", "Redis:Configuration không đúng cú pháp")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "nginx", "ForwardedHeaders:KnownProxies chỉ gồm địa chỉ IP")]
    public async Task Bad_scaling_settings_are_refused_at_start_in_Vietnamese(string key, string value, string message)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, e.Message);
    }

    /// <summary>Behind nginx every request comes from the proxy's address: the visitor's is in X-Forwarded-For, believed
    /// only from a proxy named in ForwardedHeaders:KnownProxies (anyone can send the header).</summary>
    [Theory]
    [InlineData("127.0.0.1", 2)]
    [InlineData("10.0.0.2", 1)]
    [InlineData(null, 1)]
    public async Task Visitors_are_told_apart_by_the_forwarded_address_only_from_a_known_proxy(string? proxy, int visitors)
    {
        await using var w = await VisitWorld.StartAsync(Databases.Sqlite,
            proxy is null ? null : new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = proxy });
        foreach (var address in new[] { "203.0.113.7", "203.0.113.8", "203.0.113.7" })
            Assert.Equal(200, await w.VisitAsync("/", VisitWorld.Desktop, null, null, ("X-Forwarded-For", address), ("X-Forwarded-Proto", "https")));
        await w.FlushAsync();
        var day = await w.DayAsync(w.Portal);
        Assert.Equal((3L, (long)visitors), (day?.Views ?? 0, day?.Visitors ?? 0));
    }
}
