using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Features.Requests;

namespace MinhBach.Features.Petitions;

/// <summary>/phan-anh-kien-nghi: the petitions answered and published on this site, searchable with or without diacritics.</summary>
public sealed class PetitionListModel(PetitionService petitions, SiteDirectory directory, IOptions<PetitionOptions> options) : PublicPageModel
{
    public const int PageSize = 10;
    public const int MaxQueryLength = RequestListing.MaxQueryLength;

    public string? Query { get; private set; }
    public Paged<Petition> Petitions { get; private set; } = null!;
    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();
    public int WorkingDays => options.Value.AnswerWorkingDays;

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (ReadPageNumber() is not int page) return BadInput();
        Query = RequestListing.Query(q);
        if (await RequestListing.PageAsync(petitions.PublishedOn(Site), Query, page, PageSize, PetitionUrls.List, ct) is not { } found) return NotFound();
        Petitions = found;
        Sites = (await directory.GetAsync(ct)).ById;
        Meta = new PageMeta
        {
            Title = Query is null ? (page > 1 ? $"Phản ánh, kiến nghị - Trang {page}" : "Phản ánh, kiến nghị") : $"Phản ánh, kiến nghị: {Query}",
            Description = $"Phản ánh, kiến nghị của người dân, doanh nghiệp và kết quả trả lời của {Site.AgencyName}.",
            Type = "Collection",
            CanonicalPath = Petitions.Link(page),
            Date = found.Items.FirstOrDefault()?.PublishedAt,
            Breadcrumbs = [("Phản ánh, kiến nghị", null)],
        };
        return Page();
    }
}
