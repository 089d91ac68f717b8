using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MinhBach.Features.Articles;
using MinhBach.Features.Scheduling;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;
using Quartz;

namespace MinhBach.Tests.Scheduling;

/// <summary>
/// Scheduled publishing through Quartz: in memory on SQLite (one node); on PostgreSQL in the clustered database
/// store (qrtz_* tables from the QuartzStore migration), where several nodes share the schedule, each firing runs on
/// one node, and a node that stops leaves the work to the others.
/// </summary>
public sealed class ScheduledPublishingTests
{
    /// <summary>The publish job every second and a check-in every second, so a test sees several firings quickly.</summary>
    private static readonly IReadOnlyDictionary<string, string?> Fast = new Dictionary<string, string?>
    {
        ["Scheduling:PublishCheckSeconds"] = "1",
        ["Scheduling:ClusterCheckinSeconds"] = "1",
        // The job says which scheduled firing it runs (see FiringsAsync).
        [$"Logging:LogLevel:{typeof(SchedulingSetup).Namespace}"] = "Debug",
    };

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task Two_nodes_on_one_database_publish_a_scheduled_article_once_and_one_carries_on_when_the_other_stops()
    {
        await using var first = await TestApp.StartAsync(Databases.Postgres, Fast);
        await using var second = await first.StartNodeAsync();
        TestApp[] nodes = [first, second];

        // One cluster: the same scheduler name, the database store, an id of each node's own, both checked in.
        var meta = await Task.WhenAll(nodes.Select(MetadataAsync));
        Assert.All(meta, m =>
        {
            Assert.Equal(SchedulingSetup.SchedulerName, m.SchedulerName);
            Assert.True(m.JobStorePersistent, m.JobStoreTypeName);
            Assert.True(m.JobStoreClustered, m.JobStoreTypeName);
        });
        Assert.NotEqual(meta[0].SchedulerInstanceId, meta[1].SchedulerInstanceId);
        await Eventually.WaitAsync(() => CheckedInAsync(first), ids => meta.All(m => ids.Contains(m.SchedulerInstanceId)),
            Patience, "both nodes checked in to qrtz_scheduler_state");

        // Each scheduled firing runs on one node only (each node on its own schedule would run every one twice).
        var before = Firings(nodes).Count;
        await Eventually.WaitAsync(() => Task.FromResult(Firings(nodes).Count), n => n >= before + 5, Patience, "five firings with both nodes up");
        AssertEachFiringRanOnce(nodes);

        // An article due in a moment is published once, at its time, however many firings follow.
        var portal = await first.CreatePortalAsync();
        var category = await first.AddCategoryAsync(portal, "tin-tuc", "Tin tức");
        var one = await ScheduleAsync(first, portal, category, "Khai mạc hội chợ thương mại tỉnh", TimeSpan.FromSeconds(3));
        await WaitPublishedAsync(first, one);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await AssertPublishedOnceAsync(first, one);

        // The node that published it stops; the other publishes the next article alone.
        var publisher = nodes.Single(n => n.Logs.Entries.Any(e => e.Message.StartsWith("Đã xử lý", StringComparison.Ordinal)));
        var survivor = nodes.Single(n => n != publisher);
        await publisher.StopAsync();
        var two = await ScheduleAsync(survivor, portal, category, "Tổng kết hội chợ thương mại tỉnh", TimeSpan.FromSeconds(2));
        await WaitPublishedAsync(survivor, two);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await AssertPublishedOnceAsync(survivor, two);
        await AssertPublishedOnceAsync(survivor, one);
        Assert.Contains(survivor.Logs.Entries, e => e.Message.StartsWith("Đã xử lý", StringComparison.Ordinal));
        Assert.Contains((await MetadataAsync(survivor)).SchedulerInstanceId, await CheckedInAsync(survivor));
        AssertEachFiringRanOnce(nodes);
    }

    [Fact]
    public async Task On_SQLite_the_schedule_is_kept_in_memory_and_a_scheduled_article_is_published_once()
    {
        await using var app = await TestApp.StartAsync(Databases.Sqlite, Fast);
        var meta = await MetadataAsync(app);
        Assert.False(meta.JobStorePersistent, meta.JobStoreTypeName);
        Assert.False(meta.JobStoreClustered, meta.JobStoreTypeName);

        var portal = await app.CreatePortalAsync();
        var category = await app.AddCategoryAsync(portal, "tin-tuc", "Tin tức");
        var article = await ScheduleAsync(app, portal, category, "Lịch tiếp công dân tháng mười hai", TimeSpan.FromSeconds(2));
        await WaitPublishedAsync(app, article);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await AssertPublishedOnceAsync(app, article);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_the_memory_store_can_still_be_chosen()
    {
        await using var app = await TestApp.StartAsync(Databases.Postgres, new Dictionary<string, string?>(Fast) { ["Scheduling:Store"] = "Memory" });
        var meta = await MetadataAsync(app);
        Assert.False(meta.JobStorePersistent, meta.JobStoreTypeName);
        Assert.Empty(await CheckedInAsync(app));
    }

    [Fact]
    public async Task The_database_store_on_SQLite_is_refused_at_start_in_Vietnamese()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Scheduling:Store"] = "Postgres" }));
        Assert.Contains("Scheduling:Store=Postgres cần cơ sở dữ liệu PostgreSQL", e.Message);
    }

