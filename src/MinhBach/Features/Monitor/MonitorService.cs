using Microsoft.Extensions.Options;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor.Net;

namespace MinhBach.Features.Monitor;

/// <summary>A site to audit: its address and what the domain rule and the pack need to know of the unit.</summary>
public sealed record AuditTarget(Uri Url)
{
    public string? KindCode { get; init; }
    public string? Province { get; init; }
    public string? Name { get; init; }
    public bool IgnoreRobots { get; init; }
}

public sealed record AuditRunSettings(AuditNetwork Network, RulePack? Pack, bool Deep, DateOnly Today)
{
    /// <summary>Keep each site's result as a run (history).</summary>
    public bool Save { get; init; } = true;
    public IProgress<string>? Progress { get; init; }
}

public sealed record AuditOutcome(SiteAudit Audit, SiteEvaluation Evaluation, MonitorRun? Previous, IReadOnlyList<CheckChange> Changes);

/// <summary>
/// Runs audits: several sites at a time (Monitor:ParallelSites), one polite fetcher shared by the run so the limits
/// per host hold across sites on the same server, each site's findings scored on the pack and stored as a run.
/// </summary>
public sealed class MonitorService(
    IOptions<MonitorOptions> options, MonitorKeywords words, Catalogue.Catalogue catalogue, IServiceScopeFactory scopes,
    TimeProvider clock, RulePacks packs, IOptions<ComplianceOptions> compliance, IMonitorTargets targets)
{
    /// <summary>A scheduled pass: every target (the registry's sites and Monitor:Sites), the default pack, today, stored.</summary>
    public async Task<IReadOnlyList<AuditOutcome>> RunScheduledAsync(bool deep, CancellationToken ct)
    {
        var list = await targets.TargetsAsync(ct);
        if (list.Count == 0) return [];
        var errors = new List<string>();
        var o = options.Value;
        var network = AuditNetwork.Parse([], o.DnsServer, o.CaCertificates, o.ConnectPorts, errors);
        if (errors.Count > 0) throw new OptionsValidationException(MonitorOptions.Section, typeof(MonitorOptions), errors);
        return await RunAsync(list, new AuditRunSettings(network, Pack(null), deep, Public.VnTime.Today(clock)), ct);
    }

    public IReadOnlyList<RulePack> Packs => packs.All;

    /// <summary>The pack asked for, or the one the checklists open with (Compliance:DefaultPack), as `compliance` does.</summary>
    public RulePack? Pack(string? id) => packs.Get(string.IsNullOrWhiteSpace(id) ? compliance.Value.DefaultPack : id);

    public async Task<IReadOnlyList<AuditOutcome>> RunAsync(IReadOnlyList<AuditTarget> targets, AuditRunSettings settings, CancellationToken ct)
    {
        var opts = options.Value;
        using var fetcher = new Fetcher(opts, settings.Network);
        var auditor = new SiteAuditor(opts, words, fetcher, clock);
        var results = new AuditOutcome[targets.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), new ParallelOptions { MaxDegreeOfParallelism = opts.ParallelSites, CancellationToken = ct },
            async (i, token) =>
            {
                var t = targets[i];
                var kind = t.KindCode ?? auditor.KindFor(t.Url);
                var request = new AuditRequest(t.Url)
                {
                    KindCode = kind,
                    Province = t.Province,
                    Deep = settings.Deep,
                    IgnoreRobots = t.IgnoreRobots,
                    Today = settings.Today,
                    Rules = MonitorRules.For(kind, settings.Pack, catalogue),
                    Thresholds = MonitorRules.ThresholdsFor(kind, settings.Pack),
                };
                var audit = await auditor.AuditAsync(request, token);
                var evaluation = MonitorScoring.Evaluate(settings.Pack, audit, t.Name ?? audit.Host, settings.Today);
                MonitorRun? previous = null;
                if (settings.Save)
                {
                    using var scope = scopes.CreateScope();
                    var runs = scope.ServiceProvider.GetRequiredService<MonitorRuns>();
                    previous = await runs.LatestAsync(audit.Host, token);
                    await runs.SaveAsync(audit, evaluation, settings.Pack?.Id ?? "", settings.Deep, settings.Today, token);
                    // The registry's IPv6 and EMC columns of an external site follow what was measured (partial: left as is).
                    static bool? Certain(Finding? f) => f?.Status switch { CheckStatus.Pass => true, CheckStatus.Fail => false, _ => null };
                    await scope.ServiceProvider.GetRequiredService<Registry.RegistryService>()
                        .RecordAuditAsync(audit.Host, Certain(audit.Find("TEC-02")), Certain(audit.Find("TEC-05")), audit.FinishedAt, token);
                }
                results[i] = new AuditOutcome(audit, evaluation, previous, MonitorRuns.Changes(previous?.Read(), evaluation));
                settings.Progress?.Report($"{audit.Host}: {evaluation.Score} điểm ({audit.PagesRead} trang đã đọc)");
            });
        return results;
    }
}
