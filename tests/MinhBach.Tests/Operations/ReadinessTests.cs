using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Tests.Infrastructure;
using Quartz;

namespace MinhBach.Tests.Operations;

/// <summary>Liveness, readiness and metrics as an operator and a load balancer see them.</summary>
public sealed class ReadinessTests
{
    [DatabaseTheory]
    public async Task A_running_node_is_ready_and_its_metrics_are_scraped_from_loopback(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync();
        // Quartz starts its scheduler once the host has started, a moment after the node answers: until then it is
        // rightly not ready (the other test shows the refusal).
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Eventually.WaitAsync(async () => await scheduler.GetStatus(CancellationToken.None), s => s == SchedulerStatus.Running, TimeSpan.FromSeconds(30), "the scheduler");

        using var ready = await app.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var check = json.RootElement.GetProperty("checks")[0];
        Assert.Equal("started", check.GetProperty("data").GetProperty("scheduler").GetString());
        Assert.Equal(0, check.GetProperty("data").GetProperty("pendingMigrations").GetArrayLength());

        // Seen through a proxy, the answer is plain: no detail for the public.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/readyz");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var plain = await app.Http.SendAsync(request);
        Assert.Equal("Healthy", await plain.Content.ReadAsStringAsync());

        Assert.Equal("Healthy", await app.GetStringAsync("/healthz"));

        await app.GetStringAsync("/");
        var metrics = await Eventually.WaitAsync(() => app.GetStringAsync("/metrics"),
            m => m.Contains("minhbach_mail_outbox_pending", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the metrics");
        Assert.Contains("minhbach_articles_scheduled", metrics);
        Assert.Contains("minhbach_audit_runs", metrics);
        Assert.Contains("minhbach_visits_pending", metrics);
        Assert.Contains("http_server_request_duration", metrics);

        using var outside = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        outside.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var refused = await app.Http.SendAsync(outside);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [DatabaseTheory]
    public async Task Without_its_database_a_node_is_not_ready_and_says_why(string provider)
    {
        await using var app = await TestApp.StartWithUnreachableDatabaseAsync(provider);
        app.ExpectServerErrors();
        using var ready = await app.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(body.Contains("cơ sở dữ liệu không trả lời", StringComparison.Ordinal), body);
    }
}
