using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Public;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;

namespace MinhBach.Features.Admin.Account;

/// <summary>POST only, with the antiforgery token: a link cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn, AuditTrail audit, AppDb db) : AdminPageModel
{
    public IActionResult OnGet() => Redirect(Url.Site(AccountsSetup.AdminHome));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.SaveAsync(db, Actor(), new AuditRecord("sign-out", $"{User.Identity.Name} đăng xuất.", Site.Id), ct);
            await signIn.SignOutAsync();
        }
        return Redirect(Url.Site(AccountsSetup.LoginPath));
    }
}
