using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Articles;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Media;
using MinhBach.Features.Public;

namespace MinhBach.Features.Consultations.Admin;

/// <summary>
/// /quan-tri/lay-y-kien/moi and /quan-tri/lay-y-kien/{id}/sua: the consultation's form. The draft's full text is pasted,
/// or read from an uploaded DOCX or PDF with the documents' extractor; "Xem trước các điều" shows the articles and
/// clauses the text splits into (and what looks wrong) before anything is saved. Readers of the site may open the form;
/// only editors and above may post it.
/// </summary>
[UploadLimit(ConsultationService.MaxFileBytes)]
public sealed class ConsultationEditModel(AppDb db, ConsultationService consultations, DocumentTextExtractor extractor, DocumentProposer proposer) : AdminPageModel
{
    [BindProperty] public string? FormTitle { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? DraftText { get; set; }
    [BindProperty] public string? OpensOn { get; set; }
    [BindProperty] public string? ClosesOn { get; set; }
    [BindProperty] public bool IsPublic { get; set; }
    [BindProperty] public string? DraftingUnit { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactAddress { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public IFormFile? DraftFile { get; set; }

    public Consultation? Item { get; private set; }
    public List<string> Errors { get; } = [];
    /// <summary>What the extractor says about the file's text (incomplete, old font encoding); not errors.</summary>
    public List<string> FileNotes { get; } = [];
    public DraftStructure? Preview { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, string? loi, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Item is { } c)
        {
            FormTitle = c.Title; Slug = c.Slug; Summary = c.Summary; DraftText = c.DraftText; IsPublic = c.IsPublic;
            OpensOn = c.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            ClosesOn = c.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            DraftingUnit = c.DraftingUnit; ContactName = c.ContactName; ContactAddress = c.ContactAddress; ContactPhone = c.ContactPhone;
            ContactEmail = c.ContactEmail; Version = c.Version;
            Preview = DraftParser.Parse(c.DraftText);
        }
        else
        {
            DraftingUnit = Site.AgencyName;
            ContactAddress = Site.Address.Length > 0 ? Site.Address : null;
            ContactPhone = Site.Phone.Length > 0 ? Site.Phone : null;
            ContactEmail = Site.Email.Length > 0 ? Site.Email : null;
            IsPublic = true;
        }
        if (loi == UploadLimitAttribute.TooLargeFlag)
        {
            Errors.Add($"Tệp quá lớn: tối đa {ConsultationService.MaxFileBytes / 1024 / 1024} MB.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>Reads the uploaded file's text (when one is given) and shows how the text splits; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (DraftFile is { Length: > 0 } && !await ReadFileAsync(ct)) return Refused();
        if (string.IsNullOrWhiteSpace(DraftText))
        {
            Errors.Add("Chưa có toàn văn để xem trước: dán toàn văn dự thảo hoặc chọn tệp DOCX, PDF.");
            return Refused();
        }
        Preview = DraftParser.Parse(DraftText);
        Notice = $"Toàn văn chia được thành {Preview.Articles.Count} điều. Kiểm tra các điều bên dưới rồi bấm Lưu; dự thảo chưa được lưu.";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (DraftFile is { Length: > 0 } && string.IsNullOrWhiteSpace(DraftText) && !await ReadFileAsync(ct)) return Refused();
        var e = new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor());
        var result = await consultations.SaveAsync(Site, e, id, Version, new ConsultationForm(FormTitle, Slug, Summary, DraftText, OpensOn, ClosesOn, IsPublic,
            DraftingUnit, ContactName, ContactAddress, ContactPhone, ContactEmail), ct);
        if (result.NotFound) return NotFound();
        if (!result.Ok)
        {
            Errors.AddRange(result.Errors);
            Preview = string.IsNullOrWhiteSpace(DraftText) ? null : DraftParser.Parse(DraftText);
            return Refused();
        }
        return Redirect(Url.Site(ConsultationUrls.AdminDetail(result.Value!.Id) + "?msg=" + (id is null ? "tao" : "luu")));
    }

    /// <summary>The file's text into the form; false (with the reason) when it cannot be read.</summary>
    private async Task<bool> ReadFileAsync(CancellationToken ct)
    {
        byte[]? bytes;
        await using (var content = DraftFile!.OpenReadStream())
            bytes = await new IncomingFile(content, DraftFile.Length, DraftFile.FileName).ReadAsync(ConsultationService.MaxFileBytes, ct);
        var name = MediaService.DisplayName(DraftFile.FileName);
        if (bytes is null)
        {
            Errors.Add($"Tệp quá lớn: tối đa {ConsultationService.MaxFileBytes / 1024 / 1024} MB.");
            return false;
        }
        var format = DocumentTextExtractor.DetectFormat(bytes);
        if (format is not (DocumentFileFormat.Docx or DocumentFileFormat.Pdf))
        {
            Errors.Add(format == DocumentFileFormat.Doc
                ? $"Tệp \"{name}\" là Word 97–2003 (.doc): hãy lưu thành DOCX hoặc xuất PDF rồi chọn lại."
                : $"Tệp \"{name}\" không đọc được toàn văn: chỉ nhận DOCX hoặc PDF (đã kiểm tra nội dung tệp, không dựa vào tên tệp).");
            return false;
        }
        // PDF reading can take seconds: off the request thread.
        var extracted = await Task.Run(() => extractor.Extract(bytes, name, ct), ct);
        if (!extracted.HasText)
        {
            Errors.Add($"Không đọc được toàn văn từ tệp \"{name}\": {extracted.Problem ?? "tệp không có chữ."}");
            return false;
        }
        DraftText = extracted.Text;
        if (string.IsNullOrWhiteSpace(FormTitle) && proposer.Propose(extracted).Summary is { } summary) FormTitle = summary.Value;
        FileNotes.AddRange(extracted.Notes);
        // The form shows the text read from the file; the old value posted with it must not win.
        ModelState.Remove(nameof(DraftText));
        ModelState.Remove(nameof(FormTitle));
        return true;
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        CanEdit = Access.Has(SiteRole.Editor);
        if (id is int i)
        {
            Item = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == i, ct);
            if (Item is null) return false;
            Title = $"Sửa dự thảo: {Item.Title}";
        }
        else Title = "Tạo dự thảo lấy ý kiến";
        return true;
    }
}
