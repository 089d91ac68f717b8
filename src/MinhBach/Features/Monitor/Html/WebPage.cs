using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MinhBach.Features.Monitor.Net;
using MinhBach.Text;

namespace MinhBach.Features.Monitor.Html;

/// <summary>Where on the page a link sits: the areas the keyword search looks in first.</summary>
[Flags]
public enum LinkArea
{
    Body = 0,
    Header = 1,
    Nav = 2,
    Footer = 4,
}

public sealed record PageLink(Uri Url, string Text, LinkArea Area, IElement Element)
{
    /// <summary>The link's words and its address's path, normalised (accents folded, punctuation as spaces).</summary>
    public string Words { get; } = SearchText.Normalize(Text + " " + (Element.GetAttribute("title") ?? "") + " " + (Element.QuerySelector("img")?.GetAttribute("alt") ?? ""));
    public string PathWords { get; } = SearchText.Normalize(Uri.UnescapeDataString(Url.AbsolutePath + " " + Url.Query));
}

/// <summary>
/// A fetched HTML page, decoded by its declared charset (header, then meta, then UTF-8 if the bytes are valid UTF-8,
/// else Windows-1252) and parsed by AngleSharp, which accepts any byte soup as a browser does.
/// </summary>
public sealed partial class WebPage
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    static WebPage() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public FetchResult Fetch { get; }
    public Uri Url => Fetch.Final;
    public IHtmlDocument Doc { get; }
    /// <summary>Charset as declared (header or meta), lower case; null if none.</summary>
    public string? DeclaredCharset { get; }
    public string UsedCharset { get; }
    /// <summary>The bytes are valid UTF-8 (meaningful when UTF-8 is declared).</summary>
    public bool ValidUtf8 { get; }
    public string Html { get; }
    /// <summary>Visible text of the body (scripts, styles and templates left out), in NFC, spaces collapsed.</summary>
    public string Text { get; }
    public string RawText { get; }
    public string Title { get; }
    public IReadOnlyList<PageLink> Links { get; }

    public WebPage(FetchResult fetch)
    {
        Fetch = fetch;
        var bytes = fetch.Body;
        DeclaredCharset = CharsetOf(fetch.ContentType) ?? SniffMeta(bytes);
        ValidUtf8 = IsValidUtf8(bytes, fetch.Truncated);
        Encoding encoding;
        if (DeclaredCharset is { } cs && TryEncoding(cs) is { } declared) encoding = declared;
        else encoding = ValidUtf8 ? new UTF8Encoding(false) : Encoding.GetEncoding(1252);
        UsedCharset = encoding.WebName;
        Html = encoding.GetString(bytes);
        Doc = Parser.ParseDocument(Html);
        foreach (var e in Doc.QuerySelectorAll("script, style, noscript, template").ToList()) e.Remove();
        RawText = Doc.Body is null ? "" : RawTextOf(Doc.Body);
        Text = Clean(RawText);
        Title = Clean(Doc.Title ?? "");
        Links = ReadLinks();
    }

    public static string Clean(string text) => SearchText.CollapseSpaces(SearchText.Nfc(text)).Trim();

    private static readonly HashSet<string> Blocks = ["p", "div", "li", "td", "th", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "header", "footer", "nav", "ul", "ol", "table", "dd", "dt", "dl", "option", "main", "aside", "form", "blockquote", "pre", "hr",
        "figure", "figcaption", "address", "center", "caption", "tbody", "thead", "button", "label"];

    /// <summary>The visible text of a node, cleaned, with a space wherever a block ends (TextContent glues paragraphs together).</summary>
    public static string TextOf(INode node) => Clean(RawTextOf(node));

    /// <summary>As <see cref="TextOf"/> but not normalised: the NFC check reads it as served. Walks with its own stack,
    /// so a page of endlessly nested tags cannot overflow the call stack.</summary>
    public static string RawTextOf(INode node)
    {
        var sb = new StringBuilder();
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((node, false));
        while (stack.Count > 0)
        {
            var (n, closing) = stack.Pop();
            if (n is IElement e)
            {
                var block = Blocks.Contains(e.LocalName);
                if (closing) { if (block) sb.Append(' '); continue; }
                if (e.LocalName is "script" or "style" or "noscript" or "template") continue;
                if (block) sb.Append(' ');
                stack.Push((n, true));
                for (var c = n.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false));
            }
            else if (n is IText t) sb.Append(t.Data);
            else if (!closing && n.HasChildNodes)
                for (var c = n.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false));
        }
        return sb.ToString();
    }

    /// <summary>Text of the footer: a &lt;footer&gt; or an element whose id or class says footer/bottom, else the last fifth of the text.</summary>
    public string FooterText
    {
        get
        {
            var footers = FooterElements();
            if (footers.Count > 0) return Clean(string.Join(" ", footers.Select(f => TextOf(f))));
            return Text.Length < 500 ? Text : Text[(Text.Length * 4 / 5)..];
        }
    }

    public List<IElement> FooterElements()
    {
        var explicitFooters = Doc.QuerySelectorAll("footer, [role=contentinfo]").ToList();
        if (explicitFooters.Count > 0) return explicitFooters;
        return Doc.QuerySelectorAll("[id], [class]").Where(e => Says(e, "footer", "bottom", "chan-trang", "chantrang"))
            .Where(e => !e.Ancestors<IElement>().Any(a => Says(a, "footer", "bottom", "chan-trang", "chantrang"))).ToList();
    }

    public List<IElement> HeaderElements()
    {
        var explicitHeaders = Doc.QuerySelectorAll("header, [role=banner]").ToList();
        if (explicitHeaders.Count > 0) return explicitHeaders;
        return Doc.QuerySelectorAll("[id], [class]").Where(e => Says(e, "header", "banner", "top", "dau-trang", "logo"))
            .Where(e => !e.Ancestors<IElement>().Any(a => Says(a, "header", "banner", "top", "dau-trang"))).Take(3).ToList();
    }

    private static bool Says(IElement e, params string[] words)
    {
        var s = ((e.Id ?? "") + " " + (e.GetAttribute("class") ?? "")).ToLowerInvariant();
        return words.Any(w => Regex.IsMatch(s, $@"(^|[^a-z]){Regex.Escape(w)}([^a-z]|$)"));
    }

    public string? Meta(string name) =>
        Doc.QuerySelectorAll("meta[name]").FirstOrDefault(m => string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");

    private List<PageLink> ReadLinks()
    {
        var links = new List<PageLink>();
        var footers = FooterElements().ToHashSet();
        var headers = HeaderElements().ToHashSet();
        foreach (var a in Doc.QuerySelectorAll("a[href], area[href]"))
        {
            var href = a.GetAttribute("href")!.Trim();
            if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) continue;
            if (!Uri.TryCreate(BaseUri, href, out var url) || url.Scheme is not ("http" or "https")) continue;
            var area = LinkArea.Body;
            foreach (var anc in a.Ancestors<IElement>())
            {
                if (anc.LocalName == "nav" || anc.GetAttribute("role") == "navigation" || Says(anc, "menu", "nav", "navbar", "navigation")) area |= LinkArea.Nav;
                if (footers.Contains(anc)) area |= LinkArea.Footer;
                if (headers.Contains(anc)) area |= LinkArea.Header;
            }
            links.Add(new PageLink(StripFragment(url), TextOf(a), area, a));
        }
        return links;
    }

    private Uri BaseUri =>
        Doc.QuerySelector("base[href]")?.GetAttribute("href") is { } b && Uri.TryCreate(Url, b, out var u) ? u : Url;

    public static Uri StripFragment(Uri url) => url.Fragment.Length == 0 ? url : new UriBuilder(url) { Fragment = "" }.Uri;

    /// <summary>The page shows (almost) nothing without JavaScript but carries scripts: an app shell.</summary>
    public bool LooksScriptOnly => Text.Length < 200 && (ValidUtf8 || DeclaredCharset is not null)
        && Regex.IsMatch(Html, @"<script[^>]+src\s*=|<div[^>]+id\s*=\s*[""']?(root|app|__next|__nuxt)[""'\s>]", RegexOptions.IgnoreCase);

    public bool IsHtml => Fetch.ContentType is not { } ct || ct.Contains("html", StringComparison.OrdinalIgnoreCase) || ct.Contains("text/plain", StringComparison.OrdinalIgnoreCase);

    private static string? CharsetOf(string? contentType)
    {
        if (contentType is null) return null;
        var m = CharsetPattern().Match(contentType);
        return m.Success ? m.Groups[1].Value.Trim('"', '\'', ' ').ToLowerInvariant() : null;
    }

    private static string? SniffMeta(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = MetaCharsetPattern().Match(head);
        return m.Success ? m.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static Encoding? TryEncoding(string name)
    {
        try
        {
            var e = Encoding.GetEncoding(name);
            return e.CodePage == 65001 ? new UTF8Encoding(false) : e;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValidUtf8(byte[] bytes, bool truncated)
    {
        // A cut answer may end in the middle of a character: judge the bytes before the last few.
        var span = truncated && bytes.Length > 4 ? bytes.AsSpan(0, bytes.Length - 4) : bytes.AsSpan();
        return System.Text.Unicode.Utf8.IsValid(span);
    }

    [GeneratedRegex(@"charset\s*=\s*([^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-:]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
