using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Accounts;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Accounts.AdminSites;

namespace MinhBach.Tests.Accounts;

/// <summary>
/// Who may open which administration page on which site. Every page under /quan-tri the app maps is
/// tried by every kind of user, on their own site A (so-a) and on another site B (so-b): a new page is
/// covered without touching this test, and expected to open to anyone who may read the site unless it
/// is listed in <see cref="Stricter"/>.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>Pages anyone may open: signing in and out, and the refusal page itself.</summary>
    private static readonly string[] Anonymous =
        ["/quan-tri/dang-nhap", "/quan-tri/dang-nhap/ma-xac-thuc", "/quan-tri/dang-xuat", "/quan-tri/khong-co-quyen"];

    /// <summary>The province's own screens, served on the portal only (Registry tests check who opens them there): on a
    /// component site they are not found, for everyone.</summary>
    private static readonly string[] PortalOnly =
        ["/quan-tri/so-theo-doi", "/quan-tri/so-theo-doi/moi", "/quan-tri/so-theo-doi/nhap", "/quan-tri/so-theo-doi/bao-cao"];

    /// <summary>Who may open a page (GET) on a site.</summary>
    private enum Need
    {
        /// <summary>Any role on the site, a province reviewer, or a system admin (the /Admin folder's policy).</summary>
        Read,
        /// <summary>A role that writes on the site (not a read-only reviewer).</summary>
        Contributor,
        /// <summary>The site's administrator, a province reviewer, or a system admin.</summary>
        SiteAdminOrReviewer,
        /// <summary>An editor or above on the site, a province reviewer (read-only), or a system admin.</summary>
        EditorOrReviewer,
        /// <summary>The editor-in-chief or the site's administrator, or a system admin.</summary>
        EditorInChief,
        /// <summary>The site's administrator or a system admin.</summary>
        SiteAdmin,
        /// <summary>A province reviewer or a system admin, whatever their roles on sites (the province view).</summary>
        Reviewer,
    }

    /// <summary>Pages that need more than <see cref="Need.Read"/>; every other page is expected to open to readers.</summary>
    private static readonly Dictionary<string, Need> Stricter = new()
    {
        ["/quan-tri/tin-bai/moi"] = Need.Contributor,
        ["/quan-tri/nhat-ky"] = Need.SiteAdminOrReviewer,
        ["/quan-tri/de-xuat"] = Need.EditorOrReviewer,
        ["/quan-tri/thu-di"] = Need.EditorOrReviewer,
        ["/quan-tri/nhuan-but"] = Need.EditorInChief,
        ["/quan-tri/nhuan-but/bieu-muc"] = Need.EditorInChief,
        ["/quan-tri/ban-bien-tap"] = Need.SiteAdmin,
        ["/quan-tri/cai-dat"] = Need.SiteAdmin,
        ["/quan-tri/tuan-thu"] = Need.EditorOrReviewer,
        ["/quan-tri/danh-gia"] = Need.Reviewer,
        ["/quan-tri/muc-do-hai-long"] = Need.EditorOrReviewer,
    };

    /// <summary>
    /// Pages whose {id} this test can fill (an article of the site). The other editors' {id} pages are
    /// covered row by row, with real ids of both sites, by Admin/EditorAccessTests and Editorial/SyndicationTests.
    /// </summary>
    private static bool Fillable(string page) => !page.Contains('{') || page.StartsWith("/quan-tri/tin-bai/", StringComparison.Ordinal);

    /// <summary>Site-relative route templates of the Razor pages under /quan-tri ("/quan-tri/tin-bai/{id:int}").</summary>
    public static IReadOnlyList<string> AdminPages(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(p => p == "/quan-tri" || p.StartsWith("/quan-tri/", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>A page's address with its route parameters filled for the site (an article of that site for {id}).</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)(:[^}]*)?\}", m =>
            values.TryGetValue(m.Groups[1].Value, out var v) ? v
                : throw new Xunit.Sdk.XunitException($"{template}: no test value for route parameter {{{m.Groups[1].Value}}}; add one to this test."));

    private sealed record Person(string Email, string SignInAt, SiteRole? RoleOnA, bool Reviewer = false, bool SystemAdmin = false, string? TotpKey = null)
    {
        public bool MayOpen(string site, Need need)
        {
            if (SystemAdmin) return true;
            var role = site == "so-a" ? RoleOnA : null;
            return need switch
            {
                Need.Read => role is not null || Reviewer,
                Need.Contributor => role is not null,
                Need.SiteAdminOrReviewer => role is SiteRole.SiteAdmin || Reviewer,
                Need.EditorOrReviewer => role >= SiteRole.Editor || Reviewer,
                Need.EditorInChief => role >= SiteRole.EditorInChief,
                Need.SiteAdmin => role is SiteRole.SiteAdmin,
                Need.Reviewer => Reviewer,
                _ => false,
            };
        }
    }

    [DatabaseTheory]
    public async Task Admin_pages_open_to_roles_on_their_own_site_readers_and_system_admins_only(string provider)
    {
        await using var app = await StartAsync(provider);
        var all = AdminPages(app);
        Assert.Contains("/quan-tri", all);
        Assert.Contains("/quan-tri/tai-khoan", all);
        Assert.All(Anonymous, a => Assert.Contains(a, all));
        Assert.All(Stricter.Keys, s => Assert.Contains(s, all));
        var pages = all.Except(Anonymous).Where(Fillable).ToList();
        var routeValues = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var site in new[] { "so-a", "so-b" })
        {
            var s = await app.WithDbAsync(db => db.Sites.SingleAsync(x => x.Slug == site));
            var article = await app.AddArticleAsync(s, await app.AddCategoryAsync(s, "tin-hoat-dong", "Tin hoạt động"), "Hội nghị tổng kết năm của " + site);
            routeValues[site] = new Dictionary<string, string> { ["id"] = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        // The roles from Editor up must use TOTP (Accounts:TwoFactorRequiredFrom = Editor): turned on for them.
        var people = new List<Person>();
        foreach (var (email, role) in new[]
        {
            ("ctv@soa.dongminh.gov.vn", SiteRole.Contributor), ("btv@soa.dongminh.gov.vn", SiteRole.Editor),
            ("tbbt@soa.dongminh.gov.vn", SiteRole.EditorInChief), ("qtt@soa.dongminh.gov.vn", SiteRole.SiteAdmin),
        })
        {
            await app.MemberAsync(email, role, "so-a");
            people.Add(new(email, "so-a", role, TotpKey: role >= SiteRole.Editor ? await app.EnableTwoFactorAsync(email) : null));
        }
        await app.CreateUserAsync("chuyenvien@stttt.dongminh.gov.vn", Password, provinceReviewer: true);
        people.Add(new("chuyenvien@stttt.dongminh.gov.vn", "", null, Reviewer: true));
        await app.CreateUserAsync("quantri@dongminh.gov.vn", Password, systemAdmin: true);
        people.Add(new("quantri@dongminh.gov.vn", "", null, SystemAdmin: true, TotpKey: await app.EnableTwoFactorAsync("quantri@dongminh.gov.vn")));
        await app.CreateUserAsync("khongvaitro@dongminh.gov.vn", Password);
        people.Add(new("khongvaitro@dongminh.gov.vn", "", null));

        var wrong = new List<string>();
        foreach (var person in people)
        {
            using var client = new AdminClient(app);
            await client.SignInFullyAsync(person.Email, Password, person.SignInAt, person.TotpKey);
            foreach (var site in new[] { "so-a", "so-b" })
            foreach (var page in pages)
            {
                var allowed = person.MayOpen(site, Stricter.GetValueOrDefault(page, Need.Read));
                var path = AdminClient.OnSite(site, Fill(page, routeValues[site]));
                using var response = await client.GetAsync(path);
                var target = AdminClient.Target(response);
                // so-a and so-b are component sites: a portal-only page is absent (404) to those who may
                // read the site, and the site's refusal comes first for everyone else.
                var expected = !person.MayOpen(site, Need.Read) || (!allowed && !PortalOnly.Contains(page)) ? "refusal"
                    : PortalOnly.Contains(page) ? "404" : "200";
                var ok = expected switch
                {
                    "200" => response.StatusCode == HttpStatusCode.OK,
                    "404" => response.StatusCode == HttpStatusCode.NotFound,
                    _ => response.StatusCode == HttpStatusCode.Forbidden
                      || (response.StatusCode == HttpStatusCode.Redirect && target!.StartsWith(AdminClient.OnSite(site, "/quan-tri/khong-co-quyen"), StringComparison.Ordinal)),
                };
                if (!ok)
                    wrong.Add($"{person.Email} GET {path}: {(int)response.StatusCode} {target} (expected {expected})");
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

        var anyId = new Dictionary<string, string> { ["id"] = "1" };
        foreach (var site in new[] { "", "so-a", "so-b" })
        foreach (var page in AdminPages(app).Except(Anonymous))
        {
            using var response = await client.GetAsync(AdminClient.OnSite(site, Fill(page, anyId)));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(AdminClient.OnSite(site, "/quan-tri/dang-nhap?ReturnUrl="), AdminClient.Target(response));
        }
    }
}
