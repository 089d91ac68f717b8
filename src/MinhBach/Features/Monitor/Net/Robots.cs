using System.Globalization;

namespace MinhBach.Features.Monitor.Net;

/// <summary>
/// robots.txt as RFC 9309 reads it: the group for our agent (else "*"), the longest matching Allow/Disallow rule
/// wins (Allow on a tie), "*" and "$" in paths; plus Crawl-delay (capped at 10 s) and Sitemap lines.
/// </summary>
public sealed class Robots
{
    public const string Agent = "MinhBachMonitor";
    private readonly List<(bool Allow, string Pattern)> _rules;
    public TimeSpan? CrawlDelay { get; }
    public IReadOnlyList<string> Sitemaps { get; }
    public bool Found { get; }

    private Robots(List<(bool, string)> rules, TimeSpan? delay, List<string> sitemaps, bool found)
    {
        _rules = rules;
        CrawlDelay = delay;
        Sitemaps = sitemaps;
        Found = found;
    }

    public static readonly Robots None = new([], null, [], false);

    public static Robots Parse(string text)
    {
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules, TimeSpan? Delay)>();
        var sitemaps = new List<string>();
        (List<string> Agents, List<(bool, string)> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = ([], [], null);
                        groups.Add(current.Value);
                    }
                    current.Value.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0 || key == "allow") current.Value.Rules.Add((key == "allow", value));
                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0)
                    {
                        var g = groups[^1];
                        groups[^1] = (g.Agents, g.Rules, TimeSpan.FromSeconds(Math.Min(s, 10)));
                        current = groups[^1];
                    }
                    break;
                case "sitemap":
                    if (value.Length > 0) sitemaps.Add(value);
                    break;
            }
            lastWasAgent = false;
        }
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && Agent.StartsWith(a, StringComparison.OrdinalIgnoreCase) || a == Agent.ToLowerInvariant())).ToList();
        if (mine.Count == 0) mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new Robots(mine.SelectMany(g => g.Rules).ToList(), mine.Select(g => g.Delay).FirstOrDefault(d => d is not null), sitemaps, true);
    }

    public bool Allows(Uri url)
    {
        var path = url.PathAndQuery;
        (bool Allow, int Length)? best = null;
        foreach (var (allow, pattern) in _rules)
        {
            if (pattern.Length == 0) continue;
            if (!Matches(pattern, path)) continue;
            if (best is null || pattern.Length > best.Value.Length || (pattern.Length == best.Value.Length && allow))
                best = (allow, pattern.Length);
        }
        return best?.Allow ?? true;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        return Match(pattern, 0, path, 0, anchored);
    }

    private static bool Match(string p, int pi, string s, int si, bool anchored)
    {
        while (pi < p.Length)
        {
            if (p[pi] == '*')
            {
                for (var k = si; k <= s.Length; k++)
                    if (Match(p, pi + 1, s, k, anchored)) return true;
                return false;
            }
            if (si >= s.Length || p[pi] != s[si]) return false;
            pi++;
            si++;
        }
        return !anchored || si == s.Length;
    }
}
