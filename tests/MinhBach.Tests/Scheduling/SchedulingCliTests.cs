using Microsoft.EntityFrameworkCore;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Scheduling;

/// <summary>What an operator reads when the scheduler cannot start.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SchedulingCliTests
{
    [Fact]
    public async Task Serve_refuses_an_unknown_store_in_Vietnamese()
    {
        await using var database = await TestDatabase.CreateAsync(Databases.Sqlite);
        await database.MigrateAsync();

        var result = await Infrastructure.Cli.RunAsync(["serve", .. database.CommandLineArgs, "--urls", "http://127.0.0.1:0", "--Scheduling:Store=Redis"]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Cấu hình không hợp lệ", result.Errors);
        Assert.Contains("Scheduling:Store phải là Auto, Memory hoặc Postgres", result.Errors);
    }

    [PostgresFact]
    public async Task Serve_names_a_missing_Quartz_table_and_says_to_migrate()
    {
        await using var database = await TestDatabase.CreateAsync(Databases.Postgres);
        await database.MigrateAsync();
        await using (var db = database.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("DROP TABLE qrtz_locks");

        var result = await Infrastructure.Cli.RunAsync(["serve", .. database.CommandLineArgs, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=None"]);

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.Contains("Bộ lập lịch (Quartz) không khởi động được", result.Errors);
        Assert.Contains("qrtz_locks", result.Errors);
        Assert.Contains("./minhbach migrate", result.Errors);
    }
}
