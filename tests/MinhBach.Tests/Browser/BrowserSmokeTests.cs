using Microsoft.Playwright;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Browser;

/// <summary>The browser toolchain works end to end: system Chromium, Playwright, the real host, Vietnamese text.</summary>
public sealed class BrowserSmokeTests
{
    [BrowserFact]
    public async Task A_site_home_page_opens_in_Chromium_with_its_Vietnamese_name()
    {
        await using var app = await TestApp.StartAsync(Databases.Sqlite);
        await app.CreatePortalAsync();
        await app.AddSiteAsync("so-a", "Trang thông tin điện tử Sở Khoa học và Công nghệ");
        var (playwright, browser) = await Browsers.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 } });
            var response = await page.GotoAsync(new Uri(app.BaseAddress, "so-a/").ToString());

            Assert.Equal(200, response!.Status);
            Assert.Equal("Trang thông tin điện tử Sở Khoa học và Công nghệ", (await page.Locator("h1").First.TextContentAsync())?.Trim());
            Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
            Directory.CreateDirectory(Browsers.ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browsers.ScreenshotFolder, "so-a-home-mobile.png"), FullPage = true });
        }
    }
}
