using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Audit;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Audit;

/// <summary>`./minhbach audit-log verify`: reports an intact chain, and warns (exit code not 0) about a changed one.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AuditLogVerifyCommandTests
{
    private static Task<CliResult> VerifyAsync(TestApp app) =>
        Infrastructure.Cli.RunAsync([.. new[] { "audit-log", "verify" }, .. app.Database.CommandLineArgs]);

    [DatabaseTheory]
    public async Task Verify_passes_an_intact_chain_and_warns_about_a_changed_row(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AuditTrailTests.AppendAsync(app, 4);

        var good = await VerifyAsync(app);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("Nhật ký toàn vẹn: đã kiểm tra 4 mục.", good.Output);
        Assert.DoesNotContain("CẢNH BÁO", good.Output + good.Errors);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"Summary\" = {0} WHERE \"Sequence\" = {1}", "Đã sửa", 2L));
        var bad = await VerifyAsync(app);

        Assert.True(bad.ExitCode != 0, bad.ToString());
        Assert.Contains("CẢNH BÁO: Mục 2 (", bad.Errors);
        Assert.DoesNotContain("Nhật ký toàn vẹn", bad.Output);
    }

    [DatabaseTheory]
    public async Task Verify_warns_about_a_deleted_row(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AuditTrailTests.AppendAsync(app, 4);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {0}", 2L));

        var bad = await VerifyAsync(app);

        Assert.True(bad.ExitCode != 0, bad.ToString());
        Assert.Contains("CẢNH BÁO: Thiếu mục nhật ký: sau mục 1 là mục 3", bad.Errors);
    }

    [DatabaseTheory]
    public async Task Verify_of_an_empty_trail_passes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var result = await VerifyAsync(app);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Nhật ký toàn vẹn: đã kiểm tra 0 mục.", result.Output);
    }
}
