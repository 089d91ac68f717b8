using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Statistics;

/// <summary>`site set SLUG --visits-before N --visits-before-date D --visit-counter true`: a migrating site keeps its history.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class VisitsBeforeCommandTests
{
    private static async Task<TestDatabase> PortalAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        db.Sites.Add(new Site { Slug = "", Name = "Cổng thông tin điện tử tỉnh Đông Minh", KindCode = "provincial-portal", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return database;
    }

    private static Task<CliResult> SetAsync(TestDatabase database, params string[] args) =>
        Infrastructure.Cli.RunAsync([.. new[] { "site", "set", "/" }, .. args, .. database.CommandLineArgs]);

    private static async Task<Site> PortalOf(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Sites.AsNoTracking().SingleAsync();
    }

    [DatabaseTheory]
    public async Task The_operators_figure_is_stored_and_bad_values_change_nothing(string provider)
    {
        await using var database = await PortalAsync(provider);

        var ok = await SetAsync(database, "--visits-before", "53.028.922", "--visits-before-date", "31/03/2020", "--visit-counter", "true");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        var portal = await PortalOf(database);
        Assert.Equal(53_028_922, portal.VisitsBefore);
        Assert.Equal(new DateOnly(2020, 3, 31), portal.VisitsBeforeDate);
        Assert.True(portal.ShowVisitCounter);

        foreach (var (args, message) in new (string[], string)[]
                 {
                     (["--visits-before", "năm mươi triệu"], "số lượt truy cập \"năm mươi triệu\" không hợp lệ"),
                     (["--visits-before", "-5"], "không hợp lệ"),
                     (["--visits-before-date", "31/02/2020"], "ngày \"31/02/2020\" không hợp lệ"),
                     (["--visits-before-date", "2999-01-01"], "không được sau hôm nay"),
                 })
        {
            var bad = await SetAsync(database, args);
            Assert.True(bad.ExitCode != 0, bad.ToString());
            Assert.Contains(message, bad.Errors);
        }
        var unchanged = await PortalOf(database);
        Assert.Equal(53_028_922, unchanged.VisitsBefore);
        Assert.Equal(new DateOnly(2020, 3, 31), unchanged.VisitsBeforeDate);
    }

    [DatabaseTheory]
    public async Task A_figure_without_its_date_is_refused(string provider)
    {
        await using var database = await PortalAsync(provider);

        var bad = await SetAsync(database, "--visits-before", "1000");

        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("Cần ghi ngày cuối cùng mà số lượt truy cập trước đây tính đến", bad.Errors);
        Assert.Equal(0, (await PortalOf(database)).VisitsBefore);
    }
}
