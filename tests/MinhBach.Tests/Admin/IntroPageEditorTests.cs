using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Content;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/trang-gioi-thieu: introduction pages in Vietnamese and English, with the page kinds of the catalogue.</summary>
public sealed class IntroPageEditorTests
{
    [DatabaseTheory]
    public async Task An_editor_creates_renames_and_deletes_introduction_pages_in_both_languages(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        // Blank slug: the page kind's default address; the body is sanitised on save.
        using (var r = await s.PostFormAsync("/so-a/quan-tri/trang-gioi-thieu/moi", ("Form.Language", "vi"), ("Form.Kind", "history"),
                   ("Form.Title", "Quá trình hình thành"), ("Form.Slug", ""), ("Form.Body", "<p>Thành lập năm 1976.</p><script>alert(1)</script>"), ("Form.Order", "2")))
            await r.AssertSavedAsync("/so-a/quan-tri/trang-gioi-thieu?msg=them");
        using (var r = await s.PostFormAsync("/so-a/quan-tri/trang-gioi-thieu/moi", ("Form.Language", "en"), ("Form.Kind", "overview"),
                   ("Form.Title", "About the Department"), ("Form.Body", "<p>Founded in 1976.</p>")))
            await r.AssertSavedAsync("/so-a/quan-tri/trang-gioi-thieu?msg=them");
        var pages = await w.DbAsync(db => db.Pages.IgnoreQueryFilters().Where(p => p.SiteId == w.SoA.Id).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, pages.Count);
        var (vi, en) = (pages[0], pages[1]);
        Assert.Equal(("vi", "history", "qua-trinh-hinh-thanh-va-phat-trien", 2), (vi.Language, vi.Kind, vi.Slug, vi.Order));
        Assert.DoesNotContain("<script", vi.Body);
        Assert.Equal(("en", "introduction"), (en.Language, en.Slug));

        var list = await s.GetHtmlAsync("/so-a/quan-tri/trang-gioi-thieu");
        Assert.Equal(["Tiếng Việt", "Tiếng Anh"], list.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).Take(2));
        var page = await w.PublicAsync("/so-a/gioi-thieu/qua-trinh-hinh-thanh-va-phat-trien");
        Assert.Equal("Quá trình hình thành", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Thành lập năm 1976.", page.Body!.TextContent);
        Assert.Equal("About the Department", (await w.PublicAsync("/so-a/en/introduction")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-b/gioi-thieu/qua-trinh-hinh-thanh-va-phat-trien")).StatusCode);

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/trang-gioi-thieu/{vi.Id}", ("Form.Language", "vi"), ("Form.Kind", "history"),
                   ("Form.Title", "Lịch sử phát triển"), ("Form.Slug", "lich-su"), ("Form.Body", "<p>Thành lập năm 1976, tái lập năm 1997.</p>"), ("Form.Order", "1")))
            await r.AssertSavedAsync("/so-a/quan-tri/trang-gioi-thieu?msg=luu");
        using (var r = await s.PostFormAsync($"/so-a/quan-tri/trang-gioi-thieu/{en.Id}", ("Form.Language", "en"), ("Form.Kind", "overview"),
                   ("Form.Title", "About us"), ("Form.Slug", "about-us"), ("Form.Body", "<p>Founded in 1976.</p>")))
            await r.AssertSavedAsync("/so-a/quan-tri/trang-gioi-thieu?msg=luu");
        Assert.Contains("tái lập năm 1997", (await w.PublicAsync("/so-a/gioi-thieu/lich-su")).Body!.TextContent);
        using (var old = await w.App.GetAsync("/so-a/gioi-thieu/qua-trinh-hinh-thanh-va-phat-trien"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/so-a/gioi-thieu/lich-su", old.Target());
        }
        using (var old = await w.App.GetAsync("/so-a/en/introduction"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/so-a/en/about-us", old.Target());
        }

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/trang-gioi-thieu/{vi.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/trang-gioi-thieu?msg=xoa");
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/gioi-thieu/lich-su")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/gioi-thieu/qua-trinh-hinh-thanh-va-phat-trien")).StatusCode);
        Assert.Equal(1, await w.DbAsync(db => db.Pages.IgnoreQueryFilters().CountAsync(p => p.SiteId == w.SoA.Id)));

        await w.AssertAuditedAsync("page.create", vi.Id, Who.EditorA, "Quá trình hình thành", "tiếng Việt");
        await w.AssertAuditedAsync("page.create", en.Id, Who.EditorA, "About the Department", "tiếng Anh");
        await w.AssertAuditedAsync("page.update", vi.Id, Who.EditorA, "qua-trinh-hinh-thanh-va-phat-trien → lich-su");
        await w.AssertAuditedAsync("page.delete", vi.Id, Who.EditorA, "Lịch sử phát triển");
    }

    [DatabaseTheory]
    public async Task Bad_introduction_page_input_gets_a_Vietnamese_message_and_changes_nothing(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var id = await EditorCase.All.Single(c => c.Path == "trang-gioi-thieu").SeedAsync(w);
        var before = await w.DbAsync(db => EditorCase.Snapshot<Page>(db, id));
        using var s = await w.SignInAsync(Who.EditorA);
        const string New = "/so-a/quan-tri/trang-gioi-thieu/moi";
        (string, string)[] Valid(params (string, string)[] over) =>
            new[] { ("Form.Language", "vi"), ("Form.Kind", "history"), ("Form.Title", "Lịch sử"), ("Form.Body", "<p>x</p>") }
                .Where(f => over.All(o => o.Item1 != f.Item1)).Concat(over).ToArray();

        Assert.Contains("Loại trang \"khong-co\" không có trong danh mục.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Kind", "khong-co"))));
        Assert.Contains("Hãy chọn loại trang.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Kind", ""))));
        Assert.Contains("Ngôn ngữ phải là tiếng Việt (vi) hoặc tiếng Anh (en).", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Language", "fr"))));
        Assert.Contains("Tiêu đề không được để trống.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Title", ""))));
        Assert.Contains("Đường dẫn \"gioi-thieu-chung\" đã được trang khác cùng ngôn ngữ dùng; hãy chọn đường dẫn khác.",
            await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Kind", "overview"))));
        Assert.Contains("Đường dẫn \"leaders\" trùng với trang có sẵn của mục tiếng Anh; hãy chọn đường dẫn khác.",
            await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Language", "en"), ("Form.Slug", "leaders"))));
        Assert.Contains("Giá trị \"hai\" của mục Thứ tự không hợp lệ.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Order", "hai"))));
        Assert.Contains("Tiêu đề không được để trống.", await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/trang-gioi-thieu/{id}", Valid(("Form.Title", " "))));
        Assert.Contains("Hãy đánh dấu ô xác nhận trước khi xóa.", await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/trang-gioi-thieu/{id}?handler=Delete"));

        Assert.Equal(before, await w.DbAsync(db => EditorCase.Snapshot<Page>(db, id)));
        Assert.Equal(1, await w.DbAsync(db => db.Pages.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("page.")).ToListAsync()));
    }
}
