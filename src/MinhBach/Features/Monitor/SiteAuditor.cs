using System.Collections.Concurrent;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor.Html;
using MinhBach.Features.Monitor.Net;

namespace MinhBach.Features.Monitor;

/// <summary>
/// Audits one site from outside, as a visitor would find it: the address and its redirects, HTTPS and the certificate,
/// IPv6, the domain rule, the homepage's header and footer, the mandatory sections found by their Vietnamese menu
/// words and followed, a sample of articles, a real search, feeds and site maps, and security signals that need no
/// attack. Every finding carries its rule ID and evidence. Nothing it meets (a dead site, garbage, a 10 MB page, a loop,
/// a server that dribbles bytes) throws: each becomes a status with a reason.
/// </summary>
public sealed partial class SiteAuditor(MonitorOptions options, MonitorKeywords words, Fetcher fetcher, TimeProvider clock)
{
    /// <summary>Rules whose evidence comes from reading the site's pages: unknown when the pages cannot be read.</summary>
    private static readonly HashSet<string> TransportRules = ["TEC-01", "TEC-02", "TEC-03", "TEC-18", "TEC-04"];

    public async Task<SiteAudit> AuditAsync(AuditRequest request, CancellationToken ct)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var ctx = new AuditContext(request, new SiteSession(request.Deep ? options.DeepPageBudget : options.PageBudget,
            request.IgnoreRobots || options.IgnoreRobotsHosts.Contains(request.Url.Host, StringComparer.OrdinalIgnoreCase)));
        try
        {
            await RunAsync(ctx, ct);
            if (request.Deep && ctx.Home is not null) await BrowserAsync(ctx, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug or a case nobody foresaw must not cost the other sites of the run: what is known so far stands.
            ctx.Note("TEC-18", CheckStatus.Unknown, $"Bộ rà soát dừng giữa chừng: {e.GetType().Name}: {e.Message}");
        }
        var findings = request.Rules.Order(StringComparer.Ordinal)
            .Select(id => ctx.Findings.GetValueOrDefault(id) ?? new Finding(id, CheckStatus.Unknown,
                ctx.Home is null && !TransportRules.Contains(id)
                    ? "Không đọc được trang chủ nên không kiểm tra được mục này."
                    : ctx.ScriptOnly && !TransportRules.Contains(id)
                        ? "Trang chỉ hiện nội dung khi chạy JavaScript; cần kiểm tra bằng trình duyệt."
                        : "Bộ rà soát không tự kiểm tra được mục này."))
            .ToList();
        return new SiteAudit(request.Url.AbsoluteUri, ctx.Home?.Url.AbsoluteUri, request.Url.Host.ToLowerInvariant(), ctx.Kind,
            ctx.Home is not null, ctx.Session.Used, started, clock.GetUtcNow().UtcDateTime, findings, ctx.Speed);
    }

    /// <summary>The deep pass's checks in Chromium, folded into the static findings of the same rules.</summary>
    private async Task BrowserAsync(AuditContext ctx, CancellationToken ct)
    {
        var home = ctx.Home!.Url;
        var inner = ctx.SectionPages.Values.Concat(ctx.Articles).Select(p => p.Url).Where(u => u.Host == home.Host && u != home).Distinct().Take(2).ToList();
        foreach (var o in await new BrowserChecks(options, fetcher).RunAsync(home, inner, ctx.Session, ctx.Request.Rules, ct))
            ctx.Findings[o.RuleId] = BrowserChecks.Fold(ctx.Findings.GetValueOrDefault(o.RuleId), o);
    }

    private async Task RunAsync(AuditContext ctx, CancellationToken ct)
    {
        var url = ctx.Request.Url;
        ctx.Kind = ctx.Request.KindCode ?? GuessKind(url.Host);
        if (ctx.Wants("TEC-01")) ctx.Add(DomainRule(ctx));

        // robots.txt first: it says what we may read and how fast.
        var robots = await fetcher.SendAsync(ctx.Session, new FetchRequest(new Uri(url, "/robots.txt")) { ObeyRobots = false }, ct);
        ctx.RobotsFetch = robots;
        ctx.Session.Robots = robots.Ok && robots.Body.Length > 0 && !LooksHtml(robots) ? Robots.Parse(System.Text.Encoding.UTF8.GetString(robots.Body)) : Robots.None;

        var home = await fetcher.GetAsync(ctx.Session, url, ct);
        ctx.HomeFetch = home;
        ctx.TimeHome(home);
        if (home.Ok)
        {
            ctx.Home = new WebPage(home);
            ctx.Pages[WebPage.StripFragment(home.Final).AbsoluteUri] = ctx.Home;
            ctx.ScriptOnly = ctx.Home.LooksScriptOnly;
        }
        ctx.Add(Reachability(ctx));
        if (ctx.Wants("TEC-04")) ctx.Add(ComponentSite(ctx));

        var transport = new List<Task>();
        if (ctx.Wants("TEC-03")) transport.Add(HttpsAsync(ctx, ct));
        if (ctx.Wants("TEC-02")) transport.Add(Ipv6Async(ctx, ct));
        await Task.WhenAll(transport);

        if (ctx.Home is null) return;
        var page = ctx.Home;
        if (ctx.Wants("TEC-15")) ctx.Add(Charset(page));
        // After the transport checks: their fetches of the homepage count in its time to first byte.
        if (ctx.Wants("TEC-28")) ctx.Add(Weight(ctx, page));
        if (ctx.Wants("TEC-19")) await SecurityAsync(ctx, ct);
        if (ctx.ScriptOnly)
        {
            if (ctx.Wants("TEC-16")) ctx.Add(await FeedsAsync(ctx, ct));
            return;
        }
        if (ctx.Wants("TEC-20")) ctx.Add(Layout(page));
        if (ctx.Wants("TEC-21")) ctx.Add(FooterFacts(page));
        if (ctx.Wants("TEC-05")) ctx.Add(Emc(page));
        if (ctx.Wants("TEC-13")) ctx.Add(Viewport(page));
        if (ctx.Wants("TEC-14")) ctx.Add(AccessibilityHints(page));
        if (ctx.Wants("TEC-06")) ctx.Add(GovLinks(ctx, page));

        await SectionsAsync(ctx, ct);
        if (ctx.Wants("TEC-11")) ctx.Add(await SiteMapAsync(ctx, ct));
        if (ctx.Wants("TEC-16")) ctx.Add(await FeedsAsync(ctx, ct));
        await ArticlesAsync(ctx, ct);
        if (ctx.Wants("TEC-07")) ctx.Add(await SearchAsync(ctx, ct));
        if (ctx.Wants("TEC-10")) ctx.Add(DublinCore(ctx));
        if (ctx.Wants("INF-20")) ctx.Add(await EnglishAsync(ctx, ct));
        if (ctx.PendingSecurity is { } security) ctx.Add(await ProbesAsync(ctx, security, ct));
    }

