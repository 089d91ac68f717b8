using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Accounts;

/// <summary>`./minhbach user add` and `user grant`: bad input gets a Vietnamese error and changes nothing.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UserCommandTests
{
    private const string Email = "nguyen.van.an@soa.dongminh.gov.vn";

    private static async Task<TestDatabase> SitesDatabaseAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await database.MigrateAsync();
            await using var db = database.CreateDbContext();
            var portal = new Site { Slug = "", Name = AdminSites.PortalName, KindCode = "provincial-portal", CreatedAt = DateTime.UtcNow };
            db.Sites.Add(portal);
            await db.SaveChangesAsync();
            db.Sites.Add(new Site { Slug = "so-a", Name = AdminSites.SoAName, KindCode = "department", ParentId = portal.Id, Order = 1, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static Task<CliResult> UserAsync(TestDatabase database, params string[] args) =>
        Infrastructure.Cli.RunAsync([.. new[] { "user" }, .. args, .. database.CommandLineArgs]);

    private static async Task<(int Users, int Memberships, int AuditEntries)> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.Users.CountAsync(), await db.SiteMemberships.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [DatabaseTheory]
    public async Task A_weak_password_is_refused_in_Vietnamese_and_creates_nothing(string provider)
    {
        await using var database = await SitesDatabaseAsync(provider);

        var result = await UserAsync(database, "add", "--email", Email, "--name", "Nguyễn Văn An", "--password", "matkhau");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Không tạo được tài khoản:", result.Errors);
        Assert.Contains("- Mật khẩu phải có ít nhất 10 ký tự.", result.Errors);
        Assert.Contains("- Mật khẩu phải có ít nhất một chữ số.", result.Errors);
        Assert.Contains("- Mật khẩu phải có ít nhất một chữ hoa.", result.Errors);
        Assert.Equal((0, 0, 0), await CountsAsync(database));
    }

    [DatabaseTheory]
    public async Task An_invalid_email_or_empty_name_is_refused_and_creates_nothing(string provider)
    {
        await using var database = await SitesDatabaseAsync(provider);

        var email = await UserAsync(database, "add", "--email", "khong-phai-email", "--name", "Nguyễn Văn An", "--password", AdminSites.Password);
        var name = await UserAsync(database, "add", "--email", Email, "--name", "  ", "--password", AdminSites.Password);

        Assert.True(email.ExitCode != 0, email.ToString());
        Assert.Contains("- Email khong-phai-email không hợp lệ.", email.Errors);
        Assert.True(name.ExitCode != 0, name.ToString());
        Assert.Contains("- Họ và tên không được để trống.", name.Errors);
        Assert.Equal((0, 0, 0), await CountsAsync(database));
    }

    [DatabaseTheory]
    public async Task A_new_account_is_created_once_with_a_generated_password_when_none_is_given(string provider)
    {
        await using var database = await SitesDatabaseAsync(provider);

        var created = await UserAsync(database, "add", "--email", Email, "--name", "Nguyễn Văn An");
        var again = await UserAsync(database, "add", "--email", Email, "--name", "Nguyễn Văn An", "--password", AdminSites.Password);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"Đã tạo tài khoản {Email}.", created.Output);
        Assert.Matches(@"Mật khẩu: [A-Za-z0-9]{14} ", created.Output);
        Assert.True(again.ExitCode != 0, again.ToString());
        Assert.Contains($"Email {Email} đã được dùng cho tài khoản khác.", again.Errors);
        Assert.Equal((1, 0, 1), await CountsAsync(database));
        await using var db = database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(("user.create", "hệ thống"), (entry.Action, entry.UserName));
    }

    [DatabaseTheory]
    public async Task Grant_refuses_an_unknown_site_role_or_account_in_Vietnamese(string provider)
    {
        await using var database = await SitesDatabaseAsync(provider);
        Assert.Equal(0, (await UserAsync(database, "add", "--email", Email, "--name", "Nguyễn Văn An", "--password", AdminSites.Password)).ExitCode);

        var site = await UserAsync(database, "grant", "--email", Email, "--site", "so-x", "--role", "Editor");
        var role = await UserAsync(database, "grant", "--email", Email, "--site", "so-a", "--role", "TongBienTap");
        var number = await UserAsync(database, "grant", "--email", Email, "--site", "so-a", "--role", "7");
        var account = await UserAsync(database, "grant", "--email", "khong-co@dongminh.gov.vn", "--site", "so-a", "--role", "Editor");

        Assert.True(site.ExitCode != 0, site.ToString());
        Assert.Contains("Không cấp được vai trò:", site.Errors);
        Assert.Contains("- Không tìm thấy trang \"so-x\".", site.Errors);
        Assert.True(role.ExitCode != 0, role.ToString());
        Assert.Contains("Lỗi: vai trò \"TongBienTap\" không có (có: Contributor, Editor, EditorInChief, SiteAdmin).", role.Errors);
        Assert.True(number.ExitCode != 0, number.ToString());
        Assert.Contains("Lỗi: vai trò \"7\" không có", number.Errors);
        Assert.True(account.ExitCode != 0, account.ToString());
        Assert.Contains("- Không có tài khoản khong-co@dongminh.gov.vn.", account.Errors);
        Assert.Equal((1, 0, 1), await CountsAsync(database));
    }

    [DatabaseTheory]
    public async Task Grant_gives_and_then_changes_a_role(string provider)
    {
        await using var database = await SitesDatabaseAsync(provider);
        Assert.Equal(0, (await UserAsync(database, "add", "--email", Email, "--name", "Nguyễn Văn An", "--password", AdminSites.Password)).ExitCode);

        var give = await UserAsync(database, "grant", "--email", Email, "--site", "/so-a/", "--role", "contributor");
        var change = await UserAsync(database, "grant", "--email", Email, "--site", "so-a", "--role", "EditorInChief");

        Assert.True(give.ExitCode == 0, give.ToString());
        Assert.Contains($"Đã cấp vai trò Cộng tác viên cho {Email}.", give.Output);
        Assert.True(change.ExitCode == 0, change.ToString());
        await using var db = database.CreateDbContext();
        Assert.Equal(SiteRole.EditorInChief, (await db.SiteMemberships.SingleAsync()).Role);
        var grants = await db.AuditEntries.Where(e => e.Action == "membership.grant").OrderBy(e => e.Sequence).Select(e => e.Summary).ToListAsync();
        Assert.Equal([
            $"Cấp vai trò Cộng tác viên trên trang {AdminSites.SoAName} cho {Email}.",
            $"Đổi vai trò của {Email} trên trang {AdminSites.SoAName}: Cộng tác viên → Trưởng ban biên tập.",
        ], grants);
        Assert.Null((await AuditTrail.VerifyAsync(db)).BrokenAt);
    }

    [DatabaseTheory]
    public async Task An_account_whose_first_role_cannot_be_granted_is_not_created_at_all(string provider)
    {
        await using var database = await SitesDatabaseAsync(provider);

        var unknownSite = await UserAsync(database, "add", "--email", Email, "--name", "Nguyễn Văn An", "--password", AdminSites.Password, "--site", "so-x", "--role", "Editor");
        var roleWithoutSite = await UserAsync(database, "add", "--email", Email, "--name", "Nguyễn Văn An", "--role", "Editor");

        Assert.True(unknownSite.ExitCode != 0, unknownSite.ToString());
        Assert.Contains("- Không tìm thấy trang \"so-x\".", unknownSite.Errors);
        Assert.True(roleWithoutSite.ExitCode != 0, roleWithoutSite.ToString());
        Assert.Contains("--site và --role phải đi cùng nhau", roleWithoutSite.Errors);
        Assert.Equal((0, 0, 0), await CountsAsync(database));

        var created = await UserAsync(database, "add", "--email", Email, "--name", "Nguyễn Văn An", "--password", AdminSites.Password, "--site", "so-a", "--role", "Editor");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"Đã tạo tài khoản {Email} với vai trò Biên tập viên trên trang \"so-a\".", created.Output);
        Assert.Equal((1, 1, 2), await CountsAsync(database));
    }
}
