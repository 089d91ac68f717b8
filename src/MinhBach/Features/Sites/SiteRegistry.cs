using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;

namespace MinhBach.Features.Sites;

/// <summary>Adds sites with every check done first, so a bad request changes nothing.</summary>
public sealed partial class SiteRegistry(AppDb db, Catalogue.Catalogue catalogue, SiteDirectory directory, TimeProvider clock)
{
    /// <summary>First path segments the public pages use; a site prefix must not shadow them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "tin-tuc", "gioi-thieu", "co-cau-to-chuc", "lanh-dao", "lien-he", "lich-cong-tac", "van-ban", "so-do-cong",
        "tim-kiem", "rss", "trang-thanh-phan", "en", "loi", "assets", "healthz", "sitemap.xml", "robots.txt",
        "quan-tri", "api", "tep", "hoi-dap", "lay-y-kien", "phan-anh-kien-nghi",
    };

    public sealed record NewSite(string Slug, string Name, string? NameEn, string KindCode, string? ParentSlug, IReadOnlyList<string> Hosts);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex HostPattern();

    /// <summary>Returns the Vietnamese problems found; empty when the site can be added.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(NewSite s, CancellationToken ct = default)
    {
        var errors = new List<string>();
        if (s.Slug.Length == 0)
        {
            // The portal itself lives at the root, without a prefix; there is one per installation.
            if (await db.Sites.AnyAsync(x => x.Slug == "", ct)) errors.Add("Cổng tỉnh (trang gốc) đã có; mỗi hệ thống chỉ có một cổng.");
            if (!string.IsNullOrWhiteSpace(s.ParentSlug)) errors.Add("Cổng tỉnh không có trang cha.");
        }
        else if (!SlugPattern().IsMatch(s.Slug) || s.Slug.Length > 64)
            errors.Add($"Đường dẫn \"{s.Slug}\" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang (ví dụ so-khcn).");
        else if (ReservedSlugs.Contains(s.Slug))
            errors.Add($"Đường dẫn \"{s.Slug}\" trùng với một mục của cổng; hãy chọn tên khác.");
        else if (await db.Sites.AnyAsync(x => x.Slug == s.Slug, ct))
            errors.Add($"Đã có trang dùng đường dẫn \"{s.Slug}\".");
        if (string.IsNullOrWhiteSpace(s.Name)) errors.Add("Tên trang không được để trống.");
        if (catalogue.Kind(s.KindCode) is null)
            errors.Add($"Loại đơn vị \"{s.KindCode}\" không có trong danh mục (có: {string.Join(", ", catalogue.AgencyKinds.Select(k => k.Code))}).");
        if (!string.IsNullOrWhiteSpace(s.ParentSlug) && !await db.Sites.AnyAsync(x => x.Slug == s.ParentSlug, ct))
            errors.Add($"Không tìm thấy trang cha \"{s.ParentSlug}\".");
        foreach (var h in s.Hosts)
        {
            var host = h.Trim().ToLowerInvariant();
            if (!HostPattern().IsMatch(host)) errors.Add($"Tên miền \"{h}\" không hợp lệ.");
            else if (await db.SiteHosts.AnyAsync(x => x.Host == host, ct)) errors.Add($"Tên miền \"{h}\" đã được dùng cho trang khác.");
        }
        return errors;
    }

    /// <summary>Palette names of the theme; each passes WCAG AA contrast with white text.</summary>
    public static readonly IReadOnlySet<string> Themes = new HashSet<string> { "do", "xanh", "luc", "tim" };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    /// <summary>Changes the settings given (null leaves a value as it is); all checked before anything is written.</summary>
    public async Task<Site> UpdateAsync(string slug, SiteSettings change, CancellationToken ct = default)
    {
        var site = await db.Sites.FirstOrDefaultAsync(x => x.Slug == slug, ct)
            ?? throw new SiteValidationException([$"Không tìm thấy trang \"{slug}\"."]);
        var errors = new List<string>();
        if (change.Name is { } n && string.IsNullOrWhiteSpace(n)) errors.Add("Tên trang không được để trống.");
        if (change.AgencyName is { } an && string.IsNullOrWhiteSpace(an)) errors.Add("Tên cơ quan không được để trống.");
        if (change.Email is { Length: > 0 } e && !EmailPattern().IsMatch(e)) errors.Add($"Email \"{e}\" không hợp lệ.");
        if (change.Theme is { } t && !Themes.Contains(t)) errors.Add($"Giao diện \"{t}\" không có (có: {string.Join(", ", Themes)}).");
        if (change.EmcSiteId is { Length: > 0 } id && !id.All(char.IsAsciiDigit)) errors.Add("Mã EMC (site id) chỉ gồm chữ số.");
        if (change.EmcEnabled == true && string.IsNullOrEmpty(change.EmcSiteId ?? site.EmcSiteId)) errors.Add("Cần mã EMC (--emc-site-id) để bật mã theo dõi EMC.");
        if (errors.Count > 0) throw new SiteValidationException(errors);

        site.Name = change.Name?.Trim() ?? site.Name;
        site.AgencyName = change.AgencyName?.Trim() ?? site.AgencyName;
        site.NameEn = change.NameEn?.Trim() ?? site.NameEn;
        site.ManagingAgency = change.ManagingAgency is null ? site.ManagingAgency : Blank(change.ManagingAgency);
        site.Address = change.Address?.Trim() ?? site.Address;
        site.Phone = change.Phone?.Trim() ?? site.Phone;
        site.Fax = change.Fax is null ? site.Fax : Blank(change.Fax);
        site.Email = change.Email?.Trim() ?? site.Email;
        site.ResponsiblePerson = change.ResponsiblePerson?.Trim() ?? site.ResponsiblePerson;
        site.ResponsiblePersonTitle = change.ResponsiblePersonTitle?.Trim() ?? site.ResponsiblePersonTitle;
        site.LicenceLine = change.LicenceLine is null ? site.LicenceLine : Blank(change.LicenceLine);
        site.Theme = change.Theme ?? site.Theme;
        site.EmcSiteId = change.EmcSiteId is null ? site.EmcSiteId : Blank(change.EmcSiteId);
        site.EmcEnabled = change.EmcEnabled ?? site.EmcEnabled;
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return site;
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public async Task<Site> AddAsync(NewSite s, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(s, ct);
        if (errors.Count > 0) throw new SiteValidationException(errors);
        int? parentId = null;
        if (s.Slug.Length == 0)
            parentId = null;
        else if (!string.IsNullOrWhiteSpace(s.ParentSlug))
            parentId = await db.Sites.Where(x => x.Slug == s.ParentSlug).Select(x => (int?)x.Id).FirstAsync(ct);
        else
            parentId = await db.Sites.Where(x => x.Slug == "" && x.ParentId == null).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        var site = new Site
        {
            Slug = s.Slug,
            Name = s.Name.Trim(),
            AgencyName = s.Name.Trim(),
            NameEn = s.NameEn?.Trim() ?? "",
            KindCode = s.KindCode,
            ParentId = parentId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Order = await db.Sites.CountAsync(ct),
            Hosts = s.Hosts.Select(h => new SiteHost { Host = h }).ToList(),
        };
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return site;
    }
}

public sealed record SiteSettings
{
    public string? Name { get; init; }
    public string? AgencyName { get; init; }
    public string? NameEn { get; init; }
    public string? ManagingAgency { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Email { get; init; }
    public string? ResponsiblePerson { get; init; }
    public string? ResponsiblePersonTitle { get; init; }
    public string? LicenceLine { get; init; }
    public string? Theme { get; init; }
    public bool? EmcEnabled { get; init; }
    public string? EmcSiteId { get; init; }
}

public sealed class SiteValidationException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
