using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Accounts;

namespace MinhBach.Features.Admin.Registry;

/// <summary>
/// Base of the registry screens (/quan-tri/so-theo-doi): the province's view, so only on the portal's administration,
/// and only for the system administrator and the Department's reviewers, who keep the registry (a reviewer reads
/// every site and changes none; the registry is the Department's own record, see decision 7).
/// </summary>
public abstract class RegistryPageModel : AdminPageModel
{
    public const string Path = "/quan-tri/so-theo-doi";

    public static bool CanUse(SiteAccess access) => access.User is { } u && (u.IsSystemAdmin || u.IsProvinceReviewer);

    /// <summary>Null when the request may go on; otherwise the answer: 404 off the portal, 403 for anyone else.</summary>
    protected async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        if (Site.Slug.Length != 0 || Site.ParentId is not null) return NotFound();
        await Access.LoadAsync(ct);
        return CanUse(Access) ? null : Forbid();
    }
}
