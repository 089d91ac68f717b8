using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Public;

/// <summary>Machine-readable views of a site: /sitemap.xml, /robots.txt and RSS 2.0 feeds.</summary>
public static class Feeds
{
    private const int FeedSize = 50;

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", Robots);
        app.MapGet("/sitemap.xml", SitemapXml);
        app.MapGet("/rss/{category}.xml", Rss);
    }

    /// <summary>Opens an RSS 2.0 document and its channel (Vietnamese, with its own address as atom:link); the caller
    /// writes the items and closes both elements.</summary>
    public static async Task StartChannelAsync(XmlWriter w, string title, string link, string description, string self)
    {
        await w.WriteStartDocumentAsync();
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
        w.WriteStartElement("channel");
        w.WriteElementString("title", title);
        w.WriteElementString("link", link);
        w.WriteElementString("description", description);
        w.WriteElementString("language", "vi");
        w.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
        w.WriteAttributeString("href", self);
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();
    }

    private static async Task<IResult> Robots(HttpContext http, CurrentSite current, SiteDirectory directory)
    {
        var sb = new StringBuilder();
        sb.Append("User-agent: *\nAllow: /\nDisallow: /quan-tri/\nDisallow: /tim-kiem\n\n");
        sb.Append($"Sitemap: {SiteUrls.AbsoluteBase(http.Request)}/sitemap.xml\n");
        if (!current.ResolvedByHost && current.Required.Slug.Length == 0)
        {
            // Component sites served under prefixes of this host list their sitemaps here too.
            var snap = await directory.GetAsync(http.RequestAborted);
            foreach (var s in snap.All.Where(s => s.Slug.Length > 0 && s.Status == SiteStatus.Active))
                sb.Append($"Sitemap: {http.Request.Scheme}://{http.Request.Host}/{s.Slug}/sitemap.xml\n");
        }
        return Results.Text(sb.ToString(), "text/plain; charset=utf-8");
    }

    private static async Task<IResult> SitemapXml(HttpContext http, SitemapBuilder builder)
    {
        var baseUrl = SiteUrls.AbsoluteBase(http.Request);
        var entries = await builder.BuildAsync(http.RequestAborted);
        var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, Async = true }))
        {
            await w.WriteStartDocumentAsync();
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var e in entries)
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", baseUrl + e.Path);
                if (e.LastModified is DateTime lm) w.WriteElementString("lastmod", lm.ToString("yyyy-MM-dd"));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            await w.WriteEndDocumentAsync();
        }
        return Results.Bytes(ms.ToArray(), "application/xml; charset=utf-8");
    }

    private static async Task<IResult> Rss(string category, HttpContext http, AppDb db, CurrentSite current, SiteChrome chrome)
    {
        var site = current.Required;
        var query = db.Published();
        string title;
        string link;
        if (category == "tin-moi")
        {
            title = $"{site.Name} - Tin mới";
            link = ContentUrls.News;
        }
        else
        {
            var cat = chrome.Categories.FirstOrDefault(c => c.Slug == category);
            if (cat is null) return Results.NotFound();
            query = query.Where(a => a.CategoryId == cat.Id);
            title = $"{site.Name} - {cat.Name}";
            link = ContentUrls.Category(cat.Slug);
        }
        var items = await query.NewestAsync(FeedSize, chrome, http.RequestAborted);
        var baseUrl = SiteUrls.AbsoluteBase(http.Request);

        var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            await StartChannelAsync(w, title, baseUrl + link, $"Tin bài mới nhất của {site.Name}", baseUrl + http.Request.Path);
            if (items.Count > 0) w.WriteElementString("lastBuildDate", items[0].PublishedAt.ToString("R"));
            foreach (var a in items)
            {
                var url = baseUrl + ContentUrls.Article(a);
                w.WriteStartElement("item");
                w.WriteElementString("title", a.Title);
                w.WriteElementString("link", url);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(url);
                w.WriteEndElement();
                w.WriteElementString("description", a.Summary);
                w.WriteElementString("pubDate", a.PublishedAt.ToString("R"));
                if (a.Category is not null) w.WriteElementString("category", a.Category.Name);
                w.WriteElementString("author", $"{site.Email} ({a.Author})");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            await w.WriteEndDocumentAsync();
        }
        return Results.Bytes(ms.ToArray(), "application/rss+xml; charset=utf-8");
    }
}
