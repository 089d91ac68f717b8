using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Content;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/co-cau-to-chuc: the organisation chart as a tree; a parent is another unit of this site, never itself or below it.</summary>
public sealed class OrgChartEditorTests
{
    private static (string, string)[] Unit(string name, int? parent = null, params (string, string)[] more) =>
        [("Form.Name", name), ("Form.ParentId", parent?.ToString() ?? ""), .. more];

    [DatabaseTheory]
    public async Task An_editor_builds_edits_and_prunes_the_tree(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        using (var r = await s.PostFormAsync("/so-a/quan-tri/co-cau-to-chuc/moi", Unit("Văn phòng Sở", null, ("Form.NameEn", "Office"),
                   ("Form.Head", "Chánh Văn phòng Lê Văn C"), ("Form.Functions", "Tham mưu tổng hợp"), ("Form.Phone", "0203 3812 345"), ("Form.Email", "vanphong@so-a.gov.vn"))))
            await r.AssertSavedAsync("/so-a/quan-tri/co-cau-to-chuc?msg=them");
        var root = await w.DbAsync(db => db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.SiteId == w.SoA.Id));
        using (var r = await s.PostFormAsync($"/so-a/quan-tri/co-cau-to-chuc/moi", Unit("Tổ Công nghệ thông tin", root.Id)))
            await r.AssertSavedAsync("/so-a/quan-tri/co-cau-to-chuc?msg=them");
        var child = await w.DbAsync(db => db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.ParentId == root.Id));
        Assert.Equal(("Office", "Chánh Văn phòng Lê Văn C", "vanphong@so-a.gov.vn"), (root.NameEn, root.Head, root.Email));

        var tree = await w.PublicAsync("/so-a/co-cau-to-chuc");
        Assert.Contains("Văn phòng Sở", tree.Body!.TextContent);
        Assert.Contains("Tổ Công nghệ thông tin", tree.Body.TextContent);
        var admin = await s.GetHtmlAsync("/so-a/quan-tri/co-cau-to-chuc");
        Assert.Equal("Tổ Công nghệ thông tin", admin.QuerySelector("ul.org-tree ul.org-tree li > a")!.TextContent);
        // The picker offers neither the unit itself nor anything below it.
        var form = await s.GetHtmlAsync($"/so-a/quan-tri/co-cau-to-chuc/{root.Id}");
        Assert.DoesNotContain(form.QuerySelectorAll("select[name='Form.ParentId'] option"), o => o.GetAttribute("value") == child.Id.ToString() || o.GetAttribute("value") == root.Id.ToString());

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/co-cau-to-chuc/{child.Id}", Unit("Phòng Chuyển đổi số", root.Id, ("Form.Order", "5"))))
            await r.AssertSavedAsync("/so-a/quan-tri/co-cau-to-chuc?msg=luu");
        Assert.Contains("Phòng Chuyển đổi số", (await w.PublicAsync("/so-a/co-cau-to-chuc")).Body!.TextContent);

        Assert.Contains(await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/co-cau-to-chuc/{root.Id}?handler=Delete", ("confirm", "true")),
            e => e.StartsWith("Không xóa được đơn vị \"Văn phòng Sở\" vì còn 1 đơn vị trực thuộc."));
        using (var r = await s.PostFormAsync($"/so-a/quan-tri/co-cau-to-chuc/{child.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/co-cau-to-chuc?msg=xoa");
        using (var r = await s.PostFormAsync($"/so-a/quan-tri/co-cau-to-chuc/{root.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/co-cau-to-chuc?msg=xoa");
        Assert.Equal(0, await w.DbAsync(db => db.OrgUnits.IgnoreQueryFilters().CountAsync()));
        Assert.DoesNotContain("Văn phòng Sở", (await w.PublicAsync("/so-a/co-cau-to-chuc")).Body!.TextContent);

        await w.AssertAuditedAsync("org-unit.create", root.Id, Who.EditorA, "Văn phòng Sở");
        await w.AssertAuditedAsync("org-unit.update", child.Id, Who.EditorA, "Phòng Chuyển đổi số");
        await w.AssertAuditedAsync("org-unit.delete", child.Id, Who.EditorA, "Phòng Chuyển đổi số");
        await w.AssertAuditedAsync("org-unit.delete", root.Id, Who.EditorA, "Văn phòng Sở");
    }

    [DatabaseTheory]
    public async Task Bad_units_and_impossible_parents_are_refused(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var (root, child, other) = await w.DbAsync(async db =>
        {
            var r = new OrgUnit { SiteId = w.SoA.Id, Name = "Văn phòng" };
            var o = new OrgUnit { SiteId = w.SoB.Id, Name = "Văn phòng Sở B" };
            db.AddRange(r, o);
            await db.SaveChangesAsync();
            var c = new OrgUnit { SiteId = w.SoA.Id, Name = "Tổ lưu trữ", ParentId = r.Id };
            db.Add(c);
            await db.SaveChangesAsync();
            return (r.Id, c.Id, o.Id);
        });
        async Task<List<string?>> Rows() => [await w.DbAsync(db => EditorCase.Snapshot<OrgUnit>(db, root)), await w.DbAsync(db => EditorCase.Snapshot<OrgUnit>(db, child)), await w.DbAsync(db => EditorCase.Snapshot<OrgUnit>(db, other))];
        var before = await Rows();
        using var s = await w.SignInAsync(Who.EditorA);
        const string New = "/so-a/quan-tri/co-cau-to-chuc/moi";
        const string Wrong = "Đơn vị cấp trên không được là chính đơn vị này hoặc một đơn vị trực thuộc nó.";

        Assert.Contains(Wrong, await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/co-cau-to-chuc/{root}", Unit("Văn phòng", root)));
        Assert.Contains(Wrong, await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/co-cau-to-chuc/{root}", Unit("Văn phòng", child)));
        Assert.Contains("Đơn vị cấp trên không có trong cơ cấu tổ chức của trang này.", await EditorsWorld.RefusedAsync(s, New, Unit("Phòng mới", other)));
        Assert.Contains("Đơn vị cấp trên không có trong cơ cấu tổ chức của trang này.", await EditorsWorld.RefusedAsync(s, New, Unit("Phòng mới", 987654)));
        Assert.Contains("Giá trị \"abc\" của mục Đơn vị cấp trên không hợp lệ.", await EditorsWorld.RefusedAsync(s, New, [("Form.Name", "Phòng mới"), ("Form.ParentId", "abc")]));
        Assert.Contains("Tên đơn vị không được để trống.", await EditorsWorld.RefusedAsync(s, New, Unit("")));
        Assert.Contains("Email \"vanphong@\" không hợp lệ (ví dụ: vanphong@tinh.gov.vn).", await EditorsWorld.RefusedAsync(s, New, Unit("Phòng mới", null, ("Form.Email", "vanphong@"))));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, Unit("Phòng mới", null, ("Form.Phone", "gọi tôi"))), e => e.StartsWith("Điện thoại \"gọi tôi\" không hợp lệ"));
        Assert.Contains(await EditorsWorld.RefusedAsync(s, New, Unit("Phòng mới", null, ("Form.Functions", new string('x', 4001)))), e => e.StartsWith("Chức năng, nhiệm vụ dài quá 4.000 ký tự"));

        Assert.Equal(before, await Rows());
        Assert.Equal(3, await w.DbAsync(db => db.OrgUnits.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("org-unit.")).ToListAsync()));
    }
}
