using MinhBach.Features.Sites;

namespace MinhBach.Features.Ratings;

/// <summary>
/// One "Thông tin này có hữu ích không?" answer (Decree 224/2026 Art. 10.3.b, TEC-12), on the site where it was given.
/// Anonymous: no account, no cookie, no address. <see cref="VisitorHash"/> is a keyed hash of the address and browser
/// with that day's random salt, which is deleted after the day, so it only tells one visitor's second click that day
/// from another visitor's first.
/// </summary>
public sealed class Rating : ISiteOwned
{
    public long Id { get; set; }
    public int SiteId { get; set; }
    /// <summary>What was rated (see <see cref="RatingKinds"/>) and its id.</summary>
    public string Kind { get; set; } = "";
    public int RefId { get; set; }
    public bool Useful { get; set; }
    /// <summary>The visitor's optional words, shown to staff as text.</summary>
    public string? Comment { get; set; }
    public DateTime At { get; set; }
    /// <summary>The day in Viet Nam the rating was given (one rating per visitor, page and day).</summary>
    public DateOnly Day { get; set; }
    public string VisitorHash { get; set; } = "";
    /// <summary>The page's title and address when it was rated (the report still names a page taken down since).</summary>
    public string Title { get; set; } = "";
    public string Path { get; set; } = "";
}

/// <summary>The random salt of one day for <see cref="Rating.VisitorHash"/>; shared by every node, deleted after the day.</summary>
public sealed class RatingSalt
{
    public DateOnly Day { get; set; }
    public string Salt { get; set; } = "";
}

/// <summary>The kinds of page that carry the rating form.</summary>
public static class RatingKinds
{
    public const string Article = "article";
    public const string Page = "page";
    public const string Question = "question";
    public const string Petition = "petition";
    public const string Document = "document";

    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        (Article, "Tin bài"), (Page, "Trang giới thiệu"), (Question, "Hỏi đáp"), (Petition, "Phản ánh, kiến nghị"), (Document, "Văn bản"),
    ];

    public static bool IsKnown(string? code) => All.Any(k => k.Code == code);

    public static string Name(string code) => All.FirstOrDefault(k => k.Code == code).Name ?? code;
}
