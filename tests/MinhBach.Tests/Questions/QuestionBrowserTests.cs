using Microsoft.Playwright;
using MinhBach.Features.Questions;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Questions;

/// <summary>
/// In Chromium, with the forms as people use them: a citizen asks on the portal, the portal's editor passes the question
/// to the department, an editor there answers and publishes; the citizen's mailbox receives the answer, the tracking
/// page shows it, the published answer is on both sites.
/// </summary>
public sealed class QuestionBrowserTests
{
    [BrowserFact]
    public async Task A_question_travels_from_the_citizen_to_the_department_and_back()
    {
        await using var w = await QnaWorld.StartAsync(Databases.Sqlite);
        var (playwright, browser) = await Browsers.LaunchAsync();
        try
        {
            string Url(string path) => new Uri(w.App.BaseAddress, path.TrimStart('/')).ToString();
            var citizen = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" })).NewPageAsync();
            citizen.SetDefaultTimeout(60_000);
            await citizen.GotoAsync(Url(QuestionUrls.Ask));
            await citizen.GetByLabel("Họ và tên").FillAsync("Đặng Thị Lan");
            await citizen.GetByLabel("Thư điện tử").FillAsync("dangthilan@example.vn");
            await citizen.GetByLabel("Lĩnh vực").SelectOptionAsync("Đất đai");
            await citizen.GetByLabel("Tiêu đề câu hỏi").FillAsync("Tách thửa đất nông nghiệp");
            await citizen.GetByLabel("Nội dung câu hỏi").FillAsync("Diện tích tối thiểu để tách thửa đất nông nghiệp tại xã Tân Phú là bao nhiêu?");
            await citizen.Locator("input[name=Consent]").CheckAsync();
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
            var code = (await citizen.Locator(".tracking-code").TextContentAsync())!.Trim();
            Assert.Matches(QnaWorld.CodePattern(), code);
            var q = await w.QuestionAsync(code);

            var portal = await SignInAsync(browser, Url, QnaWorld.PortalEditor);
            await portal.GotoAsync(Url($"/quan-tri/hoi-dap/{q.Id}"));
            await portal.Locator("select[name=TargetSiteId]").SelectOptionAsync(new SelectOptionValue { Label = QnaWorld.DeptName });
            await portal.GetByRole(AriaRole.Button, new() { Name = "Chuyển" }).ClickAsync();
            await portal.ArrivedAtAsync("msg=chuyen");

            var dept = await SignInAsync(browser, Url, QnaWorld.DeptEditor);
            await dept.GotoAsync(Url("/so-tnmt/quan-tri/hoi-dap"));
            await dept.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
            await dept.GetByLabel("Nội dung trả lời").FillAsync("Diện tích tối thiểu để tách thửa đất nông nghiệp là 500 m².");
            await dept.GetByRole(AriaRole.Button, new() { Name = "Trả lời" }).ClickAsync();
            await dept.ArrivedAtAsync("msg=tra-loi");
            await dept.GetByLabel("Tiêu đề công khai").FillAsync("Diện tích tối thiểu tách thửa đất nông nghiệp");
            await dept.GetByRole(AriaRole.Button, new() { Name = "Công khai", Exact = true }).ClickAsync();
            await dept.ArrivedAtAsync("msg=cong-khai");

            await w.SendMailAsync();
            var answer = Assert.Single(w.Smtp.To("dangthilan@example.vn"), m => (m.Subject ?? "").Contains("Trả lời"));
            Assert.Contains("500 m²", answer.TextBody);

            await citizen.GotoAsync(Url(QuestionUrls.Track));
            await citizen.GetByLabel("Mã tra cứu").FillAsync(code);
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
            Assert.Contains("500 m²", await citizen.Locator(".track-result").TextContentAsync());

            foreach (var list in new[] { "/hoi-dap", "/so-tnmt/hoi-dap" })
            {
                await citizen.GotoAsync(Url(list));
                Assert.Contains("Diện tích tối thiểu tách thửa đất nông nghiệp", await citizen.Locator("main").TextContentAsync());
                Assert.DoesNotContain("Đặng Thị Lan", await citizen.ContentAsync());
            }
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
        // The department's editor has no role on the portal: anywhere but the sign-in page means signed in.
        await page.LeftAsync("dang-nhap");
        return page;
    }
}
