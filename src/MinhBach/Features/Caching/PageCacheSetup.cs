using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace MinhBach.Features.Caching;

/// <summary>Output caching of public pages (ASP.NET Core OutputCaching, the in-memory store unless another is registered).</summary>
public static class PageCacheSetup
{
    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section)
            .Validate(o => o.Problems().Count == 0, "Cấu hình PageCache không hợp lệ: Seconds 1–86.400, SearchSeconds 1–3600, StaleSeconds 0–604.800.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<PageCacheMetrics>();
        services.AddSingleton<PageCacheEviction>();
        services.AddSingleton<DatabaseOutage>();
        services.AddOutputCache();
        // Whatever store is registered by now (in memory, or Redis from AddScaling) keeps the stale copies too.
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore) && !d.IsKeyedService);
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(sp => new StaleCopyStore(
            store.ImplementationInstance as IOutputCacheStore
                ?? store.ImplementationFactory?.Invoke(sp) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PageCacheOptions>>().Value.StaleSeconds),
            sp.GetRequiredService<DatabaseOutage>()));
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>, IOptions<Statistics.StatisticsOptions>, PageCacheMetrics, DatabaseOutage>((o, page, statistics, metrics, outage) =>
        {
            o.AddBasePolicy(new PublicPagePolicy(page.Value, statistics.Value, metrics, outage));
            o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(page.Value.Seconds);
        });
        return services;
    }

    /// <summary>
    /// After visit counting (a page served from the cache is still a view); before routing, authentication and rate
    /// limiting, which a cached page does not need (the policy keeps anyone with a sign-in cookie out of the cache).
    /// Stale-if-error wraps it, so a rendering the database made fail can go through it once more.
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) =>
        app.UseMiddleware<StaleIfErrorMiddleware>().UseOutputCache();
}
