using Microsoft.AspNetCore.OutputCaching;
using MinhBach.Features.Errors;

namespace MinhBach.Features.Caching;

/// <summary>
/// Whether the database failed a moment ago (an error <see cref="StatusModel.IsDatabaseFailure"/> recognises). While it
/// did, the output cache also serves the copies kept past their lifetime (<see cref="StaleCopyStore"/>). The note lapses
/// after <see cref="Window"/>, so the next request tries the database again: recovery needs nobody.
/// </summary>
public sealed class DatabaseOutage(ILogger<DatabaseOutage> log)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private long _lastFailure = long.MinValue;

    public bool Ongoing => Volatile.Read(ref _lastFailure) is var last && last != long.MinValue
        && Environment.TickCount64 - last < (long)Window.TotalMilliseconds;

    public void Report(Exception e)
    {
        if (!Ongoing) log.LogWarning(e, "Cơ sở dữ liệu không trả lời: các trang đã lưu đệm được phục vụ kể cả khi đã quá hạn.");
        Volatile.Write(ref _lastFailure, Environment.TickCount64);
    }
}

/// <summary>
/// Stale-if-error in the output cache's store, whichever it is (in memory, or Redis in scale-out mode). ASP.NET Core's
/// output cache serves whatever its store returns (a policy can neither see an entry's age nor refuse it), so freshness is
/// the store's expiry. Each page is therefore stored twice, under its key for its lifetime and under a second key for
/// PageCache:StaleSeconds longer, with the same tags, so an eviction removes both (the in-memory store keeps one array for
/// the two). A lookup whose fresh entry has expired is given the second one only while the database is failing.
/// </summary>
public sealed class StaleCopyStore(IOutputCacheStore inner, TimeSpan stale, DatabaseOutage outage, PageCacheMetrics metrics) : IOutputCacheStore, IDisposable
{
    private static string Kept(string key) => key + "\u001Estale";

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var get = inner.GetAsync(key, cancellationToken);
        if (!get.IsCompletedSuccessfully) return GetAwaitedAsync(get, key, cancellationToken);
        // The path of every cached page (the in-memory store answers at once): no state machine.
        var entry = get.Result;
        return entry is not null || stale <= TimeSpan.Zero || !outage.Ongoing ? ValueTask.FromResult(entry) : inner.GetAsync(Kept(key), cancellationToken);
    }

    private async ValueTask<byte[]?> GetAwaitedAsync(ValueTask<byte[]?> get, string key, CancellationToken cancellationToken)
    {
        var entry = await get;
        if (entry is not null || stale <= TimeSpan.Zero || !outage.Ongoing) return entry;
        return await inner.GetAsync(Kept(key), cancellationToken);
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        if (stale > TimeSpan.Zero) await inner.SetAsync(Kept(key), value, tags, validFor + stale, cancellationToken);
        metrics.Stored();
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    // The container made this store, not the one it wraps: it is disposed through here.
    public void Dispose() => (inner as IDisposable)?.Dispose();
}

/// <summary>
/// Just before the output cache: a cacheable page whose rendering failed because the database did not answer, in a
/// request that began before the failure was known, goes through the output cache once more, which now serves the copy
/// kept past its lifetime if there is one. Otherwise (or when the outage was already known, so the lookup already had
/// the copy's chance) the error goes on to the Vietnamese 503 page.
/// </summary>
internal sealed class StaleIfErrorMiddleware(RequestDelegate next, DatabaseOutage outage)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var known = outage.Ongoing;
        try
        {
            await next(http);
        }
        catch (Exception e) when (StatusModel.IsDatabaseFailure(e))
        {
            outage.Report(e);
            // Pages are rendered into a buffer: nothing was sent yet.
            if (known || http.Response.HasStarted || !PublicPagePolicy.IsCacheable(http)) throw;
            http.Response.Clear();
            await next(http);
        }
    }
}
