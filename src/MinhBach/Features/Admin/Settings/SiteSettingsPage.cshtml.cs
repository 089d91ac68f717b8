using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Settings;

/// <summary>/quan-tri/cai-dat: the facts shown in the header and footer, the licence line, theme, EMC tag and
/// the editorial switches of THIS site, saved through SiteRegistry (its checks, its audit entry). The form carries the
/// site's version: a second administrator saving over someone else's change gets the form back with both versions.</summary>
[Authorize(Policy = SitePolicies.SiteAdmin)]
public sealed class SiteSettingsPageModel(SiteRegistry registry) : EditorPageModel
{
    protected override SiteRole EditRole => SiteRole.SiteAdmin;

    public sealed class SettingsForm
    {
        [Display(Name = "Tên trang")] public string? Name { get; set; }
        [Display(Name = "Tên cơ quan (đầu trang)")] public string? AgencyName { get; set; }
        [Display(Name = "Tên tiếng Anh")] public string? NameEn { get; set; }
        [Display(Name = "Cơ quan chủ quản")] public string? ManagingAgency { get; set; }
        [Display(Name = "Địa chỉ")] public string? Address { get; set; }
        [Display(Name = "Điện thoại")] public string? Phone { get; set; }
        [Display(Name = "Fax")] public string? Fax { get; set; }
        [Display(Name = "Email")] public string? Email { get; set; }
        [Display(Name = "Người chịu trách nhiệm chính")] public string? ResponsiblePerson { get; set; }
        [Display(Name = "Chức vụ người chịu trách nhiệm")] public string? ResponsiblePersonTitle { get; set; }
        [Display(Name = "Dòng giấy phép")] public string? LicenceLine { get; set; }
        [Display(Name = "Giao diện")] public string? Theme { get; set; }
        [Display(Name = "Gắn mã theo dõi EMC")] public bool EmcEnabled { get; set; }
        [Display(Name = "Mã EMC (site id)")] public string? EmcSiteId { get; set; }
        [Display(Name = "Trang thông tin điện tử tổng hợp")] public bool IsAggregatedSite { get; set; }
        [Display(Name = "Cho phép tự duyệt bài của mình")] public bool AllowSelfApproval { get; set; }
        [Display(Name = "Hiện bộ đếm lượt truy cập")] public bool ShowVisitCounter { get; set; }
    }

    public static readonly IReadOnlyList<(string Code, string Name)> Themes =
        [("do", "Đỏ"), ("xanh", "Xanh dương"), ("luc", "Xanh lục"), ("tim", "Tím")];

    [BindProperty] public SettingsForm Form { get; set; } = new();

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Cài đặt trang";
        await Access.LoadAsync(ct);
        if (msg == "luu") Notice = "Đã lưu cài đặt.";
        // From the database, not the site directory's snapshot, so that the version is the one stored now.
        var s = await StoredAsync(ct);
        Form = ToForm(s);
        Version = s.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Title = "Cài đặt trang";
        await Access.LoadAsync(ct);
        if (!BindingOk()) return Page();
        var f = Form;
        try
        {
            // Every field is sent: blank text clears an optional value, and the registry refuses blank required ones.
            await registry.UpdateAsync(Site.Slug, new SiteSettings
            {
                Name = f.Name ?? "", AgencyName = f.AgencyName ?? "", NameEn = f.NameEn ?? "", ManagingAgency = f.ManagingAgency ?? "",
                Address = f.Address ?? "", Phone = f.Phone ?? "", Fax = f.Fax ?? "", Email = f.Email ?? "",
                ResponsiblePerson = f.ResponsiblePerson ?? "", ResponsiblePersonTitle = f.ResponsiblePersonTitle ?? "",
                LicenceLine = f.LicenceLine ?? "", Theme = f.Theme ?? "", EmcEnabled = f.EmcEnabled, EmcSiteId = f.EmcSiteId ?? "",
                IsAggregatedSite = f.IsAggregatedSite, AllowSelfApproval = f.AllowSelfApproval, ShowVisitCounter = f.ShowVisitCounter, ExpectedVersion = Version,
            }, Actor(), ct);
        }
        catch (SiteValidationException e)
        {
            Errors.AddRange(e.Errors);
            return Page();
        }
        catch (SiteConflictException)
        {
            // What was typed stays in the form; the stored settings are shown above it, and the form now carries their version.
            var stored = await StoredAsync(ct);
            var who = await LastChangeAsync("site", stored.Id, ct);
            Conflict = new EditConflict(
                $"Trong lúc bạn sửa, {who} đã lưu cài đặt của trang này. Thay đổi của bạn chưa được lưu.",
                "Nội dung bạn nhập vẫn còn trong biểu mẫu bên dưới. Hãy đối chiếu với bản đang lưu, sửa lại nếu cần rồi bấm Lưu cài đặt lần nữa.",
                Differences(ToForm(stored), Form));
            Version = stored.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Done("/quan-tri/cai-dat", "luu");
    }

    private Task<Site> StoredAsync(CancellationToken ct) => Db.Sites.AsNoTracking().FirstAsync(s => s.Id == Site.Id, ct);

    private static SettingsForm ToForm(Site s) => new()
    {
        Name = s.Name, AgencyName = s.AgencyName, NameEn = s.NameEn, ManagingAgency = s.ManagingAgency, Address = s.Address, Phone = s.Phone,
        Fax = s.Fax, Email = s.Email, ResponsiblePerson = s.ResponsiblePerson, ResponsiblePersonTitle = s.ResponsiblePersonTitle,
        LicenceLine = s.LicenceLine, Theme = s.Theme, EmcEnabled = s.EmcEnabled, EmcSiteId = s.EmcSiteId,
        IsAggregatedSite = s.IsAggregatedSite, AllowSelfApproval = s.AllowSelfApproval, ShowVisitCounter = s.ShowVisitCounter,
    };

    protected override string? ValueText(string property, object? value) =>
        property == nameof(SettingsForm.Theme) && Themes.FirstOrDefault(t => t.Code == value as string) is { Name: { } name } ? name : base.ValueText(property, value);
}
