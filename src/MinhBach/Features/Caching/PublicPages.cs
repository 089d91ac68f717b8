using Microsoft.Net.Http.Headers;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Caching;

/// <summary>
/// What counts as a public page for HTTP caching: the same answer to everyone, so it may be kept by the output cache,
/// carry validators (ETag) and be revalidated with a 304. Signed-in people, the administration, files and the APIs
/// never are.
/// </summary>
public static class PublicPages
{
    private static readonly string[] Uncached = ["/quan-tri", "/api", "/tep", "/loi", "/danh-gia", "/assets", "/lib", "/healthz"];
    private static readonly string[] Kept = ["text/html", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "text/plain"];

    /// <summary>
    /// The page cache, validators and compression run before authentication (a cached page costs no more than it must):
    /// a sign-in cookie, valid or not, is enough to treat the request as a signed-in person's, who never gets nor leaves
    /// a cached page, a validator or a compressed body.
    /// </summary>
    public static bool SignedIn(HttpContext http) =>
        http.Request.Cookies.ContainsKey(Accounts.AccountsSetup.AuthCookie) || http.User.Identity?.IsAuthenticated == true;

    /// <summary>Neither signed in (<see cref="SignedIn"/>) nor sending credentials of another kind.</summary>
    public static bool Anonymous(HttpContext http) => !SignedIn(http) && !http.Request.Headers.ContainsKey(HeaderNames.Authorization);

    /// <summary>An anonymous GET or HEAD of a site's page (anonymous as <see cref="SignedIn"/> judges it).</summary>
    public static bool IsPublicRequest(HttpContext http, out Site site)
    {
        site = null!;
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !Anonymous(http))
            return false;
        foreach (var p in Uncached)
            if (request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) return false;
        if (http.RequestServices.GetRequiredService<CurrentSite>().Site is not { } s) return false;
        site = s;
        return true;
    }

    /// <summary>
    /// A 200 page, feed or sitemap that is the same for everyone: no cookie set, not marked no-store or private (a page
    /// that rendered an anti-forgery token is marked no-store by ASP.NET Core itself).
    /// </summary>
    public static bool IsPublicResponse(HttpResponse response)
    {
        var type = response.ContentType ?? "";
        return response.StatusCode == StatusCodes.Status200OK
            && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            && !response.Headers.CacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase)))
            && Kept.Any(k => type.StartsWith(k, StringComparison.OrdinalIgnoreCase));
    }
}
