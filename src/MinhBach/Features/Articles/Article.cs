using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Articles;

public sealed class Category : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int Order { get; set; }
    public bool ShowOnHome { get; set; } = true;
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }
}

/// <summary>Where an article is in the editorial workflow. Only Published is public.</summary>
public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
    Unpublished = 2,
    Submitted = 3,
    Returned = 4,
    Approved = 5,
    Scheduled = 6,
    Archived = 7,
}

public sealed class Article : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Folded copy of the title for diacritics-insensitive search; set on save.</summary>
    public string TitleFolded { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>Sanitised HTML.</summary>
    public string Body { get; set; } = "";
    public string Author { get; set; } = "";
    /// <summary>Outlet and date for republished articles (TEC-22).</summary>
    public string? Source { get; set; }
    public string? SourceUrl { get; set; }
    public DateTime PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? FeaturedImageUrl { get; set; }
    public string? FeaturedImageAlt { get; set; }
    public bool IsFeatured { get; set; }
    public ArticleStatus Status { get; set; }

    /// <summary>Original publication date of a republished article (TEC-22).</summary>
    public DateOnly? SourceDate { get; set; }
    /// <summary>Written permission to republish, required on a site that is not a licensed aggregated site.</summary>
    public string? PermissionReference { get; set; }

    public int? CreatedById { get; set; }
    public int? SubmittedById { get; set; }
    public int? ReviewedById { get; set; }
    /// <summary>The reviewer's comment when returned; kept so the contributor sees what to fix.</summary>
    public string? ReviewComment { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public DateTime? UnpublishAt { get; set; }
    /// <summary>Force-published by an editor-in-chief; shown as "not yet reviewed" until another editor reviews it.</summary>
    public bool NeedsReview { get; set; }
    public string? ForcePublishReason { get; set; }
    /// <summary>Incremented on every save; a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }

    /// <summary>For a copy accepted from a component site's proposal: the original's site and article, which
    /// the public page names as its source and its canonical address.</summary>
    public int? OriginSiteId { get; set; }
    public int? OriginArticleId { get; set; }
}

/// <summary>Every save of an article, so any two can be compared and an old one restored as a new draft.</summary>
public sealed class ArticleRevision : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int Number { get; set; }
    public DateTime SavedAt { get; set; }
    public int? SavedById { get; set; }
    public string SavedByName { get; set; } = "";
    public ArticleStatus Status { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string Author { get; set; } = "";
    public string? Source { get; set; }
    public string? Note { get; set; }
}
