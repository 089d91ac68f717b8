using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Accounts;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Settings;

/// <summary>/quan-tri/cai-dat: the facts shown in the header and footer, the licence line, theme, EMC tag and
/// the editorial switches of THIS site, saved through SiteRegistry (its checks, its audit entry).</summary>
[Authorize(Policy = SitePolicies.SiteAdmin)]
public sealed class SiteSettingsPageModel(SiteRegistry registry) : EditorPageModel
{
    protected override SiteRole EditRole => SiteRole.SiteAdmin;

    public sealed class SettingsForm
    {
        public string? Name { get; set; }
        public string? AgencyName { get; set; }
        public string? NameEn { get; set; }
        public string? ManagingAgency { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Fax { get; set; }
        public string? Email { get; set; }
        public string? ResponsiblePerson { get; set; }
        public string? ResponsiblePersonTitle { get; set; }
        public string? LicenceLine { get; set; }
        public string? Theme { get; set; }
        public bool EmcEnabled { get; set; }
        public string? EmcSiteId { get; set; }
        public bool IsAggregatedSite { get; set; }
        public bool AllowSelfApproval { get; set; }
    }

    public static readonly IReadOnlyList<(string Code, string Name)> Themes =
        [("do", "Đỏ"), ("xanh", "Xanh dương"), ("luc", "Xanh lục"), ("tim", "Tím")];

    [BindProperty] public SettingsForm Form { get; set; } = new();

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Cài đặt trang";
        await Access.LoadAsync(ct);
        if (msg == "luu") Notice = "Đã lưu cài đặt.";
        var s = Site;
        Form = new SettingsForm
        {
            Name = s.Name, AgencyName = s.AgencyName, NameEn = s.NameEn, ManagingAgency = s.ManagingAgency, Address = s.Address, Phone = s.Phone,
            Fax = s.Fax, Email = s.Email, ResponsiblePerson = s.ResponsiblePerson, ResponsiblePersonTitle = s.ResponsiblePersonTitle,
            LicenceLine = s.LicenceLine, Theme = s.Theme, EmcEnabled = s.EmcEnabled, EmcSiteId = s.EmcSiteId,
            IsAggregatedSite = s.IsAggregatedSite, AllowSelfApproval = s.AllowSelfApproval,
        };
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
                IsAggregatedSite = f.IsAggregatedSite, AllowSelfApproval = f.AllowSelfApproval,
            }, Actor(), ct);
        }
        catch (SiteValidationException e)
        {
            Errors.AddRange(e.Errors);
            return Page();
        }
        return Done("/quan-tri/cai-dat", "luu");
    }
}
