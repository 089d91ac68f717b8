using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Mail;
using MinhBach.Features.Public;
using MinhBach.Features.Questions;
using MinhBach.Text;

namespace MinhBach.Features.Demo;

/// <summary>
/// Questions of the demo province, with fixed tracking codes so they can be tried at /hoi-dap/tra-cuu: published ones on
/// the portal (one answered by the agriculture and environment department), one passed to that department and overdue,
/// fresh ones waiting in the inboxes. Dates move with the clock; due dates are counted on the holiday calendar.
/// </summary>
internal sealed class DemoQuestions(AppDb db, TimeProvider clock, WorkingCalendar calendar)
{
    private const int AnswerDays = 15;

    private sealed record Spec(string Code, string Asked, string Handled, int DaysAgo, QuestionStatus Status, string Name, string Topic,
        string Title, string Body, string? Answer = null, string? PublicTitle = null);

    private static readonly Spec[] All =
    [
        new("HD-7K3M-Q9XA", "", "so-nnmt", 40, QuestionStatus.Published, "Trần Văn Hùng", "Đất đai",
            "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            "Gia đình tôi sử dụng đất ổn định từ năm 1998, không có tranh chấp. Xin hỏi hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì và nộp ở đâu?",
            "Hồ sơ gồm đơn đăng ký đất đai theo Mẫu số 04/ĐK, một trong các giấy tờ về quyền sử dụng đất (nếu có) và chứng từ thực hiện nghĩa vụ tài chính. Ông nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân xã nơi có đất hoặc qua Cổng dịch vụ công quốc gia.",
            "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu"),
        new("HD-4PWN-8RTE", "", "", 25, QuestionStatus.Published, "Lê Thị Mai", "Thủ tục hành chính",
            "Nộp hồ sơ trực tuyến có phải nộp bản giấy không",
            "Khi nộp hồ sơ thủ tục hành chính trực tuyến mức độ toàn trình, tôi có phải nộp thêm bản giấy khi nhận kết quả không?",
            "Với dịch vụ công trực tuyến toàn trình, người dân không phải nộp lại bản giấy; cơ quan giải quyết sử dụng bản điện tử đã được ký số hoặc xác thực. Trường hợp pháp luật chuyên ngành yêu cầu xuất trình bản chính để đối chiếu, cơ quan sẽ thông báo khi hẹn trả kết quả.",
            "Nộp hồ sơ trực tuyến toàn trình có phải nộp bản giấy"),
        new("HD-9HXC-3MVD", "", "so-nnmt", 30, QuestionStatus.Assigned, "Phạm Quốc Toàn", "Tài nguyên, môi trường",
            "Thời hạn giải quyết đăng ký biến động đất đai",
            "Tôi nộp hồ sơ đăng ký biến động do chuyển nhượng quyền sử dụng đất đã hơn 20 ngày nhưng chưa có kết quả. Xin hỏi thời hạn giải quyết là bao nhiêu ngày?"),
        new("HD-2BQS-6NKY", "", "", 2, QuestionStatus.Received, "Nguyễn Thị Hạnh", "Giáo dục",
            "Tuyển sinh lớp 10 năm học tới",
            "Xin hỏi lịch tuyển sinh lớp 10 các trường trung học phổ thông công lập của tỉnh năm học tới khi nào được công bố?"),
        new("HD-5TRF-7GUW", "so-khcn", "so-khcn", 20, QuestionStatus.Published, "Công ty TNHH Đông Minh Tech", "Đầu tư, doanh nghiệp",
            "Điều kiện công nhận doanh nghiệp khoa học và công nghệ",
            "Doanh nghiệp chúng tôi có sản phẩm hình thành từ kết quả nghiên cứu của mình. Xin hỏi điều kiện và hồ sơ để được công nhận doanh nghiệp khoa học và công nghệ?",
            "Doanh nghiệp cần có kết quả khoa học và công nghệ được chuyển giao hoặc tự tạo ra và đã được thẩm định, công nhận; hồ sơ nộp tại Sở Khoa học và Công nghệ theo thủ tục công bố trên Cổng dịch vụ công của tỉnh.",
            "Điều kiện công nhận doanh nghiệp khoa học và công nghệ"),
        new("HD-8DYA-4JPZ", "so-khcn", "so-khcn", 4, QuestionStatus.Received, "Võ Minh Tâm", "Khác",
            "Đăng ký đề tài khoa học cấp tỉnh",
            "Cá nhân không thuộc cơ quan nhà nước có được đăng ký chủ nhiệm đề tài khoa học cấp tỉnh không?"),
    ];

    public async Task SeedAsync(IReadOnlyDictionary<string, int> sites, CancellationToken ct)
    {
        if (await db.Questions.IgnoreQueryFilters().AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var s in All)
        {
            if (!sites.TryGetValue(s.Asked, out var askedOn) || !sites.TryGetValue(s.Handled, out var handledBy)) continue;
            var asked = now.AddDays(-s.DaysAgo).AddHours(-3);
            var answered = s.Answer is null ? (DateTime?)null : asked.AddDays(Math.Min(s.DaysAgo - 1, 9));
            var q = DemoRequests.Routed(new Question
            {
                Code = s.Code, AskerName = s.Name, AskerEmail = DemoRequests.Email(s.Name),
                Topic = s.Topic, Title = s.Title, Body = s.Body, AskedAt = asked, Status = s.Status,
                AskedBaseUrl = "",
            }, calendar, askedOn, handledBy, asked, AnswerDays, s.Answer, answered);
            if (s.Status == QuestionStatus.Published)
            {
                q.PublishedAt = answered!.Value.AddHours(2);
                q.PublicTitle = s.PublicTitle;
                q.PublicQuestion = s.Body;
                q.PublicAnswer = s.Answer;
                q.PublicFolded = SearchText.Normalize(q.PublicTitle + " " + q.PublicQuestion + " " + q.PublicAnswer);
            }
            db.Questions.Add(q);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
