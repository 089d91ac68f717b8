using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MinhBach.Text;

namespace MinhBach.Tests.Monitor;

/// <summary>A fixture site's settings (Monitor/Sites/HOST/site.json) and its known truth (expected status per rule).</summary>
public sealed record FixtureSite(
    string Host,
    string Kind,
    string Name,
    bool Ipv6,
    bool Ipv6Different,
    string Https,
    bool HttpRedirect,
    bool Hsts,
    bool Soft404,
    Dictionary<string, string>? Headers,
    FixtureSearch? Search,
    string? OpenRedirect,
    List<string>? Listing,
    Dictionary<string, string> Expect)
{
    public string Folder { get; set; } = "";
}

public sealed record FixtureSearch(string Path, string Param, bool Works);

/// <summary>
/// The fixture sites served for real: one Kestrel on 127.0.0.1 and ::1, an HTTP and an HTTPS port (the same on both
/// families), host names told apart by the Host header and by SNI (certificates from <see cref="TestCa"/>, one expired,
/// one about to expire, one site without HTTPS). The sites are files under Monitor/Sites, written like real provincial
/// sites of several generations; the hostile ones (garbage, 10 MB, endless redirects, slow-loris, wrong charset,
/// JavaScript only, a homepage slow to answer) are made here.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    public const string Province = "Đông Minh";
    public static readonly string[] HostileHosts =
        ["rac.dongminh.gov.vn", "nang.dongminh.gov.vn", "vong.dongminh.gov.vn", "cham.dongminh.gov.vn", "bangma.dongminh.gov.vn", "js.dongminh.gov.vn", "hethan.dongminh.gov.vn", "tre.dongminh.gov.vn"];

    /// <summary>How long tre.dongminh.gov.vn keeps its homepage's headers back.</summary>
    public static readonly TimeSpan SlowHomepage = TimeSpan.FromSeconds(2);

    /// <summary>The EMC system's script host: a stand-in loader that draws the badge, as the real one does.</summary>
    public const string EmcHost = "f-emc.ngsp.gov.vn";

    private readonly WebApplication _app;
    public int HttpPort { get; }
    public int HttpsPort { get; }
    public IReadOnlyDictionary<string, FixtureSite> Sites { get; }

    private FixtureServer(WebApplication app, int http, int https, Dictionary<string, FixtureSite> sites)
    {
        _app = app;
        HttpPort = http;
        HttpsPort = https;
        Sites = sites;
    }

    public static string SitesFolder => Path.Combine(AppContext.BaseDirectory, "Monitor", "Sites");

    public static Dictionary<string, FixtureSite> LoadSites()
    {
        var sites = new Dictionary<string, FixtureSite>(StringComparer.OrdinalIgnoreCase);
        foreach (var dir in Directory.GetDirectories(SitesFolder))
        {
            var site = JsonSerializer.Deserialize<FixtureSite>(File.ReadAllText(Path.Combine(dir, "site.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            site.Folder = dir;
            sites[site.Host] = site;
        }
        return sites;
    }

    public static async Task<FixtureServer> StartAsync(TestCa ca)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sites = LoadSites();
        var names = sites.Keys.Concat(HostileHosts).Append(EmcHost).ToList();
        var valid = ca.Issue(names, DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(200));
        var expiring = ca.Issue(names, DateTimeOffset.UtcNow.AddDays(-80), DateTimeOffset.UtcNow.AddDays(7));
        var expired = ca.Issue(names, DateTimeOffset.UtcNow.AddDays(-400), DateTimeOffset.UtcNow.AddDays(-3));
        X509Certificate2? Select(string? sni)
        {
            if (sni is null) return valid;
            if (sni.Equals("hethan.dongminh.gov.vn", StringComparison.OrdinalIgnoreCase)) return expired;
            if (!sites.TryGetValue(sni, out var s)) return valid;
            return s.Https switch { "none" => null, "expiring" => expiring, "expired" => expired, _ => valid };
        }

        for (var attempt = 0; ; attempt++)
        {
            var (http, https) = (FreePort(), FreePort());
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k =>
            {
                // A slow-loris answer is the point of one fixture: Kestrel must not cut it itself.
                k.Limits.MinResponseDataRate = null;
                foreach (var ip in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
                {
                    k.Listen(ip, http);
                    k.Listen(ip, https, l => l.UseHttps(o => o.ServerCertificateSelector = (_, name) => Select(name)!));
                }
            });
            var app = builder.Build();
            var server = new FixtureServer(app, http, https, sites);
            app.Run(server.HandleAsync);
            try
            {
                await app.StartAsync();
                return server;
            }
            catch (IOException) when (attempt < 5)
            {
                await app.DisposeAsync();
            }
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _inFlight = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _maxInFlight = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _requests = new();

    /// <summary>The most requests one host had in flight at once, and how many it answered.</summary>
    public int MaxInFlight(string host) => _maxInFlight.GetValueOrDefault(host);
    public int Requests(string host) => _requests.GetValueOrDefault(host);

    private async Task HandleAsync(HttpContext ctx)
    {
        var key = ctx.Request.Host.Host.ToLowerInvariant();
        _requests.AddOrUpdate(key, 1, (_, n) => n + 1);
        var now = _inFlight.AddOrUpdate(key, 1, (_, n) => n + 1);
        _maxInFlight.AddOrUpdate(key, now, (_, m) => Math.Max(m, now));
        try
        {
            await ServeAsync(ctx);
        }
        finally
        {
            _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }

    private async Task ServeAsync(HttpContext ctx)
    {
        var host = ctx.Request.Host.Host.ToLowerInvariant();
        if (host == EmcHost)
        {
            ctx.Response.ContentType = "text/javascript; charset=utf-8";
            await ctx.Response.WriteAsync(ctx.Request.Path == "/embed/gov-tracking.min.js"
                ? "(function(){var a=document.createElement('a');a.id='emc-badge';a.href='https://emc.gov.vn/';a.title='Đã kết nối EMC';"
                  + "a.style.cssText='display:inline-block;width:120px;height:40px;background:#b00;color:#fff';a.textContent='EMC';document.body.appendChild(a);})();"
                : "");
            return;
        }
        if (HostileHosts.Contains(host))
        {
            await HostileAsync(ctx, host);
            return;
        }
        if (!Sites.TryGetValue(host, out var site))
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        var path = ctx.Request.Path.Value ?? "/";
        if (!ctx.Request.IsHttps && site.HttpRedirect)
        {
            ctx.Response.Redirect($"https://{host}{path}{ctx.Request.QueryString}", permanent: true);
            return;
        }
        foreach (var (k, v) in site.Headers ?? []) ctx.Response.Headers[k] = v;
        if (ctx.Request.IsHttps && site.Hsts) ctx.Response.Headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";

        if (site.Ipv6Different && ctx.Connection.LocalIpAddress?.AddressFamily == AddressFamily.InterNetworkV6)
        {
            await Html(ctx, "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1><p>If you see this page, the web server is successfully installed.</p></body></html>");
            return;
        }
        if (site.Search is { } search && path.Equals(search.Path, StringComparison.OrdinalIgnoreCase))
        {
            string? q = ctx.Request.Method == "POST" && ctx.Request.HasFormContentType ? (await ctx.Request.ReadFormAsync())[search.Param].ToString() : ctx.Request.Query[search.Param].ToString();
            await Html(ctx, SearchResults(site, q ?? "", search.Works));
            return;
        }
        if (site.OpenRedirect is { } redirectPath && path.Equals(redirectPath, StringComparison.OrdinalIgnoreCase))
        {
            var to = ctx.Request.Query["url"].ToString();
            ctx.Response.Redirect(to.Length > 0 ? to : "/");
            return;
        }
        if (site.Listing?.Contains(path, StringComparer.OrdinalIgnoreCase) == true)
        {
            await Html(ctx, $"<html><head><title>Index of {path}</title></head><body><h1>Index of {path}</h1><pre><a href=\"../\">../</a>\n<a href=\"anh-1.jpg\">anh-1.jpg</a>   12-Mar-2019 09:12   48213\n<a href=\"bao-cao-2018.doc\">bao-cao-2018.doc</a>   02-Jan-2019 15:40   112640</pre></body></html>");
            return;
        }
        var file = FileFor(site.Folder, path, ctx.Request.QueryString.Value);
        if (file is null)
        {
            if (site.Soft404)
            {
                await Html(ctx, await File.ReadAllTextAsync(Path.Combine(site.Folder, "index.html")));
                return;
            }
            ctx.Response.StatusCode = 404;
            await Html(ctx, "<!DOCTYPE html><html lang=\"vi\"><head><title>Không tìm thấy trang</title></head><body><h1>404 - Không tìm thấy trang</h1></body></html>");
            return;
        }
        ctx.Response.ContentType = Path.GetExtension(file) switch
        {
            ".xml" or ".rss" => "application/xml; charset=utf-8",
            ".txt" => "text/plain; charset=utf-8",
            _ => site.Headers?.GetValueOrDefault("Content-Type") ?? "text/html; charset=utf-8",
        };
        await ctx.Response.SendFileAsync(file);
    }

    private static string? FileFor(string folder, string path, string? query)
    {
        var rel = Uri.UnescapeDataString(path).TrimStart('/');
        if (rel.Contains("..", StringComparison.Ordinal) || rel == "site.json") return null;
        if (rel.Length == 0 || rel.EndsWith('/')) rel += "index.html";
        // Old ASP.NET addresses (chitiet.aspx?id=101) are files named with their query: chitiet.aspx_id_101.html.
        var byQuery = string.IsNullOrEmpty(query) ? null : rel + "_" + Regex.Replace(query.TrimStart('?'), "[^A-Za-z0-9]", "_") + ".html";
        foreach (var candidate in new[] { byQuery, rel, rel + ".html", Path.Combine(rel, "index.html") }.OfType<string>())
        {
            var full = Path.Combine(folder, candidate);
            if (File.Exists(full)) return full;
        }
        return null;
    }

    private static string SearchResults(FixtureSite site, string q, bool works)
    {
        var hits = new List<(string Url, string Title)>();
        if (works && q.Trim().Length > 0)
            foreach (var f in Directory.GetFiles(site.Folder, "*.html", SearchOption.AllDirectories))
            {
                var m = Regex.Match(File.ReadAllText(f), "<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline);
                if (!m.Success) continue;
                var title = WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim();
                if (SearchText.Normalize(title).Contains(SearchText.Normalize(q), StringComparison.Ordinal))
                    hits.Add(("/" + Path.GetRelativePath(site.Folder, f).Replace('\\', '/').Replace("index.html", ""), title));
            }
        var list = hits.Count == 0 ? "<p>Không tìm thấy kết quả nào.</p>"
            : "<ul>" + string.Concat(hits.Select(h => $"<li><a href=\"{h.Url}\">{WebUtility.HtmlEncode(h.Title)}</a></li>")) + "</ul>";
        return $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Kết quả tìm kiếm</title></head><body><main><h1>Kết quả tìm kiếm: {WebUtility.HtmlEncode(q)}</h1>{list}</main></body></html>";
    }

    private static async Task Html(HttpContext ctx, string html, string charset = "utf-8")
    {
        ctx.Response.ContentType = "text/html; charset=" + charset;
        await ctx.Response.WriteAsync(html);
    }

    private static async Task HostileAsync(HttpContext ctx, string host)
    {
        var path = ctx.Request.Path.Value ?? "/";
        if (path == "/robots.txt" && host != "vong.dongminh.gov.vn")
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        switch (host.Split('.')[0])
        {
            case "rac":
                // Byte soup: random bytes with broken tags, as a half-written or corrupted page.
                var rnd = new Random(8);
                var bytes = new byte[300_000];
                rnd.NextBytes(bytes);
                var junk = Encoding.UTF8.GetBytes("<html><head><title>rác <<<</tit<body><div><table><tr><td><p>< / ><a href=\"\"\"\"><<script>");
                junk.CopyTo(bytes, 0);
                for (var i = 1000; i < bytes.Length - 20; i += 997) Encoding.ASCII.GetBytes("<div class=\"<a").CopyTo(bytes, i);
                ctx.Response.ContentType = "text/html";
                await ctx.Response.Body.WriteAsync(bytes);
                return;
            case "nang":
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Trang rất nặng</title></head><body><header><h1>UBND xã Nặng</h1></header>");
                var block = string.Concat(Enumerable.Repeat("<p>Nội dung lặp lại của một trang quá nặng, mười megabyte chữ.</p>\n", 200));
                var blockBytes = Encoding.UTF8.GetBytes(block);
                for (long written = 0; written < 10L * 1024 * 1024 && !ctx.RequestAborted.IsCancellationRequested; written += blockBytes.Length)
                    await ctx.Response.Body.WriteAsync(blockBytes, ctx.RequestAborted);
                return;
            case "vong":
                // Every address sends on to the next one, for ever.
                var n = int.TryParse(ctx.Request.Query["n"], out var k) ? k : 0;
                ctx.Response.Redirect($"/vong?n={n + 1}");
                return;
            case "cham":
                // Slow-loris: the headers, then a byte now and then, never the end.
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync("<!DOCTYPE html><html><head><title>Chậm</title></head><body>");
                await ctx.Response.Body.FlushAsync();
                for (var i = 0; i < 600 && !ctx.RequestAborted.IsCancellationRequested; i++)
                {
                    try
                    {
                        await Task.Delay(1000, ctx.RequestAborted);
                        await ctx.Response.WriteAsync(".", ctx.RequestAborted);
                        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
                return;
            case "bangma":
                // Vietnamese in Windows-1258 bytes behind a page that says UTF-8.
                var page = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>UBND phường Bảng Mã</title></head><body>" +
                    "<header><img src=\"/logo.png\" alt=\"Quốc huy\"><h1>Ủy ban nhân dân phường Bảng Mã</h1></header>" +
                    "<main><p>Thông báo về việc tiếp công dân định kỳ tháng 11 năm 2026.</p></main>" +
                    "<footer>Cơ quan chủ quản: UBND phường Bảng Mã. Địa chỉ: số 1 đường Lê Lợi. Điện thoại: 0203 3812 345. Email: bangma@dongminh.gov.vn</footer></body></html>";
                ctx.Response.ContentType = "text/html";
                await ctx.Response.Body.WriteAsync(Encoding.GetEncoding(1258).GetBytes(page));
                return;
            case "tre":
                // A server slow to start answering its homepage (a busy CMS): the headers come after a wait, then the page at once.
                if (path == "/") await Task.Delay(SlowHomepage, ctx.RequestAborted);
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>UBND xã Trễ</title></head><body><h1>Ủy ban nhân dân xã Trễ</h1><p>Trang chủ trả lời chậm.</p></body></html>");
                return;
            case "js":
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng thông tin điện tử</title><script src=\"/static/js/main.4f2a9c.js\"></script></head><body><noscript>Bạn cần bật JavaScript để xem trang này.</noscript><div id=\"root\"></div></body></html>");
                return;
            default: // hethan: a plain page behind an expired certificate
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Sở Hết Hạn</title></head><body><h1>Sở Hết Hạn tỉnh Đông Minh</h1></body></html>");
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
