using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Demo;
using MinhBach.Features.Sites;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>The operator verbs. `./minhbach VERB` and the published binary share them.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("MinhBach: cổng thông tin điện tử tỉnh và các trang thành phần.");
        root.Subcommands.Add(Serve());
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(Demo());
        root.Subcommands.Add(SeedDemo());
        root.Subcommands.Add(Sites());
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(AuditLogCommands.Create());
        root.Subcommands.Add(Reindex());
        var bench = BenchCommands.Create();
        bench.Subcommands.Add(MonitorBenchCommand.Create());
        root.Subcommands.Add(bench);
        root.Subcommands.Add(ActivityReportCommand.Create());
        root.Subcommands.Add(RegistryCommands.Create());
        root.Subcommands.Add(ReviewReportCommand.Create());
        root.Subcommands.Add(ComplianceCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(BackupCommands.Backup());
        root.Subcommands.Add(BackupCommands.Restore());

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"Lỗi: câu lệnh không hợp lệ ({e.Message}).");
            Console.Error.WriteLine("Xem hướng dẫn: ./minhbach --help");
            return 2;
        }
        try
        {
            // The failures below are explained here, in Vietnamese; System.CommandLine's own handler would catch
            // them first and print only a stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Features.Catalogue.CatalogueException e)
        {
            Console.Error.WriteLine(e.Message);
            return 3;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            Console.Error.WriteLine("Cấu hình không hợp lệ:\n- " + string.Join("\n- ", e.Failures));
            return 3;
        }
        catch (Features.Scaling.RedisUnavailableException e)
        {
            Console.Error.WriteLine(e.Message);
            return 7;
        }
        catch (Quartz.SchedulerException e)
        {
            // Typically a qrtz_* table or column missing on PostgreSQL: Quartz checks its schema when it starts.
            Console.Error.WriteLine($"Bộ lập lịch (Quartz) không khởi động được: {e.GetBaseException().Message}\n" +
                "Kiểm tra chuỗi kết nối (ConnectionStrings:Postgres) và các bảng qrtz_*, được tạo khi nâng cấp cơ sở dữ liệu: chạy ./minhbach migrate (hoặc serve --migrate).");
            return 6;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            Console.Error.WriteLine($"Lỗi cơ sở dữ liệu: {e.GetBaseException().Message}\nKiểm tra chuỗi kết nối (ConnectionStrings) và chạy ./minhbach migrate.");
            return 5;
        }
        catch (OperationCanceledException)
        {
            return 1;
        }
        catch (Exception e)
        {
            // Anything else, as System.CommandLine's default handler reports it.
            Console.Error.WriteLine("Lỗi không lường trước: " + e);
            return 1;
        }
    }

    /// <summary>A command that passes options it does not know (--urls, --environment …) to the web host.</summary>
    private static Command HostCommand(string name, string description)
    {
        var cmd = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        return cmd;
    }

    private static Command Serve()
    {
        var cmd = HostCommand("serve", "Chạy máy chủ web (mọi tham số khác như --urls được chuyển cho máy chủ).");
        var migrate = new Option<bool>("--migrate") { Description = "Nâng cấp cơ sở dữ liệu trước khi chạy." };
        cmd.Options.Add(migrate);
        cmd.SetAction(async (pr, ct) =>
        {
            var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await EnsureMigratedAsync(app.Services, pr.GetValue(migrate), ct)) return 4;
            await app.RunAsync(ct);
            return 0;
        });
        return cmd;
    }

    private static Command Migrate()
    {
        var cmd = HostCommand("migrate", "Tạo hoặc nâng cấp cơ sở dữ liệu (SQLite hoặc PostgreSQL theo cấu hình).");
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ liệt kê các bước nâng cấp, không thay đổi gì." };
        cmd.Options.Add(dryRun);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var provider = scope.ServiceProvider.GetRequiredService<DatabaseInfo>().Provider;
            if (pr.GetValue(dryRun)) return await MigrationPreview.PrintAsync(db, provider, Console.Out, ct);
            var applied = await DataSetup.MigrateAsync(db, ct);
            Console.WriteLine(applied.Count == 0
                ? $"Cơ sở dữ liệu ({provider}) đã ở phiên bản mới nhất."
                : $"Đã áp dụng {applied.Count} bước nâng cấp trên {provider}.");
            await PrintSearchIndexAsync(db, ct);
            return 0;
        });
        return cmd;
    }

    private static Command Reindex()
    {
        var cmd = HostCommand("reindex", "Lập lại chỉ mục tìm kiếm từ nội dung (tin bài, văn bản, trang giới thiệu, hỏi đáp đã công khai).");
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var lastLine = "";
            var progress = new SyncProgress<Features.Search.SearchReindex.Progress>(p =>
            {
                var name = Features.Search.SearchKinds.Vietnamese(p.Kind).ToLowerInvariant();
                var line = $"  {name}: {Text.VietnameseText.FormatNumber(p.Done)}/{Text.VietnameseText.FormatNumber(p.Total)}";
                if (p.Done == p.Total || p.Done % 5000 == 0 || p.Done == 0) { if (line != lastLine) Console.WriteLine(line); lastLine = line; }
            });
            Console.WriteLine("Đang lập chỉ mục tìm kiếm…");
            var n = await ActivatorUtilities.CreateInstance<Features.Search.SearchReindex>(scope.ServiceProvider).RunAsync(progress, ct);
            Console.WriteLine($"Xong: {Text.VietnameseText.FormatNumber(n)} mục trong chỉ mục ({started.Elapsed.TotalSeconds:0.0} giây).");
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await PrintSearchIndexAsync(db, ct);
            return 0;
        });
        return cmd;
    }

    /// <summary>Which search index the database has; on PostgreSQL when it is not the one search is written for, why.</summary>
    private static async Task PrintSearchIndexAsync(AppDb db, CancellationToken ct)
    {
        var (kind, why) = await Features.Search.SearchIndexes.DescribeAsync(db, ct);
        Console.WriteLine(why is null ? $"Chỉ mục tìm kiếm: {kind.ToString().ToUpperInvariant()}." : $"Chú ý: tìm kiếm sẽ chậm: {why}.");
    }

    /// <summary>Reports on the caller's thread, so progress lines come out in order.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static Command SeedDemo()
    {
        var cmd = HostCommand("seed-demo", "Nạp dữ liệu tỉnh mẫu (chỉ khi cơ sở dữ liệu chưa có trang nào).");
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            await EnsureMigratedAsync(app.Services, migrate: true, ct);
            await SeedIfEmptyAsync(app.Services, ct);
            return 0;
        });
        return cmd;
    }

    private static Command Demo()
    {
        var cmd = HostCommand("demo", "Tạo cơ sở dữ liệu SQLite, nạp tỉnh mẫu và chạy máy chủ.");
        cmd.SetAction(async (pr, ct) =>
        {
            var args = pr.UnmatchedTokens.ToList();
            if (!args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal))) args.AddRange(["--urls", "http://127.0.0.1:5080"]);
            if (!args.Any(a => a.Contains("TwoFactorRequiredFrom", StringComparison.Ordinal))) args.Add("--Accounts:TwoFactorRequiredFrom=None");
            // A person watches the demo's terminal: plain log lines, warnings and errors only.
            if (!args.Any(a => a.Contains("Logging:", StringComparison.Ordinal))) args.AddRange(["--Logging:Console:FormatterName=simple", "--Logging:LogLevel:Default=Warning"]);
            var app = WebHost.Build([.. args]);
            await EnsureMigratedAsync(app.Services, migrate: true, ct);
            await SeedIfEmptyAsync(app.Services, ct);
            await app.StartAsync(ct);
            var url = app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
            Console.WriteLine();
            Console.WriteLine($"MinhBach đang chạy: {url}/");
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                foreach (var s in await db.Sites.AsNoTracking().Where(s => s.Status == SiteStatus.Active).OrderBy(s => s.Order).ToListAsync(ct))
                    Console.WriteLine($"  {url}/{(s.Slug.Length > 0 ? s.Slug + "/" : "")}  {s.Name}");
            }
            Console.WriteLine();
            Console.WriteLine($"Tài khoản demo (mật khẩu chung: {DemoAccounts.Password}), đăng nhập tại {url}/quan-tri hoặc {url}/so-khcn/quan-tri:");
            foreach (var a in DemoAccounts.All) Console.WriteLine($"  {a.Email,-34} {a.Description}");
            if (!args.Any(a => a.Contains("TwoFactorRequiredFrom", StringComparison.Ordinal)))
                Console.WriteLine("Bản demo tắt yêu cầu xác thực hai bước; khi chạy thật (serve), biên tập viên trở lên bắt buộc dùng mã TOTP.");
            Console.WriteLine("Nhấn Ctrl+C để dừng.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return cmd;
    }

    private static Command Sites()
    {
        var cmd = new Command("site", "Quản lý các trang (trang thành phần) của cổng.");
        var list = HostCommand("list", "Liệt kê các trang.");
        list.SetAction(async (pr, ct) =>
        {
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            foreach (var s in await db.Sites.AsNoTracking().Include(s => s.Hosts).OrderBy(s => s.Order).ToListAsync(ct))
                Console.WriteLine($"{(s.Slug.Length == 0 ? "/" : "/" + s.Slug + "/"),-24} {s.KindCode,-18} {string.Join(",", s.Hosts.Select(h => h.Host)),-36} {s.Name}");
            return 0;
        });
        cmd.Subcommands.Add(list);
        cmd.Subcommands.Add(SiteAddCommand.Create());
        cmd.Subcommands.Add(SiteSetCommand.Create());
        return cmd;
    }

    internal static async Task<bool> EnsureMigratedAsync(IServiceProvider services, bool migrate, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return true;
        if (!migrate)
        {
            Console.Error.WriteLine($"Cơ sở dữ liệu chưa được nâng cấp ({pending.Count} bước). Chạy: ./minhbach migrate (hoặc serve --migrate).");
            return false;
        }
        await DataSetup.MigrateAsync(db, ct);
        return true;
    }

    private static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (await db.Sites.AnyAsync(ct)) return;
        var seeder = ActivatorUtilities.CreateInstance<DemoProvince>(scope.ServiceProvider);
        await seeder.SeedAsync(new Progress<string>(Console.WriteLine), ct);
        await ActivatorUtilities.CreateInstance<DemoAccounts>(scope.ServiceProvider).SeedAsync(ct);
        Console.WriteLine($"Đã tạo {DemoAccounts.All.Count} tài khoản demo.");
    }
}
