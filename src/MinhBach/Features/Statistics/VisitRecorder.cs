using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MinhBach.Features.Statistics;

/// <summary>One counted page view: which site, day (Viet Nam time), page, source and device, and the visitor's
/// salted hash (never the address itself).</summary>
public readonly record struct Hit(int SiteId, DateOnly Day, string Path, string Referrer, string Device, long Visitor);

/// <summary>
/// Counts in memory and writes them in batches (<see cref="FlushAsync"/>, every few seconds by
/// <see cref="VisitFlushService"/> and on shutdown), so a page never waits for a counter write. Each flush adds
/// its counts to the rows with upserts, so any number of nodes add up.
/// </summary>
public sealed class VisitRecorder(IServiceScopeFactory scopes, IOptions<StatisticsOptions> options, ILogger<VisitRecorder> log)
{
    private readonly Lock _gate = new();
    private VisitBatch _batch = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Counting on this node; the bench turns it off and on between rounds.</summary>
    public bool Enabled { get; set; } = options.Value.CountVisits;

    public void Record(in Hit hit)
    {
        lock (_gate) _batch.Add(hit);
    }

    /// <summary>Views recorded on this node and not yet written, for one site and day.</summary>
    public long PendingViews(int siteId, DateOnly day)
    {
        lock (_gate) return _batch.Views.GetValueOrDefault((siteId, day));
    }

    /// <summary>Views recorded on this node and not yet written, all sites and days (a metric).</summary>
    public long PendingTotal
    {
        get { lock (_gate) return _batch.TotalViews; }
    }

    /// <summary>Writes what was counted so far; returns the number of views written. On failure the counts are kept
    /// for the next flush (up to Statistics:MaxPendingKeys).</summary>
    public async Task<long> FlushAsync(CancellationToken ct = default)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            VisitBatch batch;
            lock (_gate)
            {
                if (_batch.IsEmpty) return 0;
                batch = _batch;
                _batch = new VisitBatch();
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await VisitStore.WriteAsync(scope.ServiceProvider.GetRequiredService<Data.AppDb>(), batch, ct);
                return batch.TotalViews;
            }
            catch (Exception e)
            {
                // Nothing of the batch was written (one transaction): keep it for the next flush.
                lock (_gate)
                {
                    if (batch.Keys + _batch.Keys > options.Value.MaxPendingKeys)
                        log.LogError(e, "Không ghi được số liệu truy cập ({Views} lượt) và bộ nhớ tạm đã đầy: bỏ lô này.", batch.TotalViews);
                    else
                    {
                        log.LogWarning(e, "Không ghi được số liệu truy cập ({Views} lượt); sẽ ghi lại ở lần sau.", batch.TotalViews);
                        batch.Merge(_batch);
                        _batch = batch;
                    }
                }
                if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
                return 0;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>The visitor's hash for one site and day: HMAC-SHA256 keyed by the day's salt over site, address and
    /// user agent, cut to 64 bits. Without the salt (deleted after the day) nobody can test an address against it.</summary>
    public static long VisitorHash(byte[] salt, int siteId, string? address, string userAgent)
    {
        var text = string.Concat(siteId.ToString(System.Globalization.CultureInfo.InvariantCulture), "\n", address ?? "", "\n", userAgent);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(text), mac);
        return BitConverter.ToInt64(mac[..8]);
    }
}

/// <summary>Counts gathered between two flushes, aggregated by the key of each table.</summary>
internal sealed class VisitBatch
{
    public Dictionary<(int Site, DateOnly Day), long> Views { get; } = [];
    public Dictionary<(int Site, DateOnly Day, string Path), long> Pages { get; } = [];
    public Dictionary<(int Site, DateOnly Day, string Referrer, string Device), long> Sources { get; } = [];
    public HashSet<(int Site, DateOnly Day, long Hash)> Visitors { get; } = [];
    /// <summary>Visitors already counted elsewhere (history loaded by the demo), added as they are.</summary>
    public Dictionary<(int Site, DateOnly Day), long> VisitorCounts { get; } = [];

    public bool IsEmpty => Views.Count == 0;
    public long TotalViews => Views.Values.Sum();
    public int Keys => Views.Count + Pages.Count + Sources.Count + Visitors.Count;

    public void Add(in Hit h)
    {
        Bump(Views, (h.SiteId, h.Day), 1);
        Bump(Pages, (h.SiteId, h.Day, h.Path), 1);
        Bump(Sources, (h.SiteId, h.Day, h.Referrer, h.Device), 1);
        Visitors.Add((h.SiteId, h.Day, h.Visitor));
    }

    public void Merge(VisitBatch other)
    {
        foreach (var (k, v) in other.Views) Bump(Views, k, v);
        foreach (var (k, v) in other.Pages) Bump(Pages, k, v);
        foreach (var (k, v) in other.Sources) Bump(Sources, k, v);
        foreach (var (k, v) in other.VisitorCounts) Bump(VisitorCounts, k, v);
        Visitors.UnionWith(other.Visitors);
    }

    private static void Bump<TKey>(Dictionary<TKey, long> d, TKey key, long by) where TKey : notnull =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(d, key, out _) += by;
}
