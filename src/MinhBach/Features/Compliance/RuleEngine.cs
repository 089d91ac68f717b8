using System.Globalization;

namespace MinhBach.Features.Compliance;

/// <summary>What is known of one carrier on one site. <see cref="Present"/> null: cannot be known from this source
/// (an outside measurement on hosted data). <see cref="Newest"/>: the newest dated item, for freshness.</summary>
public sealed record CarrierFact(string Carrier, bool? Present, string Evidence, DateOnly? Newest = null, string? Fix = null);

/// <summary>
/// One site as an evaluation source sees it: its key, address, kind, and a fact for each carrier. Hosted sites answer
/// from their own data (<see cref="HostedSiteFacts"/>); the external monitor will answer from a crawl. The rule engine
/// only ever talks to this.
/// </summary>
public interface ISiteFacts
{
    string Key { get; }
    string? Url { get; }
    string Name { get; }
    string KindCode { get; }
    string Source { get; }
    CarrierFact Fact(string carrier);
}

/// <summary>A reviewer's finding for one rule of one site, whichever pack is evaluated (rule IDs are stable).</summary>
public sealed record Finding(string RuleId, CheckStatus Status, string Reason, string By, DateTime At);

/// <summary>
/// Evaluates a site against a pack, generically: a rule's carriers are looked up, counted, dated against the rule's
/// freshness threshold for the unit's kind, and scored on the pack's scheme. No rule ID appears in this code.
/// </summary>
public static class RuleEngine
{
    internal const string FreshnessCarrier = "freshness";

    public static SiteEvaluation Evaluate(RulePack pack, ISiteFacts site, DateOnly today, IReadOnlyDictionary<string, Finding>? findings = null)
    {
        var kind = site.KindCode;
        var drafts = new List<Draft>();
        foreach (var rule in pack.Rules)
        {
            if (!pack.Covers(kind) || !rule.AppliesTo(kind))
            {
                drafts.Add(new Draft(rule, CheckStatus.NotApplicable, 0, pack.Covers(kind)
                    ? "Quy tắc không áp dụng cho loại đơn vị này."
                    : "Gói quy tắc không chấm loại đơn vị này.", null, null));
                continue;
            }
            if (rule.Carriers.Contains(FreshnessCarrier)) continue; // after the sections it summarises
            drafts.Add(Check(rule, site, today));
        }
        // Regular updating: the share of the sections with a threshold that are within it.
        foreach (var rule in pack.Rules.Where(r => pack.Covers(kind) && r.AppliesTo(kind) && r.Carriers.Contains(FreshnessCarrier)))
        {
            var dated = drafts.Where(d => d.Freshness is not null).ToList();
            if (dated.Count == 0)
            {
                drafts.Add(new Draft(rule, CheckStatus.NotApplicable, 0, "Không có mục nào có ngưỡng cập nhật cho loại đơn vị này.", null, null));
                continue;
            }
            var fresh = dated.Count(d => d.Freshness!.Fresh);
            var stale = dated.Where(d => !d.Freshness!.Fresh).ToList();
            var evidence = $"{fresh}/{dated.Count} mục còn trong ngưỡng cập nhật."
                + (stale.Count == 0 ? "" : " Quá ngưỡng: " + string.Join("; ", stale.Select(d => $"{d.Rule.Id} {d.Rule.Title} ({FreshnessText(d.Freshness!)})")) + ".");
            var fraction = (decimal)fresh / dated.Count;
            drafts.Add(new Draft(rule, StatusOf(fraction), fraction, evidence, stale.FirstOrDefault()?.Fix, null));
        }

        // A reviewer's finding replaces the automatic result, which stays visible beside it.
        var checks = drafts.Select(d =>
            pack.Covers(kind) && d.Rule.AppliesTo(kind) && findings?.GetValueOrDefault(d.Rule.Id) is { } f
                ? d with { Status = f.Status, Fraction = FractionOf(f.Status), Override = new CheckOverride(d.Status, d.Evidence, f.Reason, f.By, f.At) }
                : d).ToList();

        var scored = Score(pack, kind, checks);
        return new SiteEvaluation(site.Key, site.Url, scored.Score, scored.Checks, site.Name, kind, site.Source, scored.Headings);
    }

    /// <summary>One rule's result before points: how far it is met (<see cref="Fraction"/>) and why. Hosted sites get
    /// theirs from carriers; the monitor from what it found on the site.</summary>
    internal sealed record Draft(Rule Rule, CheckStatus Status, decimal Fraction, string Evidence, string? Fix, Freshness? Freshness)
    {
        public CheckOverride? Override { get; init; }
    }

    /// <summary>A pack's rules scored: the checks in the pack's order of rules, the headings in the scheme's order, the total.</summary>
    internal sealed record Scored(IReadOnlyList<Check> Checks, IReadOnlyList<HeadingResult> Headings, decimal Score);

