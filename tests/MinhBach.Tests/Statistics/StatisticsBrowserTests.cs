using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Statistics;

/// <summary>A person visits pages in Chromium; the dashboard then shows exactly those visits, charts drawn under the
/// page's content security policy.</summary>
public sealed class StatisticsBrowserTests
{
    [BrowserFact]
    public async Task Pages_visited_in_a_browser_show_up_on_the_dashboard_with_exact_counts()
    {
        await using var w = await VisitWorld.StartAsync(Databases.Sqlite);
        await w.App.CreateUserAsync("bientap.a@tinh.gov.vn", "DongMinh2026a", "Biên tập viên Sở A");
        await w.App.GrantAsync("bientap.a@tinh.gov.vn", "so-a", MinhBach.Features.Accounts.SiteRole.Editor);
        var (playwright, browser) = await Browsers.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        // Headless Chromium says so in its user agent, and the counter leaves such robots out: this is a person's browser.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = w.App.BaseAddress.ToString(), Locale = "vi-VN", UserAgent = VisitWorld.Desktop,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var errors = new List<string>();
        // A failed load is reported with its address (the console's message does not say which).
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync("/so-a/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tin tức", Exact = true }).First.ClickAsync();
        await page.ArrivedAtAsync(new Regex(@"/so-a/tin-tuc$"));
        await page.GotoAsync("/so-a/lien-he");
        await page.GotoAsync("/so-a/");
        await VisitWorld.FlushAsync(w.App);

        await page.GotoAsync("/so-a/quan-tri/dang-nhap");
        await page.GetByLabel("Email hoặc tên đăng nhập").FillAsync("bientap.a@tinh.gov.vn");
        await page.GetByLabel("Mật khẩu").FillAsync("DongMinh2026a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GotoAsync("/so-a/quan-tri/thong-ke");

        Assert.Equal("4", (await page.Locator("#luot-trong-ky strong").TextContentAsync())?.Trim());
        Assert.Equal("1", (await page.Locator("#nguoi-trong-ky strong").TextContentAsync())?.Trim());
        var pages = await page.Locator("#trang-xem-nhieu ~ div tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, pages.Count);
        Assert.Matches(@"^/\s+2$", pages[0].Trim());
        // Chart.js drew the charts (the canvas is shown only once a chart is on it), with no script or policy error.
        await Assertions.Expect(page.Locator("canvas[data-chart='days']")).ToBeVisibleAsync();
        Assert.Empty(errors);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browsers.ScreenshotFolder, "thong-ke.png"), FullPage = true });
    }
}
