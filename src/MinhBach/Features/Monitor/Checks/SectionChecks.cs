using System.Xml;
using System.Xml.Linq;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor.Html;
using MinhBach.Features.Monitor.Net;
using MinhBach.Text;

namespace MinhBach.Features.Monitor;

// The mandatory sections (INF-xx, TEC-12, TEC-27) found by their menu words in the navigation, the footer and the
// site map, followed, and judged present, empty or a placeholder, with the newest date on them; the site map (TEC-11),
// feeds and the soft-404 test (TEC-16), and the English pages (INF-20).
public sealed partial class SiteAuditor
{
    /// <summary>Sections judged the generic way; the others have their own checks.</summary>
    private static readonly HashSet<string> OwnChecks = ["INF-20", "INF-21", "TEC-11"];

    private async Task SectionsAsync(AuditContext ctx, CancellationToken ct)
    {
        var home = ctx.Home!;
        var candidates = home.Links.ToList();
        // The user site map lists every section: read it first so sections missing from the menu are still found.
        if (FindLink(words.Section("TEC-11"), candidates, ctx) is { } mapLink && IsSameSite(ctx, mapLink.Url)
            && await PageAsync(ctx, mapLink.Url, ct) is { } map)
        {
            ctx.SiteMapPage = map;
            ctx.MapLinks.AddRange(map.Links);
            candidates.AddRange(map.Links.Where(l => (l.Area & (LinkArea.Nav | LinkArea.Footer | LinkArea.Header)) == 0));
        }
        foreach (var section in words.Sections.Where(s => ctx.Wants(s.Id) && !OwnChecks.Contains(s.Id)))
            ctx.Add(await SectionAsync(ctx, section, candidates, ct));
    }

