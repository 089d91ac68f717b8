using MinhBach.Features.Sites;

namespace MinhBach.Features.Search;

/// <summary>Search: the index kept on every save, the engine, /tim-kiem (a Razor page) and /api/search.</summary>
public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section)
            .Validate(o => o.BroadQueryHits is >= 1 and <= 10_000_000, "Search:BroadQueryHits phải từ 1 đến 10.000.000.")
            .ValidateOnStart();
        services.AddSingleton<SearchVocabulary>();
        services.AddHostedService<SearchIndexCheck>();
        services.AddScoped<SearchEngine>();
        services.AddScoped<SiteSearch>();
        return services;
    }

    public static void MapSearchApi(this IEndpointRouteBuilder app) => app.MapGet("/api/search", ApiAsync);

    /// <summary>The same search as JSON, for the province's other systems: hits with type, title, URL, date and snippet.</summary>
    private static async Task<IResult> ApiAsync(HttpContext http, CurrentSite current, SiteDirectory directory, SiteSearch search, Catalogue.Catalogue catalogue)
    {
        var (request, error) = SearchRequest.Read(http.Request.Query, catalogue);
        if (request is null) return Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
        var site = current.Required;
        if (http.Request.Query["site"].FirstOrDefault() is { } slug)
        {
            if (slug is "*" or "tinh") request = request with { Province = true };
            else
            {
                var snap = await directory.GetAsync(http.RequestAborted);
                if (!snap.BySlug.TryGetValue(slug.Trim('/'), out var chosen) || chosen.Status != SiteStatus.Active)
                    return Results.Json(new { error = $"Không có trang \"{slug}\"." }, statusCode: StatusCodes.Status404NotFound);
                site = chosen;
            }
        }
        var (result, hits) = await search.RunAsync(request, site, http.Request, current.ResolvedByHost, http.RequestAborted);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        int? Count(SearchFacet f) => result.FacetsCounted ? f.Count : null;
        return Results.Json(new
        {
            query = request.Query,
            scope = request.Province ? "province" : site.Slug,
            total = result.Total,
            // false: there were more hits than were counted (at least `total`).
            exact = result.Exact,
            page = result.Page,
            pageSize = result.PageSize,
            suggestion = result.Suggestion,
            shownFor = result.ShownFor,
            hits = hits.Select(h => new
            {
                type = h.Kind,
                typeName = h.KindName,
                title = h.Title,
                number = h.Number,
                url = h.Url.StartsWith("http", StringComparison.Ordinal) ? h.Url : origin + h.Url,
                date = h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                snippet = Text.SearchText.FromHtml(h.SnippetHtml),
                snippetHtml = h.SnippetHtml,
                site = new { slug = h.SiteSlug, name = h.SiteName },
            }),
            facets = new
            {
                // Counts are null when the hits were too many to count.
                types = result.Kinds.Select(f => new { value = f.Value, label = f.Label, count = Count(f) }),
                documentTypes = result.Types.Select(f => new { value = f.Value, label = f.Label, count = Count(f) }),
                years = result.Years.Select(f => new { value = f.Value, count = Count(f) }),
            },
        });
    }
}
