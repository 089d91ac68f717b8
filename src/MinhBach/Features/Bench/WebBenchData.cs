using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Documents;
using MinhBach.Features.Search;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Bench;

/// <summary>
/// The province `bench web` measures: a portal and N-1 component sites with five categories each, generated articles
/// (<see cref="SearchCorpus"/>: news-length Vietnamese) and documents spread over ten years, their search entries,
/// and a system administrator for the publish-to-visible step. Written in bulk (<see cref="BulkWriter"/>); the
/// generator is deterministic, so the search entries are made in a second pass over the same items instead of
/// holding a million texts in memory.
/// </summary>
public sealed class WebBenchData(IServiceProvider services, TextWriter output)
{
    public const string AdminEmail = "bench@minhbach.invalid";
    public const string AdminPassword = "Bench-Do-Thu-2026";

    /// <summary>The addresses measured, all on the portal, and the size of the province they were made in. Kept in the
    /// bench database (table bench_web_plan), so that a kept one can be measured again (`--reuse`) without generating it anew.</summary>
    public sealed record Plan(string Home, string Category, string Article, string Search, int CategoryId, double Seconds,
        int Sites = 0, int Articles = 0, int Documents = 0);

    /// <summary>The plan stored by the run that made this database.</summary>
    public async Task<Plan> LoadPlanAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var json = await db.Database.SqlQueryRaw<string>("SELECT json AS \"Value\" FROM bench_web_plan").SingleAsync(ct);
        return System.Text.Json.JsonSerializer.Deserialize<Plan>(json)!;
    }

    private static readonly (string Slug, string Name)[] Categories =
        [("tin-hoat-dong", "Tin hoạt động"), ("thong-bao", "Thông báo"), ("chi-dao-dieu-hanh", "Chỉ đạo điều hành"), ("chuyen-doi-so", "Chuyển đổi số"), ("van-hoa-xa-hoi", "Văn hóa - Xã hội")];

    public async Task<Plan> CreateAsync(int sites, int articles, int documents, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var siteIds = new List<int>();
        var categoryIds = new List<int[]>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var portal = new Site
            {
                Slug = "", Name = "Cổng thông tin điện tử tỉnh Đo Thử", AgencyName = "UBND tỉnh Đo Thử", KindCode = "provincial-portal", CreatedAt = DateTime.UtcNow,
                Address = "1 Quảng trường tỉnh", Phone = "0260 3800 000", Email = "ubnd@dothu.gov.vn", ResponsiblePerson = "Nguyễn Văn An", ResponsiblePersonTitle = "Chánh Văn phòng",
            };
            db.Sites.Add(portal);
            await db.SaveChangesAsync(ct);
            var all = new List<Site> { portal };
            for (var s = 1; s < sites; s++)
                all.Add(new Site { Slug = $"so-{s}", Name = $"Sở thứ {s} tỉnh Đo Thử", AgencyName = $"Sở thứ {s}", KindCode = "department", ParentId = portal.Id, Order = s, CreatedAt = DateTime.UtcNow });
            db.Sites.AddRange(all.Skip(1));
            await db.SaveChangesAsync(ct);
            foreach (var site in all)
            {
                var cats = Categories.Select((c, i) => new Category { SiteId = site.Id, Slug = c.Slug, Name = c.Name, Order = i }).ToArray();
                db.Categories.AddRange(cats);
                await db.SaveChangesAsync(ct);
                siteIds.Add(site.Id);
                categoryIds.Add(cats.Select(c => c.Id).ToArray());
            }
            await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new AccountService.NewUser(AdminEmail, "Người đo hiệu năng", AdminPassword, SystemAdmin: true), AuditActor.System, ct);
        }
        output.WriteLine($"  {sites} trang, {sites * Categories.Length} chuyên mục.");

        var now = DateTime.UtcNow;
        var start = now.AddYears(-10);
        DateTime At(int k, int n) => start.AddTicks((now.AddHours(-1) - start).Ticks / Math.Max(1, n) * k);
        // Article k on site k mod N (so every site has its share, the portal included), one category after another.
        IEnumerable<Article> Articles()
        {
            var corpus = new SearchCorpus(42);
            for (var k = 0; k < articles; k++)
            {
                var s = k % siteIds.Count;
                var a = (Article)corpus.Next(k / 4 * 5 + k % 4, siteIds[s], categoryIds[s][k / siteIds.Count % Categories.Length], At(k, articles));
                a.Id = k + 1;
                a.TitleFolded = VietnameseText.Fold(a.Title);
                yield return a;
            }
        }
        IEnumerable<Document> Documents()
        {
            var corpus = new SearchCorpus(43);
            for (var k = 0; k < documents; k++)
            {
                var d = (Document)corpus.Next(k * 5 + 4, siteIds[k % siteIds.Count], 0, At(k, documents));
                d.Id = k + 1;
                d.TitleFolded = VietnameseText.Fold(d.Number + " " + d.Title);
                d.NumberKey = DocumentStatuses.NumberKey(d.Number);
                yield return d;
            }
        }

        await WriteAsync("tin bài", articles, Articles(), ct);
        if (documents > 0) await WriteAsync("văn bản", documents, Documents(), ct);

        // The search entries SearchIndexing would make on save, for the same items made again.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var channel = Channel.CreateBounded<SearchEntry>(2000);
            var producer = Task.Run(async () =>
            {
                try
                {
                    foreach (var item in Articles().Cast<object>().Concat(Documents()))
                        await channel.Writer.WriteAsync(SearchIndexing.Build(item, db.DocumentTypeName)!, ct);
                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            }, ct);
            var total = articles + documents;
            await new SearchBench(services, output).LoadIndexAsync(db, channel.Reader.ReadAllAsync(ct), Progress("chỉ mục tìm kiếm", total), ct);
            await producer;
        }

        // A portal article from the middle of the range: neither the newest (on the home page) nor the oldest.
        var middle = Enumerable.Range(0, articles).Where(k => k % siteIds.Count == 0).Select(k => k + 1).DefaultIfEmpty(1).ElementAt(Math.Max(0, articles / siteIds.Count / 2));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var article = await db.Articles.IgnoreQueryFilters().AsNoTracking().Include(a => a.Category).FirstAsync(a => a.Id == middle, ct);
            var plan = new Plan("/", $"/tin-tuc/{article.Category!.Slug}", $"/tin-tuc/{article.Category.Slug}/{article.Slug}",
                "/tim-kiem?q=" + Uri.EscapeDataString("chuyển đổi số"), article.CategoryId, started.Elapsed.TotalSeconds, sites, articles, documents);
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_web_plan (json TEXT NOT NULL)", ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO bench_web_plan (json) VALUES ({0})", [System.Text.Json.JsonSerializer.Serialize(plan)], ct);
            return plan;
        }
    }

    private async Task WriteAsync<T>(string what, int total, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await BulkWriter.WriteAsync(db, rows, Progress(what, total), ct);
    }

    private Action<int> Progress(string what, int total)
    {
        var started = Stopwatch.StartNew();
        var step = Math.Max(1, total / 10);
        return made =>
        {
            if (made % step != 0 && made != total) return;
            output.WriteLine($"  {what}: {VietnameseText.FormatNumber(made)}/{VietnameseText.FormatNumber(total)} " +
                $"({VietnameseText.FormatNumber((long)(made / Math.Max(started.Elapsed.TotalSeconds, 0.001)))}/giây)");
        };
    }
}
