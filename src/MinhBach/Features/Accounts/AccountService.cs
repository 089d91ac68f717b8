using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Accounts;

public sealed class AccountException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Creates accounts and grants roles on sites; each change is written with its audit entry.</summary>
public sealed class AccountService(AppDb db, UserManager<AppUser> users, AuditTrail audit, SiteDirectory directory,
    IOptions<AccountsOptions> options, TimeProvider clock)
{
    public sealed record NewUser(string Email, string FullName, string? Password, bool SystemAdmin = false, bool ProvinceReviewer = false);

    /// <summary>Creates the account; returns the password (generated when none was given).</summary>
    public async Task<(AppUser User, string Password)> CreateAsync(NewUser n, AuditActor actor, CancellationToken ct = default) =>
        await CreateAsync(n, actor, null, ct);

    /// <summary>Creates the account and, when given, its role on one site, in one transaction.</summary>
    public async Task<(AppUser User, string Password)> CreateAsync(NewUser n, AuditActor actor, (string SiteSlug, SiteRole Role)? grant, CancellationToken ct = default)
    {
        var password = n.Password ?? GeneratePassword();
        var user = new AppUser
        {
            UserName = n.Email.Trim(),
            Email = n.Email.Trim(),
            FullName = n.FullName.Trim(),
            IsSystemAdmin = n.SystemAdmin,
            IsProvinceReviewer = n.ProvinceReviewer,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            EmailConfirmed = true,
        };
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(n.FullName)) errors.Add("Họ và tên không được để trống.");
        foreach (var v in users.UserValidators) errors.AddRange((await v.ValidateAsync(users, user)).Errors.Select(e => e.Description));
        foreach (var v in users.PasswordValidators) errors.AddRange((await v.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        if (errors.Count > 0) throw new AccountException(errors.Distinct().ToList());

        // The account, its first role and their audit entries are one unit: never an account without its entry.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded) throw new AccountException(result.Errors.Select(e => e.Description).ToList());
            await audit.SaveAsync(db, actor, new AuditRecord("user.create",
                $"Tạo tài khoản {user.Email} ({user.FullName}){(n.SystemAdmin ? ", quản trị hệ thống" : "")}{(n.ProvinceReviewer ? ", chuyên viên Sở" : "")}.",
                TargetType: "user", TargetId: user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
            if (grant is { } g) await GrantAsync(user.Email!, g.SiteSlug, g.Role, actor, ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear(); // nothing of the rolled-back account stays tracked for the next save
            throw;
        }
        return (user, password);
    }

    public async Task GrantAsync(string email, string siteSlug, SiteRole role, AuditActor actor, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new AccountException([$"Không có tài khoản {email}."]);
        var site = (await directory.GetAsync(ct)).BySlug.GetValueOrDefault(siteSlug.Trim('/'))
            ?? throw new AccountException([$"Không tìm thấy trang \"{siteSlug}\"."]);
        var m = await db.SiteMemberships.FirstOrDefaultAsync(x => x.UserId == user.Id && x.SiteId == site.Id, ct);
        var before = m?.Role;
        if (m is null)
            db.SiteMemberships.Add(new SiteMembership { UserId = user.Id, SiteId = site.Id, Role = role, CreatedAt = clock.GetUtcNow().UtcDateTime });
        else
            m.Role = role;
        await audit.SaveAsync(db, actor, new AuditRecord("membership.grant",
            before is null
                ? $"Cấp vai trò {SiteRoleNames.Vietnamese(role)} trên trang {site.Name} cho {user.Email}."
                : $"Đổi vai trò của {user.Email} trên trang {site.Name}: {SiteRoleNames.Vietnamese(before.Value)} → {SiteRoleNames.Vietnamese(role)}.",
            site.Id, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
    }

    /// <summary>Takes away the user's role on the site; the account itself stays (it may hold roles elsewhere).</summary>
    public async Task RevokeAsync(string email, string siteSlug, AuditActor actor, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new AccountException([$"Không có tài khoản {email}."]);
        var site = (await directory.GetAsync(ct)).BySlug.GetValueOrDefault(siteSlug.Trim('/'))
            ?? throw new AccountException([$"Không tìm thấy trang \"{siteSlug}\"."]);
        var m = await db.SiteMemberships.FirstOrDefaultAsync(x => x.UserId == user.Id && x.SiteId == site.Id, ct)
            ?? throw new AccountException([$"{user.Email} không có vai trò nào trên trang {site.Name}."]);
        db.SiteMemberships.Remove(m);
        await audit.SaveAsync(db, actor, new AuditRecord("membership.revoke",
            $"Thu hồi vai trò {SiteRoleNames.Vietnamese(m.Role)} trên trang {site.Name} của {user.Email}.",
            site.Id, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
    }

    /// <summary>System administrators, and anyone holding the configured role or above on any site, must use TOTP.</summary>
    public async Task<bool> MustUseTwoFactorAsync(AppUser user, CancellationToken ct = default)
    {
        if (options.Value.TwoFactorThreshold is not SiteRole threshold) return false;
        if (user.IsSystemAdmin) return true;
        return await db.SiteMemberships.AnyAsync(m => m.UserId == user.Id && m.Role >= threshold, ct);
    }

    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        var all = lower + upper + digits;
        var chars = new char[14];
        for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }
}
