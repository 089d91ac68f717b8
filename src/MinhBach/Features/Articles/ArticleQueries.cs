using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
    public static IQueryable<Article> ListFields(this IQueryable<Article> query) => query.Select(ListProjection);

    private static readonly Expression<Func<Article, Article>> ListProjection = a => new Article
    {
        Id = a.Id, SiteId = a.SiteId, CategoryId = a.CategoryId, Slug = a.Slug, Title = a.Title, Summary = a.Summary, Author = a.Author,
        PublishedAt = a.PublishedAt, UpdatedAt = a.UpdatedAt, FeaturedImageUrl = a.FeaturedImageUrl, FeaturedImageAlt = a.FeaturedImageAlt, IsFeatured = a.IsFeatured, Status = a.Status,
    };

    /// <summary>
    /// A published article of the current site by its slug, with its body, and the newest published articles of the category
    /// its address names, but it: one statement, so one round trip to the database. Null when no published article has
    /// the slug; the caller then looks for a redirect, and, when the article's category is not the one addressed, redirects
    /// before showing the related list. The related articles carry what their list shows: address, title and dates.
    /// </summary>
    public static async Task<(Article Article, List<Article> Related)?> WithRelatedAsync(this AppDb db, string slug, int categoryId, SiteChrome chrome, CancellationToken ct)
    {
        Article? article = null;
        var related = new List<Article>(ArticlePageStatement.RelatedCount);
        var siteId = db.CurrentSiteId;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = ArticlePageStatement.Create(db, siteId, slug, categoryId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var a = ArticlePageStatement.Read(reader, siteId);
                if (a.Slug == slug) article = a;
                else related.Add(a);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (article is null) return null;
        // UNION ALL promises no order.
        related.Sort((x, y) => x.PublishedAt != y.PublishedAt ? y.PublishedAt.CompareTo(x.PublishedAt) : y.Id.CompareTo(x.Id));
        return (article, WithCategories(related, chrome));
    }

    /// <summary>A published article of the current site by its slug, with its body.</summary>
    public static Task<Article?> PublishedBySlugAsync(this AppDb db, string slug, CancellationToken ct) => BySlug.For(db)(db, slug, ct);

    // Compiled, a query skips reading the LINQ tree again on every call (the uncached article page went from 670 to 555 µs
    // of the app's CPU at a million articles when its reads were compiled).
    private static readonly PerModel<Func<AppDb, string, CancellationToken, Task<Article?>>> BySlug = new(() =>
        EF.CompileAsyncQuery((AppDb db, string slug, CancellationToken ct) =>
            db.Articles.AsNoTracking().FirstOrDefault(a => a.Status == ArticleStatus.Published && a.Slug == slug)));

    /// <summary>A compiled query for each provider's model: EF refuses one compiled for another model, and a process may
    /// hold both (the tests do).</summary>
    private sealed class PerModel<T>(Func<T> compile) where T : class
    {
        private readonly ConcurrentDictionary<IModel, T> _compiled = new();
        public T For(AppDb db) => _compiled.GetOrAdd(db.Model, _ => compile());
    }

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
