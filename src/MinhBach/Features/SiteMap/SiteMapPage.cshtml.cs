using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Public;

namespace MinhBach.Features.SiteMap;

/// <summary>Sơ đồ cổng: the site's structure as a text tree for people (TEC-11); /sitemap.xml is for machines.</summary>
public sealed class SiteMapPageModel(AppDb db) : PublicPageModel
{
    public IReadOnlyList<Page> Pages { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public bool HasEnglish { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pages = await db.Pages.AsNoTracking().OrderBy(p => p.Order).ToListAsync(ct);
        Pages = pages.Where(p => p.Language == "vi").ToList();
        HasEnglish = pages.Any(p => p.Language == "en");
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).ToListAsync(ct);
        Meta = new PageMeta { Title = "Sơ đồ cổng", CanonicalPath = ContentUrls.SiteMap, Breadcrumbs = [("Sơ đồ cổng", null)] };
    }
}
