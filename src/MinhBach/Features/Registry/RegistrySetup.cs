namespace MinhBach.Features.Registry;

/// <summary>The registry of the province's government websites (sổ theo dõi): site types, settings checked at start, services.</summary>
public static class RegistrySetup
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section)
            .Validate(o => o.Problems().Count == 0, "Cấu hình Registry không hợp lệ: LicenceWarningDays 1–365, MaxImportMegabytes 1–2, MaxImportRows 1–100.000.")
            .ValidateOnStart();
        // Loaded eagerly, as the catalogue: a broken data file stops the start with its message.
        services.AddSingleton(_ => SiteTypes.Load(Catalogue.Catalogue.DefaultDirectory));
        services.AddHostedService<SiteTypesCheck>();
        services.AddScoped<RegistryService>();
        services.AddScoped<RegistryImport>();
        return services;
    }

    private sealed class SiteTypesCheck(SiteTypes types) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.FromResult(types);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
