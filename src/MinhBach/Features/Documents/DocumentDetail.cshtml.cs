using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Documents;

/// <summary>/van-ban/{slug}: the record, its status, its files and its relations both ways. The address is permanent: a
/// renumbered document's old address redirects here.</summary>
public sealed class DocumentDetailModel(AppDb db, Catalogue.Catalogue catalogue, SiteDirectory directory, CurrentSite current) : PublicPageModel
{
    public Document Document { get; private set; } = null!;
    public IReadOnlyList<RelatedLink> Related { get; private set; } = [];
    public string TypeName => catalogue.DocumentType(Document.TypeCode)?.Name ?? Document.TypeCode;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var d = await db.Documents.AsNoTracking().Include(x => x.Files.OrderBy(f => f.Order)).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (d is null)
        {
            var moved = await db.SlugRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.ContentType == "document" && r.OldSlug == slug, ct);
            return moved is null ? NotFound() : RedirectPermanent(Url.Site($"{ContentUrls.Documents}/{moved.NewSlug}"));
        }
        Document = d;
        Related = await DocumentRelations.LoadAsync(db, directory, d, Request, current, ct);
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
