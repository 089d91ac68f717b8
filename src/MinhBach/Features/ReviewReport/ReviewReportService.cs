using MinhBach.Features.Compliance;
using MinhBach.Features.Registry;
using MinhBach.Features.Sites;

namespace MinhBach.Features.ReviewReport;

/// <summary>Which units the report covers: every registry entry, or only the sites hosted on the platform.</summary>
public enum ReportScope { Registry, Hosted }

/// <summary>One unit of the report: its registry row and, when there is one, its evaluation against the pack.</summary>
public sealed record ReportUnit(int Number, RegistryRow Row, SiteEvaluation? Evaluation, bool Covered)
{
    /// <summary>For a site not hosted here: the monitor's run the evaluation comes from.</summary>
    public Measurement? Measured { get; init; }
    /// <summary>Where the evaluation comes from, as the appendix says it.</summary>
    public string SourceText => Measured is { } m ? "Kết quả " + m.When : Evaluation is not null ? "Dữ liệu trên hệ thống" : "";
    public string Name => Row.Entry.UnitName;
    public decimal? Score => Evaluation?.Score;
    /// <summary>"chưa đánh giá" when nothing evaluated the site yet (an external one before the monitor measures it);
    /// "không áp dụng" when the pack does not score this kind of unit.</summary>
    public string ScoreText => Evaluation is { } e ? ReviewFormat.Points(e.Score) : Covered ? "chưa đánh giá" : "không áp dụng";
}

/// <summary>Everything the report and its appendix say, computed once.</summary>
public sealed record ReviewReportData(RulePack Pack, DateOnly AsOf, ReportScope Scope, IReadOnlyList<ReportUnit> Units, RegistrySummary Summary,
    DateTime GeneratedAt)
{
    public IEnumerable<ReportUnit> Evaluated => Units.Where(u => u.Evaluation is not null);
    public IEnumerable<ReportUnit> NotEvaluated => Units.Where(u => u.Evaluation is null && u.Covered);
}

/// <summary>An external site's evaluation and the monitor's run it comes from.</summary>
public sealed record ExternalEvaluation(SiteEvaluation Evaluation, Measurement Measured);

/// <summary>Evaluations of websites not hosted here, per registry entry id (the monitor's latest runs,
/// Monitor/MonitorExternalEvaluations). An entry without one is "chưa đánh giá", never guessed.</summary>
public interface IExternalEvaluations
{
    Task<IReadOnlyDictionary<int, ExternalEvaluation>> ForAsync(RulePack pack, IReadOnlyList<RegistryEntry> entries, CancellationToken ct);
}

internal sealed class NoExternalEvaluations : IExternalEvaluations
{
    public Task<IReadOnlyDictionary<int, ExternalEvaluation>> ForAsync(RulePack pack, IReadOnlyList<RegistryEntry> entries, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<int, ExternalEvaluation>>(new Dictionary<int, ExternalEvaluation>());
}

public sealed class ReviewReportException(string message) : Exception(message);

/// <summary>Gathers the report's data: the registry on the review date, the hosted sites' evaluations computed now from
/// their content (ComplianceService), the external ones from <see cref="IExternalEvaluations"/>.</summary>
public sealed class ReviewReportService(RegistryService registry, ComplianceService compliance, IExternalEvaluations external,
    ReviewTemplate template, TimeProvider clock)
{
    public ReviewTemplate Template => template;
    public IReadOnlyList<RulePack> Packs => compliance.Packs.All;

    public static ReportScope? ParseScope(string? text) => (text ?? "registry").Trim().ToLowerInvariant() switch
    {
        "registry" or "so-theo-doi" or "" => ReportScope.Registry,
        "hosted" or "tren-he-thong" => ReportScope.Hosted,
        _ => null,
    };

    public async Task<ReviewReportData> BuildAsync(string? packId, ReportScope scope, DateOnly? asOf, CancellationToken ct)
    {
        var pack = compliance.Packs.Get(packId) ?? throw new ReviewReportException(
            $"Không có gói quy tắc \"{packId}\" (có: {string.Join(", ", compliance.Packs.All.Select(p => p.Id))}).");
        var day = asOf ?? registry.Today;
        var rows = (await registry.RowsAsync(day, ct)).Where(r => scope == ReportScope.Registry || r.Entry.Hosted).ToList();
        // Hosted sites that are merged or closed no longer publish: they are not reviewed.
        rows = rows.Where(r => r.Site is null || r.Site.Status == SiteStatus.Active).ToList();
        var sites = rows.Where(r => r.Site is not null && pack.Covers(r.Entry.UnitKindCode)).Select(r => r.Site!).ToList();
        var hosted = sites.Count == 0 ? [] : await compliance.EvaluateAsync(pack, sites, ct);
        var bySlug = hosted.ToDictionary(e => e.Site);
        var bySite = sites.Where(s => bySlug.ContainsKey(s.Slug)).ToDictionary(s => s.Id, s => bySlug[s.Slug]);
        var outside = await external.ForAsync(pack, rows.Where(r => !r.Entry.Hosted).Select(r => r.Entry).ToList(), ct);
        var units = rows.Select((r, i) =>
        {
            var covered = pack.Covers(r.Entry.UnitKindCode);
            var measured = covered && !r.Entry.Hosted ? outside.GetValueOrDefault(r.Entry.Id) : null;
            var evaluation = !covered ? null : r.Entry.SiteId is int s ? bySite.GetValueOrDefault(s) : measured?.Evaluation;
            return new ReportUnit(i + 1, r, evaluation, covered) { Measured = measured?.Measured };
        }).ToList();
        return new ReviewReportData(pack, day, scope, units, RegistryRules.Summarise(rows), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The report (DOCX) and its appendix (XLSX).</summary>
    public (byte[] Docx, byte[] Xlsx) Write(ReviewReportData data) =>
        (ReviewReportDocx.Write(data, template), ReviewAppendix.Write(data));
}
