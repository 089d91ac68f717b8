using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MinhBach.Features.Monitor.Net;

public sealed record Hop(Uri Url, int Status);

/// <summary>What one request (with its redirects) brought back. <see cref="Status"/> 0: no answer (see <see cref="Error"/>).</summary>
public sealed class FetchResult
{
    public required Uri Requested { get; init; }
    public Uri Final { get; set; } = null!;
    public int Status { get; set; }
    public List<Hop> Redirects { get; } = [];
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public byte[] Body { get; set; } = [];
    /// <summary>The answer was longer than the size cap; only its start was read.</summary>
    public bool Truncated { get; set; }
    public string? Error { get; set; }
    public TimeSpan FirstByte { get; set; }
    public int Attempts { get; set; }
    public bool BlockedByRobots { get; set; }
    public bool OverBudget { get; set; }
    public bool RedirectLoop { get; set; }
    public bool TooManyRedirects { get; set; }
    public bool TimedOut { get; set; }

    public bool Ok => Error is null && Status is >= 200 and < 300;
    public string? Header(string name) => Headers.GetValueOrDefault(name);
    public string? ContentType => Header("Content-Type");

    /// <summary>Why there is no usable answer, in Vietnamese, or null.</summary>
    public string? Problem =>
        BlockedByRobots ? "robots.txt không cho phép đọc địa chỉ này"
        : OverBudget ? "đã hết số trang được đọc cho trang này"
        : RedirectLoop ? "chuyển hướng vòng tròn"
        : TooManyRedirects ? "chuyển hướng quá nhiều lần"
        : Error is not null ? Error
        : Status is >= 200 and < 300 ? null
        : $"mã trả lời {Status}";
}

/// <summary>One site's share of a run: its page budget, its robots.txt and whether the run may ignore it.</summary>
public sealed class SiteSession(int budget, bool ignoreRobots)
{
    private int _used;
    public int Budget { get; } = budget;
    /// <summary>Requests made (those refused for the budget not counted).</summary>
    public int Used => Math.Min(Volatile.Read(ref _used), Budget);
    public bool IgnoreRobots { get; } = ignoreRobots;
    public Robots? Robots { get; set; }
    public bool TryTake() => Interlocked.Increment(ref _used) <= Budget;
}

public sealed record FetchRequest(Uri Url)
{
    public HttpMethod Method { get; init; } = HttpMethod.Get;
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }
    public bool FollowRedirects { get; init; } = true;
    /// <summary>Only this address family (the IPv6 check), else IPv4 first.</summary>
    public AddressFamily? Family { get; init; }
    /// <summary>Read the headers and stop (probes that only need the status).</summary>
    public bool HeadersOnly { get; init; }
    /// <summary>Checked against robots.txt (everything but robots.txt itself).</summary>
    public bool ObeyRobots { get; init; } = true;
}

/// <summary>
/// The one way the monitor talks HTTP: at most N requests in flight per host and a pause between them, every
/// request (connect, headers and body together) under one deadline so a slow-loris answer cannot hold the run,
/// a cap on bytes read, redirects followed by hand (loops and chains are evidence), retries after a timeout, a lost
/// connection or a 5xx, and the site's page budget and robots.txt.
/// </summary>
public sealed class Fetcher : IDisposable
{
    private const int MaxRedirects = 10;
    private readonly MonitorOptions _options;
    private readonly HttpClient _any;
    private readonly HttpClient _v6;
    private readonly HttpClient _v4;
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    public HostResolver Resolver { get; }
    public AuditNetwork Network { get; }
    public TimeSpan Timeout => TimeSpan.FromSeconds(_options.TimeoutSeconds);
    public TimeSpan RetryPause { get; init; } = TimeSpan.FromSeconds(1);

    public Fetcher(MonitorOptions options, AuditNetwork network)
    {
        _options = options;
        Network = network;
        Resolver = new HostResolver(network, TimeSpan.FromSeconds(Math.Min(options.TimeoutSeconds, 10)));
        _any = Client(null);
        _v6 = Client(AddressFamily.InterNetworkV6);
        _v4 = Client(AddressFamily.InterNetwork);
    }

