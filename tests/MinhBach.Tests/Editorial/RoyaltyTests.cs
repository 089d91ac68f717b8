using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Editorial.EditorialTestKit;

namespace MinhBach.Tests.Editorial;

/// <summary>Royalties (nhuận bút): the rate table, points given by the editor-in-chief, the monthly statement and its XLSX.</summary>
public sealed class RoyaltyTests
{
    // 31/10/2026 18:30 UTC is 01/11/2026 01:30 in Viet Nam: the article belongs to November's statement.
    private static readonly DateTime PublishedAt = new(2026, 10, 31, 18, 30, 0, DateTimeKind.Utc);

    private sealed record Board(TestApp App, Site Site, Article Article);

    private static async Task<Board> SiteWithArticleAsync(TestApp app, ArticleStatus status = ArticleStatus.Published)
    {
        await app.CreatePortalAsync();
        var site = await app.AddSiteAsync("so-a", "Trang thông tin điện tử Sở A");
        var category = await app.AddCategoryAsync(site, "tin-hoat-dong", "Tin hoạt động");
        var article = await app.AddArticleAsync(site, category, "Hội thảo chuyển đổi số", status: status, publishedAt: PublishedAt);
        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.IgnoreQueryFilters().SingleAsync(x => x.Id == article.Id);
            a.Author = "Nguyễn Văn An";
            return await db.SaveChangesAsync();
        });
        return new Board(app, site, article);
    }

    private static Task<int> RateIdAsync(TestApp app, Site site, string name) =>
        app.WithDbAsync(db => db.RoyaltyRates.IgnoreQueryFilters().Where(r => r.SiteId == site.Id && r.Name == name).Select(r => r.Id).SingleAsync());

    private static string Article(Board b) => $"/so-a/quan-tri/tin-bai/{b.Article.Id}";

    [DatabaseTheory]
    public async Task Points_given_to_a_published_article_appear_in_the_statement_and_its_xlsx(string provider)
    {
        await using var app = await StartAsync(provider);
        var b = await SiteWithArticleAsync(app);
        using var chief = await MemberAsync(app, "tbbt@so-a.gov.vn", "Trần Thị Bình", "so-a", SiteRole.EditorInChief);

        await AssertDoneAsync(await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=Defaults"), "/so-a/quan-tri/nhuan-but/bieu-muc");
        await AssertDoneAsync(await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=PointValue", ("Value", "250.000")), "/so-a/quan-tri/nhuan-but/bieu-muc");
        var rates = await chief.GetStringAsync("/so-a/quan-tri/nhuan-but/bieu-muc");
        foreach (var name in new[] { "Tin ngắn", "Bài viết", "Ảnh", "Phóng sự" }) Assert.Contains(name, rates);
        Assert.Contains("250.000", rates);

        var report = await RateIdAsync(app, b.Site, "Phóng sự");
        await AssertDoneAsync(await chief.PostFormAsync(Article(b) + "?handler=Royalty",
            ("RoyaltyRateId", report.ToString()), ("RoyaltyPoints", "5"), ("RoyaltyNote", "Ảnh tự chụp")), Article(b) + "?msg=nhuan-but");

        var page = await chief.GetHtmlAsync("/so-a/quan-tri/nhuan-but?thang=2026-11");
        var table = page.QuerySelector("table.royalty")!;
        Assert.NotNull(table);
        var text = table.TextContent;
        Assert.Contains("Nguyễn Văn An", text);
        Assert.Contains("Hội thảo chuyển đổi số", text);
        Assert.Contains("Phóng sự", text);
        Assert.Contains("01/11/2026", text);
        Assert.Contains("1.250.000 đ", text);
        var total = page.QuerySelector("tr.total")!.TextContent;
        Assert.Contains("Tổng cộng", total);
        Assert.Contains("1.250.000 đ", total);
        // By the month in Viet Nam time: October's statement does not have it.
        var october = await chief.GetStringAsync("/so-a/quan-tri/nhuan-but?thang=2026-10");
        Assert.DoesNotContain("Hội thảo chuyển đổi số", october);

        // Changed later: another rate and 2,5 points; the audit trail keeps both steps.
        var article = await RateIdAsync(app, b.Site, "Bài viết");
        await AssertDoneAsync(await chief.PostFormAsync(Article(b) + "?handler=Royalty",
            ("RoyaltyRateId", article.ToString()), ("RoyaltyPoints", "2,5"), ("RoyaltyNote", "")), Article(b) + "?msg=nhuan-but");
        var changed = (await chief.GetHtmlAsync("/so-a/quan-tri/nhuan-but?thang=2026-11")).QuerySelector("tr.total")!.TextContent;
        Assert.Contains("625.000 đ", changed);
        Assert.Contains("2,5", changed);
        var audit = await AuditAsync(app, "royalty.");
        Assert.Contains(audit, e => e.Action == "royalty.assign" && e.SiteId == b.Site.Id && e.Summary.Contains("Phóng sự, 5 điểm"));
        Assert.Contains(audit, e => e.Action == "royalty.change" && e.SiteId == b.Site.Id && e.Summary.Contains("Phóng sự 5 điểm → Bài viết 2,5 điểm"));
        Assert.Contains(audit, e => e.Action == "royalty.point-value" && e.Summary.Contains("100.000 đ → 250.000 đ"));
        Assert.Equal(1, await app.WithDbAsync(db => db.RoyaltyAssignments.IgnoreQueryFilters().CountAsync()));

        // The XLSX: one sheet for the month, a row per article and a total line.
        using var response = await chief.GetAsync("/so-a/quan-tri/nhuan-but?thang=2026-11&xuat=xlsx");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var sheets = Read(await response.Content.ReadAsByteArrayAsync());
        var (sheetName, rows) = Assert.Single(sheets);
        Assert.Equal("Tháng 11-2026", sheetName);
        Assert.Equal(["Tác giả", "Tiêu đề bài", "Ngày đăng", "Mức nhuận bút", "Số điểm", "Thành tiền (đồng)"], rows[0]);
        Assert.Equal(["Nguyễn Văn An", "Hội thảo chuyển đổi số", "01/11/2026", "Bài viết", "2.5", "625000"], rows[1]);
        Assert.Equal("Tổng cộng", rows[2][0]);
        Assert.Equal("625000", rows[2][5]);
        Assert.Equal(3, rows.Count);

        // Several months: one sheet each, in order.
        using var range = await chief.GetAsync("/so-a/quan-tri/nhuan-but?tu=2026-09&thang=2026-11&xuat=xlsx");
        var three = Read(await range.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Tháng 09-2026", "Tháng 10-2026", "Tháng 11-2026"], three.Select(s => s.Name));
        Assert.Equal(2, three[0].Rows.Count); // header and an empty total
        Assert.Equal(3, three[2].Rows.Count);
    }

    [DatabaseTheory]
    public async Task Contributors_and_editors_cannot_give_points_nor_see_the_statement(string provider)
    {
        await using var app = await StartAsync(provider);
        var b = await SiteWithArticleAsync(app);
        using var chief = await MemberAsync(app, "tbbt@so-a.gov.vn", "Trần Thị Bình", "so-a", SiteRole.EditorInChief);
        await AssertDoneAsync(await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=Defaults"), "/so-a/quan-tri/nhuan-but/bieu-muc");
        var rate = (await RateIdAsync(app, b.Site, "Bài viết")).ToString();

        foreach (var (email, role) in new[] { ("ctv@so-a.gov.vn", SiteRole.Contributor), ("btv@so-a.gov.vn", SiteRole.Editor) })
        {
            using var member = await MemberAsync(app, email, "Thành viên " + role, "so-a", role);
            // The form is not offered to them…
            var page = await member.GetStringAsync(Article(b));
            Assert.DoesNotContain("RoyaltyRateId", page);
            // …and posting it anyway (with a valid antiforgery token from a page they may use) is refused.
            using var post = await member.PostFormFromAsync("/so-a/quan-tri/tin-bai/moi", Article(b) + "?handler=Royalty",
                ("RoyaltyRateId", rate), ("RoyaltyPoints", "3"));
            AssertForbidden(post);
            using var rates = await member.PostFormFromAsync("/so-a/quan-tri/tin-bai/moi", "/so-a/quan-tri/nhuan-but/bieu-muc?handler=PointValue", ("Value", "1"));
            AssertForbidden(rates);
            using var statement = await member.GetAsync("/so-a/quan-tri/nhuan-but?thang=2026-11");
            AssertForbidden(statement);
            using var table = await member.GetAsync("/so-a/quan-tri/nhuan-but/bieu-muc");
            AssertForbidden(table);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.RoyaltyAssignments.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(100_000, await app.WithDbAsync(db => db.Sites.Where(s => s.Id == b.Site.Id).Select(s => s.RoyaltyPointValue).SingleAsync()));
        Assert.DoesNotContain(await AuditAsync(app, "royalty."), e => e.Action != "royalty.rate.create");
    }

    [DatabaseTheory]
    public async Task Bad_input_is_refused_in_Vietnamese_and_changes_nothing(string provider)
    {
        await using var app = await StartAsync(provider);
        var b = await SiteWithArticleAsync(app);
        var draft = await app.AddArticleAsync(b.Site, await app.WithDbAsync(db => db.Categories.IgnoreQueryFilters().FirstAsync()), "Bản nháp chưa đăng", status: ArticleStatus.Draft);
        using var chief = await MemberAsync(app, "tbbt@so-a.gov.vn", "Trần Thị Bình", "so-a", SiteRole.EditorInChief);
        await AssertDoneAsync(await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=Defaults"), "/so-a/quan-tri/nhuan-but/bieu-muc");
        var rate = (await RateIdAsync(app, b.Site, "Bài viết")).ToString();
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        // A month that is not yyyy-MM answers 400 with a Vietnamese message, on the page and for the export.
        foreach (var month in new[] { "2026-13", "abc", "2026-1", "202611", "2026-11-01", "1999-12" })
        {
            using var r = await chief.GetAsync("/so-a/quan-tri/nhuan-but?thang=" + Uri.EscapeDataString(month));
            await AssertBadRequestAsync(r, "không hợp lệ: hãy ghi năm-tháng");
        }
        using (var r = await chief.GetAsync("/so-a/quan-tri/nhuan-but?thang=2026-99&xuat=xlsx")) await AssertBadRequestAsync(r, "không hợp lệ");
        using (var r = await chief.GetAsync("/so-a/quan-tri/nhuan-but?tu=2026-12&thang=2026-11&xuat=xlsx")) await AssertBadRequestAsync(r, "Tháng bắt đầu phải trước");
        using (var r = await chief.GetAsync("/so-a/quan-tri/nhuan-but?tu=2020-01&thang=2026-11&xuat=xlsx")) await AssertBadRequestAsync(r, "tối đa 24 tháng");

        // Points: not a number, zero, too many decimals, an unknown rate, a draft article.
        using (var r = await chief.PostFormAsync(Article(b) + "?handler=Royalty", ("RoyaltyRateId", rate), ("RoyaltyPoints", "ba")))
            await AssertBadRequestAsync(r, "Số điểm phải là số");
        using (var r = await chief.PostFormAsync(Article(b) + "?handler=Royalty", ("RoyaltyRateId", rate), ("RoyaltyPoints", "0")))
            await AssertBadRequestAsync(r, "Số điểm phải lớn hơn 0");
        using (var r = await chief.PostFormAsync(Article(b) + "?handler=Royalty", ("RoyaltyRateId", rate), ("RoyaltyPoints", "1,255")))
            await AssertBadRequestAsync(r, "tối đa hai chữ số thập phân");
        using (var r = await chief.PostFormAsync(Article(b) + "?handler=Royalty", ("RoyaltyRateId", "999999"), ("RoyaltyPoints", "2")))
            await AssertBadRequestAsync(r, "Hãy chọn một mức");
        using (var r = await chief.PostFormAsync($"/so-a/quan-tri/tin-bai/{draft.Id}?handler=Royalty", ("RoyaltyRateId", rate), ("RoyaltyPoints", "2")))
            await AssertBadRequestAsync(r, "Chỉ chấm nhuận bút cho bài đã xuất bản");

        // The rate table and the point value.
        using (var r = await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=Add", ("Name", "Bài viết"), ("Points", "2")))
            await AssertBadRequestAsync(r, "Đã có mức \"Bài viết\"");
        using (var r = await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=Add", ("Name", "Phỏng vấn"), ("Points", "-1")))
            await AssertBadRequestAsync(r, "Số điểm mặc định phải là số");
        using (var r = await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=Add", ("Name", " "), ("Points", "2")))
            await AssertBadRequestAsync(r, "Tên mức không được để trống");
        using (var r = await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=PointValue", ("Value", "một trăm nghìn")))
            await AssertBadRequestAsync(r, "Giá trị một điểm phải là số tiền");
        using (var r = await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=PointValue", ("Value", "0")))
            await AssertBadRequestAsync(r, "Giá trị một điểm phải từ 1");
        using (var r = await chief.PostFormAsync("/so-a/quan-tri/nhuan-but/bieu-muc?handler=Defaults"))
            await AssertBadRequestAsync(r, "Biểu mức đã có");

        // A rate in use is not deleted.
        await AssertDoneAsync(await chief.PostFormAsync(Article(b) + "?handler=Royalty", ("RoyaltyRateId", rate), ("RoyaltyPoints", "")), Article(b));
        Assert.Equal(3m, await app.WithDbAsync(db => db.RoyaltyAssignments.IgnoreQueryFilters().Select(r => r.Points).SingleAsync()));
        using (var r = await chief.PostFormAsync($"/so-a/quan-tri/nhuan-but/bieu-muc?handler=Delete&id={rate}"))
            await AssertBadRequestAsync(r, "đã được dùng cho 1 bài nên không xóa được");

        Assert.Equal(4, await app.WithDbAsync(db => db.RoyaltyRates.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(100_000, await app.WithDbAsync(db => db.Sites.Where(s => s.Id == b.Site.Id).Select(s => s.RoyaltyPointValue).SingleAsync()));
        // Only the one good assignment reached the audit trail.
        Assert.Equal(auditBefore + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>Each sheet's name and its rows as text (numbers as stored, invariant).</summary>
    private static List<(string Name, List<string[]> Rows)> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart!;
        return wb.Workbook.Sheets!.Elements<Sheet>().Select(s =>
        {
            var part = (WorksheetPart)wb.GetPartById(s.Id!.Value!);
            var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.CellValue?.Text ?? c.InnerText).ToArray()).ToList();
            return (s.Name!.Value!, rows);
        }).ToList();
    }
}
