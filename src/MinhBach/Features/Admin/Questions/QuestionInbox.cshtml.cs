using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Questions;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Questions;

/// <summary>/quan-tri/hoi-dap: the questions this site answers, those it passed to other units (read-only), answered ones.</summary>
public sealed class QuestionInboxModel(QuestionService questions, SiteDirectory directory, TimeProvider clock) : AdminPageModel
{
    public static readonly IReadOnlyList<(string Key, string Label)> Views =
    [
        ("can-tra-loi", "Cần trả lời"), ("qua-han", "Quá hạn"), ("da-chuyen", "Đã chuyển đơn vị khác"), ("da-tra-loi", "Đã trả lời"), ("tat-ca", "Tất cả"),
    ];

    public string View { get; private set; } = "can-tra-loi";
    public IReadOnlyList<Question> Items { get; private set; } = [];
    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? xem, CancellationToken ct)
    {
        Title = "Hỏi đáp";
        View = Views.Any(v => v.Key == xem) ? xem! : "can-tra-loi";
        Today = Public.VnTime.Today(clock);
        var today = Today;
        var me = Site.Id;
        var q = questions.Involving(Site).AsNoTracking();
        q = View switch
        {
            "can-tra-loi" => q.Where(x => x.HandlingSiteId == me && (x.Status == QuestionStatus.Received || x.Status == QuestionStatus.Assigned)),
            "qua-han" => q.Where(x => (x.Status == QuestionStatus.Received || x.Status == QuestionStatus.Assigned) && x.DueOn < today),
            "da-chuyen" => q.Where(x => x.SiteId == me && x.HandlingSiteId != me),
            "da-tra-loi" => q.Where(x => x.Status == QuestionStatus.Answered || x.Status == QuestionStatus.Published),
            _ => q,
        };
        Items = View is "can-tra-loi" or "qua-han"
            ? await q.OrderBy(x => x.DueOn).ThenBy(x => x.Id).Take(500).ToListAsync(ct)
            : await q.OrderByDescending(x => x.AskedAt).ThenByDescending(x => x.Id).Take(500).ToListAsync(ct);
        Sites = (await directory.GetAsync(ct)).ById;
    }
}
