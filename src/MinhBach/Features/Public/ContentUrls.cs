using MinhBach.Features.Articles;
using MinhBach.Features.Documents;

namespace MinhBach.Features.Public;

/// <summary>Site-relative addresses of public content: readable Vietnamese slugs without diacritics.</summary>
public static class ContentUrls
{
    public const string News = "/tin-tuc";
    public static string Category(string categorySlug) => $"/tin-tuc/{categorySlug}";
    public static string Article(string categorySlug, string slug) => $"/tin-tuc/{categorySlug}/{slug}";
    public static string Article(Article a) => Article(a.Category?.Slug ?? "", a.Slug);
    public static string Print(Article a) => Article(a) + "/in";
    public static string Feed(string categorySlug) => $"/rss/{categorySlug}.xml";
    public const string AllNewsFeed = "/rss/tin-moi.xml";
    public static string Intro(string slug) => $"/gioi-thieu/{slug}";
    public static string Leader(string slug) => $"/lanh-dao/{slug}";
    public static string Document(Document d) => $"/van-ban/{d.Slug}";
    public const string Documents = "/van-ban";
    public const string Organisation = "/co-cau-to-chuc";
    public const string Leaders = "/lanh-dao";
    public const string Contacts = "/lien-he";
    public const string Schedule = "/lich-cong-tac";
    public const string Questions = "/hoi-dap";
    public const string Petitions = "/phan-anh-kien-nghi";
    public const string Consultations = "/lay-y-kien";
    public const string SiteMap = "/so-do-cong";
    public const string Search = "/tim-kiem";
    public const string Feeds = "/rss";
    public const string ComponentSites = "/trang-thanh-phan";
    public const string English = "/en";
}

public static class UrlHelperExtensions
{
    /// <summary>A site-relative path made into this request's address (adds the site prefix, if any).</summary>
    public static string Site(this Microsoft.AspNetCore.Mvc.IUrlHelper url, string path) =>
        url.ActionContext.HttpContext.Request.PathBase + path;

    /// <summary>
    /// A file of wwwroot ("/assets/quoc-huy.svg") at its fingerprinted, immutable address where the build made one, for
    /// addresses written outside a tag with asp-append-version; any other path is returned as it is.
    /// </summary>
    public static string Asset(this Microsoft.AspNetCore.Mvc.IUrlHelper url, string path) =>
        path.StartsWith('/') && url.ActionContext.HttpContext.GetEndpoint()?.Metadata
            .GetMetadata<Microsoft.AspNetCore.Components.ResourceAssetCollection>() is { } assets
            ? "/" + assets[path[1..]]
            : path;
}
