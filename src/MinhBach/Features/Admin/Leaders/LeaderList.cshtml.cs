using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.Leaders;

/// <summary>/quan-tri/lanh-dao: the agency's leaders in display order.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class LeaderListModel : EditorPageModel
{
    public IReadOnlyList<Leader> Leaders { get; private set; } = [];

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Lãnh đạo";
        await Access.LoadAsync(ct);
        ShowNotice(msg);
        Leaders = await Db.Leaders.AsNoTracking().OrderBy(l => l.Order).ThenBy(l => l.FullName).ToListAsync(ct);
    }
}
