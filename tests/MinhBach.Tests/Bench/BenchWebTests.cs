using System.Text.Json;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Bench;

/// <summary>
/// `./minhbach bench web` on a tiny SQLite province (issue 9, item 4): the whole harness runs (real app processes, wrk,
/// nginx, the publish through the administration, counting on and off) and every row has a figure. Behaviour, not
/// speed: the figures themselves are reported from full-size runs.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchWebTests
{
    [Fact]
    public async Task A_tiny_run_fills_every_row_of_the_table_and_the_json()
    {
        var json = Path.Combine(Path.GetTempPath(), $"bench-web-{Guid.NewGuid():N}.json");
        string? kept = null;
        try
        {
            var result = await Infrastructure.Cli.RunAsync("bench", "web", "--sites", "2", "--articles", "200", "--documents", "20",
                "--connections", "4", "--duration", "2s", "--rounds", "1", "--json", json, "--keep");
            var folder = System.Text.RegularExpressions.Regex.Match(result.Output, "(?m)^Giữ lại: (.+)$").Groups[1].Value.Trim();
            kept = folder;

            Assert.True(result.ExitCode == 0, result.ToString());
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = doc.RootElement;
            var rows = root.GetProperty("Rows").EnumerateArray().Select(r => (Page: r.GetProperty("Page").GetString(), Mode: r.GetProperty("Mode").GetString(),
                PerSecond: r.GetProperty("RequestsPerSecond").GetDouble(), Errors: r.GetProperty("Errors").GetInt64(), Ratio: r.GetProperty("RatioToNginx"),
                Rounds: r.GetProperty("RoundRatios"), WarmUp: r.GetProperty("WarmUpSeconds"))).ToList();
            string[] pages = ["trang chủ", "chuyên mục", "tin bài", "tìm kiếm"];
            foreach (var page in pages)
                foreach (var mode in new[] { "có bộ đệm", "không bộ đệm" })
                {
                    var row = Assert.Single(rows, r => r.Page == page && r.Mode == mode);
                    Assert.True(row.PerSecond > 0, $"{page}, {mode}: no requests/s\n{result}");
                    Assert.Equal(0, row.Errors);
                    Assert.True(row.Ratio.GetDouble() > 0);
                    // Five rounds of the page against nginx, the row's ratio their median; loaded first until steady.
                    var rounds = row.Rounds.EnumerateArray().Select(r => r.GetDouble()).Order().ToList();
                    Assert.Equal(5, rounds.Count);
                    Assert.Equal(rounds[2], Math.Round(row.Ratio.GetDouble(), 4));
                    Assert.True(row.WarmUp.GetDouble() >= 1, $"{page}, {mode}: warmed {row.WarmUp}");
                    Assert.Matches($@"(?m)^  {page} \(làm nóng \d+ giây\):$", result.Output);
                    // The printed table has the same row.
                    Assert.Matches($@"(?m)^{page}\s+{mode}\s+[\d.]+\s", result.Output);
                }
            var nginx = Assert.Single(rows, r => r.Mode == "nginx tệp tĩnh");
            Assert.True(nginx.PerSecond > 0, result.ToString());
            Assert.Equal(9, rows.Count);
            Assert.True(root.GetProperty("ResidentBytes").GetInt64() > 10 * 1024 * 1024, result.ToString());
            Assert.True(root.GetProperty("PublishToVisibleMs").ValueKind == JsonValueKind.Number, "The published article never showed on the home page.\n" + result);
            var visits = root.GetProperty("VisitCounting");
            Assert.True(visits.GetProperty("MedianOn").GetDouble() > 0 && visits.GetProperty("MedianOff").GetDouble() > 0, result.ToString());
            Assert.Contains("Đếm lượt truy cập", result.Output);

            // The kept province is measured again as it was made, without generating it anew.
            Assert.True(Directory.Exists(folder), result.ToString());
            var again = await Infrastructure.Cli.RunAsync("bench", "web", "--reuse", folder, "--connections", "4", "--duration", "1s", "--rounds", "0");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.DoesNotContain("Tạo dữ liệu trên", again.Output);
            Assert.Contains("Đo lại trên SQLite: 2 trang, 200 tin bài, 20 văn bản", again.Output);
            Assert.Matches(@"(?m)^tin bài\s+không bộ đệm\s+[\d.]+\s", again.Output);
            Assert.True(Directory.Exists(folder), "A reused database is kept.");
        }
        finally
        {
            File.Delete(json);
            if (Directory.Exists(kept)) Directory.Delete(kept, recursive: true);
        }
    }

    [Theory]
    [InlineData("--provider", "mysql")]
    [InlineData("--provider", "postgres")]
    [InlineData("--duration", "mười giây")]
    [InlineData("--articles", "0")]
    [InlineData("--connections", "0")]
    [InlineData("--reuse", "khong-co-thu-muc-nay")]
    public async Task Bad_arguments_are_refused_in_Vietnamese_before_anything_is_made(string option, string value)
    {
        var result = await Infrastructure.Cli.RunAsync("bench", "web", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Lỗi: ", result.Errors);
        Assert.DoesNotContain("Tạo dữ liệu", result.Output);
    }
}
