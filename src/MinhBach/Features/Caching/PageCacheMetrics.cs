using System.Diagnostics.Metrics;

namespace MinhBach.Features.Caching;

/// <summary>
/// Hits and misses of the page cache on the "MinhBach" meter (minhbach.output_cache.hits / .misses). A miss is a page
/// rendered to be stored, so the counts also show that concurrent first requests render a page once. Stores count the
/// pages written to the store: the client has the last byte of a page before its entry is written, so a request made at
/// once after a miss may find nothing yet (minhbach.output_cache.stores catching up with misses shows the cache keeps up).
/// </summary>
public sealed class PageCacheMetrics
{
    public const string MeterName = "MinhBach";
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _stale;
    private readonly Counter<long> _stores;
    private readonly Counter<long> _hotHits;
    private long _hitCount;
    private long _missCount;
    private long _staleCount;
    private long _storeCount;
    private long _hotHitCount;

    public PageCacheMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _hits = meter.CreateCounter<long>("minhbach.output_cache.hits", "{response}", "Pages served from the output cache");
        _misses = meter.CreateCounter<long>("minhbach.output_cache.misses", "{response}", "Cacheable pages rendered because the cache did not hold them");
        _stale = meter.CreateCounter<long>("minhbach.output_cache.stale", "{response}", "Pages served past their lifetime because the database was failing");
        _stores = meter.CreateCounter<long>("minhbach.output_cache.stores", "{response}", "Rendered pages written to the output cache's store");
        _hotHits = meter.CreateCounter<long>("minhbach.output_cache.hot_hits", "{response}", "Pages served from their hot copy in front of the output cache");
    }

    public long Hits => Interlocked.Read(ref _hitCount);
    public long Misses => Interlocked.Read(ref _missCount);
    public long Stale => Interlocked.Read(ref _staleCount);
    public long Stores => Interlocked.Read(ref _storeCount);
    public long HotHits => Interlocked.Read(ref _hotHitCount);

    public void Hit()
    {
        Interlocked.Increment(ref _hitCount);
        _hits.Add(1);
    }

    public void Miss()
    {
        Interlocked.Increment(ref _missCount);
        _misses.Add(1);
    }

    /// <summary>A hit served past the page's lifetime (counted as a hit too).</summary>
    public void StaleHit()
    {
        Interlocked.Increment(ref _staleCount);
        _stale.Add(1);
    }

    /// <summary>A hit answered from its hot copy (<see cref="HotCopies"/>; counted as a hit too).</summary>
    public void HotHit()
    {
        Interlocked.Increment(ref _hotHitCount);
        _hotHits.Add(1);
    }

    public void Stored()
    {
        Interlocked.Increment(ref _storeCount);
        _stores.Add(1);
    }
}
