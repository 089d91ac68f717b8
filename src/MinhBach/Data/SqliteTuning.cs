using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MinhBach.Data;

/// <summary>
/// Reads the SQLite file through a memory map on every connection: pages come from the operating system's cache shared
/// by all connections, instead of a read call and a copy into each connection's own small page cache. Under load dozens
/// of connections read the same index and text pages at once.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    // Address space only: what is resident is the file cache the system keeps anyway.
    private const string Pragma = "PRAGMA mmap_size = 1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Run(connection);
        return Task.CompletedTask;
    }

    private static void Run(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        cmd.ExecuteNonQuery();
    }
}
