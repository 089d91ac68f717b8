using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Requests;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Questions;

/// <summary>/hoi-dap/tra-cuu: the status of a question by its tracking code (see <see cref="RequestTrackModel{T}"/>);
/// never the asker's name or contact details.</summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class TrackModel(QuestionService questions, SiteDirectory directory)
    : RequestTrackModel<Question>(questions, directory, QuestionUrls.Pages)
{
    public Site? AskedOn => ReceivedOn;
}
