using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/chuyen-muc: categories created, renamed (old address redirects) and deleted, seen on the public site.</summary>
public sealed class CategoryEditorTests
{
    [DatabaseTheory]
    public async Task An_editor_creates_renames_and_deletes_a_category(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        Assert.NotNull((await s.GetHtmlAsync("/so-a/quan-tri/chuyen-muc/moi")).QuerySelector("input[name='Form.Name']"));

        using (var r = await s.PostFormAsync("/so-a/quan-tri/chuyen-muc/moi", ("Form.Name", "Chuyển đổi số"), ("Form.Slug", ""),
                   ("Form.Description", "Tin về chuyển đổi số"), ("Form.Order", "3"), ("Form.ShowOnHome", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/chuyen-muc?msg=them");
        var c = await w.DbAsync(db => db.Categories.IgnoreQueryFilters().SingleAsync(x => x.SiteId == w.SoA.Id));
        Assert.Equal(("chuyen-doi-so", "Chuyển đổi số", "Tin về chuyển đổi số", 3, true), (c.Slug, c.Name, c.Description, c.Order, c.ShowOnHome));
        var list = await s.GetHtmlAsync("/so-a/quan-tri/chuyen-muc?msg=them");
        Assert.Equal("Đã thêm.", list.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Contains(list.QuerySelectorAll("table a"), a => a.TextContent == "Chuyển đổi số");
        Assert.Equal("Chuyển đổi số", (await w.PublicAsync("/so-a/tin-tuc/chuyen-doi-so")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-b/tin-tuc/chuyen-doi-so")).StatusCode);

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/chuyen-muc/{c.Id}", ("Form.Name", "Đổi mới sáng tạo"), ("Form.Slug", "doi-moi-sang-tao"),
                   ("Form.Description", ""), ("Form.Order", "1"), ("Form.ShowOnHome", "false")))
            await r.AssertSavedAsync("/so-a/quan-tri/chuyen-muc?msg=luu");
        c = await w.DbAsync(db => db.Categories.IgnoreQueryFilters().SingleAsync(x => x.Id == c.Id));
        Assert.Equal(("doi-moi-sang-tao", "Đổi mới sáng tạo", null, 1, false), (c.Slug, c.Name, c.Description, c.Order, c.ShowOnHome));
        Assert.Equal("Đổi mới sáng tạo", (await w.PublicAsync("/so-a/tin-tuc/doi-moi-sang-tao")).QuerySelector("h1")!.TextContent.Trim());
        using (var old = await w.App.GetAsync("/so-a/tin-tuc/chuyen-doi-so"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/so-a/tin-tuc/doi-moi-sang-tao", old.Target());
        }

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/chuyen-muc/{c.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/chuyen-muc?msg=xoa");
        Assert.Equal(0, await w.DbAsync(db => db.Categories.IgnoreQueryFilters().CountAsync(x => x.SiteId == w.SoA.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/tin-tuc/doi-moi-sang-tao")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/tin-tuc/chuyen-doi-so")).StatusCode);

        await w.AssertAuditedAsync("category.create", c.Id, Who.EditorA, "Chuyển đổi số", "chuyen-doi-so");
        await w.AssertAuditedAsync("category.update", c.Id, Who.EditorA, "chuyen-doi-so → doi-moi-sang-tao");
        await w.AssertAuditedAsync("category.delete", c.Id, Who.EditorA, "Đổi mới sáng tạo");
    }

    [DatabaseTheory]
    public async Task Bad_category_input_gets_a_Vietnamese_message_and_changes_nothing(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var cat = await w.App.AddCategoryAsync(w.SoA, "tin-so-a", "Tin của Sở A");
        await w.App.AddArticleAsync(w.SoA, cat, "Hội nghị tổng kết năm");
        await w.App.AddCategoryAsync(w.SoB, "tin-so-b", "Tin của Sở B");
        var before = await w.DbAsync(db => EditorCase.Snapshot<MinhBach.Features.Articles.Category>(db, cat.Id));
        using var s = await w.SignInAsync(Who.EditorA);
        const string New = "/so-a/quan-tri/chuyen-muc/moi";

        Assert.Contains("Tên chuyên mục không được để trống.", await EditorsWorld.RefusedAsync(s, New, ("Form.Name", "  ")));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, ("Form.Name", new string('á', 201))), e => e.StartsWith("Tên chuyên mục dài quá 200 ký tự"));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, ("Form.Name", "Khác"), ("Form.Slug", "Tin Tức!")), e => e.StartsWith("Đường dẫn \"Tin Tức!\" không hợp lệ"));
        Assert.Contains("Giá trị \"abc\" của mục Thứ tự không hợp lệ.", await EditorsWorld.RefusedAsync(s, New, ("Form.Name", "Khác"), ("Form.Order", "abc")));
        Assert.Contains("Thứ tự phải là số từ 0 đến 1.000.000.", await EditorsWorld.RefusedAsync(s, New, ("Form.Name", "Khác"), ("Form.Order", "-1")));
        Assert.Contains("Đường dẫn \"tin-so-a\" đã được chuyên mục khác dùng; hãy chọn đường dẫn khác.",
            await EditorsWorld.RefusedAsync(s, New, ("Form.Name", "Tin khác"), ("Form.Slug", "tin-so-a")));
        // The form keeps what was typed.
        using (var again = await s.PostFormAsync(New, ("Form.Name", "Khác"), ("Form.Order", "abc")))
            Assert.Equal("Khác", AdminSession.Html(await again.Content.ReadAsStringAsync()).QuerySelector("input[name='Form.Name']")!.GetAttribute("value"));
        Assert.Contains("Tên chuyên mục không được để trống.", await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/chuyen-muc/{cat.Id}", ("Form.Name", "")));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/chuyen-muc/{cat.Id}?handler=Delete", ("confirm", "true")),
            e => e.StartsWith("Không xóa được chuyên mục \"Tin của Sở A\" vì còn 1 tin bài"));
        Assert.Contains("Hãy đánh dấu ô xác nhận trước khi xóa.", await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/chuyen-muc/{cat.Id}?handler=Delete"));
        // The same slug is free on this site even though site B uses it.
        Assert.Equal(1, await w.DbAsync(db => db.Categories.IgnoreQueryFilters().CountAsync(x => x.SiteId == w.SoA.Id)));

        Assert.Equal(before, await w.DbAsync(db => EditorCase.Snapshot<MinhBach.Features.Articles.Category>(db, cat.Id)));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("category.")).ToListAsync()));
        using (var r = await s.PostFormAsync(New, ("Form.Name", "Tin của Sở B"), ("Form.Slug", "tin-so-b")))
            await r.AssertSavedAsync("/so-a/quan-tri/chuyen-muc");
    }
}
