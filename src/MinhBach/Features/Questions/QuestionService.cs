using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Admin;
using MinhBach.Features.Audit;
using MinhBach.Features.Mail;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Questions;

/// <summary>What a citizen typed into the form.</summary>
public sealed record AskForm(string? Name, string? Email, string? Phone, string? Topic, string? Title, string? Body, bool Consent);

/// <summary>
/// Q&amp;A across the units of the province: a question is received by the site it was asked on and answered by the
/// site it is assigned to (the same one or another). The staff steps are shared with petitions
/// (<see cref="RequestService{T}"/>); here are the form, the words and the mails of Q&amp;A. Reads across sites are on
/// purpose and only here: a site sees the questions asked on it and those it handles.
/// </summary>
public sealed class QuestionService(
    AppDb db, AuditTrail audit, MailOutbox outbox, IFileStore files, RequestRouting routing, SiteDirectory directory,
    IOptions<QuestionOptions> options, TimeProvider clock, ILogger<QuestionService> log)
    : RequestService<Question>(db, audit, outbox, files, routing, directory, clock)
{
    public const int NameMax = 200;
    public const int BodyMax = 4000;

    private static readonly RequestTexts Words = new("question", "Câu hỏi", "câu hỏi", "người hỏi",
        "Câu hỏi công khai", BodyMax, "Câu trả lời công khai");

    private QuestionOptions O => options.Value;

    private static readonly RequestMails<Question> MailTexts = new(QuestionMails.Assigned, QuestionMails.Answered, QuestionMails.Reminder, QuestionMails.Escalation);

    protected override RequestTexts Texts => Words;
    protected override RequestMails<Question> Mails => MailTexts;
    protected override RequestOptions Settings => O;
    protected override Expression<Func<Question, DateTime>> ReceivedAtQuery => q => q.AskedAt;

    protected override void LogDeadlines(DeadlineReport report) =>
        log.LogInformation("Hỏi đáp: nhắc hạn {Reminded} câu hỏi, báo quá hạn {Escalated} câu hỏi.", report.Reminded, report.Escalated);

    /// <summary>Checks the form and the attachment; on success stores the question, its receipt mail and its audit
    /// entry together. The same submission key twice returns the question already made (a double click).</summary>
    public async Task<RequestResult<Question>> AskAsync(Site site, AskForm form, IncomingFile? attachment, string? submissionKey, string baseUrl, AuditActor actor, CancellationToken ct)
    {
        var key = RequestForms.SubmissionKey(submissionKey);
        if (key is not null && await SameFormAsync(key, site.Id, ct) is { } earlier)
            return new RequestResult<Question>([], earlier);

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
        if (!check.Ok) return new RequestResult<Question>(errors);

        var q = new Question
        {
            SiteId = site.Id, HandlingSiteId = site.Id, Code = TrackingCode.Question.New(), SubmissionKey = key,
            AskerName = SearchText.Nfc(name), AskerEmail = email, AskerPhone = phone, Topic = topic,
            Title = SearchText.Nfc(title), Body = SearchText.Nfc(body), AskedAt = Now, DueOn = DueFor(Today),
            Status = QuestionStatus.Received, AskedBaseUrl = baseUrl, HandlingBaseUrl = baseUrl,
        };
        return await ReceiveAsync(q, file, key, TrackingCode.Question, actor, () =>
        {
            if (email is not null) Outbox.Enqueue(Db, site.Id, QuestionMails.Received(q, site, O.AnswerWorkingDays));
            return new AuditRecord("question.ask",
                $"Nhận câu hỏi {q.Code} \"{q.Title}\" (lĩnh vực {q.Topic}), hạn trả lời {VnTime.DateText(q.DueOn)}.", site.Id, "question", Id(q.Id));
        }, ct);
    }
}
