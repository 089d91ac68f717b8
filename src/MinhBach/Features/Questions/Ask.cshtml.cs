using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MinhBach.Features.Audit;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Questions;

/// <summary>/hoi-dap/gui-cau-hoi: the form a citizen or business asks with (see <see cref="RequestFormModel{TOptions}"/>).</summary>
[EnableRateLimiting(RateLimits.PublicForm)]
[UploadLimit]
public sealed class AskModel(QuestionService questions, CurrentSite current, IOptions<QuestionOptions> options)
    : RequestFormModel<QuestionOptions>(current, options)
{
    [BindProperty] public string? AskerName { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public string? QuestionTitle { get; set; }
    [BindProperty] public string? Body { get; set; }

    public Question? Sent { get; private set; }

    protected override string Noun => "câu hỏi";
    protected override string ActorName => "người hỏi";
    protected override string SentTitle => "Đã gửi câu hỏi";

    protected override async Task<IReadOnlyList<string>> SendAsync(IncomingFile? file, string baseUrl, AuditActor actor, CancellationToken ct)
    {
        var result = await questions.AskAsync(Site, new AskForm(AskerName, Email, Phone, Topic, QuestionTitle, Body, Consent),
            file, SubmissionKey, baseUrl, actor, ct);
        Sent = result.Request;
        return result.Errors;
    }

    protected override PageMeta FormMeta() => new()
    {
        Title = "Gửi câu hỏi",
        Description = $"Gửi câu hỏi đến {Site.AgencyName}; trả lời trong {WorkingDays} ngày làm việc.",
        CanonicalPath = QuestionUrls.Ask,
        Breadcrumbs = [("Hỏi đáp", QuestionUrls.List), ("Gửi câu hỏi", null)],
    };
}
