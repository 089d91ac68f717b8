using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Audit;

namespace MinhBach.Features.Sites;

/// <summary>Adds sites with every check done first, so a bad request changes nothing.</summary>
public sealed partial class SiteRegistry(AppDb db, Catalogue.Catalogue catalogue, SiteDirectory directory, TimeProvider clock, AuditTrail audit)
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

    /// <summary>Longest value each text setting may hold (the footer prints them; the names have database limits).</summary>
    private static readonly (Func<SiteSettings, string?> Get, string Label, int Max)[] TextLimits =
    [
        (c => c.Name, "Tên trang", 300), (c => c.AgencyName, "Tên cơ quan", 300), (c => c.NameEn, "Tên tiếng Anh", 300),
        (c => c.ManagingAgency, "Cơ quan chủ quản", 300), (c => c.Address, "Địa chỉ", 500), (c => c.Phone, "Điện thoại", 100),
        (c => c.Fax, "Fax", 100), (c => c.Email, "Email", 256), (c => c.ResponsiblePerson, "Người chịu trách nhiệm chính", 200),
        (c => c.ResponsiblePersonTitle, "Chức vụ người chịu trách nhiệm", 300), (c => c.LicenceLine, "Dòng giấy phép", 500),
        (c => c.EmcSiteId, "Mã EMC", 32),
    ];

    /// <summary>Changes the settings given (null leaves a value as it is); all checked before anything is written,
    /// and saved with an audit entry naming what changed (the actor is "hệ thống" for the CLI). With
    /// <see cref="SiteSettings.ExpectedVersion"/>, a site saved by someone else since that version was read is refused
    /// with <see cref="SiteConflictException"/> instead of overwritten.</summary>
    public async Task<Site> UpdateAsync(string slug, SiteSettings change, AuditActor? actor = null, CancellationToken ct = default)
    {
        var site = await db.Sites.FirstOrDefaultAsync(x => x.Slug == slug, ct)
            ?? throw new SiteValidationException([$"Không tìm thấy trang \"{slug}\"."]);
        if (change.ExpectedVersion is int expected && expected != site.Version) throw new SiteConflictException();
        var errors = new List<string>();
        if (change.Name is { } n && string.IsNullOrWhiteSpace(n)) errors.Add("Tên trang không được để trống.");
        if (change.AgencyName is { } an && string.IsNullOrWhiteSpace(an)) errors.Add("Tên cơ quan không được để trống.");
        foreach (var (get, label, max) in TextLimits)
            if (get(change)?.Trim() is { } v && v.Length > max) errors.Add($"{label} dài quá {max} ký tự.");
        if (change.Email is { Length: > 0 } e && !EmailPattern().IsMatch(e.Trim())) errors.Add($"Email \"{e}\" không hợp lệ.");
        if (change.Theme is { } t && !Themes.Contains(t)) errors.Add($"Giao diện \"{t}\" không có (có: {string.Join(", ", Themes)}).");
        if (change.EmcSiteId is { Length: > 0 } id && !id.Trim().All(char.IsAsciiDigit)) errors.Add("Mã EMC (site id) chỉ gồm chữ số.");
        var emcId = change.EmcSiteId is null ? site.EmcSiteId : Blank(change.EmcSiteId);
        if ((change.EmcEnabled ?? site.EmcEnabled) && string.IsNullOrEmpty(emcId) && (change.EmcEnabled == true || change.EmcSiteId is not null))
            errors.Add("Cần mã EMC (site id) để bật mã theo dõi EMC.");
        var licence = change.LicenceLine is null ? site.LicenceLine : Blank(change.LicenceLine);
        if ((change.IsAggregatedSite ?? site.IsAggregatedSite) && licence is null && (change.IsAggregatedSite == true || change.LicenceLine is not null))
            errors.Add("Trang thông tin điện tử tổng hợp phải ghi dòng giấy phép (số giấy phép, ngày cấp, cơ quan cấp).");
        if (change.VisitsBefore is < 0) errors.Add("Số lượt truy cập trước đây không được âm.");
        if (change.VisitsBeforeDate is { } vbd && vbd > Public.VnTime.Today(clock))
            errors.Add($"Ngày của số lượt truy cập trước đây ({Public.VnTime.DateText(vbd)}) không được sau hôm nay.");
        if (change.VisitsBefore is > 0 && (change.VisitsBeforeDate ?? site.VisitsBeforeDate) is null)
            errors.Add("Cần ghi ngày cuối cùng mà số lượt truy cập trước đây tính đến (--visits-before-date yyyy-mm-dd), để không cộng trùng.");
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
        site.LicenceLine = licence;
        site.Theme = change.Theme ?? site.Theme;
        site.EmcSiteId = emcId;
        site.EmcEnabled = change.EmcEnabled ?? site.EmcEnabled;
        site.IsAggregatedSite = change.IsAggregatedSite ?? site.IsAggregatedSite;
        site.AllowSelfApproval = change.AllowSelfApproval ?? site.AllowSelfApproval;
        site.ShowVisitCounter = change.ShowVisitCounter ?? site.ShowVisitCounter;
        site.VisitsBefore = change.VisitsBefore ?? site.VisitsBefore;
        site.VisitsBeforeDate = change.VisitsBeforeDate ?? site.VisitsBeforeDate;
        var changed = db.Entry(site).Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => SettingNames.GetValueOrDefault(p.Metadata.Name, p.Metadata.Name)).ToList();
        try
        {
            await audit.SaveAsync(db, actor ?? AuditActor.System, new AuditRecord("site.update",
                changed.Count == 0 ? $"Lưu cài đặt trang {site.Name} (không có thay đổi)." : $"Sửa cài đặt trang {site.Name}: {string.Join(", ", changed)}.",
                site.Id, "site", site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between reading the row and writing it.
            db.ChangeTracker.Clear();
            throw new SiteConflictException();
        }
        await directory.ChangedAsync();
        return site;
    }

    private static readonly Dictionary<string, string> SettingNames = new()
    {
        [nameof(Site.Name)] = "tên trang", [nameof(Site.AgencyName)] = "tên cơ quan", [nameof(Site.NameEn)] = "tên tiếng Anh",
        [nameof(Site.ManagingAgency)] = "cơ quan chủ quản", [nameof(Site.Address)] = "địa chỉ", [nameof(Site.Phone)] = "điện thoại",
        [nameof(Site.Fax)] = "fax", [nameof(Site.Email)] = "email", [nameof(Site.ResponsiblePerson)] = "người chịu trách nhiệm chính",
        [nameof(Site.ResponsiblePersonTitle)] = "chức vụ người chịu trách nhiệm", [nameof(Site.LicenceLine)] = "dòng giấy phép",
        [nameof(Site.Theme)] = "giao diện", [nameof(Site.EmcSiteId)] = "mã EMC", [nameof(Site.EmcEnabled)] = "bật/tắt EMC",
        [nameof(Site.IsAggregatedSite)] = "trang thông tin tổng hợp", [nameof(Site.AllowSelfApproval)] = "tự duyệt bài của mình",
        [nameof(Site.ShowVisitCounter)] = "bộ đếm lượt truy cập", [nameof(Site.VisitsBefore)] = "số lượt truy cập trước đây",
        [nameof(Site.VisitsBeforeDate)] = "ngày của số lượt truy cập trước đây",
    };

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
        await directory.ChangedAsync();
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
    /// <summary>A licensed aggregated site (trang thông tin tổng hợp): may republish without per-article permission.</summary>
    public bool? IsAggregatedSite { get; init; }
    /// <summary>Whether an editor may approve their own submission.</summary>
    public bool? AllowSelfApproval { get; init; }
    /// <summary>Show the public visit counter in the footer.</summary>
    public bool? ShowVisitCounter { get; init; }
    /// <summary>Visits counted before this system (operator's figure), with <see cref="VisitsBeforeDate"/>, the last day it covers.</summary>
    public long? VisitsBefore { get; init; }
    public DateOnly? VisitsBeforeDate { get; init; }
    /// <summary>The <see cref="Site.Version"/> these settings were edited from; null saves whatever the site holds now.</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>The site was saved by someone else since the settings form was loaded; nothing was changed.</summary>
public sealed class SiteConflictException() : Exception("The site was changed since its settings were read.");

public sealed class SiteValidationException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
