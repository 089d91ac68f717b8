using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MinhBach.Data;

namespace MinhBach.Features.Statistics;

/// <summary>
/// Writes a batch of counts with upserts (INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n), the same SQL on
/// SQLite and PostgreSQL. Rows go in key order, so two nodes flushing at once take their row locks in the same order.
/// </summary>
internal static class VisitStore
{
    private const int RowsPerStatement = 400;

    public static async Task WriteAsync(AppDb db, VisitBatch batch, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var conn = db.Database.GetDbConnection();
            var dbTx = tx.GetDbTransaction();

            // Visitors first: a mark that is new on the database (RETURNING gives only inserted rows) is a new visitor,
            // whichever node saw them first.
            var newVisitors = new Dictionary<(int, DateOnly), long>();
            foreach (var chunk in batch.Visitors.OrderBy(v => v.Site).ThenBy(v => v.Day).ThenBy(v => v.Hash).Chunk(RowsPerStatement))
            {
                await using var cmd = Command(conn, dbTx, """INSERT INTO "VisitorMarks" ("SiteId", "Day", "Hash") VALUES """, chunk.Length, 3,
                    """ ON CONFLICT ("SiteId", "Day", "Hash") DO NOTHING RETURNING "SiteId", "Day" """);
                var i = 0;
                foreach (var v in chunk) Values(cmd, ref i, v.Site, v.Day, v.Hash);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var key = (reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1));
                    newVisitors[key] = newVisitors.GetValueOrDefault(key) + 1;
                }
            }

            foreach (var chunk in batch.Views.OrderBy(v => v.Key.Site).ThenBy(v => v.Key.Day).Chunk(RowsPerStatement))
            {
                await using var cmd = Command(conn, dbTx, """INSERT INTO "VisitDays" ("SiteId", "Day", "Views", "Visitors") VALUES """, chunk.Length, 4,
                    """ ON CONFLICT ("SiteId", "Day") DO UPDATE SET "Views" = "VisitDays"."Views" + excluded."Views", "Visitors" = "VisitDays"."Visitors" + excluded."Visitors" """);
                var i = 0;
                foreach (var (k, n) in chunk) Values(cmd, ref i, k.Site, k.Day, n, newVisitors.GetValueOrDefault((k.Site, k.Day)) + batch.VisitorCounts.GetValueOrDefault((k.Site, k.Day)));
                await cmd.ExecuteNonQueryAsync(ct);
            }

            foreach (var chunk in batch.Pages.OrderBy(v => v.Key.Site).ThenBy(v => v.Key.Day).ThenBy(v => v.Key.Path, StringComparer.Ordinal).Chunk(RowsPerStatement))
            {
                await using var cmd = Command(conn, dbTx, """INSERT INTO "VisitPageDays" ("SiteId", "Day", "Path", "Views") VALUES """, chunk.Length, 4,
                    """ ON CONFLICT ("SiteId", "Day", "Path") DO UPDATE SET "Views" = "VisitPageDays"."Views" + excluded."Views" """);
                var i = 0;
                foreach (var (k, n) in chunk) Values(cmd, ref i, k.Site, k.Day, k.Path, n);
                await cmd.ExecuteNonQueryAsync(ct);
            }

            foreach (var chunk in batch.Sources.OrderBy(v => v.Key.Site).ThenBy(v => v.Key.Day).ThenBy(v => v.Key.Referrer, StringComparer.Ordinal)
                         .ThenBy(v => v.Key.Device, StringComparer.Ordinal).Chunk(RowsPerStatement))
            {
                await using var cmd = Command(conn, dbTx, """INSERT INTO "VisitSourceDays" ("SiteId", "Day", "Referrer", "Device", "Views") VALUES """, chunk.Length, 5,
                    """ ON CONFLICT ("SiteId", "Day", "Referrer", "Device") DO UPDATE SET "Views" = "VisitSourceDays"."Views" + excluded."Views" """);
                var i = 0;
                foreach (var (k, n) in chunk) Values(cmd, ref i, k.Site, k.Day, k.Referrer, k.Device, n);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The salt of a day: made by the first node that needs it, read by the others.</summary>
    public static async Task<byte[]> SaltAsync(AppDb db, DateOnly day, CancellationToken ct)
    {
        var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            await using (var insert = Command(conn, null, """INSERT INTO "VisitSalts" ("Day", "Salt") VALUES """, 1, 2, """ ON CONFLICT ("Day") DO NOTHING"""))
            {
                var i = 0;
                Values(insert, ref i, day, fresh);
                await insert.ExecuteNonQueryAsync(ct);
            }
            return await db.VisitSalts.AsNoTracking().Where(s => s.Day == day).Select(s => s.Salt).SingleAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Forgets the salts and visitor marks of days before <paramref name="day"/>: afterwards no hash can be
    /// recomputed from an address.</summary>
    public static async Task PurgeBeforeAsync(AppDb db, DateOnly day, CancellationToken ct)
    {
        await db.VisitorMarks.IgnoreQueryFilters().Where(m => m.Day < day).ExecuteDeleteAsync(ct);
        await db.VisitSalts.Where(s => s.Day < day).ExecuteDeleteAsync(ct);
    }

    private static DbCommand Command(DbConnection conn, DbTransaction? tx, string head, int rows, int columns, string tail)
    {
        var sql = new StringBuilder(head);
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++) sql.Append(c == 0 ? "" : ", ").Append("@p").Append(r * columns + c);
            sql.Append(')');
        }
        sql.Append(tail);
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql.ToString();
        return cmd;
    }

    private static void Values(DbCommand cmd, ref int i, params object[] values)
    {
        foreach (var v in values)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i++;
            p.Value = v;
            cmd.Parameters.Add(p);
        }
    }
}
