using Microsoft.AspNetCore.Authorization;

namespace MinhBach.Features.Admin.Account;

[AllowAnonymous]
public sealed class AccessDeniedModel : AdminPageModel
{
    public void OnGet()
    {
        Title = "Không có quyền";
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
