using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Questions;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Admin.Questions;

/// <summary>
/// /quan-tri/hoi-dap/{id}: one question with the asker's details (staff only), its attachment and history. The site that
/// handles it assigns it to another unit, answers and publishes it; the site it was asked on, once it passed it on,
/// sees it read-only. Contributors and province reviewers read only.
/// </summary>
public sealed class QuestionAdminModel(AppDb db, QuestionService questions, SiteDirectory directory, CurrentSite current, IFileStore files) : AdminPageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? TargetSiteId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? PublicTitle { get; set; }
    [BindProperty] public string? PublicQuestion { get; set; }
    [BindProperty] public string? PublicAnswer { get; set; }

    public Question Question { get; private set; } = null!;
    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();
    public IReadOnlyList<Site> Targets { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool HandledHere => Question.HandlingSiteId == Site.Id;
    public bool CanAct { get; private set; }
    public int DaysLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? msg, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Question.Version;
        Answer = Question.Answer;
        PublicTitle = Question.PublicTitle ?? Question.Title;
        PublicQuestion = Question.PublicQuestion ?? Question.Body;
        PublicAnswer = Question.PublicAnswer ?? Question.Answer;
        Notice = msg switch
        {
            "chuyen" => "Đã chuyển câu hỏi đến đơn vị được chọn.",
            "tra-loi" => "Đã lưu câu trả lời và gửi cho người hỏi.",
            "cong-khai" => "Đã công khai câu hỏi và câu trả lời.",
            "go" => "Đã gỡ công khai.",
            _ => null,
        };
        return Page();
    }

    /// <summary>The attachment, for staff of the sites involved only, as a download (never shown inline).</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Question.AttachmentPath is null) return NotFound();
        var stream = files.OpenRead(Question.AttachmentPath);
        if (stream is null) return NotFound();
        return File(stream, Question.AttachmentType ?? "application/octet-stream", Question.AttachmentName ?? "tep-dinh-kem");
    }

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct) =>
        ActAsync(id, "chuyen", e => questions.AssignAsync(Site, e, id, Version, TargetSiteId, Note,
            target => SiteLinks.AbsoluteBase(target, Request, current.ResolvedByHost), ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct) =>
        ActAsync(id, "tra-loi", e => questions.AnswerAsync(Site, e, id, Version, Answer, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "cong-khai", e => questions.PublishAsync(Site, e, id, Version, new PublishForm(PublicTitle, PublicQuestion, PublicAnswer), ct), ct);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "go", e => questions.UnpublishAsync(Site, e, id, Version, ct), ct);

    private async Task<IActionResult> ActAsync(int id, string done, Func<Editor, Task<QuestionResult>> step, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!Access.Has(SiteRole.Editor)) return Forbid();
        var result = await step(new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor()));
        // After assigning away the question stays visible here read-only (it was asked here) or not at all.
        if (result.Ok)
        {
            var stillHere = result.Question!.SiteId == Site.Id || result.Question.HandlingSiteId == Site.Id;
            return Redirect(Url.Site(stillHere ? $"/quan-tri/hoi-dap/{id}?msg={done}" : "/quan-tri/hoi-dap?xem=can-tra-loi"));
        }
        Errors = result.Errors;
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Title = "Câu hỏi";
        await Access.LoadAsync(ct);
        db.ChangeTracker.Clear();
        var q = await questions.Involving(Site).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (q is null) return false;
        Question = q;
        Title = $"Câu hỏi {q.Code}";
        var snap = await directory.GetAsync(ct);
        Sites = snap.ById;
        Targets = snap.All.Where(s => s.Status == SiteStatus.Active && s.Id != q.HandlingSiteId).ToList();
        CanAct = Access.Has(SiteRole.Editor) && HandledHere;
        DaysLeft = questions.WorkingDaysLeft(q);
        var ids = q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.TargetType == "question" && a.TargetId == ids && a.SiteId == Site.Id)
            .OrderBy(a => a.Sequence).ToListAsync(ct);
        return true;
    }
}
