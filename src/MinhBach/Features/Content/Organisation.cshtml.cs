using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;

namespace MinhBach.Features.Content;

/// <summary>The organisation chart as a tree of units (also used by /en/organisation).</summary>
public sealed class OrganisationModel(AppDb db) : PublicPageModel
{
    public ILookup<int?, OrgUnit> Children { get; private set; } = Array.Empty<OrgUnit>().ToLookup(u => u.ParentId);
    public bool English { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        English = Request.Path.StartsWithSegments(ContentUrls.English);
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Order).ThenBy(u => u.Name).ToListAsync(ct);
        Children = units.ToLookup(u => u.ParentId);
        Meta = English
            ? new PageMeta { Title = "Organisational structure", Language = "en", CanonicalPath = ContentUrls.English + "/organisation", Breadcrumbs = [("Organisational structure", null)] }
            : new PageMeta { Title = "Cơ cấu tổ chức", Description = $"Sơ đồ tổ chức, các phòng, ban và đơn vị của {Site.AgencyName}", CanonicalPath = ContentUrls.Organisation, Breadcrumbs = [("Giới thiệu", "/gioi-thieu"), ("Cơ cấu tổ chức", null)] };
    }
}
