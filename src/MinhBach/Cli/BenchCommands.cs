using System.CommandLine;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MinhBach.Data;
using MinhBach.Features.Bench;
using MinhBach.Hosting;
using Npgsql;

namespace MinhBach.Cli;

/// <summary>The bench verbs: each measures on a database made for the run and removed after it.</summary>
internal static class BenchCommands
{
    public static Command Create()
    {
        var cmd = new Command("bench", "Đo hiệu năng trên một cơ sở dữ liệu tạo riêng cho lần đo.");
        cmd.Subcommands.Add(BenchWebCommand.Web());
        cmd.Subcommands.Add(Search());
        cmd.Subcommands.Add(BenchWebCommand.Visits());
        cmd.Subcommands.Add(ReviewReport());
        return cmd;
    }

    /// <summary>`bench review-report [--sites 200]`: the report for a province of N websites on a SQLite database made for the run.</summary>
    private static Command ReviewReport()
    {
        var cmd = new Command("review-report", "Thời gian tạo báo cáo rà soát (DOCX và phụ lục XLSX) cho N trang.") { TreatUnmatchedTokensAsErrors = false };
        var sites = new Option<int>("--sites") { Description = "Số trang trong sổ theo dõi (mặc định 200; một nửa đặt trên hệ thống)", DefaultValueFactory = _ => 200 };
        var pack = new Option<string>("--pack") { Description = "Gói quy tắc (mặc định D42-2022)", DefaultValueFactory = _ => "D42-2022" };
        cmd.Options.Add(sites);
        cmd.Options.Add(pack);
        cmd.SetAction(async (pr, ct) =>
        {
            var n = pr.GetValue(sites);
            if (n is < 2 or > 5000) { Console.Error.WriteLine("Lỗi: --sites phải từ 2 đến 5.000."); return 2; }
            return await OnTemporarySqliteAsync(pr, ["--ConnectionStrings:Postgres="], async app =>
            {
                try
                {
                    var r = await new ReviewReportBench(app.Services, Console.Out).RunAsync(n, pr.GetValue(pack)!, ct);
                    Console.WriteLine($"Báo cáo rà soát cho {r.Sites} trang: thu thập dữ liệu và đánh giá {r.GatherSeconds:0.00} giây, ghi DOCX và XLSX {r.WriteSeconds:0.00} giây, " +
                        $"tổng {r.TotalSeconds:0.00} giây (DOCX {r.DocxBytes / 1024} KB, XLSX {r.XlsxBytes / 1024} KB). Mục tiêu: dưới 30 giây.");
                    Console.WriteLine($"Máy: {Environment.ProcessorCount} CPU, .NET {Environment.Version}, SQLite.");
                    return 0;
                }
                catch (Features.ReviewReport.ReviewReportException e)
                {
                    Console.Error.WriteLine("Lỗi: " + e.Message);
                    return 2;
                }
            }, ct);
        });
        return cmd;
    }

