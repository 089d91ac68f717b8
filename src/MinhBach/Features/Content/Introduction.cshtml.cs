using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Content;

/// <summary>/gioi-thieu (the list of introduction pages) and /gioi-thieu/{slug}.</summary>
public sealed class IntroductionModel(AppDb db, Documents.DocumentLinkNotes notes, Media.ResponsiveImages images) : PublicPageModel
{
    /// <summary>The current page's body as shown: links to documents no longer in force are marked, media-library images offer their smaller widths.</summary>
    public string BodyHtml { get; private set; } = "";

    public IReadOnlyList<Page> Pages { get; private set; } = [];
    public Page? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        Pages = await db.Pages.AsNoTracking().Where(p => p.Language == "vi").OrderBy(p => p.Order).ToListAsync(ct);
        if (slug is not null)
        {
            Current = Pages.FirstOrDefault(p => p.Slug == slug);
            if (Current is null)
            {
                var moved = await db.SlugRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.ContentType == "page" && r.OldSlug == slug, ct);
                return moved is null ? NotFound() : RedirectPermanent(Url.Site(ContentUrls.Intro(moved.NewSlug)));
            }
        }
        if (Current is not null) BodyHtml = await images.ApplyAsync(await notes.AnnotateAsync(Current.Body, ct), ct);
        Meta = new PageMeta
        {
            Title = Current?.Title ?? "Giới thiệu",
            Description = Current is null ? $"Giới thiệu {Site.AgencyName}" : $"{Current.Title} - {Site.AgencyName}",
            Creator = Site.AgencyName,
            Date = Current?.UpdatedAt,
            CanonicalPath = Current is null ? "/gioi-thieu" : ContentUrls.Intro(Current.Slug),
            Breadcrumbs = Current is null ? [("Giới thiệu", null)] : [("Giới thiệu", "/gioi-thieu"), (Current.Title, null)],
        };
        return Page();
    }
}
