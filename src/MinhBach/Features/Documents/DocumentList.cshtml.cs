using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Documents;

/// <summary>/van-ban: the document finder of the site or, with pham-vi=tinh, of the whole province: words (accented or not,
/// numbers however typed, the files' text), type, issuer, field, year, status; newest, oldest or most relevant first.
/// Every filter is in the address, so a search can be bookmarked, shared and followed as RSS (/van-ban/rss.xml?…).</summary>
public sealed class DocumentListModel(DocumentFinder finder, CurrentSite current, Catalogue.Catalogue catalogue) : PublicPageModel
{
    public DocumentFilter Filter { get; private set; } = null!;
    public DocumentResults Results { get; private set; } = null!;
    public IReadOnlyList<Catalogue.DocumentType> Types => catalogue.DocumentTypes;
    public IReadOnlyList<string> Issuers { get; private set; } = [];
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public string Link(int page) => Url.Site(ContentUrls.Documents) + (Filter.QueryString(page) is { Length: > 0 } q ? "?" + q : "");
    public string FeedLink => Url.Site(DocumentsApi.FeedPath) + (Filter.QueryString(1, withSort: false) is { Length: > 0 } q ? "?" + q : "");
    public string ApiLink => Url.Site(DocumentsApi.ApiPath) + (Filter.QueryString(1) is { Length: > 0 } q ? "?" + q : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Meta = new PageMeta
        {
            Title = "Văn bản",
            Description = $"Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành của {Site.AgencyName}",
            Type = "Collection",
            CanonicalPath = ContentUrls.Documents,
            Breadcrumbs = [("Văn bản", null)],
        };
        // A malformed filter is a malformed address (the error page), as on every listing; the words never are.
        var (filter, _) = DocumentFilter.Read(Request.Query, catalogue);
        if (filter is null) return BadInput();
        Filter = filter;
        (Issuers, Fields, Years) = await finder.ChoicesAsync(Filter.Province, Site, ct);
        Results = await finder.FindAsync(filter, Site, Request, current.ResolvedByHost, ct);
        if (filter.Page > 1 && Results.Items.Count == 0) return NotFound();
        Meta = Meta with
        {
            Title = (filter.Province ? "Văn bản toàn tỉnh" : "Văn bản") + (filter.Page > 1 ? $" - Trang {filter.Page}" : ""),
            CanonicalPath = filter.Page > 1 ? $"{ContentUrls.Documents}?trang={filter.Page}" : ContentUrls.Documents,
        };
        return Page();
    }
}
