using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MinhBach.Features.Operations.Backup;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Operations;

/// <summary>`./minhbach migrate --dry-run` changes nothing; the upgrade it announces keeps every row.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UpgradeTests
{
    [DatabaseTheory]
    public async Task An_upgrade_from_the_previous_version_keeps_every_row_and_the_dry_run_changes_nothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RichSite.CreateAsync(app);
        await app.StopAsync();
        await using var db = app.Database.CreateDbContext();
        var all = db.Database.GetMigrations().ToList();
        // The database as the previous version left it, with a province's content in it.
        await db.GetService<IMigrator>().MigrateAsync(all[^2]);
        var tables = DatabaseFingerprint.Tables(db);
        var before = await FiguresAsync(db, tables);
        Assert.True(before["Articles"].Rows > 10 && before["Documents"].Rows > 0);

        var dryRun = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["migrate", "--dry-run", .. app.Database.CommandLineArgs]);
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("Sẽ áp dụng 1 bước", dryRun.Output);
        Assert.Contains(all[^1], dryRun.Output);
        // The SQL shown is what the migrator would run from here (more than the history row for an empty SQLite step).
        Assert.Contains(db.GetService<IMigrator>().GenerateScript(all[^2], null).Trim(), dryRun.Output);
        Assert.Contains("__EFMigrationsHistory", dryRun.Output);
        Assert.All(MinhBach.Data.DataSetup.StepsAfter([all[^1]]), step => Assert.Contains(step, dryRun.Output));
        Assert.Equal(all[..^1], await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(before, await FiguresAsync(db, tables));

        var migrate = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["migrate", .. app.Database.CommandLineArgs]);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var after = await FiguresAsync(db, tables);
        // Every table the previous version had keeps its rows, content unchanged; only the history gains the new step.
        foreach (var (table, figure) in before.Where(t => t.Key != DatabaseFingerprint.MigrationsTable))
            Assert.True(figure == after[table], $"{table}: {figure} before, {after[table]} after");
        Assert.Equal(before[DatabaseFingerprint.MigrationsTable].Rows + 1, after[DatabaseFingerprint.MigrationsTable].Rows);

        var again = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["migrate", "--dry-run", .. app.Database.CommandLineArgs]);
        Assert.Contains("đã ở phiên bản mới nhất", again.Output);
    }

    private static async Task<SortedDictionary<string, TableFigure>> FiguresAsync(MinhBach.Data.AppDb db, IReadOnlyList<string> tables)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return await DatabaseFingerprint.ComputeAsync(connection, null, tables, null, CancellationToken.None);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
