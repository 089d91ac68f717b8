using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Operations.Backup;
using MinhBach.Hosting;
using MinhBach.Text;

namespace MinhBach.Cli;

/// <summary>`backup FILE` and `restore FILE [--force]` (Features/Operations/Backup).</summary>
public static class BackupCommands
{
    public static Command Backup()
    {
        var cmd = new Command("backup", "Sao lưu cơ sở dữ liệu và các tệp đã tải lên vào một tệp (chạy được khi máy chủ đang chạy).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var file = new Argument<string>("TỆP") { Description = "Tệp sao lưu sẽ tạo (ví dụ minhbach-2026-11-23.tar.gz); không ghi đè tệp đã có." };
        cmd.Arguments.Add(file);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            using var scope = app.Services.CreateScope();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var path = pr.GetValue(file)!;
            return await ExplainAsync(async () =>
            {
                var m = await ActivatorUtilities.CreateInstance<BackupService>(scope.ServiceProvider).CreateAsync(path, Progress, ct);
                Console.WriteLine($"Đã sao lưu vào {Path.GetFullPath(path)} ({VietnameseText.FormatNumber(new FileInfo(path).Length / 1024)} KB, " +
                    $"{started.Elapsed.TotalSeconds:0.0} giây): {m.Provider}, {m.Migrations.Count} bước nâng cấp, {m.Tables.Count} bảng, " +
                    $"{VietnameseText.FormatNumber(m.Tables.Values.Sum(t => t.Rows))} dòng, {VietnameseText.FormatNumber(m.Files.Count)} tệp.");
            });
        });
        return cmd;
    }

    public static Command Restore()
    {
        var cmd = new Command("restore", "Khôi phục từ tệp sao lưu vào cơ sở dữ liệu trống (dừng máy chủ trước).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var file = new Argument<string>("TỆP") { Description = "Tệp do ./minhbach backup tạo ra." };
        var force = new Option<bool>("--force") { Description = "Khôi phục cả khi cơ sở dữ liệu đích đã có dữ liệu (dữ liệu đó bị thay thế)." };
        cmd.Arguments.Add(file);
        cmd.Options.Add(force);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            using var scope = app.Services.CreateScope();
            var started = System.Diagnostics.Stopwatch.StartNew();
            return await ExplainAsync(async () =>
            {
                var m = await ActivatorUtilities.CreateInstance<BackupService>(scope.ServiceProvider).RestoreAsync(pr.GetValue(file)!, pr.GetValue(force), Progress, ct);
                Console.WriteLine($"Đã khôi phục bản sao lưu ngày {Features.Public.VnTime.DateTimeText(m.CreatedAt)} (MinhBach {m.AppVersion}) " +
                    $"trong {started.Elapsed.TotalSeconds:0.0} giây: {m.Tables.Count} bảng, {VietnameseText.FormatNumber(m.Tables.Values.Sum(t => t.Rows))} dòng " +
                    $"và {VietnameseText.FormatNumber(m.Files.Count)} tệp, khớp bản kê.");
                using var check = app.Services.CreateScope();
                var db = check.ServiceProvider.GetRequiredService<Data.AppDb>();
                var pending = db.Database.GetMigrations().Except(m.Migrations).Count();
                if (pending > 0) Console.WriteLine($"Bản sao lưu cũ hơn phiên bản này {pending} bước nâng cấp: chạy ./minhbach migrate trước khi chạy máy chủ.");
            });
        });
        return cmd;
    }

    private static readonly IProgress<string> Progress = new LineProgress();

    private sealed class LineProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine(value);
    }

    private static async Task<int> ExplainAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine("Lỗi: " + e.Message);
            return e.ExitCode;
        }
    }
}
