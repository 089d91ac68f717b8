using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MinhBach.Data;
using MinhBach.Features.Bench;
using MinhBach.Hosting;
using MinhBach.Text;
using Npgsql;

namespace MinhBach.Cli;

/// <summary>
/// `bench web`: generates a province on a database made for the run (removed after it), then measures the app as a
/// real process under wrk (<see cref="WebBench"/>). `bench visits` is its visit-counting part alone on a small province.
/// </summary>
internal static class BenchWebCommand
{
    public static Command Web()
    {
        var cmd = new Command("web", "Số yêu cầu/giây, p50, p99 của trang chủ, chuyên mục, tin bài, tìm kiếm (có và không bộ đệm) so với nginx; bộ nhớ; thời gian xuất bản đến lúc hiện; đếm lượt truy cập.")
        { TreatUnmatchedTokensAsErrors = false };
        var provider = new Option<string?>("--provider") { Description = "sqlite (mặc định) hoặc postgres (cần --postgres; mặc định khi có --postgres)" };
        var sites = new Option<int?>("--sites") { Description = "Số trang (mặc định: SQLite 20, PostgreSQL 200)" };
        var articles = new Option<int?>("--articles") { Description = "Số tin bài (mặc định: SQLite 100.000, PostgreSQL 1.000.000)" };
        var documents = new Option<int?>("--documents") { Description = "Số văn bản (mặc định: SQLite 0, PostgreSQL 100.000)" };
        var (postgres, connections, duration, rounds, json) = CommonOptions();
        var keep = new Option<bool>("--keep") { Description = "Giữ lại cơ sở dữ liệu đo" };
        var reuse = new Option<string?>("--reuse") { Description = "Đo lại trên cơ sở dữ liệu đã giữ (--keep): tên cơ sở dữ liệu PostgreSQL, hoặc thư mục SQLite" };
        foreach (var o in new Option[] { provider, sites, articles, documents, postgres, connections, duration, rounds, json, keep, reuse }) cmd.Options.Add(o);
        cmd.SetAction((pr, ct) =>
        {
            var pg = pr.GetValue(provider) switch { "sqlite" => false, "postgres" => true, null => pr.GetValue(postgres) is not null, _ => (bool?)null };
            if (pg is null) { Console.Error.WriteLine("Lỗi: --provider là sqlite hoặc postgres."); return Task.FromResult(2); }
            if (pg == false && pr.GetValue(postgres) is not null)
            {
                Console.Error.WriteLine("Lỗi: --postgres chỉ dùng với --provider postgres.");
                return Task.FromResult(2);
            }
            if (pg == true && pr.GetValue(postgres) is null)
            {
                Console.Error.WriteLine("Lỗi: --provider postgres cần máy chủ: --postgres \"Host=...;Username=...\" (một cơ sở dữ liệu tạm được tạo và xóa).");
                return Task.FromResult(2);
            }
            var size = (Sites: pr.GetValue(sites) ?? (pg == true ? 200 : 20), Articles: pr.GetValue(articles) ?? (pg == true ? 1_000_000 : 100_000),
                Documents: pr.GetValue(documents) ?? (pg == true ? 100_000 : 0));
            if (size.Sites is < 1 or > 5000 || size.Articles is < 1 or > 10_000_000 || size.Documents is < 0 or > 10_000_000 || size.Articles < size.Sites)
            {
                Console.Error.WriteLine("Lỗi: --sites phải từ 1 đến 5.000, --articles từ 1 đến 10.000.000 và không ít hơn số trang, --documents từ 0 đến 10.000.000.");
                return Task.FromResult(2);
            }
            var reused = pr.GetValue(reuse);
            if (reused is not null && pg == false && !File.Exists(Path.Combine(reused, "bench.db")))
            {
                Console.Error.WriteLine($"Lỗi: không có cơ sở dữ liệu đo đã giữ trong thư mục {reused}.");
                return Task.FromResult(2);
            }
            return RunAsync(pr, pg == true ? pr.GetValue(postgres) : null, size, pr.GetValue(connections), pr.GetValue(duration)!, pr.GetValue(rounds), pr.GetValue(json), visitsOnly: false, ct,
                pr.GetValue(keep), reused);
        });
        return cmd;
    }

