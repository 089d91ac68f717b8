using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Public;
using MinhBach.Features.Statistics;

namespace MinhBach.Features.Admin.Statistics;

/// <summary>
/// /quan-tri/thong-ke?tu=…&amp;den=…[&amp;pham-vi=tinh][&amp;xuat=docx|xlsx]: visits with comparisons, top pages, sources,
/// content published, documents, Q&amp;A, and the monthly report to download. Any role on the site (and the province
/// reviewer) reads its site; the whole province is read on the portal by the system administrator and the reviewer.
/// </summary>
public sealed class StatisticsDashboardModel(ActivityStatistics stats) : AdminPageModel
{
    public ActivityFigures? Figures { get; private set; }
    public string? Error { get; private set; }
    public bool CanSeeProvince { get; private set; }
    public bool Province { get; private set; }
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    /// <summary>The charts' figures for the script that draws them; the same figures are in the tables.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(string? tu, string? den, [FromQuery(Name = "pham-vi")] string? phamVi, string? xuat, CancellationToken ct)
    {
        Title = "Thống kê";
        await Access.LoadAsync(ct);
        CanSeeProvince = Site.ParentId is null && (Access.User?.IsSystemAdmin == true || Access.User?.IsProvinceReviewer == true);
        var today = stats.Today;
        // The last 30 days unless asked; an end given empty is a mistake to explain, not a default.
        From = Request.Query.ContainsKey("tu") ? tu ?? "" : today.AddDays(-29).ToString("yyyy-MM-dd");
        To = Request.Query.ContainsKey("den") ? den ?? "" : today.ToString("yyyy-MM-dd");
        if (phamVi is not (null or "" or "trang" or "tinh")) return BadRequestPage($"Phạm vi \"{Clip(phamVi)}\" không hợp lệ.");
        if (phamVi == "tinh")
        {
            if (!CanSeeProvince) return Forbid();
            Province = true;
        }
        if (xuat is not (null or "" or "docx" or "xlsx")) return BadRequestPage("Chỉ tải được báo cáo Word (xuat=docx) hoặc bảng số liệu Excel (xuat=xlsx).");
        var period = ReportPeriod.Parse(From, To, today, out var error);
        if (period is null) return BadRequestPage(error!);
        From = period.From.ToString("yyyy-MM-dd");
        To = period.To.ToString("yyyy-MM-dd");
        var scope = Province ? await stats.ProvinceAsync(ct) : StatisticsScope.For(Site);
        var since = await stats.CountedSinceAsync(scope, ct);
        if (StatisticsApi.NotCovered(scope, period, since) is { } notCovered) return BadRequestPage(notCovered);
        Figures = await stats.ComputeAsync(scope, period, since, ct);

        if (xuat is "docx" or "xlsx")
        {
            var name = $"bao-cao-hoat-dong-{(Province ? "ca-tinh" : Site.Slug.Length == 0 ? "cong" : Site.Slug)}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.{xuat}";
            return xuat == "docx"
                ? File(ActivityReport.Docx(Figures), ActivityReport.DocxType, name)
                : File(ActivityReport.Xlsx(Figures), ActivityReport.XlsxType, name);
        }
        ChartJson = JsonSerializer.Serialize(Charts(Figures));
        return Page();
    }

    private static object Charts(ActivityFigures f) => new
    {
        days = new
        {
            type = "line",
            labels = f.Days.Select(d => d.Day.ToString("dd/MM")),
            series = new[] { new { label = "Lượt truy cập", data = f.Days.Select(d => d.Views) }, new { label = "Người truy cập", data = f.Days.Select(d => d.Visitors) } },
        },
        months = new
        {
            type = "bar",
            labels = f.Months.Select(m => m.Label),
            series = new[] { new { label = "Lượt truy cập", data = f.Months.Select(m => m.Views) }, new { label = "Cùng kỳ năm trước", data = f.Months.Select(m => m.LastYear) } },
        },
        referrers = Bar("Lượt xem", f.Referrers),
        devices = Bar("Lượt xem", f.Devices),
        categories = Bar("Tin, bài", f.ArticlesByCategory),
        types = Bar("Văn bản", f.DocumentsByType),
    };

    private static object Bar(string label, IReadOnlyList<NamedCount> rows) => new
    {
        type = "bar",
        labels = rows.Select(r => r.Name),
        series = new[] { new { label, data = rows.Select(r => r.Count) } },
    };

    /// <summary>A link to this page for another period or scope, keeping the rest.</summary>
    public string Link(string? from = null, string? to = null, string? export = null)
    {
        var q = new List<string> { "tu=" + Uri.EscapeDataString(from ?? From), "den=" + Uri.EscapeDataString(to ?? To) };
        if (Province) q.Add("pham-vi=tinh");
        if (export is not null) q.Add("xuat=" + export);
        return Url.Site("/quan-tri/thong-ke") + "?" + string.Join("&", q);
    }

    private IActionResult BadRequestPage(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string Clip(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
