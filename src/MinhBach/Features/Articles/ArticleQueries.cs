using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Articles;

public static class ArticleQueries
{
    public const int PageSize = 15;

    public static IQueryable<Article> Published(this AppDb db) =>
        db.Articles.AsNoTracking().Include(a => a.Category).Where(a => a.Status == ArticleStatus.Published);

    /// <summary>Newest first; null when the page number is past the end (the caller answers 404).</summary>
    public static async Task<Paged<Article>?> PageAsync(IQueryable<Article> query, int page, string path, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        if (page > 1 && (page - 1) * PageSize >= total) return null;
        var items = await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Paged<Article>(items, page, PageSize, total, path);
    }
}
