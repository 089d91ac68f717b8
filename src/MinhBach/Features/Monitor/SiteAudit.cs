using System.Text.Json.Serialization;
using MinhBach.Features.Compliance;

namespace MinhBach.Features.Monitor;

/// <summary>One rule's result on one audited site, with its evidence (addresses, text found). <see cref="Newest"/>:
/// the newest date read on the section, for the pack's freshness threshold.</summary>
public sealed record Finding(
    [property: JsonPropertyName("id")] string RuleId,
    [property: JsonPropertyName("status")] CheckStatus Status,
    [property: JsonPropertyName("evidence")] string Evidence,
    [property: JsonPropertyName("newest")] DateOnly? Newest = null);

/// <summary>What to audit: the address, the unit's kind and province (for the domain rule), how deep, as of when.</summary>
public sealed record AuditRequest(Uri Url)
{
    public string? KindCode { get; init; }
    /// <summary>Province name as written ("Đông Minh"), for the domain rule; null: not checked against a province.</summary>
    public string? Province { get; init; }
    public bool Deep { get; init; }
    public bool IgnoreRobots { get; init; }
    /// <summary>The day freshness is judged on (<c>--now</c>).</summary>
    public required DateOnly Today { get; init; }
    /// <summary>The rules to look at; the others are not checked.</summary>
    public required IReadOnlySet<string> Rules { get; init; }
    /// <summary>The pack's limits per rule ID (<see cref="MonitorRules.ThresholdsFor"/>); a rule without any only reports its figures.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Thresholds { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();
}

/// <summary>Everything one audit of one site found: the findings per rule, how the site answered and how fast its homepage did.</summary>
public sealed record SiteAudit(
    string Url,
    string? FinalUrl,
    string Host,
    string KindCode,
    bool Reachable,
    int PagesRead,
    DateTime StartedAt,
    DateTime FinishedAt,
    IReadOnlyList<Finding> Findings,
    PageSpeed? Speed = null)
{
    public Finding? Find(string ruleId) => Findings.FirstOrDefault(f => f.RuleId == ruleId);
}

/// <summary>
/// Several observations about one rule folded into one status: all met → pass, none → fail, some → partial;
/// observations that could not be made (null) do not count unless nothing else was observed (unknown).
/// </summary>
public sealed class Parts
{
    private readonly List<(bool? Ok, string Text, bool Info)> _items = [];

    public Parts Add(bool? ok, string text)
    {
        _items.Add((ok, text, false));
        return this;
    }

    /// <summary>A remark that is evidence but no observation (counts for nothing).</summary>
    public Parts Info(string text)
    {
        _items.Add((null, text, true));
        return this;
    }

    public int Count => _items.Count(i => !i.Info);

    public CheckStatus Status
    {
        get
        {
            var known = _items.Where(i => i.Ok is not null).ToList();
            if (known.Count == 0 && _items.All(i => i.Info) && _items.Count > 0) return CheckStatus.Unknown;
            if (known.Count == 0) return CheckStatus.Unknown;
            if (known.All(i => i.Ok == true)) return CheckStatus.Pass;
            if (known.All(i => i.Ok == false)) return CheckStatus.Fail;
            return CheckStatus.Partial;
        }
    }

    public string Evidence => string.Join(" ", _items.Select(i => (i.Info ? "– " : i.Ok switch { true => "✓ ", false => "✗ ", null => "? " }) + Sentence(i.Text)));

    private static string Sentence(string s) => s.EndsWith('.') ? s : s + ".";

    public Finding Finding(string ruleId, DateOnly? newest = null) => new(ruleId, Status, Evidence, newest);
}
