using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Schedules;

/// <summary>One line of the leaders' weekly work schedule (lịch công tác).</summary>
public sealed class ScheduleEntry : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    /// <summary>Who attends or chairs, e.g. "Chủ tịch UBND tỉnh Nguyễn Văn A".</summary>
    public string Participants { get; set; } = "";
    public string Content { get; set; } = "";
    public string Location { get; set; } = "";
    public string? Preparation { get; set; }
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }
}
