using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Features.Public;
using MinhBach.Features.Schedules;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Home;

public sealed class IndexModel(AppDb db, SiteDirectory directory, Catalogue.Catalogue catalogue, TimeProvider clock, SiteChrome chrome) : PublicPageModel
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
        var published = db.Published();
        // The newest seven hold the six latest whichever one is featured.
        var newest = await published.NewestAsync(7, chrome, ct);
        // Compared with a parameter, not as a bare boolean, so SQLite uses the featured index as an equality.
        var featured = true;
        Featured = (await published.Where(a => a.IsFeatured == featured).NewestAsync(1, chrome, ct)).FirstOrDefault() ?? newest.FirstOrDefault();
        var featuredId = Featured?.Id ?? 0;
        Latest = newest.Where(a => a.Id != featuredId).Take(6).ToList();

        var blocks = new List<(Category, IReadOnlyList<Article>)>();
        foreach (var c in chrome.Categories.Where(c => c.ShowOnHome).OrderBy(c => c.Order).Take(4))
        {
            var items = await published.Where(a => a.CategoryId == c.Id).NewestAsync(4, chrome, ct);
            if (items.Count > 0) blocks.Add((c, items));
        }
        Blocks = blocks;
        // Not the attachments' text, which can be a book.
        Documents = await db.Documents.AsNoTracking().OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(5)
            .Select(d => new Document { Id = d.Id, SiteId = d.SiteId, Slug = d.Slug, Number = d.Number, Title = d.Title, IssuedOn = d.IssuedOn }).ToListAsync(ct);
        Leaders = await db.Leaders.AsNoTracking().OrderBy(l => l.Order).Take(5).ToListAsync(ct);
        var today = VnTime.Today(clock);
        Today = await db.ScheduleEntries.AsNoTracking().Where(s => s.Date == today).OrderBy(s => s.StartTime).ToListAsync(ct);
        Links = chrome.Links;

        var snap = await directory.GetAsync(ct);
        Components = snap.ActiveChildrenOf(Site.Id)
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