    private static bool LooksHtml(FetchResult f) =>
        f.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
        || System.Text.Encoding.UTF8.GetString(f.Body, 0, Math.Min(f.Body.Length, 512)).Contains("<html", StringComparison.OrdinalIgnoreCase);

    /// <summary>A page of the site, read once per audit however many checks need it.</summary>
    private async Task<WebPage?> PageAsync(AuditContext ctx, Uri url, CancellationToken ct)
    {
        var key = WebPage.StripFragment(url).AbsoluteUri;
        if (ctx.Pages.TryGetValue(key, out var cached)) return cached;
        if (ctx.Failed.ContainsKey(key)) return null;
        var f = await fetcher.GetAsync(ctx.Session, url, ct);
        if (!f.Ok)
        {
            ctx.Failed[key] = f;
            return null;
        }
        var page = new WebPage(f);
        ctx.Pages[key] = page;
        ctx.Pages.TryAdd(WebPage.StripFragment(f.Final).AbsoluteUri, page);
        return page;
    }

    private static string Why(AuditContext ctx, Uri url) =>
        ctx.Failed.GetValueOrDefault(WebPage.StripFragment(url).AbsoluteUri)?.Problem ?? "không đọc được";

    internal static string Quote(string text, int max = 120)
    {
        text = WebPage.Clean(text);
        return "“" + (text.Length <= max ? text : text[..max] + "…") + "”";
    }

    /// <summary>One audit's working state.</summary>
    private sealed class AuditContext(AuditRequest request, SiteSession session)
    {
        public AuditRequest Request { get; } = request;
        public SiteSession Session { get; } = session;
        public string Kind { get; set; } = "other";
        public FetchResult? RobotsFetch { get; set; }
        public FetchResult? HomeFetch { get; set; }
        /// <summary>Time to first byte of every fetch that answered with the homepage (the main one, over IPv6, from http://).</summary>
        public ConcurrentBag<TimeSpan> HomeFirstBytes { get; } = [];
        public PageSpeed? Speed { get; set; }
        public WebPage? Home { get; set; }
        public bool ScriptOnly { get; set; }
        public ConcurrentDictionary<string, WebPage> Pages { get; } = new();
        public ConcurrentDictionary<string, FetchResult> Failed { get; } = new();
        public ConcurrentDictionary<string, Finding> Findings { get; } = new();
        /// <summary>The page each section was found on (the news page gives the articles).</summary>
        public Dictionary<string, WebPage> SectionPages { get; } = [];
        public List<WebPage> Articles { get; } = [];
        public Dictionary<WebPage, string> ArticleLinkText { get; } = [];
        /// <summary>Header findings of TEC-19, completed by the probes once the pages are read.</summary>
        public Parts? PendingSecurity { get; set; }
        public bool SecuritySerious { get; set; }
        public List<PageLink> MapLinks { get; } = [];
        public WebPage? SiteMapPage { get; set; }

        public bool Wants(string id) => Request.Rules.Contains(id);

        /// <summary>Counts the fetch in the homepage's time to first byte when it answered with the homepage.</summary>
        public void TimeHome(FetchResult? f)
        {
            if (f is { Ok: true } && HomeFetch is { Ok: true } home && f.Final.Host.Equals(home.Final.Host, StringComparison.OrdinalIgnoreCase)
                && f.Final.PathAndQuery == home.Final.PathAndQuery)
                HomeFirstBytes.Add(f.FirstByte);
        }

        public void Add(Finding? f)
        {
            if (f is not null && Wants(f.RuleId)) Findings[f.RuleId] = f;
        }

        public void Note(string id, CheckStatus status, string evidence)
        {
            if (Findings.TryGetValue(id, out var f)) Findings[id] = f with { Evidence = f.Evidence + " " + evidence };
            else if (Wants(id)) Findings[id] = new Finding(id, status, evidence);
        }
    }
}
