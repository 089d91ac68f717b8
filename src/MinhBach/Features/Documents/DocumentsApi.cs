using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MinhBach.Data;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Documents;

/// <summary>The machine-readable side of the document finder: files under their own names, RSS of new documents matching
/// any filter of the finder, and JSON for the province's other systems.</summary>
public static class DocumentsApi
{
    public const string FeedPath = "/van-ban/rss.xml";
    public const string ApiPath = "/api/van-ban";
    private const int FeedSize = 50;
    private const int MaxApiPageSize = 100;

    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/van-ban/{slug}/tep/{id:int}", FileAsync);
        app.MapGet(FeedPath, FeedAsync);
        app.MapGet(ApiPath, ListAsync);
        app.MapGet(ApiPath + "/{slug}", DetailAsync);
    }

    /// <summary>A PDF opens in the browser, sandboxed (no script of its own runs); DOC and DOCX download. Named by the
    /// original file name; the address never changes, the content never does either.</summary>
    private static async Task<IResult> FileAsync(string slug, int id, AppDb db, IFileStore store, HttpContext http)
    {
        var file = await (from f in db.DocumentFiles.AsNoTracking()
                          join d in db.Documents.AsNoTracking() on f.DocumentId equals d.Id
                          where f.Id == id && d.Slug == slug
                          select f).FirstOrDefaultAsync(http.RequestAborted);
        var stream = file is null ? null : store.OpenRead(file.Path);
        if (file is null || stream is null) return Results.NotFound();
        var inline = file.Format == DocumentFileFormat.Pdf;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.OriginalName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "public, max-age=86400";
        if (inline) http.Response.Headers.ContentSecurityPolicy = "sandbox";
        return Results.Stream(stream, DocumentFormats.ContentType(file.Format), enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<IResult> FeedAsync(HttpContext http, DocumentFinder finder, CurrentSite current, Catalogue.Catalogue catalogue)
    {
        var (filter, error) = DocumentFilter.Read(http.Request.Query, catalogue);
        if (filter is null) return Results.Text(error!, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        // New documents first, whatever the sort asked: a feed is read for what is new.
        filter = filter with { Sort = DocumentSort.Newest, Page = 1 };
        var site = current.Required;
        var found = await finder.FindAsync(filter, site, http.Request, current.ResolvedByHost, http.RequestAborted, FeedSize);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var query = filter.QueryString(1, withSort: false);
        var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            await Feeds.StartChannelAsync(w, $"{site.Name} - Văn bản mới{(filter.Province ? " toàn tỉnh" : "")}",
                origin + http.Request.PathBase + ContentUrls.Documents + (query.Length > 0 ? "?" + query : ""),
                $"Văn bản mới ban hành của {(filter.Province ? "các cơ quan trong tỉnh" : site.AgencyName)}",
                origin + http.Request.PathBase + http.Request.Path + http.Request.QueryString);
            foreach (var x in found.Items)
            {
                var d = x.Document;
                var url = Absolute(x.Url, origin);
                w.WriteStartElement("item");
                w.WriteElementString("title", $"{x.TypeName} số {d.Number}: {d.Title}");
                w.WriteElementString("link", url);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(url);
                w.WriteEndElement();
                w.WriteElementString("description",
                    $"{d.Title}. Cơ quan ban hành: {d.IssuingBody}. Ngày ban hành: {VnTime.DateText(d.IssuedOn)}. Hiệu lực: {DocumentStatuses.Label(d.Status)}.");
                w.WriteElementString("pubDate", d.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture));
                w.WriteElementString("category", x.TypeName);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            await w.WriteEndDocumentAsync();
        }
        return Results.Bytes(ms.ToArray(), "application/rss+xml; charset=utf-8");
    }

    private static async Task<IResult> ListAsync(HttpContext http, DocumentFinder finder, CurrentSite current, Catalogue.Catalogue catalogue)
    {
        var (filter, error) = DocumentFilter.Read(http.Request.Query, catalogue);
        if (filter is null) return Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
        var pageSize = DocumentFinder.PageSize;
        if (http.Request.Query["so-ban-ghi"].FirstOrDefault() is { } raw &&
            (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxApiPageSize))
            return Results.Json(new { error = $"so-ban-ghi phải từ 1 đến {MaxApiPageSize}." }, statusCode: StatusCodes.Status400BadRequest);
        var found = await finder.FindAsync(filter, current.Required, http.Request, current.ResolvedByHost, http.RequestAborted, pageSize);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return Results.Json(new
        {
            scope = filter.Province ? "province" : current.Required.Slug,
            total = found.Total,
            capped = found.Capped,
            page = found.Page,
            pageSize = found.PageSize,
            pageCount = found.PageCount,
            shownFor = found.ShownFor,
            suggestion = found.Suggestion,
            items = found.Items.Select(x => Json(x, origin, null)),
        });
    }

    private static async Task<IResult> DetailAsync(string slug, HttpContext http, AppDb db, CurrentSite current, SiteDirectory directory, Catalogue.Catalogue catalogue)
    {
        var d = await db.Documents.AsNoTracking().Include(x => x.Files.OrderBy(f => f.Order)).FirstOrDefaultAsync(x => x.Slug == slug, http.RequestAborted);
        if (d is null) return Results.Json(new { error = $"Không có văn bản \"{slug}\"." }, statusCode: StatusCodes.Status404NotFound);
        var related = await DocumentRelations.LoadAsync(db, directory, d, http.Request, current, http.RequestAborted);
        var site = current.Required;
        var x = new FoundDocument(d, catalogue.DocumentType(d.TypeCode)?.Name ?? d.TypeCode, site, http.Request.PathBase + ContentUrls.Document(d), d.Files);
        return Results.Json(Json(x, $"{http.Request.Scheme}://{http.Request.Host}", related));
    }

    private static object Json(FoundDocument x, string origin, IReadOnlyList<RelatedLink>? related)
    {
        var d = x.Document;
        var url = Absolute(x.Url, origin);
        return new
        {
            number = d.Number,
            type = d.TypeCode,
            typeName = x.TypeName,
            summary = d.Title,
            issuingBody = d.IssuingBody,
            signer = d.Signer,
            field = d.Field,
            issuedOn = Iso(d.IssuedOn),
            effectiveOn = d.EffectiveOn is DateOnly e ? Iso(e) : null,
            expiresOn = d.ExpiresOn is DateOnly x2 ? Iso(x2) : null,
            status = DocumentStatuses.Slug(d.Status),
            statusName = DocumentStatuses.Label(d.Status),
            url,
            site = new { slug = x.Site.Slug, name = x.Site.AgencyName },
            fullTextUrl = d.FileUrl,
            files = x.Files.Select(f => new
            {
                name = f.OriginalName,
                format = DocumentFormats.Label(f.Format),
                size = f.Size,
                pages = f.PageCount,
                url = $"{url}/tep/{f.Id}",
                textExtracted = f.Problem is null,
            }),
            relations = related?.Select(r => new
            {
                relation = r.Label,
                direction = r.Incoming ? "incoming" : "outgoing",
                number = r.Number,
                url = r.Url is null ? null : Absolute(r.Url, origin),
                status = r.Status is { } s ? DocumentStatuses.Slug(s) : null,
            }),
        };
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Absolute(string url, string origin) => url.StartsWith("http", StringComparison.Ordinal) ? url : origin + url;
}
