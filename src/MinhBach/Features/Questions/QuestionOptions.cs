using MinhBach.Features.Requests;

namespace MinhBach.Features.Questions;

/// <summary>Working days to answer: legacy Decree 43 Art. 17 (15); the rule pack may set another number.</summary>
public sealed class QuestionOptions : RequestOptions
{
    public const string Section = "Questions";
    protected override string SectionName => Section;
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
