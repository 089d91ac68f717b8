using System.Collections.Concurrent;
using StackExchange.Redis;

namespace MinhBach.Features.Scaling;

/// <summary>What a node holds in memory and another node may change: the name of a signal.</summary>
public static class Signals
{
    /// <summary>A site was added or its settings changed: the site directory and the visit counter's figures.</summary>
    public const string Sites = "sites";
    /// <summary>The search index changed: the vocabulary of typo suggestions and facet values.</summary>
    public const string Search = "search";
    /// <summary>Pages were evicted from the output cache: the copies served in front of it (<see cref="Caching.HotCopies"/>).</summary>
    public const string Pages = "pages";
}

/// <summary>
/// Tells every node of the deployment that something it keeps in memory changed, so it reads it again. Handlers run at
/// once on this node; with Redis (Redis:Configuration) the signal also goes out on a pub/sub channel and runs the
/// handlers of every other node within milliseconds. Without Redis there are no other nodes to tell, and the caches'
/// own expiry (the site directory reloads every 5 seconds) still bounds what a second process sees.
/// </summary>
public sealed class ClusterSignals(IServiceProvider services, ILogger<ClusterSignals> log)
{
    /// <summary>Who sent a signal: a node ignores its own, already handled when sent.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _handlers = new();

    private sealed record ImmutableHandlers(Action[] All);

    public void On(string signal, Action handler) =>
        _handlers.AddOrUpdate(signal, _ => new([handler]), (_, h) => new([.. h.All, handler]));

    /// <summary>Runs the handlers here and tells the other nodes. A Redis outage is logged, not thrown: the change itself
    /// is saved, and the other nodes' caches expire on their own.</summary>
    public Task SendAsync(string signal)
    {
        Run(signal);
        return TellOthersAsync(signal);
    }

    /// <summary>Tells the other nodes only (this one already knows).</summary>
    internal async Task TellOthersAsync(string signal)
    {
        if (services.GetService<RedisConnection>() is not { } redis) return;
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(redis.SignalChannel, _node + " " + signal);
        }
        catch (RedisException e)
        {
            log.LogWarning(e, "Không gửi được tín hiệu \"{Signal}\" qua Redis; các máy chủ khác sẽ cập nhật khi bộ nhớ đệm của chúng hết hạn.", signal);
        }
    }

    /// <summary>A message from the channel: "node signal".</summary>
    internal void Receive(string message)
    {
        var space = message.IndexOf(' ');
        if (space <= 0 || message.AsSpan(0, space).SequenceEqual(_node)) return;
        Run(message[(space + 1)..]);
    }

    private void Run(string signal)
    {
        if (!_handlers.TryGetValue(signal, out var handlers)) return;
        foreach (var h in handlers.All)
        {
            try
            {
                h();
            }
            catch (Exception e)
            {
                log.LogError(e, "Lỗi khi xử lý tín hiệu \"{Signal}\".", signal);
            }
        }
    }
}

/// <summary>The one connection to Redis of this process, shared by the output cache store, the data protection keys and
/// the signals. It reconnects by itself after an outage (AbortOnConnectFail off).</summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(ConfigurationOptions options, string instanceName)
    {
        InstanceName = instanceName;
        ConnectTimeout = TimeSpan.FromMilliseconds(options.ConnectTimeout);
        SignalChannel = RedisChannel.Literal(instanceName + "signals");
        _multiplexer = new(() => ConnectionMultiplexer.Connect(options));
    }

    /// <summary>Prefix of every key and channel, so several deployments can share one Redis.</summary>
    public string InstanceName { get; }
    public RedisChannel SignalChannel { get; }
    public TimeSpan ConnectTimeout { get; }
    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated) _multiplexer.Value.Dispose();
    }
}

/// <summary>
/// Subscribes this node to the signal channel before it serves anything, and refuses to start when Redis cannot be
/// reached: a node that silently missed the others' signals would serve stale sites. Also sends the search signal when
/// this node changed the index (at most four times a second, however many items a bulk change saves).
/// </summary>
internal sealed class RedisSignalsService(RedisConnection redis, ClusterSignals signals, ILogger<RedisSignalsService> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        var mux = redis.Multiplexer;
        if (!mux.IsConnected)
        {
            // The first connection is being made in the background (AbortOnConnectFail off): wait for it a little.
            var until = DateTime.UtcNow + redis.ConnectTimeout + TimeSpan.FromSeconds(1);
            while (!mux.IsConnected && DateTime.UtcNow < until) await Task.Delay(100, ct);
            if (!mux.IsConnected)
                throw new RedisUnavailableException(
                    $"Không kết nối được Redis ({mux.Configuration}). Kiểm tra Redis:Configuration và máy chủ Redis, hoặc bỏ Redis:Configuration khi chỉ chạy một máy chủ ứng dụng.");
        }
        var queue = await mux.GetSubscriber().SubscribeAsync(redis.SignalChannel);
        queue.OnMessage(m => signals.Receive(m.Message.ToString()));
        log.LogInformation("Đã kết nối Redis: bộ nhớ đệm trang, khóa bảo vệ dữ liệu và tín hiệu giữa các máy chủ dùng chung.");
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var sent = Search.SearchVocabulary.LocalChanges;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            var now = Search.SearchVocabulary.LocalChanges;
            if (now == sent) continue;
            sent = now;
            await signals.TellOthersAsync(Signals.Search);
        }
    }
}

/// <summary>Redis:Configuration is set and Redis does not answer at start; the message says what to check.</summary>
public sealed class RedisUnavailableException(string message) : Exception(message);
