using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Content;

/// <summary>Agency contact details and focal-point officials (INF-06), also at /en/contacts.</summary>
public sealed class ContactsModel(AppDb db) : PublicPageModel
{
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public bool English { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        English = Request.Path.StartsWithSegments(ContentUrls.English);
        Contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.Order).ToListAsync(ct);
        Meta = English
            ? new PageMeta { Title = "Contacts", Language = "en", CanonicalPath = ContentUrls.English + "/contacts", Breadcrumbs = [("Contacts", null)] }
            : new PageMeta { Title = "Liên hệ", Description = $"Địa chỉ, điện thoại, email của {Site.AgencyName} và cán bộ đầu mối", CanonicalPath = ContentUrls.Contacts, Breadcrumbs = [("Liên hệ", null)] };
    }
}
