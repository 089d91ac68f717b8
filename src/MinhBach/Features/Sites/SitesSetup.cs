namespace MinhBach.Features.Sites;

public static class SitesSetup
{
    public static IServiceCollection AddSites(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteDirectory>();
        services.AddScoped<CurrentSite>();
        services.AddScoped<SiteRegistry>();
        return services;
    }

    public static IApplicationBuilder UseSites(this IApplicationBuilder app) => app.UseMiddleware<SiteResolutionMiddleware>();
}
