using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Petitions;

/// <summary>/phan-anh-kien-nghi/{id}: one published petition with its answer, on the site it was sent to and on the one that answered.</summary>
public sealed class PetitionDetailModel(PetitionService petitions, SiteDirectory directory) : PublicPageModel
{
    public Petition Petition { get; private set; } = null!;
    public Site? AnsweredBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var p = await petitions.PublishedOn(Site).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound();
        Petition = p;
        AnsweredBy = (await directory.GetAsync(ct)).ById.GetValueOrDefault(p.HandlingSiteId);
        Meta = new PageMeta
        {
            Title = p.PublicSubject ?? "",
            Description = p.PublicContent is { Length: > 200 } t ? t[..200] + "…" : p.PublicContent,
            Creator = AnsweredBy?.AgencyName,
            Date = p.PublishedAt,
            CanonicalPath = PetitionUrls.Detail(p.Id),
            Breadcrumbs = [("Phản ánh, kiến nghị", PetitionUrls.List), (p.PublicSubject ?? "", null)],
        };
        return Page();
    }
}