    private async Task<Finding> SectionAsync(AuditContext ctx, SectionWords section, List<PageLink> candidates, CancellationToken ct)
    {
        var link = FindLink(section, candidates, ctx);
        if (link is null)
            return new Finding(section.Id, CheckStatus.Fail, $"Không thấy mục nào ở menu, chân trang hay sơ đồ trang mang tên như {string.Join(", ", section.Keywords.Take(3).Select(k => $"\"{k}\""))}.");
        var label = link.Text.Length > 0 ? Quote(link.Text, 60) : $"<{link.Url}>";
        if (!IsSameSite(ctx, link.Url))
            return new Finding(section.Id, CheckStatus.Pass, $"Mục {label} liên kết tới {link.Url} (trang ngoài, không đọc tiếp).");
        var page = await PageAsync(ctx, link.Url, ct);
        if (page is null)
            return new Finding(section.Id, ctx.Failed.GetValueOrDefault(link.Url.AbsoluteUri) is { OverBudget: true } or { BlockedByRobots: true } ? CheckStatus.Unknown : CheckStatus.Fail,
                $"Mục {label} ({link.Url}) không mở được: {Why(ctx, link.Url)}.");
        ctx.SectionPages[section.Id] = page;
        var main = MainText(page);
        var normal = SearchText.Normalize(main);
        var newest = VietnameseDates.Newest(main, ctx.Request.Today);
        var placeholder = FirstOf(normal, words.Placeholders);
        if (placeholder is not null && main.Length < 600)
            return new Finding(section.Id, CheckStatus.Fail, $"Mục {label} ({page.Url}) chưa có nội dung: chỉ ghi {Around(main, placeholder)}.");
        if (main.Length < 150 && newest is null)
            return new Finding(section.Id, CheckStatus.Fail, $"Mục {label} ({page.Url}) trống ({main.Length} ký tự nội dung).");
        return new Finding(section.Id, CheckStatus.Pass,
            $"Mục {label} tại {page.Url}: có nội dung ({main.Length:N0} ký tự)" + (newest is { } n ? $", ngày mới nhất {Day(n)}." : ", không thấy ngày đăng."), newest);
    }

    private static bool IsSameSite(AuditContext ctx, Uri url)
    {
        static string Bare(string h) => h.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? h[4..].ToLowerInvariant() : h.ToLowerInvariant();
        return Bare(url.Host) == Bare(ctx.Request.Url.Host) || (ctx.Home is { } home && Bare(url.Host) == Bare(home.Url.Host));
    }

    /// <summary>
    /// The link that best names the section: an address that is the section (the national public-service portal),
    /// else menu-like link text holding a keyword (the longest keyword wins, menus and footers before the body),
    /// else an address whose path spells a keyword.
    /// </summary>
    private static PageLink? FindLink(SectionWords? section, IReadOnlyList<PageLink> links, AuditContext ctx)
    {
        if (section is null) return null;
        var byHref = links.FirstOrDefault(l => section.Hrefs.Any(h => l.Url.Host.Contains(h.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)));
        if (byHref is not null) return byHref;
        PageLink? best = null;
        var bestScore = 0;
        foreach (var l in links)
        {
            var wordCount = l.Words.Length == 0 ? 0 : l.Words.Count(c => c == ' ') + 1;
            if (wordCount == 0 || wordCount > 12) continue;
            foreach (var k in section.Normal)
            {
                if (!(" " + l.Words + " ").Contains(" " + k + " ", StringComparison.Ordinal)) continue;
                var score = k.Length * 10 + ((l.Area & (LinkArea.Nav | LinkArea.Header | LinkArea.Footer)) != 0 ? 5 : 0)
                    + (l.Words == k ? 8 : 0) - wordCount;
                if (score > bestScore) (best, bestScore) = (l, score);
                break;
            }
        }
        if (best is not null) return best;
        foreach (var l in links.Where(l => IsSameSite(ctx, l.Url)))
            foreach (var k in section.Normal.Where(k => k.Length >= 8))
            {
                var compact = k.Replace(" ", "");
                if ((" " + l.PathWords + " ").Contains(" " + k + " ", StringComparison.Ordinal) || l.PathWords.Replace(" ", "").Contains(compact, StringComparison.Ordinal))
                    return l;
            }
        return null;
    }

    /// <summary>The page's own content: its main element, else the body without header, navigation and footer.</summary>
    internal static string MainText(WebPage page)
    {
        var main = page.Doc.QuerySelectorAll("main, [role=main], article, #content, .content, #main, .main, #noidung, .noi-dung, .main-content, #main-content")
            .Select(e => WebPage.TextOf(e)).FirstOrDefault(t => t.Length > 0);
        if (main is not null) return main;
        var text = page.Text;
        var chrome = page.HeaderElements().Concat(page.FooterElements()).Concat(page.Doc.QuerySelectorAll("nav, [role=navigation]"))
            .Select(e => WebPage.TextOf(e)).Where(t => t.Length > 0).OrderByDescending(t => t.Length);
        foreach (var c in chrome) text = text.Replace(c, " ");
        return WebPage.Clean(text);
    }

    private async Task<Finding> SiteMapAsync(AuditContext ctx, CancellationToken ct)
    {
        var parts = new Parts();
        if (ctx.SiteMapPage is { } map)
            parts.Add(map.Links.Count >= 5, $"Sơ đồ trang {map.Url} ({map.Links.Count} liên kết)");
        else
            parts.Add(false, "Không thấy trang \"Sơ đồ cổng/Sơ đồ trang\" từ trang chủ");
        var sitemapUrls = (ctx.Session.Robots?.Sitemaps ?? []).Select(s => Uri.TryCreate(ctx.Request.Url, s, out var u) ? u : null).OfType<Uri>().ToList();
        if (sitemapUrls.Count == 0) sitemapUrls.Add(new Uri(ctx.Home!.Url, "/sitemap.xml"));
        var f = await fetcher.GetAsync(ctx.Session, sitemapUrls[0], ct);
        if (!f.Ok) parts.Add(false, $"Không có sitemap XML ({sitemapUrls[0]}: {f.Problem})");
        else
        {
            var (ok, what) = ParseXml(f.Body, x => x.Root?.Name.LocalName is "urlset" or "sitemapindex"
                ? x.Root.Elements().Count(e => e.Name.LocalName is "url" or "sitemap") : -1);
            parts.Add(ok > 0, ok > 0 ? $"sitemap XML {f.Final} có {ok} địa chỉ" : $"sitemap XML {f.Final} không hợp lệ{what}");
        }
        return parts.Finding("TEC-11");
    }

    private static (int Count, string Problem) ParseXml(byte[] body, Func<XDocument, int> count)
    {
        try
        {
            using var stream = new MemoryStream(body);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 50_000_000 });
            var doc = XDocument.Load(reader);
            var n = count(doc);
            return (n, n < 0 ? $" (phần tử gốc <{doc.Root?.Name.LocalName}>)" : "");
        }
        catch (XmlException e)
        {
            return (-1, $" (XML lỗi: {e.Message})");
        }
    }

    private async Task<Finding> FeedsAsync(AuditContext ctx, CancellationToken ct)
    {
        var parts = new Parts();
        var home = ctx.Home!;
        var feed = home.Doc.QuerySelectorAll("link[rel~=alternate][href]")
            .Where(l => (l.GetAttribute("type") ?? "").Contains("rss", StringComparison.OrdinalIgnoreCase) || (l.GetAttribute("type") ?? "").Contains("atom", StringComparison.OrdinalIgnoreCase))
            .Select(l => Uri.TryCreate(home.Url, l.GetAttribute("href"), out var u) ? u : null).OfType<Uri>().FirstOrDefault()
            ?? home.Links.FirstOrDefault(l => Has(l.Words, "rss") || l.Url.AbsolutePath.Contains("rss", StringComparison.OrdinalIgnoreCase))?.Url;
        if (feed is null) parts.Add(false, "Không thấy kênh RSS/Atom (thẻ link rel=alternate hoặc liên kết RSS)");
        else
        {
            var f = await fetcher.GetAsync(ctx.Session, feed, ct);
            var (items, problem) = f.Ok ? ParseXml(f.Body, Items) : (-1, $" ({f.Problem})");
            // A page that lists the feeds (NukeViet's /rss/): follow its first feed.
            if (items < 0 && f.Ok && LooksHtml(f))
            {
                var list = new WebPage(f);
                var inner = list.Links.FirstOrDefault(l => l.Url != feed && (l.Url.AbsolutePath.EndsWith(".rss", StringComparison.OrdinalIgnoreCase)
                    || l.Url.AbsolutePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || l.Url.AbsolutePath.Contains("/rss/", StringComparison.OrdinalIgnoreCase)));
                if (inner is not null)
                {
                    f = await fetcher.GetAsync(ctx.Session, inner.Url, ct);
                    (items, problem) = f.Ok ? ParseXml(f.Body, Items) : (-1, $" ({f.Problem})");
                    feed = inner.Url;
                }
            }
            parts.Add(items >= 0, items >= 0 ? $"Kênh RSS/Atom {feed} hợp lệ, {items} tin" : $"Kênh RSS/Atom {feed} không đọc được{problem}");
        }
        // Soft 404: a page that does not exist must say so, or every guessed address looks present.
        var random = new Uri(home.Url, $"/minhbach-kiem-tra-{Guid.NewGuid():N}");
        var nf = await fetcher.SendAsync(ctx.Session, new FetchRequest(random) { HeadersOnly = true }, ct);
        if (nf.Status is 404 or 410) parts.Add(true, $"Địa chỉ không có trả mã {nf.Status}");
        else if (nf.Status is >= 200 and < 300) parts.Add(false, $"Địa chỉ không có ({random.AbsolutePath}) vẫn trả mã {nf.Status} (lỗi 404 giả)");
        else parts.Info($"Địa chỉ không có trả {(nf.Status > 0 ? "mã " + nf.Status : nf.Problem)}{(nf.Redirects.Count > 0 ? " sau chuyển hướng" : "")}");
        var doctype = home.Doc.Doctype;
        parts.Info(doctype is null ? "Trang chủ không khai báo DOCTYPE" : $"DOCTYPE {(string.IsNullOrEmpty(doctype.PublicIdentifier) ? "html (HTML5)" : doctype.PublicIdentifier)}");
        return parts.Finding("TEC-16");
    }

    private static int Items(XDocument x) => x.Root?.Name.LocalName switch
    {
        "rss" => x.Root.Elements().Where(e => e.Name.LocalName == "channel").Elements().Count(e => e.Name.LocalName == "item"),
        "RDF" => x.Root.Elements().Count(e => e.Name.LocalName == "item"),
        "feed" => x.Root.Elements().Count(e => e.Name.LocalName == "entry"),
        _ => -1,
    };

    private async Task<Finding> EnglishAsync(AuditContext ctx, CancellationToken ct)
    {
        var home = ctx.Home!;
        Uri? target = home.Doc.QuerySelectorAll("link[hreflang][href], a[hreflang][href]")
            .Where(e => (e.GetAttribute("hreflang") ?? "").StartsWith("en", StringComparison.OrdinalIgnoreCase))
            .Select(e => Uri.TryCreate(home.Url, e.GetAttribute("href"), out var u) ? u : null).OfType<Uri>().FirstOrDefault();
        target ??= home.Links.FirstOrDefault(l => l.Words.Length > 0 && l.Words.Count(c => c == ' ') < 2 && words.English.Any(k => l.Words == SearchText.Normalize(k)))?.Url;
        target ??= home.Links.FirstOrDefault(l => l.Url.AbsolutePath.TrimEnd('/').ToLowerInvariant() is "/en" or "/english" or "/en-us" or "/eng")?.Url;
        target ??= home.Links.FirstOrDefault(l => l.Element.QuerySelector("img") is { } img && System.Text.RegularExpressions.Regex.IsMatch(img.GetAttribute("src") ?? "", @"(^|/)(en|us|uk|gb|english)\.(png|gif|jpg|svg)", System.Text.RegularExpressions.RegexOptions.IgnoreCase))?.Url;
        if (target is null) return new Finding("INF-20", CheckStatus.Fail, "Không thấy liên kết tới phiên bản tiếng Anh (English, hreflang=\"en\", /en).");
        var page = await PageAsync(ctx, target, ct);
        if (page is null) return new Finding("INF-20", CheckStatus.Fail, $"Liên kết tiếng Anh {target} không mở được: {Why(ctx, target)}.");
        var text = page.Text;
        var normal = SearchText.Normalize(text);
        var parts = new Parts();
        foreach (var (key, label) in new[] { ("functions", "chức năng, nhiệm vụ"), ("organisation", "cơ cấu tổ chức"), ("contact", "liên hệ") })
        {
            var k = FirstOf(normal, words.EnglishContent[key]);
            parts.Add(k is not null, k is not null ? $"Có {label} ({Quote(k)})" : $"Thiếu {label} bằng tiếng Anh");
        }
        var email = Email().Match(text);
        parts.Add(email.Success, email.Success ? $"Có thư điện tử {email.Value}" : "Không có thư điện tử liên hệ");
        var finding = parts.Finding("INF-20");
        return finding with { Evidence = $"Trang tiếng Anh {page.Url}: " + finding.Evidence };
    }
}
