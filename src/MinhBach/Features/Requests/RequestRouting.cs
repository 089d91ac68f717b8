using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Mail;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Requests;

/// <summary>
/// A request from a citizen or business that one site receives and one unit of the province handles, with a deadline
/// in working days: a question (hỏi đáp) or a petition (phản ánh, kiến nghị). Each is its own record; this is what the
/// routing and the deadline sweep need of it.
/// </summary>
public interface IRoutedRequest : ISiteOwned, IVersioned
{
    /// <summary>The site that handles it (the one it was received on, or another site of the province).</summary>
    int HandlingSiteId { get; }
    string Code { get; }
    DateOnly DueOn { get; }
    DateTime? RemindedAt { get; set; }
    DateTime? EscalatedAt { get; set; }
    bool IsOpen { get; }
}

/// <summary>What the deadline sweep says and sends about one kind of request.</summary>
public sealed record DeadlineTexts<T>(
    string Kind,
    Func<string, T, Site, int, MailMessage> ReminderMail,
    Func<string, T, Site, int, MailMessage> EscalationMail,
    Func<T, int, string> ReminderSummary,
    Func<T, int, string> EscalationSummary);

/// <summary>What one deadline sweep did.</summary>
public sealed record DeadlineReport(int Reminded, int Escalated);

/// <summary>
/// What questions and petitions share: the deadline in working days (Catalogue/WorkingCalendar), the choice of the
/// unit a request is passed to, the staff who are told, the check that public wording carries no personal contact,
/// and the sweep that reminds before the deadline and escalates after it.
/// </summary>
public sealed class RequestRouting(AppDb db, AuditTrail audit, MailOutbox outbox, WorkingCalendar calendar, SiteDirectory directory, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => VnTime.Today(clock);

    /// <summary>The last day to answer a request received on <paramref name="receivedOn"/>.</summary>
    public DateOnly DueFor(DateOnly receivedOn, int workingDays) => calendar.AddWorkingDays(receivedOn, workingDays);

    /// <summary>Where a request due on <paramref name="dueOn"/> stands today.</summary>
    public Deadline DeadlineOf(DateOnly dueOn) => new(dueOn, Today, calendar.WorkingDaysBetween(Today, dueOn));

    /// <summary>The site a request is passed to, from the value of the form's list: an active site of the province
    /// other than the one handling it now; otherwise the Vietnamese reason.</summary>
    public async Task<(Site? Target, string? Error)> TargetAsync(string? targetSiteId, int handlingSiteId, string noun, string Noun, CancellationToken ct)
    {
        var snap = await directory.GetAsync(ct);
        if (!int.TryParse(targetSiteId, NumberStyles.None, CultureInfo.InvariantCulture, out var tid) || !snap.ById.TryGetValue(tid, out var target) || target.Status != SiteStatus.Active)
            return (null, $"Hãy chọn một đơn vị trong danh sách để chuyển {noun}.");
        if (target.Id == handlingSiteId) return (null, $"{Noun} đang do {target.Name} xử lý; hãy chọn đơn vị khác.");
        return (target, null);
    }

    /// <summary>Addresses of the site's people with at least this role; the site's own address when it has none.</summary>
    public async Task<List<string>> StaffAsync(Site site, SiteRole minimum, CancellationToken ct)
    {
        var emails = await db.SiteMemberships.AsNoTracking().Where(m => m.SiteId == site.Id && m.Role >= minimum)
            .Select(m => m.User!.Email).Where(x => x != null && x != "").Distinct().ToListAsync(ct);
        var list = emails.Select(x => x!).OrderBy(x => x, StringComparer.Ordinal).ToList();
        if (list.Count == 0 && !string.IsNullOrWhiteSpace(site.Email)) list.Add(site.Email.Trim());
        return list;
    }

    /// <summary>The request a staff step changes: one the current site handles, by an editor or above, still at the
    /// version the form was loaded with; otherwise the Vietnamese reason (<paramref name="noun"/>: "câu hỏi").</summary>
    public async Task<(T? Request, string? Refusal)> LoadForChangeAsync<T>(IQueryable<T> involving, Site current, Editor e, int id, int version, string noun, string Noun, CancellationToken ct)
        where T : class, IRoutedRequest
    {
        if (e.Role is null || e.Role < SiteRole.Editor)
            return (null, $"Chỉ biên tập viên trở lên của {current.Name} được xử lý {noun}.");
        var r = await involving.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return (null, $"Không tìm thấy {noun}.");
        if (r.HandlingSiteId != current.Id)
        {
            var handler = (await directory.GetAsync(ct)).ById.GetValueOrDefault(r.HandlingSiteId)?.Name ?? "đơn vị khác";
            return (null, $"{Noun} đang do {handler} xử lý; trang này chỉ xem được.");
        }
        if (r.Version != version) return (null, $"{Noun} vừa được người khác xử lý; hãy tải lại trang.");
        return (r, null);
    }

    /// <summary>Saves a staff step with its audit entries (and any queued mail); the reason when someone else changed
    /// the request meanwhile, null when saved.</summary>
    public async Task<string?> CommitAsync(Editor e, IReadOnlyList<AuditRecord> records, string Noun, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, e.Audit, () => records, ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return $"{Noun} vừa được người khác xử lý; hãy tải lại trang.";
        }
    }

    /// <summary>
    /// Reminds the handling unit's editors of every open request with <paramref name="reminderWorkingDays"/> or fewer
    /// days left, and escalates to its editors-in-chief and administrators every one past its due date; each once per
    /// handling unit, each with its mail and audit entry in one transaction. Safe on several nodes: a request that
    /// another run (or a person) changed meanwhile is left, as its version moved.
    /// </summary>
    public async Task<DeadlineReport> SweepAsync<T>(DbSet<T> set, Expression<Func<T, bool>> open, int reminderWorkingDays, DeadlineTexts<T> texts, CancellationToken ct)
        where T : class, IRoutedRequest
    {
        var today = Today;
        var reminderFrom = calendar.AddWorkingDays(today, reminderWorkingDays);
        var due = await set.IgnoreQueryFilters().AsNoTracking().Where(open)
            .Where(r => (r.EscalatedAt == null && r.DueOn < today) || (r.RemindedAt == null && r.DueOn <= reminderFrom))
            .OrderBy(r => r.DueOn).Select(r => r.Id).ToListAsync(ct);
        var snap = await directory.GetAsync(ct);
        int reminded = 0, escalated = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var r = await set.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (r is null || !r.IsOpen || !snap.ById.TryGetValue(r.HandlingSiteId, out var handling)) continue;
            var left = calendar.WorkingDaysBetween(today, r.DueOn);
            var rid = r.Id.ToString(CultureInfo.InvariantCulture);
            AuditRecord record;
            bool escalation;
            if (r.DueOn < today && r.EscalatedAt is null)
            {
                r.EscalatedAt = Now;
                r.RemindedAt ??= Now;
                foreach (var to in await StaffAsync(handling, SiteRole.EditorInChief, ct))
                    outbox.Enqueue(db, handling.Id, texts.EscalationMail(to, r, handling, -left));
                record = new($"{texts.Kind}.escalate", texts.EscalationSummary(r, -left), handling.Id, texts.Kind, rid);
                escalation = true;
            }
            else if (r.RemindedAt is null && r.DueOn >= today)
            {
                r.RemindedAt = Now;
                foreach (var to in await StaffAsync(handling, SiteRole.Editor, ct))
                    outbox.Enqueue(db, handling.Id, texts.ReminderMail(to, r, handling, left));
                record = new($"{texts.Kind}.remind", texts.ReminderSummary(r, left), handling.Id, texts.Kind, rid);
                escalation = false;
            }
            else continue;
            try
            {
                await audit.SaveAsync(db, AuditActor.System, record, ct);
                if (escalation) escalated++; else reminded++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone answered or passed it on meanwhile, or another node did this one: nothing to do.
            }
        }
        db.ChangeTracker.Clear();
        return new DeadlineReport(reminded, escalated);
    }
}

