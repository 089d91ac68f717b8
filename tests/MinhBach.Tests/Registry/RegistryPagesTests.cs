using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Registry;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Compliance;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Registry;

/// <summary>The registry screens under /quan-tri/so-theo-doi, signed in as the demo province's people.</summary>
public sealed class RegistryPagesTests
{
    private const string Path = "/quan-tri/so-theo-doi";

    [DatabaseTheory]
    public async Task Only_the_system_administrator_and_the_reviewers_use_the_registry_and_only_on_the_portal(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);

        var reviewer = await world.SignInAsync(ComplianceWorld.Reviewer);
        var list = await reviewer.GetHtmlAsync(Path);
        // Every demo site is in it by itself, with the counts.
        var sites = await world.DbAsync(db => db.Sites.CountAsync());
        Assert.Equal(sites, list.QuerySelectorAll("table.registry tbody tr").Length);
        Assert.Contains($"{sites}/{sites}", list.QuerySelector(".stats")!.TextContent);
        Assert.Contains(list.QuerySelectorAll("nav a"), a => a.TextContent == "Sổ theo dõi");

        var editor = await world.SignInAsync("btv.cong@dongminh.gov.vn");
        (await editor.GetAsync(Path)).AssertRefused("a portal editor");
        (await editor.PostFormAsync(Path + "/moi", ("Form.UnitName", "Sở Ngoại vụ"), ("Form.UnitKindCode", "department"), ("Form.Domains", "sngv.dongminh.gov.vn"), ("Form.SiteTypeCode", "agency")))
            .AssertRefused("a portal editor adding an entry");
        var admin = await world.SignInAsync(ComplianceWorld.SystemAdmin);
        using var onSite = await admin.GetAsync("/so-khcn" + Path);
        Assert.Equal(HttpStatusCode.NotFound, onSite.StatusCode);
        Assert.False(await world.DbAsync(db => db.RegistryEntries.AnyAsync(e => e.UnitName == "Sở Ngoại vụ")));
    }

    [DatabaseTheory]
    public async Task An_external_site_is_added_edited_with_its_licence_flagged_and_audited(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);
        var reviewer = await world.SignInAsync(ComplianceWorld.Reviewer);
        var today = DateOnly.FromDateTime(ComplianceWorld.Now.UtcDateTime);

        var bad = await reviewer.PostFormAsync(Path + "/moi", ("Form.UnitName", "Sở Ngoại vụ"), ("Form.UnitKindCode", "department"),
            ("Form.Domains", "sokhcn.dongminh.gov.vn\nnot a domain"), ("Form.SiteTypeCode", "aggregated"), ("Form.LicenceExpiresOn", "31/02/2027"), ("Form.Ipv6", "co"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = Responses.Errors(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Ngày hết hạn giấy phép \"31/02/2027\" không hợp lệ (dùng dd/mm/yyyy).", errors);

        var saved = await reviewer.PostFormAsync(Path + "/moi", ("Form.UnitName", "Sở Ngoại vụ"), ("Form.UnitKindCode", "department"),
            ("Form.Domains", "https://SNGV.DongMinh.gov.vn/"), ("Form.SiteTypeCode", "aggregated"), ("Form.LicenceNumber", "3/GP-STTTT"),
            ("Form.LicenceExpiresOn", today.AddDays(20).ToString("yyyy-MM-dd")), ("Form.Ipv6", "khong"), ("Form.Emc", ""));
        await saved.AssertSavedAsync(Path);
        var entry = await world.DbAsync(db => db.RegistryEntries.Include(e => e.Domains).SingleAsync(e => e.UnitName == "Sở Ngoại vụ"));
        Assert.Equal(["sngv.dongminh.gov.vn"], entry.Domains.Select(d => d.Domain));

        var expiring = await reviewer.GetHtmlAsync(Path + "?trang-thai=giay-phep-sap-het-han");
        var row = Assert.Single(expiring.QuerySelectorAll("table.registry tbody tr"));
        Assert.Contains("Sở Ngoại vụ", row.TextContent);
        Assert.Contains("Sắp hết hạn", row.QuerySelector(".flag")!.TextContent);

        // Saved from a stale form: refused as a conflict, nothing overwritten.
        var edit = await reviewer.PostFormAsync($"{Path}/{entry.Id}", ("Form.UnitName", "Sở Ngoại vụ"), ("Form.UnitKindCode", "department"),
            ("Form.Domains", "sngv.dongminh.gov.vn"), ("Form.SiteTypeCode", "aggregated"), ("Form.LicenceNumber", "3/GP-STTTT"),
            ("Form.LicenceExpiresOn", today.AddDays(-1).ToString("yyyy-MM-dd")), ("Form.Ipv6", "co"), ("Version", entry.Version.ToString()));
        await edit.AssertSavedAsync(Path);
        var stale = await reviewer.PostFormAsync($"{Path}/{entry.Id}", ("Form.UnitName", "Sở Ngoại vụ (cũ)"), ("Form.UnitKindCode", "department"),
            ("Form.Domains", "sngv.dongminh.gov.vn"), ("Form.SiteTypeCode", "aggregated"), ("Version", entry.Version.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var expired = await reviewer.GetHtmlAsync(Path + "?trang-thai=giay-phep-het-han");
        Assert.Contains("Đã hết hạn", Assert.Single(expired.QuerySelectorAll("table.registry tbody tr")).QuerySelector(".flag")!.TextContent);
        var audit = await world.DbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("registry.")).OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(["registry.add", "registry.update"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.NotEqual("hệ thống", a.UserName));
        Assert.Contains("ngày hết hạn giấy phép", audit[1].Summary);
    }

    [DatabaseTheory]
    public async Task An_import_is_previewed_then_confirmed_and_a_bad_file_changes_nothing(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);
        var reviewer = await world.SignInAsync(ComplianceWorld.Reviewer);
        var before = await world.DbAsync(db => db.RegistryEntries.CountAsync());

        var badFile = RegistryFiles.Workbook("Sổ theo dõi", [["Tên đơn vị", "Loại đơn vị", "Tên miền"], ["Sở Y tế", "không có", "syt.daknong.gov.vn"]]);
        using var refused = await reviewer.PostMultipartAsync(Path + "/nhap", new Multipart().File("Upload", "so.xlsx", badFile));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = AdminSession.Html(await refused.Content.ReadAsStringAsync());
        var problem = Assert.Single(page.QuerySelectorAll("#loi tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(("2", "Loại đơn vị"), (problem[0], problem[1]));
        Assert.StartsWith("loại đơn vị \"không có\" không có trong danh mục", problem[2]);

        using var preview = await reviewer.PostMultipartAsync(Path + "/nhap", new Multipart().File("Upload", "seed-000.xlsx", RegistryFiles.Seed000Workbook()));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = AdminSession.Html(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Sẽ thêm 27, sửa 0, giữ nguyên 0 mục", previewPage.QuerySelector("[role=status]")!.TextContent.Replace("\n", " ").Replace("  ", " "));
        Assert.Equal(before, await world.DbAsync(db => db.RegistryEntries.CountAsync()));

        Multipart Confirmation()
        {
            var form = new Multipart();
            foreach (var name in new[] { "FileData", "FileName", "Fingerprint" })
                form.Field(name, previewPage.QuerySelector($"input[name={name}]")!.GetAttribute("value")!);
            return form;
        }
        using var confirmed = await reviewer.PostMultipartAsync(Path + "/nhap?handler=Confirm", Confirmation());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(before + 27, await world.DbAsync(db => db.RegistryEntries.CountAsync()));
        var list = await reviewer.GetHtmlAsync(confirmed.Target()!);
        Assert.Contains("Đã nhập sổ theo dõi: thêm 27, sửa 0 mục.", list.QuerySelector(".notice")!.TextContent);

        // The same confirmation again: the registry changed since that preview, so nothing is applied twice.
        using var again = await reviewer.PostMultipartAsync(Path + "/nhap?handler=Confirm", Confirmation());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before + 27, await world.DbAsync(db => db.RegistryEntries.CountAsync()));
    }

    [DatabaseTheory]
    public async Task The_reviewer_downloads_the_report_and_its_appendix(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);
        var reviewer = await world.SignInAsync(ComplianceWorld.Reviewer);

        var form = await reviewer.GetHtmlAsync(Path + "/bao-cao");
        Assert.Contains(form.QuerySelectorAll("select[name=goi] option"), o => o.GetAttribute("value") == "D42-2022");
        using var docx = await reviewer.GetAsync(Path + "/bao-cao?goi=D42-2022&pham-vi=registry&ngay=2026-11-18&tep=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        var (body, _, doc) = ReviewReportTests.Read(await docx.Content.ReadAsByteArrayAsync());
        doc.Dispose();
        Assert.Contains("1. Tình hình chung", body);
        using var xlsx = await reviewer.GetAsync(Path + "/bao-cao?goi=D224-2026&pham-vi=hosted&tep=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.NotNull(MinhBach.Features.Exports.SpreadsheetReader.Read(await xlsx.Content.ReadAsByteArrayAsync(), "Tổng hợp", 1000, out _));

        using var unknown = await reviewer.GetAsync(Path + "/bao-cao?goi=D00&tep=docx");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Không có gói quy tắc \"D00\".", Responses.Errors(await unknown.Content.ReadAsStringAsync()));
    }
}
