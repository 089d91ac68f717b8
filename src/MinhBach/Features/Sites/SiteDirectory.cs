using Microsoft.EntityFrameworkCore;
using MinhBach.Data;

namespace MinhBach.Features.Sites;

/// <summary>
/// All sites with their host names, held in memory and reloaded every few seconds, so a site added
/// by another process (the CLI, another node) is served without a restart.
/// </summary>
public sealed class SiteDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(
        IReadOnlyList<Site> All,
        IReadOnlyDictionary<int, Site> ById,
        IReadOnlyDictionary<string, Site> BySlug,
        IReadOnlyDictionary<string, Site> ByHost,
        Site? Portal,
        DateTimeOffset LoadedAt);

    /// <summary>Moves on each Invalidate: a reload that began before it must not store what it read.</summary>
    private int _generation;

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var snap = _snapshot;
        if (snap is not null && clock.GetUtcNow() - snap.LoadedAt < MaxAge) return snap;
        await _reload.WaitAsync(ct);
        try
        {
            snap = _snapshot;
            if (snap is not null && clock.GetUtcNow() - snap.LoadedAt < MaxAge) return snap;
            var generation = Volatile.Read(ref _generation);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var sites = await db.Sites.AsNoTracking().Include(s => s.Hosts).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
            var byId = sites.ToDictionary(s => s.Id);
            foreach (var s in sites)
                s.Parent = s.ParentId is int p && byId.TryGetValue(p, out var parent) ? parent : null;
            snap = new Snapshot(
                sites,
                byId,
                sites.ToDictionary(s => s.Slug, StringComparer.OrdinalIgnoreCase),
                sites.SelectMany(s => s.Hosts.Select(h => (h.Host, Site: s))).ToDictionary(x => x.Host, x => x.Site, StringComparer.OrdinalIgnoreCase),
                sites.FirstOrDefault(s => s.ParentId is null && s.Slug == ""),
                clock.GetUtcNow());
            // A site added or changed while this reload read (Invalidate called meanwhile) is not in it: not kept, so
            // the next caller reads again instead of missing that site for the snapshot's lifetime.
            if (generation == Volatile.Read(ref _generation)) _snapshot = snap;
            return snap;
        }
        finally
        {
            _reload.Release();
        }
    }
}
