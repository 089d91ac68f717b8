using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Security;
using MinhBach.Features.Public;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;

namespace MinhBach.Features.Admin.Account;

/// <summary>Second step of sign-in: the 6-digit code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, AuditTrail audit, AppDb db) : AdminPageModel
{
    [BindProperty, Required(ErrorMessage = "Nhập mã xác thực."), MaxLength(32)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Title = "Mã xác thực";
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(Url.Site(AccountsSetup.LoginPath)) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Title = "Mã xác thực";
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect(Url.Site(AccountsSetup.LoginPath));
        if (!ModelState.IsValid) return Page();
        var code = Code.Replace(" ", "").Replace("-", "");
        var isAppCode = code.Length == 6;
        var result = isAppCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code));
        var actor = AuditActors.From(HttpContext, user);
        if (result.Succeeded)
        {
            await audit.SaveAsync(db, actor, new AuditRecord("sign-in", $"{user.Email} đăng nhập (xác thực hai bước{(isAppCode ? "" : ", mã khôi phục")}).", Site.Id), ct);
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Site(AccountsSetup.AdminHome));
        }
        if (result.IsLockedOut)
        {
            await audit.SaveAsync(db, actor, new AuditRecord("sign-in.locked", $"{user.Email} bị tạm khóa do nhập sai mã xác thực nhiều lần.", Site.Id), ct);
            Error = "Tài khoản tạm bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau.";
            return Page();
        }
        await audit.SaveAsync(db, actor, new AuditRecord("sign-in.failed", $"Nhập sai mã xác thực hai bước cho {user.Email}.", Site.Id), ct);
        Error = "Mã xác thực không đúng hoặc đã hết hạn.";
        return Page();
    }

    /// <summary>Recovery codes are stored as shown, "XXXXX-XXXXX" in capitals: typed without the dash or in
    /// lower case they are put back in that form.</summary>
    private static string RecoveryCode(string typed)
    {
        var bare = typed.ToUpperInvariant();
        return bare.Length == 10 ? bare[..5] + "-" + bare[5..] : bare;
    }
}
