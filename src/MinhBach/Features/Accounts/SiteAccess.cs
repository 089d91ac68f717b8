using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Accounts;

/// <summary>What the signed-in user may do on the site of this request; loaded once per request.</summary>
public sealed class SiteAccess(AppDb db, CurrentSite current, IHttpContextAccessor http)
{
    private bool _loaded;
    private AppUser? _user;
    private SiteRole? _role;

    public AppUser? User => _user;

    public static int? UserId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (_loaded) return;
        _loaded = true;
        if (UserId(http.HttpContext?.User ?? new ClaimsPrincipal()) is not int id) return;
        _user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (_user is null || current.Site is null) return;
        _role = _user.IsSystemAdmin
            ? SiteRole.SiteAdmin
            : await db.SiteMemberships.AsNoTracking().Where(m => m.UserId == id && m.SiteId == current.Site.Id)
                .Select(m => (SiteRole?)m.Role).FirstOrDefaultAsync(ct);
    }

    /// <summary>The user's role on this site; null when they have none (a province reviewer may still read).</summary>
    public SiteRole? Role => _role;

    public bool CanRead => _role is not null || _user?.IsProvinceReviewer == true;

    public bool Has(SiteRole minimum) => _role is SiteRole r && r >= minimum;
}

/// <summary>Policies named after the least role they need on the current site.</summary>
public static class SitePolicies
{
    public const string Read = "site:read";
    public const string Contributor = "site:contributor";
    public const string Editor = "site:editor";
    public const string EditorInChief = "site:editor-in-chief";
    public const string SiteAdmin = "site:admin";
    public const string SystemAdmin = "system:admin";

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(Read, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRoleRequirement(null)));
        o.AddPolicy(Contributor, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRoleRequirement(SiteRole.Contributor)));
        o.AddPolicy(Editor, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRoleRequirement(SiteRole.Editor)));
        o.AddPolicy(EditorInChief, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRoleRequirement(SiteRole.EditorInChief)));
        o.AddPolicy(SiteAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRoleRequirement(SiteRole.SiteAdmin)));
        o.AddPolicy(SystemAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new SystemAdminRequirement()));
    }
}

/// <summary>Null minimum: any role on the site, or a province reviewer (read-only).</summary>
public sealed record SiteRoleRequirement(SiteRole? Minimum) : IAuthorizationRequirement;

public sealed record SystemAdminRequirement : IAuthorizationRequirement;

internal sealed class SiteRoleHandler(SiteAccess access) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var req in context.PendingRequirements.ToList())
        {
            switch (req)
            {
                case SiteRoleRequirement r:
                    await access.LoadAsync();
                    if (r.Minimum is SiteRole min ? access.Has(min) : access.CanRead) context.Succeed(r);
                    break;
                case SystemAdminRequirement s:
                    await access.LoadAsync();
                    if (access.User?.IsSystemAdmin == true) context.Succeed(s);
                    break;
            }
        }
    }
}
