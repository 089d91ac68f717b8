using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Accounts;
using MinhBach.Features.Caching;
using MinhBach.Features.Public;
using MinhBach.Features.Questions;
using MinhBach.Features.Sites;
using MinhBach.Tests.Caching;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;
using MinhBach.Tests.Scaling;
using Xunit.Abstractions;

namespace MinhBach.Tests.Operations;

/// <summary>The database stops answering while the app runs, then comes back (<see cref="DatabaseSwitch"/>).</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const string Editor = "bientap@dongminh.gov.vn";
    private const string Password = "MatKhau2026";
    private const string DatabaseAway = "Cơ sở dữ liệu đang tạm ngừng";

    private static async Task<(TestApp App, DatabaseSwitch Switch)> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var sw = DatabaseSwitch.For(db);
        var all = new Dictionary<string, string?>(sw.Settings) { ["Accounts:TwoFactorRequiredFrom"] = "None" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var app = await TestApp.StartOnAsync(db, all);
        return (app, sw);
    }

    private static void AssertDatabaseAwayPage(HttpStatusCode status, string body, string what)
    {
        Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{what} answered {(int)status} while the database was away.");
        Assert.Contains(DatabaseAway, body);
        Assert.Contains("chưa được lưu", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }

    [PostgresFact]
    public async Task While_the_database_is_away_pages_say_so_in_Vietnamese_and_the_app_recovers_by_itself()
    {
        var (app, sw) = await StartAsync(Databases.Postgres);
        await using var running = app;
        var rich = await RichSite.CreateAsync(app);
        app.Services.GetRequiredService<SiteDirectory>().Invalidate();
        var article = "/tin-tuc/" + rich.Categories[0].Slug;
        await app.GetStringAsync(article);
        app.ExpectServerErrors();

        await sw.StopAsync();
        try
        {
            var down = await Eventually.WaitAsync(async () =>
            {
                using var r = await app.GetAsync(article + "?lan=" + Guid.NewGuid().ToString("N"));
                return (r.StatusCode, Body: await r.Content.ReadAsStringAsync());
            }, r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "a 503 while the database is away");
            AssertDatabaseAwayPage(down.StatusCode, down.Body, "A page never cached");
            using var ready = await app.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            await sw.StartAsync();
        }

        // No restart, no command: the next requests are served again.
        await Eventually.WaitAsync(async () => (await app.GetAsync(article)).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the page to be served again");
        await Eventually.WaitAsync(async () => (await app.GetAsync("/readyz")).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the node to be ready again");
    }

    /// <summary>
    /// Stale-if-error: every page in the cache is still served, with the bytes it was cached with, after its lifetime ended,
    /// while the database is away; a page never cached gets the Vietnamese 503; once the database is back, pages are
    /// rendered afresh without anyone doing anything.
    /// </summary>
    [DatabaseTheory]
    public async Task Cached_pages_are_served_past_their_lifetime_while_the_database_is_away_and_fresh_once_it_is_back(string provider)
    {
        const int lifetime = 2;
        var (app, sw) = await StartAsync(provider, new Dictionary<string, string?> { ["PageCache:Seconds"] = $"{lifetime}", ["PageCache:SearchSeconds"] = $"{lifetime}" });
        await using var running = app;
        var rich = await RichSite.CreateAsync(app);
        app.Services.GetRequiredService<SiteDirectory>().Invalidate();
        var metrics = app.Services.GetRequiredService<PageCacheMetrics>();

        // Every public page twice: those the second answer came from the cache for (it carries Age) are the cached ones.
        var cached = new Dictionary<string, string>();
        foreach (var page in rich.PublicPages.Where(p => p.Status == 200))
        {
            using (var first = await app.GetAsync(page.Path)) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            await metrics.AllStoredAsync();
            using var second = await app.GetAsync(page.Path);
            if (second.StatusCode == HttpStatusCode.OK && second.Headers.Age is not null)
                cached[page.Path] = await second.Content.ReadAsStringAsync();
        }
        output.WriteLine($"{cached.Count} of {rich.PublicPages.Count} public pages cached: {string.Join(", ", cached.Keys)}");
        var article = RichSite.ArticlePath(rich.Sourced);
        foreach (var path in new[] { "/", ContentUrls.Category(rich.NewsCategory.Slug), article, ContentUrls.Documents, ContentUrls.Intro(rich.Intro.Slug), "/so-khcn/" })
            Assert.True(cached.ContainsKey(path), $"{path} was not cached.");

        // Changed behind the cache's back (no eviction): the copy in the cache is now outdated, and then past its lifetime.
        const string newTitle = "Tiêu đề đã sửa sau khi trang được lưu đệm";
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Articles\" SET \"Title\" = {newTitle} WHERE \"Id\" = {rich.Sourced.Id}"));
        await Task.Delay(TimeSpan.FromSeconds(lifetime + 1));

        app.ExpectServerErrors();
        await sw.StopAsync();
        try
        {
            var staleBefore = metrics.Stale;
            foreach (var (path, body) in cached)
            {
                using var r = await app.GetAsync(path);
                var text = await r.Content.ReadAsStringAsync();
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)r.StatusCode} while the database was away: {text[..Math.Min(text.Length, 300)]}");
                Assert.Equal(body, text);
                Assert.True(r.Headers.Age >= TimeSpan.FromSeconds(lifetime), $"{path}: Age {r.Headers.Age}");
                Assert.Contains(r.Headers.GetValues("Warning"), w => w.StartsWith("110", StringComparison.Ordinal));
            }
            Assert.Equal(cached.Count, metrics.Stale - staleBefore);
            Assert.DoesNotContain(newTitle, cached[article]);

            using (var never = await app.GetAsync(article + "?lan=" + Guid.NewGuid().ToString("N")))
                AssertDatabaseAwayPage(never.StatusCode, await never.Content.ReadAsStringAsync(), "A page never cached");
        }
        finally
        {
            await sw.StartAsync();
        }

        // Back: the outdated copies give way to fresh pages by themselves.
        var fresh = await Eventually.WaitAsync(async () =>
        {
            using var r = await app.GetAsync(article);
            return (r.StatusCode, Body: await r.Content.ReadAsStringAsync(), Stale: r.Headers.Contains("Warning"));
        }, r => r.StatusCode == HttpStatusCode.OK && r.Body.Contains(newTitle), TimeSpan.FromSeconds(30), "the article rendered afresh");
        Assert.False(fresh.Stale);
        using (var home = await app.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.False(home.Headers.Contains("Warning"));
        }
    }

    /// <summary>Scale-out: the copy kept past its lifetime lives in Redis, so a node that never rendered the page serves it
    /// while the database is away.</summary>
    [ScaleOutFact]
    public async Task With_Redis_a_page_one_node_cached_is_served_by_another_while_the_database_is_away()
    {
        await using var redis = await RedisServer.StartAsync();
        var db = await TestDatabase.CreateAsync(Databases.Postgres);
        var sw = DatabaseSwitch.For(db);
        await using var a = await TestApp.StartOnAsync(db, new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration, ["PageCache:Seconds"] = "2" });
        await using var b = await a.StartNodeAsync();
        var rich = await RichSite.CreateAsync(a);
        // Both nodes know the new site before the outage, as running nodes do: a node resolves sites from what it read last.
        foreach (var node in new[] { a, b })
        {
            var sites = node.Services.GetRequiredService<SiteDirectory>();
            sites.Invalidate();
            await sites.GetAsync();
        }
        // The same public address on both nodes, as behind nginx.
        const string host = "congthongtin.dongminh.gov.vn";
        var article = RichSite.ArticlePath(rich.Sourced);
        var cached = await a.GetStringAsync(article, host);
        await Task.Delay(TimeSpan.FromSeconds(3));

        a.ExpectServerErrors();
        b.ExpectServerErrors();
        await sw.StopAsync();
        try
        {
            using var r = await b.GetAsync(article, host);
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"Node B answered {(int)r.StatusCode} while the database was away: {body[..Math.Min(body.Length, 300)]}");
            Assert.Equal(cached, body);
            Assert.True(r.Headers.Contains("Warning"));
        }
        finally
        {
            await sw.StartAsync();
        }
        await Eventually.WaitAsync(async () =>
        {
            using var r = await b.GetAsync(article, host);
            return (r.StatusCode, Stale: r.Headers.Contains("Warning"));
        }, r => r.StatusCode == HttpStatusCode.OK && !r.Stale, TimeSpan.FromSeconds(30), "node B rendering the page afresh");
    }

    /// <summary>
    /// A citizen's question and an editor's save posted while the database is away get the Vietnamese 503 and leave
    /// nothing behind (no row, no file, no audit entry); the administration says what is wrong; once the database is back,
    /// the very same posts go through.
    /// </summary>
    [DatabaseTheory]
    public async Task Posts_made_while_the_database_is_away_are_refused_in_Vietnamese_and_go_through_once_it_is_back(string provider)
    {
        var (app, sw) = await StartAsync(provider, new Dictionary<string, string?> { ["RateLimits:PublicFormPerMinute"] = "100000" });
        await using var running = app;
        await app.CreatePortalAsync();
        await app.CreateUserAsync(Editor, Password, "Trần Thị Biên");
        await app.GrantAsync(Editor, "", SiteRole.Editor);
        app.Services.GetRequiredService<SiteDirectory>().Invalidate();

        using var editor = new AdminClient(app);
        await editor.SignInFullyAsync(Editor, Password);
        var adminToken = await editor.AntiforgeryTokenAsync("/quan-tri/lien-ket/moi");
        (string, string)[] link = [("Form.Kind", "PublicService"), ("Form.Title", "Cổng dịch vụ công tỉnh"), ("Form.Url", "https://dichvucong.dongminh.gov.vn"), ("Form.Order", "1")];
        Task<HttpResponseMessage> SaveLinkAsync() => editor.PostFormWithoutTokenAsync("/quan-tri/lien-ket/moi",
            link.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new(AdminClient.TokenField, adminToken)));

        using var citizen = new AdminClient(app);
        var citizenToken = await citizen.AntiforgeryTokenAsync(QuestionUrls.Ask);
        var question = QnaWorld.Fields();
        var attachment = TestImages.Png(40, 30, transparent: false);
        Task<HttpResponseMessage> AskAsync()
        {
            var form = new Multipart();
            foreach (var (k, v) in question) form.Field(k, v);
            form.File("Attachment", "anh-chup.png", attachment, "image/png");
            form.Field(AdminClient.TokenField, citizenToken);
            return citizen.Http.PostAsync(QuestionUrls.Ask, form.ToContent());
        }
        var files = Path.Combine(app.Database.Folder, "files");
        int FileCount() => Directory.Exists(files) ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Count() : 0;
        var (auditBefore, filesBefore) = (await app.WithDbAsync(db => db.AuditEntries.CountAsync()), FileCount());

        app.ExpectServerErrors();
        await sw.StopAsync();
        try
        {
            using (var r = await AskAsync())
                AssertDatabaseAwayPage(r.StatusCode, await r.Content.ReadAsStringAsync(), "The question form");
            using (var r = await SaveLinkAsync())
                AssertDatabaseAwayPage(r.StatusCode, await r.Content.ReadAsStringAsync(), "Saving a link");
            using (var r = await editor.GetAsync("/quan-tri/lien-ket"))
                AssertDatabaseAwayPage(r.StatusCode, await r.Content.ReadAsStringAsync(), "The administration");
            using (var r = await editor.GetAsync("/quan-tri"))
            {
                var body = await r.Content.ReadAsStringAsync();
                AssertDatabaseAwayPage(r.StatusCode, body, "The dashboard");
                Assert.Contains("Hệ thống tạm thời không truy cập được dữ liệu", body);
                Assert.Equal("30", r.Headers.RetryAfter?.ToString());
            }
        }
        finally
        {
            await sw.StartAsync();
        }

        // Nothing was written, not even in part: no question, no link, no audit entry, no attachment file left behind.
        Assert.Equal(0, await app.WithDbAsync(db => db.Questions.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteLinks.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(filesBefore, FileCount());

        // The same posts once the database is back (the form as the visitor still has it on screen).
        var asked = await Eventually.WaitAsync(async () =>
        {
            using var r = await AskAsync();
            return (r.StatusCode, Body: await r.Content.ReadAsStringAsync());
        }, r => r.StatusCode != HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "the question form to work again");
        Assert.True(asked.StatusCode == HttpStatusCode.OK, $"The question form answered {(int)asked.StatusCode}: {asked.Body}");
        var code = QnaWorld.CodePattern().Match(asked.Body).Value;
        var stored = await app.WithDbAsync(db => db.Questions.IgnoreQueryFilters().AsNoTracking().SingleAsync());
        Assert.Equal(code, stored.Code);
        Assert.True(File.Exists(Path.Combine(files, stored.AttachmentPath!)), $"The attachment {stored.AttachmentPath} is not stored.");
        using (var r = await SaveLinkAsync())
            Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"Saving the link answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        Assert.Equal(1, await app.WithDbAsync(db => db.SiteLinks.IgnoreQueryFilters().CountAsync()));
        Assert.Contains("Cổng dịch vụ công tỉnh", await app.GetStringAsync("/"));
    }
}
