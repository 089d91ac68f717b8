using System.CommandLine;
using MinhBach.Data;
using MinhBach.Features.Audit;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`audit-log verify`: walks the hash chain and names the first entry that was changed or removed.</summary>
internal static class AuditLogCommands
{
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
        return cmd;
    }
}
