using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Scaling;

namespace MinhBach.Features.Sites;

/// <summary>
/// All sites with their host names and menus (<see cref="SiteMenu"/>), held in memory and reloaded every few seconds, so a site added
/// by another process (the CLI, another node) is served without a restart. With Redis, a change made on
/// another node reaches this one at once through <see cref="ClusterSignals"/>.
/// </summary>
public sealed class SiteDirectory
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ClusterSignals signals;

    public SiteDirectory(IServiceScopeFactory scopes, TimeProvider clock, ClusterSignals signals)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.signals = signals;
        signals.On(Signals.Sites, Invalidate);
    }

    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(
        IReadOnlyList<Site> All,
        IReadOnlyDictionary<int, Site> ById,
        IReadOnlyDictionary<string, Site> BySlug,
        IReadOnlyDictionary<string, Site> ByHost,
        Site? Portal,
        DateTimeOffset LoadedAt)
    {
        private readonly ILookup<int, Site> _activeChildren =
            All.Where(s => s.ParentId is not null && s.Status == SiteStatus.Active).ToLookup(s => s.ParentId!.Value);

        /// <summary>A site's active component sites, in directory order (every public page's footer lists them).</summary>
        public IEnumerable<Site> ActiveChildrenOf(int siteId) => _activeChildren[siteId];

        /// <summary>
        /// The site a request is for: by host name first, then by the path's first segment (the site's prefix), else the
        /// portal (null when there is none yet).
        /// </summary>
        public SiteMatch Match(string host, string path)
        {
            if (ByHost.TryGetValue(host, out var byHost)) return new(byHost, true, 0);
            var end = path.IndexOf('/', 1);
            var first = end < 0 ? path[1..] : path[1..end];
            if (first.Length > 0 && BySlug.TryGetValue(first, out var bySlug) && bySlug.Slug.Length > 0)
                return new(bySlug, false, end < 0 ? -1 : end);
            return new(Portal, false, 0);
        }
    }

    /// <param name="PrefixLength">The length of the site's prefix at the start of the path ("/so-khcn"), 0 without one, or -1
    /// when the path is the bare prefix, which is redirected to the prefix with a slash.</param>
    public readonly record struct SiteMatch(Site? Site, bool ByHost, int PrefixLength)
    {
        /// <summary>Moves the site's prefix from the path into PathBase, as the site spells it ("/SO-KHCN/..." is the same
        /// site, and its links use "/so-khcn"), so pages, links and counted views stay site-relative.</summary>
        public void MovePrefix(HttpRequest request, string path)
        {
            if (PrefixLength <= 0 || Site is null) return;
            request.PathBase = request.PathBase.Add("/" + Site.Slug);
            request.Path = path[PrefixLength..];
        }
    }

    /// <summary>Moves on each Invalidate: a reload that began before it must not store what it read.</summary>
    private int _generation;

    /// <summary>The last snapshot read, even if invalidated since: what sites are served from while the database is away.</summary>
    private Snapshot? _lastLoaded;

    /// <summary>Forgets the snapshot on this node only.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    /// <summary>A site was added or changed, or its menu: forgets the snapshot here and on every other node.</summary>
    public Task ChangedAsync() => signals.SendAsync(Signals.Sites);

    /// <summary>The snapshot while it is young enough to serve from, without starting a reload; else null.</summary>
    public Snapshot? Fresh => _snapshot is { } snap && clock.GetUtcNow() - snap.LoadedAt < MaxAge ? snap : null;

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        if (Fresh is { } snap) return snap;
        await _reload.WaitAsync(ct);
        try
        {
            // Another caller reloaded it while this one waited.
            if (Fresh is { } reloaded) return reloaded;
            var generation = Volatile.Read(ref _generation);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            List<Site> sites;
            try
            {
                sites = await db.Sites.AsNoTracking().Include(s => s.Hosts).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
                var categories = (await db.Categories.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).ThenBy(c => c.Id)
                    .ToListAsync(ct)).ToLookup(c => c.SiteId);
                var links = (await db.SiteLinks.IgnoreQueryFilters().AsNoTracking().OrderBy(l => l.Order).ThenBy(l => l.Id).ToListAsync(ct)).ToLookup(l => l.SiteId);
                foreach (var s in sites) s.Menu = new SiteMenu([.. categories[s.Id]], [.. links[s.Id]]);
            }
            catch (Exception e) when (_lastLoaded is not null && Errors.StatusModel.IsDatabaseFailure(e))
            {
                // The database is away: keep resolving sites from what was read last, so every page (the error page
                // saying so, pages from a cache) still belongs to its site; the next call tries the database again.
                return _lastLoaded;
            }
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
            _lastLoaded = snap;
            return snap;
        }
        finally
        {
            _reload.Release();
        }
    }
}
