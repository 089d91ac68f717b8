using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Articles;
using MinhBach.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MinhBach.Tests.Scaling;

/// <summary>A test that needs PostgreSQL and the given Debian programs; skipped, with the reason, without them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute()
    {
        if (Engines.SkipReason(Engines.Redis, Engines.Nginx, Engines.Wrk) is { } reason) Skip = reason;
    }
}

/// <summary>
/// Scale-out mode on real engines, all on loopback: PostgreSQL, Redis, two app nodes run as their own processes (the
/// built executable with `serve`, each with a HOME of its own, as on separate machines), and nginx in front of them
/// with the documented configuration (deploy/nginx).
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const string Editor = "bientap@dongminh.gov.vn";
    private const string Password = "MatKhau2026";
    private const string Title = "Tỉnh Đông Minh công bố kết quả thi tốt nghiệp trung học phổ thông";
    private const string Slug = "cong-bo-ket-qua-thi-tot-nghiep";
    private const string ArticlePath = "/tin-tuc/tin-tuc/" + Slug;
    private static readonly TimeSpan Visible = TimeSpan.FromSeconds(1);

    [ScaleOutFact]
    public async Task Two_nodes_share_publishing_sites_and_sign_in_and_nginx_carries_on_when_one_is_killed_under_load()
    {
        await using var db = await TestDatabase.CreateAsync(Databases.Postgres);
        await using var redis = await RedisServer.StartAsync();
        string[] settings =
        [
            .. db.CommandLineArgs,
            $"--Redis:Configuration={redis.Configuration}",
            "--ForwardedHeaders:KnownProxies:0=127.0.0.1",
            "--Accounts:TwoFactorRequiredFrom=None",
            "--Logging:LogLevel:Default=Warning",
        ];

        // Both nodes start at once on an empty database with --migrate: one upgrades it, the other waits for it.
        var clock = Stopwatch.StartNew();
        await using var a = AppNode.Start("A", settings);
        await using var b = AppNode.Start("B", settings);
        await Task.WhenAll(a.WaitHealthyAsync(TimeSpan.FromMinutes(2)), b.WaitHealthyAsync(TimeSpan.FromMinutes(2)));
        output.WriteLine($"Both nodes up (migrated once) in {clock.Elapsed.TotalSeconds:0.0} s.");

        // The operator's commands, as separate processes too: the new portal reaches both nodes through Redis.
        await RunCommandAsync(settings, "site", "add", "--portal", "--name", "Cổng thông tin điện tử tỉnh Đông Minh", "--kind", "provincial-portal");
        await RunCommandAsync(settings, "user", "add", "--email", Editor, "--name", "Trần Thị Biên", "--password", Password, "--site", "/", "--role", "SiteAdmin");
        var articleId = await SubmittedArticleAsync(db);
        using var home = new HttpClient { BaseAddress = b.BaseAddress };
        await Eventually.WaitAsync(async () => (await home.GetAsync("/")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "the portal on node B");
        Assert.Equal(HttpStatusCode.NotFound, (await home.GetAsync(ArticlePath)).StatusCode);
        // Node B has shown an article page before (its first render compiles the view): the delay below is the publish's.
        Assert.Contains("Lịch tiếp công dân", await home.GetStringAsync("/tin-tuc/tin-tuc/lich-tiep-cong-dan"));

        // Publish on node A through its administration; read on node B.
        using var onA = new AdminClient(a.BaseAddress);
        await onA.SignInFullyAsync(Editor, Password);
        int version;
        await using (var read = db.CreateDbContext())
            version = await read.Articles.IgnoreQueryFilters().Where(x => x.Id == articleId).Select(x => x.Version).SingleAsync();
        using (var approve = await onA.PostFormAsync($"/quan-tri/tin-bai/{articleId}?handler=Approve", ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            Assert.True(approve.StatusCode == HttpStatusCode.Redirect, $"Approve answered {(int)approve.StatusCode}: {await approve.Content.ReadAsStringAsync()}");
        var published = await DelayUntilAsync(home, ArticlePath, Title);
        output.WriteLine($"Publish on node A visible on node B after {published.TotalMilliseconds:0} ms.");
        Assert.True(published < Visible, $"The article appeared on node B {published.TotalMilliseconds:0} ms after node A published it.");

        // A site change on node A (the agency name in every page's header) is on node B at once, not at its 5-second reload.
        const string agency = "Văn phòng Ủy ban nhân dân tỉnh Đông Minh";
        var form = await SettingsFormAsync(onA, ("Form.AgencyName", agency), ("Form.Email", "vanphong@dongminh.gov.vn"));
        using (var save = await onA.PostFormAsync("/quan-tri/cai-dat", form))
            Assert.True(save.StatusCode == HttpStatusCode.Redirect, $"Settings answered {(int)save.StatusCode}: {await save.Content.ReadAsStringAsync()}");
        var renamed = await DelayUntilAsync(home, "/", agency);
        output.WriteLine($"Site change on node A visible on node B after {renamed.TotalMilliseconds:0} ms.");
        Assert.True(renamed < Visible, $"The new agency name appeared on node B {renamed.TotalMilliseconds:0} ms after node A saved it.");

        // Signed in on node A, still signed in on node B: one key ring in Redis, one application name.
        using var onB = new AdminClient(b.BaseAddress);
        onB.Cookies.Add(onA.Cookies.GetAllCookies());
        using (var admin = await onB.GetAsync("/quan-tri"))
            Assert.True(admin.StatusCode == HttpStatusCode.OK, $"Node B answered {(int)admin.StatusCode} {admin.Headers.Location} to node A's sign-in cookie.");

        // nginx in front of both; node A killed (SIGKILL) a few seconds into a bounded wrk run on the article.
        await using var nginx = await Nginx.StartAsync([a, b]);
        using (var warm = new HttpClient { BaseAddress = nginx.BaseAddress })
            for (var i = 0; i < 4; i++) Assert.Contains(Title, await warm.GetStringAsync(ArticlePath));
        var run = WrkResult.RunAsync(new Uri(nginx.BaseAddress, ArticlePath), threads: 2, connections: 8, TimeSpan.FromSeconds(12));
        await Task.Delay(TimeSpan.FromSeconds(4));
        a.Kill();
        var result = await run;

        var log = await File.ReadAllLinesAsync(nginx.AccessLog);
        // Each line: status, the node(s) tried ("127.0.0.1:A, 127.0.0.1:B" when nginx moved on to the next), their statuses.
        var byA = log.Count(l => l.Split(' ') is [_, var node, _] && node == $"127.0.0.1:{a.Port}");
        var retried = log.Count(l => l.Contains(", ", StringComparison.Ordinal));
        output.WriteLine($"wrk through nginx, node A killed after 4 s: {result.Requests} requests, {result.RequestsPerSecond:0.0} requests/s, " +
            $"{result.Non2xx3xx} non-2xx/3xx, {result.SocketErrors} socket errors, error rate {result.ErrorRate:P3}; " +
            $"nginx log: {log.Length} lines, {byA} answered by node A, {retried} retried on the other node.");
        Assert.True(result.Requests >= 20, $"wrk made only {result.Requests} requests:\n{result.Output}");
        Assert.True(byA > 0, "Node A answered nothing before it was killed: nginx did not balance across both nodes.");
        Assert.True(result.ErrorRate < 0.001, $"Error rate {result.ErrorRate:P3} ({result.Errors} of {result.Requests}):\n{result.Output}");
        Assert.Contains(Title, await home.GetStringAsync(ArticlePath));
    }

    /// <summary>How long until GET path on the client answers 200 with the text, polling every 20 ms.</summary>
    private static async Task<TimeSpan> DelayUntilAsync(HttpClient http, string path, string text)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var r = await http.GetAsync(path);
            if (r.StatusCode == HttpStatusCode.OK && (await r.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal)) return watch.Elapsed;
            if (watch.Elapsed > TimeSpan.FromSeconds(15)) Assert.Fail($"{path} never showed \"{text}\" (last: {(int)r.StatusCode}).");
            await Task.Delay(20);
        }
    }

    /// <summary>A portal category, a published article and one a contributor sent for review, written as the import of an old site would.</summary>
    private static async Task<int> SubmittedArticleAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var portal = await db.Sites.SingleAsync(s => s.Slug == "");
        var category = new Category { SiteId = portal.Id, Slug = "tin-tuc", Name = "Tin tức" };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        var article = new Article
        {
            SiteId = portal.Id, CategoryId = category.Id, Title = Title, Slug = Slug, Summary = "Kết quả thi của 14.203 thí sinh.",
            Body = "<p>Sở Giáo dục và Đào tạo công bố kết quả thi.</p>", Author = "Phòng Khảo thí", PublishedAt = now, UpdatedAt = now,
            Status = ArticleStatus.Submitted,
        };
        db.Articles.Add(article);
        db.Articles.Add(new Article
        {
            SiteId = portal.Id, CategoryId = category.Id, Title = "Lịch tiếp công dân tháng này", Slug = "lich-tiep-cong-dan",
            Summary = "Lịch tiếp công dân.", Body = "<p>Lịch tiếp công dân.</p>", Author = "Văn phòng", PublishedAt = now, UpdatedAt = now,
            Status = ArticleStatus.Published,
        });
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>The settings form as the page shows it, with some fields changed.</summary>
    private static async Task<(string, string)[]> SettingsFormAsync(AdminClient client, params (string Name, string Value)[] changes)
    {
        var form = (await client.GetHtmlAsync("/quan-tri/cai-dat")).QuerySelector("form[method='post'] input[name='Form.Name']")!.Closest("form")!;
        var fields = new List<(string, string)>();
        foreach (var input in form.QuerySelectorAll("input[name^='Form.'], textarea[name^='Form.'], select[name^='Form.']"))
        {
            var name = input.GetAttribute("name")!;
            var value = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ when input.GetAttribute("type") == "checkbox" => input.HasAttribute("checked") ? "true" : null,
                _ => input.GetAttribute("value") ?? "",
            };
            if (value is not null && changes.All(c => c.Name != name)) fields.Add((name, value));
        }
        return [.. fields, .. changes];
    }

    /// <summary>Runs the app's own executable with a verb (as `./minhbach VERB` does).</summary>
    private static async Task RunCommandAsync(IEnumerable<string> settings, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "minhbach"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in args.Concat(settings)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', args)} → exit {process.ExitCode}\n{await stdout}\n{await stderr}");
    }
}