    /// <summary>Runs a bench on a host whose SQLite database is made, migrated, in a temporary folder for this run
    /// only; the folder goes with the run. <paramref name="settings"/> come after the common ones, the command line's last.</summary>
    private static async Task<int> OnTemporarySqliteAsync(ParseResult pr, IReadOnlyList<string> settings, Func<WebApplication, Task<int>> run, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "minhbach-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = WebHost.Build([$"--MinhBach:DataDirectory={folder}", "--Scheduling:Enabled=false", "--Logging:LogLevel:Default=Warning",
                $"--ConnectionStrings:Sqlite={new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db") }}", .. settings, .. pr.UnmatchedTokens]);
            await using (var scope = app.Services.CreateAsyncScope())
                await DataSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), ct);
            return await run(app);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static Command Search()
    {
        var cmd = new Command("search", "Độ liên quan (MRR, nDCG@10) và thời gian trả lời của tìm kiếm.") { TreatUnmatchedTokensAsErrors = false };
        var items = new Option<int>("--items") { Description = "Số tin bài và văn bản sinh ra (mặc định 100000)", DefaultValueFactory = _ => 100_000 };
        var sites = new Option<int>("--sites") { Description = "Số trang thành phần (mặc định 20)", DefaultValueFactory = _ => 20 };
        var postgres = new Option<string?>("--postgres") { Description = "Máy chủ PostgreSQL (\"Host=...;Username=...\"); một cơ sở dữ liệu tạm được tạo và xóa. Mặc định: SQLite." };
        var json = new Option<string?>("--json") { Description = "Ghi kết quả ra tệp JSON" };
        var keep = new Option<bool>("--keep") { Description = "Giữ lại cơ sở dữ liệu đo" };
        var reuse = new Option<string?>("--reuse") { Description = "Đo lại trên cơ sở dữ liệu đã giữ (--keep): tên cơ sở dữ liệu PostgreSQL, hoặc thư mục SQLite" };
        foreach (var o in new Option[] { items, sites, postgres, json, keep, reuse }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            var (n, s) = (pr.GetValue(items), pr.GetValue(sites));
            if (n is < 0 or > 10_000_000 || s is < 1 or > 1000)
            {
                Console.Error.WriteLine("Lỗi: --items phải từ 0 đến 10.000.000 và --sites từ 1 đến 1.000.");
                return 2;
            }
            var reused = pr.GetValue(reuse);
            var folder = reused is not null && pr.GetValue(postgres) is null ? reused : Path.Combine(Path.GetTempPath(), "minhbach-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            string? pgDatabase = null;
            NpgsqlConnectionStringBuilder? server = null;
            var settings = new List<string> { $"--MinhBach:DataDirectory={folder}", "--Scheduling:Enabled=false", "--Logging:LogLevel:Default=Warning" };
            try
            {
                if (pr.GetValue(postgres) is { } cs)
                {
                    server = new NpgsqlConnectionStringBuilder(cs);
                    pgDatabase = reused ?? "minhbach_bench_" + Guid.NewGuid().ToString("N")[..8];
                    if (reused is null)
                    {
                        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Database = server.Database ?? "postgres" }.ToString());
                        await conn.OpenAsync(ct);
                        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{pgDatabase}\"", conn);
                        await create.ExecuteNonQueryAsync(ct);
                    }
                    settings.Add($"--ConnectionStrings:Postgres={new NpgsqlConnectionStringBuilder(cs) { Database = pgDatabase }}");
                }
                else
                    settings.Add($"--ConnectionStrings:Sqlite={new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db") }}");

                await using var app = WebHost.Build([.. settings, .. pr.UnmatchedTokens]);
                await using (var scope = app.Services.CreateAsyncScope())
                    await DataSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), ct);
                var result = await new SearchBench(app.Services, Console.Out).RunAsync(n, s, reused is not null, ct);
                SearchBench.Print(result, Console.Out);
                if (pr.GetValue(json) is { } file)
                {
                    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
                    {
                        result.Provider, result.Items, result.Mrr, result.Ndcg, result.GenerateSeconds, result.Machine, result.LoadBefore, result.LoadAfter, result.CpuCountsServer,
                        Groups = result.Groups.Select(g => new { g.Group, g.Mrr, g.Ndcg, g.Count }),
                        result.Latencies,
                    }, new JsonSerializerOptions { WriteIndented = true }), ct);
                    Console.WriteLine($"Đã ghi {file}.");
                }
                return 0;
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"Lỗi: không dùng được PostgreSQL ({e.Message}).");
                return 3;
            }
            finally
            {
                if (!pr.GetValue(keep) && reused is null)
                {
                    SqliteConnection.ClearAllPools();
                    try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
                    if (pgDatabase is not null && server is not null)
                    {
                        NpgsqlConnection.ClearAllPools();
                        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = server.Database ?? "postgres" }.ToString());
                        await conn.OpenAsync(CancellationToken.None);
                        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)", conn);
                        await drop.ExecuteNonQueryAsync(CancellationToken.None);
                    }
                }
                else Console.WriteLine($"Giữ lại: {(pgDatabase ?? folder)}");
            }
        });
        return cmd;
    }
}
