using Microsoft.AspNetCore.Mvc;
using MinhBach.Data;
using MinhBach.Features.Media;
using MinhBach.Features.Petitions;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Admin.Petitions;

/// <summary>
/// /quan-tri/phan-anh-kien-nghi/{id}: one petition with the petitioner's details (staff only), its attachment and
/// history; the shared steps are in <see cref="RequestAdminModel{T}"/>.
/// </summary>
public sealed class PetitionAdminModel(AppDb db, PetitionService petitions, SiteDirectory directory, CurrentSite current, IFileStore files)
    : RequestAdminModel<Petition>(db, directory, files)
{
    private static readonly RequestAdminTexts PageTexts = new("Phản ánh, kiến nghị", "petition", PetitionUrls.AdminDetail,
        PetitionUrls.Admin + "?xem=can-xu-ly",
        Assigned: "Đã chuyển phản ánh, kiến nghị đến đơn vị được chọn.",
        Answered: "Đã lưu kết quả trả lời và gửi cho người gửi.",
        Published: "Đã công khai phản ánh, kiến nghị và kết quả trả lời.");

    [BindProperty] public string? PublicSubject { get; set; }
    [BindProperty] public string? PublicContent { get; set; }

    public Petition Petition => Item;

    protected override RequestAdminTexts Texts => PageTexts;
    protected override IQueryable<Petition> Involving(Site site) => petitions.Involving(site);
    protected override int WorkingDaysLeft(Petition item) => petitions.WorkingDaysLeft(item);

    protected override void FillPublicWording(Petition item)
    {
        PublicSubject = item.PublicSubject ?? item.Subject;
        PublicContent = item.PublicContent ?? item.Content;
    }

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct) =>
        ActAsync(id, "chuyen", async e => await petitions.AssignAsync(Site, e, id, Version, TargetSiteId, Note,
            target => SiteLinks.AbsoluteBase(target, Request, current.ResolvedByHost), ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct) =>
        ActAsync(id, "tra-loi", async e => await petitions.AnswerAsync(Site, e, id, Version, Answer, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "cong-khai", async e => await petitions.PublishAsync(Site, e, id, Version, new PetitionPublishForm(PublicSubject, PublicContent, PublicAnswer), ct), ct);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "go", async e => await petitions.UnpublishAsync(Site, e, id, Version, ct), ct);
}
