using System.Text.RegularExpressions;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor.Html;
using MinhBach.Text;

namespace MinhBach.Features.Monitor;

// What the homepage itself shows: header and menu (TEC-20), footer facts and licence (TEC-21), EMC tag (TEC-05),
// mobile viewport (TEC-13), accessibility hints (TEC-14), links to other state sites (TEC-06), charset (TEC-15),
// weight (TEC-28), Dublin Core (TEC-10).
public sealed partial class SiteAuditor
{
    /// <summary>The keyword occurs in the text as whole words, accents folded (so slugs and unaccented text match).</summary>
    internal static bool Has(string normalText, string keyword)
    {
        var k = SearchText.Normalize(keyword);
        return k.Length > 0 && (" " + normalText + " ").Contains(" " + k + " ", StringComparison.Ordinal);
    }

    internal static string? FirstOf(string normalText, IEnumerable<string> keywords) => keywords.FirstOrDefault(k => Has(normalText, k));

    private static readonly string[] AgencyWords = ["Ủy ban nhân dân", "UBND", "Sở", "Ban", "Cổng thông tin", "Trang thông tin", "Cổng TTĐT", "Xã", "Phường", "Thị trấn", "Tỉnh", "Bộ", "Chi cục", "Văn phòng"];

    private Finding Layout(WebPage page)
    {
        var parts = new Parts();
        var header = page.HeaderElements();
        var headerText = WebPage.Clean(string.Join(" ", header.Select(h => WebPage.TextOf(h))));
        var headerImages = header.SelectMany(h => h.QuerySelectorAll("img")).ToList();
        var nameSource = headerText.Length > 0 ? headerText
            : WebPage.Clean(string.Join(" ", headerImages.Select(i => i.GetAttribute("alt") ?? "")));
        if (nameSource.Length == 0) nameSource = (page.Doc.QuerySelector("h1") is { } h1 ? WebPage.TextOf(h1) : "");
        var normal = SearchText.Normalize(nameSource);
        var named = FirstOf(normal, AgencyWords) is not null;
        parts.Add(named, named ? $"Đầu trang có tên cơ quan: {Quote(nameSource, 100)}" : nameSource.Length == 0
            ? "Không tìm thấy phần đầu trang có tên cơ quan" : $"Đầu trang không ghi tên cơ quan: {Quote(nameSource, 100)}");
        var images = headerImages.Count > 0 ? headerImages : page.Doc.QuerySelectorAll("img").Take(3).ToList();
        var emblem = images.FirstOrDefault(i => Regex.IsMatch((i.GetAttribute("src") ?? "") + " " + (i.GetAttribute("alt") ?? "") + " " + (i.GetAttribute("class") ?? ""),
            "quoc-?huy|quochuy|qu[oố]c huy|emblem|logo|biểu trưng|bieu-?trung", RegexOptions.IgnoreCase));
        parts.Add(emblem is not null, emblem is not null ? $"Có quốc huy/biểu trưng ({emblem.GetAttribute("src")})" : "Không thấy quốc huy hoặc biểu trưng ở đầu trang");
        var nav = page.Links.Where(l => (l.Area & (LinkArea.Nav | LinkArea.Header)) != 0).ToList();
        if (nav.Count == 0) nav = page.Links.ToList();
        var missing = words.Menu.Where(m => !nav.Any(l => m.Value.Any(k => Has(l.Words, k)))).Select(m => m.Key).ToList();
        parts.Add(missing.Count == 0, missing.Count == 0 ? $"Menu có {string.Join(", ", words.Menu.Keys)}" : $"Menu thiếu: {string.Join(", ", missing)}");
        return parts.Finding("TEC-20");
    }

    [GeneratedRegex(@"(\+84|\(?0)\d{1,3}\)?[\s.\-]?\d{3,4}[\s.\-]?\d{3,4}")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+\s?(@|\[at\]|\(at\))\s?[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"gi[aấ]y ph[eé]p[^.;|]{0,160}", RegexOptions.IgnoreCase)]
    private static partial Regex LicenceLine();

    [GeneratedRegex(@"\d+\s*/\s*GP\s*-\s*[A-ZĐa-zđ]+", RegexOptions.IgnoreCase)]
    private static partial Regex LicenceNumber();

