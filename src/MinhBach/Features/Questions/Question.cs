using MinhBach.Data;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Questions;

public enum QuestionStatus
{
    /// <summary>Received by the site it was asked on, not yet passed to another unit.</summary>
    Received = 0,
    /// <summary>Passed to another unit (site) of the province, which answers it.</summary>
    Assigned = 1,
    /// <summary>Answered; the answer was sent to the asker.</summary>
    Answered = 2,
    /// <summary>Answered and published with the question, in public wording, on both sites.</summary>
    Published = 3,
}

/// <summary>
/// A citizen's or business's question (hỏi đáp, TEC-12). Owned by the site it was asked on (SiteId), which keeps
/// seeing it; <see cref="HandlingSiteId"/> is the unit that answers it, the same site or another one of the province.
/// The asker's name and contact are never shown on a public page: what is published is the public wording.
/// </summary>
public sealed class Question : RoutedRequest
{
    public string AskerName { get; set; } = "";
    public string? AskerEmail { get; set; }
    public string? AskerPhone { get; set; }
    public string Topic { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime AskedAt { get; set; }
    public QuestionStatus Status { get; set; }

    public string? PublicTitle { get; set; }
    public string? PublicQuestion { get; set; }

    /// <summary>Absolute address of the site it was asked on, as the asker reached it (for the links in mail).</summary>
    public string? AskedBaseUrl { get; set; }

    public override RequestStage Stage => (RequestStage)Status;
    public override void MoveTo(RequestStage stage) => Status = (QuestionStatus)stage;
    public override string? RequesterEmail => AskerEmail;
    public override string? RequesterPhone => AskerPhone;
    public override string Heading => Title;
    public override DateTime ReceivedAt => AskedAt;
    public override string? PublicHeading => PublicTitle;
    public override string? PublicBody => PublicQuestion;

    public override void SetPublicWording(string heading, string body)
    {
        PublicTitle = heading;
        PublicQuestion = body;
    }
}

public static class QuestionStatusNames
{
    public static string Vietnamese(QuestionStatus s) => s switch
    {
        QuestionStatus.Received => "Đã tiếp nhận",
        QuestionStatus.Assigned => "Đã chuyển đơn vị xử lý",
        QuestionStatus.Answered => "Đã trả lời",
        _ => "Đã trả lời và công khai",
    };
}
