using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Features.Ratings;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;

namespace MinhBach.Tests.Ratings;

/// <summary>"Thông tin này có hữu ích không?" without JavaScript on both databases: one rating per visitor, page and
/// day without a cookie or a stored address; bad or forged input changes nothing; the site's report, its XLSX and the
/// per-site figure count what was given.</summary>
public sealed class RatingTests
{
    private static async Task<(Article Article, string Path)> ArticleAsync(QnaWorld w)
    {
        var category = await w.App.AddCategoryAsync(w.Portal, "tin-hoat-dong", "Tin hoạt động");
        var article = await w.App.AddArticleAsync(w.Portal, category, "Khánh thành cầu Sông Mây");
        return (article, ContentUrls.Article("tin-hoat-dong", article.Slug));
    }

    private static AdminClient Visitor(QnaWorld w, string browser)
    {
        var c = w.Citizen();
        c.Http.DefaultRequestHeaders.UserAgent.ParseAdd(browser);
        return c;
    }

    private static Task<HttpResponseMessage> RateAsync(AdminClient visitor, string page, string kind, int id, string useful, string? comment = null) =>
        visitor.PostFormWithoutTokenAsync("/danh-gia", [new("Kind", kind), new("RefId", id.ToString()), new("Useful", useful), new("Comment", comment ?? "")]);

