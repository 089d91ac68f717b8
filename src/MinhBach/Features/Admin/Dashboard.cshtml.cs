using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin;

/// <summary>/quan-tri: what the user can do here, the site's content at a glance, and their other sites.</summary>
public sealed class DashboardModel(AppDb db, SiteDirectory directory, TimeProvider clock) : AdminPageModel
{
    public IReadOnlyList<(Site Site, SiteRole Role)> MySites { get; private set; } = [];
    public IReadOnlyDictionary<ArticleStatus, int> ArticleCounts { get; private set; } = new Dictionary<ArticleStatus, int>();
    public IReadOnlyList<Article> RecentlyPublished { get; private set; } = [];
    public IReadOnlyList<AuditEntry> RecentActivity { get; private set; } = [];
    /// <summary>How much of each kind of content the site holds, for the editors' shortcuts (empty for contributors).</summary>
    public IReadOnlyList<(string Path, string Label, int Count)> ContentCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = "Bảng điều khiển";
        await Access.LoadAsync(ct);
        var userId = SiteAccess.UserId(User);
        var snap = await directory.GetAsync(ct);
        var memberships = await db.SiteMemberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct);
        MySites = memberships.Where(m => snap.ById.ContainsKey(m.SiteId)).Select(m => (snap.ById[m.SiteId], m.Role)).OrderBy(x => x.Item1.Order).ToList();
        ArticleCounts = (await db.Articles.AsNoTracking().GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        RecentlyPublished = await db.Articles.AsNoTracking().Include(a => a.Category).Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt).Take(8).ToListAsync(ct);
        if (AdminMenu.Items(Access).Any(i => i.Path == "/quan-tri/chuyen-muc"))
        {
            var monday = WorkSchedule.ScheduleWeekModel.MondayOf(Public.VnTime.Today(clock));
            var sunday = monday.AddDays(6);
            var counts = new[]
            {
                await db.Categories.CountAsync(ct), await db.Pages.CountAsync(ct), await db.OrgUnits.CountAsync(ct), await db.Leaders.CountAsync(ct),
                await db.Contacts.CountAsync(ct), await db.Documents.CountAsync(ct),
                await db.ScheduleEntries.CountAsync(e => e.Date >= monday && e.Date <= sunday, ct), await db.SiteLinks.CountAsync(ct),
            };
            ContentCounts = AdminMenu.ContentEditors.Select((e, i) => (e.Path, e.Label, counts[i])).ToList();
        }
        if (Access.Has(SiteRole.SiteAdmin) || Access.User?.IsProvinceReviewer == true)
            RecentActivity = await db.AuditEntries.AsNoTracking().Where(e => e.SiteId == Site.Id).OrderByDescending(e => e.Sequence).Take(10).ToListAsync(ct);
    }
}
