namespace MinhBach.Features.Catalogue;

public static class CatalogueSetup
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        // Loaded eagerly: a broken data file must stop the start with its message, not fail a request later.
        services.AddSingleton(_ => Catalogue.Load(Catalogue.DefaultDirectory));
        services.AddHostedService<CatalogueCheck>();
        return services;
    }

    private sealed class CatalogueCheck(Catalogue catalogue) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.FromResult(catalogue);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
