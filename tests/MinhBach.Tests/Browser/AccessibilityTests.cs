using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Browser;

/// <summary>One app on SQLite with the rich site, and one Chromium, shared by the tests of a class.</summary>
public sealed class RichSiteInBrowser : IAsyncLifetime
{
    private TestApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public RichSite Rich { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Browsers.ChromiumPath is null) return; // every test is skipped
        _app = await TestApp.StartAsync(Databases.Sqlite);
        Rich = await RichSite.CreateAsync(_app);
        (_playwright, _browser) = await Browsers.LaunchAsync();
    }

    public PageCase Page(string name) => Rich.PublicPages.Single(p => p.Name == name);

    /// <summary>A fresh page (its own context: no stored display settings) opened at the address.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900, int expectedStatus = 200)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions
        {
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = _app!.BaseAddress.ToString(),
        });
        // The machine may be busy with other builds: allow slow pages rather than fail on time.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        _errors.Add(page, errors);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Status == expectedStatus, $"GET {path} answered {response?.Status}, expected {expectedStatus}");
        return page;
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> _errors = new();

    /// <summary>Script errors and console errors (a blocked script or style, a missing file) of a page opened here,
    /// apart from the error status of the page itself.</summary>
    public IReadOnlyList<string> ErrorsOf(IPage page) =>
        _errors.TryGetValue(page, out var e) ? e.Where(m => !m.StartsWith("Failed to load resource: the server responded with a status of 404", StringComparison.Ordinal)).ToList() : [];

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>
/// Every public page type in Chromium: no axe violations at WCAG 2.1 AA at desktop and phone widths,
/// nothing wider than a 360 px phone, the skip link and the menu by keyboard alone, the display
/// controls (text size, high contrast), and screenshots of the home page and an article for a person to look at.
/// </summary>
public sealed class AccessibilityTests(RichSiteInBrowser site) : IClassFixture<RichSiteInBrowser>
{
    public static TheoryData<string> PageNames => new(RichSite.PageNames);

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Full details for violations only: passes and the rest come back summarised, which is much faster.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Each violation with its impact, help, and every offending element's selector, markup and reason.</summary>
    private static string Describe(AxeResult result)
    {
        var sb = new StringBuilder();
        foreach (var v in result.Violations)
        {
            sb.AppendLine($"- {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes)
            {
                var reasons = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrEmpty(m));
                sb.AppendLine($"    {node.Target}  {node.Html}");
                foreach (var r in reasons) sb.AppendLine($"      {r}");
            }
        }
        return sb.ToString();
    }

