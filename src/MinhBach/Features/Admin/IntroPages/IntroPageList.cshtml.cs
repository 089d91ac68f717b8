using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.IntroPages;

/// <summary>/quan-tri/trang-gioi-thieu: introduction pages, Vietnamese then English.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class IntroPageListModel(Catalogue.Catalogue catalogue) : EditorPageModel
{
    public IReadOnlyList<Page> Vietnamese { get; private set; } = [];
    public IReadOnlyList<Page> English { get; private set; } = [];
    /// <summary>Page kinds with no page yet in Vietnamese: usually mandatory items still missing.</summary>
    public IReadOnlyList<Catalogue.PageKind> MissingKinds { get; private set; } = [];

    public string KindName(string code) => catalogue.PageKind(code)?.Name ?? code;

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Trang giới thiệu";
        await Access.LoadAsync(ct);
        ShowNotice(msg);
        var pages = await Db.Pages.AsNoTracking().OrderBy(p => p.Order).ThenBy(p => p.Title).ToListAsync(ct);
        Vietnamese = pages.Where(p => p.Language == "vi").ToList();
        English = pages.Where(p => p.Language == "en").ToList();
        MissingKinds = catalogue.PageKinds.Where(k => Vietnamese.All(p => p.Kind != k.Code)).ToList();
    }
}
