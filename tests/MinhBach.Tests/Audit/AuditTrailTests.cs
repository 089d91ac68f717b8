using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Tests.Accounts;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Accounts.AdminSites;

namespace MinhBach.Tests.Audit;

/// <summary>The hash-chained audit trail: what account events write to it, and that VerifyAsync finds
/// a changed or removed row; appends from many requests at once still form one chain.</summary>
public sealed class AuditTrailTests
{
    private static readonly AuditActor Admin = new(null, "quantri@dongminh.gov.vn", "10.20.30.40");

    [DatabaseTheory]
    public async Task Account_events_are_recorded_with_who_and_from_where(string provider)
    {
        await using var app = await StartAsync(provider);
        const string ctv = "ctv@soa.dongminh.gov.vn", locked = "khoa@soa.dongminh.gov.vn";
        var user = await app.CreateUserAsync(ctv, Password, "Nguyễn Thị Cúc", actor: Admin);
        await app.GrantAsync(ctv, "so-a", SiteRole.Contributor, Admin);
        await app.CreateUserAsync(locked, Password, actor: Admin);
        var soA = await app.WithDbAsync(db => db.Sites.SingleAsync(s => s.Slug == "so-a"));

        using (var client = new AdminClient(app))
        {
            (await client.SignInAsync(ctv, "SaiMatKhau2026", "so-a")).Dispose();
            await client.SignInFullyAsync(ctv, Password, "so-a");
            await client.GetStringAsync("/so-a/quan-tri/tai-khoan");
            var key = (await app.AuthenticatorKeyAsync(ctv))!;
            (await client.PostFormAsync("/so-a/quan-tri/tai-khoan?handler=Enable", ("Code", Totp.Code(key)))).Dispose();
            (await client.PostFormFromAsync("/so-a/quan-tri", "/so-a/quan-tri/dang-xuat")).Dispose();
            Assert.False(client.HasAuthCookie);
        }
        using (var client = new AdminClient(app))
            for (var i = 0; i < 5; i++) (await client.SignInAsync(locked, "SaiMatKhau2026", "so-a")).Dispose();

        var entries = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        var summary = string.Join(Environment.NewLine, entries.Select(e => $"{e.Sequence} {e.Action} {e.UserName} {e.IpAddress} {e.SiteId} {e.Summary}"));
        AuditEntry One(string action, string userName) =>
            entries.FirstOrDefault(e => e.Action == action && e.UserName == userName) ?? throw new Xunit.Sdk.XunitException($"No {action} by {userName}:{Environment.NewLine}{summary}");

        var created = One("user.create", Admin.UserName);
        Assert.Equal(Admin.IpAddress, created.IpAddress);
        Assert.Equal(("user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (created.TargetType, created.TargetId));
        Assert.Contains(ctv, created.Summary);
        var granted = One("membership.grant", Admin.UserName);
        Assert.Equal((Admin.IpAddress, soA.Id), (granted.IpAddress, granted.SiteId));
        Assert.Equal($"Cấp vai trò Cộng tác viên trên trang {SoAName} cho {ctv}.", granted.Summary);
        foreach (var (action, who) in new[]
        {
            ("sign-in.failed", ctv), ("sign-in", ctv), ("user.2fa-enable", ctv), ("sign-out", ctv), ("sign-in.failed", locked), ("sign-in.locked", locked),
        })
        {
            var e = One(action, who);
            Assert.True(e.IpAddress == "127.0.0.1" && e.SiteId == soA.Id, $"{action} by {who}: IP {e.IpAddress}, site {e.SiteId}{Environment.NewLine}{summary}");
            Assert.Contains(who, e.Summary);
        }
        Assert.Equal(4, entries.Count(e => e.Action == "sign-in.failed" && e.UserName == locked));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));

        var verified = await app.WithDbAsync(db => AuditTrail.VerifyAsync(db));
        Assert.Null(verified.BrokenAt);
        Assert.Equal(entries.Count, verified.Checked);
        Assert.Equal($"Nhật ký toàn vẹn: đã kiểm tra {entries.Count} mục.", verified.Message);
    }

    [DatabaseTheory]
    public async Task A_changed_summary_is_found_and_named_by_its_sequence(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AppendAsync(app, 6);
        Assert.Null((await app.WithDbAsync(db => AuditTrail.VerifyAsync(db))).BrokenAt);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"Summary\" = {0} WHERE \"Sequence\" = {1}", "Mục đã bị sửa lén", 3L));
        var result = await app.WithDbAsync(db => AuditTrail.VerifyAsync(db));

        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(2, result.Checked);
        Assert.StartsWith("Mục 3 (", result.Message);
        Assert.EndsWith("đã bị sửa sau khi ghi.", result.Message);
    }

    [DatabaseTheory]
    public async Task A_changed_row_with_its_hash_recomputed_breaks_the_link_to_the_next(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AppendAsync(app, 5);

        await app.WithDbAsync(async db =>
        {
            var e = await db.AuditEntries.SingleAsync(x => x.Sequence == 3);
            e.Summary = "Mục đã bị sửa lén";
            e.Hash = AuditTrail.ComputeHash(e);
            return await db.SaveChangesAsync();
        });
        var result = await app.WithDbAsync(db => AuditTrail.VerifyAsync(db));

        Assert.Equal(4, result.BrokenAt);
        Assert.Equal("Mục 4 không nối với mục trước (mục trước đã bị sửa hoặc xóa).", result.Message);
    }

    [DatabaseTheory]
    public async Task A_row_deleted_in_the_middle_is_found(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AppendAsync(app, 5);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {0}", 3L));
        var result = await app.WithDbAsync(db => AuditTrail.VerifyAsync(db));

        Assert.Equal(4, result.BrokenAt);
        Assert.Equal(2, result.Checked);
        Assert.Equal("Thiếu mục nhật ký: sau mục 2 là mục 4 (có mục đã bị xóa).", result.Message);
    }

    [DatabaseTheory]
    public async Task Twenty_appends_at_once_make_one_chain(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var appends = Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await start.Task;
            await trail.SaveAsync(db, new AuditActor(i, $"nguoi{i}@dongminh.gov.vn", "127.0.0.1"), new AuditRecord("test.append", $"Ghi song song số {i}"));
        })).ToList();
        start.SetResult();
        await Task.WhenAll(appends);

        var entries = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Ghi song song số {i}").Order(), entries.Select(e => e.Summary).Order());
        var result = await app.WithDbAsync(db => AuditTrail.VerifyAsync(db));
        Assert.Null(result.BrokenAt);
        Assert.Equal(20, result.Checked);
    }

    /// <summary>Appends n entries, one request scope each, as the app does.</summary>
    internal static async Task AppendAsync(TestApp app, int n)
    {
        for (var i = 1; i <= n; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveAsync(scope.ServiceProvider.GetRequiredService<AppDb>(),
                new AuditActor(null, "bientap@dongminh.gov.vn", "127.0.0.1"), new AuditRecord("article.publish", $"Xuất bản tin số {i}: Hội nghị tổng kết năm"));
        }
    }
}
