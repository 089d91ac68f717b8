using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;
using MinhBach.Hosting;
using MinhBach.Text;

namespace MinhBach.Tests.Infrastructure;

/// <summary>
/// The real app (WebHost.Build, the same as `serve`) on a loopback port with its own fresh database.
/// Disposing it stops the server, drops the database, and fails the test if the server logged an error
/// (unless the test said it expects some).
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;
    private bool _errorsExpected;
    private bool _stopped;

    private TestApp(WebApplication app, TestDatabase database, CapturedLogs logs, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase)
    {
        _app = app;
        Database = database;
        Logs = logs;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
    }

    public TestDatabase Database { get; }
    public CapturedLogs Logs { get; }
    public IServiceProvider Services => _app.Services;
    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }
    /// <summary>Does not follow redirects, so tests can assert them.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the app on a fresh, migrated database of the given provider ("sqlite" or "postgres"),
    /// with extra configuration if given (e.g. ["Accounts:TwoFactorRequiredFrom"] = "None").</summary>
    public static async Task<TestApp> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(provider), settings, services);

    /// <summary>Starts the app on a database the test made (e.g. one owned by a role without superuser rights), migrated first;
    /// the app owns it from then on.</summary>
    public static async Task<TestApp> StartOnAsync(TestDatabase db, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        try
        {
            await db.MigrateAsync();
            // Every test signs in from 127.0.0.1; the per-address limit is tested on its own with a low setting.
            var all = new Dictionary<string, string?>(db.Settings) { ["RateLimits:SignInPerMinute"] = "100000" };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
            return await StartAsync(db, all, services: services);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the app pointed at a database that cannot be reached (nothing is migrated). The scheduler keeps
    /// its schedule in memory: the clustered store on PostgreSQL refuses to start without its database.</summary>
    public static async Task<TestApp> StartWithUnreachableDatabaseAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var key = provider == Databases.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite";
        var settings = new Dictionary<string, string?>(db.Settings) { [key] = db.UnreachableConnectionString, ["Scheduling:Store"] = "Memory" };
        try
        {
            return await StartAsync(db, settings);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Another node of the same deployment: a second host on this app's database, with the same settings (and
    /// <paramref name="settings"/> on top). Disposing it leaves the database alone, so dispose it before this app
    /// (declare it after, with `await using`).
    /// </summary>
    public Task<TestApp> StartNodeAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return StartAsync(Database, all, ownsDatabase: false);
    }

    /// <summary>Stops the server (as a node being shut down) and keeps the database for the other nodes;
    /// disposing still checks the logs and drops the database.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
    }

    /// <param name="services">Registrations made before the app's own (e.g. a <see cref="ManualClock"/> as TimeProvider).</param>
    private static async Task<TestApp> StartAsync(TestDatabase db, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase = true, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturedLogs();
        // No configuration reload: a test host reads its settings once (and holds no file watcher for them).
        var app = WebHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--hostBuilder:reloadConfigOnChange=false"], b =>
        {
            // Razor Pages are found in the application's assembly; under a test runner the entry assembly is the runner's.
            b.Environment.ApplicationName = typeof(WebHost).Assembly.GetName().Name!;
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
            b.Logging.SetMinimumLevel(LogLevel.Information);
            b.Logging.AddProvider(logs);
            b.Services.AddTransient<IStartupFilter, SiteProbe>();
            services?.Invoke(b.Services);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new TestApp(app, db, logs, settings, ownsDatabase);
    }

    /// <summary>Response header naming the site that handled the request: "/" for the portal, "/so-a/" for a site,
    /// absent when none did. Lets a test tell who answered even a 404.</summary>
    public const string SiteHeader = "X-Test-Site";

    /// <summary>For tests that break something on purpose: server errors no longer fail the test.</summary>
    public void ExpectServerErrors() => _errorsExpected = true;

    public async Task<HttpResponseMessage> GetAsync(string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null) request.Headers.Host = host;
        return await Http.SendAsync(request);
    }

    /// <summary>GET that must answer 200; returns the body.</summary>
    public async Task<string> GetStringAsync(string path, string? host = null)
    {
        using var response = await GetAsync(path, host);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {path}{(host is null ? "" : " (Host: " + host + ")")} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    // --- Content, written directly to the database --------------------------------------------------

    /// <summary>Runs work on a fresh scope's AppDb (no current site: reads need IgnoreQueryFilters).</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    public Task<Site> CreatePortalAsync(string name = "Cổng thông tin điện tử tỉnh Đông Minh", string? host = null) =>
        AddSiteCoreAsync("", name, "provincial-portal", host, parentId: null);

    /// <summary>A component site under the portal (if there is one), served at /{slug}/ and at its host if given.</summary>
    public async Task<Site> AddSiteAsync(string slug, string name, string kind = "department", string? host = null)
    {
        var portalId = await WithDbAsync(db => db.Sites.Where(s => s.Slug == "" && s.ParentId == null).Select(s => (int?)s.Id).FirstOrDefaultAsync());
        return await AddSiteCoreAsync(slug, name, kind, host, portalId);
    }

    /// <summary>Marks a site as merged into another: its addresses then redirect there.</summary>
    public async Task MergeSiteAsync(Site site, Site into)
    {
        await WithDbAsync(async db =>
        {
            var s = await db.Sites.SingleAsync(x => x.Id == site.Id);
            s.Status = SiteStatus.Merged;
            s.MergedIntoId = into.Id;
            return await db.SaveChangesAsync();
        });
        Services.GetRequiredService<SiteDirectory>().Invalidate();
    }

    public Task<Category> AddCategoryAsync(Site site, string slug, string name) =>
        WithDbAsync(async db =>
        {
            var c = new Category { SiteId = site.Id, Slug = slug, Name = name };
            db.Categories.Add(c);
            await db.SaveChangesAsync();
            return c;
        });

    public Task<Article> AddArticleAsync(Site site, Category category, string title, string? slug = null,
        ArticleStatus status = ArticleStatus.Published, DateTime? publishedAt = null) =>
        WithDbAsync(async db =>
        {
            var when = publishedAt ?? DateTime.UtcNow;
            var a = new Article
            {
                SiteId = site.Id,
                CategoryId = category.Id,
                Title = title,
                Slug = slug ?? VietnameseText.Slugify(title),
                Summary = "Tóm tắt: " + title,
                Body = "<p>" + title + "</p>",
                Author = "Phóng viên",
                PublishedAt = when,
                UpdatedAt = when,
                Status = status,
            };
            db.Articles.Add(a);
            await db.SaveChangesAsync();
            return a;
        });

    // --- Accounts, through AccountService (each change writes its audit entry) -------------------------

    /// <summary>Who the account helpers act as in the audit trail.</summary>
    public static readonly AuditActor TestActor = new(null, "kiểm thử", "127.0.0.1");

    public async Task<AppUser> CreateUserAsync(string email, string password, string? fullName = null,
        bool systemAdmin = false, bool provinceReviewer = false, AuditActor? actor = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var (user, _) = await accounts.CreateAsync(
            new AccountService.NewUser(email, fullName ?? "Người dùng " + email, password, systemAdmin, provinceReviewer), actor ?? TestActor);
        return user;
    }

    /// <summary>Gives the user a role on the site ("" for the portal).</summary>
    public async Task GrantAsync(string email, string siteSlug, SiteRole role, AuditActor? actor = null)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>().GrantAsync(email, siteSlug, role, actor ?? TestActor);
    }

    /// <summary>Runs work with a fresh scope's UserManager.</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    /// <summary>The user's TOTP key (Base32), as the authenticator app would hold it; null before one was made.</summary>
    public Task<string?> AuthenticatorKeyAsync(string email) =>
        WithUsersAsync(async users => await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!));

    /// <summary>Turns TOTP on directly (as if done on the security page); returns the key.</summary>
    public Task<string> EnableTwoFactorAsync(string email) =>
        WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });

    private async Task<Site> AddSiteCoreAsync(string slug, string name, string kind, string? host, int? parentId)
    {
        var site = await WithDbAsync(async db =>
        {
            var s = new Site
            {
                Slug = slug,
                Name = name,
                AgencyName = name,
                KindCode = kind,
                ParentId = parentId,
                Order = await db.Sites.CountAsync(),
                Email = "vanphong@" + (host ?? "tinh.gov.vn"),
                CreatedAt = DateTime.UtcNow,
                Hosts = host is null ? [] : [new SiteHost { Host = host }],
            };
            db.Sites.Add(s);
            await db.SaveChangesAsync();
            return s;
        });
        Services.GetRequiredService<SiteDirectory>().Invalidate();
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            if (_ownsDatabase) await Database.DisposeAsync();
        }
        var errors = Logs.AtLeast(LogLevel.Error);
        if (!_errorsExpected && errors.Count > 0)
            Assert.Fail($"The server logged {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors));
    }

    private sealed class SiteProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Response.OnStarting(() =>
                {
                    if (http.RequestServices.GetService<CurrentSite>()?.Site is { } site)
                        http.Response.Headers[SiteHeader] = site.Slug.Length == 0 ? "/" : $"/{site.Slug}/";
                    return Task.CompletedTask;
                });
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
