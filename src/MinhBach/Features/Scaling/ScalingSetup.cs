using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MinhBach.Features.Scaling;

/// <summary>Redis:*: set Configuration to run several app nodes that share what a node would otherwise keep to itself.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration, e.g. "10.0.0.5:6379,password=…"; empty: one node, nothing shared.</summary>
    public string? Configuration { get; set; }
    /// <summary>Prefix of every key and channel, so one Redis can serve several deployments (e.g. staging and production).</summary>
    public string InstanceName { get; set; } = "minhbach:";
}

/// <summary>ForwardedHeaders:*: the reverse proxies (nginx) whose X-Forwarded-For / X-Forwarded-Proto are believed.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of this node (e.g. "127.0.0.1" for nginx on the same machine). Empty:
    /// the headers are ignored, since anyone could send them.</summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>
/// Scale-out mode, chosen by configuration: with Redis:Configuration every node stores the output cache in Redis, keeps
/// the data protection keys there (cookies and form tokens made on one node are read on any other) and hears the
/// others' changes to in-memory caches (<see cref="ClusterSignals"/>). Scheduled jobs are clustered by Quartz on
/// PostgreSQL (Features/Scheduling) and work done once per deployment takes PostgreSQL locks, so nothing else is needed.
/// Also: forwarded headers from the configured proxies only, so a node behind nginx sees its visitors' addresses.
/// </summary>
public static class ScalingSetup
{
    /// <summary>One name on every node: the data protection keys are per application name, and the default (the content
    /// root) differs between machines and between releases installed in different folders.</summary>
    public const string ApplicationName = "MinhBach";

    public static IServiceCollection AddScaling(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Configuration) || TryParse(o.Configuration) is not null,
                "Redis:Configuration không đúng cú pháp của StackExchange.Redis (ví dụ: 10.0.0.5:6379,password=...).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.InstanceName), "Redis:InstanceName không được để trống.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                "ForwardedHeaders:KnownProxies chỉ gồm địa chỉ IP của máy chủ proxy (ví dụ: 127.0.0.1 hoặc 10.0.0.2).")
            .ValidateOnStart();
        services.AddSingleton<ClusterSignals>();
        services.AddDataProtection().SetApplicationName(ApplicationName);

        var redis = config.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(redis.Configuration) || TryParse(redis.Configuration) is not { } options)
            return services;
        // Keep trying after an outage instead of failing every call made while Redis restarts.
        options.AbortOnConnectFail = false;
        options.ClientName ??= "minhbach-" + Environment.MachineName;
        var prefix = string.IsNullOrWhiteSpace(redis.InstanceName) ? new RedisOptions().InstanceName : redis.InstanceName;
        services.AddSingleton(new RedisConnection(options, prefix));
        services.AddHostedService<RedisSignalsService>();

        // Every node reads and writes the same key ring.
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((o, r) =>
            o.XmlRepository = new RedisXmlRepository(() => r.Multiplexer.GetDatabase(), r.InstanceName + "data-protection-keys"));

        // The shared output cache store. Registered in place of any other store, whenever AddOutputCache is called (it only
        // adds the in-memory store when none is there): its policies and tags are the output cache's, the store only keeps
        // the entries, so a tag evicted on one node is gone for all.
        services.RemoveAll<IOutputCacheStore>();
        services.AddStackExchangeRedisOutputCache(o => o.InstanceName = prefix + "output:");
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((o, r) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(r.Multiplexer));
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the configured proxy saw them.</summary>
    public static WebApplication UseScaling(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.KnownProxies;
        if (proxies.Length == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // Nothing believed by default (ASP.NET Core trusts loopback out of the box): only the proxies named.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var p in proxies) options.KnownProxies.Add(IPAddress.Parse(p));
        app.UseForwardedHeaders(options);
        return app;
    }

    private static ConfigurationOptions? TryParse(string configuration)
    {
        try
        {
            var o = ConfigurationOptions.Parse(configuration);
            return o.EndPoints.Count > 0 ? o : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
