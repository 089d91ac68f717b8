using System.Globalization;
using System.Text;

namespace MinhBach.Features.Demo;

/// <summary>A news category of a demo site; the slugs are the carriers named in data/content-items.json.</summary>
internal sealed record CategoryDef(string Slug, string Name, string Description, int Order, bool ShowOnHome, double Weight);

/// <summary>
/// A title template with the lead paragraph and the kind of body that go with it. Tiers is a subset of "PDC"
/// (portal, department, commune); From/To are the months it fits, and may wrap (12 → 2).
/// </summary>
internal sealed record TitleTemplate(string Text, Scene? Scene = null, int From = 1, int To = 12, string Tiers = "PDC", string? Lead = null, string Kind = "news")
{
    public bool Fits(int month, char tier) =>
        Tiers.Contains(tier) && (From <= To ? month >= From && month <= To : month >= From || month <= To);
}

/// <summary>Vietnamese text material of the demo province: names, categories, title and paragraph templates.</summary>
internal static class DemoText
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // ---------------------------------------------------------------- people

    public static readonly string[] Families =
        ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Tạ", "Châu"];
    public static readonly string[] MaleMiddles = ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Ngọc", "Xuân", "Công", "Trọng", "Anh", "Hoàng", "Đình", "Tấn", "Quốc"];
    public static readonly string[] MaleGivens =
        ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu", "Lâm", "Lộc", "Nghĩa", "Phúc", "Thành", "Toàn", "Tùng", "Định", "Hưng", "Kiên", "Hòa", "Đạt", "Huy", "Khoa", "Tín", "Thịnh", "Duy"];
    public static readonly string[] FemaleMiddles = ["Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Kim", "Bích", "Phương", "Mai", "Diệu"];
    public static readonly string[] FemaleGivens =
        ["Hà", "Hạnh", "Hằng", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Hiền", "Dung", "Huyền", "Giang", "Hoa", "Ly", "Nhi", "Châu", "Xuân"];
    /// <summary>Ê Đê names for the highland communes: "Y" for men, "H'" for women, then the clan name.</summary>
    public static readonly string[] EdeMale = ["Y Khoa", "Y Bhin", "Y Thuận", "Y Ngông", "Y Wơn", "Y Krông", "Y Sơn", "Y Phiên"];
    public static readonly string[] EdeFemale = ["H'Liên", "H'Năm", "H'Ra", "H'Loan", "H'Yăm", "H'Bla"];
    public static readonly string[] EdeClans = ["Niê", "Êban", "Mlô", "Ksơr", "Byă", "Adrơng", "Hmok", "Buôn Yă"];

    public static readonly string[] OtherHometowns =
        ["tỉnh Nghệ An", "tỉnh Hà Tĩnh", "tỉnh Quảng Ngãi", "tỉnh Thanh Hóa", "thành phố Huế", "tỉnh Ninh Bình", "tỉnh Hưng Yên", "tỉnh Quảng Trị", "thành phố Đà Nẵng"];

    // ---------------------------------------------------------------- categories

    public static readonly CategoryDef[] Categories =
    [
        new("tin-hoat-dong", "Tin hoạt động", "Tin tức, sự kiện về hoạt động của cơ quan, đơn vị và địa phương.", 1, true, 0.42),
        new("chi-dao-dieu-hanh", "Chỉ đạo, điều hành", "Ý kiến chỉ đạo, điều hành của lãnh đạo; kết quả xử lý phản ánh, kiến nghị; khen thưởng, xử phạt.", 2, true, 0.13),
        new("pho-bien-phap-luat", "Phổ biến, giáo dục pháp luật", "Phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách.", 3, true, 0.09),
        new("quy-hoach-ke-hoach", "Quy hoạch, kế hoạch", "Chiến lược, chương trình, đề án, kế hoạch, quy hoạch phát triển.", 4, false, 0.06),
        new("thu-hut-dau-tu", "Thu hút đầu tư", "Chính sách ưu đãi, cơ hội đầu tư, dự án mời gọi đầu tư; quy hoạch sử dụng đất, tài nguyên, môi trường.", 5, false, 0.05),
        new("dau-tu-mua-sam-cong", "Đầu tư công, mua sắm công", "Danh mục dự án đầu tư công, kế hoạch và kết quả lựa chọn nhà thầu, mua sắm công.", 6, false, 0.05),
        new("cong-khai-ngan-sach", "Công khai ngân sách", "Dự toán, tình hình thực hiện, quyết toán ngân sách và báo cáo tài chính năm.", 7, false, 0.04),
        new("thong-ke", "Thông tin thống kê", "Số liệu thống kê thuộc lĩnh vực quản lý.", 8, false, 0.04),
        new("khoa-hoc-cong-nghe", "Chương trình, đề tài khoa học", "Chương trình, đề tài, dự án khoa học và công nghệ.", 9, false, 0.03),
        new("thong-tin-canh-bao", "Thông tin cảnh báo, dịch bệnh", "Thông tin cảnh báo, khuyến cáo vì lợi ích công cộng và sức khỏe cộng đồng.", 10, true, 0.05),
        new("lay-y-kien-du-thao", "Lấy ý kiến dự thảo văn bản", "Dự thảo văn bản cần lấy ý kiến góp ý của tổ chức, cá nhân.", 11, false, 0.04),
        new("dieu-uoc-quoc-te", "Điều ước, thỏa thuận quốc tế", "Điều ước quốc tế, thỏa thuận quốc tế mà tỉnh tham gia ký kết hoặc tổ chức thực hiện.", 12, false, 0.01),
    ];

    public static readonly string[] Foreign = ["tỉnh Attapeu (Lào)", "tỉnh Mondulkiri (Vương quốc Campuchia)", "tỉnh Gangwon (Hàn Quốc)", "tỉnh Gifu (Nhật Bản)"];

    public static readonly string[] InvestProjects =
        ["nhà máy chế biến cà phê hòa tan", "khu du lịch sinh thái thác Đắk Sơn", "khu đô thị mới ven sông Minh Giang", "nhà máy điện gió ven biển Quảng Thành",
         "hạ tầng Cụm công nghiệp Tân Phú", "trung tâm logistics phía Bắc tỉnh", "khu nông nghiệp ứng dụng công nghệ cao Hòa Bình", "khu nghỉ dưỡng Gành Đá Thành"];

    // ---------------------------------------------------------------- titles

    // Each template has the lead paragraph that goes with it and the kind of body that follows,
    // so that title, summary and body tell the same story.
    public static readonly Dictionary<string, TitleTemplate[]> Titles = new()
    {
        ["tin-hoat-dong"] =
        [
            new("{A} tổ chức hội nghị triển khai nhiệm vụ năm {YP}", Scene.Meeting, 12, 2,
                Lead: "Ngày {D}, {AF} tổ chức hội nghị đánh giá kết quả công tác năm {YR} và triển khai nhiệm vụ năm {YP}. Tham dự có {Att}."),
            new("{A} tổng kết công tác năm {YR}, triển khai nhiệm vụ năm {YP}", Scene.Meeting, 12, 1,
                Lead: "Ngày {D}, {AF} tổ chức hội nghị tổng kết công tác năm {YR}, triển khai nhiệm vụ năm {YP}. Năm {YR}, dù còn nhiều khó khăn, {A} đã hoàn thành và vượt phần lớn các chỉ tiêu được giao."),
            new("{A} sơ kết công tác 6 tháng đầu năm {Y}", Scene.Meeting, 6, 7,
                Lead: "Ngày {D}, {A} tổ chức hội nghị sơ kết công tác 6 tháng đầu năm {Y}, triển khai nhiệm vụ 6 tháng cuối năm."),
            new("Hội nghị tập huấn về {T} năm {Y}", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức hội nghị tập huấn về {T} cho hơn {N4} học viên là cán bộ, công chức, viên chức các cơ quan, đơn vị và địa phương."),
            new("Đoàn công tác {A} kiểm tra công tác {T} tại {P}",
                Lead: "Ngày {D}, đoàn công tác của {A} do {L} làm trưởng đoàn đã kiểm tra công tác {T} tại {P}."),
            new("{LN} làm việc tại {P} về {T}",
                Lead: "Ngày {D}, {L} đã có buổi làm việc với lãnh đạo {P} về công tác {T}."),
            new("{A} triển khai nhiều giải pháp nâng cao hiệu quả công tác {T}",
                Lead: "Xác định {T} là nhiệm vụ trọng tâm, thời gian qua {A} đã triển khai đồng bộ nhiều giải pháp, bước đầu mang lại kết quả tích cực."),
            new("Tăng cường {T} trên địa bàn {Area}",
                Lead: "Trước yêu cầu ngày càng cao của thực tiễn, {A} đã chỉ đạo các cơ quan, đơn vị tăng cường {T} trên địa bàn {Area}, gắn trách nhiệm của người đứng đầu với kết quả thực hiện."),
            new("{A} ký kết quy chế phối hợp với {PT}", Scene.Meeting,
                Lead: "Ngày {D}, {A} và {PT} đã ký kết quy chế phối hợp, thống nhất cơ chế trao đổi thông tin và phối hợp triển khai công tác {T}."),
            new("Hội thảo chuyên đề về {T}", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức hội thảo chuyên đề về {T} với sự tham gia của các nhà khoa học, chuyên gia và {Att}."),
            new("{T!}: nhiều chuyển biến tích cực",
                Lead: "Sau một thời gian triển khai, công tác {T} trên địa bàn {Area} đã có nhiều chuyển biến tích cực, được người dân, doanh nghiệp ghi nhận."),
            new("{A} phát động phong trào thi đua năm {Y}", Scene.Meeting, 1, 4,
                Lead: "Ngày {D}, {A} tổ chức lễ phát động phong trào thi đua năm {Y} với chủ đề “Kỷ cương, đổi mới, hiệu quả, phục vụ nhân dân”."),
            new("Cán bộ, công chức {A} học tập, quán triệt nghị quyết của cấp trên", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức hội nghị học tập, quán triệt, triển khai các nghị quyết, chỉ thị của cấp trên cho toàn thể cán bộ, công chức, viên chức."),
            new("{A} tiếp và làm việc với đoàn công tác của {PT}", Scene.Meeting,
                Lead: "Ngày {D}, {L} đã tiếp và làm việc với đoàn công tác của {PT} về công tác {T}."),
            new("Ra quân đợt cao điểm về {T} năm {Y}",
                Lead: "Ngày {D}, {A} tổ chức lễ ra quân đợt cao điểm về {T} năm {Y}, huy động sự tham gia của các lực lượng chức năng và người dân."),
            new("Công đoàn {A} thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn dịp Tết", Scene.Building, 1, 2,
                Lead: "Nhân dịp Tết Nguyên đán, Công đoàn {A} đã tổ chức thăm hỏi, tặng {N3} suất quà cho đoàn viên, người lao động có hoàn cảnh khó khăn."),
            new("Bồi dưỡng kỹ năng về {T} cho cán bộ cơ sở", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức lớp bồi dưỡng kỹ năng về {T} cho hơn {N4} cán bộ cơ sở."),
            new("Đẩy mạnh {T} gắn với chuyển đổi số", Scene.Digital,
                Lead: "{A} đang đẩy mạnh ứng dụng công nghệ số trong {T}, từng bước chuyển từ quản lý thủ công sang quản lý trên môi trường điện tử."),
            new("Khảo sát, đánh giá công tác {T} tại {P}",
                Lead: "Ngày {D}, đoàn khảo sát của {A} do {L} làm trưởng đoàn đã khảo sát, đánh giá công tác {T} tại {P}."),
            new("{A} đối thoại với người dân, doanh nghiệp về {T}", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức hội nghị đối thoại với người dân, doanh nghiệp về {T}, trực tiếp lắng nghe và giải đáp các ý kiến, kiến nghị."),
            new("{A} hưởng ứng Ngày Chuyển đổi số quốc gia 10/10", Scene.Digital, 9, 10,
                Lead: "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10, {A} tổ chức nhiều hoạt động thiết thực như hướng dẫn người dân sử dụng dịch vụ công trực tuyến, tài khoản định danh điện tử và thanh toán không dùng tiền mặt."),
            new("{A} giao ban công tác tháng {M} năm {YM}", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức hội nghị giao ban đánh giá kết quả thực hiện nhiệm vụ tháng {M}, triển khai nhiệm vụ tháng {MN}."),
            new("{A} công bố kết quả {T} năm {YR}", null, 1, 3,
                Lead: "Ngày {D}, {A} công bố kết quả {T} năm {YR}; theo đó, {PCT}% chỉ tiêu đề ra đã được hoàn thành."),
            new("{A} hưởng ứng Ngày Pháp luật Việt Nam 9/11", Scene.Meeting, 10, 11,
                Lead: "Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam (9/11), {A} tổ chức nhiều hoạt động tuyên truyền, phổ biến pháp luật cho cán bộ, công chức và người dân."),
            new("Bàn giao nhà đại đoàn kết cho hộ nghèo tại {P}", Scene.Building, 1, 12, "PC",
                Lead: "Ngày {D}, {A} phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp bàn giao nhà đại đoàn kết cho hộ nghèo tại {P}; mỗi căn nhà có kinh phí khoảng {K} triệu đồng."),
            new("{A} họp báo cung cấp thông tin về {T}", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức họp báo cung cấp thông tin cho các cơ quan báo chí về {T}."),
            new("Lãnh đạo {A} tiếp công dân định kỳ tháng {MN}", Scene.Meeting,
                Lead: "Ngày {D}, {L} đã chủ trì buổi tiếp công dân định kỳ tháng {MN}, tiếp nhận {N1} lượt ý kiến, kiến nghị của công dân."),
            new("Biểu dương điển hình tiên tiến trong {T}", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức hội nghị biểu dương {N3} tập thể, cá nhân điển hình tiên tiến trong {T}."),
            new("Nâng cao hiệu quả công tác {T} năm {Y}",
                Lead: "Năm {Y}, {A} đặt mục tiêu nâng cao hiệu quả công tác {T}, phấn đấu {PCT}% chỉ tiêu hoàn thành đúng tiến độ."),
            new("Kiểm tra, đôn đốc tiến độ {T} tại {P}",
                Lead: "Ngày {D}, {L} đã kiểm tra, đôn đốc tiến độ {T} tại {P}."),
            new("{A} triển khai kế hoạch {T} quý {QN} năm {Y}",
                Lead: "{A} vừa ban hành kế hoạch triển khai {T} trong quý {QN} năm {Y}, giao chỉ tiêu cụ thể cho từng phòng, đơn vị."),
            new("{A} gặp mặt kỷ niệm ngày truyền thống của ngành", Scene.Meeting, 1, 12, "D",
                Lead: "Ngày {D}, {A} tổ chức gặp mặt kỷ niệm ngày truyền thống của ngành, ôn lại truyền thống và tri ân các thế hệ cán bộ qua các thời kỳ."),
            new("Chủ tịch UBND tỉnh tiếp và làm việc với {PT}", Scene.Meeting, 1, 12, "P",
                Lead: "Ngày {D}, Chủ tịch UBND tỉnh {BossName} đã tiếp và làm việc với {PT} về hợp tác trong công tác {T}."),
            new("UBND tỉnh họp phiên thường kỳ tháng {MN}", Scene.Meeting, 1, 12, "P",
                Lead: "Ngày {D}, UBND tỉnh tổ chức phiên họp thường kỳ tháng {MN}, đánh giá tình hình kinh tế - xã hội và cho ý kiến vào nhiều nội dung quan trọng, trong đó có {T}."),
            new("Lãnh đạo tỉnh thăm, chúc Tết đồng bào tại {P}", Scene.Festival, 1, 2, "P",
                Lead: "Nhân dịp Tết Nguyên đán, {L} đã thăm, chúc Tết và tặng quà các gia đình chính sách, hộ nghèo tại {P}."),
            new("Hội nghị đối thoại giữa Chủ tịch UBND {Label} với nhân dân", Scene.Meeting, 1, 12, "C",
                Lead: "Ngày {D}, {Boss} {BossName} đã chủ trì hội nghị đối thoại với nhân dân, trực tiếp lắng nghe, giải đáp {N1} ý kiến, kiến nghị của cử tri."),
            new("Ra quân tổng vệ sinh môi trường tại {P}", Scene.Field, 1, 12, "C",
                Lead: "Ngày {D}, {A} phát động ra quân tổng vệ sinh môi trường tại {P} với sự tham gia của đông đảo cán bộ, đoàn viên và người dân."),
            new("{Label!} tổ chức lễ giao nhận quân năm {Y}", Scene.Festival, 2, 3, "C",
                Lead: "Ngày {D}, {A} tổ chức lễ giao nhận quân năm {Y}; {N1} thanh niên ưu tú của địa phương lên đường nhập ngũ."),
            new("Ngày hội Đại đoàn kết toàn dân tộc tại {P}", Scene.Festival, 11, 11, "C",
                Lead: "Hướng tới kỷ niệm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11), nhân dân {P} tổ chức Ngày hội Đại đoàn kết toàn dân tộc với nhiều hoạt động văn hóa, thể thao sôi nổi."),
        ],
        ["chi-dao-dieu-hanh"] =
        [
            new("{Boss!} chỉ đạo tăng cường {T}",
                Lead: "Ngày {D}, {Boss} đã ký văn bản chỉ đạo tăng cường {T}.", Kind: "directive"),
            new("{A} yêu cầu đẩy nhanh tiến độ {T}",
                Lead: "Trước tình hình triển khai {T} còn chậm so với kế hoạch, {A} yêu cầu các cơ quan, đơn vị khẩn trương khắc phục.", Kind: "directive"),
            new("Kết luận của {Boss} tại cuộc họp về {T}", Scene.Meeting,
                Lead: "Ngày {D}, {Boss} chủ trì cuộc họp về {T}. Sau khi nghe báo cáo và ý kiến của các đại biểu, {Boss} kết luận như sau:", Kind: "conclusion"),
            new("Chỉ đạo triển khai {T} trong thời gian tới",
                Lead: "Để triển khai hiệu quả {T} trong thời gian tới, {Boss} đã có văn bản chỉ đạo các cơ quan, đơn vị, địa phương.", Kind: "directive"),
            new("Khen thưởng tập thể, cá nhân có thành tích xuất sắc trong {T} năm {YR}", Scene.Meeting, 1, 4,
                Lead: "Ngày {D}, {Boss} ký quyết định khen thưởng {N3} tập thể và {N1} cá nhân có thành tích xuất sắc trong {T} năm {YR}.", Kind: "awards"),
            new("Công khai kết quả xử phạt vi phạm hành chính trong lĩnh vực {F} tháng {M}/{YM}",
                Lead: "Thực hiện quy định về công khai kết quả xử lý vi phạm hành chính, {A} công khai danh sách tổ chức, cá nhân bị xử phạt vi phạm hành chính trong lĩnh vực {F} tháng {M}/{YM}.", Kind: "sanctions"),
            new("Trả lời kiến nghị của cử tri về {T}",
                Lead: "Cử tri {P} kiến nghị các cấp có thẩm quyền quan tâm hơn nữa đến {T}, kịp thời tháo gỡ khó khăn, vướng mắc cho người dân.", Kind: "answer"),
            new("Kết quả tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp tháng {M}/{YM}",
                Lead: "Trong tháng {M}/{YM}, {A} đã tiếp nhận {N2} phản ánh, kiến nghị của người dân, doanh nghiệp qua Hệ thống tiếp nhận phản ánh, kiến nghị, đường dây nóng và thư điện tử.", Kind: "feedback"),
            new("Thông báo lịch tiếp công dân định kỳ tháng {MN}/{Y}",
                Lead: "{A} thông báo lịch tiếp công dân định kỳ tháng {MN}/{Y} của lãnh đạo như sau:", Kind: "reception"),
            new("{A} chỉ đạo chủ động ứng phó với mưa lũ", Scene.Bridge, 9, 11,
                Lead: "Trước diễn biến phức tạp của mưa lũ, {Boss} đã có văn bản chỉ đạo các cơ quan, đơn vị, địa phương chủ động triển khai các biện pháp ứng phó, bảo đảm an toàn tính mạng và tài sản của nhân dân.", Kind: "directive"),
            new("{A} chỉ đạo bảo đảm an toàn, tiết kiệm trong dịp nghỉ Tết Nguyên đán", null, 12, 2,
                Lead: "Để nhân dân đón Tết Nguyên đán vui tươi, an toàn, tiết kiệm, {Boss} đã có văn bản chỉ đạo các cơ quan, đơn vị, địa phương.", Kind: "directive"),
            new("Chấn chỉnh kỷ luật, kỷ cương hành chính trong thực thi công vụ",
                Lead: "Ngày {D}, {Boss} ban hành văn bản chấn chỉnh kỷ luật, kỷ cương hành chính, nâng cao trách nhiệm của cán bộ, công chức trong thực thi công vụ.", Kind: "directive"),
            new("Chỉ đạo tháo gỡ khó khăn, vướng mắc trong {T}",
                Lead: "Trên cơ sở kiến nghị của các cơ quan, đơn vị, địa phương, {Boss} đã chỉ đạo tháo gỡ những khó khăn, vướng mắc trong {T}.", Kind: "directive"),
            new("{A} giao chỉ tiêu về {T} năm {YP}", null, 12, 2,
                Lead: "{A} đã giao chỉ tiêu về {T} năm {YP} cho các cơ quan, đơn vị, địa phương, gắn với trách nhiệm của người đứng đầu.", Kind: "directive"),
        ],
        ["pho-bien-phap-luat"] =
        [
            new("Tuyên truyền, phổ biến {LAW}",
                Lead: "Nhằm đưa {LAW} đến gần hơn với người dân, {A} giới thiệu một số nội dung cơ bản của Luật.", Kind: "law"),
            new("Những điểm mới của {LAW}",
                Lead: "{LAW} có nhiều điểm mới quan trọng so với quy định trước đây. {A} giới thiệu một số nội dung đáng chú ý.", Kind: "law"),
            new("Hỏi – đáp pháp luật về {T}", Kind: "qa"),
            new("Hội nghị phổ biến {LAW} cho cán bộ, công chức", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức hội nghị phổ biến {LAW} cho hơn {N4} cán bộ, công chức, viên chức.", Kind: "law"),
            new("Tìm hiểu quy định pháp luật về {T}",
                Lead: "Pháp luật hiện hành có nhiều quy định liên quan đến {T}. {A} giới thiệu một số nội dung cơ bản để cán bộ, công chức và người dân tìm hiểu, thực hiện.", Kind: "law"),
            new("Phổ biến, giáo dục pháp luật cho người dân tại {P}", Scene.Meeting,
                Lead: "Ngày {D}, {A} phối hợp với chính quyền địa phương tổ chức buổi phổ biến, giáo dục pháp luật cho hơn {N4} người dân tại {P}.", Kind: "law"),
            new("Cuộc thi trực tuyến tìm hiểu {LAW}", Scene.Digital,
                Lead: "{A} phát động Cuộc thi trực tuyến tìm hiểu {LAW}, dành cho cán bộ, công chức, viên chức và người dân trên địa bàn {Area}. Cuộc thi diễn ra trong 4 tuần, mỗi tuần một đợt.", Kind: "law"),
            new("Một số chính sách mới có hiệu lực từ tháng {MN}/{Y}",
                Lead: "Từ tháng {MN}/{Y}, nhiều văn bản quy phạm pháp luật mới có hiệu lực thi hành, liên quan trực tiếp đến người dân và doanh nghiệp. {A} giới thiệu một số chính sách đáng chú ý.", Kind: "law"),
            new("Giới thiệu văn bản pháp luật mới trong lĩnh vực {F}",
                Lead: "{A} giới thiệu một số văn bản quy phạm pháp luật mới ban hành trong lĩnh vực {F} để cán bộ, công chức và người dân biết, thực hiện.", Kind: "law"),
        ],
        ["quy-hoach-ke-hoach"] =
        [
            new("Kế hoạch triển khai {T} năm {YP}",
                Lead: "Ngày {D}, {AF} ban hành kế hoạch triển khai {T} năm {YP}.", Kind: "plan"),
            new("Kế hoạch thực hiện {T} giai đoạn {Stage}",
                Lead: "{AF} ban hành kế hoạch thực hiện {T} giai đoạn {Stage}, cụ thể hóa các chủ trương của Trung ương và của tỉnh.", Kind: "plan"),
            new("Đề án nâng cao hiệu quả công tác {T} đến năm 2030",
                Lead: "{AF} ban hành đề án nâng cao hiệu quả công tác {T} đến năm 2030 với nhiều mục tiêu, giải pháp cụ thể.", Kind: "plan"),
            new("Chương trình công tác năm {YP} của {A}", null, 11, 2,
                Lead: "{A} ban hành chương trình công tác năm {YP}, xác định các nhiệm vụ trọng tâm và phân công cụ thể cho từng đơn vị.", Kind: "plan"),
            new("Kế hoạch cải cách hành chính năm {YP}", null, 11, 2,
                Lead: "Ngày {D}, {AF} ban hành kế hoạch cải cách hành chính năm {YP}, tập trung vào cải cách thủ tục hành chính, chuyển đổi số và nâng cao chất lượng phục vụ.", Kind: "plan"),
            new("Kế hoạch chuyển đổi số năm {YP}", Scene.Digital, 11, 3,
                Lead: "{AF} ban hành kế hoạch chuyển đổi số năm {YP}, với mục tiêu {PCT2}% hồ sơ công việc được xử lý trên môi trường mạng.", Kind: "plan"),
            new("Công bố Quy hoạch tỉnh Đông Minh thời kỳ 2021–2030, tầm nhìn đến năm 2050", Scene.Meeting, 1, 12, "P",
                Lead: "Ngày {D}, UBND tỉnh tổ chức hội nghị công bố Quy hoạch tỉnh Đông Minh thời kỳ 2021–2030, tầm nhìn đến năm 2050 và xúc tiến đầu tư.", Kind: "plan"),
            new("Triển khai thực hiện Quy hoạch tỉnh trong lĩnh vực {F}", null, 1, 12, "D",
                Lead: "{A} ban hành kế hoạch triển khai thực hiện Quy hoạch tỉnh Đông Minh thời kỳ 2021–2030 trong lĩnh vực {F}.", Kind: "plan"),
            new("Kế hoạch phát triển kinh tế - xã hội năm {YP}", null, 11, 1, "PC",
                Lead: "{AF} ban hành kế hoạch phát triển kinh tế - xã hội năm {YP} với {N3} chỉ tiêu chủ yếu.", Kind: "plan"),
            new("Công bố đồ án quy hoạch chung {Label}", Scene.Meeting, 1, 12, "C",
                Lead: "Ngày {D}, {A} tổ chức hội nghị công bố đồ án quy hoạch chung {Label} đến năm 2045.", Kind: "plan"),
        ],
        ["thu-hut-dau-tu"] =
        [
            new("Danh mục dự án kêu gọi đầu tư năm {YP}",
                Lead: "{A} công bố danh mục dự án kêu gọi đầu tư năm {YP}, tập trung vào nông nghiệp công nghệ cao, công nghiệp chế biến, du lịch và hạ tầng đô thị.", Kind: "projects"),
            new("Hội nghị xúc tiến đầu tư vào {Label} năm {Y}", Scene.Meeting,
                Lead: "Ngày {D}, {A} tổ chức hội nghị xúc tiến đầu tư năm {Y} với sự tham gia của hơn {N4} đại biểu là nhà đầu tư, doanh nghiệp trong và ngoài nước.", Kind: "projects"),
            new("Thông tin khu đất thương mại, dịch vụ kêu gọi đầu tư tại {P}", Scene.Building,
                Lead: "{A} công bố thông tin khu đất thương mại, dịch vụ tại {P} để các nhà đầu tư quan tâm tìm hiểu, đề xuất dự án.", Kind: "project"),
            new("Công khai kế hoạch sử dụng đất năm {YP}", Scene.Field, 11, 3,
                Lead: "{A} công khai kế hoạch sử dụng đất năm {YP} đã được cấp có thẩm quyền phê duyệt.", Kind: "landuse"),
            new("Chính sách ưu đãi đầu tư vào nông nghiệp ứng dụng công nghệ cao", Scene.Field,
                Lead: "Tỉnh Đông Minh dành nhiều chính sách ưu đãi, hỗ trợ cho doanh nghiệp đầu tư vào nông nghiệp ứng dụng công nghệ cao.", Kind: "incentives"),
            new("Thông tin khu vực có nguy cơ ô nhiễm môi trường trên địa bàn {Area}", Scene.Field,
                Lead: "Thực hiện quy định về công khai thông tin môi trường, {A} công bố danh sách khu vực có nguy cơ ô nhiễm môi trường trên địa bàn.", Kind: "environment"),
            new("Quy hoạch thu gom, xử lý chất thải rắn sinh hoạt trên địa bàn {Area}", Scene.Field,
                Lead: "{A} công khai phương án thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt trên địa bàn giai đoạn {Stage}.", Kind: "environment"),
            new("Chấp thuận chủ trương đầu tư dự án {IP}", Scene.Factory,
                Lead: "Ngày {D}, cơ quan có thẩm quyền đã chấp thuận chủ trương đầu tư dự án {IP}.", Kind: "project"),
            new("Nhà đầu tư khảo sát cơ hội đầu tư dự án {IP}", Scene.Meeting,
                Lead: "Ngày {D}, {L} đã tiếp và làm việc với đoàn nhà đầu tư đến khảo sát cơ hội đầu tư dự án {IP}.", Kind: "project"),
        ],
        ["cong-khai-ngan-sach"] =
        [
            new("Công khai dự toán ngân sách năm {YP}", Scene.Building, 12, 2, Kind: "budget"),
            new("Công khai quyết toán ngân sách năm {YPrev}", Scene.Building, 6, 10, Kind: "budget"),
            new("Công khai tình hình thực hiện dự toán ngân sách quý {QP} năm {YQ}", Scene.Building, Kind: "budget"),
            new("Báo cáo tài chính năm {YPrev}", Scene.Building, 3, 5, Kind: "budget"),
            new("Công khai dự toán ngân sách bổ sung năm {Y}", Scene.Building, 6, 9, Kind: "budget"),
            new("Công khai kết quả thực hành tiết kiệm, chống lãng phí năm {YPrev}", Scene.Building, 1, 4, Kind: "budget"),
        ],
        ["thong-ke"] =
        [
            new("Tình hình kinh tế - xã hội tháng {M} năm {YM}", Scene.Building, 1, 12, "P", Kind: "economy"),
            new("Số liệu thống kê về {S} năm {YPrev}", null, 1, 4, Kind: "stats"),
            new("Kết quả {S} 6 tháng đầu năm {Y}", null, 7, 8, Kind: "stats"),
            new("Số liệu {S} quý {QP} năm {YQ}", Kind: "stats"),
            new("Số liệu {S} tháng {M}/{YM}", Kind: "stats"),
        ],
        ["khoa-hoc-cong-nghe"] =
        [
            new("Nghiệm thu đề tài khoa học cấp tỉnh “{R}”", Scene.Meeting,
                Lead: "Ngày {D}, Hội đồng khoa học và công nghệ cấp tỉnh đã họp đánh giá, nghiệm thu đề tài “{R}”.", Kind: "research"),
            new("Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ năm {YP}", Scene.Digital,
                Lead: "{A} thông báo tuyển chọn tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh bắt đầu thực hiện năm {YP}.", Kind: "research-call"),
            new("Ứng dụng kết quả đề tài “{R}” vào thực tiễn",
                Lead: "Kết quả đề tài “{R}” đang được chuyển giao, ứng dụng tại nhiều cơ quan, địa phương, mang lại hiệu quả thiết thực.", Kind: "research"),
            new("Danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng năm {YP}", Scene.Digital,
                Lead: "{A} công bố danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng để tuyển chọn, giao trực tiếp thực hiện từ năm {YP}.", Kind: "research-call"),
            new("Sáng kiến về {T} được công nhận có phạm vi ảnh hưởng cấp tỉnh",
                Lead: "Hội đồng sáng kiến cấp tỉnh đã công nhận sáng kiến về {T} của {A} có phạm vi ảnh hưởng, hiệu quả áp dụng cấp tỉnh."),
            new("Hội thảo khoa học về {T}", Scene.Meeting,
                Lead: "Ngày {D}, {A} phối hợp với {PT} tổ chức hội thảo khoa học về {T}."),
        ],
        ["dau-tu-mua-sam-cong"] =
        [
            new("Kế hoạch lựa chọn nhà thầu gói thầu: {PK}",
                Lead: "{A} công khai kế hoạch lựa chọn nhà thầu gói thầu: {PK}, theo quy định của Luật Đấu thầu.", Kind: "package"),
            new("Thông báo mời chào giá: {PK}",
                Lead: "{A} có nhu cầu tiếp nhận báo giá để tham khảo, xây dựng giá gói thầu: {PK}. Kính mời các đơn vị có năng lực, kinh nghiệm gửi báo giá.", Kind: "package"),
            new("Kết quả lựa chọn nhà thầu gói thầu: {PK}",
                Lead: "{A} công khai kết quả lựa chọn nhà thầu gói thầu: {PK}.", Kind: "package"),
            new("Công khai danh mục dự án đầu tư công năm {YP}", Scene.Bridge, 11, 2,
                Lead: "{A} công khai danh mục dự án đầu tư công năm {YP} được giao kế hoạch vốn.", Kind: "projectlist"),
            new("Tình hình giải ngân vốn đầu tư công đến hết tháng {M}/{YM}", Scene.Bridge,
                Lead: "Đến hết tháng {M}/{YM}, {A} đã giải ngân {PCT2}% kế hoạch vốn đầu tư công được giao.", Kind: "projectlist"),
        ],
        ["thong-tin-canh-bao"] =
        [
            new("{W}", Kind: "warning"),
            new("{A} {Wd}", Kind: "warning"),
            new("Cảnh báo thủ đoạn lừa đảo trực tuyến mới trong tháng {MN}/{Y}", Scene.Digital, Kind: "warning"),
            new("Cảnh báo mưa lớn, nguy cơ ngập lụt và sạt lở đất ngày {DM}", Scene.Bridge, 9, 12, Kind: "warning"),
            new("Khuyến cáo phòng, chống nắng nóng và thiếu nước sinh hoạt", Scene.Field, 3, 6, Kind: "warning"),
            new("Khuyến cáo phòng, chống bệnh sốt xuất huyết mùa mưa năm {Y}", Scene.Hospital, 5, 11, Kind: "warning"),
        ],
        ["lay-y-kien-du-thao"] =
        [
            new("Lấy ý kiến góp ý dự thảo Quyết định quy định về {T} trên địa bàn tỉnh Đông Minh", null, 1, 12, "PD", Kind: "consult"),
            new("Lấy ý kiến dự thảo Nghị quyết của HĐND tỉnh quy định chính sách hỗ trợ {T}", null, 1, 12, "PD", Kind: "consult"),
            new("Đề nghị góp ý dự thảo Kế hoạch {T} giai đoạn {Stage}", Kind: "consult"),
            new("Lấy ý kiến góp ý dự thảo văn bản quy phạm pháp luật trong lĩnh vực {F}", null, 1, 12, "D", Kind: "consult"),
            new("Lấy ý kiến nhân dân về dự thảo quy hoạch chung {Label}", Scene.Meeting, 1, 12, "C", Kind: "consult"),
            new("Lấy ý kiến cộng đồng dân cư về dự thảo đề án xây dựng {Label} đạt chuẩn nông thôn mới nâng cao", Scene.Field, 1, 12, "C", Kind: "consult"),
        ],
        ["dieu-uoc-quoc-te"] =
        [
            new("Tỉnh Đông Minh ký kết biên bản ghi nhớ hợp tác với {FO}", Scene.Meeting, Kind: "treaty"),
            new("Triển khai thỏa thuận hợp tác giữa tỉnh Đông Minh và {FO} về {T}", Scene.Meeting, Kind: "treaty"),
            new("Công bố danh mục thỏa thuận quốc tế của tỉnh Đông Minh năm {YPrev}", Scene.Building, 1, 4, Kind: "treaty"),
        ],
    };

    // ---------------------------------------------------------------- article paragraphs

    public static readonly string[] Openings =
    [
        "Ngày {D}, {AF} tổ chức hội nghị về {T}. Tham dự có lãnh đạo {A}, đại diện các phòng, đơn vị chuyên môn và {Att}.",
        "Thực hiện kế hoạch công tác năm {Y}, ngày {D}, {L} đã chủ trì buổi làm việc về {T} với {Att}.",
        "Sáng {D}, {A} tổ chức hội nghị nhằm đánh giá kết quả {T} thời gian qua và triển khai nhiệm vụ trong thời gian tới.",
        "Chiều {D}, đoàn công tác do {L} làm trưởng đoàn đã có buổi làm việc tại {P} về {T}.",
        "Trong những năm gần đây, {T} luôn được {A} xác định là nhiệm vụ trọng tâm, thường xuyên, gắn với mục tiêu phục vụ người dân và doanh nghiệp ngày càng tốt hơn.",
        "Nhằm nâng cao hiệu quả {T}, ngày {D}, {A} đã tổ chức chương trình với sự tham gia của {Att}.",
    ];

    // Paragraphs of ordinary news. A prefix limits one to a kind of story: "meeting:" (a conference,
    // a class, a ceremony), "visit:" (a working visit to a place), "event:" (either).
    public static readonly string[] Middles =
    [
        "Theo báo cáo, thời gian qua {A} đã chủ động tham mưu, ban hành {N1} văn bản chỉ đạo, hướng dẫn; tổ chức {N3} lớp tập huấn với hơn {N2} lượt người tham gia. Công tác {T} có nhiều chuyển biến tích cực, nhận được sự đồng thuận của người dân và doanh nghiệp.",
        "Đến nay, tỷ lệ hồ sơ được giải quyết đúng và trước hạn đạt {PCT}%; {PCT2}% thủ tục hành chính được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình. Mức độ hài lòng của người dân, doanh nghiệp được nâng lên rõ rệt.",
        "Bên cạnh những kết quả đạt được, {T} vẫn còn một số khó khăn, hạn chế như: nguồn lực còn hạn chế, một số nơi triển khai chưa đồng bộ, sự phối hợp giữa các cơ quan, đơn vị có lúc chưa chặt chẽ.",
        "meeting:Tại hội nghị, các đại biểu đã tập trung thảo luận, đề xuất nhiều giải pháp thiết thực như: tăng cường công tác tuyên truyền, nâng cao chất lượng đội ngũ cán bộ, đẩy mạnh ứng dụng công nghệ thông tin và chuyển đổi số trong {T}.",
        "Trong {Period}, toàn {Area} đã thực hiện {N3} cuộc kiểm tra, phát hiện và xử lý {N1} trường hợp vi phạm, xử phạt vi phạm hành chính với tổng số tiền hơn {MONEY} triệu đồng.",
        "visit:Đoàn công tác đã kiểm tra thực tế tại một số cơ sở, trao đổi, lắng nghe ý kiến của cán bộ cơ sở và người dân về những khó khăn, vướng mắc trong quá trình triển khai {T}.",
        "visit:Đại diện {P} cho biết, địa phương đã thành lập tổ công tác, phân công cán bộ phụ trách từng địa bàn, phấn đấu hoàn thành các chỉ tiêu về {T} trước thời hạn.",
        "Nhiều mô hình, cách làm hay đã được nhân rộng; {N1} tập thể và {N3} cá nhân được đề nghị biểu dương, khen thưởng vì có thành tích tiêu biểu trong {T}.",
        "Kết quả khảo sát cho thấy {PCT2}% người được hỏi đánh giá tích cực về {T}; tuy nhiên, vẫn còn {N1} kiến nghị về thời gian giải quyết và việc cung cấp thông tin.",
    ];

    public static readonly string[] Directions =
    [
        "event:Phát biểu chỉ đạo, {L} ghi nhận, biểu dương những kết quả đạt được; đồng thời đề nghị các đơn vị tiếp tục quán triệt, thực hiện nghiêm các chỉ đạo của Trung ương và của tỉnh; tập trung khắc phục tồn tại, hạn chế; phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm để hoàn thành các chỉ tiêu được giao.",
        "event:{L!} yêu cầu các đơn vị tăng cường phối hợp, chủ động nắm bắt tình hình, kịp thời báo cáo những khó khăn, vướng mắc vượt thẩm quyền để được hướng dẫn, tháo gỡ; đẩy mạnh cải cách hành chính, lấy người dân và doanh nghiệp làm trung tâm phục vụ.",
        "visit:Kết luận buổi làm việc, {L} đề nghị {P} rà soát, bổ sung kế hoạch, tập trung nguồn lực cho {T}; đồng thời giao các phòng chuyên môn theo dõi, hướng dẫn, định kỳ báo cáo kết quả thực hiện.",
        "Theo {L}, để {T} đạt hiệu quả cao hơn, cần làm tốt công tác tuyên truyền, vận động; phát huy vai trò của người đứng đầu; tăng cường kiểm tra, giám sát và kịp thời biểu dương những cách làm hay.",
    ];

    public static readonly string[] Closings =
    [
        "meeting:Dịp này, {A} đã trao giấy khen cho {N3} tập thể và {N1} cá nhân có thành tích xuất sắc trong {T}.",
        "meeting:Hội nghị kết thúc với tinh thần thống nhất cao, quyết tâm hoàn thành thắng lợi các mục tiêu, nhiệm vụ đề ra.",
        "Thời gian tới, {A} sẽ tiếp tục theo dõi, đôn đốc, hướng dẫn các đơn vị triển khai; định kỳ tổng hợp, báo cáo kết quả theo quy định.",
        "Mọi thông tin chi tiết, người dân có thể liên hệ {Office}, điện thoại {Phone} hoặc thư điện tử {Email}.",
    ];

    public static readonly string[] Attendees =
    [
        "đại diện Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lãnh đạo các sở, ngành liên quan", "đại diện Ủy ban nhân dân các xã, phường", "đại diện các doanh nghiệp trên địa bàn",
        "các hội, đoàn thể và đông đảo người dân", "đại diện các cơ quan báo chí",
    ];

    public static readonly string[] LawPoints =
    [
        "Phạm vi điều chỉnh, đối tượng áp dụng được quy định rõ ràng, cụ thể hơn.",
        "Bổ sung quy định về ứng dụng công nghệ số, giao dịch điện tử trong thực hiện thủ tục.",
        "Đơn giản hóa hồ sơ, rút ngắn thời gian giải quyết cho người dân, doanh nghiệp.",
        "Quy định rõ trách nhiệm của cơ quan nhà nước, người đứng đầu trong tổ chức thực hiện.",
        "Tăng cường phân cấp, phân quyền cho chính quyền địa phương.",
        "Bổ sung chế tài xử lý đối với hành vi vi phạm, bảo đảm tính răn đe.",
    ];

    public static readonly string[] WarningAdvice =
    [
        "Chủ động theo dõi thông tin chính thức trên Cổng thông tin điện tử tỉnh và các phương tiện thông tin đại chúng.",
        "Không chia sẻ thông tin cá nhân, mã OTP, mật khẩu cho bất kỳ ai qua điện thoại hoặc mạng xã hội.",
        "Khi có dấu hiệu bất thường, báo ngay cho chính quyền địa phương hoặc cơ quan chức năng gần nhất.",
        "Thực hiện đúng hướng dẫn của ngành y tế, không tự ý sử dụng thuốc khi chưa có chỉ định.",
        "Gia cố nhà cửa, chủ động dự trữ lương thực, nước uống và thuốc men cần thiết.",
        "Không đi qua ngầm, tràn, khu vực có nguy cơ sạt lở khi có mưa lớn.",
        "Vệ sinh môi trường, loại bỏ vật dụng chứa nước đọng quanh nhà, ngủ màn kể cả ban ngày.",
    ];

    // ---------------------------------------------------------------- documents

    /// <summary>Trích yếu by document type; "|Field" at the end names the field when the title is not about the site's own fields.</summary>
    public static readonly Dictionary<string, string[]> DocumentTitles = new()
    {
        ["quyet-dinh"] =
        [
            "Về việc phê duyệt Kế hoạch {T} năm {YP}",
            "Về việc thành lập Tổ công tác về {T}",
            "Về việc công bố Danh mục thủ tục hành chính lĩnh vực {F} thuộc thẩm quyền giải quyết của {A}|Cải cách hành chính",
            "Về việc kiện toàn Ban Biên tập {SiteName}|Thông tin điện tử",
            "Về việc ban hành Quy chế làm việc của {AF}|Tổ chức bộ máy",
            "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong {T}|Thi đua, khen thưởng",
            "Về việc giao dự toán thu, chi ngân sách nhà nước năm {YP}|Tài chính - ngân sách",
            "Về việc phê duyệt kết quả lựa chọn nhà thầu gói thầu: {PK}|Đấu thầu, mua sắm công",
            "Về việc phê duyệt danh mục nhiệm vụ khoa học và công nghệ năm {YP}|Khoa học và công nghệ",
            "Về việc ban hành Kế hoạch kiểm tra công tác {T} năm {Y}",
            "Về việc phân công nhiệm vụ của lãnh đạo {A}|Tổ chức bộ máy",
        ],
        ["quyet-dinh-qppl"] =
        [
            "Ban hành Quy định về {T} trên địa bàn tỉnh Đông Minh",
            "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {Dept}|Tổ chức bộ máy",
            "Quy định phân cấp quản lý nhà nước về {F} trên địa bàn tỉnh Đông Minh",
            "Sửa đổi, bổ sung một số điều của Quy định về {T} trên địa bàn tỉnh Đông Minh",
        ],
        ["nghi-quyet"] =
        [
            "Quy định mức chi hỗ trợ {T} trên địa bàn tỉnh Đông Minh",
            "Về kế hoạch đầu tư công năm {YP}|Đầu tư công",
            "Về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm {YP}|Tài chính - ngân sách",
            "Quy định chính sách hỗ trợ {T} trên địa bàn tỉnh Đông Minh giai đoạn {Stage}",
        ],
        ["chi-thi"] =
        [
            "Về tăng cường {T}",
            "Về việc đẩy mạnh {T} trên địa bàn {Area}",
            "Về tăng cường kỷ luật, kỷ cương hành chính trong thực thi công vụ|Cải cách hành chính",
        ],
        ["ke-hoach"] =
        [
            "Triển khai {T} năm {YP}",
            "Tuyên truyền, phổ biến, giáo dục pháp luật năm {YP}|Phổ biến, giáo dục pháp luật",
            "Cải cách hành chính năm {YP}|Cải cách hành chính",
            "Chuyển đổi số năm {YP}|Chuyển đổi số",
            "Kiểm tra {T} năm {Y}",
            "Thực hiện {T} giai đoạn {Stage}",
            "Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm {Y}|Chuyển đổi số",
        ],
        ["cong-van"] =
        [
            "V/v triển khai {T}",
            "V/v báo cáo kết quả {T} 6 tháng đầu năm {Y}",
            "V/v tăng cường {T}",
            "V/v đôn đốc thực hiện {T}",
            "V/v hướng dẫn {T}",
            "V/v cung cấp thông tin, số liệu về {T}",
            "V/v góp ý dự thảo văn bản về {T}",
        ],
        ["thong-bao"] =
        [
            "Kết luận của {LN} tại cuộc họp về {T}",
            "Lịch tiếp công dân định kỳ tháng {MN}/{Y}|Tiếp công dân",
            "Về việc tuyển dụng viên chức năm {Y}|Công chức, viên chức",
            "Kết quả {T} quý {QP} năm {YQ}",
        ],
        ["bao-cao"] =
        [
            "Kết quả {T} quý {QP} năm {YQ}",
            "Tình hình thực hiện nhiệm vụ tháng {M} năm {YM}|Tổng hợp",
            "Tổng kết công tác năm {YR} và phương hướng nhiệm vụ năm {YP}|Tổng hợp",
            "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm {Y}|Cải cách hành chính",
        ],
        ["du-thao"] =
        [
            "Dự thảo Quyết định ban hành Quy định về {T} trên địa bàn tỉnh Đông Minh",
            "Dự thảo Kế hoạch {T} giai đoạn {Stage}",
            "Dự thảo Nghị quyết quy định chính sách hỗ trợ {T}",
        ],
    };

    // ---------------------------------------------------------------- schedule

    public static readonly string[] ScheduleMorning =
    [
        "Họp giao ban lãnh đạo {A}",
        "Làm việc với {U} về {T}",
        "Dự Hội nghị trực tuyến của {Ministry} về {T}",
        "Kiểm tra {T} tại {P}",
        "Làm việc tại cơ quan, giải quyết công việc thường xuyên",
        "Dự họp Ủy ban nhân dân tỉnh thường kỳ",
        "Tiếp công dân định kỳ",
        "Dự Hội nghị tổng kết, sơ kết về {T}",
    ];

    public static readonly string[] ScheduleAfternoon =
    [
        "Làm việc với {PT} về {T}",
        "Nghe báo cáo tiến độ {T}",
        "Họp Hội đồng thẩm định hồ sơ về {T}",
        "Làm việc tại cơ quan",
        "Đi công tác tại {P}",
        "Duyệt nội dung báo cáo về {T}",
        "Tiếp và làm việc với đoàn công tác của {PT}",
    ];

    // ---------------------------------------------------------------- helpers

    /// <summary>"meeting", "visit" or "none": what kind of story a lead tells, for picking paragraphs that fit.</summary>
    public static string StoryKind(string? lead)
    {
        if (lead is null) return "none";
        if (lead.Contains("{P}", StringComparison.Ordinal) && (lead.Contains("kiểm tra", StringComparison.Ordinal) || lead.Contains("làm việc", StringComparison.Ordinal)
            || lead.Contains("khảo sát", StringComparison.Ordinal) || lead.Contains("thăm", StringComparison.Ordinal))) return "visit";
        string[] meeting = ["hội nghị", "hội thảo", "họp", "lớp", "buổi", "lễ ", "Ngày hội"];
        return meeting.Any(m => lead.Contains(m, StringComparison.Ordinal)) ? "meeting" : "none";
    }

    /// <summary>The paragraphs of a pool that fit a kind of story, without their prefix.</summary>
    public static List<string> Fitting(IEnumerable<string> pool, string story) =>
        pool.Where(p => !p.StartsWith("meeting:", StringComparison.Ordinal) || story == "meeting")
            .Where(p => !p.StartsWith("visit:", StringComparison.Ordinal) || story == "visit")
            .Where(p => !p.StartsWith("event:", StringComparison.Ordinal) || story != "none")
            .Select(p => p[(p.IndexOf(':') is var i && i > 0 && i < 8 ? i + 1 : 0)..]).ToList();

    private static readonly System.Text.RegularExpressions.Regex YearPhrase = new(@"năm (20\d\d)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The first day a text can be written about: "Luật … năm 2024" not before 2024, laws of 2025 and the
    /// two-tier local government not before July 2025, Resolution 57-NQ/TW not before its signature.
    /// </summary>
    public static DateOnly ValidFrom(string text)
    {
        var from = DateOnly.MinValue;
        foreach (System.Text.RegularExpressions.Match m in YearPhrase.Matches(text))
        {
            var year = int.Parse(m.Groups[1].Value, Invariant);
            var d = year >= 2025 ? new DateOnly(year, 7, 1) : new DateOnly(year, 1, 1);
            if (d > from) from = d;
        }
        if (text.Contains("57-NQ/TW", StringComparison.Ordinal) && from < new DateOnly(2024, 12, 22)) from = new DateOnly(2024, 12, 22);
        if (text.Contains("hai cấp", StringComparison.Ordinal) && from < DemoProvinceFacts.TwoTierSince) from = DemoProvinceFacts.TwoTierSince;
        return from;
    }

    /// <summary>Fills {KEY} and {KEY!} (first letter upper-cased); an unknown key is a bug in the templates.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        if (!template.Contains('{')) return template;
        var sb = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            var end = c == '{' ? template.IndexOf('}', i) : -1;
            if (end < 0)
            {
                sb.Append(c);
                i++;
                continue;
            }
            var key = template[(i + 1)..end];
            var cap = key.EndsWith('!');
            if (cap) key = key[..^1];
            if (!values.TryGetValue(key, out var value))
                throw new InvalidOperationException($"Demo template key {{{key}}} has no value: {template}");
            sb.Append(cap ? Cap(value) : value);
            i = end + 1;
        }
        return sb.ToString();
    }

    public static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Decap(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    /// <summary>Vietnamese decimal: 97.35 → "97,4"; 13070.52 → "13.070,52".</summary>
    public static string Dec(double value, int digits = 1) =>
        Math.Round(value, digits).ToString("#,0." + new string('0', digits), Invariant)
            .Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.');

    public static string Num(long n) => Text.VietnameseText.FormatNumber(n);

    /// <summary>"12/3/2025": day and month without leading zeros, as Vietnamese news writes dates.</summary>
    public static string Date(DateOnly d) => $"{d.Day}/{d.Month}/{d.Year}";

    /// <summary>"12/03/2025": with leading zeros, as documents write them.</summary>
    public static string DateDoc(DateOnly d) => d.ToString("dd/MM/yyyy", Invariant);

    /// <summary>Escapes only what HTML needs (WebUtility.HtmlEncode would turn à, é, ô … into numeric entities).</summary>
    public static string Html(string s) =>
        s.IndexOfAny(['&', '<', '>', '"']) < 0 ? s : s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    public static string P(string text) => "<p>" + Html(text) + "</p>";

    public static string Ul(IEnumerable<string> items) => "<ul>" + string.Concat(items.Select(i => "<li>" + Html(i) + "</li>")) + "</ul>";

    public static string Ol(IEnumerable<string> items) => "<ol>" + string.Concat(items.Select(i => "<li>" + Html(i) + "</li>")) + "</ol>";

    public static string H2(string text) => "<h2>" + Html(text) + "</h2>";

    /// <summary>A table with a caption, column headers (th scope="col") and, per row, a row header (th scope="row").</summary>
    public static string Table(string caption, string[] headers, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder("<table><caption>").Append(Html(caption)).Append("</caption><thead><tr>");
        foreach (var h in headers) sb.Append("<th scope=\"col\">").Append(Html(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr><th scope=\"row\">").Append(Html(row[0])).Append("</th>");
            foreach (var cell in row.Skip(1)) sb.Append("<td>").Append(Html(cell)).Append("</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>A two-column key/value table (contact details and the like).</summary>
    public static string Facts(string caption, IEnumerable<(string Key, string Value)> rows)
    {
        var sb = new StringBuilder("<table><caption>").Append(Html(caption)).Append("</caption><tbody>");
        foreach (var (k, v) in rows)
            sb.Append("<tr><th scope=\"row\">").Append(Html(k)).Append("</th><td>").Append(Html(v)).Append("</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    public static T Pick<T>(this Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    public static bool Chance(this Random r, double p) => r.NextDouble() < p;

    /// <summary>Stable across runs and platforms (string.GetHashCode is randomised per process).</summary>
    public static int StableSeed(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s) h = (h ^ c) * 16777619;
            return h & 0x7FFFFFFF;
        }
    }
}
