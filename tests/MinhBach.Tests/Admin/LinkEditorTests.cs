using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Content;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/lien-ket: links shown on the home page and in the footer; http and https only.</summary>
public sealed class LinkEditorTests
{
    [DatabaseTheory]
    public async Task An_editor_creates_edits_and_deletes_a_link(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        using (var r = await s.PostFormAsync("/so-a/quan-tri/lien-ket/moi", ("Form.Kind", "PublicService"), ("Form.Title", "Cổng dịch vụ công tỉnh"),
                   ("Form.Url", "https://dichvucong.tinh.gov.vn"), ("Form.Order", "1")))
            await r.AssertSavedAsync("/so-a/quan-tri/lien-ket?msg=them");
        var l = await w.DbAsync(db => db.SiteLinks.IgnoreQueryFilters().SingleAsync(x => x.SiteId == w.SoA.Id));
        Assert.Equal(LinkKind.PublicService, l.Kind);
        var home = await w.PublicAsync("/so-a/");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://dichvucong.tinh.gov.vn" && a.TextContent == "Cổng dịch vụ công tỉnh");
        Assert.DoesNotContain((await w.PublicAsync("/so-b/")).QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://dichvucong.tinh.gov.vn");

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/lien-ket/{l.Id}", ("Form.Kind", "Gazette"), ("Form.Title", "Công báo tỉnh"),
                   ("Form.Url", "http://congbao.tinh.gov.vn/")))
            await r.AssertSavedAsync("/so-a/quan-tri/lien-ket?msg=luu");
        home = await w.PublicAsync("/so-a/");
        Assert.Contains(home.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "http://congbao.tinh.gov.vn/" && a.TextContent == "Công báo tỉnh");

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/lien-ket/{l.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/lien-ket?msg=xoa");
        Assert.DoesNotContain((await w.PublicAsync("/so-a/")).QuerySelectorAll("a"), a => a.GetAttribute("href") == "http://congbao.tinh.gov.vn/");

        await w.AssertAuditedAsync("link.create", l.Id, Who.EditorA, "Cổng dịch vụ công tỉnh", "https://dichvucong.tinh.gov.vn");
        await w.AssertAuditedAsync("link.update", l.Id, Who.EditorA, "Công báo tỉnh");
        await w.AssertAuditedAsync("link.delete", l.Id, Who.EditorA, "Công báo tỉnh");
    }

    [DatabaseTheory]
    public async Task Bad_link_input_gets_a_Vietnamese_message_and_changes_nothing(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var id = await EditorCase.All.Single(c => c.Path == "lien-ket").SeedAsync(w);
        var before = await w.DbAsync(db => EditorCase.Snapshot<SiteLink>(db, id));
        using var s = await w.SignInAsync(Who.EditorA);
        const string New = "/so-a/quan-tri/lien-ket/moi";

        foreach (var bad in new[] { "javascript:alert(1)", "ftp://congbao.tinh.gov.vn", "/van-ban", "congbao.tinh.gov.vn", "https://", "https://cong bao.vn" })
            Assert.Contains(await EditorsWorld.RefusedAsync(s, New, ("Form.Kind", "Other"), ("Form.Title", "Công báo"), ("Form.Url", bad)),
                e => e == $"Địa chỉ \"{bad}\" không hợp lệ: phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.");
        Assert.Contains("Địa chỉ không được để trống.", await EditorsWorld.RefusedAsync(s, New, ("Form.Kind", "Other"), ("Form.Title", "Công báo"), ("Form.Url", "")));
        Assert.Contains("Loại liên kết \"7\" không có.", await EditorsWorld.RefusedAsync(s, New, ("Form.Kind", "7"), ("Form.Title", "Công báo"), ("Form.Url", "https://a.vn")));
        Assert.Contains("Loại liên kết \"Bao\" không có.", await EditorsWorld.RefusedAsync(s, New, ("Form.Kind", "Bao"), ("Form.Title", "Công báo"), ("Form.Url", "https://a.vn")));
        Assert.Contains("Tiêu đề không được để trống.", await EditorsWorld.RefusedAsync(s, New, ("Form.Kind", "Other"), ("Form.Title", ""), ("Form.Url", "https://a.vn")));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/lien-ket/{id}", ("Form.Kind", "Gazette"), ("Form.Title", "Công báo tỉnh"), ("Form.Url", "javascript:void(0)")),
            e => e.StartsWith("Địa chỉ \"javascript:void(0)\" không hợp lệ"));

        Assert.Equal(before, await w.DbAsync(db => EditorCase.Snapshot<SiteLink>(db, id)));
        Assert.Equal(1, await w.DbAsync(db => db.SiteLinks.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("link.")).ToListAsync()));
    }
}
