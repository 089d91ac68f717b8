using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Documents;
using MinhBach.Features.Public;
using MinhBach.Text;

namespace MinhBach.Features.Admin.Docs;

/// <summary>/quan-tri/van-ban: the site's documents, newest first, searched by number or summary and filtered by type.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class DocumentAdminListModel(Catalogue.Catalogue catalogue) : EditorPageModel
{
    public const int PageSize = 30;

    public Paged<Document> Documents { get; private set; } = null!;
    public string? Query { get; private set; }
    public string? Type { get; private set; }
    public IReadOnlyList<Catalogue.DocumentType> Types => catalogue.DocumentTypes;
    public string TypeName(string code) => catalogue.DocumentType(code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(string? q, string? loai, string? msg, CancellationToken ct)
    {
        Title = "Văn bản";
        await Access.LoadAsync(ct);
        ShowNotice(msg);
        var page = int.TryParse(Request.Query["trang"], out var p) && p is >= 1 and <= 10_000 ? p : 1;
        var query = Db.Documents.AsNoTracking();
        var extra = new List<string>();
        Query = q?.Trim();
        if (Query is { Length: > 200 }) Query = Query[..200];
        if (!string.IsNullOrEmpty(Query))
        {
            foreach (var w in VietnameseText.Fold(Query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(10))
                query = query.Where(d => d.TitleFolded.Contains(w));
            extra.Add("q=" + Uri.EscapeDataString(Query));
        }
        if (!string.IsNullOrEmpty(loai) && catalogue.DocumentType(loai) is not null)
        {
            Type = loai;
            query = query.Where(d => d.TypeCode == loai);
            extra.Add("loai=" + Uri.EscapeDataString(loai));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Documents = new Paged<Document>(items, page, PageSize, total, "/quan-tri/van-ban", string.Join("&", extra));
        return Page();
    }
}
