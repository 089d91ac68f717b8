using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Documents;

public sealed class DocumentDetailModel(AppDb db, Catalogue.Catalogue catalogue) : PublicPageModel
{
    public Document Document { get; private set; } = null!;
    public string TypeName => catalogue.DocumentType(Document.TypeCode)?.Name ?? Document.TypeCode;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var d = await db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (d is null)
        {
            var moved = await db.SlugRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.ContentType == "document" && r.OldSlug == slug, ct);
            return moved is null ? NotFound() : RedirectPermanent(Url.Site($"{ContentUrls.Documents}/{moved.NewSlug}"));
        }
        Document = d;
        Meta = new PageMeta
        {
            Title = $"{d.Number}: {d.Title}",
            Description = d.Title,
            Creator = d.IssuingBody,
            Date = d.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            CanonicalPath = ContentUrls.Document(d),
            Breadcrumbs = [("Văn bản", ContentUrls.Documents), (d.Number, null)],
        };
        return Page();
    }
}
