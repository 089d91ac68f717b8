using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace MinhBach.Features.Compliance;

/// <summary>Outcome of one check. In JSON: pass, partial, fail, unknown, not_applicable.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    [JsonStringEnumMemberName("pass")] Pass,
    [JsonStringEnumMemberName("partial")] Partial,
    [JsonStringEnumMemberName("fail")] Fail,
    /// <summary>Could not be decided from the data at hand (e.g. IPv6 of a hosted site, until the monitor measures it).</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    /// <summary>The rule does not apply to this kind of unit; it takes no share of the score.</summary>
    [JsonStringEnumMemberName("not_applicable")] NotApplicable,
}

/// <summary>How fresh a section is: its newest dated item against the pack's threshold for this kind of unit.</summary>
public sealed record Freshness(
    [property: JsonPropertyName("newest")] DateOnly? Newest,
    [property: JsonPropertyName("thresholdDays")] int ThresholdDays,
    [property: JsonPropertyName("ageDays")] int? AgeDays,
    [property: JsonPropertyName("fresh")] bool Fresh);

/// <summary>A reviewer's manual finding that replaced the automatic result: what the automatic check said, and who
/// decided otherwise, when and why.</summary>
public sealed record CheckOverride(
    [property: JsonPropertyName("automaticStatus")] CheckStatus AutomaticStatus,
    [property: JsonPropertyName("automaticEvidence")] string AutomaticEvidence,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("at")] DateTime At);

/// <summary>
/// One rule checked on one site. The first four fields are the shape of issue 6 item 6 (id, status, points, evidence);
/// the rest say where the points come from and what to do. <see cref="Points"/> and <see cref="MaxPoints"/> are on the
/// site's 0–100 scale (headings that do not apply to the unit hand their share to the others), so a site's checks add
/// up to its score. <see cref="Fix"/> is a path relative to the site (an administration screen), or null.
/// </summary>
public sealed record Check(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] CheckStatus Status,
    [property: JsonPropertyName("points")] decimal Points,
    [property: JsonPropertyName("evidence")] string Evidence,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("heading")] string Heading,
    [property: JsonPropertyName("maxPoints")] decimal MaxPoints,
    [property: JsonPropertyName("certainty")] Certainty Certainty,
    [property: JsonPropertyName("fix")] string? Fix,
    [property: JsonPropertyName("freshness")] Freshness? Freshness,
    [property: JsonPropertyName("override")] CheckOverride? Override);

/// <summary>Points of one heading on the 0–100 scale; a heading none of whose rules apply is not applicable (0 of 0).</summary>
public sealed record HeadingResult(
    [property: JsonPropertyName("id")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("points")] decimal Points,
    [property: JsonPropertyName("maxPoints")] decimal MaxPoints);

/// <summary>
/// The evaluation of one site against one pack, whatever produced it: the hosted site's own data
/// (<see cref="EvaluationSources.Hosted"/>) or, later, a crawl of an external site by the monitor
/// (<see cref="EvaluationSources.Crawl"/>). <see cref="Site"/> is the site's key (its slug; "" for the portal).
/// <see cref="Speed"/>: the homepage's speed as the monitor measured it (an audit, or a hosted site's latest run).
/// </summary>
public sealed record SiteEvaluation(
    [property: JsonPropertyName("site")] string Site,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("score")] decimal Score,
    [property: JsonPropertyName("checks")] IReadOnlyList<Check> Checks,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("headings")] IReadOnlyList<HeadingResult> Headings,
    [property: JsonPropertyName("speed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PageSpeed? Speed = null)
{
    public Check? Check(string id) => Checks.FirstOrDefault(c => c.Id == id);

    /// <summary>The checks a unit has to act on: failed or partly met.</summary>
    public IEnumerable<Check> Gaps => Checks.Where(c => c.Status is CheckStatus.Fail or CheckStatus.Partial);
}

/// <summary>How fast the homepage answered the monitor (TEC-28): the time to first byte (headers read), the median of
/// the audit's <see cref="Samples"/> fetches of the homepage, and the size of its HTML. Null on evaluations no audit measured.</summary>
public sealed record PageSpeed(
    [property: JsonPropertyName("ttfbMs")] int TtfbMs,
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("htmlKb")] int HtmlKb);

/// <summary>Item 6 of issue 6: <c>{"pack": ID, "evaluatedAt": …, "sites": [ … ]}</c>.</summary>
public sealed record Evaluation(
    [property: JsonPropertyName("pack")] string Pack,
    [property: JsonPropertyName("evaluatedAt")] DateTime EvaluatedAt,
    [property: JsonPropertyName("sites")] IReadOnlyList<SiteEvaluation> Sites);

public static class EvaluationSources
{
    public const string Hosted = "hosted";
    public const string Crawl = "crawl";
}

/// <summary>The one JSON form of evaluations: the CLI prints it, snapshots store it, the monitor will print it too.</summary>
public static class EvaluationJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Vietnamese evidence stays readable in the output instead of \u escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static string Write(Evaluation e) => JsonSerializer.Serialize(e, Options);

    public static string Write(SiteEvaluation e, bool indented = false) => JsonSerializer.Serialize(e, indented ? Options : Compact);

    public static Evaluation? ReadEvaluation(string json) => JsonSerializer.Deserialize<Evaluation>(json, Options);

    public static SiteEvaluation? ReadSite(string json) => JsonSerializer.Deserialize<SiteEvaluation>(json, Options);
}
