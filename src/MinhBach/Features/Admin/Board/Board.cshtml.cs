using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;

namespace MinhBach.Features.Admin.Board;

/// <summary>
/// /quan-tri/ban-bien-tap: the editorial board of THIS site (who holds which role here). Only a site
/// administrator opens it; every action names the current site, never a site taken from the form, and
/// there is no way to grant the province-wide flags (system administrator, reviewer) from here.
/// </summary>
[Authorize(Policy = SitePolicies.SiteAdmin)]
public sealed class BoardModel(AccountService accounts, UserManager<AppUser> users) : EditorPageModel
{
    protected override SiteRole EditRole => SiteRole.SiteAdmin;

    public sealed class MemberForm
    {
        public string? Email { get; set; }
        public string? Role { get; set; }
    }

    public sealed class AccountForm
    {
        public string? Email { get; set; }
        public string? FullName { get; set; }
        public string? Role { get; set; }
    }

    public sealed record Member(int UserId, string Email, string FullName, SiteRole Role, bool TwoFactor, bool LockedOut, DateTime Since);

    [BindProperty] public MemberForm Add { get; set; } = new();
    [BindProperty] public AccountForm NewAccount { get; set; } = new();

    public IReadOnlyList<Member> Members { get; private set; } = [];
    /// <summary>Which form the errors belong to: "them", "tao-tai-khoan" or the member's user id.</summary>
    public string? ErrorsFor { get; private set; }
    public string? CreatedEmail { get; private set; }
    /// <summary>The generated password, shown once on the response to the create form and never stored in clear.</summary>
    public string? CreatedPassword { get; private set; }
    public int? MyId => Access.User?.Id;

    public static readonly IReadOnlyList<SiteRole> Roles = Enum.GetValues<SiteRole>();

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        await LoadAsync(ct);
        Notice = msg switch
        {
            "them" => "Đã thêm thành viên vào ban biên tập.",
            "doi" => "Đã đổi vai trò.",
            "xoa" => "Đã rút thành viên khỏi ban biên tập của trang.",
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ErrorsFor = "them";
        var check = new FormCheck(Errors);
        var email = check.Email(Add.Email, "Email", required: true);
        var role = ParseRole(Add.Role, check);
        if (check.Ok)
        {
            var user = await users.FindByEmailAsync(email!);
            if (user is null)
                check.Fail($"Không có tài khoản nào dùng email {email}. Hãy tạo tài khoản mới ở mục bên dưới.");
            else if (await Db.SiteMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.Id && m.SiteId == Site.Id, ct) is { } m)
                check.Fail($"{user.Email} đã có vai trò {SiteRoleNames.Vietnamese(m.Role)} trên trang này; hãy đổi vai trò ở danh sách.");
        }
        if (check.Ok && await GrantAsync(email!, role!.Value, ct)) return Done("/quan-tri/ban-bien-tap", "them");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(int userId, string? role, CancellationToken ct)
    {
        ErrorsFor = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var check = new FormCheck(Errors);
        var member = await FindMemberAsync(userId, check, ct);
        var newRole = ParseRole(role, check);
        if (check.Ok && member is not null && await GrantAsync(member.Value.Email, newRole!.Value, ct)) return Done("/quan-tri/ban-bien-tap", "doi");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int userId, bool confirm, CancellationToken ct)
    {
        ErrorsFor = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var check = new FormCheck(Errors);
        var member = await FindMemberAsync(userId, check, ct);
        if (check.Ok && !confirm) check.Fail(ConfirmDeleteMessage);
        if (check.Ok && member is not null)
        {
            try
            {
                await accounts.RevokeAsync(member.Value.Email, Site.Slug, Actor(), ct);
                return Done("/quan-tri/ban-bien-tap", "xoa");
            }
            catch (AccountException e)
            {
                Errors.AddRange(e.Errors);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ErrorsFor = "tao-tai-khoan";
        var check = new FormCheck(Errors);
        var email = check.Email(NewAccount.Email, "Email", required: true);
        var fullName = check.Required(NewAccount.FullName, "Họ và tên", 200);
        var role = ParseRole(NewAccount.Role, check);
        if (check.Ok)
        {
            try
            {
                // Never a system administrator or a province reviewer: those are granted by a system administrator only.
                var (user, password) = await accounts.CreateAsync(new AccountService.NewUser(email!, fullName, null), Actor(), (Site.Slug, role!.Value), ct);
                Response.Headers.CacheControl = "no-store";
                CreatedEmail = user.Email;
                CreatedPassword = password;
                NewAccount = new AccountForm();
                Notice = $"Đã tạo tài khoản {user.Email} với vai trò {SiteRoleNames.Vietnamese(role.Value)} trên trang này.";
                ModelState.Clear();
            }
            catch (AccountException e)
            {
                Errors.AddRange(e.Errors);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> GrantAsync(string email, SiteRole role, CancellationToken ct)
    {
        try
        {
            await accounts.GrantAsync(email, Site.Slug, role, Actor(), ct);
            return true;
        }
        catch (AccountException e)
        {
            Errors.AddRange(e.Errors);
            return false;
        }
    }

    /// <summary>The member of THIS site with that account id; a site administrator may not change their own role.</summary>
    private async Task<(int Id, string Email)?> FindMemberAsync(int userId, FormCheck check, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        var member = await Db.SiteMemberships.AsNoTracking().Include(m => m.User)
            .FirstOrDefaultAsync(m => m.UserId == userId && m.SiteId == Site.Id, ct);
        if (member?.User?.Email is null)
        {
            check.Fail("Tài khoản này không thuộc ban biên tập của trang.");
            return null;
        }
        if (userId == Access.User?.Id)
        {
            check.Fail("Bạn không thể tự đổi vai trò hoặc tự rút khỏi ban biên tập; hãy nhờ một quản trị trang khác.");
            return null;
        }
        return (member.UserId, member.User.Email);
    }

    private static SiteRole? ParseRole(string? value, FormCheck check)
    {
        if (Enum.GetNames<SiteRole>().Contains(value?.Trim())) return Enum.Parse<SiteRole>(value!.Trim());
        check.Fail(string.IsNullOrWhiteSpace(value) ? "Hãy chọn vai trò." : $"Vai trò \"{value}\" không có.");
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = "Ban biên tập";
        await Access.LoadAsync(ct);
        var rows = await Db.SiteMemberships.AsNoTracking().Where(m => m.SiteId == Site.Id).Include(m => m.User)
            .OrderByDescending(m => m.Role).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        Members = rows.Where(m => m.User is not null)
            .Select(m => new Member(m.UserId, m.User!.Email ?? m.User.UserName ?? "", m.User.FullName, m.Role, m.User.TwoFactorEnabled,
                m.User.LockoutEnd is { } end && end > now, m.CreatedAt))
            .OrderByDescending(m => m.Role).ThenBy(m => m.FullName).ToList();
    }
}
