using System.Text.RegularExpressions;
using System.Web;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor.Html;
using MinhBach.Features.Monitor.Net;

namespace MinhBach.Features.Monitor;

// Security signals that need no attack (TEC-19): headers, software and versions disclosed (and past support),
// directory listings, administration pages open to anyone, and one open-redirect probe towards a harmless address
// under the reserved .invalid domain, which cannot resolve anywhere.
public sealed partial class SiteAuditor
{
    public const string ProbeTarget = "https://minhbach-kiem-tra.invalid/chuyen-huong";

    private async Task SecurityAsync(AuditContext ctx, CancellationToken ct)
    {
        var home = ctx.Home!;
        var h = home.Fetch;
        var parts = new Parts();

        var missing = new List<string>();
        var csp = h.Header("Content-Security-Policy");
        if (csp is null) missing.Add("Content-Security-Policy");
        if (h.Header("X-Frame-Options") is null && csp?.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase) != true) missing.Add("X-Frame-Options (hoặc frame-ancestors)");
        if (!string.Equals(h.Header("X-Content-Type-Options")?.Trim(), "nosniff", StringComparison.OrdinalIgnoreCase)) missing.Add("X-Content-Type-Options: nosniff");
        parts.Add(missing.Count == 0, missing.Count == 0 ? "Có đủ tiêu đề bảo mật (CSP, chống nhúng khung, nosniff)" : $"Thiếu tiêu đề bảo mật: {string.Join(", ", missing)}");

        // Software and versions, from headers and the generator meta.
        var sources = new List<(string Where, string Value)>();
        foreach (var name in new[] { "Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-Generator", "Liferay-Portal" })
            if (h.Header(name) is { Length: > 0 } v) sources.Add((name, v));
        if (home.Meta("generator") is { Length: > 0 } gen) sources.Add(("meta generator", gen));
        var disclosed = new List<string>();
        var outdated = new List<string>();
        foreach (var rule in words.Software)
            foreach (var (where, value) in sources.Where(s => rule.Header is null || s.Where.Equals(rule.Header, StringComparison.OrdinalIgnoreCase)))
            {
                var m = rule.Pattern.Match(value);
                if (!m.Success || !Version.TryParse(m.Groups[1].Value.Contains('.') ? m.Groups[1].Value : m.Groups[1].Value + ".0", out var version)) continue;
                var text = $"{rule.Name} {m.Groups[1].Value} ({where})";
                if (version < rule.SupportedFrom) outdated.Add($"{text}, dưới {rule.SupportedFrom} là bản đã hết hỗ trợ");
                else disclosed.Add(text);
                break;
            }
        if (outdated.Count > 0) ctx.SecuritySerious = true;
        if (outdated.Count > 0) parts.Add(false, $"Phần mềm cũ lộ phiên bản: {string.Join("; ", outdated.Distinct())}");
        if (disclosed.Count > 0) parts.Add(false, $"Lộ tên và phiên bản phần mềm: {string.Join("; ", disclosed.Distinct())}");
        if (outdated.Count == 0 && disclosed.Count == 0)
            parts.Add(true, sources.Count == 0 ? "Không lộ tên, phiên bản máy chủ hay phần mềm" : $"Không lộ phiên bản ({string.Join("; ", sources.Select(s => $"{s.Where}: {s.Value}"))})");

