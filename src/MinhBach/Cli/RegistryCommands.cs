using System.CommandLine;
using MinhBach.Features.Audit;
using MinhBach.Features.Registry;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`registry import FILE.xlsx [--dry-run]` and `registry export --out FILE.xlsx`: the registry (sổ theo dõi) as a spreadsheet.</summary>
internal static class RegistryCommands
{
    public static Command Create()
    {
        var cmd = new Command("registry", "Sổ theo dõi các trang thông tin điện tử của tỉnh: nhập, xuất Excel.");
        cmd.Subcommands.Add(Import());
        cmd.Subcommands.Add(Export());
        return cmd;
    }

    private static Command Import()
    {
        var cmd = new Command("import", "Nhập sổ theo dõi từ tệp .xlsx: tất cả hoặc không gì cả; mọi lỗi được báo theo từng dòng.") { TreatUnmatchedTokensAsErrors = false };
        var file = new Argument<string>("FILE") { Description = "Tệp .xlsx (các cột: Tên đơn vị, Loại đơn vị, Tên miền …)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ kiểm tra và cho biết sẽ thêm, sửa gì; không ghi." };
        cmd.Arguments.Add(file);
        cmd.Options.Add(dryRun);
        cmd.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(file)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"Lỗi: không tìm thấy tệp \"{path}\"."); return 2; }
            var bytes = await File.ReadAllBytesAsync(path, ct);
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var import = scope.ServiceProvider.GetRequiredService<RegistryImport>();
            var plan = await import.PlanAsync(bytes, Path.GetFileName(path), ct);
            if (!plan.Ok)
            {
                Console.Error.WriteLine($"Không nhập được {Path.GetFileName(path)}: {plan.Problems.Count} lỗi, không có gì được ghi.");
                foreach (var p in plan.Problems) Console.Error.WriteLine("- " + p);
                return 2;
            }
            foreach (var a in plan.Added) Console.WriteLine($"  thêm   dòng {a.Row}: {a.Change.UnitName} ({string.Join(", ", a.Domains.Select(DomainNames.Display))})");
            foreach (var u in plan.Updated) Console.WriteLine($"  sửa    dòng {u.Row}: {u.Existing!.UnitName}: {string.Join(", ", u.ChangedFields.DefaultIfEmpty("đơn vị cấp trên"))}");
            if (pr.GetValue(dryRun))
            {
                Console.WriteLine($"Kiểm tra xong, không có lỗi: sẽ thêm {plan.Added.Count}, sửa {plan.Updated.Count}, giữ nguyên {plan.Unchanged} (chưa ghi gì: --dry-run).");
                return 0;
            }
            try
            {
                var result = await import.ApplyAsync(plan, AuditActor.System, ct);
                Console.WriteLine($"Đã nhập: thêm {result.Added}, sửa {result.Updated}, giữ nguyên {result.Unchanged}.");
                return 0;
            }
            catch (ImportRefusedException e)
            {
                Console.Error.WriteLine("Lỗi: " + e.Message);
                return 2;
            }
        });
        return cmd;
    }

    private static Command Export()
    {
        var cmd = new Command("export", "Xuất sổ theo dõi ra tệp .xlsx (cùng các cột mà lệnh import đọc).") { TreatUnmatchedTokensAsErrors = false };
        var output = new Option<string>("--out") { Required = true, Description = "Tệp kết quả, ví dụ so-theo-doi.xlsx" };
        cmd.Options.Add(output);
        cmd.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(output)!;
            if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) { Console.Error.WriteLine("Lỗi: tệp kết quả phải có đuôi .xlsx."); return 2; }
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var rows = await scope.ServiceProvider.GetRequiredService<RegistryService>().RowsAsync(ct: ct);
            var temp = path + ".tmp";
            await File.WriteAllBytesAsync(temp, RegistryExport.Xlsx(rows), ct);
            File.Move(temp, path, overwrite: true);
            Console.WriteLine($"Đã xuất {rows.Count} mục của sổ theo dõi ra {path}.");
            return 0;
        });
        return cmd;
    }
}
