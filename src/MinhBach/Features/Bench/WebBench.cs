using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MinhBach.Text;

namespace MinhBach.Features.Bench;

/// <summary>
/// `./minhbach bench web`: the app as a real process on loopback under wrk, on a database already filled by
/// <see cref="WebBenchData"/>. Measures home, category, article and search cached and uncached, nginx serving the
/// same article bytes (the ceiling), resident memory, publish-to-visible delay, and visit counting on against off.
/// <para>Uncached: a second process started with <c>PageCache:Enabled=false</c>, and every request with a query
/// string of its own (<see cref="Wrk.UniqueQueryScript"/>), so whatever output cache the app has cannot answer it.</para>
/// </summary>
public sealed class WebBench(TextWriter output)
{
    public sealed record Options(int Connections, TimeSpan Duration, int VisitRounds, string Folder)
    {
        /// <summary>Half a run, 1 to 5 seconds: long enough on a busy machine for the runtime to replace its first, quick
        /// compilation of the hot code by the optimised one (tiered compilation), which the measured run should see.</summary>
        public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Clamp(Math.Round(Duration.TotalSeconds / 2), 1, 5));

        /// <summary>Twice a run, 2 to 20 seconds, before a page rendered on every request: it runs far more code than a
        /// cached one, and on two busy cores the runtime took about a minute to optimise the home page's (270 requests/s
        /// in its first 13 seconds under load, 570–680 after 40). A server that has run for hours has it all optimised.</summary>
        public TimeSpan UncachedWarmUp => TimeSpan.FromSeconds(Math.Clamp(Math.Round(Duration.TotalSeconds * 2), 2, 20));

        /// <summary>A warm-up goes on past its minimum while the app's runtime spent more than this share of the last run's
        /// time compiling. A fresh process, the article page rendered on every request, 5-second runs: 29–60 % in the first
        /// four, then 0.4–2.3 % (one run 16 %); the cached article page: 45 %, 17 %, then under 5 %.</summary>
        public const double QuietJitShare = 0.05;

        /// <summary>A warm-up run more than this much faster than the one before means the process is still getting faster.</summary>
        public const double SteadyGain = 0.05;

        /// <summary>The longest warm-up: six runs' time, 6 s to 60 s.</summary>
        public TimeSpan MaxWarmUp => TimeSpan.FromSeconds(Math.Clamp(Math.Round(Duration.TotalSeconds * 6), 6, 60));

