using System.CommandLine;
using MinhBach.Features.Sites;
using MinhBach.Features.Statistics;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`activity-report --site SLUG|--all --from D --to D --out report.docx [--xlsx tables.xlsx]`: the monthly
/// activity report (seed 002 §1.5) with the figures the system counted.</summary>
internal static class ActivityReportCommand
{
    public static Command Create()
    {
        var cmd = new Command("activity-report", "Lập báo cáo hoạt động của một trang hoặc cả tỉnh trong một kỳ (DOCX, kèm bảng số liệu XLSX).") { TreatUnmatchedTokensAsErrors = false };
        var site = new Option<string?>("--site") { Description = "Đường dẫn của trang (\"/\" cho cổng tỉnh)" };
        var all = new Option<bool>("--all") { Description = "Cả tỉnh: mọi trang đang hoạt động" };
        var from = new Option<string?>("--from") { Description = "Từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)" };
        var to = new Option<string?>("--to") { Description = "Đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd)" };
        var output = new Option<string?>("--out") { Description = "Tệp báo cáo .docx" };
        var xlsx = new Option<string?>("--xlsx") { Description = "Tệp bảng số liệu .xlsx (không bắt buộc)" };
        foreach (var o in new Option[] { site, all, from, to, output, xlsx }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            var errors = new List<string>();
            var slug = pr.GetValue(site);
            var province = pr.GetValue(all);
            if (slug is null == !province) errors.Add("Hãy chọn một trong hai: --site ĐƯỜNG-DẪN (một trang) hoặc --all (cả tỉnh).");
            var docx = pr.GetValue(output);
            if (string.IsNullOrWhiteSpace(docx)) errors.Add("Hãy ghi tệp báo cáo: --out bao-cao.docx.");
            else if (!docx.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)) errors.Add($"Tệp báo cáo \"{docx}\" phải có đuôi .docx.");
            var tables = pr.GetValue(xlsx);
            if (tables is not null && !tables.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) errors.Add($"Tệp bảng số liệu \"{tables}\" phải có đuôi .xlsx.");
            if (errors.Count > 0)
            {
                Console.Error.WriteLine("Không lập được báo cáo:\n- " + string.Join("\n- ", errors));
                return 2;
            }

            await using var app = WebHost.Build([.. pr.UnmatchedTokens, "--Scheduling:Enabled=false"]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var stats = scope.ServiceProvider.GetRequiredService<ActivityStatistics>();
            var period = ReportPeriod.Parse(pr.GetValue(from), pr.GetValue(to), stats.Today, out var error);
            if (period is null)
            {
                Console.Error.WriteLine("Không lập được báo cáo: " + error);
                return 2;
            }
            StatisticsScope target;
            if (province) target = await stats.ProvinceAsync(ct);
            else
            {
                var snap = await scope.ServiceProvider.GetRequiredService<SiteDirectory>().GetAsync(ct);
                if (!snap.BySlug.TryGetValue(slug!.Trim('/'), out var s))
                {
                    Console.Error.WriteLine($"Không lập được báo cáo: không có trang \"{slug}\". Xem danh sách: ./minhbach site list");
                    return 2;
                }
                target = StatisticsScope.For(s);
            }
            var since = await stats.CountedSinceAsync(target, ct);
            if (StatisticsApi.NotCovered(target, period, since) is { } notCovered)
            {
                Console.Error.WriteLine("Không lập được báo cáo: " + notCovered);
                return 2;
            }
            var figures = await stats.ComputeAsync(target, period, since, ct);
            await WriteAsync(docx!, ActivityReport.Docx(figures), ct);
            if (tables is not null) await WriteAsync(tables, ActivityReport.Xlsx(figures), ct);
            Console.WriteLine("- " + ActivityReport.Paragraph(figures));
            foreach (var note in figures.Notes) Console.WriteLine("Ghi chú: " + note);
            Console.WriteLine($"Đã ghi báo cáo: {docx}{(tables is null ? "" : $" và bảng số liệu: {tables}")}.");
            return 0;
        });
        return cmd;
    }

    /// <summary>Written beside and moved into place, so a failed run never leaves half a file under the name asked for.</summary>
    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
    }
}
