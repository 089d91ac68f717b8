using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MinhBach.Data;

public sealed class DataOptions
{
    public const string Section = "MinhBach";

    /// <summary>Folder for the embedded database and stored files; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "var";
}

public enum DatabaseProvider { Sqlite, Postgres }

public static class DataSetup
{
    /// <summary>
    /// PostgreSQL when ConnectionStrings:Postgres is set; otherwise SQLite (ConnectionStrings:Sqlite,
    /// or minhbach.db in the data folder).
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) ResolveConnection(IConfiguration config)
    {
        var pg = config.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(pg)) return (DatabaseProvider.Postgres, pg);
        var sqlite = config.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(sqlite))
        {
            var dir = Path.GetFullPath(config[$"{DataOptions.Section}:DataDirectory"] ?? new DataOptions().DataDirectory);
            sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "minhbach.db") }.ToString();
        }
        return (DatabaseProvider.Sqlite, sqlite);
    }

    public static IServiceCollection AddMinhBachData(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "MinhBach:DataDirectory không được để trống.")
            .ValidateOnStart();
        var (provider, cs) = ResolveConnection(config);
        if (provider == DatabaseProvider.Postgres)
        {
            var tuned = WithPageDefaults(cs);
            services.AddPooledDbContextFactory<PostgresAppDb>(o => o.UseNpgsql(tuned).AddInterceptors(Features.Caching.CommitEviction.Instance));
            services.AddScoped<AppDb>(sp => sp.GetRequiredService<IDbContextFactory<PostgresAppDb>>().CreateDbContext().Lend(sp));
        }
        else
        {
            var path = new SqliteConnectionStringBuilder(cs).DataSource;
            if (!string.IsNullOrEmpty(path) && path != ":memory:")
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            services.AddPooledDbContextFactory<SqliteAppDb>(o => o.UseSqlite(cs).AddInterceptors(Features.Caching.CommitEviction.Instance));
            services.AddScoped<AppDb>(sp => sp.GetRequiredService<IDbContextFactory<SqliteAppDb>>().CreateDbContext().Lend(sp));
        }
        services.AddSingleton(new DatabaseInfo(provider));
        return services;
    }

    /// <summary>
    /// PostgreSQL's work per uncached article page, halved (810 → 400 µs of its CPU under wrk at a million articles):
    /// statements run often are prepared once per connection instead of parsed and planned on every page, and a connection
    /// going back to the pool is not reset, since nothing here leaves session state behind (settings are <c>SET LOCAL</c>,
    /// locks are transaction locks). The pool holds 4 connections per processor, at least 16, rather than Npgsql's 100:
    /// statements beyond what the database's cores run at once wait in the app instead of making each statement dearer
    /// in the database. Two cores, the uncached article page at 64 connections, side by side: a pool of 8 or 16 gave
    /// 4,950–5,460 pages/s and 90–105 µs of PostgreSQL's CPU a page; 32 gave 4,790–5,110 and 126–133 µs; 60 gave
    /// 4,570–4,900 and 134–143 µs. An operator's own value for any of these keys in the connection string wins.
    /// </summary>
    public static string WithPageDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains(nameof(b.MaxAutoPrepare))) b.MaxAutoPrepare = 64;
        if (!given.Contains(nameof(b.NoResetOnClose))) b.NoResetOnClose = true;
        if (!given.Contains(nameof(b.MaxPoolSize)) && !given.Contains("MaximumPoolSize")) b.MaxPoolSize = Math.Max(16, 4 * Environment.ProcessorCount);
        return b.ConnectionString;
    }

    /// <summary>Work a migration leaves to code, run once after it: rows it cannot fill or compute in SQL.
    /// <paramref name="CoveredBy"/>: a step of another migration that already does this one's work when both are pending.</summary>
    private sealed record DataStep(string Migration, string Description, Func<AppDb, CancellationToken, Task> RunAsync, string? CoveredBy = null)
    {
        public bool Due(IReadOnlyCollection<string> pending) => Pending(pending, Migration) && (CoveredBy is null || !Pending(pending, CoveredBy));

        private static bool Pending(IReadOnlyCollection<string> pending, string name) => pending.Any(m => m.EndsWith("_" + name, StringComparison.Ordinal));
    }

    private static readonly DataStep[] DataSteps =
    [
        // Documents stored before the legal-document columns existed get their number key and status.
        new("LegalDocuments", "tính số hiệu và hiệu lực của các văn bản đã có",
            (db, ct) => Features.Documents.DocumentStatuses.BackfillAsync(db, Features.Public.VnTime.Today(TimeProvider.System), ct)),
        // The migration that created the search index leaves it empty: fill it from the content already there.
        new("Search", "lập chỉ mục tìm kiếm từ nội dung đã có", (db, ct) => new Features.Search.SearchReindex(db).RunAsync(null, ct)),
        // Questions were published before search indexed them: add those.
        new("SearchRum", "thêm các hỏi đáp đã công khai vào chỉ mục tìm kiếm",
            (db, ct) => new Features.Search.SearchReindex(db).RunAsync(null, ct, [Features.Search.SearchKinds.Question]), CoveredBy: "Search"),
        // The migration that creates the registry (sổ theo dõi) leaves it empty: enter the sites already hosted.
        new("ComplianceRegistryMonitor", "ghi các trang đang chạy vào sổ theo dõi",
            (db, ct) => Features.Registry.RegistrySync.SyncAllAsync(db, DateTime.UtcNow, ct)),
    ];

    /// <summary>What MigrateAsync does after the given migrations, besides their SQL (for `migrate --dry-run`).</summary>
    public static IReadOnlyList<string> StepsAfter(IReadOnlyCollection<string> pending) =>
        DataSteps.Where(s => s.Due(pending)).Select(s => s.Description).ToList();

    /// <summary>Applies pending migrations; SQLite is switched to WAL so readers never wait for the writer.
    /// On PostgreSQL one process at a time (several nodes started with `serve --migrate`): the others wait, then find
    /// nothing pending, so the steps after a migration (reindex, backfills) run once.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDb db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return await MigrateUnlockedAsync(db, ct);
        var migrationLock = new Medallion.Threading.Postgres.PostgresDistributedLock(
            new Medallion.Threading.Postgres.PostgresAdvisoryLockKey("minhbach-migrate", allowHashing: true), db.Database.GetConnectionString()!);
        await using (await migrationLock.AcquireAsync(cancellationToken: ct))
            return await MigrateUnlockedAsync(db, ct);
    }

    private static async Task<IReadOnlyList<string>> MigrateUnlockedAsync(AppDb db, CancellationToken ct)
    {
        // On a new database EF reads the history table before making it and logs the failed read as an error, which an
        // operator would take for a fault: the empty table is made first.
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().CreateIfNotExistsAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        // Some steps build an index over every search entry (GIN on PostgreSQL): minutes on a million, not 30 seconds.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        foreach (var step in DataSteps.Where(s => s.Due(pending)))
            await step.RunAsync(db, ct);
        return pending;
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider);

/// <summary>Design-time factories for `dotnet ef migrations add`, one per provider.</summary>
public sealed class SqliteDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
