using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Exports;
using MinhBach.Features.Public;
using MinhBach.Features.Ratings;

namespace MinhBach.Features.Admin.Ratings;

/// <summary>
/// /quan-tri/muc-do-hai-long: what visitors answered to "Thông tin này có hữu ích không?" on this site, per page (useful, not
/// useful, share), the latest comments (shown as text), over a period and for a kind of page; the same as XLSX.
/// Editors and above of the site, and province reviewers, read it.
/// </summary>
public sealed class RatingReportModel(AppDb db, TimeProvider clock) : AdminPageModel
{
    public const int MaxPages = 500;
    public const int MaxComments = 50;

    public static readonly IReadOnlyList<(string Key, string Label)> Periods =
    [
        ("7-ngay", "7 ngày qua"), ("30-ngay", "30 ngày qua"), ("nam-nay", "Năm nay"), ("tat-ca", "Từ trước đến nay"),
    ];

    public sealed record PageRow(string Kind, int RefId, string Title, string Path, int Useful, int NotUseful)
    {
        public int Total => Useful + NotUseful;
        public double Share => Total == 0 ? 0 : (double)Useful / Total;
    }

    public string Period { get; private set; } = "30-ngay";
    public string? Kind { get; private set; }
    public string? FromText { get; private set; }
    public string? ToText { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public string? Error { get; private set; }
    public RatingFigure Figure { get; private set; } = RatingFigure.None;
    public IReadOnlyList<PageRow> Pages { get; private set; } = [];
    public IReadOnlyList<Rating> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? ky, string? loai, string? tu, string? den, CancellationToken ct)
    {
        Title = "Đánh giá mức độ hài lòng";
        if (!await MayReadAsync(ct)) return Forbid();
        if (!Read(ky, loai, tu, den)) Response.StatusCode = StatusCodes.Status400BadRequest;
        else await LoadAsync(ct);
        return Page();
    }

    /// <summary>The same report as a workbook: one sheet per page, one of comments.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? ky, string? loai, string? tu, string? den, CancellationToken ct)
    {
        Title = "Đánh giá mức độ hài lòng";
        if (!await MayReadAsync(ct)) return Forbid();
        if (!Read(ky, loai, tu, den))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await LoadAsync(ct, allComments: true);
        var bytes = Spreadsheet.Xlsx(
        [
            new Spreadsheet.Sheet("Theo trang", ["Trang", "Loại", "Địa chỉ", "Hữu ích", "Không hữu ích", "Tổng", "Tỷ lệ hữu ích (%)"],
                Pages.Select(p => (IReadOnlyList<object?>)[p.Title, RatingKinds.Name(p.Kind), p.Path, p.Useful, p.NotUseful, p.Total, Math.Round(p.Share * 100, 1)])),
            new Spreadsheet.Sheet("Góp ý", ["Thời gian", "Trang", "Loại", "Hữu ích", "Góp ý"],
                Comments.Select(c => (IReadOnlyList<object?>)[VnTime.DateTimeText(c.At), c.Title, RatingKinds.Name(c.Kind), c.Useful ? "Có" : "Không", c.Comment])),
        ]);
        var name = string.Create(CultureInfo.InvariantCulture, $"danh-gia-{(Site.Slug.Length == 0 ? "cong" : Site.Slug)}-{From?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "dau"}-{To?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "nay"}.xlsx");
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>The query string of the current filter, for the export link.</summary>
    public string Filter(string? extra = null)
    {
        var parts = new List<string> { "ky=" + Period };
        if (Kind is not null) parts.Add("loai=" + Kind);
        if (FromText is not null) parts.Add("tu=" + Uri.EscapeDataString(FromText));
        if (ToText is not null) parts.Add("den=" + Uri.EscapeDataString(ToText));
        if (extra is not null) parts.Add(extra);
        return "?" + string.Join("&", parts);
    }

    private async Task<bool> MayReadAsync(CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        return Access.Has(SiteRole.Editor) || Access.User?.IsProvinceReviewer == true;
    }

    /// <summary>Reads the filter; dates typed by hand (tu, den: yyyy-mm-dd or dd/mm/yyyy) win over the period.</summary>
    private bool Read(string? ky, string? loai, string? tu, string? den)
    {
        Period = Periods.Any(p => p.Key == ky) ? ky! : "30-ngay";
        Kind = RatingKinds.IsKnown(loai) ? loai : null;
        var today = VnTime.Today(clock);
        (From, To) = Period switch
        {
            "7-ngay" => (today.AddDays(-6), today),
            "nam-nay" => (new DateOnly(today.Year, 1, 1), today),
            "tat-ca" => ((DateOnly?)null, (DateOnly?)null),
            _ => (today.AddDays(-29), today),
        };
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(loai) && Kind is null) errors.Add("Loại trang không có trong danh sách; đang xem mọi loại.");
        if (!string.IsNullOrWhiteSpace(tu) || !string.IsNullOrWhiteSpace(den))
        {
            FromText = string.IsNullOrWhiteSpace(tu) ? null : tu.Trim();
            ToText = string.IsNullOrWhiteSpace(den) ? null : den.Trim();
            var from = ParseDate(FromText);
            var to = ParseDate(ToText);
            if (FromText is not null && from is null) errors.Add($"Ngày bắt đầu \"{Cut(FromText)}\" không hợp lệ (ví dụ: 01/11/2026).");
            if (ToText is not null && to is null) errors.Add($"Ngày kết thúc \"{Cut(ToText)}\" không hợp lệ (ví dụ: 30/11/2026).");
            if (from is not null && to is not null && from > to) errors.Add("Ngày bắt đầu phải trước ngày kết thúc.");
            if (errors.Count == 0) (From, To, Period) = (from, to, "tu-chon");
        }
        if (errors.Count == 0) return true;
        Error = string.Join(" ", errors);
        return false;
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static DateOnly? ParseDate(string? s) =>
        s is null ? null
        : DateOnly.TryParseExact(s, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d
        : null;

    private async Task LoadAsync(CancellationToken ct, bool allComments = false)
    {
        var q = db.Ratings.AsNoTracking();
        if (From is DateOnly f) q = q.Where(r => r.Day >= f);
        if (To is DateOnly t) q = q.Where(r => r.Day <= t);
        if (Kind is not null) q = q.Where(r => r.Kind == Kind);
        var groups = await q.GroupBy(r => new { r.Kind, r.RefId })
            .Select(g => new { g.Key.Kind, g.Key.RefId, Useful = g.Count(r => r.Useful), NotUseful = g.Count(r => !r.Useful), Last = g.Max(r => r.Id) })
            .OrderByDescending(g => g.Useful + g.NotUseful).ThenByDescending(g => g.Last).Take(MaxPages).ToListAsync(ct);
        // Each page under the title it had at its latest rating.
        var lastIds = groups.Select(g => g.Last).ToList();
        var names = await db.Ratings.AsNoTracking().Where(r => lastIds.Contains(r.Id)).Select(r => new { r.Id, r.Title, r.Path }).ToDictionaryAsync(r => r.Id, ct);
        Pages = groups.Select(g => new PageRow(g.Kind, g.RefId, names[g.Last].Title, names[g.Last].Path, g.Useful, g.NotUseful)).ToList();
        Figure = new RatingFigure(await q.CountAsync(r => r.Useful, ct), await q.CountAsync(r => !r.Useful, ct));
        var comments = q.Where(r => r.Comment != null).OrderByDescending(r => r.At).ThenByDescending(r => r.Id);
        Comments = await (allComments ? comments.Take(10_000) : comments.Take(MaxComments)).ToListAsync(ct);
    }
}
