using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Public;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Questions;

/// <summary>
/// /hoi-dap/tra-cuu: the status of a question by its tracking code. A posted form (rate-limited per address, so codes
/// cannot be tried in bulk), not a query string, so the code stays out of addresses and logs. Shows the status, the
/// unit that answers and the answer; never the asker's name or contact details.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class TrackModel(QuestionService questions, SiteDirectory directory) : PublicPageModel
{
    [BindProperty] public string? Code { get; set; }

    public string? Error { get; private set; }
    public Question? Found { get; private set; }
    public Site? AskedOn { get; private set; }
    public Site? HandledBy { get; private set; }
    public bool PublishedHere { get; private set; }

    public void OnGet() => SetMeta();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SetMeta();
        var code = TrackingCode.Normalize(Code);
        if (code is null)
        {
            Error = string.IsNullOrWhiteSpace(Code)
                ? "Hãy nhập mã tra cứu (ví dụ: " + TrackingCode.Example + ")."
                : "Mã tra cứu không đúng dạng: mã gồm chữ HD và 8 chữ cái, chữ số, ví dụ " + TrackingCode.Example + ".";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Code = code;
        Found = await questions.FindByCodeAsync(code, ct);
        if (Found is null)
        {
            Error = $"Không tìm thấy câu hỏi có mã {code}. Hãy kiểm tra lại mã trong thư xác nhận.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var snap = await directory.GetAsync(ct);
        AskedOn = snap.ById.GetValueOrDefault(Found.SiteId);
        HandledBy = snap.ById.GetValueOrDefault(Found.HandlingSiteId);
        PublishedHere = Found.Status == QuestionStatus.Published && (Found.SiteId == Site.Id || Found.HandlingSiteId == Site.Id);
        return Page();
    }

    private void SetMeta() => Meta = new PageMeta
    {
        Title = "Tra cứu câu hỏi",
        Description = "Xem tình trạng trả lời câu hỏi bằng mã tra cứu.",
        CanonicalPath = QuestionUrls.Track,
        Breadcrumbs = [("Hỏi đáp", QuestionUrls.List), ("Tra cứu câu hỏi", null)],
    };
}