    [Fact]
    public async Task An_unknown_store_is_refused_in_Vietnamese()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Scheduling:Store"] = "Redis" }));
        Assert.Contains("Scheduling:Store phải là Auto, Memory hoặc Postgres", e.Message);
    }

    [PostgresFact]
    public async Task A_node_refuses_to_start_when_a_Quartz_table_is_missing()
    {
        await using var first = await TestApp.StartAsync(Databases.Postgres, new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });
        await first.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE qrtz_paused_job_grps"));

        var e = await Assert.ThrowsAnyAsync<Exception>(() => first.StartNodeAsync(new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" }));
        Assert.Contains("qrtz_paused_job_grps", e.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [PostgresFact]
    public async Task The_QuartzStore_migration_creates_the_tables_and_takes_them_away_again()
    {
        await using var database = await TestDatabase.CreateAsync(Databases.Postgres);
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        string[] tables =
        [
            "qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks",
            "qrtz_paused_job_grps", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_simple_triggers", "qrtz_simprop_triggers",
            "qrtz_triggers",
        ];
        Assert.Equal(tables, await QuartzTablesAsync(db));

        var migrator = db.GetService<IMigrator>();
        var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_QuartzStore", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(previous);
        Assert.Empty(await QuartzTablesAsync(db));
        await migrator.MigrateAsync();
        Assert.Equal(tables, await QuartzTablesAsync(db));
    }

    private static async Task<List<string>> QuartzTablesAsync(DbContext db)
    {
        var names = await db.Database.SqlQuery<string>($"""
            SELECT table_name AS "Value" FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_name LIKE 'qrtz\_%'
            """).ToListAsync();
        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static async Task<SchedulerMetadata> MetadataAsync(TestApp app)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetMetadata();
    }

    /// <summary>The scheduled firings of the publish job that the nodes ran, as the job logs them (one line per run).</summary>
    private static List<string> Firings(IEnumerable<TestApp> nodes) =>
        [.. nodes.SelectMany(n => n.Logs.Entries)
            .Where(e => e.Message.StartsWith("Kiểm tra bài đến hạn: lần chạy theo lịch lúc ", StringComparison.Ordinal))
            .Select(e => e.Message.Split(", trên nút ")[0])];

    private static void AssertEachFiringRanOnce(IEnumerable<TestApp> nodes)
    {
        var twice = Firings(nodes).GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Firings run by more than one node: " + string.Join("; ", twice));
    }

    private static Task<List<string>> CheckedInAsync(TestApp app) =>
        app.WithDbAsync(db => db.Database.SqlQuery<string>(
            $"SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state WHERE sched_name = {SchedulingSetup.SchedulerName}").ToListAsync());

    /// <summary>A scheduled article due after <paramref name="delay"/> (to the second, as if approved for that moment).</summary>
    private static async Task<Article> ScheduleAsync(TestApp app, Site site, Category category, string title, TimeSpan delay)
    {
        var article = await app.AddArticleAsync(site, category, title, status: ArticleStatus.Scheduled);
        return await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.IgnoreQueryFilters().SingleAsync(x => x.Id == article.Id);
            a.ScheduledAt = DateTime.UtcNow + delay;
            await db.SaveChangesAsync();
            return a;
        });
    }

    private static Task WaitPublishedAsync(TestApp app, Article article) =>
        Eventually.WaitAsync(() => app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().Where(a => a.Id == article.Id).Select(a => a.Status).SingleAsync()),
            status => status == ArticleStatus.Published, Patience, $"\"{article.Title}\" published");

    /// <summary>Published at its scheduled moment, by one state change (one version step) and one audit entry.</summary>
    private static async Task AssertPublishedOnceAsync(TestApp app, Article scheduled)
    {
        var now = await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == scheduled.Id));
        Assert.Equal(ArticleStatus.Published, now.Status);
        Assert.Equal(scheduled.ScheduledAt!.Value, now.PublishedAt, TimeSpan.FromMilliseconds(1));
        Assert.Null(now.ScheduledAt);
        Assert.Equal(scheduled.Version + 1, now.Version);
        var id = scheduled.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == "article" && e.TargetId == id && e.Action == "article.publish").ToListAsync());
        Assert.Single(entries);
    }
}
