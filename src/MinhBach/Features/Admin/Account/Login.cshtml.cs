using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Security;
using Microsoft.Extensions.Options;
using MinhBach.Features.Public;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;

namespace MinhBach.Features.Admin.Account;

[AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditTrail audit, AppDb db, IOptions<AccountsOptions> options) : AdminPageModel
{
    [BindProperty, Required(ErrorMessage = "Nhập email hoặc tên đăng nhập."), MaxLength(256)]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu."), MaxLength(256), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() => Title = "Đăng nhập";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Title = "Đăng nhập";
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(UserName.Trim()) ?? await users.FindByNameAsync(UserName.Trim());
        if (user is null)
        {
            // Recorded too: guessing at names is how an attack on the accounts starts.
            var tried = UserName.Trim();
            await audit.SaveAsync(db, AuditActors.From(HttpContext, null), new AuditRecord("sign-in.unknown",
                $"Đăng nhập với tên không có trong hệ thống: \"{(tried.Length > 100 ? tried[..100] + "…" : tried)}\".", Site.Id), ct);
            Error = "Tên đăng nhập hoặc mật khẩu không đúng.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        var actor = AuditActors.From(HttpContext, user);
        if (result.Succeeded)
        {
            await audit.SaveAsync(db, actor, new AuditRecord("sign-in", $"{user.Email} đăng nhập.", Site.Id), ct);
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
            return Redirect(Url.Site("/quan-tri/dang-nhap/ma-xac-thuc") + "?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl()));
        if (result.IsLockedOut)
        {
            await audit.SaveAsync(db, actor, new AuditRecord("sign-in.locked", $"{user.Email} bị tạm khóa do đăng nhập sai nhiều lần.", Site.Id), ct);
            Error = $"Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {options.Value.LockoutMinutes} phút.";
            return Page();
        }
        await audit.SaveAsync(db, actor, new AuditRecord("sign-in.failed", $"Đăng nhập sai mật khẩu cho {user.Email}.", Site.Id), ct);
        Error = "Tên đăng nhập hoặc mật khẩu không đúng.";
        return Page();
    }

    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Site(AccountsSetup.AdminHome);
}
