using MinhBach.Features.Mail;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Questions;

/// <summary>The Vietnamese texts of the mail about questions: to the asker on receipt and on answer, to staff on
/// assignment, reminder and escalation. Staff mail names no asker: the question is in the administration.</summary>
public static class QuestionMails
{
    private const string Footer = "\n\n--\nThư này được gửi tự động từ hệ thống hỏi đáp, xin không trả lời thư này.";

    private static string Short(Site s) => string.IsNullOrWhiteSpace(s.ShortName) ? s.Name : s.ShortName;
    private static string Ref(Question q) => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string Admin(Question q) => (q.HandlingBaseUrl ?? "") + $"/quan-tri/hoi-dap/{Ref(q)}";

    public static MailMessage Received(Question q, Site site, int workingDays) => new(q.AskerEmail!,
        $"[{Short(site)}] Đã nhận câu hỏi {q.Code}",
        $"""
        Kính gửi ông/bà {q.AskerName},

        {site.Name} đã nhận câu hỏi của ông/bà lúc {VnTime.DateTimeText(q.AskedAt)}:
        "{q.Title}"

        Mã tra cứu: {q.Code}
        Hạn trả lời: {VnTime.DateText(q.DueOn)} ({workingDays} ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết).

        Ông/bà xem tình trạng xử lý bằng mã tra cứu tại: {q.AskedBaseUrl}/hoi-dap/tra-cuu
        Câu trả lời sẽ được gửi đến địa chỉ thư này.
        """ + Footer, "question.received", "question", Ref(q));

    public static MailMessage Answered(Question q, Site answeredBy) => new(q.AskerEmail!,
        $"[{Short(answeredBy)}] Trả lời câu hỏi {q.Code}",
        $"""
        Kính gửi ông/bà {q.AskerName},

        {answeredBy.Name} trả lời câu hỏi "{q.Title}" (mã {q.Code}) của ông/bà như sau:

        {q.Answer}

        Ông/bà cũng xem câu trả lời bằng mã tra cứu tại: {q.AskedBaseUrl}/hoi-dap/tra-cuu
        """ + Footer, "question.answered", "question", Ref(q));

    public static MailMessage Assigned(string to, Question q, Site from, Site target) => new(to,
        $"[{Short(target)}] Câu hỏi {q.Code} được chuyển đến đơn vị",
        $"""
        {from.Name} đã chuyển câu hỏi {q.Code} "{q.Title}" (lĩnh vực {q.Topic}) đến {target.Name} để trả lời.
        {(string.IsNullOrEmpty(q.AssignmentNote) ? "" : "Ghi chú của người chuyển: " + q.AssignmentNote + "\n")}
        Hạn trả lời: {VnTime.DateText(q.DueOn)}.
        Xem và trả lời tại: {Admin(q)}
        """ + Footer, "question.assigned", "question", Ref(q));

    public static MailMessage Reminder(string to, Question q, Site handling, int daysLeft) => new(to,
        $"[{Short(handling)}] Nhắc hạn: câu hỏi {q.Code} cần trả lời trước {VnTime.DateText(q.DueOn)}",
        $"""
        Câu hỏi {q.Code} "{q.Title}" chưa được trả lời.
        Hạn trả lời: {VnTime.DateText(q.DueOn)} (còn {daysLeft} ngày làm việc).

        Xem và trả lời tại: {Admin(q)}
        """ + Footer, "question.reminder", "question", Ref(q));

    public static MailMessage Escalation(string to, Question q, Site handling, int daysOver) => new(to,
        $"[{Short(handling)}] Quá hạn: câu hỏi {q.Code} chưa được trả lời",
        $"""
        Câu hỏi {q.Code} "{q.Title}" do {handling.Name} xử lý đã quá hạn trả lời{Deadline.By(daysOver)} (hạn {VnTime.DateText(q.DueOn)}).
        Thư này gửi đến trưởng ban biên tập và quản trị trang để chỉ đạo trả lời.

        Xem và trả lời tại: {Admin(q)}
        """ + Footer, "question.escalation", "question", Ref(q));
}
