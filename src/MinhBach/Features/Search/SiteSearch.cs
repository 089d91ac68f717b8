using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;
using MinhBach.Features.Questions;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Search;

/// <summary>What a visitor asked: the same parameters on /tim-kiem and /api/search.</summary>
public sealed record SearchRequest(string Query, bool Province, string? Kind, string? TypeCode, int? Year, int Page)
{
    public const int MaxPage = 500;

    /// <summary>Reads q, pham-vi (tinh), loai, loai-van-ban, nam, trang; a malformed filter is an error in Vietnamese.
    /// The query itself is never an error: control characters are dropped and it is cut at the engine's limit.</summary>
    public static (SearchRequest? Request, string? Error) Read(IQueryCollection query, Catalogue.Catalogue catalogue)
    {
        var text = new string((query["q"].FirstOrDefault() ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length > SearchEngine.MaxQueryLength) text = text[..SearchEngine.MaxQueryLength];
        var province = query["pham-vi"].FirstOrDefault() is "tinh";
        var kind = Blank(query["loai"].FirstOrDefault());
        if (kind is not null && !SearchKinds.All.Contains(kind))
            return (null, $"Loại kết quả \"{kind}\" không có (có: {string.Join(", ", SearchKinds.All)}).");
        var type = Blank(query["loai-van-ban"].FirstOrDefault());
        if (type is not null && catalogue.DocumentType(type) is null)
            return (null, $"Loại văn bản \"{type}\" không có.");
        int? year = null;
        if (Blank(query["nam"].FirstOrDefault()) is { } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1900 or > 2100)
                return (null, "Năm phải là số từ 1900 đến 2100.");
            year = n;
        }
        var page = 1;
        if (query["trang"] is { Count: > 0 } p &&
            (p.Count > 1 || !int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
            return (null, $"Số trang phải từ 1 đến {MaxPage}.");
        return (new SearchRequest(text, province, kind, type, year, page), null);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Query string of this request with some parameters changed (null removes one); for facet and page links.</summary>
    public string Link(string path, string? kind = "", string? type = "", int? year = -1, int page = 1)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(Query) };
        if (Province) parts.Add("pham-vi=tinh");
        if ((kind == "" ? Kind : kind) is { } k) parts.Add("loai=" + k);
        if ((type == "" ? TypeCode : type) is { } t) parts.Add("loai-van-ban=" + t);
        if ((year == -1 ? Year : year) is { } y) parts.Add("nam=" + y.ToString(CultureInfo.InvariantCulture));
        if (page > 1) parts.Add("trang=" + page.ToString(CultureInfo.InvariantCulture));
        return path + "?" + string.Join("&", parts);
    }
}

public sealed record SiteHit(string Kind, string KindName, string Title, string TitleHtml, string Url, DateTime Date, string SnippetHtml,
    string? Number, string SiteSlug, string SiteName);

/// <summary>Runs a search for a request on a site: which sites it covers, and the public address of every hit.</summary>
public sealed class SiteSearch(SearchEngine engine, AppDb db, SiteDirectory directory)
{
    public const int PageSize = 20;

    public async Task<(SearchResult Result, IReadOnlyList<SiteHit> Hits)> RunAsync(SearchRequest r, Site site, HttpRequest http, bool byHost, CancellationToken ct)
    {
        var snap = await directory.GetAsync(ct);
        var sites = r.Province
            ? snap.All.Where(s => s.Status == SiteStatus.Active).Select(s => s.Id).ToList()
            : [site.Id];
        var result = await engine.SearchAsync(new SearchQuery(r.Query, sites, r.Kind, r.TypeCode, r.Year, r.Page, PageSize), ct);
        var paths = await PathsAsync(result.Hits.Select(h => h.Entry).ToList(), ct);
        var hits = result.Hits.Select(h =>
        {
            var e = h.Entry;
            // A question answered by another unit is shown on both sites, as on /hoi-dap: linked on this site when it is one of them.
            var ownerId = e.AlsoOnSiteId == site.Id ? site.Id : e.SiteId;
            var owner = snap.ById.GetValueOrDefault(ownerId) ?? site;
            var prefix = owner.Id == site.Id ? http.PathBase.Value ?? "" : SiteUrls.Home(owner, http, byHost).TrimEnd('/');
            var title = e.Number is null ? e.Title : $"{e.Number}: {e.Title}";
            return new SiteHit(e.Kind, SearchKinds.Vietnamese(e.Kind), title, h.TitleHtml, prefix + paths.GetValueOrDefault((e.Kind, e.RefId), "/"),
                e.Date, h.SnippetHtml, e.Number, owner.Slug, owner.AgencyName);
        }).ToList();
        return (result, hits);
    }

    private async Task<Dictionary<(string, int), string>> PathsAsync(List<SearchEntry> entries, CancellationToken ct)
    {
        var paths = new Dictionary<(string, int), string>();
        var ids = entries.ToLookup(e => e.Kind, e => e.RefId);
        if (ids[SearchKinds.Article].ToList() is { Count: > 0 } a)
            foreach (var x in await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(x => a.Contains(x.Id)).Select(x => new { x.Id, x.Slug, Cat = x.Category!.Slug }).ToListAsync(ct))
                paths[(SearchKinds.Article, x.Id)] = ContentUrls.Article(x.Cat, x.Slug);
        if (ids[SearchKinds.Document].ToList() is { Count: > 0 } d)
            foreach (var x in await db.Documents.IgnoreQueryFilters().AsNoTracking().Where(x => d.Contains(x.Id)).Select(x => new { x.Id, x.Slug }).ToListAsync(ct))
                paths[(SearchKinds.Document, x.Id)] = $"{ContentUrls.Documents}/{x.Slug}";
        if (ids[SearchKinds.Page].ToList() is { Count: > 0 } p)
            foreach (var x in await db.Pages.IgnoreQueryFilters().AsNoTracking().Where(x => p.Contains(x.Id)).Select(x => new { x.Id, x.Slug }).ToListAsync(ct))
                paths[(SearchKinds.Page, x.Id)] = ContentUrls.Intro(x.Slug);
        // A question's address is its id; the site that answered it is on its entry (AlsoOnSiteId).
        foreach (var id in ids[SearchKinds.Question])
            paths[(SearchKinds.Question, id)] = QuestionUrls.Detail(id);
        return paths;
    }

}
