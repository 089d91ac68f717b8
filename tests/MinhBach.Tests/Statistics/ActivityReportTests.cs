using DocumentFormat.OpenXml.Packaging;
using MinhBach.Features.Articles;
using MinhBach.Features.Documents;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Features.Statistics;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Statistics;

/// <summary>`./minhbach activity-report`: seed 002 §1.5 written from what the database holds; bad periods answered in Vietnamese.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ActivityReportTests
{
    private const string PortalName = "Cổng thông tin điện tử tỉnh Đông Minh";

    /// <summary>The figures of the seed's month, spread over days the comparisons pick up: 175.801 visits in the month,
    /// 141 more than the month before, 1.715.875 since the start of the year (39 % over the same period of 2024).</summary>
    private static async Task<TestDatabase> ProvinceAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await database.MigrateAsync();
            await using var db = database.CreateDbContext();
            var portal = new Site { Slug = "", Name = PortalName, AgencyName = "UBND tỉnh Đông Minh", KindCode = "provincial-portal", CreatedAt = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
            var soA = new Site { Slug = "so-a", Name = "Trang thông tin điện tử Sở A", AgencyName = "Sở A", KindCode = "department", CreatedAt = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc) };
            db.Sites.AddRange(portal, soA);
            await db.SaveChangesAsync();
            db.VisitDays.AddRange(
                new VisitDay { SiteId = portal.Id, Day = new(2025, 10, 20), Views = 175_801, Visitors = 90_000 },
                new VisitDay { SiteId = portal.Id, Day = new(2025, 10, 1), Views = 175_660, Visitors = 80_000 },
                new VisitDay { SiteId = portal.Id, Day = new(2025, 3, 1), Views = 1_364_414, Visitors = 1 },
                new VisitDay { SiteId = portal.Id, Day = new(2024, 5, 1), Views = 1_134_443, Visitors = 1 },
                new VisitDay { SiteId = portal.Id, Day = new(2024, 10, 20), Views = 100_000, Visitors = 1 },
                new VisitDay { SiteId = soA.Id, Day = new(2025, 10, 20), Views = 1_000, Visitors = 500 });
            var news = new Category { SiteId = portal.Id, Slug = "tin-tuc", Name = "Tin tức - Sự kiện" };
            var economy = new Category { SiteId = portal.Id, Slug = "kinh-te", Name = "Kinh tế" };
            var newsA = new Category { SiteId = soA.Id, Slug = "tin-tuc", Name = "Tin hoạt động" };
            db.Categories.AddRange(news, economy, newsA);
            await db.SaveChangesAsync();
            Article A(Category c, string title, DateTime at, ArticleStatus status = ArticleStatus.Published, string author = "Nguyễn Văn An") => new()
            {
                SiteId = c.SiteId, CategoryId = c.Id, Title = title, Slug = MinhBach.Text.VietnameseText.Slugify(title), Author = author, Body = "<p>…</p>",
                Status = status, PublishedAt = at, UpdatedAt = at,
            };
            db.Articles.AddRange(
                A(news, "Khai mạc hội chợ", Utc(2025, 10, 13, 0, 30)),
                A(news, "Hội nghị chuyển đổi số", Utc(2025, 11, 13, 23, 0), author: "Trần Thị Bình"),
                A(economy, "Thu ngân sách tăng", Utc(2025, 10, 25, 9, 0)),
                A(news, "Bản nháp", Utc(2025, 10, 25, 9, 0), ArticleStatus.Draft),
                A(news, "Ngoài kỳ", Utc(2025, 11, 14, 0, 5)),
                A(newsA, "Tin của sở", Utc(2025, 10, 25, 9, 0)));
            Document D(string number, string type, string? field, DateTime createdAt) => new()
            {
                SiteId = portal.Id, Number = number, Slug = MinhBach.Text.VietnameseText.Slugify(number), TypeCode = type, Title = "Về việc " + number,
                IssuingBody = "UBND tỉnh Đông Minh", Field = field, IssuedOn = DateOnly.FromDateTime(createdAt), CreatedAt = createdAt,
            };
            db.Documents.AddRange(
                D("101/QĐ-UBND", "quyet-dinh", "Đất đai", Utc(2025, 10, 14, 8, 0)),
                D("102/UBND-KT", "cong-van", null, Utc(2025, 10, 15, 8, 0)),
                D("15/2025/NQ-HĐND", "nghi-quyet", null, Utc(2025, 11, 1, 8, 0)),
                D("99/QĐ-UBND", "quyet-dinh", null, Utc(2025, 9, 1, 8, 0)));
            await db.SaveChangesAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A time given in Viet Nam, stored in UTC.</summary>
    private static DateTime Utc(int y, int m, int d, int h, int min) => VnTime.FromLocal(new DateTime(y, m, d, h, min, 0));

    private static Task<CliResult> ReportAsync(TestDatabase database, params string[] args) =>
        Infrastructure.Cli.RunAsync([.. new[] { "activity-report" }, .. args, .. database.CommandLineArgs]);

    private static string DocxText(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    public const string ExpectedParagraph =
        "Tính từ ngày 13/10 đến 13/11/2025, Cổng thông tin điện tử tỉnh Đông Minh đã đăng tải được 03 tin, bài; 03 văn bản, trong đó có " +
        "02 văn bản chỉ đạo điều hành; 01 văn bản quy phạm pháp luật; 01 văn bản đất đai; Tổng số lượt truy cập trên Cổng từ đầu năm đến nay là: " +
        "1.715.875 lượt (tăng 39% so với cùng kỳ năm trước); trong tháng có 175.801 lượt truy cập, tăng 141 lượt so với tháng trước " +
        "và tăng 76% so với cùng kỳ năm trước.";

    [DatabaseTheory]
    public async Task The_monthly_report_reads_like_the_seed_with_the_databases_figures(string provider)
    {
        await using var database = await ProvinceAsync(provider);
        var docx = Path.Combine(database.Folder, "bao-cao.docx");
        var xlsx = Path.Combine(database.Folder, "so-lieu.xlsx");

        var result = await ReportAsync(database, "--site", "/", "--from", "13/10/2025", "--to", "2025-11-13", "--out", docx, "--xlsx", xlsx);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(ExpectedParagraph, result.Output);
        var text = DocxText(docx);
        Assert.Contains("BÁO CÁO HOẠT ĐỘNG", text);
        Assert.Contains("- " + ExpectedParagraph, text);
        Assert.Contains("Từ ngày 13/10/2025 đến ngày 13/11/2025", text);
        using (var doc = WordprocessingDocument.Open(docx, false))
            Assert.Contains("Times New Roman", doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.OuterXml);

        using var book = SpreadsheetDocument.Open(xlsx, false);
        var names = book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Contains("Truy cập theo ngày", names);
        Assert.Contains("Văn bản theo loại", names);
        var cells = book.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            .Select(c => c.InnerText).ToList();
        Assert.Contains("1715875", cells);
        Assert.Contains("175801", cells);
        Assert.Contains("Quyết định", cells);
    }

    [DatabaseTheory]
    public async Task The_whole_province_adds_every_site_and_a_period_may_span_two_years(string provider)
    {
        await using var database = await ProvinceAsync(provider);
        var docx = Path.Combine(database.Folder, "ca-tinh.docx");

        var result = await ReportAsync(database, "--all", "--from", "2024-12-15", "--to", "2025-10-31", "--out", docx);

        Assert.True(result.ExitCode == 0, result.ToString());
        // 1.364.414 + 175.660 + 175.801 on the portal and 1.000 on Sở A.
        Assert.Contains("Tính từ ngày 15/12/2024 đến 31/10/2025, Cổng thông tin điện tử tỉnh và các trang thành phần đã đăng tải được 03 tin, bài", result.Output);
        Assert.Contains("trong kỳ có 1.716.875 lượt truy cập", result.Output);
        Assert.Contains("Trang thông tin điện tử Sở A", DocxText(docx));
    }

    [DatabaseTheory]
    public async Task Bad_periods_and_arguments_get_a_Vietnamese_answer_a_non_zero_exit_and_no_file(string provider)
    {
        await using var database = await ProvinceAsync(provider);
        var docx = Path.Combine(database.Folder, "bao-cao.docx");
        (string[] Args, string Message)[] cases =
        [
            (["--site", "/", "--from", "13/11/2025", "--to", "13/10/2025"], "Ngày bắt đầu (13/11/2025) sau ngày kết thúc (13/10/2025)"),
            (["--site", "/", "--to", "13/10/2025"], "Hãy nhập cả ngày bắt đầu và ngày kết thúc"),
            (["--site", "/", "--from", "", "--to", "13/10/2025"], "Hãy nhập cả ngày bắt đầu và ngày kết thúc"),
            (["--site", "/", "--from", "31/02/2025", "--to", "13/10/2025"], "Ngày bắt đầu \"31/02/2025\" không hợp lệ"),
            (["--site", "/", "--from", "tháng 10", "--to", "13/10/2025"], "hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd"),
            (["--site", "so-a", "--from", "01/01/2020", "--to", "31/12/2020"], "Trang thông tin điện tử Sở A bắt đầu có số liệu từ ngày 01/06/2024"),
            (["--site", "/", "--from", "01/01/2999", "--to", "31/12/2999"], "Kỳ báo cáo bắt đầu sau hôm nay"),
            (["--site", "/", "--from", "01/01/2000", "--to", "31/12/2025"], "Kỳ báo cáo dài quá 3.660 ngày"),
            (["--site", "so-khong-co", "--from", "13/10/2025", "--to", "13/11/2025"], "không có trang \"so-khong-co\""),
            (["--site", "/", "--all", "--from", "13/10/2025", "--to", "13/11/2025"], "Hãy chọn một trong hai: --site"),
            (["--from", "13/10/2025", "--to", "13/11/2025"], "Hãy chọn một trong hai: --site"),
        ];
        foreach (var (args, message) in cases)
        {
            var result = await ReportAsync(database, [.. args, "--out", docx]);
            Assert.True(result.ExitCode != 0, result.ToString());
            Assert.Contains(message, result.Errors);
            Assert.False(File.Exists(docx), string.Join(' ', args));
        }
        var wrongFile = await ReportAsync(database, "--site", "/", "--from", "13/10/2025", "--to", "13/11/2025", "--out", Path.Combine(database.Folder, "bao-cao.pdf"));
        Assert.NotEqual(0, wrongFile.ExitCode);
        Assert.Contains("phải có đuôi .docx", wrongFile.Errors);
    }
}