        if (ctx.ScriptOnly)
        {
            ctx.Add(await ProbesAsync(ctx, parts, ct));
            return;
        }
        ctx.PendingSecurity = parts;
    }

    private async Task<Finding> ProbesAsync(AuditContext ctx, Parts parts, CancellationToken ct)
    {
        var home = ctx.Home!;
        var origin = new Uri(home.Url.GetLeftPart(UriPartial.Authority));
        var deep = ctx.Request.Deep;

        // Directory listings.
        var listings = new List<string>();
        foreach (var path in words.ListingPaths.Take(deep ? int.MaxValue : 3))
        {
            var f = await fetcher.GetAsync(ctx.Session, new Uri(origin, path), ct);
            if (f.Ok && Regex.IsMatch(System.Text.Encoding.UTF8.GetString(f.Body, 0, Math.Min(f.Body.Length, 4096)),
                    @"<title>\s*(Index of|Directory Listing)|\[To Parent Directory\]|<h1>\s*Index of", RegexOptions.IgnoreCase))
                listings.Add(f.Final.AbsolutePath);
        }
        if (listings.Count > 0) ctx.SecuritySerious = true;
        parts.Add(listings.Count == 0, listings.Count == 0 ? $"Không thấy thư mục để lộ danh sách tệp (đã thử {(deep ? words.ListingPaths.Count : 3)} đường dẫn)"
            : $"Thư mục để lộ danh sách tệp: {string.Join(", ", listings)}");

        // Administration pages answering anyone with a sign-in form.
        var admin = new List<string>();
        foreach (var path in words.AdminPaths.Take(deep ? int.MaxValue : 4))
        {
            var f = await fetcher.GetAsync(ctx.Session, new Uri(origin, path), ct);
            if (!f.Ok || !IsSameSite(ctx, f.Final)) continue;
            var page = new WebPage(f);
            if (page.Doc.QuerySelector("input[type=password]") is not null || Regex.IsMatch(page.Title, "admin|login|quản trị|đăng nhập", RegexOptions.IgnoreCase))
                admin.Add(f.Final.AbsolutePath);
        }
        if (admin.Count > 0) ctx.SecuritySerious = true;
        if (admin.Count > 0) parts.Add(false, $"Trang quản trị mở công khai: {string.Join(", ", admin.Distinct())}");
        else parts.Add(true, $"Không thấy trang quản trị mở công khai ở các đường dẫn thường gặp (đã thử {(deep ? words.AdminPaths.Count : 4)})");

        // Open redirect: the first links carrying a redirect-looking parameter, pointed at a harmless reserved address.
        var candidates = ctx.Pages.Values.SelectMany(p => p.Links).Where(l => IsSameSite(ctx, l.Url) && l.Url.Query.Length > 1)
            .Select(l => (Link: l, Param: HttpUtility.ParseQueryString(l.Url.Query).AllKeys.FirstOrDefault(k => k is not null && words.RedirectParams.Contains(k.ToLowerInvariant()))))
            .Where(x => x.Param is not null).DistinctBy(x => x.Link.Url.AbsolutePath + "?" + x.Param).Take(deep ? 3 : 1).ToList();
        if (candidates.Count == 0) parts.Info("Không thấy liên kết có tham số chuyển hướng (url=, returnUrl=, next= …) để thử chuyển hướng mở");
        foreach (var (link, param) in candidates)
        {
            var query = HttpUtility.ParseQueryString(link.Url.Query);
            query[param] = ProbeTarget;
            var probe = new UriBuilder(link.Url) { Query = query.ToString() }.Uri;
            var f = await fetcher.SendAsync(ctx.Session, new FetchRequest(probe) { FollowRedirects = false, HeadersOnly = true }, ct);
            var location = f.Header("Location");
            var open = f.Status is >= 300 and < 400 && location is not null && Uri.TryCreate(probe, location, out var to) && to.Host.EndsWith(".invalid", StringComparison.Ordinal);
            var refresh = !open && f.Status is >= 200 and < 300 && (f.Header("Refresh") ?? "").Contains(".invalid", StringComparison.OrdinalIgnoreCase);
            if (open || refresh) ctx.SecuritySerious = true;
            parts.Add(!(open || refresh), open || refresh
                ? $"Chuyển hướng mở: {link.Url.AbsolutePath}?{param}=… đưa người đọc tới địa chỉ bất kỳ ({location})"
                : $"Tham số {param} ở {link.Url.AbsolutePath} không chuyển hướng ra ngoài ({(f.Status > 0 ? "mã " + f.Status : f.Problem)})");
        }
        // An outdated CMS, an open redirect, a listed folder or an open administration page fails the check outright;
        // missing headers or a version shown only weaken it.
        var finding = parts.Finding("TEC-19");
        return ctx.SecuritySerious ? finding with { Status = CheckStatus.Fail } : finding;
    }
}
