using System.Globalization;
using MinhBach.Features.Mail;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Consultations;

/// <summary>The mail about comments: a receipt to the commenter, a notice to the site's editors (which names no
/// commenter: their details are in the administration).</summary>
public static class ConsultationMails
{
    private const string Footer = "\n\n--\nThư này được gửi tự động từ chuyên mục lấy ý kiến dự thảo, xin không trả lời thư này.";

    private static string Short(Site s) => string.IsNullOrWhiteSpace(s.ShortName) ? s.Name : s.ShortName;
    private static string Ref(Consultation c) => c.Id.ToString(CultureInfo.InvariantCulture);

    public static MailMessage Received(ConsultationComment comment, Consultation c, Site site, string baseUrl) => new(comment.AuthorEmail!,
        $"[{Short(site)}] Đã nhận góp ý dự thảo \"{Cut(c.Title, 120)}\"",
        $"""
        Kính gửi ông/bà {comment.AuthorName},

        {site.Name} đã nhận góp ý của ông/bà lúc {VnTime.DateTimeText(comment.SubmittedAt)} về {ConsultationNames.Target(comment.ArticleNumber, comment.ClauseNumber)} của dự thảo:
        "{c.Title}"

        Nội dung góp ý:
        {comment.Body}

        Góp ý được hiển thị trên trang sau khi được duyệt. Sau khi hết thời gian lấy ý kiến (hết ngày {VnTime.DateText(c.ClosesOn)}), {c.DraftingUnit} tổng hợp, tiếp thu, giải trình các ý kiến và công bố bảng tổng hợp tại:
        {baseUrl}{ConsultationUrls.Detail(c.Slug)}
        """ + Footer, "consultation.received", "consultation", Ref(c));

    public static MailMessage NewComment(string to, ConsultationComment comment, Consultation c, Site site, string baseUrl) => new(to,
        $"[{Short(site)}] Góp ý mới chờ duyệt: dự thảo \"{Cut(c.Title, 120)}\"",
        $"""
        Có góp ý mới về {ConsultationNames.Target(comment.ArticleNumber, comment.ClauseNumber)} của dự thảo "{c.Title}", đang chờ duyệt.

        Xem và duyệt tại: {baseUrl}/quan-tri/lay-y-kien/{Ref(c)}?xem=cho-duyet
        """ + Footer, "consultation.new-comment", "consultation", Ref(c));

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
