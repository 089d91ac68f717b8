using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Content;

/// <summary>/lanh-dao, /lanh-dao/{slug} and /en/leaders: names, titles, contacts, biographies and duties.</summary>
public sealed class LeadersModel(AppDb db) : PublicPageModel
{
    public IReadOnlyList<Leader> Leaders { get; private set; } = [];
    public Leader? Current { get; private set; }
    public bool English { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        English = Request.Path.StartsWithSegments(ContentUrls.English);
        Leaders = await db.Leaders.AsNoTracking().OrderBy(l => l.Order).ToListAsync(ct);
        if (slug is not null)
        {
            Current = Leaders.FirstOrDefault(l => l.Slug == slug);
            if (Current is null)
            {
                var moved = await db.SlugRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.ContentType == "leader" && r.OldSlug == slug, ct);
                return moved is null ? NotFound() : RedirectPermanent(Url.Site(ContentUrls.Leader(moved.NewSlug)));
            }
        }
        Meta = English
            ? new PageMeta { Title = "Leaders", Language = "en", CanonicalPath = ContentUrls.English + "/leaders", Breadcrumbs = [("Leaders", null)] }
            : Current is null
                ? new PageMeta { Title = "Lãnh đạo", Description = $"Lãnh đạo {Site.AgencyName}: họ tên, chức vụ, tiểu sử và nhiệm vụ được phân công", CanonicalPath = ContentUrls.Leaders, Breadcrumbs = [("Giới thiệu", "/gioi-thieu"), ("Lãnh đạo", null)] }
                : new PageMeta { Title = $"{Current.FullName} - {Current.Title}", Description = $"Tiểu sử và nhiệm vụ của {Current.Title} {Current.FullName}", CanonicalPath = ContentUrls.Leader(Current.Slug), Breadcrumbs = [("Lãnh đạo", ContentUrls.Leaders), (Current.FullName, null)] };
        return Page();
    }
}
