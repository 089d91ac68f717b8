using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Features.Requests;

namespace MinhBach.Features.Questions;

/// <summary>/hoi-dap: the questions published on this site with their answers, searchable with or without diacritics.</summary>
public sealed class QuestionListModel(QuestionService questions, SiteDirectory directory) : PublicPageModel
{
    public const int PageSize = 10;
    public const int MaxQueryLength = RequestListing.MaxQueryLength;

    public string? Query { get; private set; }
    public Paged<Question> Questions { get; private set; } = null!;
    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (ReadPageNumber() is not int page) return BadInput();
        Query = RequestListing.Query(q);
        if (await RequestListing.PageAsync(questions.PublishedOn(Site), Query, page, PageSize, QuestionUrls.List, ct) is not { } found) return NotFound();
        Questions = found;
        Sites = (await directory.GetAsync(ct)).ById;
        Meta = new PageMeta
        {
            Title = Query is null ? (page > 1 ? $"Hỏi đáp - Trang {page}" : "Hỏi đáp") : $"Hỏi đáp: {Query}",
            Description = $"Câu hỏi của người dân, doanh nghiệp và câu trả lời của {Site.AgencyName}.",
            Type = "Collection",
            CanonicalPath = Questions.Link(page),
            Date = found.Items.FirstOrDefault()?.PublishedAt,
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

    /// <summary>What the public detail and tracking pages say.</summary>
    public static readonly RequestPublicTexts Pages = new("Hỏi đáp", List, Detail, Track, "câu hỏi", TrackingCode.Question,
        TrackTitle: "Tra cứu câu hỏi", TrackDescription: "Xem tình trạng trả lời câu hỏi bằng mã tra cứu.", TrackCrumb: "Tra cứu câu hỏi");
}
