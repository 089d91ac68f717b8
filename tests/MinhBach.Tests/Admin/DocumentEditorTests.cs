using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Documents;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/van-ban: documents with the types of the catalogue; the address follows the number.</summary>
public sealed class DocumentEditorTests
{
    private static (string, string)[] Doc(string number, string issued, params (string, string)[] more)
    {
        (string, string)[] basic = [("Form.Number", number), ("Form.TypeCode", "quyet-dinh-qppl"), ("Form.Title", "Quy chế quản lý cổng thông tin điện tử"),
            ("Form.IssuingBody", "Sở Khoa học và Công nghệ"), ("Form.IssuedOn", issued)];
        return basic.Where(b => more.All(m => m.Item1 != b.Item1)).Concat(more).ToArray();
    }

    [DatabaseTheory]
    public async Task An_editor_creates_renumbers_and_deletes_a_document(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        using (var r = await s.PostFormAsync("/so-a/quan-tri/van-ban/moi", Doc("15/2026/QĐ-SKHCN", "2026-03-10", ("Form.Signer", "Nguyễn Văn Đức"),
                   ("Form.Field", "Công nghệ thông tin"), ("Form.EffectiveOn", "2026-03-20"), ("Form.FileUrl", "https://so-a.tinh.gov.vn/tep/15-2026.pdf"))))
            await r.AssertSavedAsync("/so-a/quan-tri/van-ban?msg=them");
        var d = await w.DbAsync(db => db.Documents.IgnoreQueryFilters().SingleAsync(x => x.SiteId == w.SoA.Id));
        Assert.Equal(("15-2026-qd-skhcn", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 20)), (d.Slug, d.IssuedOn, d.EffectiveOn));
        var page = await w.PublicAsync("/so-a/van-ban/15-2026-qd-skhcn");
        Assert.Contains("15/2026/QĐ-SKHCN", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Quy chế quản lý cổng thông tin điện tử", page.Body!.TextContent);
        Assert.Contains("15/2026/QĐ-SKHCN", (await w.PublicAsync("/so-a/van-ban")).Body!.TextContent);

        // The same number in another year (numbering restarts each year) gets the year in its address.
        using (var r = await s.PostFormAsync("/so-a/quan-tri/van-ban/moi", Doc("15/2026/QĐ-SKHCN", "2025-05-05", ("Form.Title", "Quyết định năm trước"))))
            await r.AssertSavedAsync("/so-a/quan-tri/van-ban?msg=them");
        Assert.True(await w.DbAsync(db => db.Documents.IgnoreQueryFilters().AnyAsync(x => x.Slug == "15-2026-qd-skhcn-2025")));

        // Search, diacritics-insensitive, and the type filter.
        var found = await s.GetHtmlAsync("/so-a/quan-tri/van-ban?q=quy+che+quan+ly");
        Assert.Equal(["15/2026/QĐ-SKHCN"], found.QuerySelectorAll("tbody th a").Select(a => a.TextContent));
        Assert.Empty((await s.GetHtmlAsync("/so-a/quan-tri/van-ban?loai=chi-thi")).QuerySelectorAll("tbody th a"));

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/van-ban/{d.Id}", Doc("16/2026/QĐ-SKHCN", "2026-03-10", ("Form.TypeCode", "quyet-dinh"))))
            await r.AssertSavedAsync("/so-a/quan-tri/van-ban?msg=luu");
        d = await w.DbAsync(db => db.Documents.IgnoreQueryFilters().SingleAsync(x => x.Id == d.Id));
        Assert.Equal(("16-2026-qd-skhcn", "quyet-dinh", null, null), (d.Slug, d.TypeCode, d.EffectiveOn, d.FileUrl));
        Assert.Contains("16/2026/QĐ-SKHCN", (await w.PublicAsync("/so-a/van-ban/16-2026-qd-skhcn")).QuerySelector("h1")!.TextContent);
        using (var old = await w.App.GetAsync("/so-a/van-ban/15-2026-qd-skhcn"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/so-a/van-ban/16-2026-qd-skhcn", old.Target());
        }

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/van-ban/{d.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/van-ban?msg=xoa");
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/van-ban/16-2026-qd-skhcn")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/van-ban/15-2026-qd-skhcn")).StatusCode);

