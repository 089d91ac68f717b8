using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Consultations;
using MinhBach.Features.Media;
using MinhBach.Features.Public;

namespace MinhBach.Features.Demo;

/// <summary>
/// Consultations of the demo portal: one open now (comments on two articles shown, one waiting for moderation) and one
/// closed a month ago whose comments were answered and whose synthesis table is published (its DOCX written to the file
/// store when there is one). Dates move with the clock.
/// </summary>
internal sealed class DemoConsultations(AppDb db, TimeProvider clock, IFileStore? files)
{
    private const string OpenText = """
        ỦY BAN NHÂN DÂN TỈNH ĐÔNG MINH
        DỰ THẢO
        QUYẾT ĐỊNH
        Ban hành Quy chế tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp trên Cổng thông tin điện tử tỉnh Đông Minh
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
        Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022 của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng;
        Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.
        Chương I
        QUY ĐỊNH CHUNG
        Điều 1. Phạm vi điều chỉnh
        Quy chế này quy định việc tiếp nhận, phân loại, chuyển xử lý, trả lời và công khai kết quả xử lý phản ánh, kiến nghị của người dân, doanh nghiệp gửi qua Cổng thông tin điện tử tỉnh.
        Điều 2. Đối tượng áp dụng
        1. Các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh.
        2. Ủy ban nhân dân các xã, phường.
        3. Tổ chức, cá nhân gửi phản ánh, kiến nghị.
        Chương II
        TIẾP NHẬN VÀ XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ
        Điều 3. Tiếp nhận
        1. Phản ánh, kiến nghị được tiếp nhận liên tục trên Cổng thông tin điện tử tỉnh.
        2. Văn phòng Ủy ban nhân dân tỉnh phân loại và chuyển đến cơ quan có thẩm quyền trong 01 ngày làm việc.
        Điều 4. Thời hạn xử lý
        1. Cơ quan được giao xử lý trả lời trong thời hạn sau:
        a) 05 ngày làm việc đối với phản ánh về thủ tục hành chính;
        b) 10 ngày làm việc đối với các phản ánh, kiến nghị khác.
        2. Trường hợp phức tạp, thời hạn được kéo dài không quá 05 ngày làm việc và phải thông báo cho người gửi.
        Điều 5. Công khai kết quả
        Kết quả xử lý được công khai trên Cổng thông tin điện tử tỉnh, trừ thông tin cá nhân của người gửi.
        Chương III
        ĐIỀU KHOẢN THI HÀNH
        Điều 6. Tổ chức thực hiện
        Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này.
        Nơi nhận:
        - Như Điều 6;
        - Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
        """;

    private const string ClosedText = """
        HỘI ĐỒNG NHÂN DÂN TỈNH ĐÔNG MINH
        DỰ THẢO
        NGHỊ QUYẾT
        Quy định mức hỗ trợ học phí cho trẻ em mầm non và học sinh phổ thông ngoài công lập trên địa bàn tỉnh
        Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
        1. Nghị quyết này quy định mức hỗ trợ học phí cho trẻ em mầm non, học sinh phổ thông học tại cơ sở giáo dục ngoài công lập.
        2. Đối tượng áp dụng là trẻ em, học sinh có hộ khẩu thường trú tại tỉnh Đông Minh.
        Điều 2. Mức hỗ trợ
        1. Mức hỗ trợ bằng mức học phí của cơ sở giáo dục công lập cùng cấp học, cùng địa bàn.
        2. Thời gian hỗ trợ tính theo số tháng học thực tế, tối đa 9 tháng mỗi năm học.
        Điều 3. Kinh phí thực hiện
        Kinh phí thực hiện từ ngân sách tỉnh theo phân cấp hiện hành.
        Điều 4. Hiệu lực thi hành
        Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm sau.
        Nơi nhận:
        - Như Điều 4;
        - Lưu: VT.
        """;

