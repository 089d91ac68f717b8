using MinhBach.Features.Sites;

namespace MinhBach.Features.Articles;

public sealed class Category : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int Order { get; set; }
    public bool ShowOnHome { get; set; } = true;
}

public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
    Unpublished = 2,
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
}
