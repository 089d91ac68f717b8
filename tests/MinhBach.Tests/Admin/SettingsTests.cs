using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/cai-dat: a site administrator changes the facts of the header and footer and the editorial switches of their site.</summary>
public sealed class SettingsTests
{
    private static (string, string)[] Settings(params (string, string)[] over)
    {
        (string, string)[] all =
        [
            ("Form.Name", "Trang thông tin điện tử Sở Khoa học và Công nghệ tỉnh Đông Minh"), ("Form.AgencyName", "Sở Khoa học và Công nghệ tỉnh Đông Minh"),
            ("Form.NameEn", "Department of Science and Technology"), ("Form.ManagingAgency", "Ủy ban nhân dân tỉnh Đông Minh"),
            ("Form.Address", "Số 8 đường Trần Phú, thành phố Đông Minh"), ("Form.Phone", "0203 3812 000"), ("Form.Fax", "0203 3812 999"),
            ("Form.Email", "skhcn@tinh.gov.vn"), ("Form.ResponsiblePerson", "Nguyễn Văn Đức"), ("Form.ResponsiblePersonTitle", "Giám đốc Sở"),
            ("Form.LicenceLine", "Giấy phép số 12/GP-TTĐT ngày 01/01/2026 do Sở Thông tin và Truyền thông cấp"), ("Form.Theme", "xanh"),
            ("Form.EmcEnabled", "true"), ("Form.EmcSiteId", "12345"), ("Form.IsAggregatedSite", "true"), ("Form.AllowSelfApproval", "true"),
        ];
        return all.Where(a => over.All(o => o.Item1 != a.Item1)).Concat(over).ToArray();
    }

    private static Task<Site> SiteAsync(EditorsWorld w, int id) => w.DbAsync(db => db.Sites.AsNoTracking().SingleAsync(s => s.Id == id));

    [DatabaseTheory]
    public async Task A_site_admin_changes_the_settings_of_their_site(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var soBBefore = System.Text.Json.JsonSerializer.Serialize(await SiteAsync(w, w.SoB.Id));
        using var s = await w.SignInAsync(Who.AdminA);
        Assert.Equal(EditorsWorld.SoAName, (await s.GetHtmlAsync("/so-a/quan-tri/cai-dat")).QuerySelector("input[name='Form.Name']")!.GetAttribute("value"));

        using (var r = await s.PostFormAsync("/so-a/quan-tri/cai-dat", Settings()))
            await r.AssertSavedAsync("/so-a/quan-tri/cai-dat?msg=luu");
        var site = await SiteAsync(w, w.SoA.Id);
        Assert.Equal(("Số 8 đường Trần Phú, thành phố Đông Minh", "xanh", true, "12345", true, true),
            (site.Address, site.Theme, site.EmcEnabled, site.EmcSiteId, site.IsAggregatedSite, site.AllowSelfApproval));
        var home = await w.PublicAsync("/so-a/");
        Assert.Equal("theme-xanh", home.DocumentElement.GetAttribute("class"));
        var footer = home.QuerySelector("footer")!.TextContent;
        Assert.Contains("Số 8 đường Trần Phú, thành phố Đông Minh", footer);
        Assert.Contains("Giấy phép số 12/GP-TTĐT", footer);
        Assert.Contains("Cơ quan chủ quản: Ủy ban nhân dân tỉnh Đông Minh", footer);
        Assert.Equal(soBBefore, System.Text.Json.JsonSerializer.Serialize(await SiteAsync(w, w.SoB.Id)));

        // Switches off, optional facts cleared.
        using (var r = await s.PostFormAsync("/so-a/quan-tri/cai-dat", Settings(("Form.EmcEnabled", "false"), ("Form.EmcSiteId", ""), ("Form.Fax", ""),
                   ("Form.IsAggregatedSite", "false"), ("Form.AllowSelfApproval", "false"), ("Form.LicenceLine", ""))))
            await r.AssertSavedAsync("/so-a/quan-tri/cai-dat?msg=luu");
        site = await SiteAsync(w, w.SoA.Id);
        Assert.Equal((false, null, null, false, false, null), (site.EmcEnabled, site.EmcSiteId, site.Fax, site.IsAggregatedSite, site.AllowSelfApproval, site.LicenceLine));

        var entries = await w.AuditAsync("site.update");
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((w.SoA.Id, EditorsWorld.Email(Who.AdminA), "site", w.SoA.Id.ToString()), (e.SiteId!.Value, e.UserName, e.TargetType!, e.TargetId!)));
        Assert.Contains("địa chỉ", entries[0].Summary);
        Assert.Contains("trang thông tin tổng hợp", entries[0].Summary);
        Assert.Contains("tự duyệt bài của mình", entries[1].Summary);
    }

    [DatabaseTheory]
    public async Task Bad_settings_show_the_registry_messages_and_change_nothing(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var before = System.Text.Json.JsonSerializer.Serialize(await SiteAsync(w, w.SoA.Id));
        using var s = await w.SignInAsync(Who.AdminA);

        var errors = await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/cai-dat", Settings(("Form.Name", " "), ("Form.Email", "skhcn@"), ("Form.Theme", "cam"), ("Form.EmcSiteId", "abc")));
        Assert.Contains("Tên trang không được để trống.", errors);
        Assert.Contains("Email \"skhcn@\" không hợp lệ.", errors);
        Assert.Contains("Giao diện \"cam\" không có (có: do, xanh, luc, tim).", errors);
        Assert.Contains("Mã EMC (site id) chỉ gồm chữ số.", errors);
        Assert.Contains("Cần mã EMC (site id) để bật mã theo dõi EMC.", await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/cai-dat", Settings(("Form.EmcSiteId", ""))));
        Assert.Contains("Trang thông tin điện tử tổng hợp phải ghi dòng giấy phép (số giấy phép, ngày cấp, cơ quan cấp).",
            await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/cai-dat", Settings(("Form.LicenceLine", ""))));
        Assert.Contains("Tên trang dài quá 300 ký tự.", await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/cai-dat", Settings(("Form.Name", new string('T', 301)))));
        // What was typed stays in the form.
        using (var r = await s.PostFormAsync("/so-a/quan-tri/cai-dat", Settings(("Form.Theme", "cam"))))
            Assert.Equal("Số 8 đường Trần Phú, thành phố Đông Minh", AdminSession.Html(await r.Content.ReadAsStringAsync()).QuerySelector("input[name='Form.Address']")!.GetAttribute("value"));

        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await SiteAsync(w, w.SoA.Id)));
        Assert.Empty(await w.AuditAsync("site.update"));
    }

    [DatabaseTheory]
    public async Task Only_a_site_admin_of_the_site_changes_its_settings(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var before = System.Text.Json.JsonSerializer.Serialize(await SiteAsync(w, w.SoA.Id));
        foreach (var who in new[] { Who.EditorA, Who.ContributorA, Who.Reviewer, Who.AdminB })
        {
            using var s = await w.SignInAsync(who);
            (await s.GetAsync("/so-a/quan-tri/cai-dat")).AssertRefused($"{who} opening the settings of so-a");
            using var r = await s.PostFormAsync("/so-a/quan-tri/cai-dat", Settings());
            r.AssertRefused($"{who} saving the settings of so-a");
        }
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await SiteAsync(w, w.SoA.Id)));
        Assert.Empty(await w.AuditAsync("site.update"));
    }
}
