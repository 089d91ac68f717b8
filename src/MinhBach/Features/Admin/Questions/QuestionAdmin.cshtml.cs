using Microsoft.AspNetCore.Mvc;
using MinhBach.Data;
using MinhBach.Features.Media;
using MinhBach.Features.Questions;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Questions;

/// <summary>
/// /quan-tri/hoi-dap/{id}: one question with the asker's details (staff only), its attachment and history; the shared
/// steps are in <see cref="RequestAdminModel{T}"/>.
/// </summary>
public sealed class QuestionAdminModel(AppDb db, QuestionService questions, SiteDirectory directory, CurrentSite current, IFileStore files)
    : RequestAdminModel<Question>(db, questions, directory, current, files)
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

    protected override void FillPublicWording(Question item)
    {
        PublicTitle = item.PublicTitle ?? item.Title;
        PublicQuestion = item.PublicQuestion ?? item.Body;
    }

    protected override RequestPublishForm PostedWording() => new(PublicTitle, PublicQuestion, PublicAnswer);
}
