using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Documents;
using MinhBach.Features.Search;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Bench;

/// <summary>
/// `./minhbach bench search`: on a database of its own, scores the relevance set (MRR, nDCG@10 by group),
/// then fills the index with generated Vietnamese articles and documents across many sites and measures how
/// long the engine takes (in process, database included) for single words, phrases and document numbers.
/// </summary>
public sealed class SearchBench(IServiceProvider services, TextWriter output)
{
    public sealed record Latency(string Class, int Runs, double P50, double P95, double P99, double Max);
    public sealed record Result(string Provider, int Items, double Mrr, double Ndcg, IReadOnlyList<(string Group, double Mrr, double Ndcg, int Count)> Groups,
        double GenerateSeconds, IReadOnlyList<Latency> Latencies, string Machine);

    // Syllables of portal news with roughly their frequency (a Zipf-like draw gives common and rare words).
    private static readonly string[] Words = ("tỉnh xã phường huyện ủy ban nhân dân hội đồng sở ngành công tác triển khai thực hiện kế hoạch năm " +
        "phát triển kinh tế xã hội văn hóa giáo dục y tế du lịch nông nghiệp công nghiệp thương mại đầu tư dự án " +
        "đất đai tài nguyên môi trường xây dựng giao thông đường cầu cảng thủy lợi hồ đập phòng chống thiên tai bão lũ " +
        "cải cách hành chính thủ tục hồ sơ dịch vụ công trực tuyến chuyển đổi số chính quyền điện tử người dân doanh nghiệp " +
        "hội nghị tổng kết sơ kết kiểm tra giám sát thanh tra tiếp công dân khiếu nại tố cáo an ninh quốc phòng " +
        "học sinh sinh viên trường học giáo viên bệnh viện trạm tiêm chủng dịch bệnh sốt xuất huyết an toàn thực phẩm " +
        "lao động việc làm bảo hiểm xã hội người có công hộ nghèo đồng bào dân tộc thiểu số nông thôn mới " +
        "quy hoạch đô thị khu công nghiệp khu dân cư giải phóng mặt bằng bồi thường tái định cư đấu giá " +
        "lễ hội di tích thể thao giải đua ghe cà phê hồ tiêu lúa gạo trái cây thủy sản rừng trồng cây xanh").Split(' ');

    private static readonly string[] DocTypes = ["quyet-dinh", "chi-thi", "ke-hoach", "thong-bao", "cong-van", "nghi-quyet"];
    private static readonly string[] DocSuffix = ["QĐ-UBND", "CT-UBND", "KH-UBND", "TB-UBND", "UBND-VP", "NQ-HĐND"];

    public async Task<Result> RunAsync(int items, int sites, CancellationToken ct)
    {
        var provider = services.GetRequiredService<DatabaseInfo>().Provider.ToString();
        output.WriteLine($"Cơ sở dữ liệu: {provider}. Bộ đánh giá độ liên quan…");
        var (corpus, queries) = Relevance.Load();
        int portalId;
        Dictionary<(string, int), string> ids;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var portal = new Site { Slug = "", Name = "Cổng thông tin điện tử tỉnh Đông Minh", KindCode = "provincial-portal", CreatedAt = DateTime.UtcNow };
            db.Sites.Add(portal);
            await db.SaveChangesAsync(ct);
            portalId = portal.Id;
            ids = await Relevance.SeedAsync(db, portalId, corpus, ct);
        }
        Relevance.Report report;
        await using (var scope = services.CreateAsyncScope())
            report = await Relevance.EvaluateAsync(scope.ServiceProvider.GetRequiredService<SearchEngine>(), portalId, ids, queries, ct);
        output.WriteLine($"  {queries.Count} truy vấn: MRR {report.Mrr:0.000}, nDCG@10 {report.Ndcg:0.000}");
        foreach (var g in report.Groups)
            output.WriteLine($"    {g.Group,-11} {g.Count,3} truy vấn  MRR {g.Mrr:0.000}  nDCG@10 {g.Ndcg:0.000}");

        var generate = Stopwatch.StartNew();
        var siteIds = await GenerateAsync(items, sites, ct);
        generate.Stop();
        output.WriteLine($"Đã tạo {VietnameseText.FormatNumber(items)} mục trên {sites} trang trong {generate.Elapsed.TotalSeconds:0} giây.");