    private static Draft Check(Rule rule, ISiteFacts site, DateOnly today)
    {
        var facts = rule.Carriers.Select(site.Fact).ToList();
        var evidence = string.Join(" ", facts.Select(f => f.Evidence));
        if (facts.Any(f => f.Present is null))
            return new Draft(rule, CheckStatus.Unknown, 0, evidence, facts.FirstOrDefault(f => f.Present is null)?.Fix, null);
        var present = facts.Count(f => f.Present == true);
        var fraction = facts.Count == 0 ? 0 : (decimal)present / facts.Count;
        Freshness? freshness = null;
        if (rule.FreshnessFor(site.KindCode) is int days)
        {
            var newest = facts.Where(f => f.Present == true).Max(f => f.Newest);
            int? age = newest is DateOnly n ? today.DayNumber - n.DayNumber : null;
            freshness = new Freshness(newest, days, age, age is int a && a <= days);
            if (!freshness.Fresh && present > 0)
            {
                // A section present but not kept up to date is met by half.
                fraction /= 2;
                evidence += $" Chưa cập nhật: {FreshnessText(freshness)}.";
            }
        }
        var fix = facts.FirstOrDefault(f => f.Present == false)?.Fix
            ?? (freshness is { Fresh: false } ? facts.FirstOrDefault(f => f.Newest is not null)?.Fix ?? facts.FirstOrDefault()?.Fix : null);
        return new Draft(rule, StatusOf(fraction), fraction, evidence, fix, freshness);
    }

    public static string FreshnessText(Freshness f) => f.Newest is DateOnly n
        ? $"mới nhất {n.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, cách {f.AgeDays} ngày, ngưỡng {f.ThresholdDays} ngày"
        : $"chưa có mục nào có ngày, ngưỡng {f.ThresholdDays} ngày";

    internal static CheckStatus StatusOf(decimal fraction) => fraction switch
    {
        >= 1 => CheckStatus.Pass,
        <= 0 => CheckStatus.Fail,
        _ => CheckStatus.Partial,
    };

    internal static decimal FractionOf(CheckStatus s) => s switch
    {
        CheckStatus.Pass => 1,
        CheckStatus.Partial => 0.5m,
        _ => 0,
    };

    /// <summary>
    /// The pack's points on the 0–100 scale. Validation makes the rules of a heading that apply to a kind add up to the
    /// heading's points; a heading left without applicable rules (or a rule a reviewer marked not applicable) hands its
    /// share to the others, so the score stays out of 100.
    /// </summary>
    internal static Scored Score(RulePack pack, string kind, IReadOnlyList<Draft> checks)
    {
        var scheme = pack.Scheme;
        var raw = checks.ToDictionary(c => c.Rule.Id, c => c.Status == CheckStatus.NotApplicable ? 0 : c.Rule.PointsFor(kind));
        var applicableByHeading = scheme.Headings.ToDictionary(h => h.Code, h => checks.Where(c => c.Rule.Heading == h.Code).Sum(c => raw[c.Rule.Id]));
        var liveTotal = scheme.Headings.Where(h => applicableByHeading[h.Code] > 0).Sum(h => h.Points);
        decimal Factor(Heading h) => applicableByHeading[h.Code] == 0 || liveTotal == 0 ? 0 : h.Points / applicableByHeading[h.Code] * 100m / liveTotal;

        var results = new List<Check>();
        var exact = new Dictionary<string, (decimal Points, decimal Max)>();
        foreach (var h in scheme.Headings)
        {
            var factor = Factor(h);
            decimal got = 0, max = 0;
            foreach (var c in checks.Where(c => c.Rule.Heading == h.Code))
            {
                var cMax = raw[c.Rule.Id] * factor;
                var cGot = cMax * c.Fraction;
                (got, max) = (got + cGot, max + cMax);
                results.Add(new Check(c.Rule.Id, c.Status, Round(cGot, 2), c.Evidence.Trim(), c.Rule.Title, h.Code, Round(cMax, 2),
                    c.Rule.Certainty, c.Fix, c.Freshness, c.Override));
            }
            exact[h.Code] = (got, max);
        }
        // Checks in the pack's order of rules, headings in the scheme's order.
        var order = pack.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        results.Sort((a, b) => order[a.Id].CompareTo(order[b.Id]));
        var headings = scheme.Headings.Select(h => new HeadingResult(h.Code, h.Name, Round(exact[h.Code].Points, 2), Round(exact[h.Code].Max, 2))).ToList();
        var score = liveTotal == 0 ? 0 : Round(exact.Values.Sum(x => x.Points), 1);
        return new Scored(results, headings, score);
    }

    /// <summary>Rounded, without trailing zeros (7.5, not 7.50), so JSON and screens print the same figure.</summary>
    internal static decimal Round(decimal d, int places) =>
        decimal.Parse(Math.Round(d, places, MidpointRounding.AwayFromZero).ToString("0.##########", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
