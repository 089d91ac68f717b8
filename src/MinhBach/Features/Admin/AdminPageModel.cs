using Microsoft.AspNetCore.Mvc.RazorPages;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin;

/// <summary>Base of the administration pages (/quan-tri): the current site, the user's access, the audit actor.</summary>
public abstract class AdminPageModel : PageModel
{
    public Site Site => HttpContext.RequestServices.GetRequiredService<CurrentSite>().Required;
    public SiteAccess Access => HttpContext.RequestServices.GetRequiredService<SiteAccess>();
    public string Title { get; protected set; } = "";

    /// <summary>A one-time message shown after a redirect (TempData would need sessions; a query flag is enough).</summary>
    public string? Notice { get; set; }

    protected AuditActor Actor() => new(SiteAccess.UserId(User), User.Identity?.Name ?? "", HttpContext.Connection.RemoteIpAddress?.ToString());
}

public static class AuditActors
{
    public static AuditActor From(HttpContext http, AppUser? user) =>
        new(user?.Id, user?.Email ?? user?.UserName ?? "", http.Connection.RemoteIpAddress?.ToString());
}
