using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;
using MinhBach.Text;

namespace MinhBach.Features.Documents;

/// <summary>/van-ban: the site's documents, filtered by type, year and words of the number or summary.</summary>
public sealed class DocumentListModel(AppDb db, Catalogue.Catalogue catalogue) : PublicPageModel
{
    public const int PageSize = 20;

    public Paged<Document> Documents { get; private set; } = null!;
    public IReadOnlyList<Catalogue.DocumentType> Types => catalogue.DocumentTypes;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string? Type { get; private set; }
    public int? Year { get; private set; }
    public string? Query { get; private set; }

    public string TypeName(string code) => catalogue.DocumentType(code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ReadPageNumber() is not int page) return BadInput();
        var query = db.Documents.AsNoTracking();
        var extra = new List<string>();

        Type = Request.Query["loai"].FirstOrDefault();
        if (!string.IsNullOrEmpty(Type))
        {
            if (catalogue.DocumentType(Type) is null) return BadInput();
            query = query.Where(d => d.TypeCode == Type);
            extra.Add("loai=" + Uri.EscapeDataString(Type));
        }
        var yearRaw = Request.Query["nam"].FirstOrDefault();
        if (!string.IsNullOrEmpty(yearRaw))
        {
            if (!int.TryParse(yearRaw, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1945 or > 2100) return BadInput();
            Year = y;
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(d => d.IssuedOn >= from && d.IssuedOn <= to);
            extra.Add("nam=" + y);
        }
        Query = Request.Query["q"].FirstOrDefault()?.Trim();
        if (!string.IsNullOrEmpty(Query))
        {
            // Control characters (a NUL byte in the address) cannot be typed in the box, and PostgreSQL refuses NUL in text.
            if (Query.Length > 200 || Query.Any(char.IsControl)) return BadInput();
            foreach (var word in VietnameseText.Fold(Query).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                query = query.Where(d => d.TitleFolded.Contains(word));
            extra.Add("q=" + Uri.EscapeDataString(Query));
        }

        var total = await query.CountAsync(ct);
        if (page > 1 && (page - 1) * PageSize >= total) return NotFound();
        var items = await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Documents = new Paged<Document>(items, page, PageSize, total, ContentUrls.Documents, string.Join("&", extra));
        Years = (await db.Documents.AsNoTracking().Select(d => d.IssuedOn.Year).Distinct().ToListAsync(ct)).OrderDescending().ToList();
        Meta = new PageMeta
        {
            Title = page > 1 ? $"Văn bản - Trang {page}" : "Văn bản",
            Description = $"Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành của {Site.AgencyName}",
            Type = "Collection",
            CanonicalPath = Documents.Link(page),
            Breadcrumbs = [("Văn bản", null)],
        };
        return Page();
    }
}
