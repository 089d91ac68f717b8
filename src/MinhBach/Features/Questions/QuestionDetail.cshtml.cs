using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Questions;

/// <summary>/hoi-dap/{id}: one published question with its answer, on the site it was asked on and on the one that
/// answered (see <see cref="RequestDetailModel{T}"/>).</summary>
public sealed class QuestionDetailModel(QuestionService questions, SiteDirectory directory)
    : RequestDetailModel<Question>(questions, directory, QuestionUrls.Pages)
{
    public Question Question => Item;
}
