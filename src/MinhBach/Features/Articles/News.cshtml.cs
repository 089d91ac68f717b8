using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Articles;

/// <summary>/tin-tuc (every category) and /tin-tuc/{category}, paged with ?trang=.</summary>
public sealed class NewsModel(AppDb db, SiteChrome chrome) : PublicPageModel
{
    public Category? Category { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public Paged<Article> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? category, CancellationToken ct)
    {
        if (ReadPageNumber() is not int page) return BadInput();
        var query = db.Published();
        if (category is not null)
        {
            Category = chrome.Categories.FirstOrDefault(c => c.Slug == category);
            if (Category is null)
            {
                var moved = await db.SlugRedirects.AsNoTracking()
                    .FirstOrDefaultAsync(r => r.ContentType == "category" && r.OldSlug == category, ct);
                return moved is null ? NotFound() : RedirectPermanent(Request.PathBase + ContentUrls.Category(moved.NewSlug) + Request.QueryString);
            }
            query = query.Where(a => a.CategoryId == Category.Id);
        }
        Categories = chrome.Categories;
        var path = Category is null ? ContentUrls.News : ContentUrls.Category(Category.Slug);
        var paged = await ArticleQueries.PageAsync(query, page, path, chrome, ct);
        if (paged is null) return NotFound();
        Articles = paged;
        var title = Category?.Name ?? "Tin tức";
        Meta = new PageMeta
        {
            Title = page > 1 ? $"{title} - Trang {page}" : title,
            Description = Category?.Description ?? $"Tin tức, sự kiện của {Site.AgencyName}.",
            Type = "Collection",
            CanonicalPath = paged.Link(page),
            Date = Articles.Items.FirstOrDefault()?.PublishedAt,
            Breadcrumbs = Category is null ? [("Tin tức", null)] : [("Tin tức", ContentUrls.News), (Category.Name, null)],
            FeedPath = Category is null ? ContentUrls.AllNewsFeed : ContentUrls.Feed(Category.Slug),
            FeedTitle = $"RSS: {title}",
        };
        return Page();
    }
}
