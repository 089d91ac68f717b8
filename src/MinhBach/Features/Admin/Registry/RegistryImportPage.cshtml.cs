using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Registry;

namespace MinhBach.Features.Admin.Registry;

/// <summary>
/// /quan-tri/so-theo-doi/nhap: upload an XLSX, see every problem row by row (nothing written) or a preview of what will be
/// added and changed, then confirm. The confirmation carries the file itself (a hidden field of the multipart form) and
/// the plan's fingerprint, so what is applied is the file that was previewed, against the registry as it was previewed.
/// </summary>
[UploadLimit(2 * 1024 * 1024)]
public sealed class RegistryImportPageModel(RegistryImport import) : RegistryPageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? FileData { get; set; }
    [BindProperty] public string? FileName { get; set; }
    [BindProperty] public string? Fingerprint { get; set; }

    public ImportPlan? Plan { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? loi, CancellationToken ct)
    {
        Title = "Nhập sổ theo dõi từ Excel";
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (loi == UploadLimitAttribute.TooLargeFlag) Errors.Add("Tệp lớn quá 2 MB; sổ theo dõi nhập một lần tối đa 2 MB.");
        return Page();
    }

    /// <summary>Step 1: read and check the file; nothing is written.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Title = "Nhập sổ theo dõi từ Excel";
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add("Hãy chọn tệp .xlsx để nhập.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var ms = new MemoryStream();
        await Upload.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        var name = System.IO.Path.GetFileName(Upload.FileName);
        Plan = await import.PlanAsync(bytes, name.Length > 200 ? name[..200] : name, ct);
        if (!Plan.Ok) Response.StatusCode = StatusCodes.Status400BadRequest;
        else (FileData, FileName, Fingerprint) = (Convert.ToBase64String(bytes), Plan.FileName, Plan.Fingerprint);
        return Page();
    }

    /// <summary>Step 2: apply what was previewed, all or nothing.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        Title = "Nhập sổ theo dõi từ Excel";
        if (await RefuseAsync(ct) is { } refused) return refused;
        byte[] bytes;
        try { bytes = Convert.FromBase64String(FileData ?? ""); }
        catch (FormatException) { bytes = []; }
        if (bytes.Length == 0)
        {
            Errors.Add("Không còn tệp đã xem trước; hãy chọn lại tệp.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Plan = await import.PlanAsync(bytes, FileName is { Length: > 0 and <= 200 } n ? n : "so-theo-doi.xlsx", ct);
        if (!Plan.Ok || Plan.Fingerprint != Fingerprint)
        {
            if (Plan.Ok)
            {
                // The registry changed since the preview: show the new preview, to be confirmed again.
                Errors.Add("Sổ theo dõi đã thay đổi từ lúc xem trước; chưa ghi gì. Hãy xem lại kết quả dưới đây rồi xác nhận lần nữa.");
                (FileName, Fingerprint) = (Plan.FileName, Plan.Fingerprint);
            }
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        try
        {
            var result = await import.ApplyAsync(Plan, Actor(), ct);
            return Redirect(Url.Site(Path) + $"?xong=nhap&them={result.Added}&sua={result.Updated}");
        }
        catch (ImportRefusedException e)
        {
            Errors.Add(e.Message);
            Plan = null;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }
}
