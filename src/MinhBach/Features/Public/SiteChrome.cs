using MinhBach.Features.Articles;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Content;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Public;

/// <summary>What the shared layout shows around every public page: header, menu, footer of the current site.</summary>
public sealed class SiteChrome(CurrentSite current, SiteDirectory directory, Catalogue.Catalogue catalogue, IHttpContextAccessor http)
{
    public const string NationalPublicServicePortal = "https://dichvucong.gov.vn";

    private bool _loaded;

    public Site? Site => current.Site;
    public AgencyKind? Kind => Site is null ? null : catalogue.Kind(Site.KindCode);
    public Site? Portal { get; private set; }
    /// <summary>The site's categories in menu order: pages that need them (lists, the home page's blocks, an article's
    /// category) share what the layout shows.</summary>
    public IReadOnlyList<Category> Categories => Site?.Menu.Categories ?? [];
    public Category? Category(int id) => Site?.Menu.Category(id);
    public Category? Category(string slug) => Site?.Menu.Category(slug);
    /// <summary>The site's links (public services, gazette …).</summary>
    public IReadOnlyList<SiteLink> Links => Site?.Menu.Links ?? [];
    public IReadOnlyList<Site> Children { get; private set; } = [];

    public string PublicServiceUrl =>
        Links.FirstOrDefault(l => l.Kind == LinkKind.PublicService)?.Url ?? NationalPublicServicePortal;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (_loaded || Site is null) return;
        _loaded = true;
        var snap = await directory.GetAsync(ct);
        Portal = snap.Portal;
        Children = snap.ActiveChildrenOf(Site.Id).ToList();
    }

    /// <summary>Link to another site's home page, by host or by prefix as this request came.</summary>
    public string HomeOf(Site other) =>
        SiteUrls.Home(other, http.HttpContext!.Request, current.ResolvedByHost);
}
