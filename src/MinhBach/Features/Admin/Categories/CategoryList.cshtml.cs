using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;

namespace MinhBach.Features.Admin.Categories;

/// <summary>/quan-tri/chuyen-muc: the site's news categories with how many articles each holds.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class CategoryListModel : EditorPageModel
{
    public IReadOnlyList<(Category Category, int Articles)> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Chuyên mục";
        await Access.LoadAsync(ct);
        ShowNotice(msg);
        var categories = await Db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).ToListAsync(ct);
        var counts = await Db.Articles.AsNoTracking().GroupBy(a => a.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Rows = categories.Select(c => (c, counts.GetValueOrDefault(c.Id))).ToList();
    }
}
