using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Media;
using MinhBach.Features.Public;

namespace MinhBach.Features.Admin.Media;

/// <summary>
/// /quan-tri/thu-vien-anh: upload images (checked by content, re-encoded, alt text required) and reuse them.
/// The same address is the rich-text editor's upload endpoint: a POST with X-Requested-With: fetch gets JSON back.
/// </summary>
[UploadLimit]
public sealed class MediaLibraryModel(AppDb db, MediaService media) : AdminPageModel
{
    public IReadOnlyList<MediaFile> Files { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Alt { get; set; }

    public async Task OnGetAsync(string? msg, string? loi, CancellationToken ct)
    {
        await LoadAsync(ct);
        Notice = msg == "ok" ? "Đã tải ảnh lên." : null;
        if (loi == UploadLimitAttribute.TooLargeFlag) Errors = [ImageIntake.TooLarge];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        var json = Request.IsFetch();
        if (Access.Role is null) return json ? StatusCode(403, new { error = MediaService.NoRole }) : Forbid();
        MediaService.Result result;
        await using (var content = Upload?.OpenReadStream())
        {
            var upload = Upload is null ? null : new IncomingFile(content!, Upload.Length, Upload.FileName);
            result = await media.UploadAsync(Site, new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor()), upload, Alt, ct);
        }
        if (result.File is { } file)
            return json
                ? new JsonResult(new { url = file.Url, alt = file.Alt, width = file.Width, height = file.Height })
                : Redirect(Url.Site("/quan-tri/thu-vien-anh") + "?msg=ok");
        var status = result.Failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
        if (json) return StatusCode(status, new { error = string.Join(" ", result.Errors), errors = result.Errors });
        Errors = result.Errors;
        if (result.Failed) Response.StatusCode = status;
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
