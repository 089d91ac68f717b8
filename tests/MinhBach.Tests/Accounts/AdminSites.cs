using MinhBach.Features.Accounts;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Accounts;

/// <summary>The province the account tests run in: the portal and two component sites, so-a and so-b.</summary>
internal static class AdminSites
{
    public const string PortalName = "Cổng thông tin điện tử tỉnh Đông Minh";
    public const string SoAName = "Trang thông tin điện tử Sở Khoa học và Công nghệ";
    public const string SoBName = "Trang thông tin điện tử Sở Tư pháp";
    /// <summary>Meets the password rules (10+ characters, upper, lower, digit).</summary>
    public const string Password = "DongMinh2026a";

    public const string WrongPasswordMessage = "Tên đăng nhập hoặc mật khẩu không đúng.";
    public const string LockoutMessage = "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần.";

    public static async Task<TestApp> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await TestApp.StartAsync(provider, settings);
        try
        {
            await app.CreatePortalAsync(PortalName);
            await app.AddSiteAsync("so-a", SoAName);
            await app.AddSiteAsync("so-b", SoBName);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new account holding this role on the site.</summary>
    public static async Task<AppUser> MemberAsync(this TestApp app, string email, SiteRole role, string site = "so-a")
    {
        var user = await app.CreateUserAsync(email, Password);
        await app.GrantAsync(email, site, role);
        return user;
    }

    /// <summary>The text of the page's first element matching the selector, whitespace collapsed.</summary>
    public static string Text(this AngleSharp.Dom.IDocument page, string selector) =>
        string.Join(' ', (page.QuerySelector(selector)?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
