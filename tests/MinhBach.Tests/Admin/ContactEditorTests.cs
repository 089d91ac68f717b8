using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Content;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/dau-moi: focal-point officials shown on the contact page.</summary>
public sealed class ContactEditorTests
{
    [DatabaseTheory]
    public async Task An_editor_creates_edits_and_deletes_a_focal_point(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        using (var r = await s.PostFormAsync("/so-a/quan-tri/dau-moi/moi", ("Form.FullName", "Phạm Thị Hoa"), ("Form.Title", "Phó Chánh Văn phòng"),
                   ("Form.TitleEn", "Deputy Chief of Office"), ("Form.Unit", "Văn phòng Sở"), ("Form.Responsibility", "Cung cấp thông tin cho báo chí"),
                   ("Form.Phone", "0203 3812 002"), ("Form.Email", "hoa@so-a.gov.vn")))
            await r.AssertSavedAsync("/so-a/quan-tri/dau-moi?msg=them");
        var c = await w.DbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(x => x.SiteId == w.SoA.Id));
        var page = await w.PublicAsync("/so-a/lien-he");
        Assert.Contains("Phạm Thị Hoa", page.Body!.TextContent);
        Assert.Contains("hoa@so-a.gov.vn", page.Body.TextContent);
        Assert.DoesNotContain("Phạm Thị Hoa", (await w.PublicAsync("/so-b/lien-he")).Body!.TextContent);

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/dau-moi/{c.Id}", ("Form.FullName", "Phạm Thị Hoa"), ("Form.Title", "Chánh Văn phòng"),
                   ("Form.Unit", "Văn phòng Sở"), ("Form.Phone", ""), ("Form.Email", "hoa.pt@so-a.gov.vn")))
            await r.AssertSavedAsync("/so-a/quan-tri/dau-moi?msg=luu");
        page = await w.PublicAsync("/so-a/lien-he");
        Assert.Contains("hoa.pt@so-a.gov.vn", page.Body!.TextContent);
        Assert.Contains("Chánh Văn phòng", page.Body.TextContent);
        Assert.Null((await w.DbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(x => x.Id == c.Id))).Phone);

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/dau-moi/{c.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/dau-moi?msg=xoa");
        Assert.DoesNotContain("Phạm Thị Hoa", (await w.PublicAsync("/so-a/lien-he")).Body!.TextContent);
        Assert.Equal(0, await w.DbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));

        await w.AssertAuditedAsync("contact.create", c.Id, Who.EditorA, "Phạm Thị Hoa");
        await w.AssertAuditedAsync("contact.update", c.Id, Who.EditorA, "Chánh Văn phòng");
        await w.AssertAuditedAsync("contact.delete", c.Id, Who.EditorA, "Phạm Thị Hoa");
    }

    [DatabaseTheory]
    public async Task Bad_contact_input_gets_a_Vietnamese_message_and_changes_nothing(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var id = await EditorCase.All.Single(c => c.Path == "dau-moi").SeedAsync(w);
        var before = await w.DbAsync(db => EditorCase.Snapshot<Contact>(db, id));
        using var s = await w.SignInAsync(Who.EditorA);
        const string New = "/so-a/quan-tri/dau-moi/moi";

        Assert.Contains("Cần ít nhất số điện thoại hoặc email công vụ của cán bộ đầu mối.",
            await EditorsWorld.RefusedAsync(s, New, ("Form.FullName", "Vũ Văn E"), ("Form.Title", "Chuyên viên")));
        var errors = await EditorsWorld.RefusedAsync(s, New, ("Form.FullName", ""), ("Form.Title", ""), ("Form.Phone", "số máy lẻ"), ("Form.Email", "e@"));
        Assert.Contains("Họ và tên không được để trống.", errors);
        Assert.Contains("Chức vụ không được để trống.", errors);
        Assert.Contains(errors, e => e.StartsWith("Điện thoại \"số máy lẻ\" không hợp lệ"));
        Assert.Contains("Email \"e@\" không hợp lệ (ví dụ: vanphong@tinh.gov.vn).", errors);
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, ("Form.FullName", new string('a', 201)), ("Form.Title", "x"), ("Form.Phone", "1")), e => e.StartsWith("Họ và tên dài quá 200 ký tự"));
        Assert.Contains("Cần ít nhất số điện thoại hoặc email công vụ của cán bộ đầu mối.",
            await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/dau-moi/{id}", ("Form.FullName", "Lê Văn C"), ("Form.Title", "Chánh Văn phòng")));

        Assert.Equal(before, await w.DbAsync(db => EditorCase.Snapshot<Contact>(db, id)));
        Assert.Equal(1, await w.DbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("contact.")).ToListAsync()));
    }
}
