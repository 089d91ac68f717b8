using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Statistics;

/// <summary>The day's salt, read once per day per node (all nodes share it through the database).</summary>
public sealed class VisitSalts(IServiceScopeFactory scopes)
{
    private volatile Tuple<DateOnly, Task<byte[]>>? _current;

    public Task<byte[]> ForDayAsync(DateOnly day)
    {
        var c = _current;
        if (c is not null && c.Item1 == day && !c.Item2.IsFaulted) return c.Item2;
        var next = Tuple.Create(day, LoadAsync(day));
        _current = next;
        return next.Item2;
    }

    private async Task<byte[]> LoadAsync(DateOnly day)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await VisitStore.SaltAsync(scope.ServiceProvider.GetRequiredService<Data.AppDb>(), day, CancellationToken.None);
    }
}

/// <summary>
/// Counts a page view when a public page was served to a person: GET (not HEAD), 200 with HTML or 304, not the
/// administration, files, feeds or the API, not a prefetch or prerender, not a crawler or monitor. It decides on
/// the response, when its headers are sent, so a page served from the output cache (placed after this
/// middleware) is counted the same as a rendered one.
/// </summary>
public sealed class VisitCountingMiddleware(RequestDelegate next, VisitCounter counter)
{
    public Task InvokeAsync(HttpContext http, CurrentSite current)
    {
        // Decided when the headers go out, before the client can read the page: a page from the output cache is written
        // in one piece, and a count taken after next() returned could come after the visitor (or a test) moved on.
        if (current.Site is { } site && counter.Counts(http, out var userAgent))
            http.Response.OnStarting(() => counter.CountAsync(http, site, userAgent));
        return next(http);
    }
}

