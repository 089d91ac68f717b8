using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MinhBach.Features.Articles;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Caching;

/// <summary>
/// What a cached page depends on, and what a save changes. Every page of a site carries <see cref="Site"/>; an article's
/// page carries its article and category (it lists related articles of that category); every other page carries the
/// site's <see cref="Lists"/> (home, categories, feeds, documents, pages: anything that may list articles).
/// </summary>
public static class CacheTags
{
    public static string Site(int siteId) => $"site:{siteId}";
    public static string Lists(int siteId) => $"lists:{siteId}";
    public static string Article(int articleId) => $"article:{articleId}";
    public static string Category(int categoryId) => $"category:{categoryId}";
    /// <summary>Not a page's tag: a save that changes a site's categories or links, which every node holds in its site
    /// directory (<see cref="Sites.SiteMenu"/>) and reads again on this signal.</summary>
    public const string Menus = "menus";

    /// <summary>A page names what it shows, so publishing elsewhere on the site leaves it in the cache.</summary>
    public static void Add(HttpContext http, params string[] tags)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } c)
            foreach (var t in tags) c.Tags.Add(t);
    }

    // Rows that no public page shows: saving them evicts nothing (a rating or a revision must not empty the site's cache).
    private static readonly HashSet<Type> Unseen =
    [
        typeof(ArticleRevision), typeof(Accounts.SiteMembership), typeof(Audit.AuditEntry), typeof(Search.SearchEntry),
        typeof(Royalties.RoyaltyRate), typeof(Royalties.RoyaltyAssignment), typeof(Syndication.SyndicationProposal),
        typeof(Mail.OutboxMail), typeof(Ratings.Rating), typeof(Ratings.RatingSalt), typeof(Media.MediaFile),
        typeof(Statistics.VisitDay), typeof(Statistics.VisitPageDay), typeof(Statistics.VisitSourceDay),
        typeof(Statistics.VisitorMark), typeof(Statistics.VisitSalt), typeof(Registry.RegistryEntry),
        typeof(Registry.RegistryDomain), typeof(Compliance.ManualFinding), typeof(Compliance.ReviewSnapshot),
        typeof(Compliance.ReviewSnapshotSite), typeof(Monitor.MonitorRun),
    ];

    /// <summary>
    /// The tags a save makes stale, read before it (deleted rows are gone afterwards): an article that is or was published
    /// evicts itself, its categories (old and new) and the site's lists; a site (settings, footer, menu) and any other
    /// row of a site that public pages show evict the whole site, and categories and links also the menus; drafts and
    /// private rows evict nothing.
    /// </summary>
    public static HashSet<string> Collect(ChangeTracker tracker)
    {
        var tags = new HashSet<string>();
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (e.Entity)
            {
                case Sites.Site s:
                    if (e.State != EntityState.Added) tags.Add(Site(s.Id));
                    break;
                case Articles.Article a:
                    if (a.Status != ArticleStatus.Published
                        && (e.State == EntityState.Added || e.Property(nameof(Articles.Article.Status)).OriginalValue is not ArticleStatus.Published))
                        break;
                    if (e.State != EntityState.Added) tags.Add(Article(a.Id));
                    tags.Add(Lists(a.SiteId));
                    tags.Add(Category(a.CategoryId));
                    if (e.State == EntityState.Modified) tags.Add(Category((int)e.Property(nameof(Articles.Article.CategoryId)).OriginalValue!));
                    break;
                default:
                    if (Unseen.Contains(e.Entity.GetType())) break;
                    if (e.Entity is Articles.Category or Content.SiteLink) tags.Add(Menus);
                    if (e.Metadata.FindProperty(nameof(ISiteOwned.SiteId)) is { ClrType: var t } && t == typeof(int))
                    {
                        var p = e.Property(nameof(ISiteOwned.SiteId));
                        tags.Add(Site((int)p.CurrentValue!));
                        if (e.State == EntityState.Modified) tags.Add(Site((int)p.OriginalValue!));
                    }
                    break;
            }
        }
        return tags;
    }
}
