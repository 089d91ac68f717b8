using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Exports;
using MinhBach.Features.Public;

namespace MinhBach.Features.Admin.Audit;

/// <summary>/quan-tri/nhat-ky: the site's audit trail, filtered, with CSV and XLSX export. Site admins, reviewers, system admins.</summary>
public sealed class AuditLogModel(AppDb db, TimeProvider clock) : AdminPageModel
{
    public const int PageSize = 50;
    public Paged<AuditEntry> Entries { get; private set; } = null!;
    public AuditFilter Filter { get; private set; } = new(null, null, null, null, null);
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tu, string? den, string? loai, string? nguoi, string? xuat, CancellationToken ct)
    {
        Title = "Nhật ký hoạt động";
        await Access.LoadAsync(ct);
        if (!(Access.Has(SiteRole.SiteAdmin) || Access.User?.IsProvinceReviewer == true)) return Forbid();
        DateOnly? from = null, to = null;
        if (!string.IsNullOrEmpty(tu)) { if (DateOnly.TryParseExact(tu, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)) from = f; else Error = "Ngày bắt đầu không hợp lệ."; }
        if (!string.IsNullOrEmpty(den)) { if (DateOnly.TryParseExact(den, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) to = d; else Error = "Ngày kết thúc không hợp lệ."; }
        if ((loai?.Length ?? 0) > 64 || (nguoi?.Length ?? 0) > 256) Error = "Bộ lọc quá dài.";
        if (Error is not null) return BadRequestPage();
        Filter = new AuditFilter(Site.Id, from, to, loai?.Trim(), nguoi?.Trim());
        var query = Filter.Apply(db).OrderByDescending(e => e.Sequence);

        if (xuat is "csv" or "xlsx")
        {
            var rows = (await query.Take(100_000).ToListAsync(ct)).Select(e => AuditFilter.Row(e, Site.Name));
            var name = $"nhat-ky-{Site.Slug.DefaultIfEmpty("cong")}-{clock.GetUtcNow():yyyyMMdd}";
            return xuat == "csv"
                ? File(Spreadsheet.Csv(AuditFilter.Headers, rows), "text/csv; charset=utf-8", name + ".csv")
                : File(Spreadsheet.Xlsx("Nhật ký", AuditFilter.Headers, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        var page = int.TryParse(Request.Query["trang"], out var p) && p is >= 1 and <= 100_000 ? p : 1;
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Entries = new Paged<AuditEntry>(items, page, PageSize, total, "/quan-tri/nhat-ky", QueryString(from, to, loai, nguoi));
        return Page();
    }

    private IActionResult BadRequestPage()
    {
        Filter = new AuditFilter(Site.Id, null, null, null, null);
        Entries = new Paged<AuditEntry>([], 1, PageSize, 0, "/quan-tri/nhat-ky");
        Response.StatusCode = 400;
        return Page();
    }

    public static string QueryString(DateOnly? from, DateOnly? to, string? action, string? user) => string.Join("&", new[]
    {
        from is null ? null : "tu=" + from.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        to is null ? null : "den=" + to.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string.IsNullOrEmpty(action) ? null : "loai=" + Uri.EscapeDataString(action),
        string.IsNullOrEmpty(user) ? null : "nguoi=" + Uri.EscapeDataString(user),
    }.Where(x => x is not null));
}

internal static class StringExtensions
{
    public static string DefaultIfEmpty(this string s, string fallback) => s.Length == 0 ? fallback : s;
}