public static class RequestRoutingSetup
{
    /// <summary>Shared by Q&amp;A, petitions and consultations; each calls it, the service is registered once.</summary>
    public static IServiceCollection AddRequestRouting(this IServiceCollection services)
    {
        services.TryAddScoped<RequestRouting>();
        return services;
    }
}

/// <summary>Public wording must not carry the requester's contact details (copied and pasted from the request).</summary>
public static partial class PersonalData
{
    /// <summary>The Vietnamese reasons the public text still holds the e-mail address or the phone number (digits
    /// compared without spaces or dots, so "0912.345.678" is caught for "0912 345 678"); empty when it holds neither.</summary>
    public static IReadOnlyList<string> LeaksIn(string publicText, string? email, string? phone, string who)
    {
        var found = new List<string>();
        if (!string.IsNullOrEmpty(email) && publicText.Contains(email, StringComparison.OrdinalIgnoreCase))
            found.Add($"Nội dung công khai còn thư điện tử của {who}; hãy bỏ thông tin cá nhân trước khi công khai.");
        var digits = Digits(phone);
        if (digits.Length >= 6 && NumberRun().Matches(publicText).Any(m => Digits(m.Value).Contains(digits, StringComparison.Ordinal)))
            found.Add($"Nội dung công khai còn số điện thoại của {who}; hãy bỏ thông tin cá nhân trước khi công khai.");
        return found;
    }

    /// <summary>A number as people write a phone number: digits with spaces, dots, dashes or brackets between them.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\+?\d[\d .()\-]*\d")]
    private static partial System.Text.RegularExpressions.Regex NumberRun();

    private static string Digits(string? s) => s is null ? "" : new string(s.Where(char.IsAsciiDigit).ToArray());
}

/// <summary>
/// Where a request stands against its due date. It is late from the day after the due date, as the overdue lists, the
/// escalation and the statistics count it; by how many working days, which is none on the weekend after a Friday deadline.
/// </summary>
/// <param name="WorkingDaysLeft">Working days left before the due date (0 on the day itself), negative once a working
/// day has passed since.</param>
public readonly record struct Deadline(DateOnly DueOn, DateOnly Today, int WorkingDaysLeft)
{
    public bool IsLate => DueOn < Today;

    /// <summary>"còn 3 ngày làm việc", "quá hạn 2 ngày làm việc", or "quá hạn" when no working day has passed since.</summary>
    public string Text => !IsLate ? $"còn {WorkingDaysLeft} ngày làm việc" : "quá hạn" + By(-WorkingDaysLeft);

    /// <summary>" 2 ngày làm việc" after "quá hạn", or nothing when no working day has passed since the due date.</summary>
    public static string By(int workingDaysOver) => workingDaysOver > 0 ? $" {workingDaysOver} ngày làm việc" : "";
}
