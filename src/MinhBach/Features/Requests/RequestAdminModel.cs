using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Requests;

/// <summary>The outcome of a staff step on a request, as the administration page needs it.</summary>
public interface IRequestResult
{
    IReadOnlyList<string> Errors { get; }
    bool Ok { get; }
    /// <summary>The request after the step (when done).</summary>
    IRoutedRequest? Request { get; }
}

/// <summary>What one kind of request's administration page says and where it leads.</summary>
/// <param name="Heading">Title of the page, e.g. "Câu hỏi" (the code is added).</param>
/// <param name="Kind">Target type of its audit entries, e.g. "question".</param>
/// <param name="Detail">The page of one request.</param>
/// <param name="AssignedAway">Where the staff go once the request is no longer theirs to see.</param>
public sealed record RequestAdminTexts(string Heading, string Kind, Func<int, string> Detail, string AssignedAway, string Assigned, string Answered, string Published);

/// <summary>
/// The administration page of one request (a question or a petition): the requester's details (staff only), the
/// attachment and the history. The site that handles it assigns it to another unit, answers and publishes it; the
/// site it was received on, once it passed it on, sees it read-only. Contributors and province reviewers read only.
/// Each kind adds its own public wording fields and its staff steps.
/// </summary>
public abstract class RequestAdminModel<T>(AppDb db, SiteDirectory directory, IFileStore files) : AdminPageModel
    where T : RoutedRequest
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? TargetSiteId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? PublicAnswer { get; set; }

    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();
    public IReadOnlyList<Site> Targets { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool HandledHere => Item.HandlingSiteId == Site.Id;
    public bool CanAct { get; private set; }
    public int DaysLeft { get; private set; }

    /// <summary>The request shown (each page names it: Question, Petition).</summary>
    protected T Item { get; private set; } = null!;
    protected abstract RequestAdminTexts Texts { get; }
    /// <summary>The requests the site is involved in: received on it, or handled by it.</summary>
    protected abstract IQueryable<T> Involving(Site site);
    protected abstract int WorkingDaysLeft(T item);
    /// <summary>The public wording's own fields, from what was published or else from what was sent.</summary>
    protected abstract void FillPublicWording(T item);

    public async Task<IActionResult> OnGetAsync(int id, string? msg, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Item.Version;
        Answer = Item.Answer;
        FillPublicWording(Item);
        PublicAnswer = Item.PublicAnswer ?? Item.Answer;
        Notice = msg switch
        {
            "chuyen" => Texts.Assigned,
            "tra-loi" => Texts.Answered,
            "cong-khai" => Texts.Published,
            "go" => "Đã gỡ công khai.",
            _ => null,
        };
        return Page();
    }

    /// <summary>The attachment, for staff of the sites involved only, as a download (never shown inline).</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Item.AttachmentPath is null) return NotFound();
        var stream = files.OpenRead(Item.AttachmentPath);
        if (stream is null) return NotFound();
        return File(stream, Item.AttachmentType ?? "application/octet-stream", Item.AttachmentName ?? "tep-dinh-kem");
    }

    /// <summary>Runs a staff step for an editor or above; back to the page with a notice, or the page again with the
    /// reasons it was refused.</summary>
    protected async Task<IActionResult> ActAsync(int id, string done, Func<Editor, Task<IRequestResult>> step, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!Access.Has(SiteRole.Editor)) return Forbid();
        var result = await step(new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor()));
        // After assigning away the request stays visible here read-only (it was received here) or not at all.
        if (result.Ok)
        {
            var stillHere = result.Request!.SiteId == Site.Id || result.Request.HandlingSiteId == Site.Id;
            return Redirect(Url.Site(stillHere ? $"{Texts.Detail(id)}?msg={done}" : Texts.AssignedAway));
        }
        Errors = result.Errors;
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Title = Texts.Heading;
        await Access.LoadAsync(ct);
        db.ChangeTracker.Clear();
        var r = await Involving(Site).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return false;
        Item = r;
        Title = $"{Texts.Heading} {r.Code}";
        var snap = await directory.GetAsync(ct);
        Sites = snap.ById;
        Targets = snap.All.Where(s => s.Status == SiteStatus.Active && s.Id != r.HandlingSiteId).ToList();
        CanAct = Access.Has(SiteRole.Editor) && HandledHere;
        DaysLeft = WorkingDaysLeft(r);
        var ids = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var kind = Texts.Kind;
        History = await db.AuditEntries.AsNoTracking().Where(a => a.TargetType == kind && a.TargetId == ids && a.SiteId == Site.Id)
            .OrderBy(a => a.Sequence).ToListAsync(ct);
        return true;
    }
}
