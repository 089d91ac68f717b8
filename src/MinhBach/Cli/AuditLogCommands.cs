using System.CommandLine;
using MinhBach.Data;
using MinhBach.Features.Audit;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`audit-log verify`: walks the hash chain and names the first entry that was changed or removed.</summary>
internal static class AuditLogCommands
{
    private static Command Export()
    {
        var cmd = new Command("export", "Xuất nhật ký ra tệp .xlsx hoặc .csv (theo đuôi tệp).") { TreatUnmatchedTokensAsErrors = false };
        var output = new Option<string>("--out") { Required = true, Description = "Tệp kết quả, ví dụ nhat-ky.xlsx" };
        var site = new Option<string?>("--site") { Description = "Chỉ một trang (đường dẫn; \"/\" cho cổng tỉnh)" };
        var from = new Option<string?>("--from") { Description = "Từ ngày (yyyy-MM-dd, giờ Việt Nam)" };
        var to = new Option<string?>("--to") { Description = "Đến ngày (yyyy-MM-dd)" };
        foreach (var o in new Option[] { output, site, from, to }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(output)!;
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".xlsx" or ".csv")) { Console.Error.WriteLine("Lỗi: tệp kết quả phải có đuôi .xlsx hoặc .csv."); return 2; }
            DateOnly? Parse(string? s, string what, out bool bad)
            {
                bad = false;
                if (string.IsNullOrEmpty(s)) return null;
                if (DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
                Console.Error.WriteLine($"Lỗi: {what} \"{s}\" không đúng dạng yyyy-MM-dd.");
                bad = true;
                return null;
            }
            var f = Parse(pr.GetValue(from), "ngày bắt đầu", out var bad1);
            var t = Parse(pr.GetValue(to), "ngày kết thúc", out var bad2);
            if (bad1 || bad2) return 2;
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var snap = await scope.ServiceProvider.GetRequiredService<Features.Sites.SiteDirectory>().GetAsync(ct);
            int? siteId = null;
            if (pr.GetValue(site) is { } slug)
            {
                if (!snap.BySlug.TryGetValue(slug.Trim('/'), out var s)) { Console.Error.WriteLine($"Lỗi: không tìm thấy trang \"{slug}\"."); return 2; }
                siteId = s.Id;
            }
            var entries = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                new AuditFilter(siteId, f, t, null, null).Apply(db).OrderBy(e => e.Sequence), ct);
            var rows = entries.Select(e => AuditFilter.Row(e, e.SiteId is int id && snap.ById.TryGetValue(id, out var s) ? s.Name : null));
            var bytes = ext == ".csv" ? Features.Exports.Spreadsheet.Csv(AuditFilter.Headers, rows) : Features.Exports.Spreadsheet.Xlsx("Nhật ký", AuditFilter.Headers, rows);
            var temp = path + ".tmp";
            await File.WriteAllBytesAsync(temp, bytes, ct);
            File.Move(temp, path, overwrite: true);
            Console.WriteLine($"Đã xuất {entries.Count} mục nhật ký ra {path}.");
            return 0;
        });
        return cmd;
    }

    public static Command Create()
    {
        var cmd = new Command("audit-log", "Nhật ký kiểm toán: kiểm tra tính toàn vẹn.");
        var verify = new Command("verify", "Kiểm tra chuỗi băm của nhật ký; báo mục đầu tiên bị sửa hoặc xóa.") { TreatUnmatchedTokensAsErrors = false };
        verify.SetAction(async (pr, ct) =>
        {
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var result = await AuditTrail.VerifyAsync(db, new Progress<long>(n => Console.WriteLine($"… đã kiểm tra {n} mục")), ct);
            if (result.BrokenAt is null)
            {
                Console.WriteLine(result.Message);
                return 0;
            }
            Console.Error.WriteLine("CẢNH BÁO: " + result.Message);
            return 1;
        });
        cmd.Subcommands.Add(verify);
        cmd.Subcommands.Add(Export());
        return cmd;
    }
}
