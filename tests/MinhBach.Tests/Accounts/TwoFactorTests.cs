using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Accounts.AdminSites;

namespace MinhBach.Tests.Accounts;

/// <summary>TOTP two-factor sign-in: required from the editor role up, turned on at /quan-tri/tai-khoan,
/// then asked for at every sign-in; recovery codes work once each.</summary>
public sealed class TwoFactorTests
{
    private const string Email = "btv@soa.dongminh.gov.vn";
    private const string Security = "/so-a/quan-tri/tai-khoan";
    private const string CodePage = "/so-a/quan-tri/dang-nhap/ma-xac-thuc";

    [DatabaseTheory]
    public async Task An_editor_must_turn_on_TOTP_and_then_needs_a_code_to_sign_in(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Editor);

        // Password only: signed in, but every admin page sends the editor to the security page.
        using var first = new AdminClient(app);
        await first.SignInFullyAsync(Email, Password, "so-a");
        using (var gated = await first.GetAsync("/so-a/quan-tri"))
        {
            Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
            Assert.Equal(Security + "?msg=2fa", AdminClient.Target(gated));
        }
        var security = await first.GetHtmlAsync(Security + "?msg=2fa");
        Assert.Equal("Bạn cần bật xác thực hai bước trước khi làm việc trên trang quản trị.", security.Text(".notice"));
        Assert.Contains("Vai trò của bạn bắt buộc dùng xác thực hai bước.", security.Body!.TextContent);
        var key = await app.AuthenticatorKeyAsync(Email);
        Assert.NotNull(key);
        Assert.Equal(key.ToLowerInvariant(), security.QuerySelector("[data-shared-key]")!.TextContent.Replace(" ", ""));

