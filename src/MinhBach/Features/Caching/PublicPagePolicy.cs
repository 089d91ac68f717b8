using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Caching;

/// <summary>
/// Which responses the output cache keeps: anonymous GET/HEAD of a site's public pages, feeds and sitemaps, varied by
/// host, path base (the site prefix) and the whole query. Never for a signed-in person, the administration, the APIs,
/// files or error pages, and never a response that sets a cookie or says no-store: a page that rendered an anti-forgery
/// token (a form) is marked no-store by ASP.NET Core itself, so forms are never served to someone else.
/// Stale-if-error is <see cref="StaleCopyStore"/>'s and <see cref="StaleIfErrorMiddleware"/>'s; this policy only flags a
/// copy served past its lifetime.
/// </summary>
internal sealed class PublicPagePolicy(PageCacheOptions options, Statistics.StatisticsOptions statistics, PageCacheMetrics metrics,
    DatabaseOutage outage, IResponseCompressionProvider compression) : IOutputCachePolicy
{
    /// <summary>Items key: this request's page lifetime, set when the page may come from the cache.</summary>
    private static readonly object Lifetime = new();

    /// <summary>Items key: the page that went out is one the cache gives anyone who asks the same (<see cref="HotCopies"/>).</summary>
    private static readonly object Shareable = new();

    /// <summary>Whether the output cache looked this request up (a page it may hold a copy of).</summary>
    internal static bool IsCacheable(HttpContext http) => http.Items.ContainsKey(Lifetime);

    /// <summary>The page's lifetime when what went out came from the cache, or was stored in it, fresh.</summary>
    internal static TimeSpan? ShareableFor(HttpContext http) => http.Items.ContainsKey(Shareable) ? http.Items[Lifetime] as TimeSpan? : null;

    /// <summary>The site's part of the key: its version and its menu's stamp.</summary>
    internal static string VaryValue(Site site) => site.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + site.Menu.Stamp;

    /// <summary>The encoding the compression middleware would choose for this request ("" for none).</summary>
    internal static string EncodingOf(HttpContext http, IResponseCompressionProvider compression) =>
        http.Request.Headers.AcceptEncoding.Count == 0 ? "" : compression.GetCompressionProvider(http)?.EncodingName ?? "";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!options.Enabled
            || !PublicPages.IsPublicRequest(http, out var site)
            // The public visit counter in the footer must not be older than the figures it is read from.
            || (site.ShowVisitCounter && statistics.CounterCacheSeconds == 0))
            return ValueTask.CompletedTask;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        // Single flight: concurrent first requests for a page wait for one rendering instead of each rendering it.
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = true;
        // The site's settings come from this node's in-memory directory, not from the database the render reads: a node
        // that rendered with settings read before a change (another node saved it between the eviction and this node's
        // reload) stores that page under the old version, where no request made after the reload looks. The menu, read with
        // the directory, goes into the key the same way.
        context.CacheVaryByRules.VaryByValues["site-version"] = VaryValue(site);
        // Pages are stored compressed (compression runs inside the cache), one entry per encoding the compression
        // middleware would choose: never the raw Accept-Encoding, which any client could vary to bypass the cache.
        context.CacheVaryByRules.VaryByValues["encoding"] = EncodingOf(http, compression);
        context.Tags.Add(CacheTags.Site(site.Id));
        var seconds = request.Path.StartsWithSegments("/tim-kiem", StringComparison.OrdinalIgnoreCase) ? options.SearchSeconds : options.Seconds;
        if (site.ShowVisitCounter) seconds = Math.Min(seconds, statistics.CounterCacheSeconds);
        var lifetime = TimeSpan.FromSeconds(seconds);
        http.Items[Lifetime] = lifetime;
        context.ResponseExpirationTimeSpan = lifetime;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct)
    {
        metrics.Hit();
        if (!outage.Ongoing) context.HttpContext.Items[Shareable] = true;
        else if (context.HttpContext.Items[Lifetime] is TimeSpan lifetime)
        {
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                // Age is the entry's own (whole seconds, rounded down): a copy still within its lifetime is younger. The bytes
                // go out as cached, flagged for anyone who looks.
                if (long.TryParse(response.Headers.Age.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age) && age >= (long)lifetime.TotalSeconds)
                {
                    response.Headers[HeaderNames.Warning] = "110 - \"Response is Stale\"";
                    metrics.StaleHit();
                }
                return Task.CompletedTask;
            });
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        if (!PublicPages.IsPublicResponse(context.HttpContext.Response))
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
        context.HttpContext.Items[Shareable] = true;
        if (!context.Tags.Any(t => t.StartsWith("article:", StringComparison.Ordinal)) &&
            context.HttpContext.RequestServices.GetRequiredService<CurrentSite>().Site is { } site)
            context.Tags.Add(CacheTags.Lists(site.Id));
        return ValueTask.CompletedTask;
    }
}
