using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MinhBach.Data;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MinhBach.Hosting;

public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";
    /// <summary>OTLP endpoint (e.g. http://127.0.0.1:4317); traces and metrics are exported only when set.</summary>
    public string? OtlpEndpoint { get; set; }
}

/// <summary>Logs, traces, metrics and health: what every node needs whatever features it runs.</summary>
public static class ServiceDefaults
{
    /// <summary>The runtime's own figures (GC, JIT, thread pool queue), read only when metrics are collected.</summary>
    public const string RuntimeMeter = "System.Runtime";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.OtlpEndpoint is null || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _),
                "OpenTelemetry:OtlpEndpoint phải là một địa chỉ URL đầy đủ.")
            .ValidateOnStart();
        var otlp = builder.Configuration[$"{TelemetryOptions.Section}:OtlpEndpoint"];
        var otel = builder.Services.AddOpenTelemetry()
            // Kestrel's memory pool counts every buffer it lends: several updates a request, about 2 % of the application's
            // CPU on a cached page (perf), for figures about the server's own buffers.
            .WithMetrics(m => m.AddMeter("MinhBach", RuntimeMeter).AddAspNetCoreInstrumentation().AddView("aspnetcore.memory_pool.*", MetricStreamConfiguration.Drop));
        if (!string.IsNullOrWhiteSpace(otlp) && Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint))
        {
            // Traces only when something collects them: a listener makes every request build a span, cached pages included.
            otel.WithTracing(t => t.AddSource("MinhBach").AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = endpoint));
            otel.WithMetrics(m => m.AddOtlpExporter(o => o.Endpoint = endpoint));
        }
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Health answers at the root of every host, before any site is resolved.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // Liveness: the process answers and reaches its database; readiness (/readyz, Features/Operations) says more.
        app.UseHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = r => !r.Tags.Contains(Features.Operations.OperationsSetup.ReadyTag),
        });
        return app;
    }
}

internal sealed class DatabaseHealthCheck(AppDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            // A real query, so a database that answers but was never migrated is reported too.
            await db.Sites.AnyAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Cơ sở dữ liệu không trả lời.", e);
        }
    }
}
