using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Media;
using MinhBach.Features.Public;

namespace MinhBach.Features.Admin.Media;

/// <summary>/quan-tri/thu-vien-anh: upload images (checked by content, re-encoded, alt text required) and reuse them.</summary>
[RequestSizeLimit(ImageIntake.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImageIntake.MaxBytes + 1024 * 1024)]
public sealed class MediaLibraryModel(AppDb db, MediaService media) : AdminPageModel
{
    public IReadOnlyList<MediaFile> Files { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Alt { get; set; }

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        await LoadAsync(ct);
        Notice = msg == "ok" ? "Đã tải ảnh lên." : null;
    }

    /// <summary>The rich-text editor posts here with X-Requested-With: fetch and gets JSON back.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        var json = Request.Headers["X-Requested-With"] == "fetch";
        if (Access.Role is null) return json ? StatusCode(403, new { error = "Bạn không có quyền tải ảnh lên trang này." }) : Forbid();
        string? error;
        MediaFile? file = null;
        if (Upload is null || Upload.Length == 0) error = "Hãy chọn một tệp ảnh.";
        else
        {
            await using var stream = Upload.OpenReadStream();
            (file, error) = await media.UploadAsync(Site, new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor()), stream, Upload.FileName, Alt, ct);
        }
        if (json) return file is null ? BadRequest(new { error }) : new JsonResult(new { url = file.Url, alt = file.Alt, width = file.Width, height = file.Height });
        if (file is not null) return Redirect(Url.Site("/quan-tri/thu-vien-anh") + "?msg=ok");
        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = "Thư viện ảnh";
        await Access.LoadAsync(ct);
        Files = await db.MediaFiles.AsNoTracking().OrderByDescending(f => f.CreatedAt).Take(60).ToListAsync(ct);
    }
}
