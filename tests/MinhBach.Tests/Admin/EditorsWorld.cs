using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>Who acts in the editor tests; each account is created on first use with its role.</summary>
public enum Who
{
    AdminA,
    /// <summary>A second site administrator of so-a, for two people editing the same settings.</summary>
    OtherAdminA,
    EditorA,
    ContributorA,
    EditorB,
    AdminB,
    Reviewer,
}

/// <summary>
/// The province of the editor tests: the portal and two component sites (so-a, so-b) on a fresh database,
/// two-factor sign-in switched off, accounts made on demand and signed in through the real login form.
/// </summary>
public sealed class EditorsWorld : IAsyncDisposable
{
    public const string Password = "DongMinh2026a";
    public const string SoAName = "Trang thông tin điện tử Sở Khoa học và Công nghệ";
    public const string SoBName = "Trang thông tin điện tử Sở Tư pháp";
    private static readonly AuditActor Setup = new(null, "kiểm thử", "127.0.0.1");

    private readonly HashSet<Who> _created = [];

    private EditorsWorld(TestApp app, Site soA, Site soB)
    {
        App = app;
        SoA = soA;
        SoB = soB;
    }

    public TestApp App { get; }
    public Site SoA { get; }
    public Site SoB { get; }

    public static async Task<EditorsWorld> StartAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Accounts:TwoFactorRequiredFrom"] = "None" });
        try
        {
            await app.CreatePortalAsync();
            var soA = await app.AddSiteAsync("so-a", SoAName);
            var soB = await app.AddSiteAsync("so-b", SoBName);
            return new EditorsWorld(app, soA, soB);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public static string Email(Who who) => who switch
    {
        Who.AdminA => "quantri.a@tinh.gov.vn",
        Who.OtherAdminA => "quantri2.a@tinh.gov.vn",
        Who.EditorA => "bientap.a@tinh.gov.vn",
        Who.ContributorA => "congtacvien.a@tinh.gov.vn",
        Who.EditorB => "bientap.b@tinh.gov.vn",
        Who.AdminB => "quantri.b@tinh.gov.vn",
        _ => "chuyenvien.so@tinh.gov.vn",
    };

    public async Task EnsureAccountAsync(Who who)
    {
        if (!_created.Add(who)) return;
        await using var scope = App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var name = who switch
        {
            Who.AdminA => "Quản trị Sở A", Who.OtherAdminA => "Phó quản trị Sở A", Who.EditorA => "Biên tập viên Sở A", Who.ContributorA => "Cộng tác viên Sở A",
            Who.EditorB => "Biên tập viên Sở B", Who.AdminB => "Quản trị Sở B", _ => "Chuyên viên Sở TTTT",
        };
        await accounts.CreateAsync(new AccountService.NewUser(Email(who), name, Password, ProvinceReviewer: who == Who.Reviewer), Setup);
        var grant = who switch
        {
            Who.AdminA or Who.OtherAdminA => ("so-a", SiteRole.SiteAdmin),
            Who.EditorA => ("so-a", SiteRole.Editor),
            Who.ContributorA => ("so-a", SiteRole.Contributor),
            Who.EditorB => ("so-b", SiteRole.Editor),
            Who.AdminB => ("so-b", SiteRole.SiteAdmin),
            _ => ((string, SiteRole)?)null,
        };
        if (grant is { } g)
            await accounts.GrantAsync(Email(who), g.Item1, g.Item2, Setup);
    }

    /// <summary>A browser session signed in as this person (on the portal's login page, so the session covers every site).</summary>
    public async Task<AdminSession> SignInAsync(Who who)
    {
        await EnsureAccountAsync(who);
        var session = new AdminSession(App);
        using var response = await session.PostFormAsync("/quan-tri/dang-nhap", ("UserName", Email(who)), ("Password", Password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in of {Email(who)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        session.SignedIn();
        return session;
    }

    /// <summary>Reads site-owned rows across sites (outside a request there is no current site).</summary>
    public Task<T> DbAsync<T>(Func<AppDb, Task<T>> work) => App.WithDbAsync(work);

    public Task<List<AuditEntry>> AuditAsync(string action) =>
        DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>The public page must answer 200; returns it parsed.</summary>
    public async Task<IDocument> PublicAsync(string path) => AdminSession.Html(await App.GetStringAsync(path));

    /// <summary>Exactly one entry of this action for the row, on site A, by this person, saying what happened.</summary>
    public async Task<AuditEntry> AssertAuditedAsync(string action, int targetId, Who who, params string[] summaryContains)
    {
        var entries = await AuditAsync(action);
        var id = targetId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var e = Assert.Single(entries, x => x.TargetId == id);
        Assert.Equal(SoA.Id, e.SiteId);
        Assert.Equal(Email(who), e.UserName);
        foreach (var part in summaryContains) Assert.Contains(part, e.Summary);
        return e;
    }

    /// <summary>Posts a form that must come back with errors; returns them.</summary>
    public static async Task<IReadOnlyList<string>> RefusedAsync(AdminSession s, string path, params (string Name, string Value)[] fields)
    {
        using var response = await s.PostFormAsync(path, fields);
        return await response.AssertErrorsAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// One browser: its own cookies, no automatic redirects, forms posted with an antiforgery token taken from a
/// page of the same site (the antiforgery cookie belongs to the site's path prefix).
/// </summary>
public sealed class AdminSession : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";
    private readonly Dictionary<string, string> _tokens = [];

    public AdminSession(TestApp app) =>
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.BaseAddress,
        };

    public HttpClient Http { get; }

    public static IDocument Html(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The user changed: tokens issued before no longer match.</summary>
    public void SignedIn() => _tokens.Clear();

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public async Task<IDocument> GetHtmlAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}: {body}");
        return Html(body);
    }

    /// <summary>"/so-a/quan-tri/…" → "/so-a"; "/quan-tri/…" → "".</summary>
    private static string PrefixOf(string path)
    {
        var first = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first is "quan-tri" or "" ? "" : "/" + first;
    }

    private async Task<string> TokenAsync(string path)
    {
        var prefix = PrefixOf(path);
        if (_tokens.TryGetValue(prefix, out var token)) return token;
        // The login page is open to everyone and carries a form, so a token is at hand even where the user may not go.
        var page = await GetHtmlAsync(prefix + "/quan-tri/dang-nhap");
        token = page.QuerySelector($"input[name='{TokenField}']")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token.");
        return _tokens[prefix] = token;
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        PostFormAsync(path, (IEnumerable<(string, string)>)fields);

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<(string Name, string Value)> fields)
    {
        var token = await TokenAsync(path);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new(TokenField, token));
        return await Http.PostAsync(path, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts a multipart form (a file upload) with this site's antiforgery token, unless withToken is false;
    /// with fetch, as the rich-text editor does (X-Requested-With: fetch, JSON back).</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string path, Multipart form, bool fetch = false, bool withToken = true)
    {
        if (withToken) form.Field(TokenField, await TokenAsync(path));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form.ToContent() };
        if (fetch) request.Headers.Add("X-Requested-With", "fetch");
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostWithoutTokenAsync(string path, params (string Name, string Value)[] fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));


    /// <summary>The fields of the page's editor form as a browser would post them (checked boxes, selected options).</summary>
    public static List<(string Name, string Value)> FormValues(IDocument page)
    {
        var form = page.QuerySelectorAll("form").First(f => f.QuerySelector("[name^='Form.']") is not null);
        var fields = new List<(string, string)>();
        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = e.GetAttribute("name")!;
            if (name == AdminSession.TokenField) continue;
            switch (e)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) fields.Add((name, box.Value));
                    break;
                case IHtmlInputElement input: fields.Add((name, input.Value)); break;
                case IHtmlTextAreaElement text: fields.Add((name, text.Value)); break;
                case IHtmlSelectElement select: fields.Add((name, select.Value ?? "")); break;
            }
        }
        return fields;
    }

