using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Features.Audit;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Requests;

/// <summary>What one kind of request's public pages say and where they are.</summary>
/// <param name="Section">The list's name, first in the breadcrumbs, e.g. "Hỏi đáp".</param>
/// <param name="noun">The kind inside a sentence, e.g. "câu hỏi".</param>
/// <param name="TrackCrumb">The tracking page's own breadcrumb.</param>
public sealed record RequestPublicTexts(
    string Section, string List, Func<int, string> Detail, string Track, string noun, TrackingCode Codes,
    string TrackTitle, string TrackDescription, string TrackCrumb);

/// <summary>
/// The public page of one published request with its answer, on the site it was received on and on the one that
/// answered it; any other is not found.
/// </summary>
public abstract class RequestDetailModel<T>(RequestService<T> requests, SiteDirectory directory, RequestPublicTexts texts) : PublicPageModel
    where T : RoutedRequest
{
    public Site? AnsweredBy { get; private set; }

    /// <summary>The request shown (each page names it: Question, Petition).</summary>
    protected T Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await requests.PublishedOn(Site).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return NotFound();
        Item = r;
        AnsweredBy = (await directory.GetAsync(ct)).ById.GetValueOrDefault(r.HandlingSiteId);
        Meta = new PageMeta
        {
            Title = r.PublicHeading ?? "",
            Description = r.PublicBody is { Length: > 200 } t ? t[..200] + "…" : r.PublicBody,
            Creator = AnsweredBy?.AgencyName,
            Date = r.PublishedAt,
            CanonicalPath = texts.Detail(r.Id),
            Breadcrumbs = [(texts.Section, texts.List), (r.PublicHeading ?? "", null)],
        };
        return Page();
    }
}

/// <summary>
/// The tracking page of one kind of request: the status by its tracking code. A posted form (each page rate-limits it
/// per address, so codes cannot be tried in bulk), not a query string, so the code stays out of addresses and logs.
/// Shows the status, the unit that handles it and the answer; never the requester's name or contact details.
/// </summary>
public abstract class RequestTrackModel<T>(RequestService<T> requests, SiteDirectory directory, RequestPublicTexts texts) : PublicPageModel
    where T : RoutedRequest
{
    [BindProperty] public string? Code { get; set; }

    public string? Error { get; private set; }
    public T? Found { get; private set; }
    public Site? HandledBy { get; private set; }
    public bool PublishedHere { get; private set; }
    /// <summary>The site it was received on (each page names it: AskedOn, SentTo).</summary>
    protected Site? ReceivedOn { get; private set; }

    private PageMeta TrackMeta() => new()
    {
        Title = texts.TrackTitle,
        Description = texts.TrackDescription,
        CanonicalPath = texts.Track,
        Breadcrumbs = [(texts.Section, texts.List), (texts.TrackCrumb, null)],
    };

    public void OnGet() => Meta = TrackMeta();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Meta = TrackMeta();
        var code = texts.Codes.Normalize(Code);
        if (code is null)
        {
            Error = texts.Codes.Malformed(Code);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Code = code;
        Found = await requests.FindByCodeAsync(code, ct);
        if (Found is null)
        {
            Error = $"Không tìm thấy {texts.noun} có mã {code}. Hãy kiểm tra lại mã trong thư xác nhận.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var snap = await directory.GetAsync(ct);
        ReceivedOn = snap.ById.GetValueOrDefault(Found.SiteId);
        HandledBy = snap.ById.GetValueOrDefault(Found.HandlingSiteId);
        PublishedHere = Found.Stage == RequestStage.Published && (Found.SiteId == Site.Id || Found.HandlingSiteId == Site.Id);
        return Page();
    }
}

/// <summary>
/// The public form one kind of request is sent with. Works without JavaScript; anti-forgery token, the per-address
/// rate limit on posts (on each page), a honeypot field, every check on the server. The same form posted twice (a
/// double click, a reload) makes one request: each form carries a random submission key. Each page adds its own
/// fields and sends them to its service.
/// </summary>
public abstract class RequestFormModel<TOptions>(CurrentSite current, IOptions<TOptions> options) : PublicPageModel
    where TOptions : RequestOptions
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public string? SubmissionKey { get; set; }
    /// <summary>Hidden from people (and labelled so): only a robot fills it in.</summary>
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public int WorkingDays => options.Value.AnswerWorkingDays;
    public int MaxMegabytes => options.Value.MaxAttachmentMegabytes;

    /// <summary>What is sent, in the honeypot's refusal: "câu hỏi".</summary>
    protected abstract string Noun { get; }
    /// <summary>The audit trail's actor for a submission: never the requester's name (personal data must stay erasable
    /// from the request row; the trail is append-only).</summary>
    protected abstract string ActorName { get; }
    /// <summary>The page's title once sent.</summary>
    protected abstract string SentTitle { get; }
    protected abstract PageMeta FormMeta();
    /// <summary>Sends the form to the service; the Vietnamese reasons it was refused, empty when sent.</summary>
    protected abstract Task<IReadOnlyList<string>> SendAsync(IncomingFile? file, string baseUrl, AuditActor actor, CancellationToken ct);

    public void OnGet(string? loi)
    {
        Meta = FormMeta();
        SubmissionKey = Guid.NewGuid().ToString("N");
        if (loi == UploadLimitAttribute.TooLargeFlag)
        {
            Errors = [RequestAttachments.TooLarge(MaxMegabytes)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Meta = FormMeta();
        if (!string.IsNullOrEmpty(Website))
            return Refuse([$"Không gửi được {Noun}. Nếu bạn không phải máy tự động, hãy để trống ô cuối biểu mẫu rồi gửi lại."]);
        IncomingFile? file = null;
        if (Attachment is { Length: > 0 } a) file = new IncomingFile(a.OpenReadStream(), a.Length, a.FileName);
        else if (Attachment is { Length: 0, FileName.Length: > 0 }) return Refuse([RequestAttachments.Empty]);
        var baseUrl = SiteLinks.AbsoluteBase(Site, Request, current.ResolvedByHost);
        var actor = new AuditActor(null, ActorName, HttpContext.Connection.RemoteIpAddress?.ToString());
        var errors = await SendAsync(file, baseUrl, actor, ct);
        if (errors.Count > 0) return Refuse(errors);
        Meta = Meta with { Title = SentTitle };
        return Page();
    }

    private IActionResult Refuse(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
