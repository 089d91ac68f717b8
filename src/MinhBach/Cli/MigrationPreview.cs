using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MinhBach.Data;

namespace MinhBach.Cli;

/// <summary>`migrate --dry-run`: the pending steps and the SQL they would run, without touching the database.</summary>
internal static class MigrationPreview
{
    public static async Task<int> PrintAsync(AppDb db, DatabaseProvider provider, TextWriter output, CancellationToken ct)
    {
        // Opening a SQLite file that is not there would create it: a database never made has every step pending.
        var missing = db.Database.IsSqlite() && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is { Length: > 0 } file
            && file != ":memory:" && !File.Exists(file);
        var applied = missing ? [] : (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = db.Database.GetMigrations().Except(applied).ToList();
        if (pending.Count == 0)
        {
            await output.WriteLineAsync($"Cơ sở dữ liệu ({provider}) đã ở phiên bản mới nhất. Không có gì để làm.");
            return 0;
        }
        await output.WriteLineAsync($"Sẽ áp dụng {pending.Count} bước trên {provider} (chưa thay đổi gì):");
        foreach (var m in pending) await output.WriteLineAsync("  " + m);
        var after = DataSetup.StepsAfter(pending);
        if (after.Count > 0)
        {
            await output.WriteLineAsync("Sau đó sẽ:");
            foreach (var step in after) await output.WriteLineAsync("  " + step);
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync("-- Câu lệnh SQL sẽ chạy:");
        var script = db.GetService<IMigrator>().GenerateScript(applied.LastOrDefault(), null, MigrationsSqlGenerationOptions.Default);
        await output.WriteLineAsync(script);
        return 0;
    }
}
