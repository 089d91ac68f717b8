using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Audit;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Compliance;

/// <summary>
/// Evaluations of hosted sites against the rule packs, always computed from the data as it is now (so an editor who
/// fills a gap sees the score move at once), the reviewers' manual findings, and the review snapshots. The only
/// cross-site reads of compliance go through here.
/// </summary>
public sealed class ComplianceService(AppDb db, RulePacks packs, Catalogue.Catalogue catalogue, AuditTrail audit, TimeProvider clock, IOptions<ComplianceOptions> options,
    IMeasurements measurements)
{
    public RulePacks Packs => packs;

    public RulePack DefaultPack => packs.Get(options.Value.DefaultPack)!;

    /// <summary>The pack asked for, or the default one when none is asked; null for an unknown ID.</summary>
    public RulePack? Pack(string? id) => string.IsNullOrWhiteSpace(id) ? DefaultPack : packs.Get(id);

    /// <summary>For the screens: the pack asked for, or the default one with a message saying so when the ID is unknown.</summary>
    public RulePack PackOrDefault(string? id, List<string> errors)
    {
        if (Pack(id) is { } pack) return pack;
        errors.Add($"Không có gói quy tắc \"{id}\"; đang hiển thị gói {DefaultPack.Id}.");
        return DefaultPack;
    }

    public DateOnly Today => VnTime.Today(clock);

    /// <summary>Every active site, the portal first, in the province's order.</summary>
    public async Task<IReadOnlyList<Site>> ActiveSitesAsync(CancellationToken ct) =>
        await db.Sites.AsNoTracking().Include(s => s.Hosts).Where(s => s.Status == SiteStatus.Active)
            .OrderBy(s => s.ParentId != null).ThenBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);

    public async Task<SiteEvaluation> EvaluateAsync(RulePack pack, Site site, CancellationToken ct) =>
        (await EvaluateAsync(pack, [site], ct))[0];

    public async Task<IReadOnlyList<SiteEvaluation>> EvaluateAsync(RulePack pack, IReadOnlyList<Site> sites, CancellationToken ct)
    {
        var today = Today;
        var withHosts = await db.Sites.AsNoTracking().Include(s => s.Hosts).Where(s => sites.Select(x => x.Id).Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var ordered = sites.Where(s => withHosts.ContainsKey(s.Id)).Select(s => withHosts[s.Id]).ToList();
        var facts = await HostedSiteFacts.LoadAsync(db, ordered, catalogue, today, ct);
        // What only an outside probe knows (IPv6, HTTPS, speed) comes from the monitor's latest run of the site's hosts.
        var measured = await measurements.LatestAsync(ordered.SelectMany(s => s.Hosts.Select(h => h.Host)).Distinct().ToList(), ct);
        foreach (var f in facts)
            f.Measured = f.Site.Hosts.Select(h => measured.GetValueOrDefault(h.Host)).OfType<Measurement>().MaxBy(m => m.AuditedAt);
        var findings = await FindingsAsync(ordered.Select(s => s.Id).ToList(), ct);
        return facts.Select(f => RuleEngine.Evaluate(pack, f, today, findings.GetValueOrDefault(f.Site.Id)) with { Speed = f.Measured?.Evaluation.Speed }).ToList();
    }

    public async Task<Evaluation> EvaluateAllAsync(RulePack pack, CancellationToken ct) =>
        new(pack.Id, clock.GetUtcNow().UtcDateTime, await EvaluateAsync(pack, await ActiveSitesAsync(ct), ct));

    private async Task<Dictionary<int, Dictionary<string, Finding>>> FindingsAsync(List<int> siteIds, CancellationToken ct) =>
        (await db.ManualFindings.IgnoreQueryFilters().AsNoTracking().Where(f => siteIds.Contains(f.SiteId)).ToListAsync(ct))
            .GroupBy(f => f.SiteId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(f => f.RuleId, f => new Finding(f.RuleId, f.Status, f.Reason, f.UserName, f.CreatedAt)));

    /// <summary>Statuses a reviewer may record (unknown is what the automatic check says when it cannot tell).</summary>
    public static readonly IReadOnlyList<CheckStatus> FindingStatuses = [CheckStatus.Pass, CheckStatus.Partial, CheckStatus.Fail, CheckStatus.NotApplicable];

    /// <summary>Records (or replaces) the reviewer's finding for one rule of one site, audited on that site. Returns
    /// the problems in Vietnamese; nothing is changed when there are any.</summary>
    public async Task<IReadOnlyList<string>> SetFindingAsync(Site site, string? ruleId, string? status, string? reason, AuditActor actor, CancellationToken ct)
    {
        var errors = new List<string>();
        var id = ruleId?.Trim() ?? "";
        var rule = packs.All.Select(p => p.Rule(id)).FirstOrDefault(r => r is not null);
        if (rule is null) errors.Add($"Quy tắc \"{id}\" không có trong gói quy tắc nào.");
        CheckStatus parsed = default;
        if (!FindingStatuses.Any(s => StatusNames.Code(s) == status)) errors.Add("Hãy chọn kết quả ghi nhận: đạt, đạt một phần, chưa đạt hoặc không áp dụng.");
        else parsed = FindingStatuses.First(s => StatusNames.Code(s) == status);
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) errors.Add("Hãy ghi lý do (căn cứ) của kết quả ghi nhận.");
        else if (why.Length > 2000) errors.Add("Lý do dài quá 2.000 ký tự.");
        if (errors.Count > 0) return errors;

        var existing = await db.ManualFindings.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.SiteId == site.Id && f.RuleId == id, ct);
        var before = existing is null ? null : $"{StatusNames.Vietnamese(existing.Status)} ({existing.Reason})";
        var finding = existing ?? db.ManualFindings.Add(new ManualFinding { SiteId = site.Id, RuleId = id }).Entity;
        finding.Status = parsed;
        finding.Reason = why;
        finding.UserId = actor.UserId;
        finding.UserName = actor.UserName;
        finding.CreatedAt = clock.GetUtcNow().UtcDateTime;
        var summary = $"Ghi nhận kết quả {id} ({rule!.Title}) của {site.Name}: {StatusNames.Vietnamese(parsed)}. Lý do: {why}" +
            (before is null ? "" : $" (trước đó: {before})");
        await audit.SaveAsync(db, actor, new AuditRecord("compliance.finding", summary, site.Id, "finding", id), ct);
        return [];
    }

    /// <summary>Removes the finding: the automatic check counts again. Audited; false when there was none.</summary>
    public async Task<bool> RemoveFindingAsync(Site site, string? ruleId, AuditActor actor, CancellationToken ct)
    {
        var id = ruleId?.Trim() ?? "";
        var existing = await db.ManualFindings.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.SiteId == site.Id && f.RuleId == id, ct);
        if (existing is null) return false;
        db.ManualFindings.Remove(existing);
        await audit.SaveAsync(db, actor, new AuditRecord("compliance.finding.remove",
            $"Bỏ kết quả ghi nhận {id} của {site.Name} ({StatusNames.Vietnamese(existing.Status)}, {existing.UserName}): tính lại theo kiểm tra tự động.",
            site.Id, "finding", id), ct);
        return true;
    }

    public async Task<IReadOnlyList<ManualFinding>> FindingsOfAsync(int siteId, CancellationToken ct) =>
        await db.ManualFindings.IgnoreQueryFilters().AsNoTracking().Where(f => f.SiteId == siteId).OrderBy(f => f.RuleId).ToListAsync(ct);

    /// <summary>"Chốt kỳ đánh giá": stores every active site's evaluation against the pack, audited on the portal.</summary>
    public async Task<(ReviewSnapshot? Snapshot, IReadOnlyList<string> Errors)> TakeSnapshotAsync(RulePack pack, string? title, AuditActor actor, CancellationToken ct)
    {
        var name = title?.Trim() ?? "";
        if (name.Length == 0) return (null, ["Hãy đặt tên cho kỳ đánh giá, ví dụ \"Rà soát 6 tháng đầu năm 2026\"."]);
        if (name.Length > 300) return (null, ["Tên kỳ đánh giá dài quá 300 ký tự."]);
        var sites = await ActiveSitesAsync(ct);
        var evaluation = new Evaluation(pack.Id, clock.GetUtcNow().UtcDateTime, await EvaluateAsync(pack, sites, ct));
        if (evaluation.Sites.Count == 0) return (null, ["Chưa có trang nào để đánh giá."]);
        var snapshot = new ReviewSnapshot
        {
            PackId = pack.Id, Title = name, TakenAt = evaluation.EvaluatedAt, TakenById = actor.UserId, TakenByName = actor.UserName,
            SiteCount = evaluation.Sites.Count,
            AverageScore = Math.Round(evaluation.Sites.Average(s => s.Score), 2, MidpointRounding.AwayFromZero),
        };
        var idByKey = sites.ToDictionary(s => s.Slug, s => s.Id);
        foreach (var e in evaluation.Sites)
            snapshot.Sites.Add(new ReviewSnapshotSite
            {
                SiteId = idByKey.GetValueOrDefault(e.Site), SiteKey = e.Site, SiteName = e.Name, KindCode = e.Kind, Score = e.Score,
                EvaluationJson = EvaluationJson.Write(e),
            });
        db.ReviewSnapshots.Add(snapshot);
        var portal = sites.FirstOrDefault(s => s.ParentId is null);
        await audit.SaveAsync(db, actor, () => new AuditRecord("compliance.snapshot",
            $"Chốt kỳ đánh giá \"{name}\" theo gói {pack.Id}: {snapshot.SiteCount} trang, điểm trung bình {snapshot.AverageScore.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))}.",
            portal?.Id, "snapshot", snapshot.Id.ToString(CultureInfo.InvariantCulture)), ct);
        return (snapshot, []);
    }

    public async Task<IReadOnlyList<ReviewSnapshot>> SnapshotsAsync(string packId, CancellationToken ct) =>
        (await db.ReviewSnapshots.AsNoTracking().Where(s => s.PackId == packId).ToListAsync(ct)).OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id).ToList();

    public async Task<ReviewSnapshot?> SnapshotAsync(int id, CancellationToken ct) =>
        await db.ReviewSnapshots.AsNoTracking().Include(s => s.Sites).FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Scores per site key in each of the given snapshots (oldest first), for the trend table.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, decimal>>> TrendAsync(IReadOnlyList<ReviewSnapshot> snapshots, CancellationToken ct)
    {
        var ids = snapshots.Select(s => s.Id).ToList();
        var rows = await db.ReviewSnapshotSites.AsNoTracking().Where(r => ids.Contains(r.SnapshotId))
            .Select(r => new { r.SnapshotId, r.SiteKey, r.Score }).ToListAsync(ct);
        return rows.GroupBy(r => r.SiteKey).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, decimal>)g.ToDictionary(r => r.SnapshotId, r => r.Score));
    }
}

/// <summary>Statuses as users read them, and as forms and JSON write them.</summary>
public static class StatusNames
{
    public static string Code(CheckStatus s) => s switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Partial => "partial",
        CheckStatus.Fail => "fail",
        CheckStatus.Unknown => "unknown",
        _ => "not_applicable",
    };

    public static string Vietnamese(CheckStatus s) => s switch
    {
        CheckStatus.Pass => "Đạt",
        CheckStatus.Partial => "Đạt một phần",
        CheckStatus.Fail => "Chưa đạt",
        CheckStatus.Unknown => "Chưa xác định",
        _ => "Không áp dụng",
    };

    public static string Certainty(Certainty c) => c switch
    {
        Compliance.Certainty.P => "P: đọc trong văn bản gốc",
        Compliance.Certainty.PT => "PT: bản chép lại toàn văn",
        Compliance.Certainty.S => "S: theo tài liệu tóm tắt",
        _ => "U: chưa kiểm chứng",
    };
}