    private static Task<List<Rating>> RatingsAsync(QnaWorld w) => w.DbAsync(db => db.Ratings.IgnoreQueryFilters().AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    [DatabaseTheory]
    public async Task A_rating_without_JavaScript_counts_once_per_visitor_and_day_and_shows_in_the_report(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        var (article, path) = await ArticleAsync(w);

        // The form is on the article, and works as a plain post: back to the article, which thanks the visitor.
        using var first = Visitor(w, "Mozilla/5.0 (Android 14) Chrome/130");
        var page = await first.GetHtmlAsync(path);
        var form = page.QuerySelector("#danh-gia form")!;
        Assert.Equal("/danh-gia", form.GetAttribute("action"));
        Assert.Equal(["co", "khong"], form.QuerySelectorAll("button[name=Useful]").Select(b => b.GetAttribute("value")));
        using (var r = await RateAsync(first, path, RatingKinds.Article, article.Id, "co", "Bài viết rõ ràng <script>alert(1)</script>"))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal(path + "?danh-gia=cam-on#danh-gia", AdminClient.Target(r));
        }
        var thanked = await first.GetHtmlAsync(path + "?danh-gia=cam-on");
        Assert.Equal(RatingService.Thanks, thanked.QuerySelector("#danh-gia [role=status]")?.TextContent.Trim());
        Assert.Null(thanked.QuerySelector("#danh-gia form"));

        // The same visitor again (a double click, another try the same day): politely ignored, no cookie involved.
        first.Cookies.GetAllCookies().ToList().ForEach(c => c.Expired = true);
        using (var again = await RateAsync(first, path, RatingKinds.Article, article.Id, "khong"))
            Assert.Equal(path + "?danh-gia=da-danh-gia#danh-gia", AdminClient.Target(again));
        Assert.Contains(RatingService.Already, WebUtility.HtmlDecode(await first.GetStringAsync(path + "?danh-gia=da-danh-gia")));
        // Another browser is another visitor.
        using var second = Visitor(w, "Mozilla/5.0 (Windows NT 10.0) Firefox/133");
        using (var r = await RateAsync(second, path, RatingKinds.Article, article.Id, "khong"))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var ratings = await RatingsAsync(w);
        Assert.Equal([true, false], ratings.Select(r => r.Useful));
        // Only a keyed hash is kept of the visitor (128 bits as hex), never the address or the browser.
        Assert.All(ratings, r => Assert.Matches("^[0-9a-f]{32}$", r.VisitorHash));
        Assert.NotEqual(ratings[0].VisitorHash, ratings[1].VisitorHash);
        Assert.Equal("Khánh thành cầu Sông Mây", ratings[0].Title);

        // The report: per page counts and share, the comment as text; its XLSX says the same.
        using var editor = await w.SignInAsync(QnaWorld.PortalEditor);
        using var report = await editor.GetAsync("/quan-tri/muc-do-hai-long?ky=7-ngay");
        var raw = await report.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", raw);
        var html = AdminClient.Html(raw);
        var row = html.QuerySelector(".rating-table tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Khánh thành cầu Sông Mây", "Tin bài", "1", "1", "2", "50 %"], row);
        Assert.Contains("Bài viết rõ ràng <script>alert(1)</script>", html.QuerySelector(".rating-comments")!.TextContent);
        using (var xlsx = await editor.GetAsync("/quan-tri/muc-do-hai-long?ky=7-ngay&handler=Xlsx"))
        {
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
            using var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
            var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["Theo trang", "Góp ý"], sheets);
            var text = string.Join("|", doc.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
            Assert.Contains("Khánh thành cầu Sông Mây", text);
            Assert.Contains("Bài viết rõ ràng", text);
        }
        // A filter on another kind shows nothing; a bad date is explained.
        Assert.Contains("Chưa có đánh giá nào", (await editor.GetHtmlAsync("/quan-tri/muc-do-hai-long?loai=document")).Body!.TextContent);
        using (var bad = await editor.GetAsync("/quan-tri/muc-do-hai-long?tu=31/02/2026"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("Ngày bắt đầu \"31/02/2026\" không hợp lệ", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        }
        // Contributors do not read it; another site's report is its own.
        using (var contributor = await w.SignInAsync(QnaWorld.PortalContributor))
            (await contributor.GetAsync("/quan-tri/muc-do-hai-long")).AssertRefused("a contributor opening the ratings");
        using (var other = await w.SignInAsync(QnaWorld.OtherEditor))
            Assert.Contains("Chưa có đánh giá nào", (await other.GetHtmlAsync("/so-b/quan-tri/muc-do-hai-long")).Body!.TextContent);

        // The per-site figure other features read.
        await using var scope = w.App.Services.CreateAsyncScope();
        var figures = scope.ServiceProvider.GetRequiredService<RatingFigures>();
        Assert.Equal(new RatingFigure(1, 1), await figures.ForSiteAsync(w.Portal.Id, null, null));
        Assert.Equal(0.5, (await figures.ForSiteAsync(w.Portal.Id, null, null)).UsefulShare);
        Assert.Equal(RatingFigure.None, await figures.ForSiteAsync(w.Other.Id, null, null));
        Assert.Equal([w.Portal.Id], (await figures.ForAllSitesAsync(null, null)).Keys);
    }

    [DatabaseTheory]
    public async Task Forged_pages_missing_answers_huge_comments_and_cross_site_posts_change_nothing(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        var (article, path) = await ArticleAsync(w);
        var draft = await w.App.AddArticleAsync(w.Portal, (await w.DbAsync(db => db.Categories.IgnoreQueryFilters().FirstAsync())), "Bản nháp chưa đăng", status: ArticleStatus.Draft);
        var elsewhere = await w.App.AddArticleAsync(w.Other, await w.App.AddCategoryAsync(w.Other, "tin", "Tin"), "Tin của Sở Tư pháp");
        using var visitor = Visitor(w, "Mozilla/5.0 Test");
        foreach (var (why, kind, id, status, message) in new[]
        {
            ("unknown id", RatingKinds.Article, "999999", HttpStatusCode.NotFound, RatingService.Unknown),
            ("a draft", RatingKinds.Article, draft.Id.ToString(), HttpStatusCode.NotFound, RatingService.Unknown),
            ("another site's article", RatingKinds.Article, elsewhere.Id.ToString(), HttpStatusCode.NotFound, RatingService.Unknown),
            ("unknown kind", "<script>x</script>", article.Id.ToString(), HttpStatusCode.NotFound, RatingService.Unknown),
            ("not a number", RatingKinds.Article, "1 OR 1=1", HttpStatusCode.NotFound, RatingService.Unknown),
            ("unpublished question", RatingKinds.Question, "1", HttpStatusCode.NotFound, RatingService.Unknown),
        })
        {
            using var r = await visitor.PostFormWithoutTokenAsync("/danh-gia", [new("Kind", kind), new("RefId", id), new("Useful", "co")]);
            Assert.True(r.StatusCode == status, $"{why}: {(int)r.StatusCode}");
            var raw = await r.Content.ReadAsStringAsync();
            Assert.Contains(message, WebUtility.HtmlDecode(raw));
            Assert.DoesNotContain("<script>x</script>", raw);
        }
        // No answer, or a comment too long: the form comes back with the words kept and the reason.
        using (var r = await visitor.PostFormWithoutTokenAsync("/danh-gia", [new("Kind", RatingKinds.Article), new("RefId", article.Id.ToString()), new("Useful", "tuyet-voi")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains(RatingService.NoAnswer, WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        }
        var huge = new string('ả', 5000);
        using (var r = await RateAsync(visitor, path, RatingKinds.Article, article.Id, "khong", huge))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var page = AdminClient.Html(await r.Content.ReadAsStringAsync());
            Assert.Contains("Góp ý dài quá 1.000 ký tự (đang có 5.000)", page.QuerySelector(".errors")!.TextContent);
            Assert.Equal(huge, page.QuerySelector("textarea[name=Comment]")!.TextContent);
            Assert.Equal(path, page.QuerySelector("main a[href='" + path + "']")?.GetAttribute("href"));
        }
        // The form carries no token (its pages are cached for everyone); a post another site's page makes a browser send is refused.
        foreach (var (header, value) in new[] { ("Origin", "https://trang-gia-mao.example"), ("Sec-Fetch-Site", "cross-site"), ("Origin", "null") })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Post, "/danh-gia")
            {
                Content = new FormUrlEncodedContent([new("Kind", RatingKinds.Article), new("RefId", article.Id.ToString()), new("Useful", "co")]),
            };
            forged.Headers.TryAddWithoutValidation(header, value);
            using var r = await visitor.Http.SendAsync(forged);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }
        Assert.Empty(await RatingsAsync(w));

        // With the site's script: JSON, the same rules.
        visitor.Http.DefaultRequestHeaders.Add("X-Requested-With", "fetch");
        using (var r = await RateAsync(visitor, path, RatingKinds.Article, article.Id, "co"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            Assert.Equal(RatingService.Thanks, json.RootElement.GetProperty("message").GetString());
        }
        using (var r = await RateAsync(visitor, path, RatingKinds.Article, article.Id, "co"))
        {
            using var json = System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetProperty("duplicate").GetBoolean());
            Assert.Equal(RatingService.Already, json.RootElement.GetProperty("message").GetString());
        }
        Assert.Single(await RatingsAsync(w));
    }
}
