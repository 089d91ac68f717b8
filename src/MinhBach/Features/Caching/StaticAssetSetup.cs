using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticAssets;

namespace MinhBach.Features.Caching;

/// <summary>
/// The theme and the front-end packages (wwwroot/assets, wwwroot/lib) as ASP.NET Core static assets: fingerprinted at
/// build time (site.{hash}.css), precompressed (.br, .gz), with ETags, and `Cache-Control: public, max-age=31536000, immutable`
/// on fingerprinted addresses. Layouts write the fingerprinted address through asp-append-version. Answered before the
/// request is given a site, as plain files were.
/// </summary>
public static partial class StaticAssetSetup
{
    public static bool IsAssetPath(PathString path) =>
        path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// First thing for /assets and /lib: a fingerprint from an older build is served as the current file (not immutable),
    /// then routing over the assets alone (a branch has endpoints of its own), which runs the asset at once (short
    /// circuit); anything else falls to the files on disk and then to the site's pages as before.
    /// </summary>
    public static IApplicationBuilder UseFingerprintedAssets(this IApplicationBuilder app) =>
        app.UseWhen(http => IsAssetPath(http.Request.Path), branch =>
        {
            branch.UseMiddleware<OldFingerprintMiddleware>();
            branch.UseRouting();
            branch.UseEndpoints(e => e.MapAssets());
            branch.UseStaticFiles();
        });

    /// <summary>
    /// The same endpoints among the pages' own, so that WithStaticAssets gives asp-append-version the fingerprinted
    /// addresses (they also answer /so-a/assets/…, after site resolution).
    /// </summary>
    public static void MapFingerprintedAssets(this IEndpointRouteBuilder app) => app.MapAssets();

    internal const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>The endpoints from the build's manifest (minhbach.staticwebassets.endpoints.json next to the executable).</summary>
    private static void MapAssets(this IEndpointRouteBuilder app)
    {
        var name = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().ApplicationName;
        // Without the build's manifest (a copy made by hand), the files are still served plainly (UseStaticFiles).
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, $"{name}.staticwebassets.endpoints.json"))) return;
        var assets = app.MapStaticAssets();
        assets.ShortCircuit();
        // The build writes "max-age=31536000, immutable" on fingerprinted addresses; "public" says so to every cache.
        assets.Add(b =>
        {
            if (b.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault()?.ResponseHeaders
                    .Any(h => h.Name == "Cache-Control" && h.Value.Contains("immutable", StringComparison.Ordinal)) != true
                || b.RequestDelegate is not { } serve)
                return;
            b.RequestDelegate = http =>
            {
                http.Response.OnStarting(static state =>
                {
                    var response = (HttpResponse)state;
                    if (response.StatusCode < 400) response.Headers.CacheControl = Immutable;
                    return Task.CompletedTask;
                }, http.Response);
                return serve(http);
            };
        });
    }

    /// <summary>"site.r69pjijks3.css": the build's fingerprint is ten lowercase letters and digits before the extension.</summary>
    [GeneratedRegex(@"^(?<stem>/.+)\.[a-z0-9]{10}(?<ext>\.[^./]+)$")]
    internal static partial Regex Fingerprinted();
}

/// <summary>
/// A page kept by a browser, a proxy or the output cache from before a deployment names the old fingerprint: it gets the
/// current file at its plain address (revalidated, never immutable) instead of a 404 that would leave it unstyled.
/// </summary>
internal sealed class OldFingerprintMiddleware(RequestDelegate next, EndpointDataSource endpoints)
{
    private HashSet<string>? _routes;

    public Task InvokeAsync(HttpContext http)
    {
        var routes = _routes ??= endpoints.Endpoints
            .Select(e => e.Metadata.GetMetadata<StaticAssetDescriptor>()?.Route)
            .OfType<string>()
            .Select(r => "/" + r)
            .ToHashSet(StringComparer.Ordinal);
        var path = http.Request.Path.Value ?? "";
        if (!routes.Contains(path) && StaticAssetSetup.Fingerprinted().Match(path) is { Success: true } m)
        {
            var plain = m.Groups["stem"].Value + m.Groups["ext"].Value;
            if (routes.Contains(plain)) http.Request.Path = plain;
        }
        return next(http);
    }
}
