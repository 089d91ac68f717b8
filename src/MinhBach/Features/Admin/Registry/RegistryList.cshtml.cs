using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Registry;

namespace MinhBach.Features.Admin.Registry;

/// <summary>/quan-tri/so-theo-doi: every government website of the province with filters, the seed-000 counts and the XLSX export.</summary>
public sealed class RegistryListModel(RegistryService registry, Catalogue.Catalogue catalogue, SiteTypes types, TimeProvider clock) : RegistryPageModel
{
    public IReadOnlyList<RegistryRow> All { get; private set; } = [];
    public IReadOnlyList<RegistryRow> Shown { get; private set; } = [];
    public RegistrySummary Summary { get; private set; } = null!;
    public RegistryFilter Filter { get; private set; } = new();
    public Catalogue.Catalogue Catalogue => catalogue;
    public SiteTypes Types => types;
    public int WarningDays => registry.WarningDays;
    public DateOnly Today => registry.Today;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "loai-don-vi")] string? kind, [FromQuery(Name = "loai-trang")] string? type,
        [FromQuery(Name = "trang-thai")] string? status, string? q, string? xuat, [FromQuery(Name = "xong")] string? done,
        int? them, int? sua, CancellationToken ct)
    {
        Title = "Sổ theo dõi trang thông tin điện tử";
        if (await RefuseAsync(ct) is { } refused) return refused;
        // Unknown filter values are dropped rather than refused: the list stays usable from an old bookmark.
        Filter = new RegistryFilter(
            catalogue.Kind(kind ?? "") is null ? null : kind,
            types.Get(type) is null ? null : type,
            RegistryFilter.Statuses.Any(s => s.Code == status) ? status : null,
            q is { Length: > 0 and <= 200 } ? q.Trim() : null);
        All = await registry.RowsAsync(ct: ct);
        Summary = RegistryRules.Summarise(All);
        Shown = All.Where(Filter.Matches).ToList();
        if (xuat == "xlsx")
            return File(RegistryExport.Xlsx(Shown), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"so-theo-doi-{clock.GetUtcNow():yyyyMMdd}.xlsx");
        // Notices are chosen by code, never taken as text from the address.
        Notice = done switch
        {
            "nhap" => $"Đã nhập sổ theo dõi: thêm {them ?? 0}, sửa {sua ?? 0} mục.",
            "luu" => "Đã lưu.",
            "xoa" => "Đã xóa khỏi sổ theo dõi.",
            _ => null,
        };
        return Page();
    }

    public string Query(string? extra = null) => string.Join("&", new[]
    {
        Filter.Kind is null ? null : "loai-don-vi=" + Uri.EscapeDataString(Filter.Kind),
        Filter.Type is null ? null : "loai-trang=" + Uri.EscapeDataString(Filter.Type),
        Filter.Status is null ? null : "trang-thai=" + Uri.EscapeDataString(Filter.Status),
        Filter.Words is null ? null : "q=" + Uri.EscapeDataString(Filter.Words),
        extra,
    }.Where(x => x is not null));
}
