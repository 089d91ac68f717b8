using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using MinhBach.Features.Monitor;
using MinhBach.Features.Monitor.Net;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>
/// `bench monitor [--sites 100]`: a light pass, with the production politeness settings, over N websites served on
/// loopback. The sites are copies of the monitor's test fixtures (four generations of provincial sites), each under its
/// own host name, over HTTP and HTTPS (a root made for the run, trusted as --ca-cert is); nothing is stored. Prints the
/// total time, sites per minute and the peak memory of the process.
/// </summary>
internal static class MonitorBenchCommand
{
    private const string FixtureFolder = "tests/MinhBach.Tests/Monitor/Sites";

    public static Command Create()
    {
        var cmd = new Command("monitor", "Đo thời gian một lượt rà soát nhẹ N trang mẫu phục vụ trên máy (127.0.0.1).") { TreatUnmatchedTokensAsErrors = false };
        var sites = new Option<int>("--sites") { Description = "Số trang mẫu (mặc định 100)", DefaultValueFactory = _ => 100 };
        cmd.Options.Add(sites);
        cmd.SetAction(async (pr, ct) =>
        {
            var n = pr.GetValue(sites);
            if (n is < 1 or > 1000)
            {
                Console.Error.WriteLine("Lỗi: --sites phải từ 1 đến 1000.");
                return 2;
            }
            if (FindFixtures() is not { } folder)
            {
                Console.Error.WriteLine($"Lỗi: không thấy các trang mẫu ({FixtureFolder}); hãy chạy lệnh từ thư mục mã nguồn.");
                return 2;
            }
            var temp = Path.Combine(Path.GetTempPath(), "minhbach-bench-monitor-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(temp);
            try
            {
                await using var fixtures = await BenchSites.StartAsync(folder, n, temp);
                await using var app = WebHost.Build([$"--MinhBach:DataDirectory={temp}", "--Scheduling:Enabled=false", "--Logging:LogLevel:Default=Warning",
                    $"--ConnectionStrings:Sqlite={new SqliteConnectionStringBuilder { DataSource = Path.Combine(temp, "bench.db") }}", .. pr.UnmatchedTokens]);
                var errors = new List<string>();
                var network = AuditNetwork.Parse(fixtures.Resolve, null, [fixtures.RootPemFile], [$"80:{fixtures.HttpPort}", $"443:{fixtures.HttpsPort}"], errors);
                if (errors.Count > 0)
                {
                    foreach (var e in errors) Console.Error.WriteLine("Lỗi: " + e);
                    return 2;
                }
                var monitor = app.Services.GetRequiredService<MonitorService>();
                var targets = fixtures.Sites.Select(s => new AuditTarget(new Uri($"https://{s.Host}/")) { KindCode = s.Kind, Name = s.Host, Province = "Đông Minh" }).ToList();
                var today = Features.Public.VnTime.Today(TimeProvider.System);
                Console.WriteLine($"Rà soát nhẹ {n} trang mẫu trên 127.0.0.1 (cấu hình Monitor như khi chạy thật) …");
                var clock = Stopwatch.StartNew();
                var outcomes = await monitor.RunAsync(targets, new AuditRunSettings(network, monitor.Pack(null), Deep: false, today) { Save = false }, ct);
                clock.Stop();
                using var self = Process.GetCurrentProcess();
                self.Refresh();
                var vi = CultureInfo.GetCultureInfo("vi-VN");
                var minutes = clock.Elapsed.TotalMinutes;
                Console.WriteLine($"Số trang: {n}; truy cập được: {outcomes.Count(o => o.Audit.Reachable)}; số trang con đã đọc: {outcomes.Sum(o => o.Audit.PagesRead).ToString("N0", vi)}.");
                Console.WriteLine($"Tổng thời gian: {clock.Elapsed.TotalSeconds.ToString("0.0", vi)} giây (mục tiêu: dưới 300 giây).");
                Console.WriteLine($"Tốc độ: {(n / minutes).ToString("0.0", vi)} trang/phút.");
                Console.WriteLine($"Bộ nhớ cao nhất của tiến trình: {(self.PeakWorkingSet64 / 1048576.0).ToString("0", vi)} MB (RAM thực), bộ nhớ .NET đang dùng: {(GC.GetTotalMemory(false) / 1048576.0).ToString("0", vi)} MB.");
                return 0;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
            }
        });
        return cmd;
    }

    private static string? FindFixtures()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, FixtureFolder))) return Path.Combine(dir.FullName, FixtureFolder);
        return null;
    }

    private sealed record BenchSite(string Host, string Kind, string Folder, string Original);

    /// <summary>N copies of the fixture sites, each under its own host name ("b007-xaphuloc.dongminh.gov.vn"), served as
    /// files with the original host names in the pages rewritten to the copy's.</summary>
    private sealed class BenchSites : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Dictionary<string, BenchSite> _byHost;
        public IReadOnlyList<BenchSite> Sites { get; }
        public int HttpPort { get; private set; }
        public int HttpsPort { get; private set; }
        public string RootPemFile { get; }
        /// <summary>--resolve entries: every copy, and every other host the pages link to, on 127.0.0.1.</summary>
        public IReadOnlyList<string> Resolve { get; }

        private BenchSites(WebApplication app, List<BenchSite> sites, string rootPem, IReadOnlyList<string> resolve)
        {
            _app = app;
            Sites = sites;
            _byHost = sites.ToDictionary(s => s.Host, StringComparer.OrdinalIgnoreCase);
            RootPemFile = rootPem;
            Resolve = resolve;
        }

        public static async Task<BenchSites> StartAsync(string folder, int count, string temp)
        {
            var originals = Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
                .Select(d => (Folder: d, Json: JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "site.json"))).RootElement))
                .Select(x => (x.Folder, Host: x.Json.GetProperty("host").GetString()!, Kind: x.Json.GetProperty("kind").GetString()!)).ToList();
            var sites = Enumerable.Range(1, count).Select(i =>
            {
                var o = originals[(i - 1) % originals.Count];
                return new BenchSite($"b{i:000}-{o.Host}", o.Kind, o.Folder, o.Host);
            }).ToList();
            var linked = Directory.GetFiles(folder, "*.html", SearchOption.AllDirectories)
                .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"https?://([a-z0-9.-]+\.gov\.vn)").Select(m => m.Groups[1].Value))
                .Distinct(StringComparer.OrdinalIgnoreCase);
            var resolve = sites.Select(s => s.Host).Concat(linked).Distinct(StringComparer.OrdinalIgnoreCase).Select(h => h + ":127.0.0.1").ToList();

            using var rootKey = RSA.Create(2048);
            var rootReq = new CertificateRequest("CN=MinhBach Bench Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            rootReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            rootReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            rootReq.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootReq.PublicKey, false));
            using var root = rootReq.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            var rootPem = Path.Combine(temp, "root.pem");
            await File.WriteAllTextAsync(rootPem, root.ExportCertificatePem());
            using var key = RSA.Create(2048);
            var req = new CertificateRequest("CN=" + sites[0].Host, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            foreach (var s in sites) san.AddDnsName(s.Host);
            req.CertificateExtensions.Add(san.Build());
            req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
            using var signed = req.Create(root.SubjectName, X509SignatureGenerator.CreateForRSA(rootKey, RSASignaturePadding.Pkcs1),
                DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(12));
            using var withKey = signed.CopyWithPrivateKey(key);
            // Through PKCS#12 so that SslStream on Linux can use the key.
            var cert = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, 0);
                k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(cert));
            });
            var app = builder.Build();
            var server = new BenchSites(app, sites, rootPem, resolve);
            app.Run(server.ServeAsync);
            await app.StartAsync();
            var ports = app.Urls.Select(u => new Uri(u)).ToList();
            server.HttpPort = ports.First(u => u.Scheme == "http").Port;
            server.HttpsPort = ports.First(u => u.Scheme == "https").Port;
            return server;
        }

        private async Task ServeAsync(HttpContext ctx)
        {
            if (!_byHost.TryGetValue(ctx.Request.Host.Host, out var site))
            {
                ctx.Response.StatusCode = 404;
                return;
            }
            if (!ctx.Request.IsHttps)
            {
                ctx.Response.Redirect($"https://{site.Host}{ctx.Request.Path}{ctx.Request.QueryString}", permanent: true);
                return;
            }
            var rel = Uri.UnescapeDataString(ctx.Request.Path.Value ?? "/").TrimStart('/');
            if (rel.Contains("..", StringComparison.Ordinal) || rel == "site.json") rel = "-";
            if (rel.Length == 0 || rel.EndsWith('/')) rel += "index.html";
            var file = new[] { rel, rel + ".html", Path.Combine(rel, "index.html") }.Select(c => Path.Combine(site.Folder, c)).FirstOrDefault(File.Exists);
            if (file is null)
            {
                ctx.Response.StatusCode = 404;
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync("<!DOCTYPE html><html lang=\"vi\"><head><title>Không tìm thấy trang</title></head><body><h1>404</h1></body></html>");
                return;
            }
            var ext = Path.GetExtension(file);
            ctx.Response.ContentType = ext is ".xml" or ".rss" ? "application/xml; charset=utf-8" : ext == ".txt" ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
            var bytes = await File.ReadAllBytesAsync(file);
            // Pages are UTF-8 (the old-charset fixture excepted, served as is): the copy's links point at the copy.
            if (ext is ".html" or ".xml" or ".rss" or ".txt" or "" && IsUtf8(bytes))
                bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("//" + site.Original, "//" + site.Host, StringComparison.OrdinalIgnoreCase));
            await ctx.Response.Body.WriteAsync(bytes);
        }

        private static bool IsUtf8(byte[] bytes)
        {
            try
            {
                _ = new UTF8Encoding(false, true).GetString(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
