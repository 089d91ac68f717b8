using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>
/// The editors in Chromium: usable on a tablet with JavaScript switched off (plain forms), no sideways scrolling
/// at tablet and laptop widths, and no WCAG 2.1 AA violation found by axe on any list or form.
/// </summary>
public sealed class EditorsInBrowserTests
{
    private static readonly string[] Editors = ["chuyen-muc", "trang-gioi-thieu", "co-cau-to-chuc", "lanh-dao", "dau-moi", "van-ban", "lich-cong-tac", "lien-ket"];

    private static async Task<IPage> SignedInPageAsync(IBrowser browser, EditorsWorld w, Who who, int width, int height, bool javaScript)
    {
        await w.EnsureAccountAsync(who);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN", ViewportSize = new() { Width = width, Height = height }, JavaScriptEnabled = javaScript, BaseURL = w.App.BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/quan-tri/dang-nhap");
        await page.GetByLabel("Email hoặc tên đăng nhập").FillAsync(EditorsWorld.Email(who));
        await page.GetByLabel("Mật khẩu").FillAsync(EditorsWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.LeftAsync("dang-nhap");
        return page;
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"{what} scrolls sideways: {scroll} px of content in {client} px.");
    }

    [BrowserFact]
    public async Task An_editor_on_a_tablet_without_JavaScript_adds_a_category_and_a_schedule_entry()
    {
        await using var w = await EditorsWorld.StartAsync(Databases.Sqlite);
        var (playwright, browser) = await Browsers.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await SignedInPageAsync(browser, w, Who.EditorA, 820, 1180, javaScript: false);
            await page.GotoAsync("/so-a/quan-tri/chuyen-muc");
            await page.GetByRole(AriaRole.Link, new() { Name = "Thêm chuyên mục" }).ClickAsync();
            await page.GetByLabel("Tên chuyên mục").FillAsync("Khoa học và đời sống");
            await page.GetByLabel("Mô tả").FillAsync("Ứng dụng khoa học vào sản xuất");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
            Assert.EndsWith("/so-a/quan-tri/chuyen-muc?msg=them", page.Url);
            Assert.Equal("Đã thêm.", (await page.Locator(".notice").TextContentAsync())?.Trim());
            Directory.CreateDirectory(Browsers.ScreenshotFolder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browsers.ScreenshotFolder, "admin-categories-tablet.png"), FullPage = true });

            await page.GotoAsync("/so-a/quan-tri/lich-cong-tac?tuan=2026-W48");
            await page.Locator("a[href='/so-a/quan-tri/lich-cong-tac/moi?ngay=2026-11-25']").ClickAsync();
            await page.GetByLabel("Giờ bắt đầu").FillAsync("14:00");
            await page.GetByLabel("Nội dung").FillAsync("Làm việc với Trung tâm Ứng dụng tiến bộ khoa học");
            await page.GetByLabel("Thành phần (lãnh đạo chủ trì, dự)").FillAsync("Phó Giám đốc Sở");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
            Assert.EndsWith("/so-a/quan-tri/lich-cong-tac?tuan=2026-W48&msg=them", page.Url);
            Assert.Contains("Làm việc với Trung tâm Ứng dụng tiến bộ khoa học", await page.Locator("main").TextContentAsync());
            await AssertNoSidewaysScrollAsync(page, "the week at 820 px");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browsers.ScreenshotFolder, "admin-schedule-tablet.png"), FullPage = true });
        }
        Assert.Equal("khoa-hoc-va-doi-song", await w.DbAsync(db => db.Categories.IgnoreQueryFilters().Where(c => c.SiteId == w.SoA.Id).Select(c => c.Slug).SingleAsync()));
        Assert.Equal(new TimeOnly(14, 0), await w.DbAsync(db => db.ScheduleEntries.IgnoreQueryFilters().Select(e => e.StartTime).SingleAsync()));
    }

    [BrowserFact]
    public async Task Axe_finds_no_WCAG_2_1_AA_violations_on_the_editors_and_nothing_scrolls_sideways_on_a_laptop_or_tablet()
    {
        await using var w = await EditorsWorld.StartAsync(Databases.Sqlite);
        var ids = new Dictionary<string, int>();
        foreach (var c in EditorCase.All) ids[c.Path] = await c.SeedAsync(w);
        await w.EnsureAccountAsync(Who.EditorA); // the board then lists someone with forms to change
        Directory.CreateDirectory(Browsers.ScreenshotFolder);
        var (playwright, browser) = await Browsers.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            foreach (var (width, height) in new[] { (1366, 768), (768, 1024) })
            {
                var page = await SignedInPageAsync(browser, w, Who.AdminA, width, height, javaScript: true);
                var paths = Editors.SelectMany(e => new[] { $"/so-a/quan-tri/{e}", $"/so-a/quan-tri/{e}/moi", $"/so-a/quan-tri/{e}/{ids[e]}" })
                    .Concat(["/so-a/quan-tri", "/so-a/quan-tri/ban-bien-tap", "/so-a/quan-tri/cai-dat"]);
                foreach (var path in paths)
                {
                    var response = await page.GotoAsync(path);
                    Assert.Equal(200, response!.Status);
                    await AssertNoSidewaysScrollAsync(page, $"{path} at {width} px");
                    // The markup is the same at every width: axe once, at the tablet width.
                    if (width != 768) continue;
                    var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
                    Assert.True(result.Violations.Length == 0, $"axe on {path} at {width} px:{Environment.NewLine}{Describe(result)}");
                }
                await page.ScreenshotAsync(new() { Path = Path.Combine(Browsers.ScreenshotFolder, $"admin-settings-{width}.png"), FullPage = true });
                await page.GotoAsync("/so-a/quan-tri/ban-bien-tap");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Browsers.ScreenshotFolder, $"admin-board-{width}.png"), FullPage = true });
                await page.GotoAsync($"/so-a/quan-tri/lanh-dao/{ids["lanh-dao"]}");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Browsers.ScreenshotFolder, $"admin-leader-{width}.png"), FullPage = true });
                await page.Context.CloseAsync();
            }
        }
    }

    private static string Describe(AxeResult result)
    {
        var sb = new StringBuilder();
        foreach (var v in result.Violations)
        {
            sb.AppendLine($"- {v.Id} [{v.Impact}] {v.Help}");
            foreach (var node in v.Nodes) sb.AppendLine($"    {node.Target}  {node.Html}");
        }
        return sb.ToString();
    }
}
