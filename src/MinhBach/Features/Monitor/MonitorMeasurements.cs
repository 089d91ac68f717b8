using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Compliance;
using MinhBach.Features.Registry;
using MinhBach.Features.ReviewReport;

namespace MinhBach.Features.Monitor;

/// <summary>
/// The monitor's latest run per host as the measurements the evaluations read: the hosted sites' outside carriers
/// (IPv6, HTTPS, speed) and the whole evaluation of external sites. A run older than Monitor:ResultValidDays is still
/// used, marked stale. A run scored on another pack or kind is scored again from its checks.
/// </summary>
public sealed class MonitorMeasurements(AppDb db, IOptions<MonitorOptions> options, TimeProvider clock) : IMeasurements
{
    public async Task<IReadOnlyDictionary<string, Measurement>> LatestAsync(IReadOnlyCollection<string> hosts, CancellationToken ct)
    {
        var keys = hosts.Select(h => h.ToLowerInvariant()).Distinct().ToList();
        if (keys.Count == 0) return new Dictionary<string, Measurement>();
        // Runs are inserted as they finish: the highest id of a host is its latest run.
        var latest = db.MonitorRuns.Where(r => keys.Contains(r.Host)).GroupBy(r => r.Host).Select(g => g.Max(r => r.Id));
        var runs = await db.MonitorRuns.AsNoTracking().Where(r => latest.Contains(r.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var days = options.Value.ResultValidDays;
        return runs.Select(r => (Run: r, Evaluation: r.Read())).Where(x => x.Evaluation is not null)
            .ToDictionary(x => x.Run.Host, x => new Measurement(x.Run.Host, x.Run.FinishedAt, x.Run.PackId, (now - x.Run.FinishedAt).TotalDays > days, days,
                x.Evaluation! with { Url = x.Run.FinalUrl ?? x.Run.Url }));
    }

    public SiteEvaluation InPack(Measurement m, RulePack pack, string name, string kind)
    {
        if (m.PackId == pack.Id && m.Evaluation.Kind == kind) return m.Evaluation with { Name = name };
        var e = m.Evaluation;
        var findings = e.Checks.Where(c => !c.Evidence.StartsWith(MonitorScoring.NotChecked, StringComparison.Ordinal) && c.Status != CheckStatus.NotApplicable
                && c.Id != "INF-21")
            .Select(Raw).ToList();
        var audit = new SiteAudit(e.Url ?? m.Host, e.Url, m.Host, kind, true, 0, m.AuditedAt, m.AuditedAt, findings, e.Speed);
        return MonitorScoring.Evaluate(pack, audit, name, Public.VnTime.Today(clock)) with { Url = e.Url };
    }

    /// <summary>The finding a check was scored from: a stale section was counted half and said so; undo both.</summary>
    private static Monitor.Finding Raw(Check c)
    {
        if (c.Freshness is not { Fresh: false } || c.MaxPoints == 0) return new(c.Id, c.Status, c.Evidence, c.Freshness?.Newest);
        var fraction = Math.Min(1, 2 * c.Points / c.MaxPoints);
        var status = fraction >= 0.75m ? CheckStatus.Pass : fraction > 0 ? CheckStatus.Partial : CheckStatus.Fail;
        var cut = new[] { MonitorScoring.StaleMark, MonitorScoring.UndatedMark }.Select(k => c.Evidence.IndexOf(k, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        return new(c.Id, status, cut < 0 ? c.Evidence : c.Evidence[..cut], c.Freshness.Newest);
    }
}

/// <summary>The review report's and the province view's evaluations of sites not hosted here: the monitor's latest run
/// of any of the entry's domains, scored on the pack asked for.</summary>
public sealed class MonitorExternalEvaluations(IMeasurements measurements) : IExternalEvaluations
{
    public async Task<IReadOnlyDictionary<int, ExternalEvaluation>> ForAsync(RulePack pack, IReadOnlyList<RegistryEntry> entries, CancellationToken ct)
    {
        var latest = await measurements.LatestAsync(entries.SelectMany(e => e.Domains.Select(d => d.Domain)).ToList(), ct);
        var result = new Dictionary<int, ExternalEvaluation>();
        foreach (var e in entries)
            if (e.Domains.Select(d => latest.GetValueOrDefault(d.Domain)).OfType<Measurement>().MaxBy(m => m.AuditedAt) is { } m)
                result[e.Id] = new ExternalEvaluation(measurements.InPack(m, pack, e.UnitName, e.UnitKindCode), m);
        return result;
    }
}
