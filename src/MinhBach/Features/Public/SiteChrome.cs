using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Content;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Public;

/// <summary>What the shared layout shows around every public page: header, menu, footer of the current site.</summary>
public sealed class SiteChrome(CurrentSite current, AppDb db, SiteDirectory directory, Catalogue.Catalogue catalogue, IHttpContextAccessor http)
{
    public const string NationalPublicServicePortal = "https://dichvucong.gov.vn";

    private bool _loaded;
    private IReadOnlyList<Category>? _categories;
    private IReadOnlyList<SiteLink>? _links;

    public Site? Site => current.Site;
    public AgencyKind? Kind => Site is null ? null : catalogue.Kind(Site.KindCode);
    public Site? Portal { get; private set; }
    public IReadOnlyList<Category> Categories => _categories ?? [];
    public IReadOnlyList<SiteLink> Links => _links ?? [];
    public IReadOnlyList<Site> Children { get; private set; } = [];

    public string PublicServiceUrl =>
        Links.FirstOrDefault(l => l.Kind == LinkKind.PublicService)?.Url ?? NationalPublicServicePortal;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (_loaded || Site is null) return;
        _loaded = true;
        var snap = await directory.GetAsync(ct);
        Portal = snap.Portal;
        Children = snap.All.Where(s => s.ParentId == Site.Id && s.Status == SiteStatus.Active).ToList();
        try
        {
            await CategoriesAsync(ct);
            await LinksAsync(ct);
        }
        catch (Exception e) when (Errors.StatusModel.IsDatabaseFailure(e))
        {
            // Only the error page gets here with the database down (every other page failed first): draw it without the
            // site's categories and links rather than fail a second time with a bare 500.
        }
    }

    /// <summary>The site's categories in menu order, read once per request: pages that need them (lists, the home page's
    /// blocks, an article's category) share what the layout shows.</summary>
    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken ct = default) =>
        _categories ??= await db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).ToListAsync(ct);

    /// <summary>The site's links (public services, gazette …), read once per request.</summary>
    public async Task<IReadOnlyList<SiteLink>> LinksAsync(CancellationToken ct = default) =>
        _links ??= await db.SiteLinks.AsNoTracking().OrderBy(l => l.Order).ToListAsync(ct);

    /// <summary>Link to another site's home page, by host or by prefix as this request came.</summary>
    public string HomeOf(Site other) =>
        SiteUrls.Home(other, http.HttpContext!.Request, current.ResolvedByHost);
}
