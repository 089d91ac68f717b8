using MinhBach.Features.Questions;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Questions;

/// <summary>/quan-tri/hoi-dap/qua-han: open questions this site received or handles, per answering unit, overdue first.</summary>
public sealed class QuestionOverdueModel(QuestionService questions, SiteDirectory directory)
    : RequestOverdueModel<Question>(questions, directory, "Câu hỏi quá hạn theo đơn vị");
