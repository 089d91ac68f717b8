using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Petitions;
using MinhBach.Features.Public;
using MinhBach.Features.Ratings;
using MinhBach.Text;

namespace MinhBach.Features.Demo;

/// <summary>
/// Petitions of the demo province, with fixed tracking codes so they can be tried at /phan-anh-kien-nghi/tra-cuu:
/// answered and published ones (one answered by the agriculture and environment department), one passed there and
/// overdue, fresh ones waiting; then some satisfaction ratings on the portal's newest articles and on the petitions.
/// </summary>
internal sealed class DemoPetitions(AppDb db, TimeProvider clock, WorkingCalendar calendar)
{
    private const int AnswerDays = 15;

    private sealed record Spec(string Code, string SentTo, string Handled, int DaysAgo, PetitionStatus Status, string Name, string? Address,
        string Subject, string Content, string? Answer = null, string? PublicSubject = null);

    private static readonly Spec[] All =
    [
        new("PA-3KXT-7MQB", "", "so-nnmt", 35, PetitionStatus.Published, "Nguyễn Văn Thành", "Thôn 3, xã Tân Phú",
            "Rác thải tồn đọng ven kênh thủy lợi thôn 3",
            "Đoạn kênh thủy lợi chảy qua thôn 3 có nhiều rác thải sinh hoạt tồn đọng hơn một tháng, bốc mùi và gây tắc dòng chảy. Đề nghị cơ quan chức năng kiểm tra, thu gom.",
            "Sở Nông nghiệp và Môi trường đã phối hợp với Ủy ban nhân dân xã Tân Phú kiểm tra, thu gom toàn bộ rác thải trên đoạn kênh ngày 12 tháng này, đồng thời đặt thêm hai điểm tập kết rác có lịch thu gom hằng tuần.",
            "Thu gom rác thải tồn đọng ven kênh thủy lợi xã Tân Phú"),
        new("PA-8WNE-4RHC", "", "", 22, PetitionStatus.Published, "Công ty Cổ phần Vận tải Đông Minh", null,
            "Kiến nghị rút ngắn thời gian cấp phù hiệu xe kinh doanh vận tải",
            "Doanh nghiệp đề nghị xem xét rút ngắn thời gian cấp phù hiệu xe kinh doanh vận tải, hiện mất nhiều ngày làm việc dù hồ sơ nộp trực tuyến.",
            "Từ tháng tới, thủ tục cấp phù hiệu được giải quyết trong 2 ngày làm việc kể từ khi nhận đủ hồ sơ trực tuyến; kết quả trả qua dịch vụ bưu chính công ích hoặc tại Bộ phận một cửa theo lựa chọn của doanh nghiệp.",
            "Thời gian cấp phù hiệu xe kinh doanh vận tải"),
        new("PA-6GDV-2PZS", "", "so-nnmt", 28, PetitionStatus.Assigned, "Lê Thị Thu Trang", "Xóm Bến, xã Vĩnh Lạc",
            "Khai thác cát trái phép trên sông Mây",
            "Ban đêm có tàu hút cát hoạt động trên sông Mây đoạn qua xóm Bến, gây sạt lở bờ sông. Đề nghị kiểm tra, xử lý."),
        new("PA-9YCU-5TAF", "", "", 3, PetitionStatus.Received, "Hoàng Văn Nam", null,
            "Đèn chiếu sáng công cộng hỏng trên đường Trần Hưng Đạo",
            "Nhiều cột đèn chiếu sáng trên đoạn cuối đường Trần Hưng Đạo không sáng đã hai tuần, đi lại ban đêm nguy hiểm."),
        new("PA-4HMR-8VKN", "so-khcn", "so-khcn", 5, PetitionStatus.Received, "Công ty TNHH Cơ khí Bắc Đông Minh", null,
            "Kiến nghị hỗ trợ đổi mới công nghệ cho doanh nghiệp nhỏ",
            "Doanh nghiệp kiến nghị Sở hướng dẫn thủ tục tham gia chương trình hỗ trợ đổi mới công nghệ năm nay và thời hạn nộp hồ sơ."),
    ];

    public async Task SeedAsync(IReadOnlyDictionary<string, int> sites, CancellationToken ct)
    {
        if (await db.Petitions.IgnoreQueryFilters().AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var s in All)
        {
            if (!sites.TryGetValue(s.SentTo, out var sentTo) || !sites.TryGetValue(s.Handled, out var handledBy)) continue;
            var sent = now.AddDays(-s.DaysAgo).AddHours(-5);
            var answered = s.Answer is null ? (DateTime?)null : sent.AddDays(Math.Min(s.DaysAgo - 1, 8));
            var p = DemoRequests.Routed(new Petition
            {
                Code = s.Code, PetitionerName = s.Name, PetitionerEmail = DemoRequests.Email(s.Name),
                PetitionerAddress = s.Address, Subject = s.Subject, Content = s.Content, SubmittedAt = sent, Status = s.Status,
                SubmittedBaseUrl = "",
            }, calendar, sentTo, handledBy, sent, AnswerDays, s.Answer, answered);
            if (s.Status == PetitionStatus.Published)
            {
                p.PublishedAt = answered!.Value.AddHours(3);
                p.PublicSubject = s.PublicSubject;
                p.PublicContent = s.Content;
                p.PublicAnswer = s.Answer;
                p.PublicFolded = SearchText.Normalize(p.PublicSubject + " " + p.PublicContent + " " + p.PublicAnswer);
            }
            db.Petitions.Add(p);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (sites.TryGetValue("", out var portal)) await RatingsAsync(portal, now, ct);
    }

    /// <summary>Some answers to "Thông tin này có hữu ích không?" on the portal, over the last days (fixed visitor
    /// marks stand in for the hashes, as no address is involved).</summary>
    private async Task RatingsAsync(int portal, DateTime now, CancellationToken ct)
    {
        if (await db.Ratings.IgnoreQueryFilters().AnyAsync(ct)) return;
        var articles = await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == portal && a.Status == ArticleStatus.Published).OrderByDescending(a => a.PublishedAt).Take(5)
            .Select(a => new { a.Id, a.Title, a.Slug, Cat = a.Category!.Slug }).ToListAsync(ct);
        var pages = articles.Select(a => (RatingKinds.Article, a.Id, a.Title, ContentUrls.Article(a.Cat, a.Slug))).ToList();
        var petitions = await db.Petitions.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.SiteId == portal && p.Status == PetitionStatus.Published).Select(p => new { p.Id, p.PublicSubject }).ToListAsync(ct);
        pages.AddRange(petitions.Select(p => (RatingKinds.Petition, p.Id, p.PublicSubject ?? "", PetitionUrls.Detail(p.Id))));
        string?[] comments = [null, null, "Thông tin rõ ràng, dễ hiểu.", null, "Nên thêm số điện thoại đầu mối để hỏi thêm.", null, "Cảm ơn cơ quan đã trả lời nhanh."];
        var n = 0;
        foreach (var (kind, id, title, path) in pages)
        {
            for (var i = 0; i < 3 + id % 4; i++, n++)
            {
                var at = now.AddDays(-(n % 20)).AddMinutes(-n * 7);
                db.Ratings.Add(new Rating
                {
                    SiteId = portal, Kind = kind, RefId = id, Useful = n % 5 != 3, Comment = comments[n % comments.Length], At = at,
                    Day = DateOnly.FromDateTime(VnTime.ToLocal(at)), VisitorHash = $"demo-{n}", Title = title, Path = path,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
