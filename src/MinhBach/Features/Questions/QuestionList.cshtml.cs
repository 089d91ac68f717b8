using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Questions;

/// <summary>/hoi-dap: the questions published on this site with their answers, searchable with or without diacritics.</summary>
public sealed class QuestionListModel(QuestionService questions, SiteDirectory directory) : PublicPageModel
{
    public const int PageSize = 10;
    public const int MaxQueryLength = 200;

    public string? Query { get; private set; }
    public Paged<Question> Questions { get; private set; } = null!;
    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (ReadPageNumber() is not int page) return BadInput();
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Query?.Length > MaxQueryLength) Query = Query[..MaxQueryLength];
        var query = questions.PublishedOn(Site);
        foreach (var token in SearchText.Tokens(Query).Distinct().Take(10))
            query = query.Where(x => x.PublicFolded!.Contains(token));
        var total = await query.CountAsync(ct);
        var extra = Query is null ? null : "q=" + Uri.EscapeDataString(Query);
        var items = await query.OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        if (page > 1 && items.Count == 0) return NotFound();
        Questions = new Paged<Question>(items, page, PageSize, total, QuestionUrls.List, extra);
        Sites = (await directory.GetAsync(ct)).ById;
        Meta = new PageMeta
        {
            Title = Query is null ? (page > 1 ? $"Hỏi đáp - Trang {page}" : "Hỏi đáp") : $"Hỏi đáp: {Query}",
            Description = $"Câu hỏi của người dân, doanh nghiệp và câu trả lời của {Site.AgencyName}.",
            Type = "Collection",
            CanonicalPath = Questions.Link(page),
            Date = items.FirstOrDefault()?.PublishedAt,
            Breadcrumbs = [("Hỏi đáp", null)],
        };
        return Page();
    }
}

/// <summary>Site-relative addresses of the Q&amp;A pages.</summary>
public static class QuestionUrls
{
    public const string List = "/hoi-dap";
    public const string Ask = "/hoi-dap/gui-cau-hoi";
    public const string Track = "/hoi-dap/tra-cuu";
    public static string Detail(int id) => $"/hoi-dap/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
