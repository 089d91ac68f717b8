using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MinhBach.Features.Accounts;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Accounts.AdminSites;

namespace MinhBach.Tests.Accounts;

/// <summary>Signing out: this session (POST /quan-tri/dang-xuat), or every session of the account
/// ("SignOutEverywhere" on the security page), which others notice when their security stamp is checked.</summary>
public sealed class SignOutTests
{
    private const string Email = "ctv@soa.dongminh.gov.vn";

    [DatabaseTheory]
    public async Task Signing_out_everywhere_ends_the_other_sessions_at_the_next_stamp_check(string provider)
    {
        await using var app = await StartAsync(provider, new Dictionary<string, string?> { ["Accounts:SecurityStampValidationSeconds"] = "1" });
        Assert.Equal(TimeSpan.FromSeconds(1), app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
        await app.MemberAsync(Email, SiteRole.Contributor);
        using var laptop = new AdminClient(app);
        using var phone = new AdminClient(app);
        await laptop.SignInFullyAsync(Email, Password, "so-a");
        await phone.SignInFullyAsync(Email, Password, "so-a");
        // Opening the security page (which makes the TOTP key on the first visit) ends no session.
        await laptop.GetStringAsync("/so-a/quan-tri/tai-khoan");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await laptop.GetStringAsync("/so-a/quan-tri");
        await phone.GetStringAsync("/so-a/quan-tri");

        using var everywhere = await laptop.PostFormAsync("/so-a/quan-tri/tai-khoan?handler=SignOutEverywhere");

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal("/so-a/quan-tri/dang-nhap", AdminClient.Target(everywhere));
        Assert.False(laptop.HasAuthCookie);
        // The phone still holds its cookie, but the server refuses it once the stamp is checked again.
        var answer = await Eventually.WaitAsync(async () =>
            {
                using var r = await phone.GetAsync("/so-a/quan-tri");
                return $"{(int)r.StatusCode} {AdminClient.Target(r)}";
            },
            a => a.StartsWith("302 /so-a/quan-tri/dang-nhap?", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the other session is signed out");
        Assert.StartsWith("302 /so-a/quan-tri/dang-nhap?ReturnUrl=", answer);

        // Signing in again works as before.
        await phone.SignInFullyAsync(Email, Password, "so-a");
        await phone.GetStringAsync("/so-a/quan-tri");
    }

    [DatabaseTheory]
    public async Task Other_sessions_last_until_the_stamp_is_checked_a_minute_later_by_default(string provider)
    {
        await using var app = await StartAsync(provider);
        Assert.Equal(TimeSpan.FromMinutes(1), app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
        await app.MemberAsync(Email, SiteRole.Contributor);
        using var laptop = new AdminClient(app);
        using var phone = new AdminClient(app);
        await laptop.SignInFullyAsync(Email, Password, "so-a");
        await phone.SignInFullyAsync(Email, Password, "so-a");

        using var everywhere = await laptop.PostFormAsync("/so-a/quan-tri/tai-khoan?handler=SignOutEverywhere");

        Assert.Equal("/so-a/quan-tri/dang-nhap", AdminClient.Target(everywhere));
        Assert.False(laptop.HasAuthCookie);
        using var stillIn = await phone.GetAsync("/so-a/quan-tri");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [DatabaseTheory]
    public async Task Signing_out_ends_this_session_and_needs_a_POST(string provider)
    {
        await using var app = await StartAsync(provider);
        await app.MemberAsync(Email, SiteRole.Contributor);
        using var client = new AdminClient(app);
        await client.SignInFullyAsync(Email, Password, "so-a");

        // A link (GET) signs no one out.
        using (var get = await client.GetAsync("/so-a/quan-tri/dang-xuat"))
            Assert.Equal("/so-a/quan-tri", AdminClient.Target(get));
        Assert.True(client.HasAuthCookie);
        await client.GetStringAsync("/so-a/quan-tri");

        // The button in the admin header posts with the page's token.
        using var post = await client.PostFormFromAsync("/so-a/quan-tri", "/so-a/quan-tri/dang-xuat");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/so-a/quan-tri/dang-nhap", AdminClient.Target(post));
        Assert.False(client.HasAuthCookie);
        using var after = await client.GetAsync("/so-a/quan-tri");
        Assert.StartsWith("/so-a/quan-tri/dang-nhap?", AdminClient.Target(after));
    }
}
