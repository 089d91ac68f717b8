using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Admin;
using MinhBach.Features.Public;
using MinhBach.Features.Security;

namespace MinhBach.Features.Ratings;

/// <summary>
/// /danh-gia: where the rating form of every rated page posts. Without JavaScript the visitor is sent back to the page
/// (a redirect to ?danh-gia=cam-on), which shows the thanks in place of the form; the site's script posts it with
/// X-Requested-With: fetch and gets JSON. A refused rating (no answer, a comment too long) shows the form again here,
/// with the comment kept; a page that does not exist on this site is a 404 with the reason.
/// </summary>
/// The form carries no anti-forgery token, so the articles, documents and pages it sits in can be cached for everyone:
/// a token in a cached page would be someone else's. The rating is anonymous (nobody's session can be abused) and a
/// post another site makes a browser send is refused by its Sec-Fetch-Site/Origin headers (<see cref="CrossSitePosts"/>).
[EnableRateLimiting(RateLimits.Rating)]
[IgnoreAntiforgeryToken]
public sealed class RateModel(RatingService ratings) : PublicPageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? RefId { get; set; }
    [BindProperty] public string? Useful { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public string? Error { get; private set; }
    public RatedPage? Target { get; private set; }
    public RatingBox? Box { get; private set; }

    /// <summary>The form alone, for a page of this site (?loai=article&amp;id=12).</summary>
    public async Task<IActionResult> OnGetAsync(string? loai, string? id, CancellationToken ct)
    {
        SetMeta();
        if (RatingKinds.IsKnown(loai) && int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && await ratings.FindAsync(Site, loai!, n, ct) is { } page)
        {
            Target = page;
            Box = new RatingBox(loai!, n);
            return Page();
        }
        Error = RatingService.Unknown;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SetMeta();
        if (CrossSitePosts.IsCrossSite(Request)) return BadInput();
        var r = await ratings.RateAsync(Site, Kind, RefId, Useful, Comment,
            HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), ct);
        var status = r.Outcome switch
        {
            RatingOutcome.Recorded or RatingOutcome.Duplicate => StatusCodes.Status200OK,
            RatingOutcome.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status404NotFound,
        };
        if (Request.IsFetch())
        {
            Response.StatusCode = status;
            return new JsonResult(new { ok = status == StatusCodes.Status200OK, message = r.Message, duplicate = r.Outcome == RatingOutcome.Duplicate });
        }
        if (status == StatusCodes.Status200OK)
        {
            var flag = r.Outcome == RatingOutcome.Recorded ? RatingNotices.Thanks : RatingNotices.Already;
            return Redirect(Url.Site($"{r.Path}?{RatingNotices.Query}={flag}#danh-gia"));
        }
        Error = r.Message;
        if (r.Path is not null)
        {
            Target = new RatedPage(r.Title ?? "", r.Path);
            Box = new RatingBox(Kind!, int.Parse(RefId!, System.Globalization.CultureInfo.InvariantCulture), Comment);
        }
        Response.StatusCode = status;
        return Page();
    }

    private void SetMeta() => Meta = new PageMeta
    {
        Title = "Đánh giá mức độ hài lòng",
        Description = "Đánh giá thông tin trên trang có hữu ích hay không.",
        CanonicalPath = "/danh-gia",
        Breadcrumbs = [("Đánh giá mức độ hài lòng", null)],
    };
}
