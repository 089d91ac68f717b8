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
using MinhBach.Features.Syndication;

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
/// Each kind adds its own public wording fields.
/// </summary>
public abstract class RequestAdminModel<T>(AppDb db, RequestService<T> requests, SiteDirectory directory, CurrentSite current, IFileStore files)
    : AdminPageModel
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
    public Deadline Deadline { get; private set; }

    /// <summary>The request shown (each page names it: Question, Petition).</summary>
    protected T Item { get; private set; } = null!;
    protected abstract RequestAdminTexts Texts { get; }
    /// <summary>The public wording's own fields, from what was published or else from what was sent.</summary>
    protected abstract void FillPublicWording(T item);
    /// <summary>The public wording as posted.</summary>
    protected abstract RequestPublishForm PostedWording();

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

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct) =>
        ActAsync(id, "chuyen", async e => await requests.AssignAsync(Site, e, id, Version, TargetSiteId, Note,
            target => SiteLinks.AbsoluteBase(target, Request, current.ResolvedByHost), ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct) =>
        ActAsync(id, "tra-loi", async e => await requests.AnswerAsync(Site, e, id, Version, Answer, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "cong-khai", async e => await requests.PublishAsync(Site, e, id, Version, PostedWording(), ct), ct);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "go", async e => await requests.UnpublishAsync(Site, e, id, Version, ct), ct);

    /// <summary>Runs a staff step for an editor or above; back to the page with a notice, or the page again with the
    /// reasons it was refused.</summary>
    private async Task<IActionResult> ActAsync(int id, string done, Func<Editor, Task<IRequestResult>> step, CancellationToken ct)
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
        var r = await requests.Involving(Site).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return false;
        Item = r;
        Title = $"{Texts.Heading} {r.Code}";
        var snap = await directory.GetAsync(ct);
        Sites = snap.ById;
        Targets = snap.All.Where(s => s.Status == SiteStatus.Active && s.Id != r.HandlingSiteId).ToList();
        CanAct = Access.Has(SiteRole.Editor) && HandledHere;
        Deadline = requests.DeadlineOf(r);
        var ids = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var kind = Texts.Kind;
        History = await db.AuditEntries.AsNoTracking().Where(a => a.TargetType == kind && a.TargetId == ids && a.SiteId == Site.Id)
            .OrderBy(a => a.Sequence).ToListAsync(ct);
        return true;
    }
}

/// <summary>What one kind of request's inbox says.</summary>
/// <param name="Views">The filters by their query value and label; the first (what is still to answer) is the default.</param>
public sealed record RequestInboxTexts(string Title, IReadOnlyList<(string Key, string Label)> Views);

/// <summary>
/// The inbox of one kind of request: those the site still has to answer, the overdue ones, those it passed to other
/// units (read-only), the answered ones, or all; at most 500, the open ones by due date, the others newest first.
/// </summary>
public abstract class RequestInboxModel<T>(RequestService<T> requests, SiteDirectory directory, TimeProvider clock, RequestInboxTexts texts)
    : AdminPageModel
    where T : RoutedRequest
{
    public IReadOnlyList<(string Key, string Label)> Views => texts.Views;
    public string View { get; private set; } = texts.Views[0].Key;
    public IReadOnlyList<T> Items { get; private set; } = [];
    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? xem, CancellationToken ct)
    {
        Title = texts.Title;
        var toAnswer = texts.Views[0].Key;
        View = texts.Views.Any(v => v.Key == xem) ? xem! : toAnswer;
        Today = VnTime.Today(clock);
        var today = Today;
        var me = Site.Id;
        var q = requests.Involving(Site).AsNoTracking();
        q = View switch
        {
            _ when View == toAnswer => requests.Open(q).Where(x => x.HandlingSiteId == me),
            "qua-han" => requests.Open(q).Where(x => x.DueOn < today),
            "da-chuyen" => q.Where(x => x.SiteId == me && x.HandlingSiteId != me),
            "da-tra-loi" => requests.Answered(q),
            _ => q,
        };
        Items = View == toAnswer || View == "qua-han"
            ? await q.OrderBy(x => x.DueOn).ThenBy(x => x.Id).Take(500).ToListAsync(ct)
            : await requests.NewestFirst(q).Take(500).ToListAsync(ct);
        Sites = (await directory.GetAsync(ct)).ById;
    }
}

/// <summary>
/// The open requests of one kind that the site received or handles, per handling unit, the units with the most overdue
/// first, each unit's by due date.
/// </summary>
public abstract class RequestOverdueModel<T>(RequestService<T> requests, SiteDirectory directory, string title) : AdminPageModel
    where T : RoutedRequest
{
    public sealed record Row(T Request, Deadline Deadline);
    public sealed record Unit(Site? Site, IReadOnlyList<Row> Rows)
    {
        public int Overdue => Rows.Count(r => r.Deadline.IsLate);
    }

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = title;
        var open = await requests.Open(requests.Involving(Site).AsNoTracking()).ToListAsync(ct);
        var sites = (await directory.GetAsync(ct)).ById;
        Units = open.GroupBy(r => r.HandlingSiteId)
            .Select(g => new Unit(sites.GetValueOrDefault(g.Key), g.Select(r => new Row(r, requests.DeadlineOf(r))).OrderBy(r => r.Request.DueOn).ToList()))
            .OrderByDescending(u => u.Overdue).ThenBy(u => u.Site?.Name, StringComparer.Ordinal).ToList();
    }
}
