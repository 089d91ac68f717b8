using Microsoft.Net.Http.Headers;

namespace MinhBach.Features.Security;

/// <summary>
/// Whether a browser sent this request on behalf of another site's page. Browsers mark every POST with Sec-Fetch-Site
/// and Origin; a request without either did not come from another site's page through a browser.
/// </summary>
public static class CrossSitePosts
{
    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite is not ("same-origin" or "none");
        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0) return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var o)
            || !string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
