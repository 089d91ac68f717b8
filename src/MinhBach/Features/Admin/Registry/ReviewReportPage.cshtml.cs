using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Registry;
using MinhBach.Features.ReviewReport;

namespace MinhBach.Features.Admin.Registry;

/// <summary>/quan-tri/so-theo-doi/bao-cao: the review report (DOCX) and its appendix (XLSX) for download, as the review-report verb makes them.</summary>
public sealed class ReviewReportPageModel(ReviewReportService reports, RegistryService registry) : RegistryPageModel
{
    public IReadOnlyList<MinhBach.Features.Compliance.RulePack> Packs => reports.Packs;
    public string Pack { get; private set; } = "D42-2022";
    public string Scope { get; private set; } = "registry";
    public DateOnly AsOf { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "goi")] string? pack, [FromQuery(Name = "pham-vi")] string? scope,
        [FromQuery(Name = "ngay")] string? day, [FromQuery(Name = "tep")] string? file, CancellationToken ct)
    {
        Title = "Báo cáo rà soát";
        if (await RefuseAsync(ct) is { } refused) return refused;
        AsOf = registry.Today;
        Pack = pack ?? (reports.Packs.Any(p => p.Id == "D42-2022") ? "D42-2022" : reports.Packs[0].Id);
        Scope = scope ?? "registry";
        if (file is null) return Page();
        var parsedScope = ReviewReportService.ParseScope(Scope);
        if (parsedScope is null) Errors.Add("Phạm vi phải là mọi trang trong sổ theo dõi hoặc chỉ trang đặt trên hệ thống.");
        if (!string.IsNullOrEmpty(day))
        {
            if (RegistryCells.TryParseDate(day, out var d) && d.Year is >= 2000 and <= 2100) AsOf = d;
            else Errors.Add($"Ngày rà soát \"{day}\" không hợp lệ.");
        }
        if (file is not ("docx" or "xlsx")) Errors.Add("Chọn tải báo cáo (DOCX) hoặc phụ lục (XLSX).");
        if (reports.Packs.All(p => p.Id != Pack)) Errors.Add($"Không có gói quy tắc \"{Pack}\".");
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var data = await reports.BuildAsync(Pack, parsedScope!.Value, AsOf, ct);
        var stamp = AsOf.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return file == "docx"
            ? File(ReviewReportDocx.Write(data, reports.Template), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"bao-cao-ra-soat-{data.Pack.Id}-{stamp}.docx")
            : File(ReviewAppendix.Write(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"phu-luc-ra-soat-{data.Pack.Id}-{stamp}.xlsx");
    }
}