    private static async Task AssertAxeCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe(WcagAA);
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} WCAG 2.1 AA violation(s) on {what}:{Environment.NewLine}{Describe(result)}");
    }

    [BrowserTheory]
    [MemberData(nameof(PageNames))]
    public async Task Axe_finds_no_WCAG_2_1_AA_violations_at_desktop_and_phone_widths(string name)
    {
        var c = site.Page(name);
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await site.OpenAsync(c.Path, width, expectedStatus: c.Status);
            await AssertAxeCleanAsync(page, $"{c} at {width} px");
            var errors = site.ErrorsOf(page);
            Assert.True(errors.Count == 0, $"{c}: errors in the browser console:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserTheory]
    [MemberData(nameof(PageNames))]
    public async Task Nothing_scrolls_sideways_on_a_360_px_phone_even_with_the_largest_text(string name)
    {
        var c = site.Page(name);
        var page = await site.OpenAsync(c.Path, 360, 740, c.Status);
        await AssertNoSidewaysScrollAsync(page, $"{c} at 360 px");

        // The largest text size of the display controls (remembered on the device) must still reflow.
        if (await page.Locator(".display-controls").CountAsync() > 0) // the print view has none
        {
            await page.EvaluateAsync("() => localStorage.setItem('mb-size', '3')");
            await page.ReloadAsync();
            Assert.Contains("text-largest", (await page.Locator("html").GetAttributeAsync("class"))?.Split(' ') ?? []);
            await AssertNoSidewaysScrollAsync(page, $"{c} at 360 px with the largest text");
        }
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1]) return;
        // Name the elements that stick out, so the failure says what to fix.
        var wide = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 10)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))");
        Assert.Fail($"{what}: scrollWidth {widths[0]} > innerWidth {widths[1]}; wider than the screen: {string.Join(", ", wide)}");
    }

    private sealed class Focused
    {
        public string Tag { get; set; } = "";
        public string Id { get; set; } = "";
        public string Class { get; set; } = "";
        public string Text { get; set; } = "";
        public string Href { get; set; } = "";
        public bool InMenu { get; set; }
        public string Outline { get; set; } = "";
    }

    private static Task<Focused> FocusedAsync(IPage page) => page.EvaluateAsync<Focused>(@"() => {
        const e = document.activeElement;
        return {
            tag: e.tagName.toLowerCase(), id: e.id || '', class: typeof e.className === 'string' ? e.className : '',
            text: (e.textContent || '').trim(), href: e.getAttribute('href') || '', inMenu: !!e.closest('nav.main-nav'),
            outline: getComputedStyle(e).outlineStyle,
        };
    }");

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_keyboard_user_reaches_the_skip_link_first_then_the_search_box_and_every_menu_item(int width)
    {
        var page = await site.OpenAsync("/", width);

        // Tab from the top of the page: the skip link comes first and shows itself.
        await page.Keyboard.PressAsync("Tab");
        var first = await FocusedAsync(page);
        Assert.Equal("skip-link", first.Class);
        Assert.Equal("#noi-dung", first.Href);
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0, Width: > 0 }, "The focused skip link is not on screen.");

        // Enter on it moves focus to the main content, and the next Tab goes on from there.
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("noi-dung", (await FocusedAsync(page)).Id);
        Assert.Equal("main", (await FocusedAsync(page)).Tag);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After the skip link, Tab should move into the main content.");

        // From the top again: the search box, then every menu link in order, each with a visible focus outline.
        await page.ReloadAsync();
        var menu = await page.Locator("nav.main-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var reached = new List<Focused>();
        for (var i = 0; i < 40 && reached.Count(f => f.InMenu) < menu.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await FocusedAsync(page));
        }
        var trail = string.Join(" → ", reached.Select(f => f.Tag + (f.Id.Length > 0 ? "#" + f.Id : "") + (f.Href.Length > 0 ? "[" + f.Href + "]" : "")));
        Assert.True(reached[0].Class == "skip-link", "First Tab stop: " + trail);
        var search = reached.FindIndex(f => f.Tag == "input" && f.Id == "q-header");
        Assert.True(search > 0, "The search box was not reached by Tab: " + trail);
        var menuStops = reached.Where(f => f.InMenu).ToList();
        Assert.Equal(menu, menuStops.Select(f => f.Href).ToArray());
        Assert.True(reached.FindIndex(f => f.InMenu) > search, "The menu comes after the search box: " + trail);
        Assert.All(menuStops, f => Assert.NotEqual("none", f.Outline));
        Assert.Contains("Trang chủ", menuStops.Select(f => f.Text));
        Assert.Contains("Giới thiệu", menuStops.Select(f => f.Text));
        Assert.Contains("Dịch vụ công trực tuyến", menuStops.Select(f => f.Text));
        Assert.Contains("Sơ đồ cổng", menuStops.Select(f => f.Text));

        // Typing in the search box and pressing Enter searches.
        var searchBox = page.Locator("#q-header");
        await searchBox.FocusAsync();
        await page.Keyboard.TypeAsync("day manh thu tuc");
        Assert.Equal("day manh thu tuc", await searchBox.InputValueAsync());
        await page.Keyboard.PressAsync("Enter");
        await page.ArrivedAtAsync("/tim-kiem?");
        Assert.EndsWith("/tim-kiem?q=day+manh+thu+tuc", page.Url);
        Assert.Equal(RichSite.SearchableTitle, (await page.Locator("main .search-hits > li > a").First.TextContentAsync())?.Trim());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_display_controls_change_text_size_and_contrast_and_the_contrast_mode_passes_axe()
    {
        var page = await site.OpenAsync("/");
        var html = page.Locator("html");
        var contrast = page.Locator("[data-display=contrast]");

        Assert.True(await page.Locator(".display-controls").IsVisibleAsync(), "The display controls stay hidden although the script ran.");
        foreach (var button in new[] { "[data-display=smaller]", "[data-display=larger]", "[data-display=contrast]" })
            Assert.True(await page.Locator(button).IsVisibleAsync(), button + " is not visible.");
        Assert.Equal("false", await contrast.GetAttributeAsync("aria-pressed"));

        await contrast.ClickAsync();
        Assert.Contains("contrast", (await html.GetAttributeAsync("class"))!.Split(' '));
        Assert.Equal("true", await contrast.GetAttributeAsync("aria-pressed"));
        await contrast.ClickAsync();
        Assert.DoesNotContain("contrast", (await html.GetAttributeAsync("class"))!.Split(' '));
        Assert.Equal("false", await contrast.GetAttributeAsync("aria-pressed"));

        var before = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        await page.Locator("[data-display=larger]").ClickAsync();
        Assert.Contains("text-larger", (await html.GetAttributeAsync("class"))!.Split(' '));
        Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)") > before);
        await page.Locator("[data-display=smaller]").ClickAsync();
        await page.Locator("[data-display=smaller]").ClickAsync();
        Assert.Contains("text-smaller", (await html.GetAttributeAsync("class"))!.Split(' '));

        // The choice is remembered on the next page, and the high-contrast pages pass axe too.
        await contrast.ClickAsync();
        Directory.CreateDirectory(Browsers.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browsers.ScreenshotFolder, "home-contrast-1280.png"), FullPage = true });
        foreach (var name in new[] { "home", "article", "documents", "schedule", "not-found" })
        {
            var c = site.Page(name);
            var response = await page.GotoAsync(c.Path);
            Assert.Equal(c.Status, response!.Status);
            Assert.Contains("contrast", (await html.GetAttributeAsync("class"))!.Split(' '));
            await AssertAxeCleanAsync(page, $"{c} in high contrast");
        }
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Screenshots_of_the_home_page_and_an_article_at_phone_and_desktop_widths()
    {
        Directory.CreateDirectory(Browsers.ScreenshotFolder);
        foreach (var name in new[] { "home", "article", "component-home" })
        {
            foreach (var width in new[] { 360, 1280 })
            {
                var c = site.Page(name);
                var page = await site.OpenAsync(c.Path, width, 800);
                var file = Path.Combine(Browsers.ScreenshotFolder, $"{name}-{width}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000, file + " looks empty.");
                // The Vietnamese heading is laid out with real glyphs (a font with Vietnamese is installed).
                Assert.Equal(c.Heading, (await page.Locator("h1").TextContentAsync())?.Trim());
                await page.Context.CloseAsync();
            }
        }
    }
}
