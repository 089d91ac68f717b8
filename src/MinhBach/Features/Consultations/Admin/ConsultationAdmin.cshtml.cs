using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Media;
using MinhBach.Features.Public;

namespace MinhBach.Features.Consultations.Admin;

/// <summary>
/// /quan-tri/lay-y-kien/{id}: one consultation for the site's staff: its comments with the commenters' contacts,
/// moderation (duyệt / không duyệt), after closing the drafting unit's answer to each (tiếp thu, tiếp thu một phần,
/// giải trình), the draft's files, the synthesis table (download as it stands, publish on the public page) and the
/// history from the audit trail. Readers see everything; only editors and above change anything.
/// </summary>
[UploadLimit(ConsultationService.MaxFileBytes)]
public sealed class ConsultationAdminModel(AppDb db, ConsultationService consultations) : AdminPageModel
{
    public static readonly (string Key, string Label)[] Views =
        [("cho-duyet", "Chờ duyệt"), ("da-duyet", "Đã duyệt"), ("khong-duyet", "Không duyệt"), ("tat-ca", "Tất cả")];

    [BindProperty] public int CommentId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Resolution { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public int FileId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public Consultation Consultation { get; private set; } = null!;
    public DraftStructure Draft { get; private set; } = null!;
    public ConsultationPhase Phase { get; private set; }
    public string PhaseNote { get; private set; } = "";
    public string View { get; private set; } = "tat-ca";
    public IReadOnlyList<ConsultationComment> Comments { get; private set; } = [];
    public IReadOnlyDictionary<CommentStatus, int> Counts { get; private set; } = new Dictionary<CommentStatus, int>();
    public IReadOnlyList<ConsultationFile> Files { get; private set; } = [];
    public IReadOnlyList<string> Blockers { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool CanAct { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? xem, string? msg, string? loi, CancellationToken ct)
    {
        if (!await LoadAsync(id, xem, ct)) return NotFound();
        Notice = msg switch
        {
            "tao" => "Đã tạo dự thảo lấy ý kiến.",
            "luu" => "Đã lưu dự thảo.",
            "duyet" => "Đã duyệt góp ý; góp ý đã hiển thị trên trang.",
            "khong-duyet" => "Đã chuyển góp ý sang không duyệt; góp ý không hiển thị trên trang.",
            "tiep-thu" => "Đã lưu ý kiến tiếp thu, giải trình.",
            "tep" => "Đã thêm tệp dự thảo.",
            "xoa-tep" => "Đã xóa tệp.",
            "cong-bo" => "Đã công bố bảng tổng hợp, tiếp thu, giải trình ý kiến trên trang dự thảo.",
            _ => null,
        };
        if (loi == UploadLimitAttribute.TooLargeFlag)
        {
            Errors = [$"Tệp dự thảo quá lớn: tối đa {ConsultationService.MaxFileBytes / 1024 / 1024} MB."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>The synthesis table as it stands now (a working copy; the published one is on the public page).</summary>
    public async Task<IActionResult> OnGetSynthesisAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct)) return NotFound();
        var e = new Editor(Access.User?.Id ?? 0, Access.User?.FullName ?? "", Access.Role, Actor());
        var bytes = await consultations.ExportSynthesisAsync(Site, e, Consultation, ct);
        return File(bytes, SynthesisDocument.ContentType, SynthesisDocument.FileName(Consultation));
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        ActAsync(id, "duyet", e => Wrap(consultations.ModerateAsync(Site, e, id, CommentId, Version, approve: true, ct)), ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        ActAsync(id, "khong-duyet", e => Wrap(consultations.ModerateAsync(Site, e, id, CommentId, Version, approve: false, ct)), ct);

    public Task<IActionResult> OnPostResolveAsync(int id, CancellationToken ct) =>
        ActAsync(id, "tiep-thu", e => Wrap(consultations.ResolveAsync(Site, e, id, CommentId, Version, Resolution, Answer, ct)), ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "cong-bo", e => Wrap(consultations.PublishSynthesisAsync(Site, e, id, Version, ct)), ct);

    public Task<IActionResult> OnPostDeleteFileAsync(int id, CancellationToken ct) =>
        ActAsync(id, "xoa-tep", e => Wrap(consultations.DeleteFileAsync(Site, e, id, FileId, ct)), ct);

    public Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct) =>
        ActAsync(id, "tep", async e =>
        {
            if (Upload is not { Length: > 0 } u) return (["Hãy chọn tệp dự thảo (PDF, DOCX hoặc DOC) để tải lên."], false);
            await using var content = u.OpenReadStream();
            return await Wrap(consultations.AddFileAsync(Site, e, id, new IncomingFile(content, u.Length, u.FileName), ct));
        }, ct);

    private static async Task<(IReadOnlyList<string> Errors, bool NotFound)> Wrap<T>(Task<ConsultationResult<T>> step) where T : class
    {
        var r = await step;
        return (r.Ok ? [] : r.Errors, r.NotFound);
    }

    private async Task<IActionResult> ActAsync(int id, string done, Func<Editor, Task<(IReadOnlyList<string> Errors, bool NotFound)>> step, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!Access.Has(SiteRole.Editor)) return Forbid();
        if (!await db.Consultations.AsNoTracking().AnyAsync(c => c.Id == id, ct)) return NotFound();
        var (errors, notFound) = await step(new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor()));
        if (notFound) return NotFound();
        var view = Request.Query["xem"].ToString();
        if (errors.Count == 0)
            return Redirect(Url.Site(ConsultationUrls.AdminDetail(id) + "?msg=" + done + (view.Length > 0 ? "&xem=" + Uri.EscapeDataString(view) : "")
                + (CommentId > 0 ? "#gop-y-" + CommentId.ToString(CultureInfo.InvariantCulture) : "")));
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, view, ct)) return NotFound();
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, string? view, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        CanAct = Access.Has(SiteRole.Editor);
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Consultation = c;
        Title = $"Lấy ý kiến: {c.Title}";
        Draft = DraftParser.Parse(c.DraftText);
        Phase = consultations.Phase(c);
        PhaseNote = consultations.PhaseNote(c);
        var all = db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == id);
        Counts = await all.GroupBy(x => x.Status).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        View = Views.Any(v => v.Key == view) ? view! : Counts.GetValueOrDefault(CommentStatus.Pending) > 0 ? "cho-duyet" : "tat-ca";
        var shown = View switch
        {
            "cho-duyet" => all.Where(x => x.Status == CommentStatus.Pending),
            "da-duyet" => all.Where(x => x.Status == CommentStatus.Approved),
            "khong-duyet" => all.Where(x => x.Status == CommentStatus.Rejected),
            _ => all,
        };
        Comments = SynthesisDocument.Ordered(await shown.Take(2000).ToListAsync(ct));
        Files = await consultations.FilesAsync(id, ct);
        Blockers = await consultations.SynthesisBlockersAsync(c, ct);
        var ids = id.ToString(CultureInfo.InvariantCulture);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.TargetType == "consultation" && a.TargetId == ids && a.SiteId == Site.Id)
            .OrderByDescending(a => a.Sequence).Take(200).ToListAsync(ct);
        return true;
    }
}
