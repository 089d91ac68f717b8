using Microsoft.Data.Sqlite;
using MinhBach.Tests.Infrastructure;
using Npgsql;

namespace MinhBach.Tests.Operations;

/// <summary>
/// Takes an app's database away and gives it back, as an outage does. PostgreSQL refuses every connection and drops the
/// open ones (a restart, a failover). SQLite: the app reaches its file through a folder link, opening a connection for
/// each use (Pooling=False, so every attempt meets the outage); the link is pointed nowhere (the disk gone) and back.
/// </summary>
public sealed class DatabaseSwitch
{
    private readonly TestDatabase _db;
    private readonly string? _link;

    private DatabaseSwitch(TestDatabase db)
    {
        _db = db;
        if (db.Provider == Databases.Sqlite)
        {
            _link = Path.Combine(db.Folder, "live");
            Directory.CreateSymbolicLink(_link, db.Folder);
        }
    }

    public static DatabaseSwitch For(TestDatabase db) => new(db);

    /// <summary>The app's connection string (to pass as a setting).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _link is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_link, "minhbach.db"), Pooling = false }.ToString(),
        };

    public async Task StopAsync()
    {
        if (_link is not null)
        {
            File.Delete(_link);
            Directory.CreateSymbolicLink(_link, Path.Combine(_db.Folder, "nowhere"));
            return;
        }
        await AdminAsync($"ALTER DATABASE \"{_db.PostgresName}\" ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_db.PostgresName}'");
    }

    public async Task StartAsync()
    {
        if (_link is not null)
        {
            File.Delete(_link);
            Directory.CreateSymbolicLink(_link, _db.Folder);
            return;
        }
        await AdminAsync($"ALTER DATABASE \"{_db.PostgresName}\" ALLOW_CONNECTIONS true");
    }

    private static async Task AdminAsync(string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = "postgres", Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
