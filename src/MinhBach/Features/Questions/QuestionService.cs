using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Mail;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Questions;

/// <summary>What a citizen typed into the form.</summary>
public sealed record AskForm(string? Name, string? Email, string? Phone, string? Topic, string? Title, string? Body, bool Consent);

/// <summary>The public wording an editor publishes (personal data left out).</summary>
public sealed record PublishForm(string? Title, string? Question, string? Answer);

/// <summary>The outcome of a step: done, or the Vietnamese reasons it was refused (nothing changed).</summary>
public sealed record QuestionResult(IReadOnlyList<string> Errors, Question? Question = null) : IRequestResult
{
    public bool Ok => Errors.Count == 0;
    IRoutedRequest? IRequestResult.Request => Question;
    public static QuestionResult Refused(params string[] errors) => new(errors);
}

/// <summary>
/// Q&amp;A across the units of the province: a question is received by the site it was asked on and answered by the
/// site it is assigned to (the same one or another). Every change is saved with its audit entries (on each site it
/// touches) and its outbox mail in one transaction. Reads across sites are on purpose and only here: a site sees the
/// questions asked on it and those it handles.
/// </summary>
public sealed class QuestionService(
    AppDb db, AuditTrail audit, MailOutbox outbox, IFileStore files, RequestRouting routing, SiteDirectory directory,
    IOptions<QuestionOptions> options, TimeProvider clock, ILogger<QuestionService> log)
{
    public const int NameMax = 200;
    public const int TitleMax = 300;
    public const int BodyMax = 4000;
    public const int AnswerMax = 20_000;
    public const int NoteMax = 1000;

    private QuestionOptions O => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => VnTime.Today(clock);

    /// <summary>The questions a site is involved in: asked on it, or handled by it.</summary>
    public IQueryable<Question> Involving(Site site) =>
        db.Questions.IgnoreQueryFilters().Where(q => q.SiteId == site.Id || q.HandlingSiteId == site.Id);

    /// <summary>Published questions shown on a site: those asked on it and those it answered.</summary>
    public IQueryable<Question> PublishedOn(Site site) =>
        Involving(site).AsNoTracking().Where(q => q.Status == QuestionStatus.Published);

    public Task<Question?> FindByCodeAsync(string code, CancellationToken ct) =>
        db.Questions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(q => q.Code == code, ct);

    /// <summary>Due date of a question received now.</summary>
    public DateOnly DueFor(DateOnly receivedOn) => routing.DueFor(receivedOn, O.AnswerWorkingDays);

    /// <summary>Working days left before the due date (0 on the day itself), negative once overdue.</summary>
    public int WorkingDaysLeft(Question q) => routing.WorkingDaysLeft(q.DueOn);

    public bool IsOverdue(Question q) => q.IsOpen && q.DueOn < Today;

    // ------------------------------------------------------------------------------------------------ asking

    /// <summary>Checks the form and the attachment; on success stores the question, its receipt mail and its audit
    /// entry together. The same submission key twice returns the question already made (a double click).</summary>
    public async Task<QuestionResult> AskAsync(Site site, AskForm form, IncomingFile? attachment, string? submissionKey, string baseUrl, AuditActor actor, CancellationToken ct)
    {
        var key = RequestForms.SubmissionKey(submissionKey);
        if (key is not null && await db.Questions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(q => q.SubmissionKey == key && q.SiteId == site.Id, ct) is { } earlier)
            return new QuestionResult([], earlier);

        var errors = new List<string>();
        var check = new FormCheck(errors);
        var name = check.Required(form.Name, "Họ và tên", NameMax);
        var (email, phone) = RequestForms.Contact(check, errors, form.Email, form.Phone, "Hãy ghi thư điện tử hoặc số điện thoại để nhận trả lời.");
        var topic = form.Topic?.Trim() ?? "";
        if (!QuestionTopics.All.Contains(topic)) check.Fail("Hãy chọn lĩnh vực của câu hỏi trong danh sách.");
        var title = check.Required(form.Title, "Tiêu đề câu hỏi", TitleMax);
        var body = check.Required(form.Body, "Nội dung câu hỏi", BodyMax);
        if (!form.Consent) check.Fail("Hãy đánh dấu ô đồng ý với thông báo xử lý dữ liệu cá nhân để gửi câu hỏi.");
        RequestForms.CheckKey(check, submissionKey, key);

        var file = await RequestForms.AttachmentAsync(check, attachment, O.MaxAttachmentMegabytes, ct);
        if (!check.Ok) return new QuestionResult(errors);

        var now = Now;
        var q = new Question
        {
            SiteId = site.Id, HandlingSiteId = site.Id, Code = TrackingCode.Question.New(), SubmissionKey = key,
            AskerName = SearchText.Nfc(name), AskerEmail = email, AskerPhone = phone, Topic = topic,
            Title = SearchText.Nfc(title), Body = SearchText.Nfc(body), AskedAt = now, DueOn = DueFor(VnTime.Today(clock)),
            Status = QuestionStatus.Received, AskedBaseUrl = baseUrl, HandlingBaseUrl = baseUrl,
        };
        // The file first (atomically), then the row; removed again when the row cannot be saved.
        var path = file is null ? null : await RequestAttachments.StoreAsync(files, q, now, file);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                db.Questions.Add(q);
                try
                {
                    await audit.SaveAsync(db, actor, () =>
                    {
                        // The receipt names the question by its id, known only once saved: queued in the same transaction.
                        if (email is not null) outbox.Enqueue(db, site.Id, QuestionMails.Received(q, site, O.AnswerWorkingDays));
                        return new AuditRecord("question.ask",
                            $"Nhận câu hỏi {q.Code} \"{q.Title}\" (lĩnh vực {q.Topic}), hạn trả lời {VnTime.DateText(q.DueOn)}.", site.Id, "question", Id(q.Id));
                    }, CancellationToken.None);
                    return new QuestionResult([], q);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                    // The same form a moment ago (a double click that raced), or, most unlikely, a code already taken.
                    if (key is not null && await db.Questions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.SubmissionKey == key, ct) is { } same)
                    {
                        if (path is not null) files.Delete(path);
                        return new QuestionResult([], same);
                    }
                    q.Id = 0;
                    q.Code = TrackingCode.Question.New();
                }
            }
        }
        catch
        {
            if (path is not null) files.Delete(path);
            throw;
        }
    }

    // ------------------------------------------------------------------------------------------- staff steps

    /// <summary>Passes the question to another site of the province (or back to the one it was asked on).</summary>
    public async Task<QuestionResult> AssignAsync(Site current, Editor e, int id, int version, string? targetSiteId, string? note, Func<Site, string> baseUrlOf, CancellationToken ct)
    {
        var (q, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (q is null) return refused!;
        if (!q.IsOpen) return QuestionResult.Refused("Câu hỏi đã được trả lời; không chuyển đơn vị được nữa.");
        var (target, wrong) = await routing.TargetAsync(targetSiteId, q.HandlingSiteId, "câu hỏi", "Câu hỏi", ct);
        if (target is null) return QuestionResult.Refused(wrong!);
        var snap = await directory.GetAsync(ct);
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleanNote?.Length > NoteMax) return QuestionResult.Refused($"Ghi chú dài quá {VietnameseText.FormatNumber(NoteMax)} ký tự.");
        var origin = snap.ById[q.SiteId];
        var from = current;
        q.HandlingSiteId = target.Id;
        q.HandlingBaseUrl = baseUrlOf(target);
        q.Status = target.Id == q.SiteId ? QuestionStatus.Received : QuestionStatus.Assigned;
        q.AssignedAt = Now;
        q.AssignedByName = e.Name;
        q.AssignmentNote = cleanNote;
        // The new unit gets its own reminder and escalation; the legal deadline stays the one set on receipt.
        q.RemindedAt = null;
        q.EscalatedAt = null;
        foreach (var to in await routing.StaffAsync(target, SiteRole.Editor, ct))
            outbox.Enqueue(db, target.Id, QuestionMails.Assigned(to, q, from, target));
        var records = new List<AuditRecord>
        {
            new("question.assign", $"Chuyển câu hỏi {q.Code} \"{q.Title}\" đến {target.Name}.", from.Id, "question", Id(q.Id)),
            new("question.assign", $"Nhận câu hỏi {q.Code} \"{q.Title}\" do {from.Name} chuyển đến, hạn trả lời {VnTime.DateText(q.DueOn)}.", target.Id, "question", Id(q.Id)),
        };
        if (origin.Id != from.Id && origin.Id != target.Id)
            records.Add(new("question.assign", $"Câu hỏi {q.Code} được {from.Name} chuyển tiếp đến {target.Name}.", origin.Id, "question", Id(q.Id)));
        return await CommitAsync(e, q, records, ct);
    }

    public async Task<QuestionResult> AnswerAsync(Site current, Editor e, int id, int version, string? answer, CancellationToken ct)
    {
        var (q, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (q is null) return refused!;
        if (!q.IsOpen) return QuestionResult.Refused("Câu hỏi đã được trả lời.");
        var text = (answer ?? "").Trim();
        if (text.Length == 0) return QuestionResult.Refused("Nội dung trả lời không được để trống.");
        if (text.Length > AnswerMax) return QuestionResult.Refused($"Nội dung trả lời dài quá {VietnameseText.FormatNumber(AnswerMax)} ký tự (đang có {VietnameseText.FormatNumber(text.Length)}).");
        q.Answer = SearchText.Nfc(text);
        q.AnsweredAt = Now;
        q.AnsweredByName = e.Name;
        q.Status = QuestionStatus.Answered;
        if (q.AskerEmail is not null) outbox.Enqueue(db, current.Id, QuestionMails.Answered(q, current));
        var late = q.DueOn < Today ? $" (quá hạn {-WorkingDaysLeft(q)} ngày làm việc)" : "";
        var records = new List<AuditRecord> { new("question.answer", $"Trả lời câu hỏi {q.Code} \"{q.Title}\"{late}.", current.Id, "question", Id(q.Id)) };
        if (q.SiteId != current.Id)
            records.Add(new("question.answer", $"{current.Name} đã trả lời câu hỏi {q.Code}{late}.", q.SiteId, "question", Id(q.Id)));
        return await CommitAsync(e, q, records, ct);
    }

    /// <summary>Publishes the question with its answer in the public wording the editor gives (or updates it).</summary>
    public async Task<QuestionResult> PublishAsync(Site current, Editor e, int id, int version, PublishForm form, CancellationToken ct)
    {
        var (q, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (q is null) return refused!;
        if (q.IsOpen) return QuestionResult.Refused("Chỉ công khai được câu hỏi đã trả lời.");
        var errors = new List<string>();
        var check = new FormCheck(errors);
        var title = check.Required(form.Title, "Tiêu đề công khai", TitleMax);
        var question = check.Required(form.Question, "Câu hỏi công khai", BodyMax);
        var answer = check.Required(form.Answer, "Câu trả lời công khai", AnswerMax);
        // The asker's contact details must not reach the public page by a copy and paste.
        foreach (var leak in PersonalData.LeaksIn(title + "\n" + question + "\n" + answer, q.AskerEmail, q.AskerPhone, "người hỏi"))
            check.Fail(leak);
        if (!check.Ok) return new QuestionResult(errors);
        var again = q.Status == QuestionStatus.Published;
        q.PublicTitle = SearchText.Nfc(title);
        q.PublicQuestion = SearchText.Nfc(question);
        q.PublicAnswer = SearchText.Nfc(answer);
        q.PublicFolded = SearchText.Normalize(q.PublicTitle + " " + q.PublicQuestion + " " + q.PublicAnswer);
        q.Status = QuestionStatus.Published;
        q.PublishedAt ??= Now;
        var records = new List<AuditRecord>
        {
            new(again ? "question.republish" : "question.publish", $"{(again ? "Sửa nội dung công khai của" : "Công khai")} câu hỏi {q.Code} \"{q.PublicTitle}\".", current.Id, "question", Id(q.Id)),
        };
        if (q.SiteId != current.Id)
            records.Add(new(again ? "question.republish" : "question.publish", $"{current.Name} {(again ? "sửa nội dung công khai của" : "công khai")} câu hỏi {q.Code}.", q.SiteId, "question", Id(q.Id)));
        return await CommitAsync(e, q, records, ct);
    }

    public async Task<QuestionResult> UnpublishAsync(Site current, Editor e, int id, int version, CancellationToken ct)
    {
        var (q, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (q is null) return refused!;
        if (q.Status != QuestionStatus.Published) return QuestionResult.Refused("Câu hỏi chưa được công khai.");
        q.Status = QuestionStatus.Answered;
        q.PublishedAt = null;
        var records = new List<AuditRecord> { new("question.unpublish", $"Gỡ công khai câu hỏi {q.Code}.", current.Id, "question", Id(q.Id)) };
        if (q.SiteId != current.Id) records.Add(new("question.unpublish", $"{current.Name} gỡ công khai câu hỏi {q.Code}.", q.SiteId, "question", Id(q.Id)));
        return await CommitAsync(e, q, records, ct);
    }

    private const string Noun = "Câu hỏi";

    private async Task<(Question?, QuestionResult?)> LoadForChangeAsync(Site current, Editor e, int id, int version, CancellationToken ct)
    {
        var (q, refusal) = await routing.LoadForChangeAsync(Involving(current), current, e, id, version, "câu hỏi", Noun, ct);
        return (q, refusal is null ? null : QuestionResult.Refused(refusal));
    }

    private async Task<QuestionResult> CommitAsync(Editor e, Question q, IReadOnlyList<AuditRecord> records, CancellationToken ct) =>
        await routing.CommitAsync(e, records, Noun, ct) is { } refusal ? QuestionResult.Refused(refusal) : new QuestionResult([], q);

    // ---------------------------------------------------------------------------------------------- deadlines

    private static readonly DeadlineTexts<Question> Deadlines = new("question",
        QuestionMails.Reminder, QuestionMails.Escalation,
        (q, left) => $"Nhắc hạn câu hỏi {q.Code}: còn {left} ngày làm việc (hạn {VnTime.DateText(q.DueOn)}).",
        (q, over) => $"Câu hỏi {q.Code} quá hạn trả lời {over} ngày làm việc (hạn {VnTime.DateText(q.DueOn)}): đã báo trưởng ban biên tập và quản trị trang.");

    /// <summary>Reminders before the deadline and escalation after it (see <see cref="RequestRouting.SweepAsync"/>).</summary>
    public async Task<DeadlineReport> RunDeadlinesAsync(CancellationToken ct)
    {
        var report = await routing.SweepAsync(db.Questions, q => q.Status == QuestionStatus.Received || q.Status == QuestionStatus.Assigned,
            O.ReminderWorkingDays, Deadlines, ct);
        if (report.Reminded + report.Escalated > 0)
            log.LogInformation("Hỏi đáp: nhắc hạn {Reminded} câu hỏi, báo quá hạn {Escalated} câu hỏi.", report.Reminded, report.Escalated);
        return report;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
