using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Audit;
using MinhBach.Features.Mail;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;
using MinhBach.Features.Articles;
using MinhBach.Text;

namespace MinhBach.Features.Petitions;

/// <summary>What a citizen or business typed into the form.</summary>
public sealed record PetitionForm(string? Name, string? Email, string? Phone, string? Address, string? Subject, string? Content, bool Consent);

/// <summary>The public wording an editor publishes (personal data left out).</summary>
public sealed record PetitionPublishForm(string? Subject, string? Content, string? Answer);

/// <summary>The outcome of a step: done, or the Vietnamese reasons it was refused (nothing changed).</summary>
public sealed record PetitionResult(IReadOnlyList<string> Errors, Petition? Petition = null) : IRequestResult
{
    public bool Ok => Errors.Count == 0;
    IRoutedRequest? IRequestResult.Request => Petition;
    public static PetitionResult Refused(params string[] errors) => new(errors);
}

/// <summary>
/// Petitions across the units of the province: received by the site they were sent to, handled by the site they are
/// assigned to. Every change is saved with its audit entries (on each site it touches) and its outbox mail in one
/// transaction. Reads across sites are on purpose and only here: a site sees the petitions sent to it and those it handles.
/// </summary>
public sealed class PetitionService(
    AppDb db, AuditTrail audit, MailOutbox outbox, IFileStore files, RequestRouting routing, SiteDirectory directory,
    IOptions<PetitionOptions> options, TimeProvider clock, ILogger<PetitionService> log)
{
    public const int NameMax = 200;
    public const int AddressMax = 300;
    public const int SubjectMax = 300;
    public const int ContentMax = 5000;
    public const int AnswerMax = 20_000;
    public const int NoteMax = 1000;
    /// <summary>What the audit trail names as the actor of a submission: never the petitioner (personal data must stay
    /// erasable from the petition row; the trail is append-only).</summary>
    public const string Petitioner = "người gửi phản ánh";

    private PetitionOptions O => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The petitions a site is involved in: sent to it, or handled by it.</summary>
    public IQueryable<Petition> Involving(Site site) =>
        db.Petitions.IgnoreQueryFilters().Where(p => p.SiteId == site.Id || p.HandlingSiteId == site.Id);

    /// <summary>Published petitions shown on a site: those sent to it and those it answered.</summary>
    public IQueryable<Petition> PublishedOn(Site site) =>
        Involving(site).AsNoTracking().Where(p => p.Status == PetitionStatus.Published);

    public Task<Petition?> FindByCodeAsync(string code, CancellationToken ct) =>
        db.Petitions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);

    public int WorkingDaysLeft(Petition p) => routing.WorkingDaysLeft(p.DueOn);

    // ---------------------------------------------------------------------------------------------- submitting

    /// <summary>Checks the form and the attachment; on success stores the petition, its receipt mail, the notice to the
    /// site's staff and its audit entry together. The same submission key twice returns the petition already made.</summary>
    public async Task<PetitionResult> SubmitAsync(Site site, PetitionForm form, IncomingFile? attachment, string? submissionKey, string baseUrl, AuditActor actor, CancellationToken ct)
    {
        var key = RequestForms.SubmissionKey(submissionKey);
        if (key is not null && await SameFormAsync(key, ct) is { } earlier) return new PetitionResult([], earlier);

        var errors = new List<string>();
        var check = new FormCheck(errors);
        var name = check.Required(form.Name, "Họ và tên hoặc tên tổ chức", NameMax);
        var (email, phone) = RequestForms.Contact(check, errors, form.Email, form.Phone, "Hãy ghi thư điện tử hoặc số điện thoại để nhận kết quả trả lời.");
        var address = check.Optional(form.Address, "Địa chỉ", AddressMax);
        var subject = check.Required(form.Subject, "Tiêu đề phản ánh, kiến nghị", SubjectMax);
        var content = check.Required(form.Content, "Nội dung phản ánh, kiến nghị", ContentMax);
        if (!form.Consent) check.Fail("Hãy đánh dấu ô đồng ý với thông báo xử lý dữ liệu cá nhân để gửi phản ánh, kiến nghị.");
        RequestForms.CheckKey(check, submissionKey, key);
        var file = await RequestForms.AttachmentAsync(check, attachment, O.MaxAttachmentMegabytes, ct);
        if (!check.Ok) return new PetitionResult(errors);

        var now = Now;
        var p = new Petition
        {
            SiteId = site.Id, HandlingSiteId = site.Id, Code = TrackingCode.Petition.New(), SubmissionKey = key,
            PetitionerName = SearchText.Nfc(name), PetitionerEmail = email, PetitionerPhone = phone,
            PetitionerAddress = address is null ? null : SearchText.Nfc(address),
            Subject = SearchText.Nfc(subject), Content = SearchText.Nfc(content), SubmittedAt = now,
            DueOn = routing.DueFor(VnTime.Today(clock), O.AnswerWorkingDays), Status = PetitionStatus.Received,
            SubmittedBaseUrl = baseUrl, HandlingBaseUrl = baseUrl,
        };
        // Read before the file is stored: a failure here must not leave the file behind.
        var staff = await routing.StaffAsync(site, SiteRole.Editor, ct);
        // The file first (atomically), then the row; removed again when the row cannot be saved.
        var path = file is null ? null : await RequestAttachments.StoreAsync(files, p, now, file);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                db.Petitions.Add(p);
                // The receipt and the staff notice name the petition by its id, known only once saved: queued in the same transaction.
                try
                {
                    await audit.SaveAsync(db, actor, () =>
                    {
                        if (email is not null) outbox.Enqueue(db, site.Id, PetitionMails.Received(p, site, O.AnswerWorkingDays));
                        foreach (var to in staff) outbox.Enqueue(db, site.Id, PetitionMails.NewToStaff(to, p, site));
                        return new AuditRecord("petition.submit",
                            $"Nhận phản ánh, kiến nghị {p.Code} \"{p.Subject}\", hạn trả lời {VnTime.DateText(p.DueOn)}.", site.Id, "petition", Id(p.Id));
                    }, CancellationToken.None);
                    return new PetitionResult([], p);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                    // The same form a moment ago (a double click that raced), or, most unlikely, a code already taken.
                    if (key is not null && await SameFormAsync(key, ct) is { } same)
                    {
                        if (path is not null) files.Delete(path);
                        return new PetitionResult([], same);
                    }
                    p.Id = 0;
                    p.Code = TrackingCode.Petition.New();
                }
            }
        }
        catch
        {
            if (path is not null) files.Delete(path);
            throw;
        }
    }

    private Task<Petition?> SameFormAsync(string key, CancellationToken ct) =>
        db.Petitions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.SubmissionKey == key, ct);

    // ------------------------------------------------------------------------------------------- staff steps

    /// <summary>Passes the petition to another site of the province (or back to the one it was sent to).</summary>
    public async Task<PetitionResult> AssignAsync(Site current, Editor e, int id, int version, string? targetSiteId, string? note, Func<Site, string> baseUrlOf, CancellationToken ct)
    {
        var (p, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (p is null) return refused!;
        if (!p.IsOpen) return PetitionResult.Refused("Phản ánh, kiến nghị đã được trả lời; không chuyển đơn vị được nữa.");
        var (target, wrong) = await routing.TargetAsync(targetSiteId, p.HandlingSiteId, "phản ánh, kiến nghị", "Phản ánh, kiến nghị", ct);
        if (target is null) return PetitionResult.Refused(wrong!);
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleanNote?.Length > NoteMax) return PetitionResult.Refused($"Ghi chú dài quá {VietnameseText.FormatNumber(NoteMax)} ký tự.");
        var origin = (await directory.GetAsync(ct)).ById[p.SiteId];
        p.HandlingSiteId = target.Id;
        p.HandlingBaseUrl = baseUrlOf(target);
        p.Status = target.Id == p.SiteId ? PetitionStatus.Received : PetitionStatus.Assigned;
        p.AssignedAt = Now;
        p.AssignedByName = e.Name;
        p.AssignmentNote = cleanNote;
        // The new unit gets its own reminder and escalation; the deadline stays the one set on receipt.
        p.RemindedAt = null;
        p.EscalatedAt = null;
        foreach (var to in await routing.StaffAsync(target, SiteRole.Editor, ct))
            outbox.Enqueue(db, target.Id, PetitionMails.Assigned(to, p, current, target));
        var records = new List<AuditRecord>
        {
            new("petition.assign", $"Chuyển phản ánh, kiến nghị {p.Code} \"{p.Subject}\" đến {target.Name}.", current.Id, "petition", Id(p.Id)),
            new("petition.assign", $"Nhận phản ánh, kiến nghị {p.Code} \"{p.Subject}\" do {current.Name} chuyển đến, hạn trả lời {VnTime.DateText(p.DueOn)}.", target.Id, "petition", Id(p.Id)),
        };
        if (origin.Id != current.Id && origin.Id != target.Id)
            records.Add(new("petition.assign", $"Phản ánh, kiến nghị {p.Code} được {current.Name} chuyển tiếp đến {target.Name}.", origin.Id, "petition", Id(p.Id)));
        return await CommitAsync(e, p, records, ct);
    }

    public async Task<PetitionResult> AnswerAsync(Site current, Editor e, int id, int version, string? answer, CancellationToken ct)
    {
        var (p, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (p is null) return refused!;
        if (!p.IsOpen) return PetitionResult.Refused("Phản ánh, kiến nghị đã được trả lời.");
        var text = (answer ?? "").Trim();
        if (text.Length == 0) return PetitionResult.Refused("Nội dung trả lời không được để trống.");
        if (text.Length > AnswerMax) return PetitionResult.Refused($"Nội dung trả lời dài quá {VietnameseText.FormatNumber(AnswerMax)} ký tự (đang có {VietnameseText.FormatNumber(text.Length)}).");
        p.Answer = SearchText.Nfc(text);
        p.AnsweredAt = Now;
        p.AnsweredByName = e.Name;
        p.Status = PetitionStatus.Answered;
        if (p.PetitionerEmail is not null) outbox.Enqueue(db, current.Id, PetitionMails.Answered(p, current));
        var left = WorkingDaysLeft(p);
        var late = left < 0 ? $" (quá hạn {-left} ngày làm việc)" : "";
        var records = new List<AuditRecord> { new("petition.answer", $"Trả lời phản ánh, kiến nghị {p.Code} \"{p.Subject}\"{late}.", current.Id, "petition", Id(p.Id)) };
        if (p.SiteId != current.Id)
            records.Add(new("petition.answer", $"{current.Name} đã trả lời phản ánh, kiến nghị {p.Code}{late}.", p.SiteId, "petition", Id(p.Id)));
        return await CommitAsync(e, p, records, ct);
    }

    /// <summary>Publishes the petition with its answer in the public wording the editor gives (or updates it).</summary>
    public async Task<PetitionResult> PublishAsync(Site current, Editor e, int id, int version, PetitionPublishForm form, CancellationToken ct)
    {
        var (p, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (p is null) return refused!;
        if (p.IsOpen) return PetitionResult.Refused("Chỉ công khai được phản ánh, kiến nghị đã trả lời.");
        var errors = new List<string>();
        var check = new FormCheck(errors);
        var subject = check.Required(form.Subject, "Tiêu đề công khai", SubjectMax);
        var content = check.Required(form.Content, "Nội dung phản ánh công khai", ContentMax);
        var answer = check.Required(form.Answer, "Nội dung trả lời công khai", AnswerMax);
        // The petitioner's contact details must not reach the public page by a copy and paste.
        foreach (var leak in PersonalData.LeaksIn(subject + "\n" + content + "\n" + answer, p.PetitionerEmail, p.PetitionerPhone, "người gửi"))
            check.Fail(leak);
        if (!check.Ok) return new PetitionResult(errors);
        var again = p.Status == PetitionStatus.Published;
        p.PublicSubject = SearchText.Nfc(subject);
        p.PublicContent = SearchText.Nfc(content);
        p.PublicAnswer = SearchText.Nfc(answer);
        p.PublicFolded = SearchText.Normalize(p.PublicSubject + " " + p.PublicContent + " " + p.PublicAnswer);
        p.Status = PetitionStatus.Published;
        p.PublishedAt ??= Now;
        var action = again ? "petition.republish" : "petition.publish";
        var records = new List<AuditRecord>
        {
            new(action, $"{(again ? "Sửa nội dung công khai của" : "Công khai")} phản ánh, kiến nghị {p.Code} \"{p.PublicSubject}\".", current.Id, "petition", Id(p.Id)),
        };
        if (p.SiteId != current.Id)
            records.Add(new(action, $"{current.Name} {(again ? "sửa nội dung công khai của" : "công khai")} phản ánh, kiến nghị {p.Code}.", p.SiteId, "petition", Id(p.Id)));
        return await CommitAsync(e, p, records, ct);
    }

    public async Task<PetitionResult> UnpublishAsync(Site current, Editor e, int id, int version, CancellationToken ct)
    {
        var (p, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (p is null) return refused!;
        if (p.Status != PetitionStatus.Published) return PetitionResult.Refused("Phản ánh, kiến nghị chưa được công khai.");
        p.Status = PetitionStatus.Answered;
        p.PublishedAt = null;
        var records = new List<AuditRecord> { new("petition.unpublish", $"Gỡ công khai phản ánh, kiến nghị {p.Code}.", current.Id, "petition", Id(p.Id)) };
        if (p.SiteId != current.Id) records.Add(new("petition.unpublish", $"{current.Name} gỡ công khai phản ánh, kiến nghị {p.Code}.", p.SiteId, "petition", Id(p.Id)));
        return await CommitAsync(e, p, records, ct);
    }

    private const string Noun = "Phản ánh, kiến nghị";

    private async Task<(Petition?, PetitionResult?)> LoadForChangeAsync(Site current, Editor e, int id, int version, CancellationToken ct)
    {
        var (p, refusal) = await routing.LoadForChangeAsync(Involving(current), current, e, id, version, "phản ánh, kiến nghị", Noun, ct);
        return (p, refusal is null ? null : PetitionResult.Refused(refusal));
    }

    private async Task<PetitionResult> CommitAsync(Editor e, Petition p, IReadOnlyList<AuditRecord> records, CancellationToken ct) =>
        await routing.CommitAsync(e, records, Noun, ct) is { } refusal ? PetitionResult.Refused(refusal) : new PetitionResult([], p);

    // ---------------------------------------------------------------------------------------------- deadlines

    private static readonly DeadlineTexts<Petition> Deadlines = new("petition",
        PetitionMails.Reminder, PetitionMails.Escalation,
        (p, left) => $"Nhắc hạn phản ánh, kiến nghị {p.Code}: còn {left} ngày làm việc (hạn {VnTime.DateText(p.DueOn)}).",
        (p, over) => $"Phản ánh, kiến nghị {p.Code} quá hạn trả lời {over} ngày làm việc (hạn {VnTime.DateText(p.DueOn)}): đã báo trưởng ban biên tập và quản trị trang.");

    /// <summary>Reminders before the deadline and escalation after it (see <see cref="RequestRouting.SweepAsync"/>).</summary>
    public async Task<DeadlineReport> RunDeadlinesAsync(CancellationToken ct)
    {
        var report = await routing.SweepAsync(db.Petitions, p => p.Status == PetitionStatus.Received || p.Status == PetitionStatus.Assigned,
            O.ReminderWorkingDays, Deadlines, ct);
        if (report.Reminded + report.Escalated > 0)
            log.LogInformation("Phản ánh, kiến nghị: nhắc hạn {Reminded}, báo quá hạn {Escalated}.", report.Reminded, report.Escalated);
        return report;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
