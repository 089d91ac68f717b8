using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;

namespace MinhBach.Features.SiteMap;

public sealed class FeedListModel(AppDb db) : PublicPageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).ToListAsync(ct);
        Meta = new PageMeta { Title = "RSS", Description = "Các kênh tin RSS", CanonicalPath = ContentUrls.Feeds, Breadcrumbs = [("RSS", null)] };
    }
}