    private Finding FooterFacts(WebPage page)
    {
        var footer = page.FooterText;
        var normal = SearchText.Normalize(footer);
        var parts = new Parts();
        void Part(string key, string what, bool extra = true, string? sample = null)
        {
            var k = FirstOf(normal, words.Footer[key]);
            var ok = k is not null && extra;
            parts.Add(ok, ok ? $"{what}: có ({sample ?? Around(footer, k!)})" : $"{what}: không thấy ở chân trang");
        }
        Part("owner", "Cơ quan chủ quản");
        Part("responsible", "Người chịu trách nhiệm");
        Part("address", "Địa chỉ");
        var phone = Phone().Match(footer);
        parts.Add(phone.Success, phone.Success ? $"Điện thoại: {phone.Value}" : "Điện thoại: không thấy số điện thoại ở chân trang");
        var email = Email().Match(footer);
        var mailto = page.FooterElements().SelectMany(f => f.QuerySelectorAll("a[href^='mailto:']")).FirstOrDefault();
        var emailText = email.Success ? email.Value : mailto?.GetAttribute("href")?[7..];
        parts.Add(emailText is not null, emailText is not null ? $"Thư điện tử: {emailText}" : "Thư điện tử: không thấy ở chân trang");

        // The licence line: required of aggregated sites only (TT 09/2014 Art. 2), so its absence costs nothing here;
        // a line that is there must be complete.
        var licence = LicenceLine().Match(page.Text.Length > 0 ? footer : "");
        if (!licence.Success) licence = LicenceLine().Match(page.Text);
        if (licence.Success)
        {
            var line = licence.Value;
            var number = LicenceNumber().Match(line);
            var date = VietnameseDates.First(line);
            var issuer = Regex.Match(line, @"(do|của|cấp bởi)\s+(Bộ|Cục|Sở|UBND|Ủy ban)[^,.;]*", RegexOptions.IgnoreCase);
            var lacks = new List<string>();
            if (!number.Success) lacks.Add("số giấy phép");
            if (date is null) lacks.Add("ngày cấp");
            if (!issuer.Success) lacks.Add("cơ quan cấp");
            parts.Add(lacks.Count == 0, lacks.Count == 0 ? $"Giấy phép: {Quote(line, 160)}" : $"Dòng giấy phép thiếu {string.Join(", ", lacks)}: {Quote(line, 160)}");
        }
        else parts.Info("Không có dòng giấy phép (chỉ bắt buộc với trang thông tin điện tử tổng hợp)");
        return parts.Finding("TEC-21");
    }

    /// <summary>The words after a keyword, to quote as evidence.</summary>
    private static string Around(string text, string keyword)
    {
        var folded = VietnameseText.Fold(text);
        var k = VietnameseText.Fold(keyword);
        var i = folded.IndexOf(k, StringComparison.Ordinal);
        if (i < 0) return Quote(keyword);
        var end = Math.Min(text.Length, i + k.Length + 70);
        return Quote(text[i..end], 90);
    }

    private Finding Emc(WebPage page)
    {
        var tracker = words.EmcTracker.Match(page.Html);
        var id = words.EmcSiteId.Match(page.Html);
        var loader = words.EmcLoader.IsMatch(page.Html);
        if (tracker.Success && id.Success)
            return new Finding("TEC-05", CheckStatus.Pass, $"Có mã theo dõi EMC ({tracker.Groups[1].Value}, mã trang {id.Groups[1].Value}){(loader ? ", có tệp gov-tracking" : "")}. Nhãn \"Đã kết nối EMC\" hiển thị hay không cần kiểm tra trong trình duyệt.");
        if (tracker.Success || loader)
            return new Finding("TEC-05", CheckStatus.Partial, "Có một phần mã EMC nhưng thiếu " + (tracker.Success ? "mã trang (setSiteId)" : "địa chỉ theo dõi (setTrackerUrl)") + ".");
        return new Finding("TEC-05", CheckStatus.Fail, "Không có mã theo dõi EMC (_govaq, f-emc.ngsp.gov.vn) trong trang chủ.");
    }

