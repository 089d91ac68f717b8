using MinhBach.Data;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Consultations;

/// <summary>
/// A draft document put out for public comment (lấy ý kiến dự thảo, INF-17): its full text, split into articles when
/// shown, the days it is open (Viet Nam dates, both included), the drafting unit that receives the comments and, after
/// closing, the synthesis table it publishes. Owned by one site; comments point at an article by its number.
/// </summary>
public sealed class Consultation : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>The draft's full text as plain lines ("Điều 1. …", "1. …", "a) …"); split by <see cref="DraftText"/>.</summary>
    public string DraftText { get; set; } = "";
    /// <summary>How many articles the text had when saved (for lists).</summary>
    public int ArticleCount { get; set; }

    /// <summary>First day comments are taken (Viet Nam date).</summary>
    public DateOnly OpensOn { get; set; }
    /// <summary>Last day comments are taken, to midnight Viet Nam time.</summary>
    public DateOnly ClosesOn { get; set; }
    /// <summary>Shown on the public pages; a consultation being prepared is not.</summary>
    public bool IsPublic { get; set; }

    /// <summary>The unit that drafts the document and receives the comments (cơ quan chủ trì soạn thảo).</summary>
    public string DraftingUnit { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactAddress { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }

    /// <summary>The published synthesis table (DOCX) in the file store; null until published.</summary>
    public string? SynthesisPath { get; set; }
    public long SynthesisSize { get; set; }
    public DateTime? SynthesisPublishedAt { get; set; }
    public string? SynthesisPublishedByName { get; set; }

    public int Version { get; set; }
}

public enum CommentStatus
{
    /// <summary>Received, not yet seen by an editor: not shown.</summary>
    Pending = 0,
    /// <summary>Shown under its article and counted in the synthesis.</summary>
    Approved = 1,
    /// <summary>Not shown (abuse, advertising, off topic).</summary>
    Rejected = 2,
}

/// <summary>What the drafting unit did with a comment (tiếp thu, tiếp thu một phần, giải trình).</summary>
public enum CommentResolution
{
    None = 0,
    Accepted = 1,
    PartlyAccepted = 2,
    Explained = 3,
}

/// <summary>One comment of a citizen or organisation on the whole draft (no article) or on one article or clause.</summary>
public sealed class ConsultationComment : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int ConsultationId { get; set; }
    public Consultation? Consultation { get; set; }
    /// <summary>Null: the draft as a whole.</summary>
    public int? ArticleNumber { get; set; }
    /// <summary>A clause (khoản) of that article, when the commenter chose one.</summary>
    public int? ClauseNumber { get; set; }

    public string AuthorName { get; set; } = "";
    public string? AuthorEmail { get; set; }
    public string? AuthorPhone { get; set; }
    public string? Organisation { get; set; }
    public string Body { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    /// <summary>Random key of the form that sent it: the same form posted twice makes one comment.</summary>
    public string? SubmissionKey { get; set; }

    public CommentStatus Status { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedByName { get; set; }

    public CommentResolution Resolution { get; set; }
    /// <summary>The drafting unit's answer: how it was taken in, or why not.</summary>
    public string? Response { get; set; }
    public DateTime? RespondedAt { get; set; }
    public string? RespondedByName { get; set; }

    public int Version { get; set; }
}

/// <summary>A file of the draft (PDF, DOCX or DOC, checked by content) offered for download on the consultation page.</summary>
public sealed class ConsultationFile : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int ConsultationId { get; set; }
    public string Path { get; set; } = "";
    public string OriginalName { get; set; } = "";
    public DocumentFileFormat Format { get; set; }
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string? UploadedByName { get; set; }
}

public enum ConsultationPhase { Upcoming, Open, Closed }

public static class ConsultationNames
{
    public static string Phase(ConsultationPhase p) => p switch
    {
        ConsultationPhase.Upcoming => "Sắp lấy ý kiến",
        ConsultationPhase.Open => "Đang lấy ý kiến",
        _ => "Đã hết hạn lấy ý kiến",
    };

    public static string Status(CommentStatus s) => s switch
    {
        CommentStatus.Pending => "Chờ duyệt",
        CommentStatus.Approved => "Đã duyệt, đang hiển thị",
        _ => "Không duyệt",
    };

    public static string Resolution(CommentResolution r) => r switch
    {
        CommentResolution.Accepted => "Tiếp thu",
        CommentResolution.PartlyAccepted => "Tiếp thu một phần",
        CommentResolution.Explained => "Giải trình",
        _ => "Chưa xử lý",
    };

    /// <summary>"Điều 3, khoản 2", "Điều 3" or, for the draft as a whole, "Toàn văn dự thảo".</summary>
    public static string Target(int? article, int? clause) => article is not int a
        ? "Toàn văn dự thảo"
        : clause is int k ? $"Điều {a}, khoản {k}" : $"Điều {a}";

    /// <summary>Who commented, as published: the organisation when given, else the person's name (never a contact).</summary>
    public static string Author(ConsultationComment c) =>
        string.IsNullOrWhiteSpace(c.Organisation) ? c.AuthorName : $"{c.Organisation} ({c.AuthorName})";
}
