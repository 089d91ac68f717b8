using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.SiteMap;

/// <summary>The portal's component sites, grouped by kind of unit (TEC-04, TEC-06).</summary>
public sealed class ComponentSitesModel(SiteDirectory directory, Catalogue.Catalogue catalogue) : PublicPageModel
{
    public IReadOnlyList<(string Group, IReadOnlyList<Site> Sites)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var snap = await directory.GetAsync(ct);
        Groups = snap.ActiveChildrenOf(Site.Id)
            .GroupBy(s => catalogue.Kind(s.KindCode)?.Group ?? s.KindCode)
            .Select(g => (g.Key, (IReadOnlyList<Site>)g.ToList())).ToList();
        Meta = new PageMeta { Title = "Trang thành phần", Description = $"Các trang thành phần của {Site.Name}", CanonicalPath = ContentUrls.ComponentSites, Breadcrumbs = [("Trang thành phần", null)] };
    }
}