    private static Finding Viewport(WebPage page)
    {
        var vp = page.Meta("viewport");
        if (vp is null) return new Finding("TEC-13", CheckStatus.Fail, "Không có thẻ meta viewport: trang không tự điều chỉnh trên điện thoại.");
        var ok = vp.Contains("width=device-width", StringComparison.OrdinalIgnoreCase);
        var noZoom = Regex.IsMatch(vp, @"user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b", RegexOptions.IgnoreCase);
        return new Finding("TEC-13", ok && !noZoom ? CheckStatus.Pass : CheckStatus.Partial,
            $"Thẻ viewport: \"{vp}\"" + (ok ? "" : " (thiếu width=device-width)") + (noZoom ? " (chặn phóng to)" : "") + ". Bố cục ở khổ 360 px chưa kiểm tra trong trình duyệt.");
    }

    private static Finding AccessibilityHints(WebPage page)
    {
        var parts = new Parts();
        var lang = page.Doc.DocumentElement.GetAttribute("lang");
        parts.Add(!string.IsNullOrWhiteSpace(lang), string.IsNullOrWhiteSpace(lang) ? "Thẻ <html> không khai báo ngôn ngữ (lang)" : $"Ngôn ngữ khai báo: lang=\"{lang}\"");
        var images = page.Doc.QuerySelectorAll("img").ToList();
        if (images.Count > 0)
        {
            var withAlt = images.Count(i => i.HasAttribute("alt"));
            parts.Add(withAlt * 10 >= images.Count * 9, $"{withAlt}/{images.Count} ảnh có văn bản thay thế (alt)");
        }
        var moving = page.Doc.QuerySelectorAll("marquee, blink").Length;
        parts.Add(moving == 0, moving == 0 ? "Không có chữ chạy (marquee, blink)" : $"Có {moving} khối chữ chạy (marquee/blink)");
        parts.Info("Kiểm tra axe (WCAG 2.1 AA) trong trình duyệt chưa chạy ở lượt này");
        return parts.Finding("TEC-14");
    }

    private Finding GovLinks(AuditContext ctx, WebPage page)
    {
        var own = ctx.Request.Url.Host.ToLowerInvariant();
        var hosts = page.Links.Select(l => l.Url.Host.ToLowerInvariant())
            .Where(h => h != own && (h.EndsWith("." + words.DomainSuffix, StringComparison.Ordinal) || h == words.DomainSuffix)).Distinct().ToList();
        var status = hosts.Count >= 3 ? CheckStatus.Pass : hosts.Count > 0 ? CheckStatus.Partial : CheckStatus.Fail;
        return new Finding("TEC-06", status, hosts.Count == 0 ? "Trang chủ không có liên kết tới trang của cơ quan nhà nước khác."
            : $"Trang chủ liên kết tới {hosts.Count} trang cơ quan nhà nước: {string.Join(", ", hosts.Take(8))}{(hosts.Count > 8 ? "…" : "")}.");
    }

    private static Finding Charset(WebPage page)
    {
        var parts = new Parts();
        var declared = page.DeclaredCharset;
        var utf8 = declared is "utf-8" or "utf8";
        if (declared is null) parts.Add(false, page.ValidUtf8 ? "Không khai báo bảng mã (nội dung là UTF-8)" : "Không khai báo bảng mã và nội dung không phải UTF-8");
        else if (!utf8) parts.Add(false, $"Dùng bảng mã {declared}, không phải UTF-8");
        else parts.Add(page.ValidUtf8, page.ValidUtf8 ? "Khai báo và dùng UTF-8" : "Khai báo UTF-8 nhưng nội dung không phải UTF-8 hợp lệ (chữ bị lỗi)");
        var raw = page.RawText;
        // Composed or decomposed only means something once the text is read in the right charset.
        if (page.ValidUtf8 && (declared is null || utf8))
        {
            var nfc = raw.IsNormalized(System.Text.NormalizationForm.FormC);
            parts.Add(nfc, nfc ? "Chữ tiếng Việt dạng dựng sẵn (NFC)" : "Chữ tiếng Việt dạng tổ hợp (NFD), không đúng TCVN 6909:2001 dựng sẵn");
        }
        if (Regex.IsMatch(raw, "[\u00a4\u00a5\u00a9\u00ab\u00ac\u00ae\u00b5\u00b8\u00b9][a-z]{0,3}[\u00a4\u00a5\u00a9\u00ab\u00ac\u00ae\u00b5\u00b8\u00b9]"))
            parts.Add(false, "Có dấu hiệu chữ gõ bằng bảng mã cũ (TCVN3/VNI)");
        return parts.Finding("TEC-15");
    }

