using MinhBach.Data;
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
public sealed class Question : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    /// <summary>The site it was asked on.</summary>
    public int SiteId { get; set; }
    /// <summary>The site that answers it (its inbox lists it).</summary>
    public int HandlingSiteId { get; set; }
    /// <summary>Tracking code, e.g. HD-7K3M-Q9XA: unguessable, easy to read aloud.</summary>
    public string Code { get; set; } = "";
    /// <summary>Random key of the form that sent it: the same form posted twice (a double click) makes one question.</summary>
    public string? SubmissionKey { get; set; }

    public string AskerName { get; set; } = "";
    public string? AskerEmail { get; set; }
    public string? AskerPhone { get; set; }
    public string Topic { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime AskedAt { get; set; }
    /// <summary>Last day to answer: the configured number of working days after the day it was received.</summary>
    public DateOnly DueOn { get; set; }
    public QuestionStatus Status { get; set; }

    public DateTime? AssignedAt { get; set; }
    public string? AssignedByName { get; set; }
    public string? AssignmentNote { get; set; }

    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredByName { get; set; }

    public DateTime? PublishedAt { get; set; }
    public string? PublicTitle { get; set; }
    public string? PublicQuestion { get; set; }
    public string? PublicAnswer { get; set; }
    /// <summary>The public wording folded (no tones, đ → d), for searching with or without diacritics.</summary>
    public string? PublicFolded { get; set; }

    public DateTime? RemindedAt { get; set; }
    public DateTime? EscalatedAt { get; set; }

    /// <summary>Where the attachment is in the file store (private: only the administration serves it).</summary>
    public string? AttachmentPath { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public long AttachmentSize { get; set; }

    /// <summary>Absolute address of the site it was asked on, as the asker reached it (for the links in mail).</summary>
    public string? AskedBaseUrl { get; set; }
    /// <summary>Absolute address of the handling site (links to its administration in staff mail).</summary>
    public string? HandlingBaseUrl { get; set; }

    public int Version { get; set; }

    public bool IsOpen => Status is QuestionStatus.Received or QuestionStatus.Assigned;
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
