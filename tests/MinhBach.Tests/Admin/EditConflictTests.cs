using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>
/// Two people editing the same item, for every content editor and the site settings: the second save is a conflict
/// (409) naming who saved and when, the second person's values stay in the form with the stored ones shown above them,
/// the first person's values stay in the database, and saving again from the returned form goes through. Deleting an
/// item changed in the meantime asks again; saving an item deleted in the meantime says so and can add it anew.
/// </summary>
public sealed class EditConflictTests
{
    private const string EditorAName = "Biên tập viên Sở A (bientap.a@tinh.gov.vn)";
    private const string AdminAName = "Quản trị Sở A (quantri.a@tinh.gov.vn)";

    [DatabaseTheory]
    public async Task The_second_save_of_the_same_item_is_a_conflict_that_keeps_both_versions(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var a = await w.SignInAsync(Who.EditorA);
        using var b = await w.SignInAsync(Who.AdminA);

        foreach (var c in EditorCase.All)
        {
            var id = await c.SeedAsync(w);
            var path = $"/so-a/quan-tri/{c.Path}/{id}";
            var versionA = VersionOf(await a.GetHtmlAsync(path));
            var versionB = VersionOf(await b.GetHtmlAsync(path));
            Assert.Equal(versionA, versionB);

            using (var r = await a.PostFormAsync(path, [.. c.ValidFields, ("Version", versionA)]))
                await r.AssertSavedAsync($"/so-a/quan-tri/{c.Path}");
            var savedByA = await w.DbAsync(db => c.SnapshotAsync(db, id));

            IDocument page;
            using (var r = await b.PostFormAsync(path, [.. c.OtherFields, ("Version", versionB)]))
                page = await ConflictAsync(r, c);
            var conflict = page.QuerySelector("#xung-dot")!.TextContent;
            Assert.Contains($"Trong lúc bạn sửa, {EditorAName} lúc ", conflict);
            Assert.Contains("Thay đổi của bạn chưa được lưu.", conflict);
            // B's values are still in the form; A's are shown as the stored version next to them.
            var form = FormValues(page);
            foreach (var (name, value) in c.OtherFields) Assert.True(form.Contains((name, value)), $"{c}: the form lost {name} = {value}");
            var stored = page.QuerySelectorAll(".conflict-table td.stored").Select(td => td.TextContent.Trim()).ToList();
            var typed = page.QuerySelectorAll(".conflict-table td.typed").Select(td => td.TextContent.Trim()).ToList();
            var differing = c.ValidFields.Where(f => !c.OtherFields.Contains(f)).ToList();
            Assert.True(differing.Any(f => stored.Contains(f.Value)), $"{c}: A's saved values are not shown ({string.Join(" | ", stored)})");
            Assert.True(c.OtherFields.Any(f => typed.Contains(f.Value)), $"{c}: B's values are not shown next to them ({string.Join(" | ", typed)})");
            // Nothing of B's was saved, and the form now carries the version A saved.
            Assert.Equal(savedByA, await w.DbAsync(db => c.SnapshotAsync(db, id)));
            Assert.NotEqual(versionB, form.Single(f => f.Name == "Version").Value);

            // Saving the returned form again goes through, with B's values.
            using (var r = await b.PostFormAsync(path, form))
                await r.AssertSavedAsync($"/so-a/quan-tri/{c.Path}");
            Assert.NotEqual(savedByA, await w.DbAsync(db => c.SnapshotAsync(db, id)));
            var reopened = FormValues(await b.GetHtmlAsync(path));
            foreach (var field in c.OtherFields) Assert.True(reopened.Contains(field), $"{c}: {field.Name} = {field.Value} was not saved");

            var updates = await w.DbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.SiteId == w.SoA.Id && e.Action == c.AuditType + ".update" && e.TargetId == id.ToString())
                .OrderBy(e => e.Sequence).Select(e => e.UserName).ToListAsync());
            Assert.Equal([EditorsWorld.Email(Who.EditorA), EditorsWorld.Email(Who.AdminA)], updates);
        }
    }

    [DatabaseTheory]
    public async Task Deleting_an_item_changed_in_the_meantime_asks_again_against_the_fresh_version(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var a = await w.SignInAsync(Who.EditorA);
        using var b = await w.SignInAsync(Who.AdminA);

        foreach (var c in EditorCase.All)
        {
            var id = await c.SeedAsync(w);
            var path = $"/so-a/quan-tri/{c.Path}/{id}";
            var (deleteAction, seenByB) = DeleteFormOf(await b.GetHtmlAsync(path));
            Assert.Equal(path + "?handler=Delete", deleteAction);
            using (var r = await a.PostFormAsync(path, [.. c.ValidFields, ("Version", VersionOf(await a.GetHtmlAsync(path)))]))
                await r.AssertSavedAsync($"/so-a/quan-tri/{c.Path}");
            var savedByA = await w.DbAsync(db => c.SnapshotAsync(db, id));

            IDocument page;
            using (var r = await b.PostFormAsync(deleteAction, ("confirm", "true"), ("Version", seenByB)))
                page = await ConflictAsync(r, c);
            var conflict = page.QuerySelector("#xung-dot")!.TextContent;
            Assert.Contains($"Trong lúc bạn xem, {EditorAName} lúc ", conflict);
            Assert.Contains("nên mục này chưa bị xóa", conflict);
            Assert.Equal(savedByA, await w.DbAsync(db => c.SnapshotAsync(db, id)));
            // The page shows the item as A saved it, and its delete form carries the fresh version.
            var form = FormValues(page);
            foreach (var field in c.ValidFields) Assert.True(form.Contains(field), $"{c}: the page does not show {field.Name} = {field.Value} as saved");
            var (again, fresh) = DeleteFormOf(page);
            Assert.Equal(deleteAction, again);
            Assert.NotEqual(seenByB, fresh);

            using (var r = await b.PostFormAsync(again, ("confirm", "true"), ("Version", fresh)))
                await r.AssertSavedAsync($"/so-a/quan-tri/{c.Path}");
            Assert.Null(await w.DbAsync(db => c.SnapshotAsync(db, id)));
            var deletes = await w.DbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.SiteId == w.SoA.Id && e.Action == c.AuditType + ".delete" && e.TargetId == id.ToString()).Select(e => e.UserName).ToListAsync());
            Assert.Equal([EditorsWorld.Email(Who.AdminA)], deletes);
        }
    }

    [DatabaseTheory]
    public async Task Saving_an_item_deleted_in_the_meantime_says_so_and_can_add_it_anew(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var a = await w.SignInAsync(Who.EditorA);
        using var b = await w.SignInAsync(Who.AdminA);

        foreach (var c in EditorCase.All)
        {
            var id = await c.SeedAsync(w);
            var path = $"/so-a/quan-tri/{c.Path}/{id}";
            var seenByB = VersionOf(await b.GetHtmlAsync(path));
            var (deleteAction, seenByA) = DeleteFormOf(await a.GetHtmlAsync(path));
            using (var r = await a.PostFormAsync(deleteAction, ("confirm", "true"), ("Version", seenByA)))
                await r.AssertSavedAsync($"/so-a/quan-tri/{c.Path}");

            IDocument page;
            using (var r = await b.PostFormAsync(path, [.. c.OtherFields, ("Version", seenByB)]))
                page = await ConflictAsync(r, c);
            var conflict = page.QuerySelector("#xung-dot")!.TextContent;
            Assert.Contains($"Trong lúc bạn sửa, {EditorAName} lúc ", conflict);
            Assert.Contains($"đã xóa {c.Name} này, nên thay đổi của bạn chưa được lưu.", conflict);
            Assert.Equal(0, await w.DbAsync(db => c.CountOfSiteAsync(db, w.SoA.Id)));
            var form = FormValues(page);
            foreach (var field in c.OtherFields) Assert.True(form.Contains(field), $"{c}: the form lost {field.Name} = {field.Value}");
            Assert.DoesNotContain(form, f => f.Name == "Version");
            var saveAsNew = Assert.Single(page.QuerySelectorAll("button[formaction]"), b => b.TextContent.Trim() == "Lưu thành mục mới");
            Assert.Null(page.QuerySelector("section.danger-zone"));

            // Deleting it again is not an error: it is gone already.
            using (var r = await b.PostFormAsync(path + "?handler=Delete", ("confirm", "true"), ("Version", seenByB)))
                await r.AssertSavedAsync($"/so-a/quan-tri/{c.Path}?msg=da-xoa");

            using (var r = await b.PostFormAsync(saveAsNew.GetAttribute("formaction")!, form))
                await r.AssertSavedAsync($"/so-a/quan-tri/{c.Path}");
            Assert.Equal(1, await w.DbAsync(db => c.CountOfSiteAsync(db, w.SoA.Id)));
        }
    }

    [DatabaseTheory]
    public async Task Another_sites_id_is_still_not_found_and_a_form_without_a_version_still_saves(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var a = await w.SignInAsync(Who.EditorA);
        var c = EditorCase.All.Single(x => x.Path == "dau-moi");
        var id = await c.SeedAsync(w);
        using (var r = await a.PostFormAsync($"/so-a/quan-tri/dau-moi/{id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/dau-moi?msg=xoa");
        // Deleted without a trace on so-b: an id that so-b never had is simply not found there.
        using var b = await w.SignInAsync(Who.EditorB);
        using (var r = await b.PostFormAsync($"/so-b/quan-tri/dau-moi/{id}", c.OtherFields))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        // A script posting without the hidden version saves what the row holds now, as before.
        var other = await c.SeedAsync(w);
        using (var r = await a.PostFormAsync($"/so-a/quan-tri/dau-moi/{other}", c.ValidFields))
            await r.AssertSavedAsync("/so-a/quan-tri/dau-moi?msg=luu");
        using (var r = await a.PostFormAsync($"/so-a/quan-tri/dau-moi/{other}", c.OtherFields))
            await r.AssertSavedAsync("/so-a/quan-tri/dau-moi?msg=luu");
        Assert.Equal(2, await w.DbAsync(db => db.Contacts.IgnoreQueryFilters().Where(x => x.Id == other).Select(x => x.Version).SingleAsync()));
    }

    [DatabaseTheory]
    public async Task Two_administrators_saving_the_site_settings_get_a_conflict_not_an_overwrite(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var a = await w.SignInAsync(Who.AdminA);
        using var b = await w.SignInAsync(Who.OtherAdminA);
        const string Path = "/so-a/quan-tri/cai-dat";
        var formA = FormValues(await a.GetHtmlAsync(Path));
        var formB = FormValues(await b.GetHtmlAsync(Path));

        using (var r = await a.PostFormAsync(Path, Set(formA, ("Form.Address", "Số 8 đường Trần Phú"), ("Form.Phone", "0203 3812 000"))))
            await r.AssertSavedAsync(Path + "?msg=luu");
        var savedByA = await SiteJsonAsync(w);

        IDocument page;
        using (var r = await b.PostFormAsync(Path, Set(formB, ("Form.Address", "Số 10 đường Lê Lợi"), ("Form.Email", "vanphong@so-a.gov.vn"))))
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            page = AdminSession.Html(await r.Content.ReadAsStringAsync());
        }
        var conflict = page.QuerySelector("#xung-dot")!.TextContent;
        Assert.Contains($"Trong lúc bạn sửa, {AdminAName} lúc ", conflict);
        Assert.Contains("đã lưu cài đặt của trang này", conflict);
        var rows = page.QuerySelectorAll(".conflict-table tbody tr")
            .Select(tr => (tr.QuerySelector("th")!.TextContent.Trim(), tr.QuerySelector(".stored")!.TextContent.Trim(), tr.QuerySelector(".typed")!.TextContent.Trim()))
            .ToList();
        Assert.Contains(("Địa chỉ", "Số 8 đường Trần Phú", "Số 10 đường Lê Lợi"), rows);
        Assert.Contains(("Điện thoại", "0203 3812 000", "(để trống)"), rows);
        var returned = FormValues(page);
        Assert.Contains(("Form.Address", "Số 10 đường Lê Lợi"), returned);
        Assert.Contains(("Form.Email", "vanphong@so-a.gov.vn"), returned);
        Assert.Equal(savedByA, await SiteJsonAsync(w));
        Assert.Single(await w.AuditAsync("site.update"));

        // B merges: keeps A's phone, their own address and email, and saves with the fresh version.
        using (var r = await b.PostFormAsync(Path, Set(returned, ("Form.Phone", "0203 3812 000"))))
            await r.AssertSavedAsync(Path + "?msg=luu");
        var site = await w.DbAsync(db => db.Sites.AsNoTracking().SingleAsync(s => s.Id == w.SoA.Id));
        Assert.Equal(("Số 10 đường Lê Lợi", "0203 3812 000", "vanphong@so-a.gov.vn"), (site.Address, site.Phone, site.Email));
        Assert.Equal([EditorsWorld.Email(Who.AdminA), EditorsWorld.Email(Who.OtherAdminA)], (await w.AuditAsync("site.update")).Select(e => e.UserName));

        // The same person in two tabs is told it was them.
        using var a2 = await w.SignInAsync(Who.AdminA);
        var tab1 = FormValues(await a.GetHtmlAsync(Path));
        var tab2 = FormValues(await a2.GetHtmlAsync(Path));
        using (var r = await a.PostFormAsync(Path, Set(tab1, ("Form.Fax", "0203 3812 999"))))
            await r.AssertSavedAsync(Path + "?msg=luu");
        using (var r = await a2.PostFormAsync(Path, Set(tab2, ("Form.Fax", "0203 3812 998"))))
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("Trong lúc bạn sửa, chính bạn (ở một cửa sổ hoặc thẻ khác) lúc ",
                AdminSession.Html(await r.Content.ReadAsStringAsync()).QuerySelector("#xung-dot")!.TextContent);
        }
    }

    /// <summary>The hidden version of the editor's main form.</summary>
    private static string VersionOf(IDocument page) =>
        FormValues(page).Single(f => f.Name == "Version").Value;

    /// <summary>Where the delete form of an editor page posts, and the version it carries.</summary>
    private static (string Action, string Version) DeleteFormOf(IDocument page)
    {
        var form = page.QuerySelector("section.danger-zone form")!;
        return (form.GetAttribute("action")!, form.QuerySelector("input[name='Version']")!.GetAttribute("value")!);
    }

    /// <summary>The form came back as a conflict (409) with its explanation; returns the page.</summary>
    private static async Task<IDocument> ConflictAsync(HttpResponseMessage response, EditorCase c)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict,
            $"{c}: expected 409 with the conflict, got {(int)response.StatusCode} {response.Target()} {string.Join(" ", Responses.Errors(body))}");
        var page = AdminSession.Html(body);
        Assert.NotNull(page.QuerySelector("#xung-dot[role='alert']"));
        return page;
    }

    /// <summary>What a browser would send from the page's editing form (the one with the Form.* fields), without its
    /// antiforgery token (the session adds its own): checked boxes only, each select's chosen option.</summary>
    private static List<(string Name, string Value)> FormValues(IDocument page) => AdminSession.FormValues(page);

    /// <summary>The form's fields with some text fields typed over.</summary>
    private static (string Name, string Value)[] Set(List<(string Name, string Value)> form, params (string Name, string Value)[] typed) =>
        form.Select(f => typed.FirstOrDefault(t => t.Name == f.Name) is { Name: not null } t ? t : f).ToArray();

    private static Task<string> SiteJsonAsync(EditorsWorld w) =>
        w.DbAsync(async db => System.Text.Json.JsonSerializer.Serialize(await db.Sites.AsNoTracking().SingleAsync(s => s.Id == w.SoA.Id)));
}
