using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Admin.Syndication;

/// <summary>/quan-tri/de-xuat: articles the component sites propose to this site (the portal). Editors and above; province reviewers read.</summary>
public sealed class ProposalListModel(SyndicationService syndication, SiteDirectory directory) : AdminPageModel
{
    public IReadOnlyList<SyndicationProposal> Pending { get; private set; } = [];
    public IReadOnlyList<SyndicationProposal> Decided { get; private set; } = [];
    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Title = "Đề xuất đăng bài";
        await Access.LoadAsync(ct);
        if (!(Access.Has(SiteRole.Editor) || Access.User?.IsProvinceReviewer == true)) return Forbid();
        Sites = (await directory.GetAsync(ct)).ById;
        Pending = await syndication.ToSite(Site).Where(p => p.Status == ProposalStatus.Pending)
            .OrderBy(p => p.ProposedAt).ThenBy(p => p.Id).Take(500).ToListAsync(ct);
        Decided = await syndication.ToSite(Site).Where(p => p.Status != ProposalStatus.Pending)
            .OrderByDescending(p => p.DecidedAt).ThenByDescending(p => p.Id).Take(50).ToListAsync(ct);
        return Page();
    }
}
