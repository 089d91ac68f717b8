using System.Text;

namespace MinhBach.Tests.Browser;

/// <summary>One attack string; if it ever ran it would call alert(Id) or load /xss-marker/Id, which the probe observes.</summary>
public sealed record XssPayload(int Id, string Name, string Text)
{
    /// <summary>
    /// The text as a form can carry it: ASP.NET Core refuses to read a form with a NUL character in it (400, nothing is
    /// bound), so the NUL is dropped, which leaves the plain javascript: variant of that payload.
    /// </summary>
    public string Posted => Text.Replace("\0", "", StringComparison.Ordinal);

    public override string ToString() => $"#{Id} {Name}";
}

/// <summary>
/// A representative set of the OWASP XSS filter-evasion cheat sheet, rewritten so that every payload that executed would
/// be seen: each calls alert(its number) or requests /xss-marker/its number. Numbers are stable, so a failure names the payload.
/// </summary>
public static class XssPayloads
{
    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static string Entities(string s, bool hex = false) =>
        string.Concat(s.Select(c => hex ? $"&#x{(int)c:x2};" : $"&#{(int)c};"));

    public static readonly IReadOnlyList<XssPayload> All =
    [
        new(1, "script tag", "<script>alert(1)</script>"),
        new(2, "external script", "<SCRIPT SRC=/xss-marker/2.js></SCRIPT>"),
        new(3, "img onerror", "<img src=x onerror=alert(3)>"),
        new(4, "svg onload", "<svg/onload=alert(4)>"),
        new(5, "body onload", "<body onload=alert(5)>"),
        new(6, "javascript: href", "<a href=\"javascript:alert(6)\">liên kết 6</a>"),
        new(7, "tab inside javascript:", "<a href=\"jav&#x09;ascript:alert(7)\">liên kết 7</a>"),
        new(8, "decimal entities in href", $"<a href=\"{Entities("javascript:alert(8)")}\">liên kết 8</a>"),
        new(9, "newline inside javascript: src", "<IMG SRC=\"jav&#x0A;ascript:alert(9);\">"),
        new(10, "iframe javascript:", "<iframe src=\"javascript:alert(10)\"></iframe>"),
        new(11, "iframe srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert(11)&lt;/script&gt;\"></iframe>"),
        new(12, "object data: URL", $"<object data=\"data:text/html;base64,{B64("<script>alert(12)</script>")}\"></object>"),
        new(13, "embed svg data: URL", $"<embed src=\"data:image/svg+xml;base64,{B64("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(13)'/>")}\">"),
        new(14, "style url(javascript:) and expression", "<div style=\"background-image:url(javascript:alert(14));width:expression(alert(14))\">kiểu 14</div>"),
        new(15, "style element list-style-image", "<STYLE>li {list-style-image: url(\"javascript:alert(15)\");}</STYLE><UL><LI>mục 15</LI></UL>"),
        new(16, "double-quote attribute breakout", "\"><script>alert(16)</script>"),
        new(17, "single-quote attribute breakout", "'><img src=x onerror=alert(17)>"),
        new(18, "JavaScript string breakout", "'-alert(18)-'"),
        new(19, "JavaScript statement breakout", "\";alert(19);//"),
        new(20, "title breakout", "</title><script>alert(20)</script>"),
        new(21, "textarea breakout", "</textarea><script>alert(21)</script>"),
        new(22, "template injection", "{{constructor.constructor('alert(22)')()}}"),
        new(23, "MathML href", "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(23)\">m23</maction><mi href=\"javascript:alert(23)\">x</mi></math>"),
        new(24, "SVG xlink:href", "<svg><a xlink:href=\"javascript:alert(24)\"><text x=\"20\" y=\"20\">s24</text></a></svg>"),
        new(25, "meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=/xss-marker/25\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(25)\">"),
        new(26, "base href", "<base href=\"//xss.invalid/\">"),
        new(27, "form action and formaction", "<form action=\"javascript:alert(27)\"><button formaction=\"javascript:alert(27)\">nút 27</button></form>"),
        new(28, "malformed IMG then SCRIPT", "<IMG \"\"\"><SCRIPT>alert(28)</SCRIPT>\">"),
        new(29, "details ontoggle", "<details open ontoggle=alert(29)>chi tiết 29</details>"),
        new(30, "autofocus onfocus", "<input autofocus onfocus=alert(30)>"),
        new(31, "noscript mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert(31)>\"></noscript>"),
        new(32, "MathML style mutation", "<math><mtext><table><mglyph><style><img src=x onerror=alert(32)>"),
        new(33, "nested script tags", "<scr<script>ipt>alert(33)</scr</script>ipt>"),
        new(34, "HTML-encoded script (double decoding)", "&lt;script&gt;alert(34)&lt;/script&gt;"),
        new(35, "URL-encoded script", "%3Cscript%3Ealert(35)%3C%2Fscript%3E"),
        new(36, "null byte in javascript:", "<IMG SRC=java\0script:alert(36)>"),
        new(37, "data: URL link", $"<a href=\"data:text/html;base64,{B64("<script>alert(37)</script>")}\">liên kết 37</a>"),
        new(38, "entity-encoded handler", $"<img src=x onerror=\"{Entities("fetch('/xss-marker/38')", hex: true)}\">"),
        new(39, "SVG animate onbegin", "<svg><animate onbegin=alert(39) attributeName=x dur=1s>"),
        new(40, "video source onerror", "<video><source onerror=\"alert(40)\"></video>"),
        new(41, "bare javascript: URL", "javascript:alert(41)"),
        new(42, "custom tag onpointerenter", "<xss onpointerenter=alert(42) style=display:block>tùy biến 42</xss>"),
        new(43, "mixed-case javascript: with spaces", "<a href=\"  JaVaScRiPt:alert(43)\">liên kết 43</a>"),
        new(44, "TABLE BACKGROUND and LINK", "<TABLE BACKGROUND=\"javascript:alert(44)\"><tr><td>bảng 44</td></tr></TABLE><LINK REL=\"stylesheet\" HREF=\"javascript:alert(44);\">"),
        new(45, "marquee onstart", "<marquee onstart=alert(45)>chạy 45</marquee>"),
        new(46, "img srcset javascript:", "<img srcset=\"javascript:alert(46) 1x\" src=\"/assets/quoc-huy.svg\" alt=\"46\">"),
    ];

    /// <summary>For address fields (links, source of republished articles, photos, files): each must be refused.</summary>
    public static readonly IReadOnlyList<string> ScriptAddresses =
    [
        "javascript:alert(101)",
        "JaVaScRiPt:alert(102)",
        " javascript:alert(103)",
        "java\tscript:alert(104)",
        "jav&#x09;ascript:alert(105)",
        "data:text/html;base64," + B64("<script>alert(106)</script>"),
        "vbscript:msgbox(107)",
        "javascript://https://xss.invalid/%0aalert(108)",
    ];

    /// <summary>A payload shaped like an e-mail address, which a loose e-mail check accepts: its encoding on output is what protects.</summary>
    public static string EmailShaped(XssPayload p) => $"\"><svg/onload=alert({p.Id})>@xss.invalid";

    /// <summary>A full http(s) address carrying markup, accepted by the address checks.</summary>
    public static string WebAddressShaped(XssPayload p) => $"https://xss.invalid/\"><svg/onload=alert({p.Id})>";

    /// <summary>A path on this server carrying an attribute breakout (no spaces, so it passes the path check).</summary>
    public static string LocalPathShaped(XssPayload p) => $"/tep/x\"onerror=\"alert({p.Id})";

    /// <summary>Payloads in groups, so that each rich-text field gets a few of them without one swallowing the rest.</summary>
    public static IReadOnlyList<string> RichChunks(int size) =>
        All.Chunk(size).Select(c => string.Join("\n", c.Select(p => $"<p>{p.Posted}</p>"))).ToList();

    /// <summary>Every payload, one after another: the body of one article.</summary>
    public static string RichAll => string.Join("\n", All.Select(p => p.Posted));
}
