using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor.Net;

namespace MinhBach.Features.Monitor;

/// <summary>
/// The deep pass's checks in a real browser (Chromium through Playwright): the EMC badge rendered and visible (TEC-05),
/// axe-core on the homepage and two inner pages (TEC-14), the homepage at 360 px (TEC-13). Every request the browser
/// makes goes through the audit's polite fetcher (its resolver, limits per host, size cap), never straight to the
/// network. Each result is folded with the static finding of the same rule: a static failure stays a failure, and
/// without a browser nothing becomes a pass ("chưa kiểm tra được", with the reason).
/// </summary>
public sealed class BrowserChecks(MonitorOptions options, Fetcher fetcher)
{
    /// <summary>What the browser saw for one rule; <see cref="CheckStatus.Unknown"/> when it could not look.</summary>
    public sealed record Observation(string RuleId, CheckStatus Status, string Evidence);

    private const int PhoneWidth = 360;
    private const string NotChecked = "Chưa kiểm tra được trong trình duyệt: ";

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Why Chromium cannot run here, or null.</summary>
    public string? Unavailable => File.Exists(options.ChromiumPath) ? null : $"không có Chromium tại {options.ChromiumPath} (Monitor:ChromiumPath)";

    public async Task<IReadOnlyList<Observation>> RunAsync(Uri home, IReadOnlyList<Uri> inner, SiteSession session, IReadOnlySet<string> rules, CancellationToken ct)
    {
        var wanted = new[] { "TEC-05", "TEC-13", "TEC-14" }.Where(rules.Contains).ToList();
        if (wanted.Count == 0) return [];
        if (Unavailable is { } why) return wanted.Select(r => new Observation(r, CheckStatus.Unknown, NotChecked + why)).ToList();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = options.ChromiumPath, Headless = true });
            var result = new List<Observation>();
            await using (var desktop = await ContextAsync(browser, new() { ViewportSize = new() { Width = 1280, Height = 900 } }, session, ct))
            {
                var page = await desktop.NewPageAsync();
                await OpenAsync(page, home);
                if (wanted.Contains("TEC-05")) result.Add(await EmcBadgeAsync(page));
                if (wanted.Contains("TEC-14"))
                {
                    var scans = new List<(Uri Url, AxeResult Result)> { (home, await page.RunAxe(WcagAA)) };
                    foreach (var url in inner.Take(2))
                    {
                        await OpenAsync(page, url);
                        scans.Add((url, await page.RunAxe(WcagAA)));
                    }
                    result.Add(Axe(scans));
                }
            }
            if (wanted.Contains("TEC-13"))
            {
                await using var phone = await ContextAsync(browser, new() { ViewportSize = new() { Width = PhoneWidth, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 }, session, ct);
                var page = await phone.NewPageAsync();
                await OpenAsync(page, home);
                // Against the phone's width, not the layout viewport: a page without a viewport tag is laid out at 980 px
                // and shrunk, which a reader has to zoom and scroll.
                var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                result.Add(scroll <= PhoneWidth + 1
                    ? new Observation("TEC-13", CheckStatus.Pass, $"Trong Chromium ở khổ 360 px, trang chủ vừa chiều ngang ({scroll} px), không phải cuộn ngang")
                    : new Observation("TEC-13", CheckStatus.Fail, $"Trong Chromium ở khổ 360 px, trang chủ rộng {scroll} px: phải cuộn ngang"));
            }
            return result;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException)
        {
            return wanted.Select(r => new Observation(r, CheckStatus.Unknown, NotChecked + e.Message.Split('\n')[0])).ToList();
        }
    }

    /// <summary>A browser context whose every request is answered by the audit's fetcher.</summary>
    private async Task<IBrowserContext> ContextAsync(IBrowser browser, BrowserNewContextOptions o, SiteSession session, CancellationToken ct)
    {
        o.UserAgent = options.UserAgent;
        o.ServiceWorkers = ServiceWorkerPolicy.Block;
        var context = await browser.NewContextAsync(o);
        context.SetDefaultTimeout(options.TimeoutSeconds * 1000f * 2);
        await context.RouteAsync("**/*", async route =>
        {
            if (!Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || route.Request.Method != "GET")
            {
                await route.AbortAsync();
                return;
            }
            var f = await fetcher.GetAsync(session, url, ct);
            if (f.Status == 0)
            {
                await route.AbortAsync();
                return;
            }
            // Header names are case-insensitive: the fetcher's dictionary finds Content-Type however the server spelled it.
            var headers = f.ContentType is { } type ? new Dictionary<string, string> { ["Content-Type"] = type } : [];
            await route.FulfillAsync(new() { Status = f.Status, Headers = headers, BodyBytes = f.Body });
        });
        return context;
    }

    private async Task OpenAsync(IPage page, Uri url)
    {
        await page.GotoAsync(url.AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        // Scripts that add a badge after load (the EMC loader is async and deferred) get a moment.
        await page.WaitForTimeoutAsync(500);
    }

    /// <summary>An element of the EMC system (its address or name in src, href, id, class or alt) drawn with a size and
    /// not hidden.</summary>
    private static async Task<Observation> EmcBadgeAsync(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('img,a,iframe,div,span')).filter(e => {
                const s = [e.getAttribute('src'), e.getAttribute('href'), e.id, e.getAttribute('class'), e.getAttribute('alt'), e.getAttribute('title')].join(' ');
                return /f-emc\.ngsp\.gov\.vn|emc\.gov\.vn|\bemc\b|tín nhiệm/i.test(s);
            }).map(e => {
                const r = e.getBoundingClientRect(), st = getComputedStyle(e);
                const visible = r.width >= 8 && r.height >= 8 && st.visibility !== 'hidden' && st.display !== 'none' && parseFloat(st.opacity) > 0.1;
                return (visible ? 'v ' : 'h ') + e.tagName.toLowerCase() + ' ' + Math.round(r.width) + '×' + Math.round(r.height) + ' ' + (e.getAttribute('src') || e.getAttribute('href') || e.id || '');
            })
            """);
        var visible = found.Where(f => f.StartsWith("v ", StringComparison.Ordinal)).Select(f => f[2..]).ToList();
        if (visible.Count > 0) return new Observation("TEC-05", CheckStatus.Pass, $"Trong Chromium, biểu tượng EMC hiện trên trang chủ ({SiteAuditor.Quote(visible[0], 100)})");
        return new Observation("TEC-05", CheckStatus.Fail, found.Length > 0
            ? $"Trong Chromium, phần tử EMC có nhưng không nhìn thấy ({SiteAuditor.Quote(found[0][2..], 100)})"
            : "Trong Chromium, không thấy biểu tượng EMC nào hiện trên trang chủ");
    }

    private static Observation Axe(IReadOnlyList<(Uri Url, AxeResult Result)> scans)
    {
        var violations = scans.SelectMany(s => s.Result.Violations.Select(v => (s.Url, v))).ToList();
        if (violations.Count == 0)
            return new Observation("TEC-14", CheckStatus.Pass, $"axe (WCAG 2.1 A, AA) không thấy lỗi trên {scans.Count} trang: {string.Join(", ", scans.Select(s => s.Url.AbsolutePath))}");
        var serious = violations.Where(x => x.v.Impact is "serious" or "critical").ToList();
        var text = string.Join("; ", violations.GroupBy(x => x.v.Id).Take(6)
            .Select(g => $"{g.Key} [{g.First().v.Impact}] {g.Sum(x => x.v.Nodes.Length)} chỗ trên {string.Join(", ", g.Select(x => x.Url.AbsolutePath).Distinct())}"));
        // Only minor and moderate problems: met in part.
        return new Observation("TEC-14", serious.Count == 0 ? CheckStatus.Partial : CheckStatus.Fail,
            $"axe (WCAG 2.1 A, AA) thấy {violations.Count} lỗi trên {scans.Count} trang ({serious.Count} nghiêm trọng): {text}");
    }

    /// <summary>The static finding and the browser's observation as one finding.</summary>
    public static Finding Fold(Finding? found, Observation o)
    {
        var mark = o.Status switch { CheckStatus.Pass => "✓ ", CheckStatus.Fail => "✗ ", CheckStatus.Partial => "~ ", _ => "? " };
        var evidence = (found is null ? "" : found.Evidence + " ") + mark + o.Evidence + ".";
        var before = found?.Status ?? CheckStatus.Unknown;
        var status = o.Status == CheckStatus.Unknown
            // Without the browser a static failure still stands, but nothing is passed.
            ? before == CheckStatus.Fail ? CheckStatus.Fail : CheckStatus.Unknown
            : before is CheckStatus.Unknown or CheckStatus.NotApplicable ? o.Status
            : before == o.Status ? before
            : CheckStatus.Partial;
        return new Finding(o.RuleId, status, evidence, found?.Newest);
    }
}
