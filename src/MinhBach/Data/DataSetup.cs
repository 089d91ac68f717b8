using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
            services.AddDbContext<PostgresAppDb>(o => o.UseNpgsql(cs));
            services.AddScoped<AppDb>(sp => sp.GetRequiredService<PostgresAppDb>());
        }
        else
        {
            var path = new SqliteConnectionStringBuilder(cs).DataSource;
            if (!string.IsNullOrEmpty(path) && path != ":memory:")
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            services.AddDbContext<SqliteAppDb>(o => o.UseSqlite(cs));
            services.AddScoped<AppDb>(sp => sp.GetRequiredService<SqliteAppDb>());
        }
        services.AddSingleton(new DatabaseInfo(provider));
        return services;
    }

    /// <summary>Applies pending migrations; SQLite is switched to WAL so readers never wait for the writer.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDb db, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // Documents stored before the legal-document columns existed get their number key and status.
        if (pending.Any(m => m.EndsWith("_LegalDocuments", StringComparison.Ordinal)))
            await Features.Documents.DocumentStatuses.BackfillAsync(db, Features.Public.VnTime.Today(TimeProvider.System), ct);
        // The migration that created the search index leaves it empty: fill it from the content already there.
        if (pending.Any(m => m.EndsWith("_Search", StringComparison.Ordinal)))
            await new Features.Search.SearchReindex(db).RunAsync(null, ct);
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
