using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using MinhBach.Features.Admin;

namespace MinhBach.Features.Media;

/// <summary>
/// For a page that takes an uploaded image: caps the request body at <see cref="MaxRequestBytes"/> (one file of
/// <see cref="ImageIntake.MaxBytes"/> and the form around it), keeps the form in memory (so no temporary file is ever
/// written to disk), and answers a bigger body with the Vietnamese message instead of the bare 400 that antiforgery
/// or 413 that Kestrel would give once they tried to read it. It runs after the framework's size filters (900) and
/// before antiforgery (1000). A fetch gets 413 with <c>{ "error": … }</c>; a form is sent back (303) to its page with
/// <c>?loi=qua-lon</c>, which shows <see cref="ImageIntake.TooLarge"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(long maxFileBytes = ImageIntake.MaxBytes) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const long MaxRequestBytes = ImageIntake.MaxBytes + 1024 * 1024;
    public const string TooLargeFlag = "qua-lon";

    /// <summary>One file of the given size and the form around it.</summary>
    private long Cap => maxFileBytes + 1024 * 1024;

    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method)) return;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = Cap;
        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MemoryBufferThreshold = (int)Cap,
            MultipartBodyLengthLimit = Cap,
        }));
        if (request.ContentLength > Cap)
        {
            Refuse(context);
            return;
        }
        if (!request.HasFormContentType) return;
        try
        {
            // Read here, once; antiforgery and model binding then use the form already read. A body sent without a
            // length (chunked, which browsers do not do for forms) is cut off by Kestrel at the cap: it gets the same
            // answer, but Kestrel then closes the connection, so a client still sending may not get to read it.
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Refuse(context);
        }
    }

    private static void Refuse(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // The browser is still sending. Kestrel reads and discards the rest after the answer (for up to five seconds)
        // so that the browser gets to read it; held to the cap, it would cut the connection instead.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        if (http.Request.IsFetch())
        {
            context.Result = new JsonResult(new { error = ImageIntake.TooLarge }) { StatusCode = StatusCodes.Status413PayloadTooLarge };
            return;
        }
        http.Response.Headers.Location = http.Request.PathBase + http.Request.Path + "?loi=" + TooLargeFlag;
        context.Result = new StatusCodeResult(StatusCodes.Status303SeeOther);
    }
}
