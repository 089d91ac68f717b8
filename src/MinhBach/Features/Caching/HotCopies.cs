using System.Collections.Concurrent;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using MinhBach.Features.Scaling;
using MinhBach.Features.Sites;
using MinhBach.Features.Statistics;

namespace MinhBach.Features.Caching;

/// <summary>
/// The last few seconds' copies of pages the output cache answered, as the bytes and headers that went out, served in
/// front of it. A page read thousands of times a second (a storm warning, exam results) then costs a dictionary lookup
/// and one write, where the output cache's own hit builds its key, reads the entry back from its store and copies its
/// headers (the article page, two servers side by side on issue 9's million-article database: 53,700–55,900 requests/s
/// without, 58,100–61,500 with).
/// <para>
/// Only what the output cache itself may give anyone is copied (<see cref="PublicPagePolicy.ShareableFor"/>), under a key
/// at least as strict as its own. Every eviction clears them all, on every node (the <see cref="Signals.Pages"/> signal),
/// and a copy taken by a request that began before an eviction is not kept.
/// </para>
/// </summary>
public sealed class HotCopies
{
    /// <summary>Few pages are hot at once; a crawl of many addresses must not fill memory with copies read once.</summary>
    private const int MaxCopies = 512;
    private const long MaxTotalBytes = 32L * 1024 * 1024;
    internal const int MaxBytes = 512 * 1024;

    private readonly ConcurrentDictionary<string, HotCopy> _copies = new(StringComparer.Ordinal);
    private long _generation;
    private long _sweptAt;
    /// <summary>The copies' bytes, counted up as they are kept and exactly at each sweep (never less than held).</summary>
    private long _bytes;

    public HotCopies(ClusterSignals signals, IOptions<PageCacheOptions> options)
    {
        Lifetime = TimeSpan.FromSeconds(options.Value.HotCopySeconds);
        Enabled = options.Value.Enabled && options.Value.HotCopySeconds > 0;
        signals.On(Signals.Pages, Clear);
    }

    public TimeSpan Lifetime { get; }
    /// <summary>Off with the page cache, or with <c>PageCache:HotCopySeconds=0</c>.</summary>
    public bool Enabled { get; }
    public int Count => _copies.Count;

    /// <summary>Changes with every clearing: a copy taken under another generation may predate an eviction.</summary>
    internal long Generation => Interlocked.Read(ref _generation);

    internal HotCopy? Find(string key)
    {
        if (!_copies.TryGetValue(key, out var copy)) return null;
        if (Environment.TickCount64 < copy.ExpiresAt) return copy;
        _copies.TryRemove(new KeyValuePair<string, HotCopy>(key, copy));
        return null;
    }

    internal void Keep(string key, HotCopy copy, long generation)
    {
        if ((_copies.Count >= MaxCopies || Interlocked.Read(ref _bytes) + copy.Body.Length > MaxTotalBytes) && !Sweep(copy.Body.Length)) return;
        Interlocked.Add(ref _bytes, copy.Body.Length);
        _copies[key] = copy;
        // Cleared while this copy was being taken: it may be the page from before the eviction.
        if (Generation != generation) _copies.TryRemove(new KeyValuePair<string, HotCopy>(key, copy));
    }

    /// <summary>
    /// At least as strict as the output cache's key: the address (with the site's prefix), the site, its version and menu
    /// stamp, and the encoding the compressor would choose.
    /// </summary>
    internal static string KeyOf(HttpRequest request, Site site, string encoding) =>
        string.Concat([request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value,
            "\u0001", site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ".", PublicPagePolicy.VaryValue(site), "\u0001", encoding]);

    /// <summary>A request for a part of the page, or whose answer depends on the copy the client holds: never a hot copy.</summary>
    internal static bool Conditional(HttpRequest request)
    {
        var headers = request.Headers;
        return headers.ContainsKey(HeaderNames.IfNoneMatch) || headers.ContainsKey(HeaderNames.IfModifiedSince) || headers.ContainsKey(HeaderNames.Range)
            || headers.ContainsKey(HeaderNames.IfMatch) || headers.ContainsKey(HeaderNames.IfUnmodifiedSince);
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _copies.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }

    /// <summary>Drops the expired copies, at most ten times a second; false when there is still no room.</summary>
    private bool Sweep(int needed)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _sweptAt);
        if (now - last < 100 || Interlocked.CompareExchange(ref _sweptAt, now, last) != last) return false;
        long bytes = 0;
        foreach (var (key, copy) in _copies)
            if (now >= copy.ExpiresAt) _copies.TryRemove(new KeyValuePair<string, HotCopy>(key, copy));
            else bytes += copy.Body.Length;
        Interlocked.Exchange(ref _bytes, bytes);
        return _copies.Count < MaxCopies && bytes + needed <= MaxTotalBytes;
    }
}

internal sealed record HotCopy(KeyValuePair<string, StringValues>[] Headers, byte[] Body, long TakenAt, long Age, long ExpiresAt);

