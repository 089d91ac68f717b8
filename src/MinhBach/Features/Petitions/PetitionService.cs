using System.Linq.Expressions;
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
using MinhBach.Text;

namespace MinhBach.Features.Petitions;

/// <summary>What a citizen or business typed into the form.</summary>
public sealed record PetitionForm(string? Name, string? Email, string? Phone, string? Address, string? Subject, string? Content, bool Consent);

/// <summary>
/// Petitions across the units of the province: received by the site they were sent to, handled by the site they are
/// assigned to. The staff steps are shared with Q&amp;A (<see cref="RequestService{T}"/>); here are the form, the words
/// and the mails of petitions. Reads across sites are on purpose and only here: a site sees the petitions sent to it
/// and those it handles.
/// </summary>
public sealed class PetitionService(
    AppDb db, AuditTrail audit, MailOutbox outbox, IFileStore files, RequestRouting routing, SiteDirectory directory,
    IOptions<PetitionOptions> options, TimeProvider clock, ILogger<PetitionService> log)
    : RequestService<Petition>(db, audit, outbox, files, routing, directory, clock)
{
    public const int NameMax = 200;
    public const int AddressMax = 300;
    public const int SubjectMax = TitleMax;
    public const int ContentMax = 5000;
    /// <summary>What the audit trail names as the actor of a submission: never the petitioner (personal data must stay
    /// erasable from the petition row; the trail is append-only).</summary>
    public const string Petitioner = "người gửi phản ánh";

    private static readonly RequestTexts Words = new("petition", "Phản ánh, kiến nghị", "phản ánh, kiến nghị", "người gửi",
        "Nội dung phản ánh công khai", ContentMax, "Nội dung trả lời công khai");

    private PetitionOptions O => options.Value;

    private static readonly RequestMails<Petition> MailTexts = new(PetitionMails.Assigned, PetitionMails.Answered, PetitionMails.Reminder, PetitionMails.Escalation);

    protected override RequestTexts Texts => Words;
    protected override RequestMails<Petition> Mails => MailTexts;
    protected override RequestOptions Settings => O;
    protected override Expression<Func<Petition, DateTime>> ReceivedAtQuery => p => p.SubmittedAt;

    protected override void LogDeadlines(DeadlineReport report) =>
        log.LogInformation("Phản ánh, kiến nghị: nhắc hạn {Reminded}, báo quá hạn {Escalated}.", report.Reminded, report.Escalated);

    /// <summary>Checks the form and the attachment; on success stores the petition, its receipt mail, the notice to the
    /// site's staff and its audit entry together. The same submission key twice returns the petition already made.</summary>
    public async Task<RequestResult<Petition>> SubmitAsync(Site site, PetitionForm form, IncomingFile? attachment, string? submissionKey, string baseUrl, AuditActor actor, CancellationToken ct)
    {
        var key = RequestForms.SubmissionKey(submissionKey);
        if (key is not null && await SameFormAsync(key, null, ct) is { } earlier) return new RequestResult<Petition>([], earlier);

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
        if (!check.Ok) return new RequestResult<Petition>(errors);

        var p = new Petition
        {
            SiteId = site.Id, HandlingSiteId = site.Id, Code = TrackingCode.Petition.New(), SubmissionKey = key,
            PetitionerName = SearchText.Nfc(name), PetitionerEmail = email, PetitionerPhone = phone,
            PetitionerAddress = address is null ? null : SearchText.Nfc(address),
            Subject = SearchText.Nfc(subject), Content = SearchText.Nfc(content), SubmittedAt = Now,
            DueOn = DueFor(Today), Status = PetitionStatus.Received,
            SubmittedBaseUrl = baseUrl, HandlingBaseUrl = baseUrl,
        };
        // Read before the file is stored: a failure here must not leave the file behind.
        var staff = await Routing.StaffAsync(site, SiteRole.Editor, ct);
        return await ReceiveAsync(p, file, key, TrackingCode.Petition, actor, () =>
        {
            if (email is not null) Outbox.Enqueue(Db, site.Id, PetitionMails.Received(p, site, O.AnswerWorkingDays));
            foreach (var to in staff) Outbox.Enqueue(Db, site.Id, PetitionMails.NewToStaff(to, p, site));
            return new AuditRecord("petition.submit",
                $"Nhận phản ánh, kiến nghị {p.Code} \"{p.Subject}\", hạn trả lời {VnTime.DateText(p.DueOn)}.", site.Id, "petition", Id(p.Id));
        }, ct);
    }
}
