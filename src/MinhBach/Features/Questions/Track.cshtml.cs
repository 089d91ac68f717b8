using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Questions;

/// <summary>/hoi-dap/tra-cuu: the status of a question by its tracking code (see <see cref="RequestTrackModel{T}"/>);
/// never the asker's name or contact details.</summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class TrackModel(QuestionService questions, SiteDirectory directory) : RequestTrackModel<Question>(directory)
{
    public Site? AskedOn => ReceivedOn;

    protected override TrackingCode Codes => TrackingCode.Question;
    protected override Task<Question?> FindAsync(string code, CancellationToken ct) => questions.FindByCodeAsync(code, ct);
    protected override bool IsPublished(Question request) => request.Status == QuestionStatus.Published;
    protected override string NotFoundText(string code) =>
        $"Không tìm thấy câu hỏi có mã {code}. Hãy kiểm tra lại mã trong thư xác nhận.";

    protected override PageMeta TrackMeta() => new()
    {
        Title = "Tra cứu câu hỏi",
        Description = "Xem tình trạng trả lời câu hỏi bằng mã tra cứu.",
        CanonicalPath = QuestionUrls.Track,
        Breadcrumbs = [("Hỏi đáp", QuestionUrls.List), ("Tra cứu câu hỏi", null)],
    };
}
