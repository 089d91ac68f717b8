using Microsoft.Extensions.Options;

namespace MinhBach.Features.Compliance;

/// <summary>Compliance:* settings. DefaultPack is the pack the checklists open with.</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>The pack shown when none is chosen: the law in force (Decree 224/2026 from 1 July 2026).</summary>
    public string DefaultPack { get; set; } = "D224-2026";
}

/// <summary>Rule packs (loaded and checked at start), the settings, and the service behind the checklist and the province view.</summary>
public static class ComplianceSetup
{
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddSingleton(sp => RulePacks.Load(Catalogue.Catalogue.DefaultDirectory, sp.GetRequiredService<Catalogue.Catalogue>()));
        services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section);
        services.AddSingleton<IValidateOptions<ComplianceOptions>, DefaultPackKnown>();
        services.AddOptions<ComplianceOptions>().ValidateOnStart();
        services.AddScoped<ComplianceService>();
        // The monitor replaces this with its runs (registered after).
        services.AddScoped<IMeasurements, NoMeasurements>();
        services.AddHostedService<RulePackCheck>();
        return services;
    }

    private sealed class DefaultPackKnown(RulePacks packs) : IValidateOptions<ComplianceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ComplianceOptions o) => packs.Get(o.DefaultPack) is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Compliance:DefaultPack \"{o.DefaultPack}\" không có trong data/rule-packs (có: {string.Join(", ", packs.All.Select(p => p.Id))}).");
    }

    /// <summary>Loads the packs as the host starts: a broken pack stops the start with its message, not a request later.</summary>
    private sealed class RulePackCheck(RulePacks packs) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.FromResult(packs);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
