using Microsoft.AspNetCore.Mvc;
using MinhBach.Data;
using MinhBach.Features.Media;
using MinhBach.Features.Petitions;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Petitions;

/// <summary>
/// /quan-tri/phan-anh-kien-nghi/{id}: one petition with the petitioner's details (staff only), its attachment and
/// history; the shared steps are in <see cref="RequestAdminModel{T}"/>.
/// </summary>
public sealed class PetitionAdminModel(AppDb db, PetitionService petitions, SiteDirectory directory, CurrentSite current, IFileStore files)
    : RequestAdminModel<Petition>(db, petitions, directory, current, files)
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

    protected override void FillPublicWording(Petition item)
    {
        PublicSubject = item.PublicSubject ?? item.Subject;
        PublicContent = item.PublicContent ?? item.Content;
    }

    protected override RequestPublishForm PostedWording() => new(PublicSubject, PublicContent, PublicAnswer);
}
