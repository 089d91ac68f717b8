using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Articles;

/// <summary>One article, or its print view; old slugs and moved categories redirect to the canonical address.</summary>
public sealed class ArticlePageModel(AppDb db, Sites.SiteDirectory directory, Sites.CurrentSite current, Documents.DocumentLinkNotes notes, Media.ResponsiveImages images, SiteChrome chrome) : PublicPageModel
{
    /// <summary>The body as shown: links to documents no longer in force are marked, media-library images offer their smaller widths.</summary>
    public string BodyHtml { get; private set; } = "";

    public Article Article { get; private set; } = null!;
    /// <summary>For a copy accepted from a component site: the original's site and its absolute address, while it is published.</summary>
    public Sites.Site? OriginSite { get; private set; }
    public string? OriginUrl { get; private set; }
    public IReadOnlyList<Article> Related { get; private set; } = [];
    public string AbsoluteUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string category, string slug, string? print, CancellationToken ct)
    {
        var printView = print is not null;
        var read = await db.WithRelatedAsync(slug, chrome.Category(category)?.Id ?? 0, chrome, ct);
        var found = read?.Article;
        if (found is null)
        {
            var moved = await db.SlugRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.ContentType == "article" && r.OldSlug == slug, ct);
            if (moved is null) return NotFound();
            found = await db.PublishedBySlugAsync(moved.NewSlug, ct);
            if (found is null) return NotFound();
        }
        found.Category = chrome.Category(found.CategoryId);
        if (found.Category is null) return NotFound();
        if (found.Slug != slug || found.Category.Slug != category)
            return RedirectPermanent(Request.PathBase + (printView ? ContentUrls.Print(found) : ContentUrls.Article(found)));

        Article = found;
        Caching.CacheTags.Add(HttpContext, Caching.CacheTags.Article(found.Id), Caching.CacheTags.Category(found.CategoryId));
        BodyHtml = await images.ApplyAsync(await notes.AnnotateAsync(found.Body, ct), ct);
        AbsoluteUrl = Sites.SiteUrls.AbsoluteBase(Request) + ContentUrls.Article(found);
        if (!printView)
            Related = read?.Related ?? [];
        if (User.Identity?.IsAuthenticated != true)
        {
            // When the article or one listed beside it last changed. A browser revalidates by the ETag, which covers the
            // whole page; this date serves clients that send only If-Modified-Since.
            var changed = Related.Prepend(found).Max(a => a.UpdatedAt > a.PublishedAt ? a.UpdatedAt : a.PublishedAt);
            var now = DateTime.UtcNow;
            Response.GetTypedHeaders().LastModified = new DateTimeOffset(DateTime.SpecifyKind(changed < now ? changed : now, DateTimeKind.Utc));
        }
        if (found.OriginSiteId is int originSiteId && (await directory.GetAsync(ct)).ById.TryGetValue(originSiteId, out var originSite))
        {
            OriginSite = originSite;
            var original = await db.Articles.IgnoreQueryFilters().AsNoTracking().Include(a => a.Category)
                .FirstOrDefaultAsync(a => a.Id == found.OriginArticleId && a.SiteId == originSiteId && a.Status == ArticleStatus.Published, ct);
            if (original is not null && originSite.Status == Sites.SiteStatus.Active)
                OriginUrl = Syndication.SiteLinks.Absolute(originSite, Request, current.ResolvedByHost, ContentUrls.Article(original));
        }
        Meta = new PageMeta
        {
            Title = found.Title,
            Description = found.Summary,
            Creator = found.Author.Length > 0 ? found.Author : Site.AgencyName,
            Date = found.PublishedAt,
            CanonicalPath = ContentUrls.Article(found),
            CanonicalUrl = OriginUrl,
            Breadcrumbs = [("Tin tức", ContentUrls.News), (found.Category!.Name, ContentUrls.Category(found.Category.Slug)), (found.Title, null)],
            FeedPath = ContentUrls.Feed(found.Category.Slug),
            FeedTitle = $"RSS: {found.Category.Name}",
        };
        return Page();
    }
}
