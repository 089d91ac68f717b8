namespace MinhBach.Features.Security;

/// <summary>
/// Security headers on every response. The policy allows no inline script or style anywhere, so
/// injected markup cannot run even if it slipped past the sanitiser.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // The EMC monitoring script is the one third-party script a government site must load (TEC-05).
    private const string Csp =
        "default-src 'self'; script-src 'self' https://f-emc.ngsp.gov.vn http://f-emc.ngsp.gov.vn; " +
        "connect-src 'self' https://f-emc.ngsp.gov.vn; img-src 'self' data: https:; style-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            // An endpoint may tighten it (a PDF served with "sandbox"); nothing loosens it.
            if (string.IsNullOrEmpty(h.ContentSecurityPolicy)) h.ContentSecurityPolicy = Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
