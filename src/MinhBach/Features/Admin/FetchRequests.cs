namespace MinhBach.Features.Admin;

/// <summary>
/// Requests made by the administration's own scripts (the rich-text editor's image upload) carry
/// X-Requested-With: fetch and get JSON back, refusals included (<c>{ "error": "…" }</c>), never a page or a redirect.
/// </summary>
public static class FetchRequests
{
    public const string HeaderValue = "fetch";

    public static bool IsFetch(this HttpRequest request) => request.Headers.XRequestedWith == HeaderValue;

    /// <summary>Answers a script's request with a status and a Vietnamese message.</summary>
    public static Task WriteErrorAsync(this HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new { error = message });
    }
}
