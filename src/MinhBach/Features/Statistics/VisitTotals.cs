using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Statistics;

/// <summary>The public counter's figures (since the start, today), read at most once a minute per site per node and
/// topped up with this node's views not yet written, so the footer costs a page nothing.</summary>
public sealed class VisitTotals
{
    private readonly IServiceScopeFactory scopes;
    private readonly VisitRecorder recorder;
    private readonly IOptions<StatisticsOptions> options;
    private readonly TimeProvider clock;

    public VisitTotals(IServiceScopeFactory scopes, VisitRecorder recorder, IOptions<StatisticsOptions> options, TimeProvider clock, Scaling.ClusterSignals signals)
    {
        (this.scopes, this.recorder, this.options, this.clock) = (scopes, recorder, options, clock);
        // An operator's figure for the years before (site settings) changes "since the start" at once, on every node.
        signals.On(Scaling.Signals.Sites, _cache.Clear);
    }

    public sealed record Totals(long SinceStart, long Today);

    private sealed record Entry(DateTimeOffset ReadAt, DateOnly Day, Totals Totals);

    private readonly ConcurrentDictionary<int, Entry> _cache = new();

    public async Task<Totals> ForAsync(Site site, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var day = VnTime.Today(clock);
        if (!_cache.TryGetValue(site.Id, out var e) || e.Day != day || now - e.ReadAt > TimeSpan.FromSeconds(options.Value.CounterCacheSeconds))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.AppDb>();
            var sinceStart = await ActivityStatistics.SinceStartAsync(db, [site.Id], day, ct);
            var today = await db.VisitDays.IgnoreQueryFilters().AsNoTracking().Where(v => v.SiteId == site.Id && v.Day == day).SumAsync(v => v.Views, ct);
            e = new Entry(now, day, new Totals(sinceStart, today));
            _cache[site.Id] = e;
        }
        var pending = recorder.PendingViews(site.Id, day);
        return new Totals(e.Totals.SinceStart + pending, e.Totals.Today + pending);
    }
}