    /// <summary>TEC-28: the homepage's HTML size and its time to first byte, the median of the audit's fetches of it (the
    /// main one, over IPv6, from http://), judged on the pack's thresholds when it gives some.</summary>
    private Finding Weight(AuditContext ctx, WebPage page)
    {
        var f = page.Fetch;
        var kb = f.Body.Length / 1024;
        var times = ctx.HomeFirstBytes.Select(t => (int)Math.Round(t.TotalMilliseconds)).DefaultIfEmpty((int)Math.Round(f.FirstByte.TotalMilliseconds)).Order().ToList();
        var mid = times.Count / 2;
        var ttfb = times.Count % 2 == 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
        ctx.Speed = new PageSpeed(ttfb, times.Count, kb);

        var (status, size) = f.Truncated ? (CheckStatus.Fail, $"✗ Trang chủ dài hơn {Num(options.MaxResponseKilobytes)} KB HTML (chỉ đọc phần đầu).")
            : kb > 1024 ? (CheckStatus.Partial, $"~ Trang chủ {Num(kb)} KB HTML, nặng hơn 1 MB.")
            : (CheckStatus.Pass, $"✓ Trang chủ {Num(kb)} KB HTML.");
        var measured = $"Thời gian tới byte đầu tiên (TTFB) của trang chủ {Num(ttfb)} ms" +
            (times.Count > 1 ? $" (trung vị của {times.Count} lần tải: {string.Join(", ", times.Select(Num))} ms)" : "") + ", đo từ máy rà soát";
        var limits = ctx.Request.Thresholds.GetValueOrDefault("TEC-28") ?? new Dictionary<string, int>();
        int? good = limits.TryGetValue("ttfbGoodMs", out var g) ? g : null;
        int? poor = limits.TryGetValue("ttfbPoorMs", out var p) ? p : null;
        string speed;
        if (good is null && poor is null) speed = $"– {measured}; gói quy tắc không đặt ngưỡng.";
        else if (poor is { } slow && ttfb >= slow)
        {
            status = CheckStatus.Fail;
            speed = $"✗ {measured}: chậm (từ {Num(slow)} ms trở lên).";
        }
        else if (good is { } fast && ttfb >= fast)
        {
            if (status == CheckStatus.Pass) status = CheckStatus.Partial;
            speed = $"~ {measured}: chưa nhanh (ngưỡng tốt dưới {Num(fast)} ms).";
        }
        else speed = $"✓ {measured}" + (good is { } under ? $": tốt (dưới {Num(under)} ms)." : $": dưới ngưỡng chậm {Num(poor!.Value)} ms.");
        return new Finding("TEC-28", status, size + " " + speed);
    }

    private static string Num(int n) => n.ToString("N0", Vi);

    private static readonly string[] DcRequired = ["DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier"];

    private static Finding DublinCore(AuditContext ctx)
    {
        var pages = new List<WebPage> { ctx.Home! };
        pages.AddRange(ctx.Articles);
        var counts = pages.Select(p => (Page: p, Have: DcRequired.Where(n => !string.IsNullOrWhiteSpace(p.Meta(n))).ToList())).ToList();
        var full = counts.Count(c => c.Have.Count == DcRequired.Length);
        var none = counts.Count(c => c.Have.Count == 0);
        var status = full == counts.Count ? CheckStatus.Pass : none == counts.Count ? CheckStatus.Fail : CheckStatus.Partial;
        var detail = string.Join("; ", counts.Select(c => $"{c.Page.Url.AbsolutePath}: {c.Have.Count}/6" +
            (c.Have.Count is > 0 and < 6 ? $" (thiếu {string.Join(", ", DcRequired.Except(c.Have))})" : "")));
        return new Finding("TEC-10", status, $"Dữ liệu đặc tả Dublin Core trên {counts.Count} trang: {detail}.");
    }
}
