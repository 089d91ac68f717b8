namespace MinhBach.Features.Articles;

public static class EditorialSetup
{
    public static IServiceCollection AddEditorial(this IServiceCollection services)
    {
        services.AddScoped<ArticleWorkflow>();
        return services;
    }
}
