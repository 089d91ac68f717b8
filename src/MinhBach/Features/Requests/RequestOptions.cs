namespace MinhBach.Features.Requests;

/// <summary>The settings every kind of request has; each kind binds its own section (Questions, Petitions).</summary>
public abstract class RequestOptions
{
    /// <summary>Working days to answer (legacy Decree 43 Art. 17: 15 for Q&amp;A); a province may set its own.</summary>
    public int AnswerWorkingDays { get; set; } = 15;
    /// <summary>A reminder goes to the handling unit's editors when this many working days are left.</summary>
    public int ReminderWorkingDays { get; set; } = 3;
    /// <summary>How often deadlines are checked (reminders, escalation).</summary>
    public int DeadlineCheckMinutes { get; set; } = 15;
    /// <summary>Largest attachment accepted.</summary>
    public int MaxAttachmentMegabytes { get; set; } = 10;

    /// <summary>The configuration section, named in the messages.</summary>
    protected abstract string SectionName { get; }

    public IReadOnlyList<string> Problems()
    {
        var s = SectionName;
        var p = new List<string>();
        if (AnswerWorkingDays is < 1 or > 120) p.Add($"{s}:AnswerWorkingDays phải từ 1 đến 120.");
        if (ReminderWorkingDays < 0 || ReminderWorkingDays >= AnswerWorkingDays) p.Add($"{s}:ReminderWorkingDays phải từ 0 đến nhỏ hơn AnswerWorkingDays.");
        if (DeadlineCheckMinutes is < 1 or > 1440) p.Add($"{s}:DeadlineCheckMinutes phải từ 1 đến 1440.");
        if (MaxAttachmentMegabytes is < 1 or > 10) p.Add($"{s}:MaxAttachmentMegabytes phải từ 1 đến 10.");
        return p;
    }
}
