using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Search;

/// <summary>
/// /tim-kiem: articles, introduction pages and documents (with their attachments' text) of this site or, with
/// pham-vi=tinh, of the whole province; accented or not, with snippets, facets by type and year, paging and
/// "did you mean". The same search answers as JSON at /api/search.
/// </summary>
public sealed class SearchModel(SiteSearch search, CurrentSite current, Catalogue.Catalogue catalogue) : PublicPageModel
{
    public SearchRequest? Asked { get; private set; }
    public SearchResult? Result { get; private set; }
    public IReadOnlyList<SiteHit> Hits { get; private set; } = [];

    public string Query => Asked?.Query ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (request, _) = SearchRequest.Read(Request.Query, catalogue);
        Meta = new PageMeta { Title = "Tìm kiếm", CanonicalPath = ContentUrls.Search, Breadcrumbs = [("Tìm kiếm", null)] };
        // A malformed filter or page number (not a query: every query gets an answer) is a malformed address.
        if (request is null) return BadInput();
        Asked = request;
        if (request.Query.Length == 0) return Page();
        Meta = Meta with { Title = $"Tìm kiếm: {(request.Query.Length > 80 ? request.Query[..80] + "…" : request.Query)}" };
        (Result, Hits) = await search.RunAsync(request, current.Required, Request, current.ResolvedByHost, ct);
        if (request.Page > 1 && Hits.Count == 0 && Result.Total > 0) return NotFound();
        return Page();
    }

    public string Link(string? kind = "", string? type = "", int? year = -1, int page = 1) =>
        Asked!.Link(Url.Site(ContentUrls.Search), kind, type, year, page);
}
