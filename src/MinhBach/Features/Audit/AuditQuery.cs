using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Audit;

/// <summary>A filter over the audit trail, shared by the admin screen and the CLI export.</summary>
public sealed record AuditFilter(int? SiteId, DateOnly? From, DateOnly? To, string? Action, string? User)
{
    public IQueryable<AuditEntry> Apply(AppDb db)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (SiteId is int s) q = q.Where(e => e.SiteId == s);
        if (From is DateOnly f) { var t = VnTime.FromLocal(f.ToDateTime(TimeOnly.MinValue)); q = q.Where(e => e.At >= t); }
        if (To is DateOnly to) { var t = VnTime.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); q = q.Where(e => e.At < t); }
        if (!string.IsNullOrWhiteSpace(Action)) q = q.Where(e => e.Action.StartsWith(Action));
        if (!string.IsNullOrWhiteSpace(User)) q = q.Where(e => e.UserName.Contains(User));
        return q;
    }

    public static readonly IReadOnlyList<string> Headers = ["Số thứ tự", "Thời gian (giờ Việt Nam)", "Người thực hiện", "Địa chỉ IP", "Trang", "Hành động", "Đối tượng", "Nội dung", "Mã băm"];

    public static IReadOnlyList<object?> Row(AuditEntry e, string? siteName) =>
        [e.Sequence, VnTime.ToLocal(e.At), e.UserName, e.IpAddress, siteName, e.Action, e.TargetType is null ? null : $"{e.TargetType} {e.TargetId}", e.Summary, e.Hash];
}
