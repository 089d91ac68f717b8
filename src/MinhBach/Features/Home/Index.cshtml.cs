using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Features.Public;
using MinhBach.Features.Schedules;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Home;

public sealed class IndexModel(AppDb db, SiteDirectory directory, Catalogue.Catalogue catalogue, TimeProvider clock) : PublicPageModel
{
    public Article? Featured { get; private set; }
    public IReadOnlyList<Article> Latest { get; private set; } = [];
    public IReadOnlyList<(Category Category, IReadOnlyList<Article> Articles)> Blocks { get; private set; } = [];
    public IReadOnlyList<Document> Documents { get; private set; } = [];
    public IReadOnlyList<Leader> Leaders { get; private set; } = [];
    public IReadOnlyList<ScheduleEntry> Today { get; private set; } = [];
    public IReadOnlyList<SiteLink> Links { get; private set; } = [];
    public IReadOnlyList<(string Group, IReadOnlyList<Site> Sites)> Components { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var published = db.Articles.AsNoTracking().Include(a => a.Category).Where(a => a.Status == ArticleStatus.Published);
        Featured = await published.Where(a => a.IsFeatured).OrderByDescending(a => a.PublishedAt).FirstOrDefaultAsync(ct)
            ?? await published.OrderByDescending(a => a.PublishedAt).FirstOrDefaultAsync(ct);
        var featuredId = Featured?.Id ?? 0;
        Latest = await published.Where(a => a.Id != featuredId).OrderByDescending(a => a.PublishedAt).Take(6).ToListAsync(ct);

        var blocks = new List<(Category, IReadOnlyList<Article>)>();
        foreach (var c in await db.Categories.AsNoTracking().Where(c => c.ShowOnHome).OrderBy(c => c.Order).Take(4).ToListAsync(ct))
        {
            var items = await published.Where(a => a.CategoryId == c.Id).OrderByDescending(a => a.PublishedAt).Take(4).ToListAsync(ct);
            if (items.Count > 0) blocks.Add((c, items));
        }
        Blocks = blocks;
        Documents = await db.Documents.AsNoTracking().OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(5).ToListAsync(ct);
        Leaders = await db.Leaders.AsNoTracking().OrderBy(l => l.Order).Take(5).ToListAsync(ct);
        var today = VnTime.Today(clock);
        Today = await db.ScheduleEntries.AsNoTracking().Where(s => s.Date == today).OrderBy(s => s.StartTime).ToListAsync(ct);
        Links = await db.SiteLinks.AsNoTracking().OrderBy(l => l.Order).ToListAsync(ct);

        var snap = await directory.GetAsync(ct);
        Components = snap.All.Where(s => s.ParentId == Site.Id && s.Status == SiteStatus.Active)
            .GroupBy(s => catalogue.Kind(s.KindCode)?.Group ?? s.KindCode)
            .Select(g => (g.Key, (IReadOnlyList<Site>)g.ToList()))
            .ToList();

        Meta = new PageMeta
        {
            Title = "",
            Description = Site.Description ?? $"{Site.Name}: tin tức, văn bản, lịch công tác, thủ tục hành chính của {Site.AgencyName}.",
            Type = "Collection",
            CanonicalPath = "/",
            Date = Latest.FirstOrDefault()?.PublishedAt,
        };
    }
}
