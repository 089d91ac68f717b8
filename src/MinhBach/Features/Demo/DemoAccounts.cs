using Microsoft.AspNetCore.Identity;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;

namespace MinhBach.Features.Demo;

/// <summary>
/// Demo accounts: every role on the portal and on Sở Khoa học và Công nghệ, plus a province reviewer
/// and a system administrator. One shared password, printed by `./minhbach demo`; never use it for real.
/// </summary>
public sealed class DemoAccounts(AccountService accounts, UserManager<AppUser> users)
{
    public const string Password = "DongMinh2026";

    public sealed record Account(string Email, string FullName, string Description, string? Site, SiteRole? Role, bool SystemAdmin = false, bool Reviewer = false);

    public static readonly IReadOnlyList<Account> All =
    [
        new("quantri@dongminh.gov.vn", "Hoàng Minh Quân", "Quản trị hệ thống (mọi trang)", null, null, SystemAdmin: true),
        new("chuyenvien.so@dongminh.gov.vn", "Đinh Thu Trang", "Chuyên viên Sở: xem mọi trang, không sửa", null, null, Reviewer: true),
        new("ctv.cong@dongminh.gov.vn", "Lê Văn Tài", "Cộng tác viên, cổng tỉnh", "", SiteRole.Contributor),
        new("btv.cong@dongminh.gov.vn", "Phạm Thị Hằng", "Biên tập viên, cổng tỉnh", "", SiteRole.Editor),
        new("truongban.cong@dongminh.gov.vn", "Ngô Đức Thắng", "Trưởng ban biên tập, cổng tỉnh", "", SiteRole.EditorInChief),
        new("qtt.cong@dongminh.gov.vn", "Vũ Thị Lan", "Quản trị trang, cổng tỉnh", "", SiteRole.SiteAdmin),
        new("ctv.khcn@dongminh.gov.vn", "Trần Quốc Bảo", "Cộng tác viên, Sở KH&CN", "so-khcn", SiteRole.Contributor),
        new("btv.khcn@dongminh.gov.vn", "Đỗ Thị Mai", "Biên tập viên, Sở KH&CN", "so-khcn", SiteRole.Editor),
        new("truongban.khcn@dongminh.gov.vn", "Bùi Văn Hùng", "Trưởng ban biên tập, Sở KH&CN", "so-khcn", SiteRole.EditorInChief),
        new("qtt.khcn@dongminh.gov.vn", "Nguyễn Thị Ngọc", "Quản trị trang, Sở KH&CN", "so-khcn", SiteRole.SiteAdmin),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var a in All)
        {
            if (await users.FindByEmailAsync(a.Email) is null)
                await accounts.CreateAsync(new AccountService.NewUser(a.Email, a.FullName, Password, a.SystemAdmin, a.Reviewer), AuditActor.System, ct);
            if (a.Site is not null && a.Role is SiteRole role)
                await accounts.GrantAsync(a.Email, a.Site, role, AuditActor.System, ct);
        }
    }
}
