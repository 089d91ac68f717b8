using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MinhBach.Features.Sites;

public static class SitesSetup
{
    public static IServiceCollection AddSites(this IServiceCollection services)
    {
        // Tests register a clock they control first; everyone else gets the system's.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiteDirectory>();
        services.AddScoped<CurrentSite>();
        services.AddScoped<SiteRegistry>();
        return services;
    }

    public static IApplicationBuilder UseSites(this IApplicationBuilder app) => app.UseMiddleware<SiteResolutionMiddleware>();
}
