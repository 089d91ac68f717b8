using Microsoft.Extensions.Options;

namespace MinhBach.Features.Statistics;

/// <summary>Visit counting, the figures, the monthly report and the JSON endpoint.</summary>
public static class StatisticsSetup
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section)
            .Validate(o => o.Problems().Count == 0, "Cấu hình Statistics không hợp lệ: FlushSeconds 1–300, MaxPendingKeys 1.000–10.000.000, CounterCacheSeconds 0–3600.")
            .ValidateOnStart();
        // Loaded eagerly: a broken data file stops the start with its message, not a request later.
        services.AddSingleton(_ => VisitRules.Load(Catalogue.Catalogue.DefaultDirectory));
        services.AddSingleton<VisitRecorder>();
        services.AddSingleton<VisitCounter>();
        services.AddSingleton<VisitSalts>();
        services.AddSingleton<VisitTotals>();
        services.AddScoped<ActivityStatistics>();
        services.AddHostedService<VisitFlushService>();
        services.AddHostedService<RulesCheck>();
        return services;
    }

    /// <summary>
    /// After site resolution (a view belongs to a site) and before routing and anything that can answer a page without
    /// rendering it: issue 9's UseOutputCache must come after this, so cached pages are counted too.
    /// </summary>
    public static IApplicationBuilder UseVisitCounting(this IApplicationBuilder app) =>
        app.UseMiddleware<VisitCountingMiddleware>();

    private sealed class RulesCheck(VisitRules rules) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.FromResult(rules);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
