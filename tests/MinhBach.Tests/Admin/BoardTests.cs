using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/ban-bien-tap: a site administrator manages the board of their own site only, every change audited.</summary>
public sealed class BoardTests
{
    private static Task<List<(int SiteId, SiteRole Role)>> RolesAsync(EditorsWorld w, Who who) =>
        w.DbAsync(async db => (await db.SiteMemberships.AsNoTracking().Where(m => m.User!.Email == EditorsWorld.Email(who))
            .Select(m => new { m.SiteId, m.Role }).ToListAsync()).Select(m => (m.SiteId, m.Role)).OrderBy(m => m.SiteId).ToList());

    private static Task<int> UserIdAsync(EditorsWorld w, Who who) =>
        w.DbAsync(db => db.Users.Where(u => u.Email == EditorsWorld.Email(who)).Select(u => u.Id).SingleAsync());

    [DatabaseTheory]
    public async Task A_site_admin_adds_changes_and_removes_a_member_of_their_site(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        await w.EnsureAccountAsync(Who.EditorB);
        var userId = await UserIdAsync(w, Who.EditorB);
        using var s = await w.SignInAsync(Who.AdminA);
        var board = await s.GetHtmlAsync("/so-a/quan-tri/ban-bien-tap");
        Assert.Contains("Quản trị Sở A (bạn)", board.QuerySelector("tbody")!.TextContent);

        using (var r = await s.PostFormAsync("/so-a/quan-tri/ban-bien-tap?handler=Add", ("Add.Email", EditorsWorld.Email(Who.EditorB)), ("Add.Role", "Contributor")))
            await r.AssertSavedAsync("/so-a/quan-tri/ban-bien-tap?msg=them");
        Assert.Equal([(w.SoA.Id, SiteRole.Contributor), (w.SoB.Id, SiteRole.Editor)], await RolesAsync(w, Who.EditorB));
        Assert.Contains("Biên tập viên Sở B", (await s.GetHtmlAsync("/so-a/quan-tri/ban-bien-tap")).QuerySelector("tbody")!.TextContent);

        using (var r = await s.PostFormAsync("/so-a/quan-tri/ban-bien-tap?handler=Change", ("userId", userId.ToString()), ("role", "EditorInChief")))
            await r.AssertSavedAsync("/so-a/quan-tri/ban-bien-tap?msg=doi");
        Assert.Equal([(w.SoA.Id, SiteRole.EditorInChief), (w.SoB.Id, SiteRole.Editor)], await RolesAsync(w, Who.EditorB));

        using (var r = await s.PostFormAsync("/so-a/quan-tri/ban-bien-tap?handler=Remove", ("userId", userId.ToString()), ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/ban-bien-tap?msg=xoa");
        Assert.Equal([(w.SoB.Id, SiteRole.Editor)], await RolesAsync(w, Who.EditorB));

        var grants = (await w.AuditAsync("membership.grant")).Where(e => e.UserName == EditorsWorld.Email(Who.AdminA)).ToList();
        Assert.Equal(2, grants.Count);
        Assert.All(grants, e => Assert.Equal((w.SoA.Id, "user", userId.ToString()), (e.SiteId!.Value, e.TargetType!, e.TargetId!)));
        Assert.Equal($"Cấp vai trò Cộng tác viên trên trang {EditorsWorld.SoAName} cho {EditorsWorld.Email(Who.EditorB)}.", grants[0].Summary);
        Assert.Contains("Cộng tác viên → Trưởng ban biên tập", grants[1].Summary);
        var revoke = Assert.Single(await w.AuditAsync("membership.revoke"));
        Assert.Equal((w.SoA.Id, EditorsWorld.Email(Who.AdminA), userId.ToString()), (revoke.SiteId!.Value, revoke.UserName, revoke.TargetId!));
        Assert.Contains("Thu hồi vai trò Trưởng ban biên tập", revoke.Summary);
    }

    [DatabaseTheory]
    public async Task A_site_admin_cannot_act_on_another_site_nor_on_themselves_nor_grant_province_powers(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        await w.EnsureAccountAsync(Who.EditorB);
        await w.EnsureAccountAsync(Who.AdminA);
        var editorB = await UserIdAsync(w, Who.EditorB);
        var adminA = await UserIdAsync(w, Who.AdminA);
        using var s = await w.SignInAsync(Who.AdminA);

        // Site B's board, by its own address: no role there.
        (await s.GetAsync("/so-b/quan-tri/ban-bien-tap")).AssertRefused("site admin of so-a opening the board of so-b");
        using (var r = await s.PostFormAsync("/so-b/quan-tri/ban-bien-tap?handler=Add", ("Add.Email", EditorsWorld.Email(Who.AdminA)), ("Add.Role", "SiteAdmin")))
            r.AssertRefused("site admin of so-a adding themselves to so-b");
        using (var r = await s.PostFormAsync("/so-b/quan-tri/ban-bien-tap?handler=Remove", ("userId", editorB.ToString()), ("confirm", "true")))
            r.AssertRefused("site admin of so-a removing a member of so-b");
        // A member of site B only, through site A's board: not a member here; a site named in the form is ignored.
        Assert.Contains("Tài khoản này không thuộc ban biên tập của trang.", await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/ban-bien-tap?handler=Change",
            ("userId", editorB.ToString()), ("role", "Contributor"), ("siteSlug", "so-b"), ("SiteId", w.SoB.Id.ToString())));
        Assert.Contains("Tài khoản này không thuộc ban biên tập của trang.", await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/ban-bien-tap?handler=Remove",
            ("userId", editorB.ToString()), ("confirm", "true")));
        Assert.Contains("Bạn không thể tự đổi vai trò hoặc tự rút khỏi ban biên tập; hãy nhờ một quản trị trang khác.",
            await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/ban-bien-tap?handler=Change", ("userId", adminA.ToString()), ("role", "Contributor")));
        Assert.Contains("Vai trò \"SystemAdmin\" không có.", await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/ban-bien-tap?handler=Add",
            ("Add.Email", EditorsWorld.Email(Who.EditorB)), ("Add.Role", "SystemAdmin")));
        Assert.Contains($"{EditorsWorld.Email(Who.AdminA)} đã có vai trò Quản trị trang trên trang này; hãy đổi vai trò ở danh sách.",
            await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/ban-bien-tap?handler=Add", ("Add.Email", EditorsWorld.Email(Who.AdminA)), ("Add.Role", "SiteAdmin")));
        Assert.Contains("Không có tài khoản nào dùng email khong.co@tinh.gov.vn. Hãy tạo tài khoản mới ở mục bên dưới.",
            await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/ban-bien-tap?handler=Add", ("Add.Email", "khong.co@tinh.gov.vn"), ("Add.Role", "Editor")));

        Assert.Equal([(w.SoB.Id, SiteRole.Editor)], await RolesAsync(w, Who.EditorB));
        Assert.Equal([(w.SoA.Id, SiteRole.SiteAdmin)], await RolesAsync(w, Who.AdminA));
        Assert.False(await w.DbAsync(db => db.Users.AnyAsync(u => u.IsSystemAdmin || u.IsProvinceReviewer)));
        Assert.DoesNotContain(await w.AuditAsync("membership.grant"), e => e.UserName == EditorsWorld.Email(Who.AdminA));
        Assert.Empty(await w.AuditAsync("membership.revoke"));

        // A new account made here is never a system administrator or a reviewer, whatever the form carries.
        using (var r = await s.PostFormAsync("/so-a/quan-tri/ban-bien-tap?handler=Create", ("NewAccount.Email", "moi@tinh.gov.vn"), ("NewAccount.FullName", "Người Mới"),
                   ("NewAccount.Role", "Editor"), ("NewAccount.SystemAdmin", "true"), ("NewAccount.IsSystemAdmin", "true"), ("IsSystemAdmin", "true"), ("ProvinceReviewer", "true")))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var created = await w.DbAsync(db => db.Users.SingleAsync(u => u.Email == "moi@tinh.gov.vn"));
        Assert.False(created.IsSystemAdmin);
        Assert.False(created.IsProvinceReviewer);
    }

    [DatabaseTheory]
    public async Task A_site_admin_creates_an_account_that_can_sign_in_with_the_password_shown_once(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.AdminA);

        string password;
        using (var r = await s.PostFormAsync("/so-a/quan-tri/ban-bien-tap?handler=Create", ("NewAccount.Email", "phongvien@tinh.gov.vn"),
                   ("NewAccount.FullName", "Đỗ Thị Phóng Viên"), ("NewAccount.Role", "Contributor")))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("no-store", r.Headers.CacheControl!.ToString());
            var page = AdminSession.Html(await r.Content.ReadAsStringAsync());
            password = page.QuerySelector("#mat-khau-moi code")!.TextContent;
            Assert.Contains("Đỗ Thị Phóng Viên", page.QuerySelector("tbody")!.TextContent);
        }
        Assert.Matches("^[A-Za-z0-9]{14}$", password);
        Assert.DoesNotContain(password, (await s.GetHtmlAsync("/so-a/quan-tri/ban-bien-tap")).Body!.TextContent);

        using var newcomer = new AdminSession(w.App);
        using (var r = await newcomer.PostFormAsync("/quan-tri/dang-nhap", ("UserName", "phongvien@tinh.gov.vn"), ("Password", password)))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        newcomer.SignedIn();
        var dashboard = await newcomer.GetHtmlAsync("/so-a/quan-tri");
        Assert.Contains("Cộng tác viên", dashboard.Body!.TextContent);

        var user = await w.DbAsync(db => db.Users.SingleAsync(u => u.Email == "phongvien@tinh.gov.vn"));
        var created = Assert.Single(await w.AuditAsync("user.create"), e => e.TargetId == user.Id.ToString());
        Assert.Equal(EditorsWorld.Email(Who.AdminA), created.UserName);
        Assert.Contains(await w.AuditAsync("membership.grant"), e => e.TargetId == user.Id.ToString() && e.SiteId == w.SoA.Id && e.UserName == EditorsWorld.Email(Who.AdminA));

        Assert.Contains("Email phongvien@tinh.gov.vn đã được dùng cho tài khoản khác.", await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/ban-bien-tap?handler=Create",
            ("NewAccount.Email", "phongvien@tinh.gov.vn"), ("NewAccount.FullName", "Trùng"), ("NewAccount.Role", "Contributor")));
        var errors = await EditorsWorld.RefusedAsync(s, "/so-a/quan-tri/ban-bien-tap?handler=Create", ("NewAccount.Email", "không phải email"), ("NewAccount.FullName", ""), ("NewAccount.Role", "Editor"));
        Assert.Contains("Email \"không phải email\" không hợp lệ (ví dụ: vanphong@tinh.gov.vn).", errors);
        Assert.Contains("Họ và tên không được để trống.", errors);
        Assert.Equal(1, await w.DbAsync(db => db.Users.CountAsync(u => u.Email == "phongvien@tinh.gov.vn")));
    }

    [DatabaseTheory]
    public async Task Only_a_site_admin_opens_the_board(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        await w.EnsureAccountAsync(Who.ContributorA);
        foreach (var who in new[] { Who.EditorA, Who.ContributorA, Who.Reviewer, Who.AdminB })
        {
            using var s = await w.SignInAsync(who);
            (await s.GetAsync("/so-a/quan-tri/ban-bien-tap")).AssertRefused($"{who} opening the board");
            using var r = await s.PostFormAsync("/so-a/quan-tri/ban-bien-tap?handler=Add", ("Add.Email", EditorsWorld.Email(Who.ContributorA)), ("Add.Role", "SiteAdmin"));
            r.AssertRefused($"{who} promoting a member");
            using var c = await s.PostFormAsync("/so-a/quan-tri/ban-bien-tap?handler=Create", ("NewAccount.Email", $"{who}@tinh.gov.vn"), ("NewAccount.FullName", "X"), ("NewAccount.Role", "SiteAdmin"));
            c.AssertRefused($"{who} creating an account");
        }
        Assert.Equal([(w.SoA.Id, SiteRole.Contributor)], await RolesAsync(w, Who.ContributorA));
        Assert.False(await w.DbAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@tinh.gov.vn") && u.FullName == "X")));
    }
}
