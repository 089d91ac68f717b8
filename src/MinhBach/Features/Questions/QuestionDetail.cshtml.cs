using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Questions;

/// <summary>/hoi-dap/{id}: one published question with its answer, on the site it was asked on and on the one that answered.</summary>
public sealed class QuestionDetailModel(QuestionService questions, SiteDirectory directory) : PublicPageModel
{
    public Question Question { get; private set; } = null!;
    public Site? AnsweredBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var q = await questions.PublishedOn(Site).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (q is null) return NotFound();
        Question = q;
        AnsweredBy = (await directory.GetAsync(ct)).ById.GetValueOrDefault(q.HandlingSiteId);
        Meta = new PageMeta
        {
            Title = q.PublicTitle ?? "",
            Description = q.PublicQuestion is { Length: > 200 } t ? t[..200] + "…" : q.PublicQuestion,
            Creator = AnsweredBy?.AgencyName,
            Date = q.PublishedAt,
            CanonicalPath = QuestionUrls.Detail(q.Id),
            Breadcrumbs = [("Hỏi đáp", QuestionUrls.List), (q.PublicTitle ?? "", null)],
        };
        return Page();
    }
}
