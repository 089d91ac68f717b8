using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Public;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using QRCoder;

namespace MinhBach.Features.Admin.Account;

/// <summary>/quan-tri/tai-khoan: turn on TOTP two-factor sign-in, see recovery codes once, sign out everywhere.</summary>
public sealed class SecurityModel(UserManager<AppUser> users, IUserStore<AppUser> store, SignInManager<AppUser> signIn, AuditTrail audit, AppDb db, AccountService accounts) : AdminPageModel
{
    public AppUser Me { get; private set; } = null!;
    public bool Required { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrDataUri { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty, MaxLength(16)]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(string? msg, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        Notice = msg switch { "2fa" => "Bạn cần bật xác thực hai bước trước khi làm việc trên trang quản trị.", _ => null };
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(Me, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã mới nhất.";
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(Me, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(Me, 10))?.ToList() ?? [];
        await audit.SaveAsync(db, Actor(), new AuditRecord("user.2fa-enable", $"{Me.Email} bật xác thực hai bước.", Site.Id, "user", Me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        await signIn.RefreshSignInAsync(Me);
        Me.TwoFactorEnabled = true;
        Notice = "Đã bật xác thực hai bước. Hãy lưu các mã khôi phục dưới đây ở nơi an toàn: mỗi mã dùng được một lần.";
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        await users.UpdateSecurityStampAsync(Me);
        await audit.SaveAsync(db, Actor(), new AuditRecord("sign-out.everywhere", $"{Me.Email} đăng xuất khỏi mọi thiết bị.", Site.Id, "user", Me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        await signIn.SignOutAsync();
        return Redirect(Url.Site(AccountsSetup.LoginPath));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Title = "Tài khoản và bảo mật";
        var me = await users.GetUserAsync(User);
        if (me is null) return false;
        Me = me;
        Required = await accounts.MustUseTwoFactorAsync(me, ct);
        if (!me.TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(me);
            if (string.IsNullOrEmpty(key))
            {
                // The first key protects nothing yet: stored without ResetAuthenticatorKeyAsync, which renews the
                // security stamp and so would end this session and the user's others at the next stamp check.
                await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(me, users.GenerateNewAuthenticatorKey(), ct);
                await users.UpdateAsync(me);
                key = await users.GetAuthenticatorKeyAsync(me);
            }
            SharedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
            var uri = $"otpauth://totp/{Uri.EscapeDataString("MinhBach:" + me.Email)}?secret={key}&issuer=MinhBach&digits=6";
            using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(qr).GetGraphic(4);
            QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        }
        return true;
    }
}
