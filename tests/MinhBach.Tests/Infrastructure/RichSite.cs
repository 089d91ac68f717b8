using Microsoft.Extensions.DependencyInjection;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Features.Public;
using MinhBach.Features.Petitions;
using MinhBach.Features.Questions;
using MinhBach.Features.Schedules;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Tests.Infrastructure;

/// <summary>One public page type: its site-relative address (with the site prefix, if any), the heading it shows
/// and the language of the page.</summary>
public sealed record PageCase(string Name, string Path, string Heading, string Language = "vi", int Status = 200)
{
    public override string ToString() => $"{Name} ({Path})";
}

/// <summary>
/// A portal and one component site holding every kind of public content, written directly through AppDb
/// in a few round trips: introduction pages in Vietnamese and English, an organisation tree, leaders with
/// biographies and duties, focal-point contacts, categories with more than two pages of articles (featured
/// images with alt text, authors, one republished with its source), documents, this week's work schedule,
/// links, and the footer facts of each site (the licence line on the portal only).
/// </summary>
public sealed class RichSite
{
    public const string PortalName = "Cổng thông tin điện tử tỉnh Đông Minh";
    public const string PortalAgency = "Ủy ban nhân dân tỉnh Đông Minh";
    public const string PortalNameEn = "Dong Minh Provincial People's Committee";
    public const string PortalAddress = "Số 1 đường Trần Hưng Đạo, phường Minh Khai, tỉnh Đông Minh";
    public const string PortalPhone = "0225 3821 456";
    public const string PortalEmail = "congthongtin@dongminh.gov.vn";
    public const string ResponsiblePerson = "Lê Hoàng Nam";
    public const string ResponsiblePersonTitle = "Chánh Văn phòng Ủy ban nhân dân tỉnh";
    public const string LicenceLine = "Giấy phép số 12/GP-TTĐT ngày 15/3/2024 do Sở Văn hóa, Thể thao và Du lịch tỉnh Đông Minh cấp";

    public const string ComponentSlug = "so-khcn";
    public const string ComponentName = "Trang thông tin điện tử Sở Khoa học và Công nghệ";
    public const string ComponentAgency = "Sở Khoa học và Công nghệ tỉnh Đông Minh";
    public const string ComponentNameEn = "Dong Minh Department of Science and Technology";

    /// <summary>Found by "day manh thu tuc": no diacritics, đ typed as d.</summary>
    public const string SearchableTitle = "Đẩy mạnh cải cách thủ tục hành chính năm 2026";
    /// <summary>An article of the component site only, found by a province-wide search on the portal.</summary>
    public const string ComponentArticleTitle = "Hội thảo ứng dụng trí tuệ nhân tạo trong nghiên cứu khoa học";

    public const string PublicServiceUrl = "https://dichvucong.dongminh.gov.vn";

    private RichSite() { }

    public required TestApp App { get; init; }
    public required Site Portal { get; init; }
    public required Site Component { get; init; }
    public required IReadOnlyList<Category> Categories { get; init; }
    /// <summary>The portal's news category with more than one page of articles.</summary>
    public Category NewsCategory => Categories[0];
    /// <summary>The portal's published articles, newest first.</summary>
    public required IReadOnlyList<Article> Articles { get; init; }
    public required Article Featured { get; init; }
    public required Article Sourced { get; init; }
    public required Article Searchable { get; init; }
    public required Article ComponentArticle { get; init; }
    public required Page Intro { get; init; }
    public required Page IntroEn { get; init; }
    public required IReadOnlyList<Leader> Leaders { get; init; }
    public required IReadOnlyList<Document> Documents { get; init; }
    /// <summary>The document issued in 2025 (for ?nam=2025).</summary>
    public required Document Document2025 { get; init; }
    public required ScheduleEntry TodayEntry { get; init; }
    /// <summary>On Monday 29/12/2025, in ISO week 2026-W01.</summary>
    public required ScheduleEntry Week1Entry { get; init; }

    public static string ArticlePath(Article a) => ContentUrls.Article(a);
    public string ComponentPath(string path) => $"/{ComponentSlug}{path}";

