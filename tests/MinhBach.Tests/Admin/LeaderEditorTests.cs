using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Content;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/lanh-dao: leaders with biography and duties; a new slug keeps the old address.</summary>
public sealed class LeaderEditorTests
{
    [DatabaseTheory]
    public async Task An_editor_creates_renames_and_deletes_a_leader(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        using (var r = await s.PostFormAsync("/so-a/quan-tri/lanh-dao/moi", ("Form.FullName", "Nguyễn Văn Đức"), ("Form.Slug", ""), ("Form.Title", "Giám đốc Sở"),
                   ("Form.TitleEn", "Director"), ("Form.Phone", "0203 3812 001"), ("Form.Email", "duc@so-a.gov.vn"), ("Form.PhotoUrl", "/tep/lanh-dao/duc.jpg"),
                   ("Form.BirthYear", "1972"), ("Form.Hometown", "Đông Minh"), ("Form.Biography", "<p>Tiến sĩ kinh tế.</p><img src=x onerror=alert(1)>"),
                   ("Form.Duties", "<p>Phụ trách chung.</p>"), ("Form.DutiesEn", "<p>General management.</p>"), ("Form.Order", "1")))
            await r.AssertSavedAsync("/so-a/quan-tri/lanh-dao?msg=them");
        var l = await w.DbAsync(db => db.Leaders.IgnoreQueryFilters().SingleAsync(x => x.SiteId == w.SoA.Id));
        Assert.Equal(("nguyen-van-duc", "Giám đốc Sở", 1972, "/tep/lanh-dao/duc.jpg"), (l.Slug, l.Title, l.BirthYear, l.PhotoUrl));
        Assert.DoesNotContain("onerror", l.Biography);
        var page = await w.PublicAsync("/so-a/lanh-dao/nguyen-van-duc");
        Assert.Equal("Nguyễn Văn Đức", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Phụ trách chung.", page.Body!.TextContent);
        Assert.Contains("Nguyễn Văn Đức", (await w.PublicAsync("/so-a/lanh-dao")).Body!.TextContent);

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/lanh-dao/{l.Id}", ("Form.FullName", "Nguyễn Văn Đức"), ("Form.Slug", "giam-doc-nguyen-van-duc"),
                   ("Form.Title", "Bí thư Đảng ủy, Giám đốc Sở"), ("Form.Duties", "<p>Phụ trách chung; trực tiếp chỉ đạo công tác tổ chức.</p>")))
            await r.AssertSavedAsync("/so-a/quan-tri/lanh-dao?msg=luu");
        Assert.Contains("trực tiếp chỉ đạo công tác tổ chức", (await w.PublicAsync("/so-a/lanh-dao/giam-doc-nguyen-van-duc")).Body!.TextContent);
        using (var old = await w.App.GetAsync("/so-a/lanh-dao/nguyen-van-duc"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/so-a/lanh-dao/giam-doc-nguyen-van-duc", old.Target());
        }
        var updated = await w.DbAsync(db => db.Leaders.IgnoreQueryFilters().SingleAsync(x => x.Id == l.Id));
        Assert.Null(updated.PhotoUrl);
        Assert.Equal("", updated.TitleEn);

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/lanh-dao/{l.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/lanh-dao?msg=xoa");
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/lanh-dao/giam-doc-nguyen-van-duc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/lanh-dao/nguyen-van-duc")).StatusCode);

        await w.AssertAuditedAsync("leader.create", l.Id, Who.EditorA, "Nguyễn Văn Đức");
        await w.AssertAuditedAsync("leader.update", l.Id, Who.EditorA, "nguyen-van-duc → giam-doc-nguyen-van-duc");
        await w.AssertAuditedAsync("leader.delete", l.Id, Who.EditorA, "Nguyễn Văn Đức");
    }

    [DatabaseTheory]
    public async Task Bad_leader_input_gets_a_Vietnamese_message_and_changes_nothing(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var id = await EditorCase.All.Single(c => c.Path == "lanh-dao").SeedAsync(w);
        var before = await w.DbAsync(db => EditorCase.Snapshot<Leader>(db, id));
        using var s = await w.SignInAsync(Who.EditorA);
        const string New = "/so-a/quan-tri/lanh-dao/moi";
        (string, string)[] Valid(params (string, string)[] over) =>
            new[] { ("Form.FullName", "Trần Thị Bình"), ("Form.Title", "Phó Giám đốc Sở") }.Where(f => over.All(o => o.Item1 != f.Item1)).Concat(over).ToArray();

        Assert.Contains("Họ và tên không được để trống.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.FullName", ""))));
        Assert.Contains("Chức vụ không được để trống.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Title", ""))));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, Valid(("Form.PhotoUrl", "javascript:alert(1)"))), e => e.StartsWith("Ảnh chân dung \"javascript:alert(1)\" không hợp lệ"));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, Valid(("Form.PhotoUrl", "//evil.example/a.png"))), e => e.StartsWith("Ảnh chân dung \"//evil.example/a.png\" không hợp lệ"));
        Assert.Contains("Email \"binh.at.so-a\" không hợp lệ (ví dụ: vanphong@tinh.gov.vn).", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Email", "binh.at.so-a"))));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, Valid(("Form.BirthYear", "1800"))), e => e.StartsWith("Năm sinh phải từ 1900 đến"));
        Assert.Contains("Giá trị \"năm 1970\" của mục Năm sinh không hợp lệ.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.BirthYear", "năm 1970"))));
        Assert.Contains("Đường dẫn \"nguyen-van-a\" đã được dùng cho lãnh đạo khác; hãy chọn đường dẫn khác (ví dụ thêm chức vụ).",
            await EditorsWorld.RefusedAsync(s, New, Valid(("Form.FullName", "Nguyễn Văn A"))));
        Assert.Contains("Chức vụ không được để trống.", await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/lanh-dao/{id}", Valid(("Form.Title", ""))));

        Assert.Equal(before, await w.DbAsync(db => EditorCase.Snapshot<Leader>(db, id)));
        Assert.Equal(1, await w.DbAsync(db => db.Leaders.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("leader.")).ToListAsync()));
    }
}
