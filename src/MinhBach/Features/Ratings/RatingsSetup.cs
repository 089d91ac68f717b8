namespace MinhBach.Features.Ratings;

/// <summary>Satisfaction ratings: the service behind the form, the day's salt (one per node, read from the database),
/// and the per-site figure other features read.</summary>
public static class RatingsSetup
{
    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddSingleton<RatingSalts>();
        services.AddScoped<RatingService>();
        services.AddScoped<RatingFigures>();
        return services;
    }
}

/// <summary>What the rating form needs: the kind and id of the page it rates.</summary>
public sealed record RatingBox(string Kind, int RefId, string? Comment = null);

/// <summary>The values of ?danh-gia= after a rating without JavaScript: the page shows the matching sentence.</summary>
public static class RatingNotices
{
    public const string Query = "danh-gia";
    public const string Thanks = "cam-on";
    public const string Already = "da-danh-gia";

    public static string? Message(string? value) => value switch
    {
        Thanks => RatingService.Thanks,
        Already => RatingService.Already,
        _ => null,
    };
}
