using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Accounts;
using MinhBach.Features.Exports;
using MinhBach.Features.Public;
using MinhBach.Features.Royalties;

namespace MinhBach.Features.Admin.Royalties;

/// <summary>/quan-tri/nhuan-but?thang=2026-11: the month's royalties per author, with XLSX export (one sheet per month). Editor-in-chief and above.</summary>
public sealed class RoyaltyStatementModel(RoyaltyService royalties, TimeProvider clock) : AdminPageModel
{
    public const int MaxExportMonths = 24;
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public RoyaltyStatement? Statement { get; private set; }
    public Month Month { get; private set; }
    public string? Error { get; private set; }
    public bool HasRates { get; private set; }

    /// <param name="thang">The month, 2026-11; this month when absent.</param>
    /// <param name="tu">With xuat=xlsx: the first month of a multi-month export (one sheet per month, up to thang).</param>
    /// <param name="xuat">"xlsx" to download instead of showing.</param>
    public async Task<IActionResult> OnGetAsync(string? thang, string? tu, string? xuat, CancellationToken ct)
    {
        Title = "Nhuận bút";
        await Access.LoadAsync(ct);
        if (!Access.Has(SiteRole.EditorInChief)) return Forbid();
        Month = Month.Of(clock.GetUtcNow().UtcDateTime);
        if (thang is not null)
        {
            if (!Month.TryParse(thang, out var m)) return BadRequestPage($"Tháng \"{Clip(thang)}\" không hợp lệ: hãy ghi năm-tháng, ví dụ {Month}.");
            Month = m;
        }
        var first = Month;
        if (tu is not null)
        {
            if (!Month.TryParse(tu, out first)) return BadRequestPage($"Tháng bắt đầu \"{Clip(tu)}\" không hợp lệ: hãy ghi năm-tháng, ví dụ {Month}.");
            if (first.Index > Month.Index) return BadRequestPage("Tháng bắt đầu phải trước hoặc trùng tháng kết thúc.");
            if (Month.Index - first.Index >= MaxExportMonths) return BadRequestPage($"Mỗi lần xuất tối đa {MaxExportMonths} tháng.");
        }
        if (xuat is not null && xuat != "xlsx") return BadRequestPage("Chỉ xuất được tệp Excel (xuat=xlsx).");

        if (xuat == "xlsx")
        {
            var sheets = new List<Spreadsheet.Sheet>();
            for (var m = first; m.Index <= Month.Index; m = m.Next)
            {
                var s = await royalties.StatementAsync(Site, m, ct);
                sheets.Add(new Spreadsheet.Sheet(m.SheetName, RoyaltyService.ExportHeaders, RoyaltyService.ExportRows(s).ToList()));
            }
            var slug = Site.Slug.Length == 0 ? "cong" : Site.Slug;
            var name = first.Index == Month.Index ? $"nhuan-but-{slug}-{Month}.xlsx" : $"nhuan-but-{slug}-{first}-den-{Month}.xlsx";
            return File(Spreadsheet.Xlsx(sheets), XlsxType, name);
        }
        Statement = await royalties.StatementAsync(Site, Month, ct);
        HasRates = (await royalties.RatesAsync(Site, ct)).Count > 0;
        return Page();
    }

    private IActionResult BadRequestPage(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string Clip(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