    public static Command Visits()
    {
        var cmd = new Command("visits", "Số trang/giây khi bật và tắt đếm lượt truy cập: hai tiến trình ứng dụng, wrk, các vòng xen kẽ, so trung vị.")
        { TreatUnmatchedTokensAsErrors = false };
        var (postgres, connections, duration, rounds, json) = CommonOptions();
        foreach (var o in new Option[] { postgres, connections, duration, rounds, json }) cmd.Options.Add(o);
        cmd.SetAction((pr, ct) => RunAsync(pr, pr.GetValue(postgres), (2, 2000, 0), pr.GetValue(connections), pr.GetValue(duration)!, pr.GetValue(rounds), pr.GetValue(json), visitsOnly: true, ct));
        return cmd;
    }

    private static (Option<string?> Postgres, Option<int> Connections, Option<string> Duration, Option<int> Rounds, Option<string?> Json) CommonOptions() =>
    (
        new Option<string?>("--postgres") { Description = "Máy chủ PostgreSQL (\"Host=...;Username=...\"); một cơ sở dữ liệu tạm được tạo và xóa" },
        new Option<int>("--connections") { Description = "Số kết nối song song của wrk (mặc định 64)", DefaultValueFactory = _ => 64 },
        new Option<string>("--duration") { Description = "Thời gian đo mỗi trang, ví dụ 10s hoặc 1m (mặc định 10s); bench web đo năm vòng, mỗi vòng một phần ba thời gian này cho trang rồi cho nginx", DefaultValueFactory = _ => "10s" },
        new Option<int>("--rounds") { Description = "Số vòng mỗi chế độ khi so bật/tắt đếm lượt truy cập (mặc định 5; 0: bỏ qua)", DefaultValueFactory = _ => 5 },
        new Option<string?>("--json") { Description = "Ghi kết quả ra tệp JSON" }
    );