    public void Dispose() => Http.Dispose();
}

public static class Responses
{
    /// <summary>The path a redirect leads to (absolute loopback addresses reduced to their path and query).</summary>
    public static string? Target(this HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: false } relative => relative.OriginalString,
        var absolute => absolute.PathAndQuery,
    };

    /// <summary>A form that saved: a redirect (303/302) to the listing with a notice.</summary>
    public static async Task AssertSavedAsync(this HttpResponseMessage response, string expectedTarget)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect after saving, got {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync())}");
        Assert.StartsWith(expectedTarget, response.Target());
    }

    /// <summary>Refused for lack of a role: 403, or the sign-in middleware's redirect to the "no permission" page.</summary>
    public static void AssertRefused(this HttpResponseMessage response, string because)
    {
        var ok = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Target()!.Contains("/quan-tri/khong-co-quyen"));
        Assert.True(ok, $"{because}: expected 403 or a redirect to /quan-tri/khong-co-quyen, got {(int)response.StatusCode} {response.Target()}");
    }

    /// <summary>The form answered 200 with the error list; returns its items.</summary>
    public static async Task<IReadOnlyList<string>> AssertErrorsAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the form again with errors, got {(int)response.StatusCode} {response.Target()}");
        var errors = Errors(body);
        Assert.NotEmpty(errors);
        return errors;
    }

    public static IReadOnlyList<string> Errors(string html) =>
        AdminSession.Html(html).QuerySelectorAll(".errors li").Select(li => li.TextContent.Trim()).ToList();
}
