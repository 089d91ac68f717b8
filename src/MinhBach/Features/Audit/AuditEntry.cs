namespace MinhBach.Features.Audit;

/// <summary>
/// One line of the append-only audit trail. Each entry carries the hash of the one before it, so
/// changing or deleting any row breaks the chain from there on (`./minhbach audit-log verify`).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>Position in the chain, 1, 2, 3 …; unique, so two writers cannot fork the chain.</summary>
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string UserName { get; set; } = "";
    public int? SiteId { get; set; }
    /// <summary>Stable code, e.g. "sign-in", "article.publish", "membership.grant".</summary>
    public string Action { get; set; } = "";
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    /// <summary>What happened, in Vietnamese, for people reading the trail.</summary>
    public string Summary { get; set; } = "";
    public string? IpAddress { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
