using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Compliance;

namespace MinhBach.Features.Monitor;

/// <summary>
/// One audit of one site, kept for its history: when, against which pack, the score, and the whole evaluation as the
/// one JSON shape. Keyed by host name, not by a registry row, so a site audited before it is registered keeps its
/// history; the registry reads it through <see cref="IMonitorResults"/>. Written in one insert: a run that crashes
/// leaves nothing half-written.
/// </summary>
public sealed class MonitorRun
{
    public long Id { get; set; }
    /// <summary>Host name in lower case (the key of a site's history).</summary>
    public string Host { get; set; } = "";
    public string Url { get; set; } = "";
    public string? FinalUrl { get; set; }
    public string KindCode { get; set; } = "";
    /// <summary>The rule pack scored against ("" without a pack).</summary>
    public string PackId { get; set; } = "";
    public bool Deep { get; set; }
    public bool Reachable { get; set; }
    public int PagesRead { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    /// <summary>The day freshness was judged on (<c>--now</c>).</summary>
    public DateOnly EvaluatedOn { get; set; }
    public decimal Score { get; set; }
    /// <summary>The <see cref="SiteEvaluation"/> as <see cref="EvaluationJson"/> writes it.</summary>
    public string Evaluation { get; set; } = "";

    public SiteEvaluation? Read() => EvaluationJson.ReadSite(Evaluation);

    internal static void Configure(ModelBuilder b) => b.Entity<MonitorRun>(e =>
    {
        e.HasIndex(r => new { r.Host, r.StartedAt });
        e.Property(r => r.Host).HasMaxLength(253);
        e.Property(r => r.Url).HasMaxLength(2000);
        e.Property(r => r.FinalUrl).HasMaxLength(2000);
        e.Property(r => r.KindCode).HasMaxLength(64);
        e.Property(r => r.PackId).HasMaxLength(64);
        e.Property(r => r.Score).HasPrecision(5, 1);
    });
}

/// <summary>What changed on one rule between two runs of a site.</summary>
public sealed record CheckChange(string Id, string Title, CheckStatus? Before, CheckStatus After, decimal PointsDelta);

/// <summary>The seam the registry and the review report read: a site's latest run and its history.</summary>
public interface IMonitorResults
{
    Task<MonitorRun?> LatestAsync(string host, CancellationToken ct);
    Task<IReadOnlyList<MonitorRun>> HistoryAsync(string host, int max, CancellationToken ct);
}

public sealed class MonitorRuns(AppDb db) : IMonitorResults
{
    public async Task<MonitorRun?> LatestAsync(string host, CancellationToken ct) =>
        await db.MonitorRuns.AsNoTracking().Where(r => r.Host == host.ToLowerInvariant())
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<MonitorRun>> HistoryAsync(string host, int max, CancellationToken ct) =>
        await db.MonitorRuns.AsNoTracking().Where(r => r.Host == host.ToLowerInvariant())
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(max).ToListAsync(ct);

    public async Task<MonitorRun> SaveAsync(SiteAudit audit, SiteEvaluation evaluation, string packId, bool deep, DateOnly on, CancellationToken ct)
    {
        var run = new MonitorRun
        {
            Host = audit.Host,
            Url = audit.Url,
            FinalUrl = audit.FinalUrl,
            KindCode = audit.KindCode,
            PackId = packId,
            Deep = deep,
            Reachable = audit.Reachable,
            PagesRead = audit.PagesRead,
            StartedAt = audit.StartedAt,
            FinishedAt = audit.FinishedAt,
            EvaluatedOn = on,
            Score = evaluation.Score,
            Evaluation = EvaluationJson.Write(evaluation),
        };
        db.MonitorRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>The rules whose status or points moved since the previous run, biggest move first.</summary>
    public static IReadOnlyList<CheckChange> Changes(SiteEvaluation? before, SiteEvaluation after)
    {
        var old = before?.Checks.ToDictionary(c => c.Id) ?? [];
        return after.Checks
            .Select(c => (c, o: old.GetValueOrDefault(c.Id)))
            .Where(x => x.o is null ? before is not null : x.o.Status != x.c.Status || x.o.Points != x.c.Points)
            .Select(x => new CheckChange(x.c.Id, x.c.Title, x.o?.Status, x.c.Status, x.c.Points - (x.o?.Points ?? 0)))
            .OrderByDescending(x => Math.Abs(x.PointsDelta)).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
    }
}
