using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Search;

/// <summary>
/// Title search over articles and documents, diacritics-insensitive ("thu tuc" finds "thủ tục", đ = d),
/// on this site or, with ?pham-vi=tinh, on every site of the province.
/// </summary>
public sealed class SearchModel(AppDb db, SiteDirectory directory) : PublicPageModel
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    public sealed record Hit(string Kind, string Title, string Url, DateTime Date, string? SiteName);

    public string? Query { get; private set; }
    public bool Province { get; private set; }
    public Paged<Hit>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ReadPageNumber() is not int page) return BadInput();
        Query = Request.Query["q"].FirstOrDefault()?.Trim();
        Province = Request.Query["pham-vi"].FirstOrDefault() == "tinh";
        Meta = new PageMeta { Title = string.IsNullOrEmpty(Query) ? "Tìm kiếm" : $"Tìm kiếm: {Query}", CanonicalPath = ContentUrls.Search, Breadcrumbs = [("Tìm kiếm", null)] };
        if (string.IsNullOrEmpty(Query)) return Page();
        // Control characters (a NUL byte in the address) cannot be typed in the box, and PostgreSQL refuses NUL in text.
        if (Query.Length > MaxQueryLength || Query.Any(char.IsControl)) return BadInput();
        var words = VietnameseText.Fold(Query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return Page();

        var snap = await directory.GetAsync(ct);
        var active = snap.All.Where(s => s.Status == SiteStatus.Active).Select(s => s.Id).ToList();
        var articles = Province ? db.Articles.IgnoreQueryFilters().Where(a => active.Contains(a.SiteId)) : db.Articles;
        var documents = Province ? db.Documents.IgnoreQueryFilters().Where(d => active.Contains(d.SiteId)) : db.Documents;
        articles = articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);
        foreach (var w in words)
        {
            articles = articles.Where(a => a.TitleFolded.Contains(w));
            documents = documents.Where(d => d.TitleFolded.Contains(w));
        }

        // Both lists are newest first; merge the first pages of each, enough for the requested page.
        var need = page * PageSize;
        var a = await articles.OrderByDescending(x => x.PublishedAt).Take(need)
            .Select(x => new { x.SiteId, x.Title, x.Slug, Cat = x.Category!.Slug, x.PublishedAt }).ToListAsync(ct);
        var d = await documents.AsNoTracking().OrderByDescending(x => x.IssuedOn).Take(need)
            .Select(x => new { x.SiteId, x.Number, x.Title, x.Slug, x.IssuedOn }).ToListAsync(ct);
        var total = await articles.CountAsync(ct) + await documents.CountAsync(ct);
        if (page > 1 && (page - 1) * PageSize >= total) return NotFound();

        string Prefix(int siteId) => Province && snap.ById.TryGetValue(siteId, out var s) ? SiteUrls.Home(s, Request, false).TrimEnd('/') : Request.PathBase.Value ?? "";
        string? SiteName(int siteId) => Province && snap.ById.TryGetValue(siteId, out var s) ? s.AgencyName : null;
        var hits = a.Select(x => new Hit("Tin bài", x.Title, Prefix(x.SiteId) + ContentUrls.Article(x.Cat, x.Slug), x.PublishedAt, SiteName(x.SiteId)))
            .Concat(d.Select(x => new Hit("Văn bản", $"{x.Number}: {x.Title}", Prefix(x.SiteId) + $"{ContentUrls.Documents}/{x.Slug}", x.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), SiteName(x.SiteId))))
            .OrderByDescending(h => h.Date).Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var extra = "q=" + Uri.EscapeDataString(Query) + (Province ? "&pham-vi=tinh" : "");
        Results = new Paged<Hit>(hits, page, PageSize, total, ContentUrls.Search, extra);
        return Page();
    }
}
