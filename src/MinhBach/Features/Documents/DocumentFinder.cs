using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;
using MinhBach.Features.Search;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Documents;

public enum DocumentSort
{
    Newest,
    Oldest,
    Relevance,
}

/// <summary>What the document finder was asked, the same on /van-ban, /van-ban/rss.xml and /api/van-ban:
/// q, loai, co-quan, linh-vuc, nam, hieu-luc, sap-xep (moi-nhat, cu-nhat, lien-quan), pham-vi=tinh, trang.</summary>
public sealed record DocumentFilter(string Query, string? TypeCode, string? Issuer, string? Field, int? Year, DocumentStatus? Status,
    DocumentSort Sort, bool Province, int Page)
{
    public const int MaxPage = 1000;
    public const int MaxQueryLength = 200;

    /// <summary>Reads the finder's parameters. The words are never an error (control characters dropped, cut at
    /// <see cref="MaxQueryLength"/>); a malformed filter, sort or page is, with the reason in Vietnamese.</summary>
    public static (DocumentFilter? Filter, string? Error) Read(IQueryCollection query, Catalogue.Catalogue catalogue)
    {
        if (query.Any(p => p.Value.Count > 1)) return (null, "Mỗi điều kiện lọc chỉ được có một giá trị.");
        var text = new string((query["q"].FirstOrDefault() ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length > MaxQueryLength) text = text[..MaxQueryLength];
        string[] filters = ["loai", "co-quan", "linh-vuc", "nam", "hieu-luc", "sap-xep", "pham-vi", "trang"];
        if (filters.Any(k => (query[k].FirstOrDefault() ?? "").Any(char.IsControl))) return (null, "Điều kiện lọc có ký tự không hợp lệ.");
        var type = Value(query, "loai");
        if (type is not null && catalogue.DocumentType(type) is null) return (null, $"Loại văn bản \"{type}\" không có trong danh mục.");
        var issuer = Value(query, "co-quan");
        var field = Value(query, "linh-vuc");
        if (issuer?.Length > 300 || field?.Length > 200) return (null, "Điều kiện lọc quá dài.");
        int? year = null;
        if (Value(query, "nam") is { } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1945 or > 2100)
                return (null, "Năm ban hành phải là số từ 1945 đến 2100.");
            year = n;
        }
        DocumentStatus? status = null;
        if (Value(query, "hieu-luc") is { } s)
        {
            status = DocumentStatuses.FromSlug(s);
            if (status is null) return (null, $"Tình trạng hiệu lực \"{s}\" không có (có: con-hieu-luc, chua-co-hieu-luc, het-hieu-luc-mot-phan, het-hieu-luc).");
        }
        var sort = Value(query, "sap-xep") switch
        {
            null => text.Length > 0 ? DocumentSort.Relevance : DocumentSort.Newest,
            "moi-nhat" => DocumentSort.Newest,
            "cu-nhat" => DocumentSort.Oldest,
            "lien-quan" => DocumentSort.Relevance,
            _ => (DocumentSort?)null,
        };
        if (sort is null) return (null, "Cách sắp xếp phải là moi-nhat, cu-nhat hoặc lien-quan.");
        var page = 1;
        // A page given must be a page number: "trang=" alone is as malformed as "trang=abc".
        if (query.ContainsKey("trang") && (!int.TryParse(query["trang"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
            return (null, $"Số trang phải từ 1 đến {MaxPage}.");
        return (new DocumentFilter(text, type, issuer, field, year, status, sort.Value, Value(query, "pham-vi") == "tinh", page), null);
    }

    private static string? Value(IQueryCollection query, string key) => query[key].FirstOrDefault()?.Trim() is { Length: > 0 } v ? v : null;

    /// <summary>This filter's query string with the page changed (and nothing else), for pager and feed links.</summary>
    public string QueryString(int? page = null, bool withSort = true)
    {
        var parts = new List<string>();
        if (Query.Length > 0) parts.Add("q=" + Uri.EscapeDataString(Query));
        if (TypeCode is not null) parts.Add("loai=" + Uri.EscapeDataString(TypeCode));
        if (Issuer is not null) parts.Add("co-quan=" + Uri.EscapeDataString(Issuer));
        if (Field is not null) parts.Add("linh-vuc=" + Uri.EscapeDataString(Field));
        if (Year is int y) parts.Add("nam=" + y.ToString(CultureInfo.InvariantCulture));
        if (Status is { } s) parts.Add("hieu-luc=" + DocumentStatuses.Slug(s));
        if (withSort && Sort != (Query.Length > 0 ? DocumentSort.Relevance : DocumentSort.Newest))
            parts.Add("sap-xep=" + (Sort switch { DocumentSort.Oldest => "cu-nhat", DocumentSort.Relevance => "lien-quan", _ => "moi-nhat" }));
        if (Province) parts.Add("pham-vi=tinh");
        if ((page ?? Page) > 1) parts.Add("trang=" + (page ?? Page).ToString(CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }
}

/// <summary>A document found, with where it lives: its site and its public address (absolute when on another host).</summary>
public sealed record FoundDocument(Document Document, string TypeName, Site Site, string Url, IReadOnlyList<DocumentFile> Files);

public sealed record DocumentResults(IReadOnlyList<FoundDocument> Items, int Total, int Page, int PageSize, bool Capped, string? ShownFor, string? Suggestion)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The document finder of a site, or of the whole province (every active site's documents, each linking to its own site).
/// Words go through the site search (diacritics, numbers however typed, typos, attachment text), limited to its best
/// <see cref="MaxTextMatches"/> documents; the other filters are plain columns.
/// </summary>
public sealed class DocumentFinder(AppDb db, SearchEngine engine, SiteDirectory directory, Catalogue.Catalogue catalogue)
{
    public const int PageSize = 20;
    public const int MaxTextMatches = 1000;

    public async Task<DocumentResults> FindAsync(DocumentFilter f, Site site, HttpRequest http, bool byHost, CancellationToken ct, int pageSize = PageSize)
    {
        var snap = await directory.GetAsync(ct);
        var siteIds = f.Province ? snap.All.Where(s => s.Status == SiteStatus.Active).Select(s => s.Id).ToList() : [site.Id];
        var query = Scope(siteIds);
        if (f.TypeCode is not null) query = query.Where(d => d.TypeCode == f.TypeCode);
        if (f.Issuer is not null) query = query.Where(d => d.IssuingBody == f.Issuer);
        if (f.Field is not null) query = query.Where(d => d.Field == f.Field);
        if (f.Year is int y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            query = query.Where(d => d.IssuedOn >= from && d.IssuedOn <= to);
        }
        if (f.Status is { } status) query = query.Where(d => d.Status == status);

        List<Document> items;
        int total;
        bool capped = false;
        string? shownFor = null, suggestion = null;
        if (f.Query.Length > 0)
        {
            var found = await engine.SearchAsync(new SearchQuery(f.Query, siteIds, SearchKinds.Document, f.TypeCode, f.Year, 1, MaxTextMatches, Snippets: false), ct);
            (shownFor, suggestion, capped) = (found.ShownFor, found.Suggestion, found.Total > MaxTextMatches);
            var rank = found.Hits.Select((h, i) => (h.Entry.RefId, i)).ToDictionary(x => x.RefId, x => x.i);
            var ids = rank.Keys.ToList();
            var matching = await query.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.IssuedOn }).ToListAsync(ct);
            total = matching.Count;
            var ordered = f.Sort switch
            {
                DocumentSort.Relevance => matching.OrderBy(d => rank[d.Id]),
                DocumentSort.Oldest => matching.OrderBy(d => d.IssuedOn).ThenBy(d => d.Id),
                _ => matching.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id),
            };
            var pageIds = ordered.Skip((f.Page - 1) * pageSize).Take(pageSize).Select(d => d.Id).ToList();
            var rows = await Scope(siteIds).Where(d => pageIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
            items = pageIds.Select(id => rows[id]).ToList();
        }
        else
        {
            total = await query.CountAsync(ct);
            var sorted = f.Sort == DocumentSort.Oldest
                ? query.OrderBy(d => d.IssuedOn).ThenBy(d => d.Id)
                : query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id);
            items = await sorted.Skip((f.Page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        }

        var docIds = items.Select(d => d.Id).ToList();
        var files = (await db.DocumentFiles.IgnoreQueryFilters().AsNoTracking().Where(x => x.DocumentId != null && docIds.Contains(x.DocumentId.Value))
            .OrderBy(x => x.Order).Select(x => new DocumentFile { Id = x.Id, DocumentId = x.DocumentId, OriginalName = x.OriginalName, Format = x.Format, Size = x.Size, PageCount = x.PageCount, Problem = x.Problem })
            .ToListAsync(ct)).ToLookup(x => x.DocumentId!.Value);
        var results = items.Select(d =>
        {
            var owner = snap.ById.GetValueOrDefault(d.SiteId) ?? site;
            var prefix = owner.Id == site.Id ? http.PathBase.Value ?? "" : SiteUrls.Home(owner, http, byHost).TrimEnd('/');
            return new FoundDocument(d, catalogue.DocumentType(d.TypeCode)?.Name ?? d.TypeCode, owner, prefix + ContentUrls.Document(d), files[d.Id].ToList());
        }).ToList();
        return new DocumentResults(results, total, f.Page, pageSize, capped, shownFor, suggestion);
    }

    /// <summary>The choices the filters offer: issuers, fields and years in use on the site or the province.</summary>
    public async Task<(IReadOnlyList<string> Issuers, IReadOnlyList<string> Fields, IReadOnlyList<int> Years)> ChoicesAsync(bool province, Site site, CancellationToken ct)
    {
        var snap = await directory.GetAsync(ct);
        var siteIds = province ? snap.All.Where(s => s.Status == SiteStatus.Active).Select(s => s.Id).ToList() : [site.Id];
        var scope = Scope(siteIds);
        var issuers = await scope.Select(d => d.IssuingBody).Distinct().Take(500).ToListAsync(ct);
        var fields = await scope.Where(d => d.Field != null && d.Field != "").Select(d => d.Field!).Distinct().Take(500).ToListAsync(ct);
        var years = await scope.Select(d => d.IssuedOn.Year).Distinct().ToListAsync(ct);
        var vi = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.None);
        return (issuers.Order(vi).ToList(), fields.Order(vi).ToList(), years.OrderDescending().ToList());
    }

    private IQueryable<Document> Scope(List<int> siteIds) => db.Documents.IgnoreQueryFilters().AsNoTracking().Where(d => siteIds.Contains(d.SiteId));
}
