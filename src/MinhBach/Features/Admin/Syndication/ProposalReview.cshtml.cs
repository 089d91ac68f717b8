using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Admin.Syndication;

/// <summary>/quan-tri/de-xuat/{id}: one proposal with the original article; accept (title, summary, category may be changed) or decline with a reason.</summary>
public sealed class ProposalReviewModel(AppDb db, SyndicationService syndication, SiteDirectory directory, CurrentSite current) : AdminPageModel
{
    [BindProperty, Display(Name = "Phiên bản")] public int Version { get; set; }
    [BindProperty] public string? CopyTitle { get; set; }
    [BindProperty] public string? CopySummary { get; set; }
    [BindProperty] public string? CategoryId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public SyndicationProposal Proposal { get; private set; } = null!;
    public Site? SourceSite { get; private set; }
    public string? OriginalUrl { get; private set; }
    public string? CopyUrl { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool CanDecide { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? msg, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanDecide && Access.User?.IsProvinceReviewer != true) return Forbid();
        Version = Proposal.Version;
        CopyTitle = Proposal.Article?.Title;
        CopySummary = Proposal.Article?.Summary;
        Notice = msg switch { "nhan" => "Đã nhận đăng bài.", "tu-choi" => "Đã từ chối đề xuất.", _ => null };
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanDecide) return Forbid();
        var category = int.TryParse(CategoryId, out var c) ? c : 0;
        var result = await syndication.AcceptAsync(Site, Editor(), id, Version, new AcceptForm(CopyTitle, CopySummary, category), OriginalUrl ?? "", ct);
        return await AfterAsync(id, result, "nhan", ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanDecide) return Forbid();
        var result = await syndication.DeclineAsync(Site, Editor(), id, Version, Reason, ct);
        return await AfterAsync(id, result, "tu-choi", ct);
    }

    private async Task<IActionResult> AfterAsync(int id, SyndicationResult result, string done, CancellationToken ct)
    {
        if (result.Ok) return Redirect(Url.Site($"/quan-tri/de-xuat/{id}") + "?msg=" + done);
        Errors = result.Errors;
        // Show the proposal as stored now; what the editor typed stays in the forms.
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Editor Editor() => new(Access.User!.Id, Access.User.FullName, Access.Role, Actor());

    /// <summary>Loads the proposal sent to this site; a result when the page cannot be shown.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Title = "Đề xuất đăng bài";
        await Access.LoadAsync(ct);
        CanDecide = Access.Has(SiteRole.Editor);
        if (!CanDecide && Access.User?.IsProvinceReviewer != true) return Forbid();
        db.ChangeTracker.Clear();
        var p = await syndication.ToSite(Site).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound();
        Proposal = p;
        var snap = await directory.GetAsync(ct);
        SourceSite = snap.ById.GetValueOrDefault(p.SiteId);
        if (SourceSite is not null && p.Article?.Category is not null)
            OriginalUrl = SiteLinks.Absolute(SourceSite, Request, current.ResolvedByHost, ContentUrls.Article(p.Article));
        if (p.Copy?.Category is not null) CopyUrl = Url.Site(ContentUrls.Article(p.Copy));
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).ToListAsync(ct);
        return null;
    }
}
