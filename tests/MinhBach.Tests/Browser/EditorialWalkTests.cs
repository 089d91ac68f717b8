using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Tests.Accounts;
using MinhBach.Tests.Infrastructure;
using SkiaSharp;

namespace MinhBach.Tests.Browser;

/// <summary>
/// The whole editorial path in Chromium, as people do it: a contributor writes with an image and submits;
/// an editor returns it with a comment; the contributor fixes and resubmits; the editor approves for the
/// next minute; at that minute the article is public; the audit trail shows each step and verifies.
/// </summary>
public sealed class EditorialWalkTests
{
    [BrowserFact]
    public async Task An_article_goes_from_draft_through_review_to_public_at_the_scheduled_minute()
    {
        await using var app = await AdminSites.StartAsync(Databases.Sqlite, new Dictionary<string, string?>
        {
            ["Accounts:TwoFactorRequiredFrom"] = "None",
            ["Scheduling:PublishCheckSeconds"] = "2",
        });
        var soA = await app.WithDbAsync(db => db.Sites.SingleAsync(s => s.Slug == "so-a"));
        await app.AddCategoryAsync(soA, "tin-hoat-dong", "Tin hoạt động");
        await app.MemberAsync("ctv@soa.dongminh.gov.vn", SiteRole.Contributor);
        await app.MemberAsync("btv@soa.dongminh.gov.vn", SiteRole.Editor);
        var image = Path.Combine(Path.GetTempPath(), $"anh-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(image, Png());

        var (playwright, browser) = await Browsers.LaunchAsync();
        try
        {
            var writer = await SignInAsync(browser, app, "ctv@soa.dongminh.gov.vn");
            var editor = await SignInAsync(browser, app, "btv@soa.dongminh.gov.vn");
            const string title = "Hội thảo đổi mới sáng tạo trong doanh nghiệp nhỏ và vừa";

            // The contributor writes in the rich-text editor, inserts an image with its alt text, saves and submits.
            await writer.GotoAsync(Url(app, "/so-a/quan-tri/tin-bai/moi"));
            await writer.FillAsync("#Form_Title", title);
            await writer.FillAsync("#Form_Summary", "Sở tổ chức hội thảo về đổi mới sáng tạo.");
            await writer.FillAsync("#Form_Author", "Trần Quốc Bảo");
            await writer.ClickAsync(".ql-editor");
            await writer.Keyboard.TypeAsync("Sáng nay, hội thảo đã thu hút hơn 200 doanh nghiệp tham dự.");
            writer.Dialog += async (_, d) => await d.AcceptAsync("Toàn cảnh hội thảo tại hội trường Sở");
            var chooser = await writer.RunAndWaitForFileChooserAsync(() => writer.ClickAsync(".ql-image"));
            await chooser.SetFilesAsync(image);
            await writer.WaitForSelectorAsync(".ql-editor img[alt='Toàn cảnh hội thảo tại hội trường Sở']");
            await writer.ClickAsync("form[action*='handler=Save'] button[type=submit]");
            await writer.ArrivedAtAsync(new Regex(@"/quan-tri/tin-bai/[^/?]+\?msg=luu"));
            var articleUrl = writer.Url.Split('?')[0];
            await writer.ClickAsync("form[action*='handler=Submit'] button");
            await writer.ArrivedAtAsync("?msg=gui");

            // The editor returns it with a comment.
            await editor.GotoAsync(articleUrl);
            await editor.FillAsync("form[action*='handler=Return'] textarea", "Sapo cần nêu rõ thời gian, địa điểm.");
            await editor.ClickAsync("form[action*='handler=Return'] button");
            await editor.ArrivedAtAsync("?msg=tra");

            // The contributor sees the comment, fixes the summary and resubmits.
            await writer.GotoAsync(articleUrl);
            Assert.Contains("Sapo cần nêu rõ thời gian, địa điểm.", await writer.InnerTextAsync("body"));
            await writer.FillAsync("#Form_Summary", "Sáng 20/11, tại hội trường Sở, Sở tổ chức hội thảo về đổi mới sáng tạo.");
            await writer.ClickAsync("form[action*='handler=Save'] button[type=submit]");
            await writer.ArrivedAtAsync(new Regex($"^{Regex.Escape(articleUrl)}\\?msg=luu$"));
            await writer.ClickAsync("form[action*='handler=Submit'] button");
            await writer.ArrivedAtAsync(new Regex($"^{Regex.Escape(articleUrl)}\\?msg=gui$"));
            Assert.Equal(1, await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync(a => a.Title == title)));

            // The editor approves for the next minute (Viet Nam time).
            // The next minute, or the one after when this one is nearly over, so the checks below run before it.
            var now = DateTime.UtcNow;
            var at = now.AddHours(7).AddMinutes(now.Second > 40 ? 2 : 1);
            await editor.GotoAsync(articleUrl);
            await editor.FillAsync("form[action*='handler=Approve'] input[type=datetime-local]", at.ToString("yyyy-MM-ddTHH:mm"));
            await editor.ClickAsync("form[action*='handler=Approve'] button");
            await editor.ArrivedAtAsync("?msg=duyet");
            Assert.Contains("Hẹn giờ", await editor.InnerTextAsync("body"));

            var (slug, scheduledAt) = await app.WithDbAsync(async db =>
            {
                var a = await db.Articles.IgnoreQueryFilters().SingleAsync(x => x.Title == title);
                return (a.Slug, a.ScheduledAt ?? (a.Status == Features.Articles.ArticleStatus.Published ? a.PublishedAt : null));
            });
            var publicPath = $"/so-a/tin-tuc/tin-hoat-dong/{slug}";
            Assert.NotNull(scheduledAt);
            if (scheduledAt!.Value - DateTime.UtcNow > TimeSpan.FromSeconds(5))
                using (var before = await app.GetAsync(publicPath)) Assert.Equal(System.Net.HttpStatusCode.NotFound, before.StatusCode);

            var reader = await browser.NewPageAsync();
            IResponse? shown = null;
            for (var i = 0; i < 50 && shown?.Status != 200; i++)
            {
                if (i > 0) await Task.Delay(2000);
                shown = await reader.GotoAsync(Url(app, publicPath));
            }
            Assert.Equal(200, shown!.Status);
            Assert.True(DateTime.UtcNow >= scheduledAt.Value, "published before its minute");
            Assert.Equal(scheduledAt.Value, await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().Where(a => a.Title == title).Select(a => a.PublishedAt).SingleAsync()));
            Assert.Equal(title, (await reader.InnerTextAsync("h1")).Trim());
            Assert.Equal("Trần Quốc Bảo", (await reader.InnerTextAsync(".byline")).Trim());
            Assert.Contains("tại hội trường Sở", await reader.InnerTextAsync(".summary"));
            Assert.Equal(1, await reader.Locator(".content img[alt='Toàn cảnh hội thảo tại hội trường Sở'][src^='/tep/']").CountAsync());

            // Each step is in the audit trail, and the chain verifies.
            var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetType == "article").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
            // Approving less than 30 s before the minute publishes at once instead of scheduling.
            Assert.Equal(["article.create", "article.submit", "article.return", "article.save", "article.submit"], actions.Take(5));
            Assert.Equal("article.publish", actions[^1]);
            using var scope = app.Services.CreateScope();
            var verify = await AuditTrail.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDb>());
            Assert.Null(verify.BrokenAt);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            File.Delete(image);
        }
    }

    private static string Url(TestApp app, string path) => new Uri(app.BaseAddress, path).ToString();

    private static async Task<IPage> SignInAsync(IBrowser browser, TestApp app, string email)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url(app, "/so-a/quan-tri/dang-nhap"));
        await page.FillAsync("#UserName", email);
        await page.FillAsync("#Password", AdminSites.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.ArrivedAtAsync(new Regex(@"/so-a/quan-tri$"));
        return page;
    }

    private static byte[] Png()
    {
        using var surface = SKSurface.Create(new SKImageInfo(320, 180));
        surface.Canvas.Clear(new SKColor(0x0b, 0x4f, 0x8a));
        using var img = surface.Snapshot();
        using var data = img.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