    // One client per address family: pooled connections are kept per origin, not per family, so an IPv6 check must
    // never reuse an IPv4 connection.
    private HttpClient Client(AddressFamily? family)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = _options.MaxConnectionsPerHost,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = Timeout,
            ConnectCallback = async (ctx, ct) =>
            {
                var socket = await Resolver.ConnectAsync(ctx.DnsEndPoint.Host, ctx.DnsEndPoint.Port, family, Timeout, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
            // Content is audited even behind a bad certificate; the TLS probe reports the certificate itself (TEC-03).
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi-VN,vi;q=0.9,en;q=0.5");
        return client;
    }

    public Task<FetchResult> GetAsync(SiteSession session, Uri url, CancellationToken ct) => SendAsync(session, new FetchRequest(url), ct);

    public async Task<FetchResult> SendAsync(SiteSession session, FetchRequest request, CancellationToken ct)
    {
        var result = new FetchResult { Requested = request.Url, Final = request.Url };
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = request.Url;
        var method = request.Method;
        var form = request.Form;
        for (var hop = 0; ; hop++)
        {
            if (request.ObeyRobots && !session.IgnoreRobots && session.Robots is { } robots && !robots.Allows(current))
            {
                result.BlockedByRobots = true;
                result.Final = current;
                return result;
            }
            if (!visited.Add(method + " " + current.AbsoluteUri))
            {
                result.RedirectLoop = true;
                return result;
            }
            if (!session.TryTake())
            {
                result.OverBudget = true;
                return result;
            }
            await OneAsync(session, result, current, method, form, request, ct);
            result.Final = current;
            if (result.Error is not null || result.Status is < 300 or >= 400 || !request.FollowRedirects) return result;
            if (result.Header("Location") is not { Length: > 0 } location || !Uri.TryCreate(current, location, out var next)
                || next.Scheme is not ("http" or "https"))
                return result;
            result.Redirects.Add(new Hop(current, result.Status));
            if (hop + 1 >= MaxRedirects)
            {
                result.TooManyRedirects = true;
                return result;
            }
            // 303, and 301/302 after a POST, continue as GET, as browsers do.
            if (result.Status == 303 || (method == HttpMethod.Post && result.Status is 301 or 302)) (method, form) = (HttpMethod.Get, null);
            current = next;
        }
    }

    private async Task OneAsync(SiteSession session, FetchResult result, Uri url, HttpMethod method, IReadOnlyList<KeyValuePair<string, string>>? form, FetchRequest request, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(url.Authority, _ => new HostGate(_options.MaxConnectionsPerHost));
        var client = request.Family switch
        {
            AddressFamily.InterNetworkV6 => _v6,
            AddressFamily.InterNetwork => _v4,
            _ => _any,
        };
        var delay = TimeSpan.FromMilliseconds(_options.DelayMilliseconds);
        for (var attempt = 1; attempt <= _options.Retries + 1; attempt++)
        {
            result.Attempts++;
            result.Error = null;
            result.TimedOut = false;
            result.Truncated = false;
            var crawlDelay = session.Robots?.CrawlDelay ?? TimeSpan.Zero;
            await gate.EnterAsync(crawlDelay > delay ? crawlDelay : delay, ct);
            var retry = false;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(Timeout);
            var watch = Stopwatch.StartNew();
            try
            {
                using var message = new HttpRequestMessage(method, url);
                if (form is not null) message.Content = new FormUrlEncodedContent(form);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                result.FirstByte = watch.Elapsed;
                result.Status = (int)response.StatusCode;
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var h in response.Headers.Concat(response.Content.Headers)) headers[h.Key] = string.Join(", ", h.Value);
                result.Headers = headers;
                if (!request.HeadersOnly)
                {
                    var cap = _options.MaxResponseKilobytes * 1024;
                    await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
                    var buffer = new MemoryStream();
                    var chunk = new byte[16 * 1024];
                    while (true)
                    {
                        var n = await stream.ReadAsync(chunk, deadline.Token);
                        if (n == 0) break;
                        var room = cap - (int)buffer.Length;
                        buffer.Write(chunk, 0, Math.Min(n, room));
                        if (n >= room) { result.Truncated = true; break; }
                    }
                    result.Body = buffer.ToArray();
                }
                retry = result.Status is >= 500 and not 501 and not 505;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                result.TimedOut = true;
                result.Error = result.Status == 0
                    ? $"không có trả lời sau {_options.TimeoutSeconds} giây"
                    : $"trả lời quá chậm: chưa nhận hết sau {_options.TimeoutSeconds} giây";
                retry = true;
            }
            catch (HttpRequestException e)
            {
                result.Error = Describe(e);
                retry = e.InnerException is not System.Security.Authentication.AuthenticationException;
            }
            catch (IOException e)
            {
                result.Error = "kết nối bị ngắt: " + e.Message;
                retry = true;
            }
            finally
            {
                gate.Exit();
            }
            if (!retry || attempt > _options.Retries) return;
            await Task.Delay(RetryPause * attempt, ct);
            if (result.Status is >= 500) result.Status = 0;
        }
    }

    private static string Describe(HttpRequestException e)
    {
        var inner = e.InnerException;
        return inner switch
        {
            System.Security.Authentication.AuthenticationException => "không bắt tay TLS được: " + inner.Message,
            SocketException s => $"lỗi kết nối ({s.SocketErrorCode})",
            HttpRequestException h => Describe(h),
            _ when e.Message.Length > 0 => e.Message,
            _ => "lỗi kết nối",
        };
    }

    public void Dispose()
    {
        _any.Dispose();
        _v6.Dispose();
        _v4.Dispose();
    }

    /// <summary>Per host: how many requests may be in flight, and when the next may start.</summary>
    private sealed class HostGate(int max)
    {
        private readonly SemaphoreSlim _slots = new(max, max);
        private readonly Lock _lock = new();
        private DateTime _next = DateTime.MinValue;

        public async Task EnterAsync(TimeSpan delay, CancellationToken ct)
        {
            await _slots.WaitAsync(ct);
            TimeSpan wait;
            lock (_lock)
            {
                var now = DateTime.UtcNow;
                var start = _next > now ? _next : now;
                _next = start + delay;
                wait = start - now;
            }
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            }
            catch
            {
                _slots.Release();
                throw;
            }
        }

        public void Exit() => _slots.Release();
    }
}
