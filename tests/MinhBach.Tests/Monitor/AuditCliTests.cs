using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Compliance;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Monitor;

/// <summary>`./minhbach audit` end to end: the fixture sites through the real DNS server and the test CA, the same JSON
/// as `compliance --json`, the Vietnamese table with what changed since the last run, runs kept on both databases,
/// and bad arguments refused in Vietnamese.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AuditCliTests(MonitorWorld world) : IClassFixture<MonitorWorld>
{
    [DatabaseTheory]
    public async Task Audit_prints_the_evaluation_json_and_keeps_each_run_with_its_changes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var args = db.CommandLineArgs.ToArray();
        Assert.Equal(0, (await Infrastructure.Cli.RunAsync(["migrate", .. args])).ExitCode);

        string[] audit = ["audit", "https://dongminh.gov.vn/", "http://sonongnghiep.dongminh.gov.vn/", "--kind", "department",
            "--province", "Đông Minh", "--now", "2026-11-20", .. world.NetworkArgs(), "--Monitor:DelayMilliseconds=0", "--Monitor:TimeoutSeconds=10", "--Monitor:Retries=1", .. args];
        var first = await Infrastructure.Cli.RunAsync([.. audit, "--json"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var evaluation = EvaluationJson.ReadEvaluation(first.Output);
        Assert.NotNull(evaluation);
        Assert.Equal(2, evaluation.Sites.Count);
        Assert.Equal("D224-2026", evaluation.Pack); // the pack the checklists open with, as `compliance` uses
        Assert.NotEmpty(evaluation.Sites[0].Headings);
        Assert.Equal(evaluation.Sites[0].Score, Math.Round(evaluation.Sites[0].Checks.Sum(c => c.Points), 1));
        var old = evaluation.Sites[1];
        Assert.Equal(EvaluationSources.Crawl, old.Source);
        Assert.Equal("sonongnghiep.dongminh.gov.vn", old.Site);
        Assert.InRange(old.Score, 0, 100);
        Assert.Equal(CheckStatus.Fail, old.Check("TEC-03")!.Status);
        Assert.Equal(CheckStatus.Pass, evaluation.Sites[0].Check("TEC-03")!.Status);
        Assert.True(evaluation.Sites[0].Score > old.Score, $"{evaluation.Sites[0].Score} ≤ {old.Score}");
        // The homepage's time to first byte, in the evidence of TEC-28 and as a figure of each site.
        Assert.All(evaluation.Sites, s => Assert.True(s.Speed is { Samples: > 0 }, s.Site));
        Assert.Contains("Thời gian tới byte đầu tiên (TTFB) của trang chủ", old.Check("TEC-28")!.Evidence, StringComparison.Ordinal);

        var second = await Infrastructure.Cli.RunAsync([.. audit]);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Thay đổi so với lần trước", second.Output, StringComparison.Ordinal);
        Assert.Contains("không đạt", second.Output, StringComparison.Ordinal);
        Assert.Contains("TEC-03", second.Output, StringComparison.Ordinal);

        await using var app = Hosting.WebHost.Build([.. args]);
        using var scope = app.Services.CreateScope();
        var runs = await scope.ServiceProvider.GetRequiredService<AppDb>().MonitorRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.True(runs.Count == 4, string.Join("\n", runs.Select(r => $"{r.Id} {r.Host} {r.StartedAt:O} {r.Score}")) + "\n" + second);
        Assert.Equal(2, runs.Count(r => r.Host == "sonongnghiep.dongminh.gov.vn"));
        var latest = await scope.ServiceProvider.GetRequiredService<Features.Monitor.IMonitorResults>().LatestAsync("sonongnghiep.dongminh.gov.vn", default);
        Assert.Equal(runs.Where(r => r.Host == "sonongnghiep.dongminh.gov.vn").Max(r => r.Id), latest!.Id);
        Assert.Equal(CheckStatus.Fail, latest.Read()!.Check("TEC-03")!.Status);
        Assert.NotNull(latest.Read()!.Speed);
    }

    [Theory]
    [InlineData("khong-phai-dia-chi web", "không phải địa chỉ trang web")]
    [InlineData("https://a.gov.vn --now 20/11/2026", "--now")]
    [InlineData("https://a.gov.vn --resolve a.gov.vn", "--resolve")]
    [InlineData("https://a.gov.vn --dns-server may-chu-dns", "--dns-server")]
    [InlineData("https://a.gov.vn --ca-cert /khong/co/tep.pem", "--ca-cert")]
    [InlineData("https://a.gov.vn --connect-port 443", "--connect-port")]
    [InlineData("https://a.gov.vn --pack KHONG-CO --no-save", "KHONG-CO")]
    [InlineData("https://a.gov.vn --kind tinh --no-save", "--kind")]
    public async Task Bad_arguments_are_refused_in_vietnamese_and_nothing_runs(string line, string names)
    {
        var result = await Infrastructure.Cli.RunAsync(["audit", .. line.Split(' ')]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Lỗi:", result.Errors, StringComparison.Ordinal);
        Assert.Contains(names, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("\"sites\"", result.Output, StringComparison.Ordinal);
    }
}
