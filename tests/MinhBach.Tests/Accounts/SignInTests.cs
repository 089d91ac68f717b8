using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Accounts.AdminSites;

namespace MinhBach.Tests.Accounts;

/// <summary>Signing in to a site's administration with a password: success, wrong password, lockout;
/// the login form's antiforgery token and return address.</summary>
public sealed class SignInTests
{
    private const string Email = "ctv@soa.dongminh.gov.vn";

    [DatabaseTheory]
    public async Task A_contributor_signs_in_and_lands_on_the_dashboard_of_the_site(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Contributor);
        using var client = new AdminClient(app);

        using var response = await client.SignInAsync(Email, Password, "so-a");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/so-a/quan-tri", AdminClient.Target(response));
        Assert.True(client.HasAuthCookie);
        var dashboard = await client.GetHtmlAsync("/so-a/quan-tri");
        Assert.Equal("Bảng điều khiển", dashboard.Text("main h1"));
        Assert.Equal($"Trang: {SoAName} · vai trò của bạn: Cộng tác viên", dashboard.Text("main h1 + p"));
    }

    [DatabaseTheory]
    public async Task One_sign_in_serves_all_the_users_sites_and_the_dashboard_links_to_them(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync(PortalName);
        await app.AddSiteAsync("so-a", SoAName, host: "soa.dongminh.gov.vn");
        await app.AddSiteAsync("so-b", SoBName, host: "sob.dongminh.gov.vn");
        await app.MemberAsync(Email, SiteRole.Contributor, "so-a");
        await app.GrantAsync(Email, "so-b", SiteRole.Contributor);
        using var client = new AdminClient(app);
        await client.SignInFullyAsync(Email, Password, "so-a");

        // By prefix: links by prefix; signed in on so-b too.
        var byPrefix = await client.GetHtmlAsync("/so-a/quan-tri");
        Assert.Equal(["/so-a/quan-tri", "/so-b/quan-tri"], byPrefix.QuerySelectorAll("#h-sites + ul a").Select(a => a.GetAttribute("href")));
        Assert.Contains(SoBName, (await client.GetHtmlAsync("/so-b/quan-tri")).Text("main h1 + p"));

        // By host name: links to the other site's host, not to a prefix that this host would not route there.
        using var byHost = await client.GetAsync("/quan-tri", "soa.dongminh.gov.vn");
        Assert.Equal(HttpStatusCode.OK, byHost.StatusCode);
        var links = AdminClient.Html(await byHost.Content.ReadAsStringAsync()).QuerySelectorAll("#h-sites + ul a").Select(a => a.GetAttribute("href"));
        Assert.Equal(["http://soa.dongminh.gov.vn/quan-tri", "http://sob.dongminh.gov.vn/quan-tri"], links);
    }

    [DatabaseTheory]
    public async Task A_wrong_password_is_refused_without_a_session(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Contributor);
        using var client = new AdminClient(app);

        using var response = await client.SignInAsync(Email, Password + "x", "so-a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = AdminClient.Html(await response.Content.ReadAsStringAsync());
        Assert.Equal(WrongPasswordMessage, page.Text(".errors[role=alert] p"));
        Assert.False(client.HasAuthCookie);
        using var dashboard = await client.GetAsync("/so-a/quan-tri");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/so-a/quan-tri/dang-nhap", AdminClient.Target(dashboard));

        // An unknown account gets the same answer, so the form does not tell which accounts exist.
        using var unknown = await client.SignInAsync("khong-co@dongminh.gov.vn", Password, "so-a");
        Assert.Equal(WrongPasswordMessage, AdminClient.Html(await unknown.Content.ReadAsStringAsync()).Text(".errors[role=alert] p"));
        Assert.False(client.HasAuthCookie);
    }

    [DatabaseTheory]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Contributor);
        using var client = new AdminClient(app);

        var messages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SignInAsync(Email, "SaiMatKhau" + i + "x", "so-a");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            messages.Add(AdminClient.Html(await wrong.Content.ReadAsStringAsync()).Text(".errors[role=alert] p"));
        }
        Assert.All(messages.Take(4), m => Assert.Equal(WrongPasswordMessage, m));
        Assert.StartsWith(LockoutMessage, messages[4]);

        using var right = await client.SignInAsync(Email, Password, "so-a");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(LockoutMessage + " Vui lòng thử lại sau 15 phút.",
            AdminClient.Html(await right.Content.ReadAsStringAsync()).Text(".errors[role=alert] p"));
        Assert.False(client.HasAuthCookie);
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"LockoutEnd {lockoutEnd}");
    }

    [DatabaseTheory]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Contributor);
        using var client = new AdminClient(app);
        var fields = new Dictionary<string, string> { ["UserName"] = Email, ["Password"] = Password };

        // With no antiforgery cookie at all, then with the cookie (the page was loaded) but no token in the form.
        using var bare = await client.PostFormWithoutTokenAsync("/quan-tri/dang-nhap", fields);
        await client.AntiforgeryTokenAsync("/quan-tri/dang-nhap");
        using var withCookie = await client.PostFormWithoutTokenAsync("/quan-tri/dang-nhap", fields);
        using var wrongToken = await client.PostFormWithoutTokenAsync("/quan-tri/dang-nhap",
            fields.Append(new(AdminClient.TokenField, "CfDJ8-khong-hop-le")));

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withCookie.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        Assert.False(client.HasAuthCookie);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("sign-in"))));
    }

    [DatabaseTheory]
    public async Task The_return_address_must_be_local(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Contributor, site: "");

        foreach (var evil in new[] { "https://evil.example", "https://evil.example/quan-tri", "//evil.example", "/\\evil.example", "javascript:alert(1)" })
        {
            using var client = new AdminClient(app);
            // The login page carries the return address in a hidden field, as the cookie middleware's redirect would.
            var form = await client.GetHtmlAsync("/quan-tri/dang-nhap?returnUrl=" + Uri.EscapeDataString(evil));
            Assert.Equal(evil, form.QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value"));

            using var response = await client.SignInAsync(Email, Password, "", returnUrl: evil);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/quan-tri", AdminClient.Target(response));
        }

        using var local = new AdminClient(app);
        using var toLocal = await local.SignInAsync(Email, Password, "", returnUrl: "/quan-tri/tai-khoan");
        Assert.Equal("/quan-tri/tai-khoan", AdminClient.Target(toLocal));
    }
    [DatabaseTheory]
    public async Task A_name_that_is_not_an_account_is_recorded_in_the_audit_trail(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = new AdminClient(app);

        using var response = await client.SignInAsync("admin", Password, "so-a");

        Assert.Equal(WrongPasswordMessage, AdminClient.Html(await response.Content.ReadAsStringAsync()).Text(".errors[role=alert] p"));
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "sign-in.unknown"));
        Assert.Equal("Đăng nhập với tên không có trong hệ thống: \"admin\".", entry.Summary);
        Assert.Equal("127.0.0.1", entry.IpAddress);
        Assert.Null(entry.UserId);
    }

    [DatabaseTheory]
    public async Task Too_many_sign_in_attempts_from_one_address_are_stopped_before_any_password_is_checked(string provider)
    {
        await using var app = await StartAsync(provider, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        await app.MemberAsync(Email, SiteRole.Contributor);
        using var client = new AdminClient(app);

        // Three guesses at three different accounts: each answered, none locks anything.
        foreach (var name in new[] { "a@dongminh.gov.vn", "b@dongminh.gov.vn", Email })
        {
            using var guess = await client.SignInAsync(name, "SaiMatKhau1x", "so-a");
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        }
        using var stopped = await client.SignInAsync(Email, Password, "so-a");

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.Equal("60", stopped.Headers.RetryAfter?.ToString());
        var page = AdminClient.Html(await stopped.Content.ReadAsStringAsync());
        Assert.Equal("Quá nhiều yêu cầu", page.Text("main h1"));
        Assert.False(client.HasAuthCookie);
        // The fourth attempt was not processed: three entries, no sign-in.
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("sign-in"))));
        // Reading the form is never limited.
        using var form = await client.GetAsync("/so-a/quan-tri/dang-nhap");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
