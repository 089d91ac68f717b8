using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Mail;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Requests;

/// <summary>The public wording an editor publishes (personal data left out): the title, what was asked or reported,
/// the answer.</summary>
public sealed record RequestPublishForm(string? Title, string? Body, string? Answer);

/// <summary>The outcome of a step: done, or the Vietnamese reasons it was refused (nothing changed).</summary>
public sealed record RequestResult<T>(IReadOnlyList<string> Errors, T? Request = null) : IRequestResult where T : RoutedRequest
{
    public bool Ok => Errors.Count == 0;
    IRoutedRequest? IRequestResult.Request => Request;
    public static RequestResult<T> Refused(params string[] errors) => new(errors);
}

/// <summary>What the staff steps of one kind of request say.</summary>
/// <param name="Kind">Prefix of its audit actions and target type of its audit entries, e.g. "question".</param>
/// <param name="Noun">The kind at the start of a sentence, e.g. "Câu hỏi".</param>
/// <param name="noun">The kind inside a sentence, e.g. "câu hỏi".</param>
/// <param name="Requester">Who sent it, in the personal-data check, e.g. "người hỏi".</param>
/// <param name="BodyLabel">The field of the public wording of what was sent, e.g. "Câu hỏi công khai".</param>
/// <param name="BodyMax">Its longest length.</param>
/// <param name="AnswerLabel">The field of the public answer, e.g. "Câu trả lời công khai".</param>
public sealed record RequestTexts(string Kind, string Noun, string noun, string Requester, string BodyLabel, int BodyMax, string AnswerLabel);

/// <summary>The mail one kind of request sends on the staff steps and the deadline sweep.</summary>
public sealed record RequestMails<T>(
    Func<string, T, Site, Site, MailMessage> Assigned,
    Func<T, Site, MailMessage> Answered,
    Func<string, T, Site, int, MailMessage> Reminder,
    Func<string, T, Site, int, MailMessage> Escalation);