/// <summary>What <see cref="VisitCountingMiddleware"/> counts, for whatever serves a page (the hot copies answer in front of it).</summary>
public sealed class VisitCounter(VisitRecorder recorder, VisitRules rules, VisitSalts salts, SiteDirectory directory, TimeProvider clock,
    ILogger<VisitCounter> log)
{
    private static readonly string[] NotPages = ["/quan-tri", "/api", "/tep", "/assets", "/lib", "/loi", "/healthz"];

    /// <summary>Whether this request may be a view, from the request alone; <see cref="CountAsync"/> decides on the response.</summary>
    public bool Counts(HttpContext http, out string userAgent)
    {
        var request = http.Request;
        userAgent = request.Headers.UserAgent.ToString();
        return recorder.Enabled && HttpMethods.IsGet(request.Method) && IsPage(request.Path) && !IsPrefetch(request) && !rules.IsBot(userAgent);
    }

    /// <summary>Synchronous once the day's salt (and, for a page reached from a link, the site directory) is in memory:
    /// this runs for every page served, cached ones included, and must cost next to nothing.</summary>
    public Task CountAsync(HttpContext http, Site site, string userAgent)
    {
        var response = http.Response;
        // A 304 is a page the browser shows again from its own copy after asking: a view as well.
        if (response.StatusCode != StatusCodes.Status304NotModified
            && (response.StatusCode != StatusCodes.Status200OK || response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true))
            return Task.CompletedTask;
        try
        {
            var day = VnTime.Today(clock);
            var salt = salts.ForDayAsync(day);
            var referer = http.Request.Headers.Referer.ToString();
            var sites = referer.Length == 0 ? null : directory.GetAsync(http.RequestAborted);
            if (salt.IsCompletedSuccessfully && (sites is null || sites.IsCompletedSuccessfully))
            {
                Count(http, site, userAgent, day, salt.Result, referer, sites?.Result);
                return Task.CompletedTask;
            }
            return CountLaterAsync(http, site, userAgent, day, salt, referer, sites);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counting must never break a page that is being served.
            log.LogWarning(e, "Không đếm được lượt truy cập.");
            return Task.CompletedTask;
        }
    }

    private async Task CountLaterAsync(HttpContext http, Site site, string userAgent, DateOnly day, Task<byte[]> salt, string referer, Task<SiteDirectory.Snapshot>? sites)
    {
        try
        {
            Count(http, site, userAgent, day, await salt, referer, sites is null ? null : await sites);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Không đếm được lượt truy cập.");
        }
    }

    private void Count(HttpContext http, Site site, string userAgent, DateOnly day, byte[] salt, string referer, SiteDirectory.Snapshot? sites)
    {
        var request = http.Request;
        var ownHost = request.Host.Host;
        var source = rules.Referrer(referer,
            h => string.Equals(h, ownHost, StringComparison.OrdinalIgnoreCase) || sites?.ByHost.ContainsKey(h) == true);
        var visitor = ConnectionVisitor.For(http, site.Id, day, salt, userAgent);
        recorder.Record(new Hit(site.Id, day, PathOf(request.Path), source, visitor.Device, visitor.Hash));
    }

    /// <summary>
    /// The visitor last seen on this connection. A browser asks for many pages over one keep-alive connection, so its
    /// hash and device class are worked out once rather than per page. Behind a proxy one connection carries many
    /// visitors, hence the address and user agent are compared each time; over HTTP/2 requests of one connection run
    /// at once, so nothing is kept there.
    /// </summary>
    private sealed record ConnectionVisitor(int SiteId, DateOnly Day, byte[] Salt, System.Net.IPAddress? Address, string UserAgent, long Hash, string Device)
    {
        public static ConnectionVisitor For(HttpContext http, int siteId, DateOnly day, byte[] salt, string userAgent)
        {
            var address = http.Connection.RemoteIpAddress;
            var items = HttpProtocol.IsHttp11(http.Request.Protocol)
                ? http.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionItemsFeature>()?.Items
                : null;
            if (items?.TryGetValue(typeof(ConnectionVisitor), out var o) == true && o is ConnectionVisitor v
                && v.SiteId == siteId && v.Day == day && ReferenceEquals(v.Salt, salt) && Equals(v.Address, address)
                && string.Equals(v.UserAgent, userAgent, StringComparison.Ordinal))
                return v;
            v = new(siteId, day, salt, address, userAgent, VisitRecorder.VisitorHash(salt, siteId, address?.ToString(), userAgent), VisitRules.Device(userAgent));
            if (items is not null) items[typeof(ConnectionVisitor)] = v;
            return v;
        }
    }

    private static bool IsPage(PathString path)
    {
        foreach (var p in NotPages)
            if (path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) return false;
        // Feeds, sitemaps, robots.txt and files: pages have no extension.
        var last = path.Value is { } v ? v[(v.LastIndexOf('/') + 1)..] : "";
        return !last.Contains('.');
    }

    /// <summary>Speculative loads (link prefetch, Chrome's prerender) are not views; the view is counted if it is shown.</summary>
    private static bool IsPrefetch(HttpRequest r) =>
        r.Headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || r.Headers["Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || r.Headers["X-Purpose"].ToString().Contains("preview", StringComparison.OrdinalIgnoreCase)
        || r.Headers["X-Moz"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase);

    /// <summary>The site-relative path without a trailing slash, cut to the column's length.</summary>
    public static string PathOf(PathString path)
    {
        var p = path.Value is { Length: > 1 } v ? v.TrimEnd('/') : "/";
        if (p.Length == 0) p = "/";
        return p.Length > VisitRules.MaxPathLength ? p[..VisitRules.MaxPathLength] : p;
    }
}

/// <summary>Writes the counts every Statistics:FlushSeconds, once more on shutdown, and forgets past days' salts.</summary>
internal sealed class VisitFlushService(VisitRecorder recorder, IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<StatisticsOptions> options,
    TimeProvider clock, ILogger<VisitFlushService> log) : BackgroundService
{
    private DateOnly _purgedBefore;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Not cancelled by the shutdown: a write half done would only be rolled back and kept for StopAsync.
                await recorder.FlushAsync(CancellationToken.None);
                await PurgeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The web server stopped first (hosted services stop in reverse order): nothing more is counted after this.
        await recorder.FlushAsync(cancellationToken);
    }

    /// <summary>Once a day, a little after midnight (so the other nodes flushed yesterday's last views first).</summary>
    private async Task PurgeAsync(CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(VnTime.ToLocal(clock.GetUtcNow().UtcDateTime.AddMinutes(-10)));
        if (day <= _purgedBefore) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await VisitStore.PurgeBeforeAsync(scope.ServiceProvider.GetRequiredService<Data.AppDb>(), day, ct);
            _purgedBefore = day;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Không xóa được khóa ẩn danh của các ngày trước; sẽ thử lại.");
        }
    }
}
