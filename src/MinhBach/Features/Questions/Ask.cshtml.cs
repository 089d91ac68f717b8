using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MinhBach.Features.Audit;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Questions;

/// <summary>
/// /hoi-dap/gui-cau-hoi: the form a citizen or business asks with. Works without JavaScript; anti-forgery token,
/// a per-address rate limit on posts, a honeypot field, every check on the server. The same form posted twice (a
/// double click, a reload) makes one question: each form carries a random submission key.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
[UploadLimit]
public sealed class AskModel(QuestionService questions, CurrentSite current, IOptions<QuestionOptions> options) : PublicPageModel
{
    [BindProperty] public string? AskerName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public string? QuestionTitle { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public string? SubmissionKey { get; set; }
    /// <summary>Hidden from people (and labelled so): only a robot fills it in.</summary>
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public Question? Sent { get; private set; }
    public int WorkingDays => options.Value.AnswerWorkingDays;
    public int MaxMegabytes => options.Value.MaxAttachmentMegabytes;

    public void OnGet(string? loi)
    {
        SetMeta();
        SubmissionKey = Guid.NewGuid().ToString("N");
        if (loi == UploadLimitAttribute.TooLargeFlag)
        {
            Errors = [QuestionAttachments.TooLarge(MaxMegabytes)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SetMeta();
        if (!string.IsNullOrEmpty(Website))
            return Refuse(["Không gửi được câu hỏi. Nếu bạn không phải máy tự động, hãy để trống ô cuối biểu mẫu rồi gửi lại."]);
        IncomingFile? file = null;
        if (Attachment is { Length: > 0 } a) file = new IncomingFile(a.OpenReadStream(), a.Length, a.FileName);
        else if (Attachment is { Length: 0, FileName.Length: > 0 }) return Refuse([QuestionAttachments.Empty]);
        var baseUrl = SiteLinks.AbsoluteBase(Site, Request, current.ResolvedByHost);
        // The asker's name stays out of the append-only audit trail (personal data must be erasable from the question).
        var actor = new AuditActor(null, "người hỏi", HttpContext.Connection.RemoteIpAddress?.ToString());
        var result = await questions.AskAsync(Site, new AskForm(AskerName, Email, Phone, Topic, QuestionTitle, Body, Consent),
            file, SubmissionKey, baseUrl, actor, ct);
        if (!result.Ok) return Refuse(result.Errors);
        Sent = result.Question;
        Meta = Meta with { Title = "Đã gửi câu hỏi" };
        return Page();
    }

    private IActionResult Refuse(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void SetMeta() => Meta = new PageMeta
    {
        Title = "Gửi câu hỏi",
        Description = $"Gửi câu hỏi đến {Site.AgencyName}; trả lời trong {WorkingDays} ngày làm việc.",
        CanonicalPath = QuestionUrls.Ask,
        Breadcrumbs = [("Hỏi đáp", QuestionUrls.List), ("Gửi câu hỏi", null)],
    };
}