/// <summary>
/// First in the public pipeline: answers a request from its hot copy before anything else runs for it (security headers,
/// error pages, site resolution, the request's services), since the copy already holds the headers that went out. The
/// site is found the way <see cref="SiteResolutionMiddleware"/> finds it, and the view is counted as
/// <see cref="VisitCountingMiddleware"/> counts it. Requests that ask conditionally or for a range, HEAD, and anyone signed
/// in go the whole way, as do all requests while the database is failing and those for a merged site (redirected).
/// </summary>
public sealed class ServeHotCopyMiddleware(RequestDelegate next, HotCopies copies, SiteDirectory directory, VisitCounter visits,
    PageCacheMetrics metrics, DatabaseOutage outage, IResponseCompressionProvider compression)
{
    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!copies.Enabled || !HttpMethods.IsGet(request.Method) || outage.Ongoing || !PublicPages.Anonymous(http) || HotCopies.Conditional(request))
            return next(http);
        // A directory due for its reload is left to site resolution, which waits for it.
        if (directory.Fresh is not { } snapshot) return next(http);
        var path = request.Path.Value ?? "/";
        var match = snapshot.Match(request.Host.Host, path);
        if (match is not { Site: { Status: not SiteStatus.Merged } site, PrefixLength: >= 0 }) return next(http);
        // The key's address is the same string before and after the prefix moves into PathBase.
        if (copies.Find(HotCopies.KeyOf(request, site, PublicPagePolicy.EncodingOf(http, compression))) is not { } copy) return next(http);
        // The view is counted under the site-relative path, as for a page rendered.
        match.MovePrefix(request, path);
        return ServeAsync(http, site, copy);
    }

    private Task ServeAsync(HttpContext http, Site site, HotCopy copy)
    {
        metrics.Hit();
        metrics.HotHit();
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in copy.Headers) headers[name] = value;
        headers.Age = (copy.Age + (Environment.TickCount64 - copy.TakenAt) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentLength = copy.Body.Length;
        var counted = visits.Counts(http, out var userAgent) ? visits.CountAsync(http, site, userAgent) : Task.CompletedTask;
        return counted.IsCompletedSuccessfully ? WriteAsync(response, copy, http.RequestAborted) : CountThenWriteAsync(counted, response, copy, http.RequestAborted);
    }

    private static Task WriteAsync(HttpResponse response, HotCopy copy, CancellationToken ct) => response.Body.WriteAsync(copy.Body, ct).AsTask();

    private static async Task CountThenWriteAsync(Task counted, HttpResponse response, HotCopy copy, CancellationToken ct)
    {
        await counted;
        await WriteAsync(response, copy, ct);
    }
}

/// <summary>
/// In the page cache's place (<see cref="PageCacheSetup.UsePageCache"/>): lets the request through and keeps a copy of what
/// went out when the output cache said anyone may have it, for <see cref="ServeHotCopyMiddleware"/>.
/// </summary>
public sealed class KeepHotCopyMiddleware(RequestDelegate next, HotCopies copies, DatabaseOutage outage, IResponseCompressionProvider compression)
{
    // Written again for each response (the date, the copy's age) or never copied.
    private static readonly HashSet<string> NotCopied = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Age, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.Server,
    };

    public Task InvokeAsync(HttpContext http)
    {
        if (!copies.Enabled || !HttpMethods.IsGet(http.Request.Method) || outage.Ongoing || !PublicPages.IsPublicRequest(http, out var site)
            || HotCopies.Conditional(http.Request))
            return next(http);
        return CopyAsync(http, HotCopies.KeyOf(http.Request, site, PublicPagePolicy.EncodingOf(http, compression)));
    }

    private async Task CopyAsync(HttpContext http, string key)
    {
        var generation = copies.Generation;
        var response = http.Response;
        var original = response.Body;
        await using var capture = new CopyingStream(original, HotCopies.MaxBytes);
        response.Body = capture;
        try
        {
            await next(http);
        }
        finally
        {
            response.Body = original;
        }
        // The policy marks a page it stored (it checked that anyone may have it) or served from the cache, fresh.
        if (PublicPagePolicy.ShareableFor(http) is not { } lifetime || capture.Overflowed
            || response.Headers.ContainsKey(HeaderNames.Warning) || http.RequestAborted.IsCancellationRequested)
            return;
        var body = capture.ToArray();
        if (response.ContentLength is long length && length != body.Length) return;
        var kept = new List<KeyValuePair<string, StringValues>>(response.Headers.Count);
        foreach (var h in response.Headers)
            if (!NotCopied.Contains(h.Key)) kept.Add(h);
        long.TryParse(response.Headers.Age.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age);
        var now = Environment.TickCount64;
        var life = Math.Min(copies.Lifetime.TotalMilliseconds, lifetime.TotalMilliseconds - age * 1000);
        if (life <= 0) return;
        copies.Keep(key, new HotCopy([.. kept], body, now, age, now + (long)life), generation);
    }

    /// <summary>Passes every write through and keeps a copy, given up past <c>maxBytes</c>.</summary>
    private sealed class CopyingStream(Stream inner, int maxBytes) : Stream
    {
        private readonly MemoryStream _copy = new();
        public bool Overflowed { get; private set; }
        public byte[] ToArray() => _copy.ToArray();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (Overflowed) return;
            if (_copy.Length + bytes.Length > maxBytes)
            {
                Overflowed = true;
                _copy.SetLength(0);
                return;
            }
            _copy.Write(bytes);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, ct);
        }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _copy.Dispose();
            base.Dispose(disposing);
        }
    }
}