/// <summary>
/// The staff steps every kind of request shares (assign across sites, answer, publish, unpublish, the deadline sweep)
/// and the reads across sites they need. Every change is saved with its audit entries (on each site it touches) and
/// its outbox mail in one transaction. Each kind adds its public form and gives its words, mails and settings.
/// </summary>
public abstract class RequestService<T>(
    AppDb db, AuditTrail audit, MailOutbox outbox, IFileStore files, RequestRouting routing, SiteDirectory directory, TimeProvider clock)
    where T : RoutedRequest
{
    public const int TitleMax = 300;
    public const int AnswerMax = 20_000;
    public const int NoteMax = 1000;

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;
    protected DateOnly Today => routing.Today;
    // For each kind's receiving step (its parameters are given to this constructor, not kept twice).
    protected AppDb Db => db;
    protected MailOutbox Outbox => outbox;
    protected RequestRouting Routing => routing;

    protected abstract RequestTexts Texts { get; }
    protected abstract RequestMails<T> Mails { get; }
    protected abstract RequestOptions Settings { get; }
    /// <summary>When it was received (the kind's own column).</summary>
    protected abstract Expression<Func<T, DateTime>> ReceivedAtQuery { get; }
    protected abstract void LogDeadlines(DeadlineReport report);

    private static readonly Expression<Func<T, bool>> OpenQuery = InStage(RequestStage.Received, RequestStage.Assigned);
    private static readonly Expression<Func<T, bool>> AnsweredQuery = InStage(RequestStage.Answered, RequestStage.Published);
    private static readonly Expression<Func<T, bool>> PublishedQuery = InStage(RequestStage.Published);

    /// <summary>r => r.Status == a || r.Status == b …, written as C# writes it for the kind's own status enum (whose
    /// numbers are the stages'; its column is named Status for every kind, as <see cref="RoutedRequestModel"/> indexes
    /// it), so the database compares the column itself.</summary>
    private static Expression<Func<T, bool>> InStage(params RequestStage[] stages)
    {
        var r = Expression.Parameter(typeof(T), "r");
        var status = Expression.Convert(Expression.Property(r, "Status"), typeof(int));
        var test = stages.Select(s => (Expression)Expression.Equal(status, Expression.Constant((int)s))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(test, r);
    }

    /// <summary>The requests a site is involved in: received on it, or handled by it.</summary>
    public IQueryable<T> Involving(Site site) =>
        db.Set<T>().IgnoreQueryFilters().Where(r => r.SiteId == site.Id || r.HandlingSiteId == site.Id);

    /// <summary>Published requests shown on a site: those received on it and those it answered.</summary>
    public IQueryable<T> PublishedOn(Site site) => Involving(site).AsNoTracking().Where(PublishedQuery);

    /// <summary>The open ones among <paramref name="requests"/>.</summary>
    public IQueryable<T> Open(IQueryable<T> requests) => requests.Where(OpenQuery);

    /// <summary>The answered ones (published or not) among <paramref name="requests"/>.</summary>
    public IQueryable<T> Answered(IQueryable<T> requests) => requests.Where(AnsweredQuery);

    /// <summary>The most recently received first.</summary>
    public IQueryable<T> NewestFirst(IQueryable<T> requests) => requests.OrderByDescending(ReceivedAtQuery).ThenByDescending(r => r.Id);

    public Task<T?> FindByCodeAsync(string code, CancellationToken ct) =>
        db.Set<T>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);

    /// <summary>Due date of a request received on that day.</summary>
    public DateOnly DueFor(DateOnly receivedOn) => routing.DueFor(receivedOn, Settings.AnswerWorkingDays);

    /// <summary>Where the request stands against its due date.</summary>
    public Deadline DeadlineOf(T r) => routing.DeadlineOf(r.DueOn);

    // ------------------------------------------------------------------------------------------------ receiving

    /// <summary>A request already made from the form with this submission key (on that site, when named).</summary>
    protected Task<T?> SameFormAsync(string key, int? siteId, CancellationToken ct)
    {
        var same = db.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(r => r.SubmissionKey == key);
        if (siteId is { } site) same = same.Where(r => r.SiteId == site);
        return same.FirstOrDefaultAsync(ct);
    }

    /// <summary>Stores a checked new request: the attachment first (atomically), then the row with its audit entry and
    /// the mail <paramref name="describe"/> queues, in one transaction. The file is removed again when the row cannot
    /// be saved; a form that raced its own double click returns the request already made; a tracking code already
    /// taken (most unlikely) is drawn again.</summary>
    protected async Task<RequestResult<T>> ReceiveAsync(T r, RequestAttachments.Intake? file, string? key, TrackingCode codes, AuditActor actor, Func<AuditRecord> describe, CancellationToken ct)
    {
        var path = file is null ? null : await RequestAttachments.StoreAsync(files, r, r.ReceivedAt, file);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                db.Set<T>().Add(r);
                try
                {
                    // What describe queues names the request by its id, known only once saved: in the same transaction.
                    await audit.SaveAsync(db, actor, describe, CancellationToken.None);
                    return new RequestResult<T>([], r);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                    if (key is not null && await SameFormAsync(key, null, ct) is { } same)
                    {
                        if (path is not null) files.Delete(path);
                        return new RequestResult<T>([], same);
                    }
                    r.Id = 0;
                    r.Code = codes.New();
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

    /// <summary>Passes the request to another site of the province (or back to the one it was received on).</summary>
    public async Task<RequestResult<T>> AssignAsync(Site current, Editor e, int id, int version, string? targetSiteId, string? note, Func<Site, string> baseUrlOf, CancellationToken ct)
    {
        var (r, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (r is null) return refused!;
        var t = Texts;
        if (!r.IsOpen) return RequestResult<T>.Refused($"{t.Noun} đã được trả lời; không chuyển đơn vị được nữa.");
        var (target, wrong) = await routing.TargetAsync(targetSiteId, r.HandlingSiteId, t.noun, t.Noun, ct);
        if (target is null) return RequestResult<T>.Refused(wrong!);
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleanNote?.Length > NoteMax) return RequestResult<T>.Refused($"Ghi chú dài quá {VietnameseText.FormatNumber(NoteMax)} ký tự.");
        var origin = (await directory.GetAsync(ct)).ById[r.SiteId];
        r.HandlingSiteId = target.Id;
        r.HandlingBaseUrl = baseUrlOf(target);
        r.MoveTo(target.Id == r.SiteId ? RequestStage.Received : RequestStage.Assigned);
        r.AssignedAt = Now;
        r.AssignedByName = e.Name;
        r.AssignmentNote = cleanNote;
        // The new unit gets its own reminder and escalation; the deadline stays the one set on receipt.
        r.RemindedAt = null;
        r.EscalatedAt = null;
        foreach (var to in await routing.StaffAsync(target, SiteRole.Editor, ct))
            outbox.Enqueue(db, target.Id, Mails.Assigned(to, r, current, target));
        var action = $"{t.Kind}.assign";
        var records = new List<AuditRecord>
        {
            new(action, $"Chuyển {t.noun} {r.Code} \"{r.Heading}\" đến {target.Name}.", current.Id, t.Kind, Id(r.Id)),
            new(action, $"Nhận {t.noun} {r.Code} \"{r.Heading}\" do {current.Name} chuyển đến, hạn trả lời {VnTime.DateText(r.DueOn)}.", target.Id, t.Kind, Id(r.Id)),
        };
        if (origin.Id != current.Id && origin.Id != target.Id)
            records.Add(new(action, $"{t.Noun} {r.Code} được {current.Name} chuyển tiếp đến {target.Name}.", origin.Id, t.Kind, Id(r.Id)));
        return await CommitAsync(e, r, records, ct);
    }

    public async Task<RequestResult<T>> AnswerAsync(Site current, Editor e, int id, int version, string? answer, CancellationToken ct)
    {
        var (r, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (r is null) return refused!;
        var t = Texts;
        if (!r.IsOpen) return RequestResult<T>.Refused($"{t.Noun} đã được trả lời.");
        var text = (answer ?? "").Trim();
        if (text.Length == 0) return RequestResult<T>.Refused("Nội dung trả lời không được để trống.");
        if (text.Length > AnswerMax) return RequestResult<T>.Refused($"Nội dung trả lời dài quá {VietnameseText.FormatNumber(AnswerMax)} ký tự (đang có {VietnameseText.FormatNumber(text.Length)}).");
        r.Answer = SearchText.Nfc(text);
        r.AnsweredAt = Now;
        r.AnsweredByName = e.Name;
        r.MoveTo(RequestStage.Answered);
        if (r.RequesterEmail is not null) outbox.Enqueue(db, current.Id, Mails.Answered(r, current));
        var deadline = DeadlineOf(r);
        var late = deadline.IsLate ? $" ({deadline.Text})" : "";
        var records = new List<AuditRecord> { new($"{t.Kind}.answer", $"Trả lời {t.noun} {r.Code} \"{r.Heading}\"{late}.", current.Id, t.Kind, Id(r.Id)) };
        if (r.SiteId != current.Id)
            records.Add(new($"{t.Kind}.answer", $"{current.Name} đã trả lời {t.noun} {r.Code}{late}.", r.SiteId, t.Kind, Id(r.Id)));
        return await CommitAsync(e, r, records, ct);
    }

    /// <summary>Publishes the request with its answer in the public wording the editor gives (or updates it).</summary>
    public async Task<RequestResult<T>> PublishAsync(Site current, Editor e, int id, int version, RequestPublishForm form, CancellationToken ct)
    {
        var (r, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (r is null) return refused!;
        var t = Texts;
        if (r.IsOpen) return RequestResult<T>.Refused($"Chỉ công khai được {t.noun} đã trả lời.");
        var errors = new List<string>();
        var check = new FormCheck(errors);
        var title = check.Required(form.Title, "Tiêu đề công khai", TitleMax);
        var body = check.Required(form.Body, t.BodyLabel, t.BodyMax);
        var answer = check.Required(form.Answer, t.AnswerLabel, AnswerMax);
        // The requester's contact details must not reach the public page by a copy and paste.
        foreach (var leak in PersonalData.LeaksIn(title + "\n" + body + "\n" + answer, r.RequesterEmail, r.RequesterPhone, t.Requester))
            check.Fail(leak);
        if (!check.Ok) return new RequestResult<T>(errors);
        var again = r.Stage == RequestStage.Published;
        r.SetPublicWording(SearchText.Nfc(title), SearchText.Nfc(body));
        r.PublicAnswer = SearchText.Nfc(answer);
        r.PublicFolded = SearchText.Normalize(r.PublicHeading + " " + r.PublicBody + " " + r.PublicAnswer);
        r.MoveTo(RequestStage.Published);
        r.PublishedAt ??= Now;
        var action = again ? $"{t.Kind}.republish" : $"{t.Kind}.publish";
        var records = new List<AuditRecord>
        {
            new(action, $"{(again ? "Sửa nội dung công khai của" : "Công khai")} {t.noun} {r.Code} \"{r.PublicHeading}\".", current.Id, t.Kind, Id(r.Id)),
        };
        if (r.SiteId != current.Id)
            records.Add(new(action, $"{current.Name} {(again ? "sửa nội dung công khai của" : "công khai")} {t.noun} {r.Code}.", r.SiteId, t.Kind, Id(r.Id)));
        return await CommitAsync(e, r, records, ct);
    }

    public async Task<RequestResult<T>> UnpublishAsync(Site current, Editor e, int id, int version, CancellationToken ct)
    {
        var (r, refused) = await LoadForChangeAsync(current, e, id, version, ct);
        if (r is null) return refused!;
        var t = Texts;
        if (r.Stage != RequestStage.Published) return RequestResult<T>.Refused($"{t.Noun} chưa được công khai.");
        r.MoveTo(RequestStage.Answered);
        r.PublishedAt = null;
        var records = new List<AuditRecord> { new($"{t.Kind}.unpublish", $"Gỡ công khai {t.noun} {r.Code}.", current.Id, t.Kind, Id(r.Id)) };
        if (r.SiteId != current.Id) records.Add(new($"{t.Kind}.unpublish", $"{current.Name} gỡ công khai {t.noun} {r.Code}.", r.SiteId, t.Kind, Id(r.Id)));
        return await CommitAsync(e, r, records, ct);
    }

    private async Task<(T?, RequestResult<T>?)> LoadForChangeAsync(Site current, Editor e, int id, int version, CancellationToken ct)
    {
        var (r, refusal) = await routing.LoadForChangeAsync(Involving(current), current, e, id, version, Texts.noun, Texts.Noun, ct);
        return (r, refusal is null ? null : RequestResult<T>.Refused(refusal));
    }

    private async Task<RequestResult<T>> CommitAsync(Editor e, T r, IReadOnlyList<AuditRecord> records, CancellationToken ct) =>
        await routing.CommitAsync(e, records, Texts.Noun, ct) is { } refusal ? RequestResult<T>.Refused(refusal) : new RequestResult<T>([], r);

    // ---------------------------------------------------------------------------------------------- deadlines

    /// <summary>Reminders before the deadline and escalation after it (see <see cref="RequestRouting.SweepAsync"/>).</summary>
    public async Task<DeadlineReport> RunDeadlinesAsync(CancellationToken ct)
    {
        var t = Texts;
        var texts = new DeadlineTexts<T>(t.Kind, Mails.Reminder, Mails.Escalation,
            (r, left) => $"Nhắc hạn {t.noun} {r.Code}: còn {left} ngày làm việc (hạn {VnTime.DateText(r.DueOn)}).",
            (r, over) => $"{t.Noun} {r.Code} quá hạn trả lời{Deadline.By(over)} (hạn {VnTime.DateText(r.DueOn)}): đã báo trưởng ban biên tập và quản trị trang.");
        var report = await routing.SweepAsync(db.Set<T>(), OpenQuery, Settings.ReminderWorkingDays, texts, ct);
        if (report.Reminded + report.Escalated > 0) LogDeadlines(report);
        return report;
    }

    protected static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
