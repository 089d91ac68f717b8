using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;

namespace MinhBach.Features.Consultations.Admin;

/// <summary>/quan-tri/lay-y-kien: the site's consultations with their dates, comments waiting for moderation and the
/// synthesis; editors create new ones here. Anyone who may read the site's administration sees it.</summary>
public sealed class ConsultationAdminListModel(AppDb db, ConsultationService consultations) : AdminPageModel
{
    public sealed record Row(Consultation Consultation, ConsultationPhase Phase, int Pending, int Approved);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Lấy ý kiến dự thảo";
        await Access.LoadAsync(ct);
        CanEdit = Access.Has(SiteRole.Editor);
        var list = await db.Consultations.AsNoTracking().OrderByDescending(c => c.ClosesOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var counts = await db.ConsultationComments.AsNoTracking().Where(c => ids.Contains(c.ConsultationId))
            .GroupBy(c => new { c.ConsultationId, c.Status }).Select(g => new { g.Key.ConsultationId, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        Rows = list.Select(c => new Row(c, consultations.Phase(c),
            counts.Where(x => x.ConsultationId == c.Id && x.Status == CommentStatus.Pending).Sum(x => x.N),
            counts.Where(x => x.ConsultationId == c.Id && x.Status == CommentStatus.Approved).Sum(x => x.N))).ToList();
        Notice = msg == "xoa" ? "Đã xóa." : null;
        return Page();
    }
}
