using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MinhBach.Data;
using MinhBach.Features.Admin;
using MinhBach.Features.Audit;

namespace MinhBach.Features.Accounts;

public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Least site role that must use two-factor sign-in: Contributor, Editor, EditorInChief, SiteAdmin, or None.</summary>
    public string TwoFactorRequiredFrom { get; set; } = nameof(SiteRole.Editor);
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int SessionHours { get; set; } = 8;
    public int PasswordMinLength { get; set; } = 10;
    /// <summary>How often a session's security stamp is checked against the database, so that
    /// "sign out everywhere" (and a changed password) ends other sessions within this time.</summary>
    public int SecurityStampValidationSeconds { get; set; } = 60;

    public SiteRole? TwoFactorThreshold =>
        Enum.TryParse<SiteRole>(TwoFactorRequiredFrom, out var r) ? r : null;

    public bool IsValid => TwoFactorRequiredFrom == "None" || TwoFactorThreshold is not null;
}

/// <summary>Accounts, sign-in with lockout and TOTP, per-site roles, and the audit trail they write to.</summary>
public static class AccountsSetup
{
    /// <summary>The sign-in cookie: its presence alone keeps a request away from the page cache (Features/Caching).</summary>
    public const string AuthCookie = "minhbach.auth";

    public const string LoginPath = "/quan-tri/dang-nhap";
    public const string AdminHome = "/quan-tri";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section)
            .Validate(o => o.IsValid, "Accounts:TwoFactorRequiredFrom phải là Contributor, Editor, EditorInChief, SiteAdmin hoặc None.")
            .Validate(o => o.MaxFailedSignIns is >= 1 and <= 100 && o.LockoutMinutes is >= 1 and <= 1440, "Accounts: số lần sai và thời gian khóa không hợp lệ.")
            .Validate(o => o.SessionHours is >= 1 and <= 72 && o.PasswordMinLength is >= 8 and <= 128, "Accounts: thời hạn phiên hoặc độ dài mật khẩu không hợp lệ.")
            .Validate(o => o.SecurityStampValidationSeconds is >= 0 and <= 3600, "Accounts:SecurityStampValidationSeconds phải từ 0 đến 3600 giây.")
            .ValidateOnStart();
        var opts = config.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new AccountsOptions();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = opts.PasswordMinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = opts.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(opts.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AuthCookie;
            // One sign-in for every site on this host: left unset, the path would be the site prefix of the
            // login page ("/so-a"), and the user's other sites (/so-b/quan-tri) would ask them to sign in again.
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(opts.SessionHours);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/quan-tri/dang-xuat";
            o.AccessDeniedPath = "/quan-tri/khong-co-quyen";
            // The administration's scripts (fetch) get a status and a message they can show, not a sign-in page.
            o.Events.OnRedirectToLogin = c => c.Request.IsFetch()
                ? c.Response.WriteErrorAsync(StatusCodes.Status401Unauthorized, "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại rồi thử lại.")
                : RedirectAsync(c);
            o.Events.OnRedirectToAccessDenied = c => c.Request.IsFetch()
                ? c.Response.WriteErrorAsync(StatusCodes.Status403Forbidden, "Bạn không có quyền thực hiện việc này trên trang này.")
                : RedirectAsync(c);
        });
        // "Sign out everywhere" changes the security stamp; other sessions notice within the interval (a minute by default).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(opts.SecurityStampValidationSeconds));
        services.AddAuthorization(SitePolicies.Add);
        services.AddScoped<IAuthorizationHandler, SiteRoleHandler>();
        services.AddScoped<SiteAccess>();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<AccountService>();
        return services;
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

/// <summary>Identity's messages in Vietnamese.</summary>
internal sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu phải có ít nhất {length} ký tự." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Mật khẩu phải có ít nhất một chữ số." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Mật khẩu phải có ít nhất một chữ thường." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Mật khẩu phải có ít nhất một chữ hoa." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Email {email} đã được dùng cho tài khoản khác." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Tên đăng nhập {userName} đã có." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"Email {email} không hợp lệ." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Tên đăng nhập {userName} không hợp lệ (chỉ dùng chữ không dấu, số, dấu chấm, gạch ngang, @)." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mật khẩu không đúng." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Mã xác thực không hợp lệ hoặc đã hết hạn." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Tài khoản vừa được người khác thay đổi; vui lòng thử lại." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Đã có lỗi; vui lòng thử lại." };
}
