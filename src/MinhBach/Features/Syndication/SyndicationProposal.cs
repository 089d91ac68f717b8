using MinhBach.Features.Articles;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Syndication;

public enum ProposalStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>
/// A component site's published article proposed to its parent portal. Owned by the proposing site
/// (SiteId); the portal reads its proposals deliberately across sites (TargetSiteId).
/// </summary>
public sealed class SyndicationProposal : ISiteOwned
{
    public int Id { get; set; }
    /// <summary>The proposing (component) site.</summary>
    public int SiteId { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    /// <summary>The parent site asked to carry the article.</summary>
    public int TargetSiteId { get; set; }
    public ProposalStatus Status { get; set; }
    public string? Note { get; set; }
    public int? ProposedById { get; set; }
    public string ProposedByName { get; set; } = "";
    public DateTime ProposedAt { get; set; }
    public int? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>Why the portal declined; shown to the proposer on their article page.</summary>
    public string? DeclineReason { get; set; }
    /// <summary>The portal's published copy, once accepted.</summary>
    public int? CopyArticleId { get; set; }
    public Article? Copy { get; set; }
    /// <summary>Incremented on every decision, so two editors deciding at once cannot both succeed.</summary>
    public int Version { get; set; }
}