    /// <summary>The names of <see cref="PublicPages"/>, known before any data exists (for theory rows).</summary>
    public static IReadOnlyList<string> PageNames { get; } =
    [
        "home", "news", "category", "article", "print", "introduction", "intro-page", "organisation", "leaders", "leader",
        "contacts", "schedule", "documents", "document", "site-map", "search", "feeds", "component-sites",
        "en-home", "en-page", "en-organisation", "en-leaders", "en-contacts", "component-home", "component-article", "not-found",
        "questions", "question", "ask", "track", "component-questions",
        "petitions", "petition", "petition-submit", "petition-track", "rate",
        "consultations", "consultation", "consultation-comment",
    ];

    public const string QuestionTitle = "Ưu đãi cho doanh nghiệp khoa học và công nghệ";
    public Question Question { get; private init; } = null!;

    public const string PetitionSubject = "Sửa chữa đèn chiếu sáng đường Trần Hưng Đạo";
    public Petition Petition { get; private init; } = null!;
    public const string ConsultationTitle = "Dự thảo Quyết định quy định chính sách hỗ trợ doanh nghiệp khoa học và công nghệ";
    /// <summary>An open consultation of the portal with approved comments on an article and on the whole draft.</summary>
    public MinhBach.Features.Consultations.Consultation Consultation { get; private init; } = null!;

    /// <summary>Every public page type of the portal, plus the component site's home and article and a 404 page.</summary>
    public IReadOnlyList<PageCase> PublicPages =>
    [
        new("home", "/", PortalName),
        new("news", ContentUrls.News, "Tin tức"),
        new("category", ContentUrls.Category(NewsCategory.Slug), NewsCategory.Name),
        new("article", ArticlePath(Sourced), Sourced.Title),
        new("print", ContentUrls.Print(Sourced), Sourced.Title),
        new("introduction", "/gioi-thieu", "Giới thiệu"),
        new("intro-page", ContentUrls.Intro(Intro.Slug), Intro.Title),
        new("organisation", ContentUrls.Organisation, "Cơ cấu tổ chức"),
        new("leaders", ContentUrls.Leaders, "Lãnh đạo"),
        new("leader", ContentUrls.Leader(Leaders[0].Slug), Leaders[0].FullName),
        new("contacts", ContentUrls.Contacts, "Liên hệ"),
        new("schedule", ContentUrls.Schedule, "Lịch công tác của lãnh đạo"),
        new("documents", ContentUrls.Documents, "Văn bản"),
        new("document", ContentUrls.Document(Documents[0]), "Quyết định số " + Documents[0].Number),
        new("site-map", ContentUrls.SiteMap, "Sơ đồ cổng"),
        new("search", ContentUrls.Search + "?q=thu+tuc", "Tìm kiếm"),
        new("feeds", ContentUrls.Feeds, "Kênh tin RSS"),
        new("component-sites", ContentUrls.ComponentSites, "Trang thành phần"),
        new("en-home", ContentUrls.English, PortalNameEn, "en"),
        new("en-page", $"{ContentUrls.English}/{IntroEn.Slug}", IntroEn.Title, "en"),
        new("en-organisation", ContentUrls.English + "/organisation", "Organisational structure", "en"),
        new("en-leaders", ContentUrls.English + "/leaders", "Leaders", "en"),
        new("en-contacts", ContentUrls.English + "/contacts", "Contacts", "en"),
        new("component-home", ComponentPath("/"), ComponentName),
        new("component-article", ComponentPath(ArticlePath(ComponentArticle)), ComponentArticle.Title),
        new("not-found", ContentUrls.Article(NewsCategory.Slug, "khong-co-bai-viet-nay"), "Không tìm thấy trang", Status: 404),
        new("questions", QuestionUrls.List, "Hỏi đáp"),
        new("question", QuestionUrls.Detail(Question.Id), QuestionTitle),
        new("ask", QuestionUrls.Ask, "Gửi câu hỏi"),
        new("track", QuestionUrls.Track, "Tra cứu câu hỏi"),
        new("component-questions", ComponentPath(QuestionUrls.List), "Hỏi đáp"),
        new("petitions", PetitionUrls.List, "Phản ánh, kiến nghị"),
        new("petition", PetitionUrls.Detail(Petition.Id), PetitionSubject),
        new("petition-submit", PetitionUrls.Submit, "Gửi phản ánh, kiến nghị"),
        new("petition-track", PetitionUrls.Track, "Tra cứu phản ánh, kiến nghị"),
        new("rate", $"/danh-gia?loai=article&id={Sourced.Id}", "Đánh giá mức độ hài lòng"),
        new("consultations", MinhBach.Features.Consultations.ConsultationUrls.List, "Lấy ý kiến dự thảo"),
        new("consultation", MinhBach.Features.Consultations.ConsultationUrls.Detail(Consultation.Slug), ConsultationTitle),
        new("consultation-comment", MinhBach.Features.Consultations.ConsultationUrls.Comment(Consultation.Slug), "Góp ý dự thảo"),
    ];

