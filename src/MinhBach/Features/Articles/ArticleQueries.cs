using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Articles;

/// <summary>
/// How public pages read articles. Lists take the newest straight from the (site, [category,] status, published) indexes and
/// read only the fields a list shows, never the bodies; the category is set from the site's categories held in memory
/// (<see cref="Sites.SiteMenu"/>), not joined: with a join the database may walk the categories first and then
/// sort every published article of the site to take the newest few.
/// </summary>
public static class ArticleQueries
{
    public const int PageSize = 15;

    public static IQueryable<Article> Published(this AppDb db) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);

    /// <summary>What lists, feeds and the home page show of an article: everything but the body and the editorial fields.</summary>
    public static IQueryable<Article> ListFields(this IQueryable<Article> query) =>
        query.Select(a => new Article
        {
            Id = a.Id, SiteId = a.SiteId, CategoryId = a.CategoryId, Slug = a.Slug, Title = a.Title, Summary = a.Summary, Author = a.Author,
            PublishedAt = a.PublishedAt, UpdatedAt = a.UpdatedAt, FeaturedImageUrl = a.FeaturedImageUrl, FeaturedImageAlt = a.FeaturedImageAlt, IsFeatured = a.IsFeatured, Status = a.Status,
        });

    /// <summary>The newest <paramref name="count"/> of a query, list fields only, with their categories.</summary>
    public static async Task<List<Article>> NewestAsync(this IQueryable<Article> query, int count, SiteChrome chrome, CancellationToken ct) =>
        WithCategories(await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(count).ListFields().ToListAsync(ct), chrome);

    /// <summary>Sets each article's category from the site's categories.</summary>
    public static List<Article> WithCategories(List<Article> items, SiteChrome chrome)
    {
        foreach (var a in items) a.Category = chrome.Category(a.CategoryId);
        // As the join did: an article is listed under a category of its own site.
        items.RemoveAll(a => a.Category is null);
        return items;
    }

    /// <summary>Newest first; null when the page number is past the end (the caller answers 404).</summary>
    public static async Task<Paged<Article>?> PageAsync(IQueryable<Article> query, int page, string path, SiteChrome chrome, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        if (page > 1 && (page - 1) * PageSize >= total) return null;
        var items = await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ListFields().ToListAsync(ct);
        return new Paged<Article>(WithCategories(items, chrome), page, PageSize, total, path);
    }
}
