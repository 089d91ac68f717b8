using Microsoft.AspNetCore.Mvc;
using MinhBach.Data;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Questions;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Admin.Questions;

/// <summary>
/// /quan-tri/hoi-dap/{id}: one question with the asker's details (staff only), its attachment and history; the shared
/// steps are in <see cref="RequestAdminModel{T}"/>.
/// </summary>
public sealed class QuestionAdminModel(AppDb db, QuestionService questions, SiteDirectory directory, CurrentSite current, IFileStore files)
    : RequestAdminModel<Question>(db, directory, files)
{
    private static readonly RequestAdminTexts PageTexts = new("Câu hỏi", "question",
        id => $"/quan-tri/hoi-dap/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "/quan-tri/hoi-dap?xem=can-tra-loi",
        Assigned: "Đã chuyển câu hỏi đến đơn vị được chọn.",
        Answered: "Đã lưu câu trả lời và gửi cho người hỏi.",
        Published: "Đã công khai câu hỏi và câu trả lời.");

    [BindProperty] public string? PublicTitle { get; set; }
    [BindProperty] public string? PublicQuestion { get; set; }

    public Question Question => Item;

    protected override RequestAdminTexts Texts => PageTexts;
    protected override IQueryable<Question> Involving(Site site) => questions.Involving(site);
    protected override int WorkingDaysLeft(Question item) => questions.WorkingDaysLeft(item);

    protected override void FillPublicWording(Question item)
    {
        PublicTitle = item.PublicTitle ?? item.Title;
        PublicQuestion = item.PublicQuestion ?? item.Body;
    }

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct) =>
        ActAsync(id, "chuyen", async e => await questions.AssignAsync(Site, e, id, Version, TargetSiteId, Note,
            target => SiteLinks.AbsoluteBase(target, Request, current.ResolvedByHost), ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct) =>
        ActAsync(id, "tra-loi", async e => await questions.AnswerAsync(Site, e, id, Version, Answer, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "cong-khai", async e => await questions.PublishAsync(Site, e, id, Version, new PublishForm(PublicTitle, PublicQuestion, PublicAnswer), ct), ct);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "go", async e => await questions.UnpublishAsync(Site, e, id, Version, ct), ct);
}
