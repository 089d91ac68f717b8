using Microsoft.Playwright;
using MinhBach.Features.Petitions;
using MinhBach.Features.Public;
using MinhBach.Features.Ratings;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;

namespace MinhBach.Tests.Petitions;

/// <summary>
/// In Chromium, with the forms as people use them: a citizen sends a petition, the portal's editor answers and publishes
/// it, the tracking page shows the answer; readers rate an article (with the site's script, and without JavaScript) and
/// the editor sees both in the ratings report.
/// </summary>
public sealed class PetitionBrowserTests
{
    [BrowserFact]
    public async Task A_petition_is_answered_and_tracked_and_ratings_reach_the_report()
    {
        await using var w = await QnaWorld.StartAsync(Databases.Sqlite);
        var category = await w.App.AddCategoryAsync(w.Portal, "tin-hoat-dong", "Tin hoạt động");
        var article = await w.App.AddArticleAsync(w.Portal, category, "Khánh thành cầu Sông Mây");
        var (playwright, browser) = await Browsers.LaunchAsync();
        try
        {
            string Url(string path) => new Uri(w.App.BaseAddress, path.TrimStart('/')).ToString();
            var citizen = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" })).NewPageAsync();
            citizen.SetDefaultTimeout(60_000);
            await citizen.GotoAsync(Url(PetitionUrls.List));
            await citizen.GetByRole(AriaRole.Link, new() { Name = "Gửi phản ánh, kiến nghị mới" }).ClickAsync();
            await citizen.GetByLabel("Họ và tên hoặc tên tổ chức").FillAsync("Đặng Văn Lâm");
            await citizen.GetByLabel("Thư điện tử").FillAsync("dangvanlam@example.vn");
            await citizen.GetByLabel("Địa chỉ").FillAsync("Thôn 4, xã Tân Phú");
            await citizen.GetByLabel("Tiêu đề phản ánh, kiến nghị").FillAsync("Cống thoát nước bị tắc");
            await citizen.GetByLabel("Nội dung phản ánh, kiến nghị").FillAsync("Cống thoát nước đầu thôn 4 bị tắc, nước tràn vào nhà dân mỗi khi mưa.");
            await citizen.Locator("input[name=Consent]").CheckAsync();
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh, kiến nghị" }).ClickAsync();
            var code = (await citizen.Locator(".tracking-code").TextContentAsync())!.Trim();
            Assert.Matches(Petitioner.CodePattern(), code);

            var editor = await SignInAsync(browser, Url, QnaWorld.PortalEditor);
            await editor.GotoAsync(Url(PetitionUrls.Admin));
            await editor.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
            await editor.GetByLabel("Nội dung trả lời").FillAsync("Xã Tân Phú đã nạo vét cống thoát nước đầu thôn 4 ngày 20.");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Trả lời" }).ClickAsync();
            await editor.ArrivedAtAsync("msg=tra-loi");
            await editor.GetByLabel("Tiêu đề công khai").FillAsync("Nạo vét cống thoát nước thôn 4 xã Tân Phú");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Công khai", Exact = true }).ClickAsync();
            await editor.ArrivedAtAsync("msg=cong-khai");

            await w.SendMailAsync();
            Assert.Contains("nạo vét", Assert.Single(w.Smtp.To("dangvanlam@example.vn"), m => (m.Subject ?? "").Contains("Trả lời")).TextBody);
            await citizen.GotoAsync(Url(PetitionUrls.Track));
            await citizen.GetByLabel("Mã tra cứu").FillAsync(code);
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
            Assert.Contains("nạo vét cống", await citizen.Locator(".track-result").TextContentAsync());
            await citizen.GotoAsync(Url(PetitionUrls.List));
            Assert.Contains("Nạo vét cống thoát nước thôn 4 xã Tân Phú", await citizen.Locator("main").TextContentAsync());
            Assert.DoesNotContain("Đặng Văn Lâm", await citizen.ContentAsync());

            // A reader with the site's script rates the article in place…
            var path = ContentUrls.Article("tin-hoat-dong", article.Slug);
            await citizen.GotoAsync(Url(path));
            await citizen.Locator("#danh-gia summary").ClickAsync();
            await citizen.GetByLabel("Góp ý của bạn").FillAsync("Tin ngắn gọn, dễ hiểu.");
            await citizen.Locator("#danh-gia").GetByRole(AriaRole.Button, new() { Name = "Có", Exact = true }).ClickAsync();
            await Assertions.Expect(citizen.Locator("#danh-gia [role=status]")).ToHaveTextAsync(RatingService.Thanks);
            Assert.EndsWith(path, citizen.Url);
            // …and one without JavaScript by the form's post and the way back.
            var plain = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", JavaScriptEnabled = false, UserAgent = "Trình duyệt không có JavaScript" })).NewPageAsync();
            plain.SetDefaultTimeout(60_000);
            await plain.GotoAsync(Url(path));
            await plain.Locator("#danh-gia").GetByRole(AriaRole.Button, new() { Name = "Không", Exact = true }).ClickAsync();
            await plain.ArrivedAtAsync("danh-gia=cam-on");
            Assert.Equal(RatingService.Thanks, (await plain.Locator("#danh-gia [role=status]").TextContentAsync())?.Trim());

            await editor.GotoAsync(Url("/quan-tri/muc-do-hai-long"));
            var row = editor.Locator(".rating-table tbody tr").Filter(new() { HasText = "Khánh thành cầu Sông Mây" });
            Assert.Equal(["Khánh thành cầu Sông Mây", "Tin bài", "1", "1", "2", "50 %"], (await row.Locator("td").AllTextContentsAsync()).Select(t => t.Trim()));
            Assert.Contains("Tin ngắn gọn, dễ hiểu.", await editor.Locator(".rating-comments").TextContentAsync());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, Func<string, string> url, string email)
    {
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" })).NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(url("/quan-tri/dang-nhap"));
        await page.FillAsync("#UserName", email);
        await page.FillAsync("#Password", QnaWorld.Password);
        await page.ClickAsync("form.form button[type=submit]");
        await page.LeftAsync("dang-nhap");
        return page;
    }
}
