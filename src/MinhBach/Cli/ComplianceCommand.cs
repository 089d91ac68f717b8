using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Compliance;
using MinhBach.Features.Sites;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`compliance --site SLUG|--all --pack ID [--json]`: the evaluation of hosted sites, as JSON (the shape of
/// issue 6, item 6) or as a Vietnamese table.</summary>
internal static class ComplianceCommand
{
    public static Command Create()
    {
        var cmd = new Command("compliance", "Đánh giá mức độ tuân thủ của trang theo gói quy tắc (D42-2022, D224-2026 …).") { TreatUnmatchedTokensAsErrors = false };
        var site = new Option<string?>("--site") { Description = "Đường dẫn của trang (\"/\" cho cổng tỉnh)" };
        var all = new Option<bool>("--all") { Description = "Mọi trang đang hoạt động" };
        var pack = new Option<string?>("--pack") { Description = "Mã gói quy tắc, ví dụ D224-2026 (mặc định: gói đang áp dụng)" };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON" };
        foreach (var o in new Option[] { site, all, pack, json }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            var slug = pr.GetValue(site);
            if (slug is null == !pr.GetValue(all))
            {
                Console.Error.WriteLine("Lỗi: hãy chọn một trang (--site ĐƯỜNG-DẪN, \"/\" cho cổng tỉnh) hoặc mọi trang (--all), không chọn cả hai.");
                return 2;
            }
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<ComplianceService>();
            var chosen = service.Pack(pr.GetValue(pack));
            if (chosen is null)
            {
                Console.Error.WriteLine($"Lỗi: không có gói quy tắc \"{pr.GetValue(pack)}\". Các gói hiện có: {string.Join(", ", service.Packs.All.Select(p => p.Id))}.");
                return 2;
            }
            Evaluation evaluation;
            if (slug is not null)
            {
                var key = slug.Trim().Trim('/');
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                var found = await db.Sites.AsNoTracking().Include(s => s.Hosts).FirstOrDefaultAsync(s => s.Slug == key, ct);
                if (found is null)
                {
                    Console.Error.WriteLine($"Lỗi: không tìm thấy trang \"{slug}\". Xem danh sách: ./minhbach site list");
                    return 2;
                }
                if (found.Status != SiteStatus.Active)
                {
                    Console.Error.WriteLine($"Lỗi: trang \"{slug}\" không còn hoạt động (đã sáp nhập hoặc đóng).");
                    return 2;
                }
                evaluation = new Evaluation(chosen.Id, DateTime.UtcNow, [await service.EvaluateAsync(chosen, found, ct)]);
            }
            else evaluation = await service.EvaluateAllAsync(chosen, ct);

            if (pr.GetValue(json)) Console.WriteLine(EvaluationJson.Write(evaluation));
            else Print(chosen, evaluation);
            return 0;
        });
        return cmd;
    }

    private static string N(decimal d) => d.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));

    private static void Print(RulePack pack, Evaluation e)
    {
        Console.WriteLine($"Gói quy tắc: {pack.Id} — {pack.Name}");
        foreach (var s in e.Sites.OrderByDescending(s => s.Score))
        {
            Console.WriteLine();
            Console.WriteLine($"{s.Name} ({(s.Site.Length == 0 ? "/" : "/" + s.Site + "/")}, {s.Url}): {N(s.Score)}/100 điểm");
            foreach (var h in s.Headings.Where(h => h.MaxPoints > 0))
                Console.WriteLine($"  Đề mục {h.Code,-3} {N(h.Points),6}/{N(h.MaxPoints),-4} {h.Name}");
            var gaps = s.Checks.Where(c => c.Status is not (CheckStatus.Pass or CheckStatus.NotApplicable)).ToList();
            if (gaps.Count == 0) { Console.WriteLine("  Đạt mọi quy tắc áp dụng."); continue; }
            foreach (var c in gaps)
                Console.WriteLine($"  {c.Id,-8} {StatusNames.Vietnamese(c.Status),-15} {N(c.Points),5}/{N(c.MaxPoints),-4} {c.Evidence}" +
                    (c.Override is { } o ? $" [ghi nhận của {o.By}: {o.Reason}]" : ""));
        }
    }
}
