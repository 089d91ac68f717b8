using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Petitions;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Petitions;

/// <summary>/quan-tri/phan-anh-kien-nghi/qua-han: open petitions this site received or handles, per handling unit, overdue first.</summary>
public sealed class PetitionOverdueModel(PetitionService petitions, SiteDirectory directory) : AdminPageModel
{
    public sealed record Row(Petition Petition, int DaysLeft);
    public sealed record Unit(Site? Site, IReadOnlyList<Row> Rows)
    {
        public int Overdue => Rows.Count(r => r.DaysLeft < 0);
    }

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = "Phản ánh, kiến nghị quá hạn theo đơn vị";
        var open = await petitions.Involving(Site).AsNoTracking()
            .Where(p => p.Status == PetitionStatus.Received || p.Status == PetitionStatus.Assigned).ToListAsync(ct);
        var sites = (await directory.GetAsync(ct)).ById;
        Units = open.GroupBy(p => p.HandlingSiteId)
            .Select(g => new Unit(sites.GetValueOrDefault(g.Key), g.Select(p => new Row(p, petitions.WorkingDaysLeft(p))).OrderBy(r => r.Petition.DueOn).ToList()))
            .OrderByDescending(u => u.Overdue).ThenBy(u => u.Site?.Name, StringComparer.Ordinal).ToList();
    }
}
