using Microsoft.AspNetCore.Identity;

namespace MinhBach.Features.Accounts;

/// <summary>A person who signs in. Roles are held per site (SiteMembership), plus two province-wide flags.</summary>
public sealed class AppUser : IdentityUser<int>
{
    public string FullName { get; set; } = "";
    /// <summary>Quản trị hệ thống: every site, every action.</summary>
    public bool IsSystemAdmin { get; set; }
    /// <summary>Chuyên viên Sở (reviewer): reads every site's administration, changes nothing.</summary>
    public bool IsProvinceReviewer { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Roles on one site, in increasing power: each includes what the ones below it may do.</summary>
public enum SiteRole
{
    /// <summary>Cộng tác viên, phóng viên: writes and submits.</summary>
    Contributor = 1,
    /// <summary>Biên tập viên: reviews, returns, approves, publishes.</summary>
    Editor = 2,
    /// <summary>Trưởng ban biên tập: also force-publishes with a reason and sets royalties.</summary>
    EditorInChief = 3,
    /// <summary>Quản trị trang: also manages the site's board and settings.</summary>
    SiteAdmin = 4,
}

public sealed class SiteMembership
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    public int SiteId { get; set; }
    public SiteRole Role { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class SiteRoleNames
{
    public static string Vietnamese(SiteRole r) => r switch
    {
        SiteRole.Contributor => "Cộng tác viên",
        SiteRole.Editor => "Biên tập viên",
        SiteRole.EditorInChief => "Trưởng ban biên tập",
        SiteRole.SiteAdmin => "Quản trị trang",
        _ => r.ToString(),
    };
}
