using MinhBach.Data;
using MinhBach.Features.Statistics;

namespace MinhBach.Features.Demo;

/// <summary>
/// About fourteen months of visit history for every demo site, so the dashboard's comparisons (previous month, same
/// period last year) and the monthly report have something to compare: weekdays busier than weekends, a year-on-year
/// growth of about 40 % on the portal, most visitors on phones and from search engines. Written through the same
/// upserts as the live counter; the portal also carries an operator's figure for the years before (seed 004's
/// 53 million since 2016).
/// </summary>
internal sealed class DemoVisits(AppDb db, TimeProvider clock)
{
    public const int Days = 430;
    private static readonly (string Path, double Weight)[] PortalPages =
        [("/", .34), ("/tin-tuc", .16), ("/van-ban", .14), ("/lich-cong-tac", .08), ("/hoi-dap", .08), ("/tim-kiem", .08), ("/gioi-thieu", .07), ("/lien-he", .05)];
    private static readonly (string Path, double Weight)[] SitePages = [("/", .5), ("/tin-tuc", .3), ("/van-ban", .2)];
    private static readonly (string Code, double Weight)[] Referrers =
        [("direct", .33), ("search", .38), ("social", .12), ("government", .06), ("internal", .09), ("other", .02)];
    private static readonly (string Code, double Weight)[] Devices = [(VisitRules.Mobile, .62), (VisitRules.Desktop, .33), (VisitRules.Tablet, .05)];

    public async Task SeedAsync(IReadOnlyDictionary<string, int> siteIds, IReadOnlyDictionary<string, DemoTier> tiers, CancellationToken ct)
    {
        var today = Public.VnTime.Today(clock);
        var batch = new VisitBatch();
        foreach (var (slug, id) in siteIds.OrderBy(s => s.Value))
        {
            var tier = tiers.GetValueOrDefault(slug, DemoTier.Department);
            if (tier == DemoTier.District) continue; // merged into a commune: no visits of its own any more
            var r = new Random(DemoText.StableSeed("visits:" + slug));
            // Portal ≈ 5,600 a day now; departments a few hundred; communes under a hundred.
            var baseNow = tier switch { DemoTier.Portal => 5600.0, DemoTier.Department => 180 + r.Next(0, 420), _ => 30 + r.Next(0, 70) };
            var pages = tier == DemoTier.Portal ? PortalPages : SitePages;
            for (var back = Days; back >= 0; back--)
            {
                var day = today.AddDays(-back);
                // A year ago traffic was about 1/1.4 of today's, growing evenly; weekends about half; ±15 % day to day.
                var growth = 1 / (1 + 0.4 * back / 365.0);
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.52 : 1.0;
                var share = back == 0 ? 0.4 : 1.0; // today is not over
                var views = (long)Math.Round(baseNow * growth * weekend * share * (0.85 + 0.3 * r.NextDouble()));
                if (views <= 0) continue;
                batch.Views[(id, day)] = views;
                batch.VisitorCounts[(id, day)] = (long)Math.Round(views * (0.58 + 0.08 * r.NextDouble()));
                Split(views, pages, r, (path, n) => batch.Pages[(id, day, path)] = n);
                Split(views, Referrers, r, (referrer, n) => Split(n, Devices, r, (device, m) => batch.Sources[(id, day, referrer, device)] = m));
            }
        }
        await VisitStore.WriteAsync(db, batch, ct);
    }

    /// <summary>Divides a count by weights (each share nudged a little), the rounding left to the first share, so parts add up exactly.</summary>
    private static void Split(long total, (string Key, double Weight)[] weights, Random r, Action<string, long> add)
    {
        var parts = weights.Select(w => (w.Key, N: (long)Math.Floor(total * w.Weight * (0.9 + 0.2 * r.NextDouble())))).ToList();
        var rest = total - parts.Skip(1).Sum(p => p.N);
        if (rest < 0) { parts = [.. weights.Select((w, i) => (w.Key, N: i == 0 ? total : 0L))]; rest = total; }
        parts[0] = (parts[0].Key, rest);
        foreach (var (key, n) in parts.Where(p => p.N > 0)) add(key, n);
    }
}
