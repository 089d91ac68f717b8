using System.Text.RegularExpressions;
using AngleSharp.Dom;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor.Html;
using MinhBach.Features.Monitor.Net;
using MinhBach.Text;

namespace MinhBach.Features.Monitor;

// A sample of recent articles: author and date (TEC-23), source line on republished items (TEC-22), print (TEC-08);
// and a real search for one of their titles (TEC-07).
public sealed partial class SiteAuditor
{
    private async Task ArticlesAsync(AuditContext ctx, CancellationToken ct)
    {
        var sample = ctx.Request.Deep ? options.DeepArticleSample : options.ArticleSample;
        var home = ctx.Home!;
        var listing = ctx.SectionPages.GetValueOrDefault("INF-15");
        if (listing is null && FindLink(words.Section("INF-15"), home.Links, ctx) is { } news && IsSameSite(ctx, news.Url))
            listing = await PageAsync(ctx, news.Url, ct);
        var candidates = ArticleLinks(ctx, listing).Concat(ArticleLinks(ctx, home)).DistinctBy(l => l.Url.AbsoluteUri).Take(sample).ToList();
        foreach (var link in candidates)
            if (await PageAsync(ctx, link.Url, ct) is { } article && !ctx.Articles.Contains(article) && article != home)
            {
                ctx.Articles.Add(article);
                ctx.ArticleLinkText[article] = link.Text;
            }

        if (ctx.Articles.Count == 0)
        {
            foreach (var id in new[] { "TEC-23", "TEC-22", "TEC-08" })
                ctx.Add(new Finding(id, CheckStatus.Unknown, "Không tìm được bài viết nào để lấy mẫu (không thấy danh sách tin bài)."));
            return;
        }
        if (ctx.Wants("TEC-23")) ctx.Add(Bylines(ctx));
        if (ctx.Wants("TEC-22")) ctx.Add(Sources(ctx));
        if (ctx.Wants("TEC-08")) ctx.Add(Print(ctx));
    }

    /// <summary>Links that look like articles: a headline-length text, on this site, deeper than a section page.</summary>
    private IEnumerable<PageLink> ArticleLinks(AuditContext ctx, WebPage? page)
    {
        if (page is null) yield break;
        var menuWords = words.Sections.SelectMany(s => s.Normal).ToHashSet();
        foreach (var l in page.Links)
        {
            if ((l.Area & (LinkArea.Nav | LinkArea.Header | LinkArea.Footer)) != 0 || !IsSameSite(ctx, l.Url)) continue;
            var count = l.Words.Length == 0 ? 0 : l.Words.Count(c => c == ' ') + 1;
            if (count < 5 || l.Text.Length < 25 || menuWords.Contains(l.Words)) continue;
            var path = l.Url.AbsolutePath;
            if (path.Length <= 1 || l.Url.AbsoluteUri == page.Url.AbsoluteUri) continue;
            var looksLikeItem = Regex.IsMatch(path + l.Url.Query, @"\d") || Regex.IsMatch(path, @"\.(html?|aspx|php)$", RegexOptions.IgnoreCase) || path.Trim('/').Contains('/');
            if (looksLikeItem) yield return l;
        }
    }

    private static readonly string[] BylineSelectors = [".author", ".tacgia", ".tac-gia", "[itemprop=author]", "[rel=author]", ".byline", ".news-author", ".post-author", ".article-author", ".nguoi-viet"];

