namespace MinhBach.Features.Sites;

/// <summary>
/// Routes a request to a site: by host name first, then by the first path segment (the site's
/// prefix, which becomes PathBase so pages and links stay site-relative), else the portal.
/// </summary>
public sealed class SiteResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, SiteDirectory directory, CurrentSite current)
    {
        if (current.Site is not null)
        {
            // Error pages run the pipeline again in the same request: keep the site already found.
            http.Request.PathBase = current.PathBase;
            await next(http);
            return;
        }

        var snap = await directory.GetAsync(http.RequestAborted);
        var path = http.Request.Path.Value ?? "/";
        var match = snap.Match(http.Request.Host.Host, path);
        if (match.PrefixLength < 0)
        {
            // "/so-khcn" → "/so-khcn/" so that relative links resolve inside the site.
            http.Response.Redirect(http.Request.PathBase + path + "/" + http.Request.QueryString, permanent: true);
            return;
        }
        current.ResolvedByHost = match.ByHost;
        match.MovePrefix(http.Request, path);
        var site = match.Site;

        if (site is null)
        {
            // No portal configured yet (empty database): only the error pages may run.
            if (http.Request.Path.StartsWithSegments("/loi")) await next(http);
            else http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (site.Status == SiteStatus.Merged && site.MergedIntoId is int target && snap.ById.TryGetValue(target, out var into))
        {
            var url = SiteUrls.Home(into, http.Request, current.ResolvedByHost).TrimEnd('/') + http.Request.Path + http.Request.QueryString;
            http.Response.Redirect(url, permanent: true);
            return;
        }

        current.Site = site;
        current.PathBase = http.Request.PathBase;
        await next(http);
    }
}

public static class SiteUrls
{
    /// <summary>The home URL of a site: its host when this request came by host and the site has one, else its prefix.</summary>
    public static string Home(Site site, HttpRequest request, bool byHost)
    {
        if (byHost && site.Hosts.Count > 0)
            return $"{request.Scheme}://{site.Hosts[0].Host}/";
        return site.Slug.Length == 0 ? "/" : $"/{site.Slug}/";
    }

    /// <summary>Absolute base URL of the current site, for feeds and sitemaps.</summary>
    public static string AbsoluteBase(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}";
}