        // A wrong code changes nothing.
        using (var wrong = await first.PostFormAsync(Security + "?handler=Enable", ("Code", Totp.WrongCode(key))))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var page = AdminClient.Html(await wrong.Content.ReadAsStringAsync());
            Assert.Equal("Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã mới nhất.", page.Text(".errors[role=alert]"));
            Assert.Empty(page.QuerySelectorAll("ul.codes li"));
        }
        Assert.False(await app.WithUsersAsync(async u => (await u.FindByEmailAsync(Email))!.TwoFactorEnabled));
        Assert.Equal(0, await app.WithUsersAsync(async u => await u.CountRecoveryCodesAsync((await u.FindByEmailAsync(Email))!)));
        using (var stillGated = await first.GetAsync("/so-a/quan-tri"))
            Assert.Equal(Security + "?msg=2fa", AdminClient.Target(stillGated));

        // The right code turns it on and shows ten recovery codes, once.
        List<string> recoveryCodes;
        using (var enabled = await first.PostFormAsync(Security + "?handler=Enable", ("Code", Totp.Code(key))))
        {
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            var page = AdminClient.Html(await enabled.Content.ReadAsStringAsync());
            Assert.StartsWith("Đã bật xác thực hai bước.", page.Text(".notice"));
            recoveryCodes = page.QuerySelectorAll("ul.codes li").Select(li => li.TextContent.Trim()).ToList();
        }
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.True(await app.WithUsersAsync(async u => (await u.FindByEmailAsync(Email))!.TwoFactorEnabled));
        Assert.Empty((await first.GetHtmlAsync(Security)).QuerySelectorAll("ul.codes li"));
        Assert.Contains("vai trò của bạn: Biên tập viên", (await first.GetHtmlAsync("/so-a/quan-tri")).Text("main h1 + p"));

        // The next sign-in asks for the code: no session until it is given.
        using var second = new AdminClient(app);
        using (var password = await second.SignInAsync(Email, Password, "so-a"))
        {
            Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
            Assert.Equal(CodePage + "?returnUrl=%2Fso-a%2Fquan-tri", AdminClient.Target(password));
        }
        Assert.False(second.HasAuthCookie);
        using (var notYet = await second.GetAsync("/so-a/quan-tri"))
            Assert.StartsWith("/so-a/quan-tri/dang-nhap?", AdminClient.Target(notYet));
        using (var wrong = await second.SubmitCodeAsync(Totp.WrongCode(key), "so-a"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal("Mã xác thực không đúng hoặc đã hết hạn.", AdminClient.Html(await wrong.Content.ReadAsStringAsync()).Text(".errors[role=alert]"));
        }
        Assert.False(second.HasAuthCookie);
        using (var right = await second.SubmitCodeAsync(Totp.Code(key), "so-a"))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/so-a/quan-tri", AdminClient.Target(right));
        }
        Assert.True(second.HasAuthCookie);
        Assert.Contains("vai trò của bạn: Biên tập viên", (await second.GetHtmlAsync("/so-a/quan-tri")).Text("main h1 + p"));

        // A recovery code, as shown, stands in for the app's code once.
        using var third = new AdminClient(app);
        await third.SignInAsync(Email, Password, "so-a");
        using (var recovery = await third.SubmitCodeAsync(recoveryCodes[0], "so-a"))
        {
            Assert.True(recovery.StatusCode == HttpStatusCode.Redirect, $"Recovery code refused: {await recovery.Content.ReadAsStringAsync()}");
            Assert.Equal("/so-a/quan-tri", AdminClient.Target(recovery));
        }
        Assert.True(third.HasAuthCookie);
        Assert.Equal(9, await app.WithUsersAsync(async u => await u.CountRecoveryCodesAsync((await u.FindByEmailAsync(Email))!)));

        using var fourth = new AdminClient(app);
        await fourth.SignInAsync(Email, Password, "so-a");
        using (var reused = await fourth.SubmitCodeAsync(recoveryCodes[0], "so-a"))
        {
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Equal("Mã xác thực không đúng hoặc đã hết hạn.", AdminClient.Html(await reused.Content.ReadAsStringAsync()).Text(".errors[role=alert]"));
        }
        Assert.False(fourth.HasAuthCookie);

        // Typed without the dash, in small letters, another code still works.
        using var fifth = new AdminClient(app);
        await fifth.SignInAsync(Email, Password, "so-a");
        using (var typed = await fifth.SubmitCodeAsync(recoveryCodes[1].Replace("-", "").ToLowerInvariant(), "so-a"))
            Assert.Equal("/so-a/quan-tri", AdminClient.Target(typed));
        Assert.Equal(8, await app.WithUsersAsync(async u => await u.CountRecoveryCodesAsync((await u.FindByEmailAsync(Email))!)));
    }

    [DatabaseTheory]
    public async Task An_editor_without_TOTP_on_a_site_where_they_have_no_role_is_refused_not_sent_in_circles(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Editor);
        using var client = new AdminClient(app);
        await client.SignInFullyAsync(Email, Password, "so-a");

        // Site B, and the portal (where signing in on the portal's own login page would land them).
        foreach (var start in new[] { "/so-b/quan-tri", "/quan-tri" })
        {
            var trail = new List<string> { start };
            var path = start;
            HttpStatusCode status;
            while (true)
            {
                using var response = await client.GetAsync(path);
                status = response.StatusCode;
                if (status != HttpStatusCode.Redirect || trail.Count > 6) break;
                path = AdminClient.Target(response)!;
                trail.Add(path);
            }
            Assert.True(status == HttpStatusCode.Forbidden, $"{(int)status} after {string.Join(" → ", trail)}");
            Assert.Contains("/quan-tri/khong-co-quyen", path);
        }
    }

    [DatabaseTheory]
    public async Task Five_wrong_codes_lock_the_account_even_against_the_right_code(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Editor);
        var key = await app.EnableTwoFactorAsync(Email);
        using var client = new AdminClient(app);
        Assert.Equal(CodePage + "?returnUrl=%2Fso-a%2Fquan-tri", AdminClient.Target(await client.SignInAsync(Email, Password, "so-a")));

        var messages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SubmitCodeAsync(Totp.WrongCode(key), "so-a");
            messages.Add(AdminClient.Html(await wrong.Content.ReadAsStringAsync()).Text(".errors[role=alert]"));
        }
        using var right = await client.SubmitCodeAsync(Totp.Code(key), "so-a");

        Assert.All(messages.Take(4), m => Assert.Equal("Mã xác thực không đúng hoặc đã hết hạn.", m));
        Assert.Equal("Tài khoản tạm bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau.", messages[4]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("Tài khoản tạm bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau.", AdminClient.Html(await right.Content.ReadAsStringAsync()).Text(".errors[role=alert]"));
        Assert.False(client.HasAuthCookie);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.UserName == Email).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal([.. Enumerable.Repeat("sign-in.failed", 4), "sign-in.locked", "sign-in.locked"], actions);
    }

    [DatabaseTheory]
    public async Task The_code_page_refuses_an_external_return_address(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Editor);
        var key = await app.EnableTwoFactorAsync(Email);
        using var client = new AdminClient(app);

        using var password = await client.SignInAsync(Email, Password, "so-a", returnUrl: "https://evil.example/");
        Assert.Equal(CodePage + "?returnUrl=%2Fso-a%2Fquan-tri", AdminClient.Target(password));
        using var code = await client.PostFormAsync(CodePage + "?returnUrl=" + Uri.EscapeDataString("https://evil.example/"), ("Code", Totp.Code(key)));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/so-a/quan-tri", AdminClient.Target(code));
    }

    [DatabaseTheory]
    public async Task A_contributor_needs_no_second_step_unless_configured(string provider)
    {
        // Default threshold (Editor): a contributor works with a password alone.
        await using (var app = await StartAsync(provider))
        {
            await app.MemberAsync(Email, SiteRole.Contributor);
            using var client = new AdminClient(app);
            await client.SignInFullyAsync(Email, Password, "so-a");
            Assert.Contains("Cộng tác viên", (await client.GetHtmlAsync("/so-a/quan-tri")).Text("main h1 + p"));
        }

        // Accounts:TwoFactorRequiredFrom=Contributor: the same contributor is sent to turn TOTP on.
        await using (var app = await StartAsync(provider, new Dictionary<string, string?> { ["Accounts:TwoFactorRequiredFrom"] = "Contributor" }))
        {
            await app.MemberAsync(Email, SiteRole.Contributor);
            using var client = new AdminClient(app);
            await client.SignInFullyAsync(Email, Password, "so-a");
            using var gated = await client.GetAsync("/so-a/quan-tri");
            Assert.Equal(Security + "?msg=2fa", AdminClient.Target(gated));
        }

        // None: not even an editor is asked.
        await using (var app = await StartAsync(provider, new Dictionary<string, string?> { ["Accounts:TwoFactorRequiredFrom"] = "None" }))
        {
            await app.MemberAsync(Email, SiteRole.Editor);
            using var client = new AdminClient(app);
            await client.SignInFullyAsync(Email, Password, "so-a");
            Assert.Contains("Biên tập viên", (await client.GetHtmlAsync("/so-a/quan-tri")).Text("main h1 + p"));
        }
    }
}
