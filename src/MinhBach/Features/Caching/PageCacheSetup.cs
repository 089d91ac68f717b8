using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace MinhBach.Features.Caching;

/// <summary>Output caching of public pages (ASP.NET Core OutputCaching, the in-memory store unless another is registered).</summary>
public static class PageCacheSetup
{
    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section)
            .Validate(o => o.Problems().Count == 0, "Cấu hình PageCache không hợp lệ: Seconds 1–86.400, SearchSeconds 1–3600.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<PageCacheMetrics>();
        services.AddSingleton<PageCacheEviction>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>, IOptions<Statistics.StatisticsOptions>, PageCacheMetrics>((o, page, statistics, metrics) =>
        {
            o.AddBasePolicy(new PublicPagePolicy(page.Value, statistics.Value, metrics));
            o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(page.Value.Seconds);
        });
        return services;
    }

    /// <summary>
    /// After visit counting (a page served from the cache is still a view); before routing, authentication and rate
    /// limiting, which a cached page does not need (the policy keeps anyone with a sign-in cookie out of the cache).
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) => app.UseOutputCache();
}
