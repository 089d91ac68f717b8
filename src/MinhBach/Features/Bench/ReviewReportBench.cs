using System.Diagnostics;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Registry;
using MinhBach.Features.ReviewReport;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Bench;

/// <summary>
/// `./minhbach bench review-report [--sites 200]`: on a database of its own, a province of N websites (half hosted
/// component sites with news, half external ones in the registry), then the time to gather the report's data
/// (registry, every hosted site evaluated against D42-2022) and to write the DOCX and the XLSX appendix.
/// </summary>
public sealed class ReviewReportBench(IServiceProvider services, TextWriter output)
{
    public sealed record Result(int Sites, int Hosted, double SeedSeconds, double GatherSeconds, double WriteSeconds, int DocxBytes, int XlsxBytes)
    {
        public double TotalSeconds => GatherSeconds + WriteSeconds;
    }

    public async Task<Result> RunAsync(int sites, string packId, CancellationToken ct)
    {
        var seed = Stopwatch.StartNew();
        var hosted = sites / 2;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var now = DateTime.UtcNow;
            var portal = new Site { Slug = "", Name = "Cổng thông tin điện tử tỉnh Đông Minh", AgencyName = "UBND tỉnh Đông Minh", KindCode = "provincial-portal", CreatedAt = now, EmcEnabled = true, EmcSiteId = "1000", Hosts = [new SiteHost { Host = "dongminh.gov.vn" }] };
            db.Sites.Add(portal);
            await db.SaveChangesAsync(ct);
            var random = new Random(42);
            for (var i = 1; i < hosted; i++)
            {
                var site = new Site
                {
                    Slug = $"don-vi-{i:000}", Name = $"Trang thông tin điện tử Đơn vị {i:000}", AgencyName = $"Sở thử nghiệm số {i:000}", KindCode = i % 5 == 0 ? "commune" : "department",
                    ParentId = portal.Id, CreatedAt = now, Order = i, EmcEnabled = i % 7 != 0, EmcSiteId = i % 7 != 0 ? (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    Hosts = [new SiteHost { Host = $"donvi{i:000}.dongminh.gov.vn" }], ResponsiblePerson = i % 3 == 0 ? "" : "Nguyễn Văn A", Address = "Số 1, đường Trần Hưng Đạo", Phone = "0261 3500 000", Email = $"donvi{i:000}@dongminh.gov.vn",
                };
                db.Sites.Add(site);
                await db.SaveChangesAsync(ct);
                var category = new Category { SiteId = site.Id, Slug = "tin-tuc", Name = "Tin tức, sự kiện" };
                db.Categories.Add(category);
                await db.SaveChangesAsync(ct);
                for (var a = 0; a < 1 + random.Next(8); a++)
                    db.Articles.Add(new Article
                    {
                        SiteId = site.Id, CategoryId = category.Id, Slug = $"tin-{a}", Title = $"Hoạt động của đơn vị {i} trong tháng {a + 1}", Summary = "Tóm tắt", Body = "<p>Nội dung</p>",
                        Author = "Phóng viên", PublishedAt = now.AddDays(-random.Next(120)), UpdatedAt = now, Status = ArticleStatus.Published,
                    });
            }
            for (var i = 0; i < sites - hosted; i++)
                db.RegistryEntries.Add(new RegistryEntry
                {
                    UnitName = $"UBND xã Thử Nghiệm {i:000}", UnitKindCode = "commune", SiteTypeCode = i % 2 == 0 ? SiteTypes.Aggregated : SiteTypes.Agency,
                    Ipv6 = i % 4 != 0, Emc = i % 9 != 0, LicenceNumber = i % 6 == 0 ? null : $"{i}/GP-STTTT", LicenceExpiresOn = DateOnly.FromDateTime(now).AddDays(random.Next(-400, 1200)),
                    CreatedAt = now, UpdatedAt = now, Domains = [new RegistryDomain { Domain = $"xa{i:000}.dongminh.gov.vn" }],
                });
            await db.SaveChangesAsync(ct);
        }
        seed.Stop();
        output.WriteLine($"Đã tạo {sites} trang ({hosted} đặt trên hệ thống, {sites - hosted} bên ngoài) trong {seed.Elapsed.TotalSeconds:0.0} giây.");

        await using var run = services.CreateAsyncScope();
        var report = run.ServiceProvider.GetRequiredService<ReviewReportService>();
        var gather = Stopwatch.StartNew();
        var data = await report.BuildAsync(packId, ReportScope.Registry, null, ct);
        gather.Stop();
        var write = Stopwatch.StartNew();
        var (docx, xlsx) = report.Write(data);
        write.Stop();
        return new Result(data.Units.Count, hosted, seed.Elapsed.TotalSeconds, gather.Elapsed.TotalSeconds, write.Elapsed.TotalSeconds, docx.Length, xlsx.Length);
    }
}
