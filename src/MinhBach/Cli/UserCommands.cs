using System.CommandLine;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`user add` and `user grant`: accounts and their roles on sites, from the command line.</summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var cmd = new Command("user", "Quản lý tài khoản và vai trò trên từng trang.");
        cmd.Subcommands.Add(Add());
        cmd.Subcommands.Add(Grant());
        return cmd;
    }

    private static Command Add()
    {
        var cmd = new Command("add", "Tạo tài khoản (mật khẩu được sinh ngẫu nhiên nếu không nhập).") { TreatUnmatchedTokensAsErrors = false };
        var email = new Option<string>("--email") { Description = "Email (dùng để đăng nhập)", Required = true };
        var name = new Option<string>("--name") { Description = "Họ và tên", Required = true };
        var password = new Option<string?>("--password") { Description = "Mật khẩu (ít nhất 10 ký tự, có chữ hoa, chữ thường, chữ số)" };
        var admin = new Option<bool>("--system-admin") { Description = "Quản trị hệ thống (mọi trang)" };
        var reviewer = new Option<bool>("--reviewer") { Description = "Chuyên viên Sở: xem mọi trang, không sửa" };
        var site = new Option<string?>("--site") { Description = "Cấp luôn vai trò trên trang này (\"/\" cho cổng tỉnh); cần --role" };
        var role = new Option<string?>("--role") { Description = "Vai trò trên trang --site: Contributor, Editor, EditorInChief hoặc SiteAdmin" };
        foreach (var o in new Option[] { email, name, password, admin, reviewer, site, role }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            (string, SiteRole)? grant = null;
            if (pr.GetValue(site) is not null || pr.GetValue(role) is not null)
            {
                if (pr.GetValue(site) is not { } s || ParseRole(pr.GetValue(role)) is not { } r)
                {
                    Console.Error.WriteLine("Lỗi: --site và --role phải đi cùng nhau; vai trò là Contributor, Editor, EditorInChief hoặc SiteAdmin.");
                    return 2;
                }
                grant = (s, r);
            }
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            try
            {
                var (user, pw) = await accounts.CreateAsync(
                    new AccountService.NewUser(pr.GetValue(email)!, pr.GetValue(name)!, pr.GetValue(password), pr.GetValue(admin), pr.GetValue(reviewer)),
                    AuditActor.System, grant, ct);
                Console.WriteLine($"Đã tạo tài khoản {user.Email}{(grant is { } g ? $" với vai trò {SiteRoleNames.Vietnamese(g.Item2)} trên trang \"{g.Item1}\"" : "")}.");
                if (pr.GetValue(password) is null) Console.WriteLine($"Mật khẩu: {pw}  (đổi sau lần đăng nhập đầu)");
                return 0;
            }
            catch (AccountException e)
            {
                Console.Error.WriteLine("Không tạo được tài khoản:\n- " + string.Join("\n- ", e.Errors));
                return 2;
            }
        });
        return cmd;
    }

    private static Command Grant()
    {
        var cmd = new Command("grant", "Cấp hoặc đổi vai trò của một tài khoản trên một trang.") { TreatUnmatchedTokensAsErrors = false };
        var email = new Option<string>("--email") { Required = true, Description = "Email của tài khoản" };
        var site = new Option<string>("--site") { Required = true, Description = "Đường dẫn của trang; \"/\" cho cổng tỉnh" };
        var role = new Option<string>("--role") { Required = true, Description = "Contributor, Editor, EditorInChief hoặc SiteAdmin" };
        foreach (var o in new Option[] { email, site, role }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            if (ParseRole(pr.GetValue(role)) is not { } r)
            {
                Console.Error.WriteLine($"Lỗi: vai trò \"{pr.GetValue(role)}\" không có (có: Contributor, Editor, EditorInChief, SiteAdmin).");
                return 2;
            }
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<AccountService>().GrantAsync(pr.GetValue(email)!, pr.GetValue(site)!, r, AuditActor.System, ct);
                Console.WriteLine($"Đã cấp vai trò {SiteRoleNames.Vietnamese(r)} cho {pr.GetValue(email)}.");
                return 0;
            }
            catch (AccountException e)
            {
                Console.Error.WriteLine("Không cấp được vai trò:\n- " + string.Join("\n- ", e.Errors));
                return 2;
            }
        });
        return cmd;
    }

    private static SiteRole? ParseRole(string? text) =>
        Enum.TryParse<SiteRole>(text, ignoreCase: true, out var r) && Enum.IsDefined(r) && !int.TryParse(text, out _) ? r : null;
}
