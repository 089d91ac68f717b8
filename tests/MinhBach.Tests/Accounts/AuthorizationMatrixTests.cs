using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Accounts;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Accounts.AdminSites;

namespace MinhBach.Tests.Accounts;

/// <summary>
/// Who may open which administration page on which site. Every page under /quan-tri the app maps is
/// tried (so new pages are covered without touching this test) by every kind of user, on their own
/// site A (so-a) and on another site B (so-b).
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>Pages anyone may open: signing in and out, and the refusal page itself.</summary>
    private static readonly string[] Anonymous =
        ["/quan-tri/dang-nhap", "/quan-tri/dang-nhap/ma-xac-thuc", "/quan-tri/dang-xuat", "/quan-tri/khong-co-quyen"];

    /// <summary>Site-relative paths of the Razor pages under /quan-tri (without route parameters).</summary>
    public static IReadOnlyList<string> AdminPages(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(p => p == "/quan-tri" || p.StartsWith("/quan-tri/", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private sealed record Person(string Email, string SignInAt, bool MayOpenA, bool MayOpenB, string? TotpKey = null);

    [DatabaseTheory]
    public async Task Admin_pages_open_to_roles_on_their_own_site_readers_and_system_admins_only(string provider)
    {
        await using var app = await StartAsync(provider);
        var all = AdminPages(app);
        Assert.Contains("/quan-tri", all);
        Assert.Contains("/quan-tri/tai-khoan", all);
        Assert.All(Anonymous, a => Assert.Contains(a, all));
        Assert.DoesNotContain(all, p => p.Contains('{'));
        var pages = all.Except(Anonymous).ToList();

        // The roles from Editor up must use TOTP (Accounts:TwoFactorRequiredFrom = Editor): turned on for them.
        var people = new List<Person>();
        foreach (var (email, role) in new[]
        {
            ("ctv@soa.dongminh.gov.vn", SiteRole.Contributor), ("btv@soa.dongminh.gov.vn", SiteRole.Editor),
            ("tbbt@soa.dongminh.gov.vn", SiteRole.EditorInChief), ("qtt@soa.dongminh.gov.vn", SiteRole.SiteAdmin),
        })
        {
            await app.MemberAsync(email, role, "so-a");
            people.Add(new(email, "so-a", true, false, role >= SiteRole.Editor ? await app.EnableTwoFactorAsync(email) : null));
        }
        await app.CreateUserAsync("chuyenvien@stttt.dongminh.gov.vn", Password, provinceReviewer: true);
        people.Add(new("chuyenvien@stttt.dongminh.gov.vn", "", true, true));
        await app.CreateUserAsync("quantri@dongminh.gov.vn", Password, systemAdmin: true);
        people.Add(new("quantri@dongminh.gov.vn", "", true, true, await app.EnableTwoFactorAsync("quantri@dongminh.gov.vn")));
        await app.CreateUserAsync("khongvaitro@dongminh.gov.vn", Password);
        people.Add(new("khongvaitro@dongminh.gov.vn", "", false, false));

        var wrong = new List<string>();
        foreach (var person in people)
        {
            using var client = new AdminClient(app);
            await client.SignInFullyAsync(person.Email, Password, person.SignInAt, person.TotpKey);
            foreach (var (site, allowed) in new[] { ("so-a", person.MayOpenA), ("so-b", person.MayOpenB) })
            foreach (var page in pages)
            {
                var path = AdminClient.OnSite(site, page);
                using var response = await client.GetAsync(path);
                var target = AdminClient.Target(response);
                var ok = allowed
                    ? response.StatusCode == HttpStatusCode.OK
                    : response.StatusCode == HttpStatusCode.Forbidden
                      || (response.StatusCode == HttpStatusCode.Redirect && target!.StartsWith(AdminClient.OnSite(site, "/quan-tri/khong-co-quyen"), StringComparison.Ordinal));
                if (!ok)
                    wrong.Add($"{person.Email} GET {path}: {(int)response.StatusCode} {target} (expected {(allowed ? "200" : "refusal")})");
            }
        }
        Assert.True(wrong.Count == 0, $"Pages tried: {string.Join(", ", pages)}{Environment.NewLine}" + string.Join(Environment.NewLine, wrong));
    }

    [DatabaseTheory]
    public async Task The_refusal_names_the_site_and_answers_403(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync("ctv@soa.dongminh.gov.vn", SiteRole.Contributor, "so-a");
        using var client = new AdminClient(app);
        await client.SignInFullyAsync("ctv@soa.dongminh.gov.vn", Password, "so-a");

        using var refused = await client.GetAsync("/so-b/quan-tri");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        using var page = await client.GetAsync(AdminClient.Target(refused)!);

        var body = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.Forbidden, $"{AdminClient.Target(refused)}: {(int)page.StatusCode} {body}");
        var html = AdminClient.Html(body);
        Assert.Equal("Không có quyền truy cập", html.Text("main h1"));
        Assert.Contains(SoBName, html.Text("main h1 + p"));
    }

    [DatabaseTheory]
    public async Task Without_signing_in_every_admin_page_asks_for_the_login(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = new AdminClient(app);

        foreach (var site in new[] { "", "so-a", "so-b" })
        foreach (var page in AdminPages(app).Except(Anonymous))
        {
            using var response = await client.GetAsync(AdminClient.OnSite(site, page));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(AdminClient.OnSite(site, "/quan-tri/dang-nhap?ReturnUrl="), AdminClient.Target(response));
        }
    }
}
