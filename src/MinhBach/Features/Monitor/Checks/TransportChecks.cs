using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor.Html;
using MinhBach.Features.Monitor.Net;
using MinhBach.Text;

namespace MinhBach.Features.Monitor;

// Reachability (TEC-18), HTTPS and the certificate (TEC-03), IPv6 (TEC-02), the domain rule (TEC-01) and the
// component-site relationship (TEC-04).
public sealed partial class SiteAuditor
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    internal static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    internal static string Day(DateTime d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static Finding Reachability(AuditContext ctx)
    {
        var f = ctx.HomeFetch!;
        var hops = f.Redirects.Count == 0 ? "" : $" sau {f.Redirects.Count} lần chuyển hướng ({string.Join(" → ", f.Redirects.Select(h => $"{h.Status} {h.Url}"))})";
        if (ctx.Home is { } page)
        {
            var text = $"Trang chủ trả lời {f.Status}{hops}; địa chỉ cuối {f.Final}, {f.Body.Length / 1024:N0} KB, byte đầu tiên sau {f.FirstByte.TotalMilliseconds:N0} ms.";
            if (f.Truncated) text += $" Trang dài hơn giới hạn đọc ({f.Body.Length / 1024:N0} KB), chỉ đọc phần đầu.";
            if (ctx.ScriptOnly) text += " Trang chỉ hiện nội dung khi chạy JavaScript (không có chữ khi tắt JavaScript): các mục nội dung chưa kiểm tra được.";
            if (!page.IsHtml) text += $" Nội dung không phải HTML ({f.ContentType}).";
            return new Finding("TEC-18", CheckStatus.Pass, text);
        }
        var why = f.Problem ?? "không rõ lý do";
        if (f.Attempts > 1) why += $" (đã thử {f.Attempts} lần)";
        return new Finding("TEC-18", CheckStatus.Fail, $"Không truy cập được {ctx.Request.Url}: {why}{hops}.");
    }

    private async Task HttpsAsync(AuditContext ctx, CancellationToken ct)
    {
        var host = ctx.Request.Url.Host;
        var parts = new Parts();
        var tls = await TlsProbe.RunAsync(fetcher, host, 443, ct);
        if (!tls.Connected)
            parts.Add(false, $"Không kết nối HTTPS được tới {host}: {tls.Error}");
        else
        {
            parts.Add(tls.ChainValid && tls.NameMatches, tls.ChainValid && tls.NameMatches
                ? $"Chứng chỉ hợp lệ cho {host}, cấp bởi {Cn(tls.Issuer)}"
                : "Chứng chỉ không hợp lệ: " + string.Join("; ", new[] { tls.ChainValid ? null : tls.ChainProblem ?? "chuỗi chứng chỉ không được tin cậy", tls.NameMatches ? null : $"không cấp cho tên {host} ({Cn(tls.Subject)})" }.Where(s => s is not null)));
            parts.Add(tls.Protocol >= SslProtocols.Tls12, $"Giao thức {ProtocolName(tls.Protocol)}");
            if (tls.NotAfter is { } notAfter)
            {
                var days = (int)Math.Floor((notAfter - clock.GetUtcNow().UtcDateTime).TotalDays);
                parts.Add(days > options.CertificateWarningDays, days < 0
                    ? $"Chứng chỉ đã hết hạn ngày {Day(notAfter)}"
                    : days <= options.CertificateWarningDays
                        ? $"Chứng chỉ sắp hết hạn: ngày {Day(notAfter)} (còn {days} ngày)"
                        : $"Chứng chỉ hết hạn ngày {Day(notAfter)} (còn {days} ngày)");
            }
        }

        // HTTP → HTTPS.
        var http = await fetcher.SendAsync(ctx.Session, new FetchRequest(new UriBuilder("http", host).Uri) { HeadersOnly = true }, ct);
        ctx.TimeHome(http);
        if (http.Redirects.Count > 0 && http.Final.Scheme == "https" && (http.Error is null || http.Status > 0))
            parts.Add(true, $"http://{host}/ chuyển sang {http.Final}");
        else if (http.Status is >= 200 and < 300)
            parts.Add(false, $"http://{host}/ trả trang ({http.Status}) mà không chuyển sang HTTPS");
        else if (http.Redirects.Count > 0)
            parts.Add(false, $"http://{host}/ chuyển tới {http.Final}, không phải HTTPS");
        else
            parts.Add(null, $"Cổng HTTP không trả lời ({http.Problem})");

        // HSTS, on the HTTPS answer.
        var secure = ctx.HomeFetch is { Ok: true } h && h.Final.Scheme == "https" ? h
            : tls.Connected ? await fetcher.SendAsync(ctx.Session, new FetchRequest(new UriBuilder("https", host).Uri) { HeadersOnly = true }, ct) : null;
        if (!ReferenceEquals(secure, ctx.HomeFetch)) ctx.TimeHome(secure);
        if (secure is { Status: > 0 })
        {
            var hsts = secure.Header("Strict-Transport-Security");
            var maxAge = hsts is null ? 0 : System.Text.RegularExpressions.Regex.Match(hsts, @"max-age\s*=\s*""?(\d+)") is { Success: true } m
                && long.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var v) ? v : 0;
            parts.Add(maxAge > 0, hsts is null ? "Không có tiêu đề Strict-Transport-Security (HSTS)" : maxAge > 0
                ? $"HSTS: {hsts}" : $"HSTS không có max-age hợp lệ: {hsts}");
        }
        ctx.Add(parts.Finding("TEC-03"));
    }

    private static string Cn(string? dn) =>
        dn is null ? "?" : dn.Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))?[3..] ?? dn;

    private static string ProtocolName(SslProtocols p) => p switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        SslProtocols.None => "không xác định",
        _ => $"{p} (cũ, dưới TLS 1.2)",
    };

    /// <summary>TEC-02: an AAAA record and the homepage fetched over IPv6, the same as over IPv4; DNSSEC of the
    /// registered domain is noted with it and changes nothing.</summary>
    private async Task Ipv6Async(AuditContext ctx, CancellationToken ct)
    {
        var dnssec = DnssecAsync(ctx.Request.Url.Host, ct);
        var f = await Ipv6FindingAsync(ctx, ct);
        ctx.Add((await dnssec) is { } note ? f with { Evidence = f.Evidence + " " + note } : f);
    }

    private async Task<Finding> Ipv6FindingAsync(AuditContext ctx, CancellationToken ct)
    {
        var host = ctx.Request.Url.Host;
        var aaaa = await fetcher.Resolver.ResolveAsync(host, AddressFamily.InterNetworkV6, ct);
        if (aaaa.Error is not null)
            return new Finding("TEC-02", CheckStatus.Unknown, $"Không tra được bản ghi AAAA của {host}: {aaaa.Error}.");
        if (aaaa.Addresses.Count == 0)
            return new Finding("TEC-02", CheckStatus.Fail, $"{host} không có bản ghi AAAA (IPv6) ({aaaa.Source}).");
        var addrs = string.Join(", ", aaaa.Addresses);
        var target = ctx.Request.Url;
        var v6 = await fetcher.SendAsync(ctx.Session, new FetchRequest(target) { Family = AddressFamily.InterNetworkV6 }, ct);
        ctx.TimeHome(v6);
        if (!v6.Ok)
            return new Finding("TEC-02", CheckStatus.Partial, $"Có bản ghi AAAA ({addrs}) nhưng không tải được trang qua IPv6: {v6.Problem}.");
        var page6 = new WebPage(v6);
        if (ctx.Home is not { } page4)
            return new Finding("TEC-02", CheckStatus.Pass, $"Có bản ghi AAAA ({addrs}); trang tải được qua IPv6 ({v6.Status}, tiêu đề {Quote(page6.Title)}).");
        var same = page6.Title == page4.Title && Similar(page4.Text, page6.Text);
        return same
            ? new Finding("TEC-02", CheckStatus.Pass, $"Có bản ghi AAAA ({addrs}); trang tải qua IPv6 giống qua IPv4 (tiêu đề {Quote(page6.Title)}).")
            : new Finding("TEC-02", CheckStatus.Partial, $"Có bản ghi AAAA ({addrs}) nhưng qua IPv6 máy chủ trả trang khác (tiêu đề {Quote(page6.Title)}, qua IPv4 là {Quote(page4.Title)}).");
    }

    /// <summary>Whether the registered domain's zone is signed, as a sentence; null for an address given as an IP.</summary>
    private async Task<string?> DnssecAsync(string host, CancellationToken ct)
    {
        if (RegisteredDomain(host) is not { } zone) return null;
        var z = await fetcher.Resolver.SigningAsync(zone, ct);
        const string Note = " (chỉ ghi nhận, không tính vào kết quả IPv6).";
        if (z.Error is not null) return $"Tên miền {zone}: chưa kiểm tra được DNSSEC ({z.Error}){Note}";
        var ds = z.DsKeyTags.Count == 0 ? "không có bản ghi DS ở vùng cha" : $"DS: {z.DsKeyTags.Count} bản ghi, mã khoá {string.Join(", ", z.DsKeyTags)}";
        if (z.Keys == 0)
            return z.DsKeyTags.Count == 0
                ? $"Tên miền chưa ký DNSSEC ({zone} không có bản ghi DNSKEY, DS){Note}"
                : $"Tên miền chưa ký DNSSEC đúng ({zone} không trả bản ghi DNSKEY dù vùng cha có {ds}: chuỗi tin cậy bị đứt){Note}";
        return $"Tên miền có ký DNSSEC (DNSKEY của {zone}: {z.Keys} khoá, thuật toán {string.Join(", ", z.Algorithms)}; {ds}" +
            (z.Authenticated ? "; máy chủ DNS đã xác thực chữ ký (cờ AD)" : "") + ")" + Note;
    }

    // Second-level names under which registries sell third-level domains (com.vn, gov.vn, co.uk …).
    private static readonly HashSet<string> SecondLevels = ["com", "net", "org", "edu", "gov", "ac", "co", "int", "info", "biz", "name", "pro", "health"];

    /// <summary>The domain the unit registered: under .gov.vn the province's (sokhcn.dongminh.gov.vn → dongminh.gov.vn),
    /// elsewhere the last two labels, or three below a registry's second level (example.com.vn).</summary>
    internal string? RegisteredDomain(string host)
    {
        var bare = host.ToLowerInvariant().TrimEnd('.');
        if (IPAddress.TryParse(bare.Trim('[', ']'), out _)) return null;
        var suffix = words.DomainSuffix;
        if (bare.EndsWith("." + suffix, StringComparison.Ordinal)) return bare[..^(suffix.Length + 1)].Split('.')[^1] + "." + suffix;
        var labels = bare.Split('.');
        if (labels.Length < 2) return null;
        var take = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevels.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }

    /// <summary>Same site: most words shared (dates and counters differ between two loads).</summary>
    private static bool Similar(string a, string b)
    {
        var x = SearchText.Tokens(a).ToHashSet();
        var y = SearchText.Tokens(b).ToHashSet();
        if (x.Count == 0 && y.Count == 0) return true;
        var inter = x.Count(y.Contains);
        return inter >= 0.8 * Math.Max(x.Count, y.Count);
    }

    private static (string[] Labels, bool Gov, string Bare) Labels(string host, string suffix)
    {
        var bare = host.ToLowerInvariant().TrimEnd('.');
        if (bare.StartsWith("www.", StringComparison.Ordinal)) bare = bare[4..];
        var gov = bare.EndsWith("." + suffix, StringComparison.Ordinal);
        var labels = gov ? bare[..^(suffix.Length + 1)].Split('.') : bare.Split('.');
        return (labels, gov, bare);
    }

    /// <summary>The kind of unit a host name suggests when none is given: tinh.gov.vn is a portal, x.tinh.gov.vn a department.</summary>
    public string KindFor(Uri url) => GuessKind(url.Host);

    private string GuessKind(string host)
    {
        var (labels, gov, _) = Labels(host, words.DomainSuffix);
        return !gov ? "other" : labels.Length == 1 ? "provincial-portal" : "department";
    }

    private static string ProvinceLabel(string province) =>
        VietnameseText.Fold(SearchText.Nfc(province)).Replace("tinh ", "").Replace("thanh pho ", "").Where(char.IsAsciiLetterOrDigit).Aggregate("", (s, c) => s + c);

    private Finding DomainRule(AuditContext ctx)
    {
        var (labels, gov, bare) = Labels(ctx.Request.Url.Host, words.DomainSuffix);
        var parts = new Parts();
        if (words.DomainExceptions.Contains(bare))
            return new Finding("TEC-01", CheckStatus.Pass, $"{bare} là tên miền được quy định riêng.");
        parts.Add(gov, gov ? $"{bare} thuộc .{words.DomainSuffix}" : $"{bare} không thuộc .{words.DomainSuffix}");
        if (!gov) return parts.Finding("TEC-01");
        var expected = ctx.Kind switch
        {
            "provincial-portal" => 1,
            "department" or "commune" or "district" => 2,
            _ => 0,
        };
        var shape = ctx.Kind == "provincial-portal" ? "tentinh." + words.DomainSuffix : "tencoquan.tentinh." + words.DomainSuffix;
        if (expected > 0)
            parts.Add(labels.Length == expected, labels.Length == expected
                ? $"đúng dạng {shape}" : $"không đúng dạng {shape} (có {labels.Length} cấp trước .{words.DomainSuffix})");
        if (ctx.Request.Province is { Length: > 0 } province)
        {
            var want = ProvinceLabel(province);
            parts.Add(labels[^1] == want, labels[^1] == want
                ? $"tên tỉnh \"{labels[^1]}\" khớp {province}" : $"nhãn \"{labels[^1]}\" không phải tên tỉnh {province} (cần \"{want}\")");
        }
        return parts.Finding("TEC-01");
    }

    private Finding? ComponentSite(AuditContext ctx)
    {
        if (ctx.Kind is not ("department" or "commune" or "district"))
            return new Finding("TEC-04", CheckStatus.NotApplicable, "Chỉ áp dụng cho trang thành phần (sở, ngành, xã).");
        var (labels, gov, _) = Labels(ctx.Request.Url.Host, words.DomainSuffix);
        var parent = ctx.Request.Province is { Length: > 0 } p ? ProvinceLabel(p) : labels.Length >= 2 ? labels[^1] : null;
        var parts = new Parts();
        var isChild = gov && labels.Length >= 2 && parent is not null && labels[^1] == parent;
        parts.Add(isChild, isChild ? $"tên miền là tên miền con của {parent}.{words.DomainSuffix}" : $"tên miền không nằm dưới cổng tỉnh{(parent is null ? "" : $" {parent}.{words.DomainSuffix}")}");
        if (ctx.Home is { } home && parent is not null)
        {
            var portal = $"{parent}.{words.DomainSuffix}";
            var link = home.Links.FirstOrDefault(l => l.Url.Host.Equals(portal, StringComparison.OrdinalIgnoreCase) || l.Url.Host.Equals("www." + portal, StringComparison.OrdinalIgnoreCase));
            parts.Add(link is not null, link is not null ? $"trang chủ có liên kết về cổng tỉnh ({link.Url})" : $"trang chủ không có liên kết về cổng tỉnh {portal}");
        }
        return parts.Finding("TEC-04");
    }
}
