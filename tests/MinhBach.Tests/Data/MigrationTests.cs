using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Data;

/// <summary>Every model change needs a migration for both providers, and the migrations must build a database from nothing.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last SQLite migration: add one (dotnet ef migrations add … --context SqliteAppDb).");
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var db = new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last PostgreSQL migration: add one (dotnet ef migrations add … --context PostgresAppDb).");
    }

    [Fact]
    public void Both_providers_have_the_same_migration_steps()
    {
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        using var sqlite = new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=:memory:").Options);
        using var pg = new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.Equal(Names(sqlite), Names(pg));
    }

    [DatabaseTheory]
    public async Task An_empty_database_is_migrated_to_the_latest_version(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();

        var applied = await DataSetup.MigrateAsync(db);

        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Every table of the model answers a query.
        Assert.Equal(0, await db.Sites.CountAsync());
        Assert.Equal(0, await db.SiteHosts.CountAsync());
        Assert.Equal(0, await db.Articles.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.Documents.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.Pages.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.ScheduleEntries.IgnoreQueryFilters().CountAsync());
        Assert.Empty(await DataSetup.MigrateAsync(db));
    }

    [DatabaseTheory]
    public async Task A_migrated_database_keeps_Vietnamese_text_and_utc_times(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var created = new DateTime(2025, 7, 1, 1, 30, 0, DateTimeKind.Utc);
        await using (var db = database.CreateDbContext())
        {
            db.Sites.Add(new MinhBach.Features.Sites.Site
            {
                Slug = "so-tttt", Name = "Sở Thông tin và Truyền thông", AgencyName = "Sở Thông tin và Truyền thông",
                KindCode = "department", CreatedAt = created,
                Hosts = [new MinhBach.Features.Sites.SiteHost { Host = " SoTTTT.DongMinh.Gov.VN " }],
            });
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateDbContext())
        {
            var site = await db.Sites.Include(s => s.Hosts).SingleAsync();
            Assert.Equal("Sở Thông tin và Truyền thông", site.Name);
            Assert.Equal(created, site.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, site.CreatedAt.Kind);
            Assert.Equal("sotttt.dongminh.gov.vn", Assert.Single(site.Hosts).Host);
        }
    }
}