    private (string? Author, DateOnly? Date) Byline(WebPage article)
    {
        string? author = null;
        foreach (var sel in BylineSelectors)
            if (article.Doc.QuerySelector(sel) is { } e && WebPage.TextOf(e) is { Length: > 1 } t) { author = t; break; }
        author ??= article.Meta("author") is { Length: > 1 } m ? m : null;
        var main = MainText(article);
        if (author is null)
        {
            var kw = string.Join("|", words.Author.Select(Regex.Escape));
            var m2 = Regex.Match(main, $@"(?<![\p{{L}}\d])(?:{kw})\s*[:.\-]\s*([\p{{Lu}}][\p{{L}}.]*(?:\s+[\p{{Lu}}][\p{{L}}.]*){{0,4}})");
            if (m2.Success) author = m2.Value.Trim(' ', '(');
        }
        if (author is null)
        {
            // The habit of many portals: the author's name alone, in bold or right-aligned, as the last paragraph.
            var footers = article.FooterElements();
            var last = article.Doc.QuerySelectorAll("p, div").Where(p => p.Children.Length <= 1).Select(p => (El: p, Text: WebPage.TextOf(p)))
                .Where(p => p.Text.Length > 0 && !footers.Any(f => f.Contains(p.El))).TakeLast(3);
            foreach (var (el, text) in last.Reverse())
            {
                var bold = el.QuerySelector("strong, b, em, i") is { } s && WebPage.TextOf(s) == text;
                var right = (el.GetAttribute("style") ?? "").Contains("right", StringComparison.OrdinalIgnoreCase) || (el.GetAttribute("align") ?? "") == "right";
                if ((bold || right) && text.Length <= 40 && Regex.IsMatch(text, @"^[\p{Lu}][\p{L}.]*(\s+[\p{Lu}][\p{L}.]*){1,4}$"))
                {
                    author = text;
                    break;
                }
            }
        }
        DateOnly? date = null;
        if (article.Doc.QuerySelector("time[datetime]")?.GetAttribute("datetime") is { } dt && DateTime.TryParse(dt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed))
            date = DateOnly.FromDateTime(parsed);
        date ??= (article.Doc.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content") ?? article.Meta("DC.date")) is { } md
            && DateTime.TryParse(md, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var p2) ? DateOnly.FromDateTime(p2) : null;
        date ??= VietnameseDates.First(main.Length > 800 ? main[..800] : main);
        return (author, date);
    }

    private Finding Bylines(AuditContext ctx)
    {
        var rows = ctx.Articles.Select(a => (Article: a, By: Byline(a))).ToList();
        var both = rows.Count(r => r.By.Author is not null && r.By.Date is not null);
        var status = both == rows.Count ? CheckStatus.Pass : both == 0 ? CheckStatus.Fail : CheckStatus.Partial;
        var detail = string.Join("; ", rows.Select(r => $"{r.Article.Url.AbsolutePath}: " +
            (r.By.Author is { } au ? $"tác giả {Quote(au, 40)}" : "không ghi tác giả") + ", " + (r.By.Date is { } d ? $"ngày {Day(d)}" : "không ghi ngày")));
        return new Finding("TEC-23", status, $"{both}/{rows.Count} bài mẫu có cả tác giả và ngày đăng. {detail}.");
    }

    private Finding Sources(AuditContext ctx)
    {
        var republished = new List<(WebPage Article, string Sign, string? Source)>();
        foreach (var a in ctx.Articles)
        {
            var main = MainText(a);
            var source = Regex.Match(main, $@"(?<![\p{{L}}\d])(?:{string.Join("|", words.Source.Select(Regex.Escape))})\s*[:]?\s*([\p{{Lu}}][^.;()]{{2,80}})");
            var press = a.Links.FirstOrDefault(l => (l.Area & LinkArea.Footer) == 0 && words.PressDomains.Any(d => l.Url.Host.EndsWith(d, StringComparison.OrdinalIgnoreCase)));
            var canonical = a.Doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") is { } c && Uri.TryCreate(a.Url, c, out var cu) && !IsSameSite(ctx, cu) ? cu : null;
            var hasSourceLine = source.Success && Regex.IsMatch(source.Value, @"Nguồn", RegexOptions.IgnoreCase) || source.Success && source.Value.TrimStart(' ', '(').StartsWith("Theo", StringComparison.Ordinal);
            string? sign = canonical is not null ? $"địa chỉ gốc {canonical.Host}" : press is not null ? $"liên kết tới {press.Url.Host}" : hasSourceLine ? "có dòng nguồn" : null;
            if (sign is not null) republished.Add((a, sign, hasSourceLine ? source.Value.Trim(' ', '(') : null));
        }
        if (republished.Count == 0)
            return new Finding("TEC-22", CheckStatus.NotApplicable, $"Không bài nào trong {ctx.Articles.Count} bài mẫu có dấu hiệu đăng lại từ nguồn khác.");
        var cited = republished.Count(r => r.Source is not null);
        var status = cited == republished.Count ? CheckStatus.Pass : cited == 0 ? CheckStatus.Fail : CheckStatus.Partial;
        return new Finding("TEC-22", status, $"{cited}/{republished.Count} bài đăng lại ghi nguồn. " + string.Join("; ", republished.Select(r =>
            $"{r.Article.Url.AbsolutePath} ({r.Sign}): " + (r.Source is { } s ? Quote(s, 60) : "không ghi nguồn"))) + ".");
    }

    private Finding Print(AuditContext ctx)
    {
        var rows = ctx.Articles.Select(a => (Article: a, How: PrintWay(a))).ToList();
        var n = rows.Count(r => r.How is not null);
        var status = n == rows.Count ? CheckStatus.Pass : n == 0 ? CheckStatus.Fail : CheckStatus.Partial;
        return new Finding("TEC-08", status, $"{n}/{rows.Count} bài mẫu có chức năng in. " +
            string.Join("; ", rows.Select(r => $"{r.Article.Url.AbsolutePath}: {r.How ?? "không có nút in"}")) + ".");
    }

    private string? PrintWay(WebPage a)
    {
        if (Regex.IsMatch(a.Html, @"(window\.)?print\s*\(\s*\)", RegexOptions.IgnoreCase)) return "nút in (window.print)";
        foreach (var el in a.Doc.QuerySelectorAll("a, button, input[type=button]"))
        {
            var text = SearchText.Normalize(WebPage.TextOf(el) + " " + (el.GetAttribute("title") ?? "") + " " + (el.GetAttribute("value") ?? "") + " " + (el.GetAttribute("aria-label") ?? ""));
            if (text.Length > 0 && text.Length <= 30 && words.Print.Any(k => text == SearchText.Normalize(k) || text.StartsWith(SearchText.Normalize(k) + " ", StringComparison.Ordinal) && k.Length > 2))
                return $"nút {Quote(WebPage.TextOf(el) is { Length: > 0 } label ? label : el.GetAttribute("title") ?? "", 30)}";
            if (el.GetAttribute("href") is { } href && Regex.IsMatch(href, @"([?&/](print|in)([=/&]|$))|/in-bai|/print", RegexOptions.IgnoreCase)) return $"liên kết bản in {href}";
        }
        if (a.Doc.QuerySelector("link[rel=stylesheet][media~=print]") is not null || a.Html.Contains("@media print", StringComparison.OrdinalIgnoreCase)) return "kiểu in riêng (@media print)";
        return null;
    }

    private static string ArticleTitle(WebPage a, string? linkText)
    {
        var main = a.Doc.QuerySelector("main h1, article h1, .content h1, #content h1, h1") is { } h1 ? WebPage.TextOf(h1) : null;
        if (main is not null && WebPage.Clean(main).Length >= 10) return WebPage.Clean(main);
        var og = a.Doc.QuerySelector("meta[property='og:title']")?.GetAttribute("content");
        if (og is not null && og.Length >= 10) return WebPage.Clean(og);
        if (linkText is { Length: >= 10 }) return linkText;
        return Regex.Split(a.Title, @"\s[-|–]\s")[0];
    }

    private async Task<Finding> SearchAsync(AuditContext ctx, CancellationToken ct)
    {
        var home = ctx.Home!;
        var (form, page) = (SearchForm(home), home);
        if (form is null && home.Links.FirstOrDefault(l => IsSameSite(ctx, l.Url) && words.SearchPaths.Any(p => l.Url.AbsolutePath.Contains(p, StringComparison.OrdinalIgnoreCase))) is { } searchLink
            && await PageAsync(ctx, searchLink.Url, ct) is { } searchPage)
            (form, page) = (SearchForm(searchPage), searchPage);
        if (form is null) return new Finding("TEC-07", CheckStatus.Fail, "Không thấy ô tìm kiếm (input type=search, tên q/keyword/tukhoa… hoặc form tới trang tìm kiếm).");
        var (formEl, input) = form.Value;
        var article = ctx.Articles.FirstOrDefault();
        if (article is null) return new Finding("TEC-07", CheckStatus.Partial, $"Có ô tìm kiếm ({input.GetAttribute("name")}) nhưng không có bài để thử tìm.");
        var title = ArticleTitle(article, ctx.ArticleLinkText.GetValueOrDefault(article));
        var method = (formEl?.GetAttribute("method") ?? "get").Equals("post", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Post : HttpMethod.Get;
        var action = formEl?.GetAttribute("action") is { Length: > 0 } act && Uri.TryCreate(page.Url, act, out var au) ? au : page.Url;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var el in formEl is null ? [input] : formEl.QuerySelectorAll("input[name], select[name], textarea[name]").ToList())
        {
            var name = el.GetAttribute("name")!;
            var type = (el.GetAttribute("type") ?? "text").ToLowerInvariant();
            if (el == input) fields.Add(new(name, title));
            else if (type is "submit" or "button" or "image" or "reset" or "file" or "password") continue;
            else if (type is "checkbox" or "radio") { if (el.HasAttribute("checked")) fields.Add(new(name, el.GetAttribute("value") ?? "on")); }
            else if (el.LocalName == "select") fields.Add(new(name, el.QuerySelector("option[selected]")?.GetAttribute("value") ?? el.QuerySelector("option")?.GetAttribute("value") ?? ""));
            else fields.Add(new(name, el.GetAttribute("value") ?? ""));
        }
        FetchRequest request;
        if (method == HttpMethod.Get)
        {
            var query = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
            request = new FetchRequest(new UriBuilder(action) { Query = query, Fragment = "" }.Uri);
        }
        else request = new FetchRequest(action) { Method = HttpMethod.Post, Form = fields };
        var result = await fetcher.SendAsync(ctx.Session, request, ct);
        if (result.BlockedByRobots || result.OverBudget)
            return new Finding("TEC-07", CheckStatus.Unknown, $"Có ô tìm kiếm nhưng không thử được: {result.Problem}.");
        if (!result.Ok)
            return new Finding("TEC-07", CheckStatus.Fail, $"Tìm {Quote(title, 80)} thì trang kết quả lỗi: {result.Problem}.");
        var found = new WebPage(result);
        // A result is a link to the article or a link carrying its title: the query echoed in the page's heading is not.
        var wanted = SearchText.Normalize(title);
        var hit = found.Links.Any(l => l.Url.PathAndQuery == article.Url.PathAndQuery && l.Url.AbsolutePath.Length > 1
            || l.Words.Length >= 20 && (l.Words.Contains(wanted, StringComparison.Ordinal) || wanted.Contains(l.Words, StringComparison.Ordinal)));
        return hit
            ? new Finding("TEC-07", CheckStatus.Pass, $"Tìm đúng tiêu đề bài {Quote(title, 80)} ({(method == HttpMethod.Post ? "POST " : "")}{result.Final}) thì thấy bài trong kết quả.")
            : new Finding("TEC-07", CheckStatus.Partial, $"Có ô tìm kiếm nhưng tìm đúng tiêu đề bài {Quote(title, 80)} ({result.Final}) không thấy bài trong kết quả.");
    }

    /// <summary>The search form: its form element (null when the input stands alone) and its text input.</summary>
    private (IElement? Form, IElement Input)? SearchForm(WebPage page)
    {
        foreach (var input in page.Doc.QuerySelectorAll("input"))
        {
            var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
            if (type is not ("text" or "search")) continue;
            var name = (input.GetAttribute("name") ?? "").ToLowerInvariant();
            if (name.Length == 0) continue;
            var form = input.Closest("form");
            var action = form?.GetAttribute("action") ?? "";
            if (type == "search" || words.SearchInputs.Contains(name) || words.SearchPaths.Any(p => action.Contains(p, StringComparison.OrdinalIgnoreCase)))
                return (form, input);
        }
        return null;
    }
}
