using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Editorial;

/// <summary>Shared pieces of the editorial tests: the app without required TOTP, signed-in board members, refusals.</summary>
internal static class EditorialTestKit
{
    public const string Password = "MatKhau2026";

    /// <summary>Two-factor sign-in off, so that board members sign in with a password only.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings =
        new Dictionary<string, string?> { ["Accounts:TwoFactorRequiredFrom"] = "None" };

    public static Task<TestApp> StartAsync(string provider) => TestApp.StartAsync(provider, Settings);

    /// <summary>A new account with the role on the site ("" for the portal; null: no role), signed in on that site.</summary>
    public static async Task<AdminClient> MemberAsync(TestApp app, string email, string fullName, string siteSlug, SiteRole? role)
    {
        await app.CreateUserAsync(email, Password, fullName);
        if (role is SiteRole r) await app.GrantAsync(email, siteSlug, r);
        var client = new AdminClient(app);
        await client.SignInFullyAsync(email, Password, siteSlug);
        return client;
    }

    /// <summary>A refusal for lack of a role: 403, or the redirect to the "no permission" page.</summary>
    public static void AssertForbidden(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && AdminClient.Target(response)?.Contains("/quan-tri/khong-co-quyen") == true,
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>A 400 page carrying the Vietnamese message.</summary>
    public static async Task AssertBadRequestAsync(HttpResponseMessage response, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode} {response.Headers.Location}: {body}");
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(body));
    }

    /// <summary>A step that succeeded: the redirect back to the page with its notice.</summary>
    public static async Task AssertDoneAsync(HttpResponseMessage response, string redirectStartsWith)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
            Assert.Fail($"Expected a redirect to {redirectStartsWith}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith(redirectStartsWith, AdminClient.Target(response));
    }

    public static Task<List<AuditEntry>> AuditAsync(TestApp app, string actionPrefix) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith(actionPrefix)).OrderBy(e => e.Sequence).ToListAsync());
}
