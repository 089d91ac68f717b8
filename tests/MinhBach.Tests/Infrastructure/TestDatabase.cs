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

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "minhbach-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return await CreateAsync(provider, folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private static async Task<TestDatabase> CreateAsync(string provider, string folder)
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
                await using (var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", admin))
                    await cmd.ExecuteNonQueryAsync();
                var pg = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
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
