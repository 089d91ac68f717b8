using MinhBach.Features.Articles;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Royalties;

/// <summary>One line of a site's royalty rate table (biểu mức nhuận bút): "Tin ngắn", "Bài viết", "Ảnh", "Phóng sự" …</summary>
public sealed class RoyaltyRate : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Points proposed when this rate is chosen for an article; the editor-in-chief may give more or fewer.</summary>
    public decimal DefaultPoints { get; set; }
    public int Order { get; set; }
}

/// <summary>The royalty points the editor-in-chief gave one published article (at most one per article; changes are audited).</summary>
public sealed class RoyaltyAssignment : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int RateId { get; set; }
    public RoyaltyRate? Rate { get; set; }
    public decimal Points { get; set; }
    public string? Note { get; set; }
    public int? AssignedById { get; set; }
    public string AssignedByName { get; set; } = "";
    public DateTime AssignedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