    private static TimeSpan? ParseDuration(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), "^([0-9]{1,4})(s|m)?$");
        if (!m.Success) return null;
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var span = m.Groups[2].Value == "m" ? TimeSpan.FromMinutes(n) : TimeSpan.FromSeconds(n);
        return span < TimeSpan.FromSeconds(1) || span > TimeSpan.FromMinutes(10) ? null : span;
    }

    private static async Task<int> RunAsync(ParseResult pr, string? postgres, (int Sites, int Articles, int Documents) size, int connections, string durationText,
        int rounds, string? json, bool visitsOnly, CancellationToken ct, bool keep = false, string? reuse = null)
    {
        if (ParseDuration(durationText) is not { } duration)
        {
            Console.Error.WriteLine("Lỗi: --duration là số giây (10 hoặc 10s) hoặc số phút (1m), từ 1 giây đến 10 phút.");
            return 2;
        }
        if (connections is < 1 or > 10_000 || rounds is < 0 or > 100 || (visitsOnly && rounds < 1))
        {
            Console.Error.WriteLine("Lỗi: --connections phải từ 1 đến 10.000 và --rounds từ 0 đến 100 (bench visits: từ 1).");
            return 2;
        }
        if (Wrk.Path is null || NginxCeiling.Path is null)
        {
            Console.Error.WriteLine("Lỗi: cần wrk và nginx (gói Debian wrk, nginx). ./minhbach bench tự cài chúng; nếu chạy trực tiếp, hãy cài bằng apt-get.");
            return 3;
        }
        var folder = reuse is not null && postgres is null ? Path.GetFullPath(reuse) : Path.Combine(Path.GetTempPath(), "minhbach-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        string? pgDatabase = null;
        var settings = new List<string> { $"--MinhBach:DataDirectory={folder}", "--Scheduling:Enabled=false", "--Logging:LogLevel:Default=Warning",
            "--Accounts:TwoFactorRequiredFrom=None" };
        try
        {
            if (postgres is not null)
            {
                var server = new NpgsqlConnectionStringBuilder(postgres);
                pgDatabase = reuse ?? "minhbach_bench_" + Guid.NewGuid().ToString("N")[..8];
                if (reuse is null)
                {
                    await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = server.Database ?? "postgres" }.ToString());
                    await conn.OpenAsync(ct);
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{pgDatabase}\"", conn);
                    await create.ExecuteNonQueryAsync(ct);
                }
                settings.Add($"--ConnectionStrings:Postgres={new NpgsqlConnectionStringBuilder(postgres) { Database = pgDatabase }}");
            }
            else
                settings.AddRange($"--ConnectionStrings:Sqlite={new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db") }}", "--ConnectionStrings:Postgres=");
            settings.AddRange(pr.UnmatchedTokens);
            var provider = postgres is null ? "SQLite" : "PostgreSQL";

            WebBenchData.Plan plan;
            if (reuse is null)
                Console.WriteLine($"Tạo dữ liệu trên {provider}: {VietnameseText.FormatNumber(size.Sites)} trang, {VietnameseText.FormatNumber(size.Articles)} tin bài, " +
                    $"{VietnameseText.FormatNumber(size.Documents)} văn bản…");
            await using (var app = WebHost.Build([.. settings]))
            {
                await using (var scope = app.Services.CreateAsyncScope())
                    await DataSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), ct);
                var data = new WebBenchData(app.Services, Console.Out);
                plan = reuse is null ? await data.CreateAsync(size.Sites, size.Articles, size.Documents, ct) : await data.LoadPlanAsync(ct);
            }
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (reuse is null) Console.WriteLine($"Xong trong {plan.Seconds:0} giây.");
            else
            {
                size = (plan.Sites, plan.Articles, plan.Documents);
                Console.WriteLine($"Đo lại trên {provider}: {VietnameseText.FormatNumber(size.Sites)} trang, {VietnameseText.FormatNumber(size.Articles)} tin bài, " +
                    $"{VietnameseText.FormatNumber(size.Documents)} văn bản đã tạo.");
            }

            var bench = new WebBench(Console.Out);
            var options = new WebBench.Options(connections, duration, rounds, folder);
            if (visitsOnly)
            {
                var v = await bench.VisitsAsync(settings, [plan.Home, plan.Category, plan.Article], options, ct);
                Console.WriteLine($"wrk {connections} kết nối, {duration.TotalSeconds:0} giây mỗi lần đo. " + v.Describe());
                if (json is not null) await WriteJsonAsync(json, v, ct);
                return 0;
            }
            var result = await bench.RunAsync(plan, settings, options, (provider, size.Sites, size.Articles, size.Documents), ct);
            WebBench.Print(result, Console.Out);
            if (json is not null) await WriteJsonAsync(json, result, ct);
            return 0;
        }
        catch (NpgsqlException e)
        {
            Console.Error.WriteLine($"Lỗi: không dùng được PostgreSQL ({e.Message}).");
            return 3;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Ứng dụng", StringComparison.Ordinal) || e.Message.StartsWith("wrk", StringComparison.Ordinal)
            || e.Message.StartsWith("nginx", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Lỗi: " + e.Message);
            return 4;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            var kept = keep || reuse is not null;
            if (kept) Console.WriteLine($"Giữ lại: {pgDatabase ?? folder}");
            // A kept PostgreSQL database leaves nothing needed in the data folder.
            if (!kept || pgDatabase is not null)
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            if (pgDatabase is not null && !kept)
            {
                NpgsqlConnection.ClearAllPools();
                var server = new NpgsqlConnectionStringBuilder(postgres);
                await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = server.Database ?? "postgres" }.ToString());
                await conn.OpenAsync(CancellationToken.None);
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private static async Task WriteJsonAsync<T>(string file, T value, CancellationToken ct)
    {
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }), ct);
        Console.WriteLine($"Đã ghi {file}.");
    }
}
