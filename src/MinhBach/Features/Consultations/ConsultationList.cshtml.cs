using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Public;

namespace MinhBach.Features.Consultations;

/// <summary>/lay-y-kien: the site's drafts open for comment now, those about to open, and the closed ones (newest
/// first, paged), each with its dates in Viet Nam time and the days left.</summary>
public sealed class ConsultationListModel(ConsultationService consultations) : PublicPageModel
{
    public const int PageSize = 10;

    public IReadOnlyList<Consultation> Open { get; private set; } = [];
    public IReadOnlyList<Consultation> Upcoming { get; private set; } = [];
    public Paged<Consultation> Closed { get; private set; } = null!;
    public IReadOnlyDictionary<int, int> CommentCounts { get; private set; } = new Dictionary<int, int>();
    public ConsultationService Service => consultations;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ReadPageNumber() is not int page) return BadInput();
        var today = consultations.Today;
        var all = consultations.Public();
        if (page == 1)
        {
            Open = await all.Where(c => c.OpensOn <= today && c.ClosesOn >= today).OrderBy(c => c.ClosesOn).ThenBy(c => c.Id).ToListAsync(ct);
            Upcoming = await all.Where(c => c.OpensOn > today).OrderBy(c => c.OpensOn).ThenBy(c => c.Id).ToListAsync(ct);
        }
        var closed = all.Where(c => c.ClosesOn < today);
        var total = await closed.CountAsync(ct);
        var items = await closed.OrderByDescending(c => c.ClosesOn).ThenByDescending(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        if (page > 1 && items.Count == 0) return NotFound();
        Closed = new Paged<Consultation>(items, page, PageSize, total, ConsultationUrls.List);
        var ids = Open.Concat(items).Select(c => c.Id).ToList();
        CommentCounts = await consultations.ApprovedCountsAsync(ids, ct);
        Meta = new PageMeta
        {
            Title = page > 1 ? $"Lấy ý kiến dự thảo - Trang {page}" : "Lấy ý kiến dự thảo",
            Description = $"Dự thảo văn bản {Site.AgencyName} lấy ý kiến góp ý của người dân, doanh nghiệp.",
            Type = "Collection",
            CanonicalPath = Closed.Link(page),
            Breadcrumbs = [("Lấy ý kiến dự thảo", null)],
        };
        return Page();
    }
}
