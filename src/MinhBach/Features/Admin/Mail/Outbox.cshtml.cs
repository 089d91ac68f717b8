using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Mail;
using MinhBach.Features.Public;

namespace MinhBach.Features.Admin.Mail;

/// <summary>/quan-tri/thu-di: this site's outgoing mail, what was sent, what waits and why, what was given up; an editor
/// may send a given-up mail again. Without a mail server configured everything waits and the page says so.</summary>
public sealed class OutboxModel(AppDb db, AuditTrail audit, IOptions<MailOptions> options, TimeProvider clock) : AdminPageModel
{
    public const int Shown = 200;

    public IReadOnlyList<OutboxMail> Mails { get; private set; } = [];
    public bool Configured => options.Value.Configured;
    public int MaxAttempts => options.Value.MaxAttempts;
    public bool CanRetry { get; private set; }
    public (int Pending, int Sent, int GaveUp) Counts { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? msg, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        Notice = msg == "gui-lai" ? "Thư sẽ được gửi lại trong lần gửi tới." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!Access.Has(SiteRole.Editor)) return Forbid();
        var mail = await db.OutboxMails.FirstOrDefaultAsync(m => m.Id == id && m.SiteId == Site.Id, ct);
        if (mail is null) return NotFound();
        if (mail.Status == OutboxStatus.GaveUp)
        {
            mail.Status = OutboxStatus.Pending;
            mail.Attempts = 0;
            mail.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
            await audit.SaveAsync(db, Actor(), new AuditRecord("mail.retry",
                $"Gửi lại thư \"{mail.Subject}\" đến {mail.To} (lỗi lần trước: {mail.LastError}).", Site.Id, "mail",
                mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        }
        return Redirect(Url.Site("/quan-tri/thu-di?msg=gui-lai"));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Title = "Thư đi";
        await Access.LoadAsync(ct);
        if (!Access.Has(SiteRole.Editor) && Access.User?.IsProvinceReviewer != true) return false;
        CanRetry = Access.Has(SiteRole.Editor);
        var mine = db.OutboxMails.AsNoTracking().Where(m => m.SiteId == Site.Id);
        var counts = await mine.GroupBy(m => m.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        Counts = (counts.FirstOrDefault(c => c.Key == OutboxStatus.Pending)?.N ?? 0, counts.FirstOrDefault(c => c.Key == OutboxStatus.Sent)?.N ?? 0,
            counts.FirstOrDefault(c => c.Key == OutboxStatus.GaveUp)?.N ?? 0);
        // Given up first (they need someone), then waiting, then the latest sent.
        Mails = await mine.OrderByDescending(m => m.Status == OutboxStatus.GaveUp).ThenByDescending(m => m.Status == OutboxStatus.Pending)
            .ThenByDescending(m => m.Id).Take(Shown).ToListAsync(ct);
        return true;
    }

    public static string StatusText(OutboxMail m, bool configured) => m.Status switch
    {
        OutboxStatus.Sent => $"Đã gửi lúc {VnTime.DateTimeText(m.SentAt!.Value)}",
        OutboxStatus.GaveUp => $"Không gửi được, đã thôi gửi sau {m.Attempts} lần",
        _ when !configured => "Chưa gửi: chưa cấu hình máy chủ thư (Mail:Host)",
        _ when m.Attempts == 0 => "Đang chờ gửi",
        _ => $"Chưa gửi được ({m.Attempts} lần), thử lại lúc {VnTime.DateTimeText(m.NextAttemptAt)}",
    };
}
