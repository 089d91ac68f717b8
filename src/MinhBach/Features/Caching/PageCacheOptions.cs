namespace MinhBach.Features.Caching;

public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    /// <summary>Keep rendered public pages in the output cache (off: every page is rendered, e.g. to measure it).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How long a page is kept when nothing evicts it first: the bound on staleness for changes made by
    /// another process (a CLI verb on a node without a shared cache store) and for the public visit counter.</summary>
    public int Seconds { get; set; } = 300;
    /// <summary>Search results read every site's rows and are not evicted by tags: kept only briefly.</summary>
    public int SearchSeconds { get; set; } = 30;
    /// <summary>How long a page is kept after its lifetime ended, served only while the database is failing (stale-if-error),
    /// so visitors still read what was cached during an outage. 0: a page leaves the cache when its lifetime ends.</summary>
    public int StaleSeconds { get; set; } = 86_400;
    /// <summary>How long a page the output cache answered is also kept as the bytes that went out, served in front of the
    /// output cache (<see cref="HotCopies"/>): for a page read many times a second. Every eviction clears these copies on
    /// every node. 0: off.</summary>
    public int HotCopySeconds { get; set; } = 2;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Seconds is < 1 or > 86_400) p.Add("PageCache:Seconds phải từ 1 đến 86.400.");
        if (SearchSeconds is < 1 or > 3600) p.Add("PageCache:SearchSeconds phải từ 1 đến 3600.");
        if (StaleSeconds is < 0 or > 604_800) p.Add("PageCache:StaleSeconds phải từ 0 đến 604.800 (7 ngày).");
        if (HotCopySeconds is < 0 or > 60) p.Add("PageCache:HotCopySeconds phải từ 0 đến 60.");
        return p;
    }
}
