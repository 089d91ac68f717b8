using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Questions;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Questions;

/// <summary>/quan-tri/hoi-dap/qua-han: open questions this site received or handles, per answering unit, overdue first.</summary>
public sealed class QuestionOverdueModel(QuestionService questions, SiteDirectory directory) : AdminPageModel
{
    public sealed record Row(Question Question, int DaysLeft);
    public sealed record Unit(Site? Site, IReadOnlyList<Row> Rows)
    {
        public int Overdue => Rows.Count(r => r.DaysLeft < 0);
    }

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = "Câu hỏi quá hạn theo đơn vị";
        var open = await questions.Involving(Site).AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Received || q.Status == QuestionStatus.Assigned).ToListAsync(ct);
        var sites = (await directory.GetAsync(ct)).ById;
        Units = open.GroupBy(q => q.HandlingSiteId)
            .Select(g => new Unit(sites.GetValueOrDefault(g.Key), g.Select(q => new Row(q, questions.WorkingDaysLeft(q))).OrderBy(r => r.Question.DueOn).ToList()))
            .OrderByDescending(u => u.Overdue).ThenBy(u => u.Site?.Name, StringComparer.Ordinal).ToList();
    }
}
