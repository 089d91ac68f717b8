using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Search;

/// <summary>`./minhbach bench search`: relevance and latency on a generated corpus, and which queries were slowest.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class SearchBenchTests
{
    private static readonly string[] Classes = ["một từ phổ biến", "một từ hiếm", "cụm từ", "cụm không dấu", "số ký hiệu"];

    [DatabaseTheory]
    public async Task The_search_bench_scores_the_relevance_set_times_every_class_and_names_its_slowest_queries(string provider)
    {
        var json = Path.Combine(Path.GetTempPath(), $"minhbach-search-bench-{Guid.NewGuid():N}.json");
        try
        {
            string[] server = provider == Databases.Postgres ? ["--postgres", Databases.PostgresServer!] : [];
            var run = await Infrastructure.Cli.RunAsync(["bench", "search", "--items", "2000", "--sites", "3", "--json", json, .. server]);

            Assert.True(run.ExitCode == 0, run.ToString());
            var mrr = double.Parse(MrrLine().Match(run.Output).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(mrr >= 0.9, run.Output);
            foreach (var name in Classes)
            {
                Assert.Matches(new Regex($@"^{Regex.Escape(name)}\s+100\s+[0-9.]+\s+[0-9.]+", RegexOptions.Multiline), run.Output);
                // Each class's three slowest queries, with where they were asked: what to look at first.
                Assert.Matches(new Regex($@"^Chậm nhất, {Regex.Escape(name)}: ""[^""]+"" \((cả tỉnh|một trang)\) [0-9.]+ ms; ""[^""]+"" \(", RegexOptions.Multiline), run.Output);
            }

            using var result = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var latencies = result.RootElement.GetProperty("Latencies").EnumerateArray().ToList();
            Assert.Equal(Classes, latencies.Select(l => l.GetProperty("Class").GetString()));
            foreach (var latency in latencies)
            {
                var slowest = latency.GetProperty("Slowest").EnumerateArray().ToList();
                Assert.Equal(3, slowest.Count);
                Assert.All(slowest, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("Query").GetString())));
                Assert.All(slowest, s => Assert.Contains(s.GetProperty("Scope").GetString(), new[] { "cả tỉnh", "một trang" }));
                var times = slowest.Select(s => s.GetProperty("Ms").GetDouble()).ToList();
                Assert.Equal(times.OrderDescending(), times);
                Assert.Equal(latency.GetProperty("Max").GetDouble(), times[0]);
            }
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task A_bench_size_out_of_range_is_refused_in_Vietnamese()
    {
        var run = await Infrastructure.Cli.RunAsync("bench", "search", "--items", "-5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--items phải từ 0 đến 10.000.000", run.Errors);
    }

    [GeneratedRegex(@"Độ liên quan: MRR ([0-9.]+)")]
    private static partial Regex MrrLine();
}