    public static async Task<RichSite> CreateAsync(TestApp app)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = VnTime.Today(app.Services.GetRequiredService<TimeProvider>());
        var rich = await app.WithDbAsync(async db =>
        {
            var portal = new Site
            {
                Slug = "",
                Name = PortalName,
                AgencyName = PortalAgency,
                NameEn = PortalNameEn,
                ShortName = "UBND tỉnh Đông Minh",
                KindCode = "provincial-portal",
                Description = "Cổng thông tin điện tử tỉnh Đông Minh: tin tức, văn bản, lịch công tác và dịch vụ công của tỉnh.",
                Address = PortalAddress,
                Phone = PortalPhone,
                Fax = "0225 3821 457",
                Email = PortalEmail,
                ResponsiblePerson = ResponsiblePerson,
                ResponsiblePersonTitle = ResponsiblePersonTitle,
                LicenceLine = LicenceLine,
                CreatedAt = now,
                // The public visit counter is on, so the page tests and axe check the footer with it.
                ShowVisitCounter = true,
                VisitsBefore = 53_028_922,
                VisitsBeforeDate = today.AddDays(-1),
            };
            db.Sites.Add(portal);
            await db.SaveChangesAsync();
            var component = new Site
            {
                Slug = ComponentSlug,
                Name = ComponentName,
                AgencyName = ComponentAgency,
                NameEn = ComponentNameEn,
                KindCode = "department",
                ParentId = portal.Id,
                Order = 1,
                ManagingAgency = PortalAgency,
                Address = "Số 25 đường Lê Lợi, phường Minh Khai, tỉnh Đông Minh",
                Phone = "0225 3842 310",
                Email = "sokhcn@dongminh.gov.vn",
                ResponsiblePerson = "Phạm Quang Huy",
                ResponsiblePersonTitle = "Giám đốc Sở",
                CreatedAt = now,
            };
            db.Sites.Add(component);
            await db.SaveChangesAsync();

            // --- the portal ---
            var categories = new List<Category>
            {
                new() { SiteId = portal.Id, Slug = "tin-hoat-dong", Name = "Tin hoạt động", Description = "Hoạt động của lãnh đạo tỉnh và các cơ quan, đơn vị.", Order = 1 },
                new() { SiteId = portal.Id, Slug = "chi-dao-dieu-hanh", Name = "Chỉ đạo, điều hành", Order = 2 },
                new() { SiteId = portal.Id, Slug = "thong-bao", Name = "Thông báo", Order = 3 },
            };
            db.Categories.AddRange(categories);
            var (news, direction, notices) = (categories[0], categories[1], categories[2]);
            (Category Category, string Title)[] titles =
            [
                (news, "Khai mạc kỳ họp thứ mười Hội đồng nhân dân tỉnh khóa XVII"),
                (news, "Lãnh đạo tỉnh tiếp xúc cử tri xã Vĩnh Lạc"),
                (direction, SearchableTitle),
                (news, "Tỉnh Đông Minh đón nhận Huân chương Lao động hạng Nhất"),
                (news, "Hội nghị xúc tiến đầu tư vào khu công nghiệp Bắc Đông Minh"),
                (notices, "Thông báo lịch tiếp công dân tháng 12 năm 2026"),
                (news, "Khánh thành cầu Sông Mây nối hai bờ xã Tân Phú"),
                (news, "Tổng kết công tác phòng, chống thiên tai năm 2026"),
                (news, "Ra quân chiến dịch tình nguyện Mùa hè xanh"),
                (direction, "Chỉ đạo triển khai kế hoạch phát triển kinh tế - xã hội quý IV"),
                (news, "Đoàn công tác của tỉnh thăm và làm việc tại Nhật Bản"),
                (news, "Trao tặng 500 suất học bổng cho học sinh nghèo vượt khó"),
                (news, "Hội chợ nông sản an toàn tỉnh Đông Minh lần thứ ba"),
                (news, "Ký kết hợp tác chuyển đổi số với doanh nghiệp viễn thông"),
                (notices, "Thông báo tuyển dụng viên chức sự nghiệp giáo dục năm 2026"),
                (news, "Tuyên dương 120 gương điển hình tiên tiến"),
                (news, "Diễn tập khu vực phòng thủ xã Hòa Bình"),
                (direction, "Tăng cường quản lý, bảo vệ rừng mùa khô"),
                (news, "Khởi công xây dựng Bệnh viện Đa khoa tỉnh cơ sở 2"),
                (news, "Lễ hội Đền Đức Thánh thu hút hàng nghìn du khách"),
                (news, "Tập huấn kỹ năng số cho cán bộ cấp xã"),
                (news, "Đối thoại với doanh nghiệp về thủ tục đất đai"),
            ];
            var articles = titles.Select((t, i) => NewArticle(portal, t.Category, t.Title, now.AddHours(-(3 * i + 1)), i % 2 == 0 ? "/assets/quoc-huy.svg" : "/assets/chan-dung.svg")).ToList();
            articles[0].IsFeatured = true;
            var sourced = articles[7];
            sourced.Source = "Báo Đông Minh, ngày 20/11/2026";
            sourced.SourceUrl = "https://baodongminh.vn/tong-ket-cong-tac-phong-chong-thien-tai";
            sourced.Author = "Hoàng Lan (tổng hợp)";
            // A draft is never shown, listed, searched or fed.
            db.Articles.Add(NewArticle(portal, news, "Bản nháp chưa duyệt về đề án sáp nhập thôn", now.AddMinutes(-10), null, ArticleStatus.Draft));
            db.Articles.AddRange(articles);

            var intro = new Page
            {
                SiteId = portal.Id, Language = "vi", Kind = "overview", Slug = "gioi-thieu-chung", Title = "Giới thiệu chung", Order = 1, UpdatedAt = now.AddDays(-30),
                Body = "<p>Tỉnh Đông Minh nằm ở vùng đồng bằng sông Hồng, có diện tích tự nhiên 1.520 km² và dân số khoảng 1,9 triệu người.</p>"
                    + "<h2>Đơn vị hành chính</h2><p>Tỉnh có 72 xã, phường sau khi sắp xếp đơn vị hành chính cấp xã năm 2025.</p>",
            };
            var introEn = new Page
            {
                SiteId = portal.Id, Language = "en", Kind = "overview", Slug = "introduction", Title = "Introduction", Order = 1, UpdatedAt = now.AddDays(-30),
                Body = "<p>Dong Minh province lies in the Red River Delta, with an area of 1,520 km² and about 1.9 million inhabitants.</p>",
            };
            db.Pages.AddRange(
                intro,
                new Page
                {
                    SiteId = portal.Id, Language = "vi", Kind = "functions", Slug = "chuc-nang-nhiem-vu", Title = "Chức năng, nhiệm vụ, quyền hạn", Order = 2, UpdatedAt = now.AddDays(-60),
                    Body = "<p>Ủy ban nhân dân tỉnh là cơ quan chấp hành của Hội đồng nhân dân tỉnh, cơ quan hành chính nhà nước ở địa phương.</p>"
                        + "<ul><li>Xây dựng, trình Hội đồng nhân dân tỉnh quyết định các nội dung thuộc thẩm quyền.</li><li>Tổ chức thi hành Hiến pháp và pháp luật ở địa phương.</li></ul>",
                },
                new Page
                {
                    SiteId = portal.Id, Language = "vi", Kind = "history", Slug = "qua-trinh-hinh-thanh-va-phat-trien", Title = "Quá trình hình thành và phát triển", Order = 3, UpdatedAt = now.AddDays(-90),
                    Body = "<p>Tỉnh Đông Minh được tái lập ngày 1 tháng 1 năm 1997.</p>",
                },
                introEn,
                new Page
                {
                    SiteId = portal.Id, Language = "en", Kind = "functions", Slug = "functions", Title = "Functions, duties and powers", Order = 2, UpdatedAt = now.AddDays(-60),
                    Body = "<p>The Provincial People's Committee is the executive body of the Provincial People's Council.</p>",
                });

            var office = new OrgUnit { SiteId = portal.Id, Name = "Văn phòng Ủy ban nhân dân tỉnh", NameEn = "Office of the Provincial People's Committee", Head = "Lê Hoàng Nam", Functions = "Tham mưu tổng hợp, giúp việc cho Ủy ban nhân dân tỉnh.", FunctionsEn = "Advises and assists the Committee.", Phone = "0225 3821 458", Email = "vanphong@dongminh.gov.vn", Order = 1 };
            var home = new OrgUnit { SiteId = portal.Id, Name = "Sở Nội vụ", NameEn = "Department of Home Affairs", Head = "Vũ Thị Hạnh", Order = 2 };
            db.OrgUnits.AddRange(office, home);
            await db.SaveChangesAsync();
            db.OrgUnits.AddRange(
                new OrgUnit { SiteId = portal.Id, ParentId = office.Id, Name = "Phòng Tổng hợp", NameEn = "General Affairs Division", Head = "Đinh Văn Tùng", Order = 1 },
                new OrgUnit { SiteId = portal.Id, ParentId = office.Id, Name = "Trung tâm Phục vụ hành chính công", NameEn = "Public Administration Service Centre", Head = "Ngô Thị Thu", Phone = "0225 3999 888", Order = 2 },
                new OrgUnit { SiteId = portal.Id, ParentId = home.Id, Name = "Ban Thi đua - Khen thưởng", NameEn = "Emulation and Commendation Board", Order = 1 });

            var leaders = new List<Leader>
            {
                new()
                {
                    SiteId = portal.Id, Slug = "nguyen-van-minh", FullName = "Nguyễn Văn Minh", Title = "Chủ tịch Ủy ban nhân dân tỉnh", TitleEn = "Chairman of the Provincial People's Committee",
                    Phone = "0225 3821 001", Email = "nvminh@dongminh.gov.vn", BirthYear = 1970, Hometown = "xã Vĩnh Lạc, tỉnh Đông Minh", Order = 1,
                    Biography = "<p>Tiến sĩ Kinh tế. Nguyên Giám đốc Sở Kế hoạch và Đầu tư.</p>",
                    Duties = "<p>Lãnh đạo, điều hành chung mọi hoạt động của Ủy ban nhân dân tỉnh.</p>",
                    DutiesEn = "<p>Leads and directs all activities of the Committee.</p>",
                },
                new()
                {
                    SiteId = portal.Id, Slug = "tran-thi-bach", FullName = "Trần Thị Bạch", Title = "Phó Chủ tịch Ủy ban nhân dân tỉnh", TitleEn = "Vice Chairwoman of the Provincial People's Committee",
                    Phone = "0225 3821 002", Email = "ttbach@dongminh.gov.vn", BirthYear = 1975, Hometown = "phường Minh Khai, tỉnh Đông Minh", Order = 2, PhotoUrl = "/assets/chan-dung.svg",
                    Biography = "<p>Thạc sĩ Quản lý công.</p>",
                    Duties = "<p>Phụ trách lĩnh vực văn hóa - xã hội, giáo dục, y tế.</p>",
                    DutiesEn = "<p>In charge of culture, society, education and health.</p>",
                },
            };
            db.Leaders.AddRange(leaders);
            db.Contacts.AddRange(
                new Contact { SiteId = portal.Id, FullName = "Đặng Thu Hà", Title = "Phó Chánh Văn phòng", TitleEn = "Deputy Chief of Office", Unit = "Văn phòng Ủy ban nhân dân tỉnh", Responsibility = "Phát ngôn, cung cấp thông tin cho báo chí", ResponsibilityEn = "Spokesperson", Phone = "0225 3821 100", Email = "dtha@dongminh.gov.vn", Order = 1 },
                new Contact { SiteId = portal.Id, FullName = "Bùi Minh Đức", Title = "Trưởng phòng", TitleEn = "Head of Division", Unit = "Trung tâm Phục vụ hành chính công", Responsibility = "Tiếp nhận phản ánh, kiến nghị về thủ tục hành chính", ResponsibilityEn = "Feedback on administrative procedures", Phone = "0225 3999 889", Email = "bmduc@dongminh.gov.vn", Order = 2 });
            db.SiteLinks.AddRange(
                new SiteLink { SiteId = portal.Id, Kind = LinkKind.PublicService, Title = "Cổng Dịch vụ công tỉnh Đông Minh", Url = PublicServiceUrl, Order = 1 },
                new SiteLink { SiteId = portal.Id, Kind = LinkKind.Gazette, Title = "Công báo tỉnh Đông Minh", Url = "https://congbao.dongminh.gov.vn", Order = 2 },
                new SiteLink { SiteId = portal.Id, Kind = LinkKind.DataPortal, Title = "Cổng dữ liệu mở tỉnh Đông Minh", Url = "https://data.dongminh.gov.vn", Order = 3 });

            var documents = new List<Document>
            {
                NewDocument(portal, "123/QĐ-UBND", "quyet-dinh", "Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh", new DateOnly(2026, 11, 10), now, "Nguyễn Văn Minh", "https://vanban.dongminh.gov.vn/123-qd-ubnd.pdf"),
                NewDocument(portal, "45/KH-UBND", "ke-hoach", "Kế hoạch chuyển đổi số tỉnh Đông Minh năm 2026", new DateOnly(2026, 2, 3), now, "Trần Thị Bạch"),
                NewDocument(portal, "17/CT-UBND", "chi-thi", "Về tăng cường công tác phòng cháy, chữa cháy", new DateOnly(2025, 12, 1), now, "Nguyễn Văn Minh"),
            };
            db.Documents.AddRange(documents);

            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var todayEntry = new ScheduleEntry { SiteId = portal.Id, Date = today, StartTime = new TimeOnly(14, 0), Participants = "Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn Minh", Content = "Tiếp công dân định kỳ", Location = "Trụ sở Tiếp công dân tỉnh", Preparation = "Ban Tiếp công dân tỉnh" };
            var week1Entry = new ScheduleEntry { SiteId = portal.Id, Date = new DateOnly(2025, 12, 29), StartTime = new TimeOnly(8, 0), Participants = "Thường trực Ủy ban nhân dân tỉnh", Content = "Hội nghị tổng kết công tác năm 2025", Location = "Hội trường A, trụ sở Ủy ban nhân dân tỉnh" };
            db.ScheduleEntries.AddRange(
                todayEntry,
                week1Entry,
                new ScheduleEntry { SiteId = portal.Id, Date = monday, StartTime = new TimeOnly(8, 0), Participants = "Thường trực Ủy ban nhân dân tỉnh", Content = "Họp giao ban tuần", Location = "Phòng họp số 1, trụ sở Ủy ban nhân dân tỉnh", Preparation = "Văn phòng Ủy ban nhân dân tỉnh" },
                new ScheduleEntry { SiteId = portal.Id, Date = monday.AddDays(2), Participants = "Phó Chủ tịch Ủy ban nhân dân tỉnh Trần Thị Bạch", Content = "Kiểm tra tiến độ xây dựng Bệnh viện Đa khoa tỉnh cơ sở 2", Location = "Xã Tân Phú" });

            // --- the component site ---
            var componentNews = new Category { SiteId = component.Id, Slug = "tin-hoat-dong", Name = "Tin hoạt động", Order = 1 };
            db.Categories.Add(componentNews);
            var componentArticle = NewArticle(component, componentNews, ComponentArticleTitle, now.AddHours(-2), "/assets/quoc-huy.svg");
            db.Articles.AddRange(
                componentArticle,
                NewArticle(component, componentNews, "Nghiệm thu đề tài giống lúa chịu mặn", now.AddHours(-26), null),
                NewArticle(component, componentNews, "Cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ", now.AddHours(-50), "/assets/chan-dung.svg"));
            db.Pages.AddRange(
                new Page { SiteId = component.Id, Language = "vi", Kind = "functions", Slug = "chuc-nang-nhiem-vu", Title = "Chức năng, nhiệm vụ, quyền hạn", Order = 1, UpdatedAt = now.AddDays(-10), Body = "<p>Sở Khoa học và Công nghệ tham mưu quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo.</p>" },
                new Page { SiteId = component.Id, Language = "en", Kind = "functions", Slug = "functions", Title = "Functions, duties and powers", Order = 1, UpdatedAt = now.AddDays(-10), Body = "<p>The Department advises on science, technology and innovation.</p>" });
            db.OrgUnits.Add(new OrgUnit { SiteId = component.Id, Name = "Phòng Quản lý khoa học", NameEn = "Science Management Division", Head = "Lý Văn Sơn", Order = 1 });
            db.Leaders.Add(new Leader { SiteId = component.Id, Slug = "pham-quang-huy", FullName = "Phạm Quang Huy", Title = "Giám đốc Sở", TitleEn = "Director", Order = 1, Biography = "<p>Tiến sĩ Vật lý.</p>", Duties = "<p>Phụ trách chung.</p>" });
            db.Contacts.Add(new Contact { SiteId = component.Id, FullName = "Mai Thị Hoa", Title = "Chánh Văn phòng Sở", Unit = "Văn phòng Sở", Responsibility = "Cung cấp thông tin", Phone = "0225 3842 311", Email = "mthoa@dongminh.gov.vn", Order = 1 });
            db.Documents.Add(NewDocument(component, "88/QĐ-SKHCN", "quyet-dinh", "Phê duyệt danh mục nhiệm vụ khoa học và công nghệ năm 2027", new DateOnly(2026, 10, 5), now, "Phạm Quang Huy"));
            db.ScheduleEntries.Add(new ScheduleEntry { SiteId = component.Id, Date = today, StartTime = new TimeOnly(9, 0), Participants = "Giám đốc Sở Phạm Quang Huy", Content = "Làm việc với Viện Nghiên cứu", Location = "Trụ sở Sở" });

            // A question asked on the portal, answered by the component site and published on both.
            var question = new Question
            {
                SiteId = portal.Id, HandlingSiteId = component.Id, Code = "HD-RKCH-S2TE", AskerName = "Nguyễn Văn Hỏi", AskerEmail = "nguoihoi@example.vn",
                Topic = "Đầu tư, doanh nghiệp", Title = "Hỗ trợ doanh nghiệp khoa học", Body = "Doanh nghiệp khoa học và công nghệ được hỗ trợ gì?",
                AskedAt = now.AddDays(-10), DueOn = today.AddDays(10), Status = QuestionStatus.Published, Answer = "Được miễn, giảm thuế theo quy định.",
                AnsweredAt = now.AddDays(-2), AnsweredByName = "Biên tập viên", PublishedAt = now.AddDays(-1),
                PublicTitle = QuestionTitle, PublicQuestion = "Doanh nghiệp khoa học và công nghệ được hưởng những ưu đãi nào?",
                PublicAnswer = "Doanh nghiệp được miễn, giảm thuế thu nhập doanh nghiệp và hỗ trợ thương mại hóa kết quả nghiên cứu.",
            };
            question.PublicFolded = MinhBach.Text.SearchText.Normalize(question.PublicTitle + " " + question.PublicQuestion + " " + question.PublicAnswer);
            db.Questions.Add(question);

            // A petition sent to the portal, answered and published there.
            var petition = new Petition
            {
                SiteId = portal.Id, HandlingSiteId = portal.Id, Code = "PA-RKCH-S2TE", PetitionerName = "Trần Thị Phản Ánh", PetitionerEmail = "nguoigui@example.vn",
                Subject = "Đèn đường hỏng", Content = "Nhiều cột đèn trên đường Trần Hưng Đạo không sáng.", SubmittedAt = now.AddDays(-8),
                DueOn = today.AddDays(12), Status = PetitionStatus.Published, Answer = "Đã thay bóng đèn.", AnsweredAt = now.AddDays(-3),
                AnsweredByName = "Biên tập viên", PublishedAt = now.AddDays(-2), PublicSubject = PetitionSubject,
                PublicContent = "Nhiều cột đèn chiếu sáng trên đoạn cuối đường Trần Hưng Đạo không sáng.",
                PublicAnswer = "Công ty chiếu sáng đô thị đã thay bóng đèn và sửa đường dây trong ba ngày.",
            };
            petition.PublicFolded = MinhBach.Text.SearchText.Normalize(petition.PublicSubject + " " + petition.PublicContent + " " + petition.PublicAnswer);
            db.Petitions.Add(petition);
            var consultation = new MinhBach.Features.Consultations.Consultation
            {
                SiteId = portal.Id, Slug = "ho-tro-doanh-nghiep-khcn", Title = ConsultationTitle,
                Summary = "Sở Khoa học và Công nghệ lấy ý kiến về mức hỗ trợ và điều kiện hưởng.",
                DraftText = "QUYẾT ĐỊNH\nQuy định chính sách hỗ trợ doanh nghiệp khoa học và công nghệ\nChương I\nQUY ĐỊNH CHUNG\n"
                    + "Điều 1. Phạm vi điều chỉnh\nQuyết định này quy định mức hỗ trợ doanh nghiệp khoa học và công nghệ.\n"
                    + "Điều 2. Mức hỗ trợ\n1. Hỗ trợ 50% chi phí thuê mặt bằng:\na) trong hai năm đầu;\nb) không quá 200 triệu đồng.\n2. Hỗ trợ lãi suất vay vốn.\n"
                    + "Nơi nhận:\n- Như Điều 2;",
                ArticleCount = 2, OpensOn = today.AddDays(-5), ClosesOn = today.AddDays(25), IsPublic = true,
                DraftingUnit = ComponentAgency, ContactName = "Phòng Quản lý khoa học", ContactPhone = "0225 3842 311",
                ContactEmail = "qlkh@dongminh.gov.vn", ContactAddress = "Số 5 đường Lê Lợi, tỉnh Đông Minh", CreatedAt = now.AddDays(-6), UpdatedAt = now.AddDays(-6),
            };
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync();
            db.ConsultationComments.AddRange(
                new MinhBach.Features.Consultations.ConsultationComment
                {
                    SiteId = portal.Id, ConsultationId = consultation.Id, ArticleNumber = 2, ClauseNumber = 1, AuthorName = "Trần Văn Góp",
                    Organisation = "Công ty TNHH Đông Minh Tech", AuthorEmail = "gopy@example.vn", Body = "Đề nghị nâng thời gian hỗ trợ lên ba năm.",
                    SubmittedAt = now.AddDays(-2), Status = MinhBach.Features.Consultations.CommentStatus.Approved,
                },
                new MinhBach.Features.Consultations.ConsultationComment
                {
                    SiteId = portal.Id, ConsultationId = consultation.Id, AuthorName = "Lê Thị Ý", AuthorPhone = "0912 111 222",
                    Body = "Dự thảo cần nêu rõ hồ sơ đề nghị hỗ trợ.", SubmittedAt = now.AddDays(-1), Status = MinhBach.Features.Consultations.CommentStatus.Approved,
                });

            await db.SaveChangesAsync();
            return new RichSite
            {
                App = app,
                Portal = portal,
                Component = component,
                Categories = categories,
                Articles = articles,
                Featured = articles[0],
                Sourced = sourced,
                Searchable = articles[2],
                ComponentArticle = componentArticle,
                Intro = intro,
                IntroEn = introEn,
                Leaders = leaders,
                Documents = documents,
                Document2025 = documents[2],
                TodayEntry = todayEntry,
                Week1Entry = week1Entry,
                Question = question,
                Petition = petition,
                Consultation = consultation,
            };
        });
        app.Services.GetRequiredService<SiteDirectory>().Invalidate();
        return rich;
    }

    private static Article NewArticle(Site site, Category category, string title, DateTime publishedAt, string? image, ArticleStatus status = ArticleStatus.Published) => new()
    {
        SiteId = site.Id,
        Category = category,
        Title = title,
        Slug = VietnameseText.Slugify(title),
        Summary = $"{title}: tóm tắt nội dung chính của tin bài.",
        Body = $"<p>{title}.</p><p>Nội dung chi tiết của tin bài, với <strong>các số liệu</strong> và <a href=\"https://dongminh.gov.vn\">liên kết</a>.</p>",
        Author = "Phóng viên Cổng thông tin",
        PublishedAt = publishedAt,
        UpdatedAt = publishedAt,
        FeaturedImageUrl = image,
        FeaturedImageAlt = image is null ? null : "Ảnh minh họa: " + title,
        Status = status,
    };

    private static Document NewDocument(Site site, string number, string type, string title, DateOnly issuedOn, DateTime now, string signer, string? fileUrl = null) => new()
    {
        SiteId = site.Id,
        Slug = VietnameseText.Slugify(number),
        Number = number,
        TypeCode = type,
        Title = title,
        IssuingBody = site.AgencyName,
        Signer = signer,
        Field = "Hành chính",
        IssuedOn = issuedOn,
        EffectiveOn = issuedOn,
        FileUrl = fileUrl,
        CreatedAt = now,
    };
}
