namespace MinhBach.Features.Questions;

public sealed class QuestionOptions
{
    public const string Section = "Questions";

    /// <summary>Working days to answer (legacy Decree 43 Art. 17: 15); the rule pack may set another number.</summary>
    public int AnswerWorkingDays { get; set; } = 15;
    /// <summary>A reminder goes to the handling unit's editors when this many working days are left.</summary>
    public int ReminderWorkingDays { get; set; } = 3;
    /// <summary>How often deadlines are checked (reminders, escalation).</summary>
    public int DeadlineCheckMinutes { get; set; } = 15;
    /// <summary>Largest attachment accepted.</summary>
    public int MaxAttachmentMegabytes { get; set; } = 10;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (AnswerWorkingDays is < 1 or > 120) p.Add("Questions:AnswerWorkingDays phải từ 1 đến 120.");
        if (ReminderWorkingDays < 0 || ReminderWorkingDays >= AnswerWorkingDays) p.Add("Questions:ReminderWorkingDays phải từ 0 đến nhỏ hơn AnswerWorkingDays.");
        if (DeadlineCheckMinutes is < 1 or > 1440) p.Add("Questions:DeadlineCheckMinutes phải từ 1 đến 1440.");
        if (MaxAttachmentMegabytes is < 1 or > 10) p.Add("Questions:MaxAttachmentMegabytes phải từ 1 đến 10.");
        return p;
    }
}

/// <summary>Topics a question is filed under (shown as a list on the form).</summary>
public static class QuestionTopics
{
    public static readonly IReadOnlyList<string> All =
    [
        "Đất đai", "Xây dựng, nhà ở", "Tài nguyên, môi trường", "Thuế, phí, lệ phí", "Đầu tư, doanh nghiệp",
        "Lao động, việc làm, bảo hiểm", "Y tế", "Giáo dục", "Tư pháp, hộ tịch", "Thủ tục hành chính", "Khác",
    ];
}