        /// <summary>Rounds of a page's run and nginx's, each a third of a run (at least 1 s): the ratio is their median.
        /// Three rounds of half a run gave the cached article page 0.717, 0.731 and 0.606 of nginx in three runs with its
        /// path unchanged (its rounds 0.57–0.73); five shorter ones take the same time, keep each pair closer together and
        /// leave the median less at the mercy of one round.</summary>
        public const int PairRounds = 5;
        public TimeSpan PairRun => TimeSpan.FromSeconds(Math.Max(1, Math.Round(Duration.TotalSeconds / 3)));
    }
    /// <summary>RatioToNginx: the median of the rounds' ratios (RoundRatios), each to nginx's run right after the page's; the
    /// row's other figures and NginxRequestsPerSecond are that round's. For the nginx row, its median run.</summary>
    public sealed record Row(string Page, string Mode, double RequestsPerSecond, double P50, double P99, long Requests, long Errors, double? RatioToNginx)
    {
        public double? NginxRequestsPerSecond { get; init; }
        /// <summary>How long the page was loaded before its measured runs (until steady: <see cref="Options.QuietJitShare"/>).</summary>
        public double? WarmUpSeconds { get; init; }
        /// <summary>Each round's page run against the nginx run right after it; RatioToNginx is their median, and the row's
        /// other figures are that round's.</summary>
        public IReadOnlyList<double>? RoundRatios { get; init; }
    }
    /// <summary>Each round's two runs follow each other, so their ratio (RoundRatios) is free of the machine's drift
    /// between rounds; Ratio is the median of those.</summary>
    public sealed record Visits(IReadOnlyList<double> Off, IReadOnlyList<double> On, double MedianOff, double MedianOn, IReadOnlyList<double> RoundRatios, double Ratio)
    {
        public string Describe() =>
            $"Đếm lượt truy cập ({On.Count} vòng, mỗi vòng đo bật và tắt liền nhau): trung vị tắt {VietnameseText.FormatNumber((long)MedianOff)} trang/giây, bật {VietnameseText.FormatNumber((long)MedianOn)} trang/giây; " +
            $"tỉ lệ bật/tắt từng vòng {string.Join(", ", RoundRatios.Select(Percent))}; trung vị {Percent(Ratio)} (yêu cầu ≥ 95%){(Ratio >= 0.95 ? "" : " — CHƯA ĐẠT")}.";

        private static string Percent(double r) => (r * 100).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',') + "%";
    }
    public sealed record Result(string Provider, int Sites, int Articles, int Documents, int Connections, double SecondsPerRun, double GenerateSeconds,
        IReadOnlyList<Row> Rows, long ResidentBytes, double? PublishToVisibleMs, Visits? VisitCounting, string Machine, string? LoadBefore, string? LoadAfter);

    public const string Cached = "có bộ đệm";
    public const string Uncached = "không bộ đệm";
    public const string Ceiling = "nginx tệp tĩnh";

    public async Task<Result> RunAsync(WebBenchData.Plan plan, IReadOnlyList<string> settings, Options o, (string Provider, int Sites, int Articles, int Documents) size, CancellationToken ct)
    {
        var pages = new (string Name, string Path)[] { ("trang chủ", plan.Home), ("chuyên mục", plan.Category), ("tin bài", plan.Article), ("tìm kiếm", plan.Search) };
        var rows = new List<Row>();
        var loadBefore = CpuClock.LoadAverage();
        var unique = Wrk.UniqueQueryScript(o.Folder);

        // Loaded until it is steady: at least `minimum`, in runs of at most WarmUp, and on while the app's runtime is still
        // compiling (tiered compilation) or a run was more than SteadyGain faster than the one before, up to MaxWarmUp. A
        // fresh process on two busy cores takes 30–60 s of load to reach its rate; a server that has run for hours is past
        // that, and that is what is measured.
        async Task<TimeSpan> WarmUpAsync(Uri url, string? script, TimeSpan minimum, AppProcess? app)
        {
            if (minimum <= TimeSpan.Zero) return TimeSpan.Zero;
            var step = minimum < o.WarmUp ? minimum : o.WarmUp;
            var clock = Stopwatch.StartNew();
            double? previous = null;
            while (true)
            {
                var before = app is null ? null : await app.JitSecondsAsync(ct);
                var run = Stopwatch.StartNew();
                var r = await Wrk.RunAsync(url.AbsoluteUri, o.Connections, step, script, ct);
                var after = app is null ? null : await app.JitSecondsAsync(ct);
                // False when either reading is missing (nginx, or an app without /metrics).
                var compiling = after - before >= Options.QuietJitShare * run.Elapsed.TotalSeconds;
                var climbing = app is not null && (previous is not { } p || r.RequestsPerSecond > p * (1 + Options.SteadyGain));
                previous = r.RequestsPerSecond;
                if (clock.Elapsed >= o.MaxWarmUp || (clock.Elapsed >= minimum && !compiling && !climbing)) return clock.Elapsed;
            }
        }

        // nginx serves the article page's bytes as the app serves them (read from the uncached process: the same page).
        // Each page is measured in rounds, its run then nginx's, and its ratio is the median of the rounds' ratios: on this
        // shared machine the rate moves by 15–40 % within a minute, two runs side by side far less.
        NginxCeiling? nginx = null;
        var ceilings = new List<WrkResult>();

        async Task MeasurePairAsync(AppProcess app, string path, string name, string mode, string? script, TimeSpan warmUp)
        {
            var url = new Uri(app.BaseAddress, path);
            var warmed = await WarmUpAsync(url, script, warmUp, app);
            if (ceilings.Count == 0) await WarmUpAsync(nginx!.Url, null, o.WarmUp, null);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} (làm nóng {warmed.TotalSeconds:0} giây):"));
            var rounds = new List<(WrkResult Page, WrkResult Nginx, double Ratio)>();
            for (var i = 1; i <= Options.PairRounds; i++)
            {
                var r = await Wrk.RunAsync(url.AbsoluteUri, o.Connections, o.PairRun, script, ct);
                var c = await Wrk.RunAsync(nginx!.Url.AbsoluteUri, o.Connections, o.PairRun, null, ct);
                ceilings.Add(c);
                rounds.Add((r, c, c.RequestsPerSecond > 0 ? r.RequestsPerSecond / c.RequestsPerSecond : 0));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    vòng {i}: {r.RequestsPerSecond:0} yêu cầu/giây, p50 {r.P50:0.00} ms, p99 {r.P99:0.00} ms; nginx ngay sau đó {c.RequestsPerSecond:0}; tỉ lệ {rounds[^1].Ratio:0.000}") +
                    (r.Errors > 0 ? $", {VietnameseText.FormatNumber(r.Errors)} lỗi" : ""));
            }
            var median = rounds.OrderBy(x => x.Ratio).ElementAt(rounds.Count / 2);
            rows.Add(new Row(name, mode, median.Page.RequestsPerSecond, median.Page.P50, median.Page.P99, rounds.Sum(x => x.Page.Requests),
                rounds.Sum(x => x.Page.Errors), median.Ratio > 0 ? median.Ratio : null)
            {
                NginxRequestsPerSecond = median.Nginx.RequestsPerSecond,
                WarmUpSeconds = Math.Round(warmed.TotalSeconds, 1),
                RoundRatios = [.. rounds.Select(x => Math.Round(x.Ratio, 4))],
            });
        }

        output.WriteLine("Không bộ đệm (PageCache:Enabled=false, mỗi yêu cầu một địa chỉ riêng)…");
        AppProcess? main = null;
        try
        {
            await using (var app = await AppProcess.StartAsync([.. settings, "--PageCache:Enabled=false"], ct))
            {
                await WarmAsync(app.BaseAddress, pages.Select(p => p.Path), ct);
                var article = await PageBytesAsync(new Uri(app.BaseAddress, plan.Article), ct);
                output.WriteLine($"  nginx phục vụ bản lưu của trang tin bài ({VietnameseText.FormatNumber(article.Length / 1024)} KB), đo ngay sau mỗi trang");
                nginx = await NginxCeiling.StartAsync(o.Folder, article, ct);
                foreach (var (name, path) in pages)
                    await MeasurePairAsync(app, path, name, Uncached, unique, o.UncachedWarmUp);
            }

            output.WriteLine("Có bộ đệm (cấu hình mặc định, cùng một địa chỉ)…");
            main = await AppProcess.StartAsync(settings, ct);
            await WarmAsync(main.BaseAddress, pages.Select(p => p.Path), ct);
            foreach (var (name, path) in pages)
                await MeasurePairAsync(main, path, name, Cached, null, o.WarmUp);
        }
        catch
        {
            if (main is not null) await main.DisposeAsync();
            throw;
        }
        finally
        {
            if (nginx is not null) await nginx.DisposeAsync();
        }
        // Stopped before the visit counting's own processes start, and on any error from here on.
        await using var running = main;
        var resident = main.ResidentBytes();
        output.WriteLine($"  bộ nhớ thường trú: {VietnameseText.FormatNumber(resident / (1024 * 1024))} MB");

        // The nginx row: its median run.
        var median = ceilings.OrderBy(c => c.RequestsPerSecond).ElementAt(ceilings.Count / 2);
        rows = [.. pages.SelectMany(p => new[] { Cached, Uncached }.Select(m => rows.First(r => r.Page == p.Name && r.Mode == m))),
            new Row("tin bài", Ceiling, median.RequestsPerSecond, median.P50, median.P99, median.Requests, ceilings.Sum(c => c.Errors), 1)
                { NginxRequestsPerSecond = median.RequestsPerSecond }];

        output.WriteLine("Từ lúc xuất bản đến lúc hiện trên trang chủ…");
        var delay = await PublishToVisibleAsync(main.BaseAddress, plan.CategoryId, ct);
        output.WriteLine(delay is { } d ? string.Create(CultureInfo.InvariantCulture, $"  {d:0} ms") : "  không thấy bài trong 60 giây");

        await main.DisposeAsync();
        Visits? visits = null;
        if (o.VisitRounds > 0) visits = await VisitsAsync(settings, [plan.Home, plan.Category, plan.Article], o, ct);

        var machine = $"{Environment.ProcessorCount} CPU, {Environment.OSVersion.VersionString}, .NET {Environment.Version}";
        return new Result(size.Provider, size.Sites, size.Articles, size.Documents, o.Connections, o.PairRun.TotalSeconds, plan.Seconds, rows, resident, delay, visits,
            machine, loadBefore, CpuClock.LoadAverage());
    }

    /// <summary>
    /// Counting on against counting off (Statistics:CountVisits=false): two processes started together and warmed alike
    /// (a process that has run longer has better compiled code), loaded on the same pages in alternating rounds (which
    /// goes first alternates too) so a busy machine slows both alike; medians compared.
    /// </summary>
    public async Task<Visits> VisitsAsync(IReadOnlyList<string> settings, IReadOnlyList<string> paths, Options o, CancellationToken ct)
    {
        output.WriteLine($"Đếm lượt truy cập: bật và tắt, {o.VisitRounds} vòng xen kẽ…");
        await using var counting = await AppProcess.StartAsync(settings, ct);
        await using var silent = await AppProcess.StartAsync([.. settings, "--Statistics:CountVisits=false"], ct);
        var script = Wrk.RoundScript(o.Folder, paths);
        var (on, off) = (new List<double>(), new List<double>());
        foreach (var app in new[] { counting, silent }) await WarmAsync(app.BaseAddress, paths, ct);
        for (var i = 0; i < 2; i++)
            foreach (var app in new[] { counting, silent }) await Wrk.RunAsync(app.BaseAddress.ToString(), o.Connections, o.WarmUp, script, ct);
        for (var r = 0; r < o.VisitRounds; r++)
            foreach (var countingOn in r % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var result = await Wrk.RunAsync((countingOn ? counting : silent).BaseAddress.ToString(), o.Connections, o.Duration, script, ct);
                (countingOn ? on : off).Add(result.RequestsPerSecond);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  vòng {r + 1}, đếm {(countingOn ? "bật" : "tắt")}: {result.RequestsPerSecond:0} trang/giây"));
            }
        var ratios = on.Zip(off, (a, b) => b == 0 ? 0 : a / b).ToList();
        return new Visits(off, on, Median(off), Median(on), ratios, Median(ratios));
    }

    private static async Task<byte[]> PageBytesAsync(Uri url, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", Wrk.BrowserAgent);
        using var response = await http.SendAsync(request, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>A few requests to each page, one at a time, before wrk: the first answers of a process are slow (compilation,
    /// pools), and a page that does not answer 200 stops the bench instead of being measured.</summary>
    private static async Task WarmAsync(Uri baseAddress, IEnumerable<string> paths, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Wrk.BrowserAgent);
        foreach (var path in paths)
            for (var i = 0; i < 3; i++)
            {
                using var response = await http.GetAsync(path, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"Ứng dụng trả lời {(int)response.StatusCode} cho {path}.");
            }
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var s = values.Order().ToList();
        return s.Count == 0 ? 0 : s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>
    /// Through the administration, as an editor does it (sign in, write, publish now); then the home page, read as a
    /// visitor after it was served once (so a cached copy exists), until the new title is on it. Milliseconds from
    /// sending "publish", or null after 60 seconds.
    /// </summary>
    private static async Task<double?> PublishToVisibleAsync(Uri baseAddress, int categoryId, CancellationToken ct)
    {
        using var editor = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
        using var visitor = new HttpClient { BaseAddress = baseAddress };
        visitor.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Wrk.BrowserAgent);
        async Task<string> PostAsync(string formPage, string path, params (string Name, string Value)[] fields)
        {
            var html = await editor.GetStringAsync(formPage, ct);
            var token = Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
            using var response = await editor.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
                .Append(KeyValuePair.Create("__RequestVerificationToken", token))), ct);
            if (response.StatusCode != HttpStatusCode.Redirect)
                {
                var text = Regex.Replace(await response.Content.ReadAsStringAsync(ct), @"(<[^>]+>|\s)+", " ");
                throw new InvalidOperationException($"Ứng dụng trả lời {(int)response.StatusCode} cho {path}: {text[..Math.Min(300, text.Length)]}");
            }
            return response.Headers.Location!.OriginalString;
        }
        await PostAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", ("UserName", WebBenchData.AdminEmail), ("Password", WebBenchData.AdminPassword));
        var title = "Tin do hieu nang " + Guid.NewGuid().ToString("N")[..10];
        var edit = await PostAsync("/quan-tri/tin-bai/moi", "/quan-tri/tin-bai/moi?handler=Save", ("Form.Title", title), ("Form.CategoryId", categoryId.ToString(CultureInfo.InvariantCulture)),
            ("Form.Summary", "Bài viết để đo thời gian từ lúc xuất bản đến lúc hiện trên trang chủ."), ("Form.Body", "<p>Nội dung đo hiệu năng.</p>"), ("Form.Author", "Người đo"), ("Version", "0"));
        var page = edit.Split('?')[0];
        var version = Regex.Match(await editor.GetStringAsync(page, ct), "<input[^>]*name=\"Version\"[^>]*value=\"(\\d+)\"").Groups[1].Value;
        for (var i = 0; i < 3; i++) await visitor.GetStringAsync("/", ct);
        var watch = Stopwatch.StartNew();
        await PostAsync(page, page + "?handler=ForcePublish", ("Comment", "Đo hiệu năng"), ("Version", version));
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if ((await visitor.GetStringAsync("/", ct)).Contains(title, StringComparison.Ordinal)) return watch.Elapsed.TotalMilliseconds;
            await Task.Delay(10, ct);
        }
        return null;
    }

    public static void Print(Result r, TextWriter output)
    {
        static string N(double v) => VietnameseText.FormatNumber((long)Math.Round(v));
        static string Ms(double v) => v.ToString(v < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture).Replace('.', ',');
        output.WriteLine();
        output.WriteLine($"Hiệu năng web trên {r.Provider}: {N(r.Sites)} trang, {N(r.Articles)} tin bài, {N(r.Documents)} văn bản; wrk {r.Connections} kết nối, " +
            $"{r.SecondsPerRun:0} giây mỗi lần đo, {Options.PairRounds} vòng trang rồi nginx cho mỗi dòng; số liệu của vòng có tỉ lệ trung vị (máy: {r.Machine}).");
        output.WriteLine($"{"Trang",-11} {"Chế độ",-15} {"yêu cầu/giây",13} {"p50 ms",9} {"p99 ms",9} {"× nginx",8} {"lỗi",6}");
        foreach (var row in r.Rows)
            output.WriteLine($"{row.Page,-11} {row.Mode,-15} {N(row.RequestsPerSecond),13} {Ms(row.P50),9} {Ms(row.P99),9} " +
                $"{(row.RatioToNginx is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture).Replace('.', ',') : "—"),8} {N(row.Errors),6}");
        output.WriteLine($"Bộ nhớ thường trú của tiến trình ứng dụng sau các lần đo có bộ đệm: {N(r.ResidentBytes / 1024.0 / 1024)} MB.");
        output.WriteLine(r.PublishToVisibleMs is { } d ? $"Từ lúc xuất bản đến lúc hiện trên trang chủ: {Ms(d)} ms." : "Từ lúc xuất bản đến lúc hiện trên trang chủ: không thấy trong 60 giây.");
        if (r.VisitCounting is { } v)
            output.WriteLine(v.Describe());
        output.WriteLine($"Tạo dữ liệu: {r.GenerateSeconds:0} giây. Tải trung bình 1 phút của máy: {r.LoadBefore} → {r.LoadAfter} (máy dùng chung thì các tỉ lệ trong cùng một lần đo mới so được).");
    }
}
