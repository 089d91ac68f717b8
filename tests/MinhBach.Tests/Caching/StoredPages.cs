using MinhBach.Features.Caching;

namespace MinhBach.Tests.Caching;

/// <summary>
/// A client has a page's last byte before the output cache writes its entry, so a test that asks for the page again at
/// once, to see it served from the cache, first waits for the entry to be written.
/// </summary>
public static class StoredPages
{
    public static async Task AllStoredAsync(this PageCacheMetrics metrics)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (metrics.Stores < metrics.Misses)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{metrics.Misses} pages rendered for the cache, {metrics.Stores} stored after 10 s.");
            await Task.Delay(5);
        }
    }
}
