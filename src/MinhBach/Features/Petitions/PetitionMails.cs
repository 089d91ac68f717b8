using MinhBach.Features.Mail;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Petitions;

/// <summary>The Vietnamese texts of the mail about petitions: to the petitioner on receipt and on answer, to staff on
/// receipt, assignment, reminder and escalation. Staff mail names no petitioner: the petition is in the administration.</summary>
public static class PetitionMails
{
    private const string Footer = "\n\n--\nThư này được gửi tự động từ hệ thống tiếp nhận phản ánh, kiến nghị, xin không trả lời thư này.";

    private static string Short(Site s) => string.IsNullOrWhiteSpace(s.ShortName) ? s.Name : s.ShortName;
    private static string Ref(Petition p) => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string Admin(Petition p) => (p.HandlingBaseUrl ?? "") + PetitionUrls.AdminDetail(p.Id);

    public static MailMessage Received(Petition p, Site site, int workingDays) => new(p.PetitionerEmail!,
        $"[{Short(site)}] Đã nhận phản ánh, kiến nghị {p.Code}",
        $"""
        Kính gửi ông/bà {p.PetitionerName},

        {site.Name} đã nhận phản ánh, kiến nghị của ông/bà lúc {VnTime.DateTimeText(p.SubmittedAt)}:
        "{p.Subject}"

        Mã tra cứu: {p.Code}
        Hạn trả lời: {VnTime.DateText(p.DueOn)} ({workingDays} ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết).

        Ông/bà xem tình trạng xử lý bằng mã tra cứu tại: {p.SubmittedBaseUrl}{PetitionUrls.Track}
        Kết quả trả lời sẽ được gửi đến địa chỉ thư này.
        """ + Footer, "petition.received", "petition", Ref(p));

    public static MailMessage Answered(Petition p, Site answeredBy) => new(p.PetitionerEmail!,
        $"[{Short(answeredBy)}] Trả lời phản ánh, kiến nghị {p.Code}",
        $"""
        Kính gửi ông/bà {p.PetitionerName},

        {answeredBy.Name} trả lời phản ánh, kiến nghị "{p.Subject}" (mã {p.Code}) của ông/bà như sau:

        {p.Answer}

        Ông/bà cũng xem kết quả bằng mã tra cứu tại: {p.SubmittedBaseUrl}{PetitionUrls.Track}
        """ + Footer, "petition.answered", "petition", Ref(p));

    public static MailMessage NewToStaff(string to, Petition p, Site site) => new(to,
        $"[{Short(site)}] Phản ánh, kiến nghị mới {p.Code}",
        $"""
        {site.Name} vừa nhận phản ánh, kiến nghị {p.Code} "{p.Subject}".
        Hạn trả lời: {VnTime.DateText(p.DueOn)}.

        Xem, chuyển đơn vị xử lý hoặc trả lời tại: {Admin(p)}
        """ + Footer, "petition.new", "petition", Ref(p));

    public static MailMessage Assigned(string to, Petition p, Site from, Site target) => new(to,
        $"[{Short(target)}] Phản ánh, kiến nghị {p.Code} được chuyển đến đơn vị",
        $"""
        {from.Name} đã chuyển phản ánh, kiến nghị {p.Code} "{p.Subject}" đến {target.Name} để xử lý, trả lời.
        {(string.IsNullOrEmpty(p.AssignmentNote) ? "" : "Ghi chú của người chuyển: " + p.AssignmentNote + "\n")}
        Hạn trả lời: {VnTime.DateText(p.DueOn)}.
        Xem và trả lời tại: {Admin(p)}
        """ + Footer, "petition.assigned", "petition", Ref(p));

    public static MailMessage Reminder(string to, Petition p, Site handling, int daysLeft) => new(to,
        $"[{Short(handling)}] Nhắc hạn: phản ánh, kiến nghị {p.Code} cần trả lời trước {VnTime.DateText(p.DueOn)}",
        $"""
        Phản ánh, kiến nghị {p.Code} "{p.Subject}" chưa được trả lời.
        Hạn trả lời: {VnTime.DateText(p.DueOn)} (còn {daysLeft} ngày làm việc).

        Xem và trả lời tại: {Admin(p)}
        """ + Footer, "petition.reminder", "petition", Ref(p));

    public static MailMessage Escalation(string to, Petition p, Site handling, int daysOver) => new(to,
        $"[{Short(handling)}] Quá hạn: phản ánh, kiến nghị {p.Code} chưa được trả lời",
        $"""
        Phản ánh, kiến nghị {p.Code} "{p.Subject}" do {handling.Name} xử lý đã quá hạn trả lời{Deadline.By(daysOver)} (hạn {VnTime.DateText(p.DueOn)}).
        Thư này gửi đến trưởng ban biên tập và quản trị trang để chỉ đạo trả lời.

        Xem và trả lời tại: {Admin(p)}
        """ + Footer, "petition.escalation", "petition", Ref(p));
}
