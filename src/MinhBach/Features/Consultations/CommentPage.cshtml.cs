using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Audit;
using MinhBach.Features.Public;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Consultations;

/// <summary>
/// /lay-y-kien/{slug}/gop-y: the comment form, on the whole draft or one article or clause (?dieu=5 or ?dieu=5.2 chooses
/// it). Plain HTML, no JavaScript needed; anti-forgery token, the per-address rate limit, a honeypot field and every
/// check on the server, where the consultation's dates are enforced. A form that fails the anti-forgery check is shown
/// again with its text and a sentence saying why, not an error page; the same form posted twice makes one comment.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
[IgnoreAntiforgeryToken]
public sealed class CommentPageModel(ConsultationService consultations, CurrentSite current, IAntiforgery antiforgery) : PublicPageModel
{
    public const string Forged = "Biểu mẫu đã hết hạn hoặc không hợp lệ, nên góp ý chưa được gửi. Hãy tải lại trang rồi gửi lại (nội dung bạn đã viết vẫn còn bên dưới).";

    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? AuthorName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public string? SubmissionKey { get; set; }
    /// <summary>Hidden from people (and labelled so): only a robot fills it in.</summary>
    [BindProperty] public string? Website { get; set; }

    public Consultation? Consultation { get; private set; }
    public DraftStructure? Draft { get; private set; }
    public ConsultationPhase Phase { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public ConsultationComment? Sent { get; private set; }
    /// <summary>No consultation by that address: the page says so (404) instead of showing a form.</summary>
    public bool Unknown { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, string? dieu, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (Consultation!.Slug != key) return RedirectPermanent(Url.Site(ConsultationUrls.Comment(Consultation.Slug)) + Request.QueryString);
        SubmissionKey = Guid.NewGuid().ToString("N");
        Target = dieu is not null && ConsultationService.ReadTarget(dieu, Draft!).Error is null ? dieu.Trim() : "";
        if (Phase != ConsultationPhase.Open) Errors = [Closed()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            Unknown = true;
            Errors = ["Không tìm thấy dự thảo này trên trang; có thể đường dẫn đã sai hoặc dự thảo đã được gỡ. Góp ý chưa được gửi."];
            SetMeta(null);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return Refuse([Forged]);
        if (!string.IsNullOrEmpty(Website))
            return Refuse(["Không gửi được góp ý. Nếu bạn không phải máy tự động, hãy để trống ô cuối biểu mẫu rồi gửi lại."]);
        var baseUrl = SiteLinks.AbsoluteBase(Site, Request, current.ResolvedByHost);
        // The commenter's name stays out of the append-only audit trail (personal data must stay erasable).
        var actor = new AuditActor(null, "người góp ý", HttpContext.Connection.RemoteIpAddress?.ToString());
        var result = await consultations.CommentAsync(Site, Consultation!.Slug,
            new CommentForm(Target, AuthorName, Email, Phone, Organisation, Body, Consent), SubmissionKey, baseUrl, actor, ct);
        if (!result.Ok) return Refuse(result.Errors);
        Sent = result.Value;
        Meta = Meta with { Title = "Đã gửi góp ý" };
        return Page();
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        Consultation = await consultations.FindPublicAsync(key, ct);
        if (Consultation is null) return false;
        Draft = DraftParser.Parse(Consultation.DraftText);
        Phase = consultations.Phase(Consultation);
        SetMeta(Consultation);
        return true;
    }

    private string Closed() => Phase == ConsultationPhase.Upcoming
        ? $"Dự thảo này chưa đến thời gian lấy ý kiến: góp ý được nhận từ ngày {VnTime.DateText(Consultation!.OpensOn)} đến hết ngày {VnTime.DateText(Consultation.ClosesOn)}."
        : $"Đã hết thời gian lấy ý kiến dự thảo này (đến hết ngày {VnTime.DateText(Consultation!.ClosesOn)}); không nhận thêm góp ý.";

    private IActionResult Refuse(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void SetMeta(Consultation? c) => Meta = new PageMeta
    {
        Title = "Góp ý dự thảo",
        Description = c is null ? "Góp ý dự thảo văn bản." : $"Góp ý dự thảo {c.Title}.",
        CanonicalPath = c is null ? ConsultationUrls.List : ConsultationUrls.Comment(c.Slug),
        Breadcrumbs = c is null
            ? [("Lấy ý kiến dự thảo", ConsultationUrls.List), ("Góp ý", null)]
            : [("Lấy ý kiến dự thảo", ConsultationUrls.List), (c.Title, ConsultationUrls.Detail(c.Slug)), ("Góp ý", null)],
    };
}
