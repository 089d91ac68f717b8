using MinhBach.Features.Questions;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Questions;

/// <summary>/quan-tri/hoi-dap: the questions this site answers, those it passed to other units (read-only), answered
/// ones (see <see cref="RequestInboxModel{T}"/>).</summary>
public sealed class QuestionInboxModel(QuestionService questions, SiteDirectory directory, TimeProvider clock)
    : RequestInboxModel<Question>(questions, directory, clock, Texts)
{
    private static readonly RequestInboxTexts Texts = new("Hỏi đáp",
    [
        ("can-tra-loi", "Cần trả lời"), ("qua-han", "Quá hạn"), ("da-chuyen", "Đã chuyển đơn vị khác"), ("da-tra-loi", "Đã trả lời"), ("tat-ca", "Tất cả"),
    ]);
}
