using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Content;
using MinhBach.Features.Public;

namespace MinhBach.Features.English;

/// <summary>English information (INF-20): /en and /en/{slug}; organisation, leaders and contacts reuse the Vietnamese pages.</summary>
public sealed class EnglishPageModel(AppDb db) : PublicPageModel
{
    public IReadOnlyList<Page> Pages { get; private set; } = [];
    public Page? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        Pages = await db.Pages.AsNoTracking().Where(p => p.Language == "en").OrderBy(p => p.Order).ToListAsync(ct);
        if (slug is not null)
        {
            Current = Pages.FirstOrDefault(p => p.Slug == slug);
            if (Current is null)
            {
                var moved = await db.SlugRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.ContentType == "page-en" && r.OldSlug == slug, ct);
                return moved is null ? NotFound() : RedirectPermanent(Url.Site($"{ContentUrls.English}/{moved.NewSlug}"));
            }
        }
        var title = Current?.Title ?? (Site.NameEn.Length > 0 ? Site.NameEn : Site.AgencyName);
        Meta = new PageMeta
        {
            Title = Current?.Title ?? "Home",
            Description = Current is null ? $"English information about {title}" : $"{Current.Title} - {Site.NameEn}",
            Creator = Site.NameEn,
            Language = "en",
            Date = Current?.UpdatedAt,
            CanonicalPath = Current is null ? ContentUrls.English : $"{ContentUrls.English}/{Current.Slug}",
            Breadcrumbs = Current is null ? [] : [(Current.Title, null)],
        };
        return Page();
    }
}
