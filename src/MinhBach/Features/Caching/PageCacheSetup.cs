using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace MinhBach.Features.Caching;

/// <summary>Output caching of public pages (ASP.NET Core OutputCaching, the in-memory store unless another is registered).</summary>
public static class PageCacheSetup
{
    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section)
            .Validate(o => o.Problems().Count == 0, "Cấu hình PageCache không hợp lệ: Seconds 1–86.400, SearchSeconds 1–3600, StaleSeconds 0–604.800, HotCopySeconds 0–60.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<PageCacheMetrics>();
        services.AddSingleton<PageCacheEviction>();
        services.AddSingleton<HotCopies>();
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
            sp.GetRequiredService<DatabaseOutage>(), sp.GetRequiredService<PageCacheMetrics>()));
        services.AddResponseCompression(o =>
        {
            // Only anonymous responses are compressed (UsePageCache), so no secret of a signed-in person sits next to
            // attacker-chosen text in a compressed body (BREACH); anti-forgery tokens are masked per response anyway.
            o.EnableForHttps = true;
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/rss+xml", "application/atom+xml", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>, IOptions<Statistics.StatisticsOptions>, PageCacheMetrics, DatabaseOutage, IResponseCompressionProvider>(
            (o, page, statistics, metrics, outage, compression) =>
        {
            o.AddBasePolicy(new PublicPagePolicy(page.Value, statistics.Value, metrics, outage, compression));
            o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(page.Value.Seconds);
        });
        return services;
    }

    /// <summary>
    /// After visit counting (a page served from the cache is still a view); before routing, authentication and rate
    /// limiting, which a cached page does not need (<see cref="PublicPages.SignedIn"/> keeps anyone with a sign-in cookie
    /// out of all of this). From the outside in: the hot copies of pages the cache answered in the last seconds
    /// (<see cref="HotCopies"/>), stale-if-error (a rendering the database made fail goes through the
    /// cache once more), 304s for pages the cache did not answer, the output cache, validators (ETag) on what is stored
    /// and sent, compression. The cache keeps what compression produced, so a cached page costs no compression, and a
    /// request without Accept-Encoding (as the benchmark sends) never reaches a compressor.
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app)
    {
        app.UseMiddleware<KeepHotCopyMiddleware>();
        app.UseMiddleware<StaleIfErrorMiddleware>();
        app.UseMiddleware<ConditionalGetMiddleware>();
        app.UseOutputCache();
        app.UseMiddleware<PageValidatorsMiddleware>();
        app.UseWhen(http => !PublicPages.SignedIn(http), b => b.UseResponseCompression());
        return app;
    }
}
