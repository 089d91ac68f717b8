using MinhBach.Features.Public;

namespace MinhBach.Features.Compliance;

/// <summary>The latest audit of one host by the monitor (Features/Monitor): when, against which pack, and its evaluation.
/// <see cref="Stale"/>: older than Monitor:ResultValidDays, still shown but marked so.</summary>
public sealed record Measurement(string Host, DateTime AuditedAt, string PackId, bool Stale, int ValidDays, SiteEvaluation Evaluation)
{
    /// <summary>"giám sát ngày 20/11/2026", with "kết quả cũ" when stale.</summary>
    public string When => $"giám sát ngày {VnTime.DateText(AuditedAt)}" + (Stale ? $" (kết quả cũ, quá {ValidDays} ngày)" : "");
}

/// <summary>What the monitor measured from outside, for the evaluations that cannot know it from data: IPv6, HTTPS and
/// speed of hosted sites, everything of external ones.</summary>
public interface IMeasurements
{
    /// <summary>The latest measurement of each host that has one.</summary>
    Task<IReadOnlyDictionary<string, Measurement>> LatestAsync(IReadOnlyCollection<string> hosts, CancellationToken ct);

    /// <summary>The measurement scored on <paramref name="pack"/> (scored again from its checks when it was measured against another).</summary>
    SiteEvaluation InPack(Measurement m, RulePack pack, string name, string kind);
}

/// <summary>Without the monitor, nothing was measured.</summary>
internal sealed class NoMeasurements : IMeasurements
{
    public Task<IReadOnlyDictionary<string, Measurement>> LatestAsync(IReadOnlyCollection<string> hosts, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, Measurement>>(new Dictionary<string, Measurement>());

    public SiteEvaluation InPack(Measurement m, RulePack pack, string name, string kind) => m.Evaluation;
}
