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
            .Validate(o => o.Problems().Count == 0, "Cấu hình PageCache không hợp lệ: Seconds 1–86.400, SearchSeconds 1–3600.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<PageCacheMetrics>();
        services.AddSingleton<PageCacheEviction>();
        services.AddOutputCache();
        services.AddResponseCompression(o =>
        {
            // Only anonymous responses are compressed (UsePageCache), so no secret of a signed-in person sits next to
            // attacker-chosen text in a compressed body (BREACH); anti-forgery tokens are masked per response anyway.
            o.EnableForHttps = true;
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/rss+xml", "application/atom+xml", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>, IOptions<Statistics.StatisticsOptions>, PageCacheMetrics, IResponseCompressionProvider>((o, page, statistics, metrics, compression) =>
        {
            o.AddBasePolicy(new PublicPagePolicy(page.Value, statistics.Value, metrics, compression));
            o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(page.Value.Seconds);
        });
        return services;
    }

    /// <summary>
    /// After visit counting (a page served from the cache is still a view) and after authentication (a signed-in person
    /// is never served, nor stores, a cached page); before the endpoints that render pages. From the outside in: 304s for
    /// pages the cache did not answer, the output cache, validators (ETag) on what is stored and sent, compression. The
    /// cache keeps what compression produced, so a cached page costs no compression, and a request without
    /// Accept-Encoding (as the benchmark sends) never reaches a compressor.
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app)
    {
        app.UseMiddleware<ConditionalGetMiddleware>();
        app.UseOutputCache();
        app.UseMiddleware<PageValidatorsMiddleware>();
        app.UseWhen(http => http.User.Identity?.IsAuthenticated != true, b => b.UseResponseCompression());
        return app;
    }
}