    public async Task SeedAsync(IReadOnlyDictionary<string, int> sites, CancellationToken ct)
    {
        if (!sites.TryGetValue("", out var portalId) || await db.Consultations.IgnoreQueryFilters().AnyAsync(ct)) return;
        var portal = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == portalId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VnTime.Today(clock);

        var open = new Consultation
        {
            SiteId = portalId, Slug = "quy-che-tiep-nhan-phan-anh-kien-nghi",
            Title = "Dự thảo Quyết định ban hành Quy chế tiếp nhận, xử lý phản ánh, kiến nghị trên Cổng thông tin điện tử tỉnh",
            Summary = "Văn phòng Ủy ban nhân dân tỉnh lấy ý kiến người dân, doanh nghiệp, cơ quan, tổ chức về dự thảo Quy chế, nhất là thời hạn xử lý tại Điều 4.",
            DraftText = OpenText, OpensOn = today.AddDays(-10), ClosesOn = today.AddDays(20), IsPublic = true,
            DraftingUnit = "Văn phòng Ủy ban nhân dân tỉnh Đông Minh", ContactName = "Phòng Kiểm soát thủ tục hành chính",
            ContactAddress = "Số 1 đường Trần Hưng Đạo, phường Minh Khai, tỉnh Đông Minh", ContactPhone = "0225 3821 999",
            ContactEmail = "kstt@dongminh.gov.vn", CreatedAt = now.AddDays(-11), UpdatedAt = now.AddDays(-11), UpdatedByName = "Phạm Thị Hằng",
        };
        var closed = new Consultation
        {
            SiteId = portalId, Slug = "ho-tro-hoc-phi-ngoai-cong-lap",
            Title = "Dự thảo Nghị quyết quy định mức hỗ trợ học phí cho trẻ em mầm non và học sinh phổ thông ngoài công lập",
            Summary = "Sở Giáo dục và Đào tạo lấy ý kiến về mức và thời gian hỗ trợ học phí trước khi trình Hội đồng nhân dân tỉnh.",
            DraftText = ClosedText, OpensOn = today.AddDays(-75), ClosesOn = today.AddDays(-30), IsPublic = true,
            DraftingUnit = "Sở Giáo dục và Đào tạo tỉnh Đông Minh", ContactName = "Phòng Kế hoạch - Tài chính",
            ContactAddress = "Số 12 Quang Trung, phường Đông Hòa, tỉnh Đông Minh", ContactPhone = "0225 3856 123",
            ContactEmail = "khtc.sogddt@dongminh.gov.vn", CreatedAt = now.AddDays(-76), UpdatedAt = now.AddDays(-76), UpdatedByName = "Phạm Thị Hằng",
        };
        foreach (var c in new[] { open, closed }) c.ArticleCount = DraftParser.Parse(c.DraftText).Articles.Count;
        db.Consultations.AddRange(open, closed);
        await db.SaveChangesAsync(ct);

        ConsultationComment Comment(Consultation c, int daysAgo, int? article, int? clause, string name, string? org, string body, CommentStatus status,
            CommentResolution resolution = CommentResolution.None, string? response = null) => new()
        {
            SiteId = portalId, ConsultationId = c.Id, ArticleNumber = article, ClauseNumber = clause, AuthorName = name, Organisation = org,
            AuthorEmail = Text.VietnameseText.Slugify(name).Replace("-", ".", StringComparison.Ordinal) + "@example.vn", Body = body,
            SubmittedAt = now.AddDays(-daysAgo).AddHours(-2), Status = status,
            ModeratedAt = status == CommentStatus.Pending ? null : now.AddDays(-daysAgo).AddHours(3), ModeratedByName = status == CommentStatus.Pending ? null : "Phạm Thị Hằng",
            Resolution = resolution, Response = response,
            RespondedAt = resolution == CommentResolution.None ? null : now.AddDays(-25), RespondedByName = resolution == CommentResolution.None ? null : "Ngô Đức Thắng",
        };
        var closedComments = new[]
        {
            Comment(closed, 70, 2, 1, "Nguyễn Thị Lan", "Trường Mầm non tư thục Hoa Sen", "Đề nghị hỗ trợ theo mức học phí thực thu, vì mức học phí công lập thấp hơn nhiều chi phí thực tế.",
                CommentStatus.Approved, CommentResolution.Explained, "Mức hỗ trợ bằng học phí công lập cùng cấp học là mức Nhà nước chi cho mỗi trẻ em, học sinh công lập; hỗ trợ cao hơn vượt khả năng cân đối ngân sách tỉnh."),
            Comment(closed, 60, 2, 2, "Trần Văn Minh", null, "Đề nghị tính cả tháng hè cho trẻ mầm non học cả năm.",
                CommentStatus.Approved, CommentResolution.PartlyAccepted, "Tiếp thu đối với trẻ mầm non: thời gian hỗ trợ tối đa 12 tháng; giữ 9 tháng đối với học sinh phổ thông."),
            Comment(closed, 50, null, null, "Lê Hoàng Anh", "Hội Khuyến học tỉnh Đông Minh", "Cần nêu rõ hồ sơ, thủ tục để phụ huynh đề nghị hỗ trợ.",
                CommentStatus.Approved, CommentResolution.Accepted, "Bổ sung Điều 3a về hồ sơ, trình tự đề nghị hỗ trợ."),
        };
        db.ConsultationComments.AddRange(closedComments);
        db.ConsultationComments.AddRange(
            Comment(open, 8, 4, 1, "Võ Thị Thu", "Công ty Cổ phần Đông Minh Logistics", "Đề nghị rút thời hạn trả lời phản ánh về thủ tục hành chính xuống 03 ngày làm việc.", CommentStatus.Approved),
            Comment(open, 6, 2, null, "Đặng Quốc Bảo", null, "Đề nghị bổ sung đơn vị sự nghiệp công lập vào đối tượng áp dụng.", CommentStatus.Approved),
            Comment(open, 1, 5, null, "Phan Minh Đức", null, "Nên công khai cả thời gian xử lý thực tế của từng phản ánh.", CommentStatus.Pending));
        if (files is not null)
        {
            var bytes = SynthesisDocument.Build(portal, closed, closedComments, closed.ClosesOn.AddDays(6));
            var published = now.AddDays(-24);
            var path = string.Create(CultureInfo.InvariantCulture, $"{portalId}/{published:yyyy}/{published:MM}/{Guid.NewGuid():N}.docx");
            await files.SaveAsync(path, bytes, ct);
            closed.SynthesisPath = path;
            closed.SynthesisSize = bytes.Length;
            closed.SynthesisPublishedAt = published;
            closed.SynthesisPublishedByName = "Ngô Đức Thắng";
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