        var latencies = new List<Latency>();
        var random = new Random(7);
        var classes = new (string Name, Func<string> Query)[]
        {
            ("một từ phổ biến", () => Words[random.Next(20)]),
            ("một từ hiếm", () => Words[Words.Length - 1 - random.Next(30)]),
            ("cụm từ", () => string.Join(' ', Words.Skip(random.Next(Words.Length - 4)).Take(2 + random.Next(3)))),
            ("cụm không dấu", () => SearchText.Normalize(string.Join(' ', Words.Skip(random.Next(Words.Length - 3)).Take(3)))),
            ("số ký hiệu", () => $"{1 + random.Next(2000)}/{2020 + random.Next(7)}/{DocSuffix[random.Next(DocSuffix.Length)]}"),
        };
        foreach (var (name, next) in classes)
        {
            var times = new List<double>();
            for (var i = 0; i < 110; i++)
            {
                var q = next();
                var scopeSites = i % 2 == 0 ? siteIds : [siteIds[i % siteIds.Count]];
                await using var scope = services.CreateAsyncScope();
                var engine = scope.ServiceProvider.GetRequiredService<SearchEngine>();
                var started = Stopwatch.GetTimestamp();
                await engine.SearchAsync(new SearchQuery(q, scopeSites), ct);
                if (i >= 10) times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // the first runs warm caches up
            }
            times.Sort();
            double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
            latencies.Add(new Latency(name, times.Count, P(0.5), P(0.95), P(0.99), times[^1]));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms"));
        }
        var machine = $"{Environment.ProcessorCount} CPU, {Environment.OSVersion.VersionString}, .NET {Environment.Version}";
        return new Result(provider, items, report.Mrr, report.Ndcg, report.Groups.ToList(), generate.Elapsed.TotalSeconds, latencies, machine);
    }

    private async Task<List<int>> GenerateAsync(int items, int sites, CancellationToken ct)
    {
        var random = new Random(42);
        var siteIds = new List<int>();
        var categories = new List<int>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var portalId = await db.Sites.Where(s => s.Slug == "").Select(s => s.Id).FirstAsync(ct);
            for (var s = 1; s <= sites; s++)
            {
                var site = new Site { Slug = $"so-{s}", Name = $"Sở thứ {s}", KindCode = "department", ParentId = portalId, Order = s, CreatedAt = DateTime.UtcNow };
                db.Sites.Add(site);
                await db.SaveChangesAsync(ct);
                var cat = new Category { SiteId = site.Id, Slug = "tin-hoat-dong", Name = "Tin hoạt động" };
                db.Categories.Add(cat);
                await db.SaveChangesAsync(ct);
                siteIds.Add(site.Id);
                categories.Add(cat.Id);
            }
        }
        string Text(int words)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < words; i++)
            {
                // Zipf-like: low indexes are drawn far more often.
                var k = (int)(Words.Length * Math.Pow(random.NextDouble(), 2.2));
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(Words[Math.Min(k, Words.Length - 1)]);
            }
            return sb.ToString();
        }
        const int batch = 2000;
        var start = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var done = 0; done < items; done += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            for (var i = done; i < Math.Min(items, done + batch); i++)
            {
                var s = random.Next(siteIds.Count);
                var at = start.AddMinutes(random.Next(10 * 365 * 24 * 60));
                if (i % 10 == 9)
                {
                    var t = random.Next(DocTypes.Length);
                    var number = $"{1 + random.Next(2000)}/{at.Year}/{DocSuffix[t]}";
                    db.Documents.Add(new Document
                    {
                        SiteId = siteIds[s], Slug = $"vb-{i}", Number = number, TypeCode = DocTypes[t], Title = Text(12 + random.Next(12)),
                        IssuingBody = "UBND tỉnh Đông Minh", IssuedOn = DateOnly.FromDateTime(at), CreatedAt = at,
                    });
                }
                else
                {
                    var title = Text(8 + random.Next(10));
                    db.Articles.Add(new Article
                    {
                        SiteId = siteIds[s], CategoryId = categories[s], Slug = $"tin-{i}", Title = title, Summary = Text(25),
                        Body = "<p>" + Text(120 + random.Next(200)) + "</p>", Author = "Phóng viên", Status = ArticleStatus.Published,
                        PublishedAt = at, UpdatedAt = at,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            var made = Math.Min(items, done + batch);
            if (made % 20000 == 0 || made == items) output.WriteLine($"  đã tạo {VietnameseText.FormatNumber(made)}/{VietnameseText.FormatNumber(items)}");
        }
        return siteIds;
    }

    public static void Print(Result r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Tìm kiếm trên {r.Provider}, {VietnameseText.FormatNumber(r.Items)} mục (máy: {r.Machine})");
        output.WriteLine($"{"Loại truy vấn",-18} {"lần",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var l in r.Latencies)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Class,-18} {l.Runs,5} {l.P50,8:0.0} {l.P95,8:0.0} {l.P99,8:0.0} {l.Max,8:0.0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Độ liên quan: MRR {r.Mrr:0.000}, nDCG@10 {r.Ndcg:0.000}"));
    }
}