        await w.AssertAuditedAsync("document.create", d.Id, Who.EditorA, "15/2026/QĐ-SKHCN");
        await w.AssertAuditedAsync("document.update", d.Id, Who.EditorA, "16/2026/QĐ-SKHCN", "15-2026-qd-skhcn → 16-2026-qd-skhcn");
        await w.AssertAuditedAsync("document.delete", d.Id, Who.EditorA, "16/2026/QĐ-SKHCN");
    }

    [DatabaseTheory]
    public async Task The_list_pages_through_many_documents(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        await w.DbAsync(async db =>
        {
            for (var i = 1; i <= 35; i++)
                db.Add(new Document { SiteId = w.SoA.Id, Slug = $"{i}-tb", Number = $"{i}/TB", TypeCode = "thong-bao", Title = $"Thông báo số {i}", IssuingBody = "Sở A", IssuedOn = new DateOnly(2026, 1, 1).AddDays(i), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var s = await w.SignInAsync(Who.Reviewer);
        var first = await s.GetHtmlAsync("/so-a/quan-tri/van-ban");
        Assert.Equal(30, first.QuerySelectorAll("tbody th a").Length);
        Assert.Equal("35/TB", first.QuerySelector("tbody th a")!.TextContent);
        Assert.NotNull(first.QuerySelector("a[href='/so-a/quan-tri/van-ban?trang=2']"));
        var second = await s.GetHtmlAsync("/so-a/quan-tri/van-ban?trang=2");
        Assert.Equal(["5/TB", "4/TB", "3/TB", "2/TB", "1/TB"], second.QuerySelectorAll("tbody th a").Select(a => a.TextContent));
    }

    [DatabaseTheory]
    public async Task Bad_document_input_gets_a_Vietnamese_message_and_changes_nothing(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var id = await EditorCase.All.Single(c => c.Path == "van-ban").SeedAsync(w);
        var before = await w.DbAsync(db => EditorCase.Snapshot<Document>(db, id));
        using var s = await w.SignInAsync(Who.EditorA);
        const string New = "/so-a/quan-tri/van-ban/moi";

        Assert.Contains("Loại văn bản \"sac-lenh\" không có trong danh mục.", await EditorsWorld.RefusedAsync(s, New, Doc("1/SL", "2026-01-02", ("Form.TypeCode", "sac-lenh"))));
        Assert.Contains("Giá trị \"2026-02-30\" của mục Ngày ban hành không hợp lệ.", await EditorsWorld.RefusedAsync(s, New, Doc("1/QĐ", "2026-02-30")));
        Assert.Contains("Ngày ban hành không được để trống.", await EditorsWorld.RefusedAsync(s, New, Doc("1/QĐ", "")));
        Assert.Contains("Ngày ban hành phải từ năm 1945 đến hôm nay.", await EditorsWorld.RefusedAsync(s, New, Doc("1/QĐ", "2999-01-01")));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, Doc("1/QĐ", "2026-01-02", ("Form.FileUrl", "ftp://so-a/tep.pdf"))), e => e.StartsWith("Liên kết toàn văn \"ftp://so-a/tep.pdf\" không hợp lệ"));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, Doc(new string('1', 101), "2026-01-02")), e => e.StartsWith("Số ký hiệu dài quá 100 ký tự"));
        Assert.Contains("Trích yếu không được để trống.", await EditorsWorld.RefusedAsync(s, New, Doc("1/QĐ", "2026-01-02", ("Form.Title", ""))));
        Assert.Contains("Đã có văn bản số 01/QĐ-SOA ban hành năm 2026.", await EditorsWorld.RefusedAsync(s, New, Doc("01/QĐ-SOA", "2026-06-01")));
        Assert.Contains("Hãy chọn loại văn bản.", await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/van-ban/{id}", Doc("01/QĐ-SOA", "2026-01-05", ("Form.TypeCode", ""))));

        Assert.Equal(before, await w.DbAsync(db => EditorCase.Snapshot<Document>(db, id)));
        Assert.Equal(1, await w.DbAsync(db => db.Documents.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("document.")).ToListAsync()));
    }
}
