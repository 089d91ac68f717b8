using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using Npgsql;

namespace MinhBach.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in its own temporary folder, or a PostgreSQL
/// database with a random name on the test server. Deleted or dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresServer;

    private TestDatabase(string provider, string connectionString, string folder, string? postgresServer, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresServer = postgresServer;
        PostgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    /// <summary>A private temporary folder (the SQLite file lives here; usable as the app's data folder).</summary>
    public string Folder { get; }
    public string? PostgresName { get; }

    /// <summary>Configuration that points the app at this database; the other provider's key is blanked
    /// so that a connection string in the environment cannot leak in.</summary>
    public IReadOnlyDictionary<string, string?> Settings => Provider == Databases.Postgres
        ? new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = ConnectionString, ["MinhBach:DataDirectory"] = Folder }
        : new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = "", ["ConnectionStrings:Sqlite"] = ConnectionString, ["MinhBach:DataDirectory"] = Folder };

    /// <summary>The same settings as command-line arguments, for in-process CLI verbs.</summary>
    public IEnumerable<string> CommandLineArgs => Settings.Select(kv => $"--{kv.Key}={kv.Value}");

    /// <param name="postgresOwner">PostgreSQL: a role without superuser rights (made if missing) that owns the database and
    /// is the one the app connects as, like an application account on a managed server.</param>
    public static async Task<TestDatabase> CreateAsync(string provider, string? postgresOwner = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "minhbach-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return await CreateAsync(provider, folder, postgresOwner);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private static async Task<TestDatabase> CreateAsync(string provider, string folder, string? postgresOwner)
    {
        switch (provider)
        {
            case Databases.Sqlite:
                var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "minhbach.db") }.ToString();
                return new TestDatabase(provider, sqlite, folder, null, null);
            case Databases.Postgres:
                var server = Databases.PostgresServer
                    ?? throw new InvalidOperationException(Databases.SkipReason(Databases.Postgres));
                var name = "minhbach_test_" + Guid.NewGuid().ToString("N")[..16];
                await using (var admin = await OpenAdminAsync(server))
                {
                    if (postgresOwner is not null)
                    {
                        // Roles belong to the server, shared by tests running at once: made once, never dropped.
                        await using var role = new NpgsqlCommand($"""
                            DO $$ BEGIN CREATE ROLE "{postgresOwner}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
                            """, admin);
                        await role.ExecuteNonQueryAsync();
                    }
                    var owner = postgresOwner is null ? "" : $" OWNER \"{postgresOwner}\"";
                    await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{owner} ENCODING 'UTF8' TEMPLATE template0", admin);
                    await cmd.ExecuteNonQueryAsync();
                }
                var pg = new NpgsqlConnectionStringBuilder(server) { Database = name, Username = postgresOwner ?? new NpgsqlConnectionStringBuilder(server).Username }.ToString();
                return new TestDatabase(provider, pg, folder, server, name);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    /// <summary>A connection string for a database that cannot be reached: a SQLite file that does not
    /// exist, opened read-only; or a PostgreSQL database that was never created.</summary>
    public string UnreachableConnectionString => Provider == Databases.Postgres
        ? new NpgsqlConnectionStringBuilder(_postgresServer) { Database = PostgresName + "_missing" }.ToString()
        : new SqliteConnectionStringBuilder { DataSource = Path.Combine(Folder, "missing", "minhbach.db"), Mode = SqliteOpenMode.ReadOnly }.ToString();

    /// <summary>A context on this database outside any request (no current site: use IgnoreQueryFilters to read).</summary>
    public AppDb CreateDbContext() => Provider == Databases.Postgres
        ? new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(ConnectionString).Options)
        : new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite(ConnectionString).Options);

    public async Task MigrateAsync()
    {
        await using var db = CreateDbContext();
        await DataSetup.MigrateAsync(db);
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string server)
    {
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
        var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        return conn;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == Databases.Postgres && _postgresServer is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await using var admin = await OpenAdminAsync(_postgresServer);
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a straggler: the temporary folder is cleaned by the OS later.
        }
    }
}
