using MinhBach.Features.Caching;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Caching;

/// <summary>
/// A client has a page's last byte before the output cache writes its entry, so a test that asks for the page again at
/// once, to see it served from the cache, first waits for the entry to be written.
/// </summary>
public static class StoredPages
{
    public static Task AllStoredAsync(this PageCacheMetrics metrics) =>
        Eventually.WaitAsync(() => Task.FromResult((metrics.Misses, metrics.Stores)), m => m.Stores >= m.Misses,
            TimeSpan.FromSeconds(10), "every page rendered for the cache stored");
}
