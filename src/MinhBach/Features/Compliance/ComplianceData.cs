using MinhBach.Features.Sites;

namespace MinhBach.Features.Compliance;

/// <summary>
/// A reviewer's manual finding (kết quả ghi nhận của chuyên viên): for one rule of one site, a status that replaces the
/// automatic check, with the reason. One per site and rule; kept whatever the pack, since rule IDs are stable. Adding,
/// changing and removing one is audited (the trail keeps what was decided before).
/// </summary>
public sealed class ManualFinding : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string RuleId { get; set; } = "";
    public CheckStatus Status { get; set; }
    public string Reason { get; set; } = "";
    public int? UserId { get; set; }
    /// <summary>Name and e-mail of the reviewer as shown beside the finding.</summary>
    public string UserName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// "Chốt kỳ đánh giá": the evaluation of every active site against one pack, frozen at a date, so later reviews show
/// the trend and a report can be made again exactly as it was.
/// </summary>
public sealed class ReviewSnapshot
{
    public int Id { get; set; }
    public string PackId { get; set; } = "";
    /// <summary>The review's name, e.g. "Rà soát 6 tháng đầu năm 2026".</summary>
    public string Title { get; set; } = "";
    public DateTime TakenAt { get; set; }
    public int? TakenById { get; set; }
    public string TakenByName { get; set; } = "";
    public int SiteCount { get; set; }
    public decimal AverageScore { get; set; }
    public List<ReviewSnapshotSite> Sites { get; set; } = [];
}

/// <summary>One site's evaluation in a snapshot: its score for ranking and trends, and the whole evaluation as the
/// JSON of <see cref="EvaluationJson"/> (the same shape the CLI prints), so nothing depends on today's pack.</summary>
public sealed class ReviewSnapshotSite
{
    public int Id { get; set; }
    public int SnapshotId { get; set; }
    /// <summary>The hosted site; null for a site known only from the registry (evaluated by crawl), or one since removed.</summary>
    public int? SiteId { get; set; }
    public string SiteKey { get; set; } = "";
    public string SiteName { get; set; } = "";
    public string KindCode { get; set; } = "";
    public decimal Score { get; set; }
    public string EvaluationJson { get; set; } = "";
}
