using System.CommandLine;
using System.Globalization;
using MinhBach.Features.Registry;
using MinhBach.Features.ReviewReport;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`review-report --pack D42-2022 --out report.docx --appendix appendix.xlsx [--units registry|hosted] [--as-of yyyy-mm-dd]`.</summary>
internal static class ReviewReportCommand
{
    public static Command Create()
    {
        var cmd = new Command("review-report", "Tạo báo cáo rà soát (DOCX) và phụ lục (XLSX) theo một gói quy tắc.") { TreatUnmatchedTokensAsErrors = false };
        var pack = new Option<string>("--pack") { Required = true, Description = "Gói quy tắc, ví dụ D42-2022 hoặc D224-2026" };
        var output = new Option<string>("--out") { Required = true, Description = "Tệp báo cáo .docx" };
        var appendix = new Option<string?>("--appendix") { Description = "Tệp phụ lục .xlsx" };
        var units = new Option<string>("--units") { Description = "registry (mọi trang trong sổ theo dõi, mặc định) hoặc hosted (chỉ trang đặt trên hệ thống)", DefaultValueFactory = _ => "registry" };
        var asOf = new Option<string?>("--as-of") { Description = "Ngày rà soát (yyyy-mm-dd hoặc dd/mm/yyyy); mặc định hôm nay" };
        foreach (var o in new Option[] { pack, output, appendix, units, asOf }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            var outPath = pr.GetValue(output)!;
            var appendixPath = pr.GetValue(appendix);
            var errors = new List<string>();
            if (!outPath.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)) errors.Add("tệp báo cáo (--out) phải có đuôi .docx");
            if (appendixPath is not null && !appendixPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) errors.Add("tệp phụ lục (--appendix) phải có đuôi .xlsx");
            var scope = ReviewReportService.ParseScope(pr.GetValue(units));
            if (scope is null) errors.Add($"--units \"{pr.GetValue(units)}\" không hợp lệ (registry hoặc hosted)");
            DateOnly? day = null;
            if (pr.GetValue(asOf) is { } text)
            {
                if (RegistryCells.TryParseDate(text, out var d) && d.Year is >= 2000 and <= 2100) day = d;
                else errors.Add($"ngày rà soát \"{text}\" không hợp lệ (yyyy-mm-dd hoặc dd/mm/yyyy)");
            }
            if (errors.Count > 0)
            {
                Console.Error.WriteLine("Lỗi: " + string.Join("; ", errors) + ".");
                return 2;
            }
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scopeServices = app.Services.CreateScope();
            var service = scopeServices.ServiceProvider.GetRequiredService<ReviewReportService>();
            ReviewReportData data;
            try
            {
                data = await service.BuildAsync(pr.GetValue(pack), scope!.Value, day, ct);
            }
            catch (ReviewReportException e)
            {
                Console.Error.WriteLine("Lỗi: " + e.Message);
                return 2;
            }
            await WriteAsync(outPath, ReviewReportDocx.Write(data, service.Template), ct);
            if (appendixPath is not null) await WriteAsync(appendixPath, ReviewAppendix.Write(data), ct);
            var s = data.Summary;
            Console.WriteLine($"Đã tạo báo cáo rà soát theo gói {data.Pack.Id}, ngày {ReviewFormat.ShortDate(data.AsOf)}: {s.Total} trang, " +
                $"{data.Evaluated.Count()} đã đánh giá, {data.NotEvaluated.Count()} chưa đánh giá; IPv6 {RegistrySummary.Ratio(s.Ipv6Yes, s.Total)}, " +
                $"EMC {RegistrySummary.Ratio(s.EmcYes, s.Total)}, giấy phép còn hiệu lực {RegistrySummary.Ratio(s.LicenceValid, s.LicenceRequired)}.");
            Console.WriteLine($"  {outPath}{(appendixPath is null ? "" : "\n  " + appendixPath)}");
            return 0;
        });
        return cmd;
    }

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
    }
}
