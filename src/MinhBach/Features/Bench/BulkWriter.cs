using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MinhBach.Data;

namespace MinhBach.Features.Bench;

/// <summary>
/// Writes many rows of one entity at once for the benches, round EF's change tracking: COPY (binary) on PostgreSQL,
/// one transaction of a prepared INSERT on SQLite. Columns, names and value conversions come from the EF model, so a
/// new column needs no change here. Rows carry their own ids (the tables are empty); the PostgreSQL sequence is
/// moved past them afterwards. Derived columns that AppDb fills on save (folded titles …) must be set by the caller.
/// </summary>
public static class BulkWriter
{
    public static async Task<int> WriteAsync<T>(AppDb db, IEnumerable<T> rows, Action<int>? progress, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetComputedColumnSql(table) is null && p.GetColumnName(table) is not null)
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping()))
            .ToList();
        object? Value((IProperty Property, string Name, Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping Mapping) c, T row)
        {
            var value = c.Property.PropertyInfo!.GetValue(row);
            var converter = c.Mapping.Converter ?? c.Property.GetValueConverter();
            return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
        }
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var tableName = $"\"{table.Name}\"";
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        var made = 0;
        if (conn is Npgsql.NpgsqlConnection pg)
        {
            await using (var copy = await pg.BeginBinaryImportAsync($"COPY {tableName} ({names}) FROM STDIN (FORMAT BINARY)", ct))
            {
                copy.Timeout = TimeSpan.FromHours(1);
                foreach (var row in rows)
                {
                    await copy.StartRowAsync(ct);
                    foreach (var c in columns)
                    {
                        if (Value(c, row) is { } v) await copy.WriteAsync(v, c.Mapping.StoreTypeNameBase, ct);
                        else await copy.WriteNullAsync(ct);
                    }
                    progress?.Invoke(++made);
                }
                await copy.CompleteAsync(ct);
            }
            var key = type.FindPrimaryKey()?.Properties is [var id] && id.ClrType == typeof(int) ? id.GetColumnName(table) : null;
            if (key is not null)
            {
                await using var sequence = pg.CreateCommand();
                sequence.CommandText = $"SELECT setval(pg_get_serial_sequence('{tableName}', '{key}'), GREATEST(1, (SELECT COALESCE(MAX(\"{key}\"), 0) FROM {tableName})))";
                await sequence.ExecuteScalarAsync(ct);
            }
            return made;
        }
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {tableName} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) =>
        {
            DbParameter p = cmd.CreateParameter();
            p.ParameterName = "$p" + i;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = Value(columns[i], row) ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
            progress?.Invoke(++made);
        }
        await tx.CommitAsync(ct);
        return made;
    }
}
