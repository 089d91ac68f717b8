using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.Contacts;

/// <summary>/quan-tri/dau-moi: focal-point officials (cán bộ đầu mối) shown on the contact page.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class ContactListModel : EditorPageModel
{
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Cán bộ đầu mối";
        await Access.LoadAsync(ct);
        ShowNotice(msg);
        Contacts = await Db.Contacts.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.FullName).ToListAsync(ct);
    }
}
