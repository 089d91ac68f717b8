using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.Links;

/// <summary>/quan-tri/lien-ket: links to the public-service portal, the gazette, the data portal and others.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class LinkListModel : EditorPageModel
{
    public IReadOnlyList<SiteLink> Links { get; private set; } = [];

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Liên kết";
        await Access.LoadAsync(ct);
        ShowNotice(msg);
        Links = await Db.SiteLinks.AsNoTracking().OrderBy(l => l.Order).ThenBy(l => l.Title).ToListAsync(ct);
    }

    public static readonly IReadOnlyList<(LinkKind Kind, string Name)> Kinds =
    [
        (LinkKind.PublicService, "Cổng dịch vụ công"),
        (LinkKind.Gazette, "Công báo"),
        (LinkKind.DataPortal, "Cổng dữ liệu mở"),
        (LinkKind.Other, "Liên kết khác"),
    ];

    public static string KindName(LinkKind k) => Kinds.Where(x => x.Kind == k).Select(x => x.Name).FirstOrDefault() ?? k.ToString();
}
