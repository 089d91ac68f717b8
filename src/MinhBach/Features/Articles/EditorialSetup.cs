namespace MinhBach.Features.Articles;

public static class EditorialSetup
{
    public static IServiceCollection AddEditorial(this IServiceCollection services)
    {
        services.AddScoped<ArticleWorkflow>();
        services.AddScoped<Royalties.RoyaltyService>();
        services.AddScoped<Syndication.SyndicationService>();
        return services;
    }
}
