using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Cli;

/// <summary>`./minhbach site add`: bad input gets a clear Vietnamese error and changes nothing.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SiteAddCommandTests
{
    private static async Task<TestDatabase> PortalDatabaseAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await database.MigrateAsync();
            await using var db = database.CreateDbContext();
            db.Sites.Add(new Site { Slug = "", Name = "Cổng thông tin điện tử tỉnh Đông Minh", KindCode = "provincial-portal", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static Task<CliResult> SiteAddAsync(TestDatabase database, params string[] args) =>
        Infrastructure.Cli.RunAsync([.. new[] { "site", "add" }, .. args, .. database.CommandLineArgs]);

    private static async Task<List<string>> SlugsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Sites.OrderBy(s => s.Id).Select(s => s.Slug).ToListAsync();
    }

    [DatabaseTheory]
    public async Task A_bad_slug_is_refused_in_Vietnamese_and_changes_nothing(string provider)
    {
        await using var database = await PortalDatabaseAsync(provider);

        var result = await SiteAddAsync(database, "--slug", "Sở A", "--name", "Sở A", "--kind", "department");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Không thêm được trang", result.Errors);
        Assert.Contains("Đường dẫn \"Sở A\" không hợp lệ", result.Errors);
        Assert.Equal([""], await SlugsAsync(database));
    }

    [DatabaseTheory]
    public async Task A_reserved_slug_is_refused(string provider)
    {
        await using var database = await PortalDatabaseAsync(provider);

        var result = await SiteAddAsync(database, "--slug", "tin-tuc", "--name", "Tin tức", "--kind", "department");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("trùng với một mục của cổng", result.Errors);
        Assert.Equal([""], await SlugsAsync(database));
    }

    [DatabaseTheory]
    public async Task An_unknown_kind_is_refused_in_Vietnamese_and_changes_nothing(string provider)
    {
        await using var database = await PortalDatabaseAsync(provider);

        var result = await SiteAddAsync(database, "--slug", "so-a", "--name", "Sở A", "--kind", "bo-nganh", "--host", "soa.tinh.gov.vn");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Loại đơn vị \"bo-nganh\" không có trong danh mục", result.Errors);
        Assert.Equal([""], await SlugsAsync(database));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.SiteHosts.CountAsync());
    }

    [DatabaseTheory]
    public async Task A_second_portal_is_refused_and_changes_nothing(string provider)
    {
        await using var database = await PortalDatabaseAsync(provider);

        var result = await SiteAddAsync(database, "--portal", "--name", "Cổng thứ hai", "--kind", "provincial-portal");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("mỗi hệ thống chỉ có một cổng", result.Errors);
        await using var db = database.CreateDbContext();
        Assert.Equal(["Cổng thông tin điện tử tỉnh Đông Minh"], await db.Sites.Select(s => s.Name).ToListAsync());
    }

    [DatabaseTheory]
    public async Task A_database_that_was_never_migrated_is_not_touched(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await SiteAddAsync(database, "--slug", "so-a", "--name", "Sở A", "--kind", "department");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Cơ sở dữ liệu chưa được nâng cấp", result.Errors);
        await using var db = database.CreateDbContext();
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
    }

    [DatabaseTheory]
    public async Task A_valid_site_is_added_under_the_portal(string provider)
    {
        await using var database = await PortalDatabaseAsync(provider);

        // Configuration arguments (appended after the options) must not be taken for more host names.
        var result = await SiteAddAsync(database, "--slug", "so-a", "--name", "Sở Khoa học và Công nghệ", "--kind", "department",
            "--host", "SoA.Tinh.Gov.VN", "--host", "khcn.tinh.gov.vn");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Đã thêm trang \"Sở Khoa học và Công nghệ\" tại /so-a/", result.Output);
        await using var db = database.CreateDbContext();
        var site = await db.Sites.Include(s => s.Hosts).SingleAsync(s => s.Slug == "so-a");
        var portal = await db.Sites.SingleAsync(s => s.Slug == "");
        Assert.Equal(portal.Id, site.ParentId);
        Assert.Equal(["khcn.tinh.gov.vn", "soa.tinh.gov.vn"], site.Hosts.Select(h => h.Host).Order());
    }

    [DatabaseTheory]
    public async Task A_site_added_by_the_CLI_is_served_by_a_running_server_within_seconds(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync();
        using (var before = await app.GetAsync("/so-a/rss/tin-moi.xml"))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        // Another process as far as the server knows: its own host, its own caches.
        var result = await SiteAddAsync(app.Database, "--slug", "so-a", "--name", "Sở Khoa học và Công nghệ", "--kind", "department");
        Assert.True(result.ExitCode == 0, result.ToString());

        await Eventually.WaitAsync(async () => { using var r = await app.GetAsync("/so-a/rss/tin-moi.xml"); return r.StatusCode; },
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "the site added by the CLI answers at /so-a/");
        var rss = XDocument.Parse(await app.GetStringAsync("/so-a/rss/tin-moi.xml"));
        Assert.Equal("Sở Khoa học và Công nghệ - Tin mới", rss.Root!.Element("channel")!.Element("title")!.Value);
    }
}
