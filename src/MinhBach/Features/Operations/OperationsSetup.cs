using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace MinhBach.Features.Operations;

public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>Token that lets a scraper or an operator outside this machine read /metrics and the detail of /readyz
    /// (header `Authorization: Bearer TOKEN`). Without it only loopback may.</summary>
    public string? Token { get; set; }

    /// <summary>Serve the Prometheus scrape endpoint /metrics.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>How often the queue lengths are read from the database for the metrics.</summary>
    public int MetricsRefreshSeconds { get; set; } = 15;
}

/// <summary>What operators look at: readiness (/readyz), the MinhBach meter and the Prometheus scrape endpoint (/metrics).</summary>
public static class OperationsSetup
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section)
            .Validate(o => o.Token is null || o.Token.Length >= 16, "Operations:Token phải dài ít nhất 16 ký tự.")
            .Validate(o => o.MetricsRefreshSeconds is >= 1 and <= 3600, "Operations:MetricsRefreshSeconds phải từ 1 đến 3600 giây.")
            .ValidateOnStart();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("readiness", tags: [ReadyTag]);
        services.AddSingleton<OperationsMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsMetrics>());
        services.ConfigureOpenTelemetryMeterProvider(m =>
        {
            if (config.GetValue($"{OperationsOptions.Section}:Prometheus", true)) m.AddPrometheusExporter();
        });
        return services;
    }

    /// <summary>Answered at the root of every host, before any site is resolved (like /healthz).</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OperationsOptions>>().Value;
        app.UseHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag),
            ResponseWriter = (context, report) => WriteReadinessAsync(context, report, options),
        });
        if (options.Prometheus)
            // A request that may not read the metrics goes on to the site, which answers 404 as for any unknown address.
            app.UseOpenTelemetryPrometheusScrapingEndpoint(c => c.Request.Path == "/metrics" && IsOperator(c, options));
        return app;
    }

    /// <summary>Loopback (the machine itself, or a proxy on it that forwards only what it should) or the configured token.</summary>
    public static bool IsOperator(HttpContext context, OperationsOptions options)
    {
        if (options.Token is { Length: > 0 } token)
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.Ordinal) &&
                CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(token)))
                return true;
        }
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote) && !context.Request.Headers.ContainsKey("X-Forwarded-For");
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report, OperationsOptions options)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!IsOperator(context, options))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "Healthy" : "Unhealthy");
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };
}
