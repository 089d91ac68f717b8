namespace MinhBach.Features.Compliance;

/// <summary>How sure we are of a rule's legal basis in a pack (the catalogue's legend): read in a primary text,
/// in a third-party transcription, in a secondary summary, or unverified (inferred or taken from the seeds).</summary>
public enum Certainty
{
    P,
    PT,
    S,
    U,
}

/// <summary>One heading of a pack's scoring scheme (đề mục), worth <see cref="Points"/> of the total.</summary>
public sealed record Heading(string Code, string Name, string NameEn, decimal Points, string? Note);

/// <summary>The scoring scheme: headings whose points add up to <see cref="Total"/> (100 in every pack so far).</summary>
public sealed record ScoringScheme(decimal Total, IReadOnlyList<Heading> Headings)
{
    public Heading? Heading(string code) => Headings.FirstOrDefault(h => h.Code == code);
}

/// <summary>
/// One rule of a pack. <see cref="Id"/> is the stable topic ID of the legal catalogue (INF-xx, TEC-xx), so the same
/// requirement keeps its ID from one decree to the next; the pack says where it sits now (basis, heading, points).
/// <see cref="Carriers"/> say what on a site fulfils it (the vocabulary of data/content-items.json plus settings,
/// platform features and external measurements); the evaluator reads them generically, never the rule's ID.
/// <see cref="Thresholds"/>: limits of a measured rule, by name (<see cref="Carriers.Thresholds"/>), e.g. the time to first
/// byte counted good or slow.
/// </summary>
public sealed record Rule(
    string Id,
    string Title,
    string TitleEn,
    string Basis,
    Certainty Certainty,
    IReadOnlyList<string> Kinds,
    string Heading,
    decimal Points,
    IReadOnlyDictionary<string, decimal> PointsByKind,
    IReadOnlyList<string> Carriers,
    int? FreshnessDays,
    IReadOnlyDictionary<string, int> FreshnessByKind,
    string? Note,
    IReadOnlyDictionary<string, int> Thresholds)
{
    public bool AppliesTo(string kindCode) => Kinds.Contains(kindCode);

    /// <summary>Points on a site of this kind: a heading's points are split among the rules that apply to the kind,
    /// so a rule may carry more points where fewer rules share its heading.</summary>
    public decimal PointsFor(string kindCode) => PointsByKind.TryGetValue(kindCode, out var p) ? p : Points;

    /// <summary>Days after which the newest dated item of this rule's carriers is stale on a site of this kind; null: no threshold.</summary>
    public int? FreshnessFor(string kindCode) => FreshnessByKind.TryGetValue(kindCode, out var d) ? d : FreshnessDays;
}

/// <summary>
/// A rule pack: one legal regime's rules and scoring as data (data/rule-packs/*.json). A province's own pack may
/// extend a base pack (<see cref="Extends"/>): it adds rules, replaces rules with the same ID, removes some, and may
/// bring its own scheme; <see cref="Rules"/> is the merged result.
/// </summary>
public sealed record RulePack(
    string Id,
    string Name,
    string NameEn,
    string? Extends,
    string File,
    DateOnly? InForceFrom,
    DateOnly? InForceTo,
    string Note,
    IReadOnlyList<string> Kinds,
    ScoringScheme Scheme,
    IReadOnlyList<Rule> Rules)
{
    /// <summary>Whether the pack scores sites of this kind at all (its <see cref="Kinds"/>).</summary>
    public bool Covers(string kindCode) => Kinds.Contains(kindCode);

    public Rule? Rule(string id) => Rules.FirstOrDefault(r => r.Id == id);

    public IEnumerable<Rule> RulesFor(string kindCode) => Rules.Where(r => r.AppliesTo(kindCode));
}
