using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using MinhBach.Features.Accounts;

namespace MinhBach.Features.Admin;

/// <summary>Sends a signed-in user whose role requires TOTP to the security page until they turn it on.</summary>
internal sealed class TwoFactorGate(UserManager<AppUser> users, AccountService accounts) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var path = http.Request.Path;
        var exempt = !path.StartsWithSegments("/quan-tri") || path.StartsWithSegments("/quan-tri/tai-khoan")
            || path.StartsWithSegments("/quan-tri/dang-nhap") || path.StartsWithSegments("/quan-tri/dang-xuat")
            // The refusal page too: on a site where the user has no role the security page is refused, and
            // sending them there from the refusal would go round in circles.
            || path.StartsWithSegments("/quan-tri/khong-co-quyen");
        if (!exempt && http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { TwoFactorEnabled: false } user
            && await accounts.MustUseTwoFactorAsync(user, http.RequestAborted))
        {
            context.Result = new RedirectResult(http.Request.PathBase + "/quan-tri/tai-khoan?msg=2fa");
            return;
        }
        await next();
    }
}
