using Microsoft.Extensions.Options;
using MinhBach.Features.Compliance;

namespace MinhBach.Features.Monitor;

/// <summary>The external-site auditor: its settings (checked at start), its keyword data, the service and the runs.</summary>
public static class MonitorSetup
{
    public static IServiceCollection AddMonitor(this IServiceCollection services)
    {
        services.AddOptions<MonitorOptions>().BindConfiguration(MonitorOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MonitorOptions>, MonitorOptionsValidation>();
        // Loaded eagerly by the check below: a broken keyword file stops the start with its message.
        services.AddSingleton(_ => MonitorKeywords.Load(Catalogue.Catalogue.DefaultDirectory));
        services.AddSingleton<MonitorService>();
        services.AddScoped<MonitorRuns>();
        services.AddScoped<IMonitorResults>(sp => sp.GetRequiredService<MonitorRuns>());
        // The latest runs feed the evaluations of hosted sites (outside measurements) and of external ones.
        services.AddScoped<IMeasurements, MonitorMeasurements>();
        services.AddScoped<ReviewReport.IExternalEvaluations, MonitorExternalEvaluations>();
        services.AddSingleton<ConfiguredTargets>();
        // The registry's sites plus those of Monitor:Sites.
        services.AddSingleton<IMonitorTargets, Registry.RegistryTargets>();
        services.AddHostedService<KeywordCheck>();
        return services;
    }

    private sealed class MonitorOptionsValidation : IValidateOptions<MonitorOptions>
    {
        public ValidateOptionsResult Validate(string? name, MonitorOptions o) =>
            o.Problems() is { Count: > 0 } p ? ValidateOptionsResult.Fail(p) : ValidateOptionsResult.Success;
    }

    private sealed class KeywordCheck(MonitorKeywords words) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.FromResult(words);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
