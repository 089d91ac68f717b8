using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>
/// Who may change what, across every content editor: contributors and province reviewers read but cannot post;
/// an editor of site B reaches none of site A's rows, by A's address or by A's ids under B's address;
/// a post without the antiforgery token is refused. Each refused post is checked to have changed nothing.
/// </summary>
public sealed class EditorAccessTests
{
    [DatabaseTheory]
    public async Task Contributors_and_reviewers_may_open_the_editors_but_every_post_is_refused(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var rows = new Dictionary<string, int>();
        foreach (var c in EditorCase.All) rows[c.Path] = await c.SeedAsync(w);
        var before = await SnapshotsAsync(w, rows);

        foreach (var who in new[] { Who.ContributorA, Who.Reviewer })
        {
            using var s = await w.SignInAsync(who);
            foreach (var c in EditorCase.All)
            {
                var id = rows[c.Path];
                var list = await s.GetHtmlAsync($"/so-a/quan-tri/{c.Path}");
                Assert.Null(list.QuerySelector($"a[href='/so-a/quan-tri/{c.Path}/moi']"));
                var edit = await s.GetHtmlAsync($"/so-a/quan-tri/{c.Path}/{id}");
                Assert.NotNull(edit.QuerySelector("fieldset[disabled]"));
                Assert.DoesNotContain(edit.QuerySelectorAll("button"), b => b.TextContent.Trim() is "Lưu" or "Xóa");

                using var create = await s.PostFormAsync($"/so-a/quan-tri/{c.Path}/moi", c.ValidFields);
                create.AssertRefused($"{who} creating a {c.Name}");
                using var update = await s.PostFormAsync($"/so-a/quan-tri/{c.Path}/{id}", c.ValidFields);
                update.AssertRefused($"{who} editing a {c.Name}");
                using var delete = await s.PostFormAsync($"/so-a/quan-tri/{c.Path}/{id}?handler=Delete", ("confirm", "true"));
                delete.AssertRefused($"{who} deleting a {c.Name}");
            }
        }

        Assert.Equal(before, await SnapshotsAsync(w, rows));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.SiteId == w.SoA.Id && e.TargetType != null && e.TargetType != "user").ToListAsync()));
    }

    [DatabaseTheory]
    public async Task An_editor_of_site_b_cannot_change_site_a_rows(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var rows = new Dictionary<string, int>();
        foreach (var c in EditorCase.All) rows[c.Path] = await c.SeedAsync(w);
        var before = await SnapshotsAsync(w, rows);
        using var s = await w.SignInAsync(Who.EditorB);

        foreach (var c in EditorCase.All)
        {
            var id = rows[c.Path];
            // A's ids under B's own address: the database filter does not find them.
            using var read = await s.GetAsync($"/so-b/quan-tri/{c.Path}/{id}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            using var update = await s.PostFormAsync($"/so-b/quan-tri/{c.Path}/{id}", c.ValidFields);
            Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
            using var delete = await s.PostFormAsync($"/so-b/quan-tri/{c.Path}/{id}?handler=Delete", ("confirm", "true"));
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
            // A's own address: B's editor has no role there.
            using var there = await s.PostFormAsync($"/so-a/quan-tri/{c.Path}/{id}", c.ValidFields);
            there.AssertRefused($"editor of so-b editing a {c.Name} of so-a");
            using var createThere = await s.PostFormAsync($"/so-a/quan-tri/{c.Path}/moi", c.ValidFields);
            createThere.AssertRefused($"editor of so-b creating a {c.Name} on so-a");
        }

        Assert.Equal(before, await SnapshotsAsync(w, rows));
        foreach (var c in EditorCase.All)
            Assert.Equal(1, await w.DbAsync(db => c.CountOfSiteAsync(db, w.SoA.Id)));
    }

    [DatabaseTheory]
    public async Task A_post_without_the_antiforgery_token_is_refused(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var rows = new Dictionary<string, int>();
        foreach (var c in EditorCase.All) rows[c.Path] = await c.SeedAsync(w);
        var before = await SnapshotsAsync(w, rows);
        using var s = await w.SignInAsync(Who.AdminA);

        foreach (var c in EditorCase.All)
        {
            using var create = await s.PostWithoutTokenAsync($"/so-a/quan-tri/{c.Path}/moi", c.ValidFields);
            Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
            using var delete = await s.PostWithoutTokenAsync($"/so-a/quan-tri/{c.Path}/{rows[c.Path]}?handler=Delete", ("confirm", "true"));
            Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        }
        using var board = await s.PostWithoutTokenAsync("/so-a/quan-tri/ban-bien-tap?handler=Add", ("Add.Email", EditorsWorld.Email(Who.EditorB)), ("Add.Role", "SiteAdmin"));
        Assert.Equal(HttpStatusCode.BadRequest, board.StatusCode);
        using var settings = await s.PostWithoutTokenAsync("/so-a/quan-tri/cai-dat", ("Form.Name", "Tên khác"));
        Assert.Equal(HttpStatusCode.BadRequest, settings.StatusCode);

        Assert.Equal(before, await SnapshotsAsync(w, rows));
        foreach (var c in EditorCase.All)
            Assert.Equal(1, await w.DbAsync(db => c.CountOfSiteAsync(db, w.SoA.Id)));
    }

    [DatabaseTheory]
    public async Task The_menu_shows_only_what_the_role_may_use(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        string[] editors = ["chuyen-muc", "trang-gioi-thieu", "co-cau-to-chuc", "lanh-dao", "dau-moi", "van-ban", "lich-cong-tac", "lien-ket"];
        string[] adminOnly = ["ban-bien-tap", "cai-dat"];

        async Task<HashSet<string>> MenuAsync(Who who)
        {
            using var s = await w.SignInAsync(who);
            var page = await s.GetHtmlAsync("/so-a/quan-tri");
            return page.QuerySelectorAll("nav.main-nav a").Select(a => a.GetAttribute("href")!).ToHashSet();
        }

        var admin = await MenuAsync(Who.AdminA);
        Assert.All(editors.Concat(adminOnly), p => Assert.Contains("/so-a/quan-tri/" + p, admin));
        var editor = await MenuAsync(Who.EditorA);
        Assert.All(editors, p => Assert.Contains("/so-a/quan-tri/" + p, editor));
        Assert.All(adminOnly, p => Assert.DoesNotContain("/so-a/quan-tri/" + p, editor));
        var contributor = await MenuAsync(Who.ContributorA);
        Assert.All(editors.Concat(adminOnly), p => Assert.DoesNotContain("/so-a/quan-tri/" + p, contributor));
        Assert.Contains("/so-a/quan-tri/tin-bai", contributor);
        var reviewer = await MenuAsync(Who.Reviewer);
        Assert.All(editors, p => Assert.Contains("/so-a/quan-tri/" + p, reviewer));
        Assert.All(adminOnly, p => Assert.DoesNotContain("/so-a/quan-tri/" + p, reviewer));
    }

    private static async Task<List<string?>> SnapshotsAsync(EditorsWorld w, Dictionary<string, int> rows)
    {
        var list = new List<string?>();
        foreach (var c in EditorCase.All) list.Add(await w.DbAsync(db => c.SnapshotAsync(db, rows[c.Path])));
        return list;
    }
}
