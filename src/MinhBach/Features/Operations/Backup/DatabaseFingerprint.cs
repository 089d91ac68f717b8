using System.Buffers.Binary;
using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;

namespace MinhBach.Features.Operations.Backup;

/// <summary>Rows and a checksum of one table's content.</summary>
public sealed record TableFigure(long Rows, string Checksum);

/// <summary>
/// Row counts and content checksums per table, the same on the database backed up, in the manifest and on the restored
/// database. A row's checksum is SHA-256 over its values; a table's is the sum of its rows' (first 64 bits), so no
/// ORDER BY is needed and a table without a key is covered too.
/// </summary>
public static class DatabaseFingerprint
{
    public const string MigrationsTable = "__EFMigrationsHistory";

    /// <summary>The model's tables and the migrations history, in name order.</summary>
    public static IReadOnlyList<string> Tables(AppDb db) =>
        [.. db.Model.GetEntityTypes().Where(e => e.GetViewName() is null).Select(e => e.GetTableName()).OfType<string>()
            .Append(MigrationsTable).Distinct().Order(StringComparer.Ordinal)];

    public static async Task<SortedDictionary<string, TableFigure>> ComputeAsync(DbConnection connection, DbTransaction? transaction,
        IReadOnlyList<string> tables, IProgress<string>? progress, CancellationToken ct)
    {
        var existing = await ExistingTablesAsync(connection, transaction, ct);
        var result = new SortedDictionary<string, TableFigure>(StringComparer.Ordinal);
        var done = 0;
        foreach (var table in tables)
        {
            if (existing.Contains(table)) result[table] = await TableAsync(connection, transaction, table, ct);
            if (++done % 10 == 0 || done == tables.Count)
                progress?.Report($"  đã đếm và tính mã kiểm tra {done}/{tables.Count} bảng");
        }
        return result;
    }

    public static async Task<HashSet<string>> ExistingTablesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = connection is Npgsql.NpgsqlConnection
            ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<TableFigure> TableAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        cmd.CommandTimeout = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        long rows = 0;
        ulong sum = 0;
        var text = new StringBuilder();
        var hash = new byte[32];
        while (await reader.ReadAsync(ct))
        {
            text.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                Append(text, reader.IsDBNull(i) ? null : reader.GetValue(i));
                text.Append('\u001f');
            }
            SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
            unchecked { sum += BinaryPrimitives.ReadUInt64BigEndian(hash); }
            rows++;
        }
        return new TableFigure(rows, sum.ToString("x16", CultureInfo.InvariantCulture));
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null: text.Append('\u0000'); break;
            case byte[] bytes: text.Append(Convert.ToHexString(bytes)); break;
            case DateTime d: text.Append(d.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset d: text.Append(d.ToString("O", CultureInfo.InvariantCulture)); break;
            case string s: text.Append(s); break;
            case IFormattable f: text.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items) { Append(text, item); text.Append(','); }
                text.Append(']');
                break;
            default: text.Append(value); break;
        }
    }

    /// <summary>The tables whose figures differ, with both figures, for a Vietnamese report.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, TableFigure> expected, IReadOnlyDictionary<string, TableFigure> actual) =>
        [.. expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(t => expected.GetValueOrDefault(t) != actual.GetValueOrDefault(t))
            .Select(t => $"{t}: bản sao lưu {Describe(expected.GetValueOrDefault(t))}, cơ sở dữ liệu {Describe(actual.GetValueOrDefault(t))}")];

    private static string Describe(TableFigure? f) => f is null ? "không có bảng" : $"{f.Rows} dòng (mã {f.Checksum})";
}
