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
    /// <param name="CpuP50">Time on a CPU (this process, and a PostgreSQL server on this machine), see <see cref="CpuClock"/>; null where not measurable.</param>
    /// <param name="Slowest">The class's slowest queries as asked, with where ("cả tỉnh" or one site) and their time: what to look at first.</param>
    public sealed record Latency(string Class, int Runs, double P50, double P95, double P99, double Max, double? CpuP50 = null, double? CpuP95 = null,
        IReadOnlyList<Asked>? Slowest = null);

    /// <summary>One query as the bench asked it: its text, where ("cả tỉnh" or "một trang") and how long it took.</summary>
    public sealed record Asked(string Query, string Scope, double Ms);
    public sealed record Result(string Provider, int Items, double Mrr, double Ndcg, IReadOnlyList<(string Group, double Mrr, double Ndcg, int Count)> Groups,
        double GenerateSeconds, IReadOnlyList<Latency> Latencies, string Machine, string? LoadBefore = null, string? LoadAfter = null, bool CpuCountsServer = false);

    /// <summary>What the queries are drawn from, kept in the bench database so that a kept one can be measured again
    /// (`--reuse`) without generating it anew.</summary>
    private sealed record Plan(int Items, int Sites, double Mrr, double Ndcg, List<(string Group, double Mrr, double Ndcg, int Count)> Groups,
        double GenerateSeconds, List<int> SiteIds, List<(string Term, double Share)> Common, List<(string Term, double Share)> Rare,
        List<string> Phrases, List<string> Numbers);

    private static readonly System.Text.Json.JsonSerializerOptions PlanJson = new() { IncludeFields = true };

    public async Task<Result> RunAsync(int items, int sites, bool reuse, CancellationToken ct)
    {
        var provider = services.GetRequiredService<DatabaseInfo>().Provider.ToString();
        var plan = reuse ? await LoadPlanAsync(ct) : await PrepareAsync(provider, items, sites, ct);
        if (reuse)
            output.WriteLine($"Cơ sở dữ liệu: {provider}, đo lại trên {VietnameseText.FormatNumber(plan.Items)} mục đã tạo (độ liên quan của lần tạo: MRR {plan.Mrr:0.000}).");
        var (siteIds, common, rare) = (plan.SiteIds, plan.Common, plan.Rare);
        var latencies = new List<Latency>();
        var random = new Random(7);
        // Words by the share of items holding them (measured while generating): common ones in 2–40% of the items.
        if (common.Count > 0)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Từ phổ biến: {common.Count} từ, có trong {100 * common.Min(t => t.Share):0.#}–{100 * common.Max(t => t.Share):0.#}% số mục; từ hiếm: {rare.Count} từ."));
        string Pick(IReadOnlyList<(string Term, double Share)> terms) => terms.Count == 0 ? "tỉnh" : terms[random.Next(terms.Count)].Term;
        string Phrase() => plan.Phrases.Count == 0 ? "kế hoạch phát triển" : plan.Phrases[random.Next(plan.Phrases.Count)];
        string Number()
        {
            if (plan.Numbers.Count == 0) return "123/QĐ-UBND";
            var number = plan.Numbers[random.Next(plan.Numbers.Count)];
            var parts = number.Split('/');
            // As people type them: whole, without diacritics, the sign then the figure ("qđ 123"), or its start ("123/QĐ").
            return random.Next(4) switch
            {
                0 => number,
                1 => VietnameseText.Fold(number),
                2 => parts[^1].Split('-')[0].ToLowerInvariant() + " " + parts[0],
                _ => parts[0] + "/" + parts[^1].Split('-')[0],
            };
        }
        var classes = new (string Name, Func<string> Query)[]
        {
            ("một từ phổ biến", () => Pick(common)),
            ("một từ hiếm", () => Pick(rare)),
            ("cụm từ", Phrase),
            ("cụm không dấu", () => VietnameseText.Fold(Phrase())),
            ("số ký hiệu", Number),
        };
        int? backend = null;
        if (provider == nameof(DatabaseProvider.Postgres))
        {
            await using var scope = services.CreateAsyncScope();
            backend = await scope.ServiceProvider.GetRequiredService<AppDb>().Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync(ct);
        }
        var cpuClock = CpuClock.Create(backend);
        // A server answers with warm code: a round of every class first, so that the .NET runtime's tiered compilation
        // (a method is compiled again, optimised, after some 30 calls, on a background thread) is not timed.
        for (var i = 0; i < 30; i++)
            foreach (var (_, next) in classes)
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SearchEngine>().SearchAsync(new SearchQuery(next(), i % 2 == 0 ? siteIds : [siteIds[i % siteIds.Count]]), ct);
            }
        var loadBefore = CpuClock.LoadAverage();
        foreach (var (name, next) in classes)
        {
            var times = new List<double>();
            var cpu = new List<double>();
            var asked = new List<Asked>();
            for (var i = 0; i < 110; i++)
            {
                var q = next();
                var scopeSites = i % 2 == 0 ? siteIds : [siteIds[i % siteIds.Count]];
                await using var scope = services.CreateAsyncScope();
                var engine = scope.ServiceProvider.GetRequiredService<SearchEngine>();
                var onCpu = cpuClock?.Start();
                var started = Stopwatch.GetTimestamp();
                await engine.SearchAsync(new SearchQuery(q, scopeSites), ct);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (i < 10) continue; // the first runs warm caches up
                times.Add(elapsed);
                asked.Add(new Asked(q, scopeSites.Count > 1 ? "cả tỉnh" : "một trang", elapsed));
                if (onCpu is { } start) cpu.Add(cpuClock!.Stop(start) / 1e6);
            }
            times.Sort();
            cpu.Sort();
            static double P(List<double> values, double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
            double? Cpu(double p) => cpu.Count == 0 ? null : P(cpu, p);
            latencies.Add(new Latency(name, times.Count, P(times, 0.5), P(times, 0.95), P(times, 0.99), times[^1], Cpu(0.5), Cpu(0.95),
                asked.OrderByDescending(a => a.Ms).Take(3).ToList()));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: p50 {P(times, 0.5):0.0} ms, p95 {P(times, 0.95):0.0} ms") +
                (cpu.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" (CPU: p50 {Cpu(0.5):0.0} ms, p95 {Cpu(0.95):0.0} ms)")));
        }
        var machine = $"{Environment.ProcessorCount} CPU, {Environment.OSVersion.VersionString}, .NET {Environment.Version}";
        return new Result(provider, plan.Items, plan.Mrr, plan.Ndcg, plan.Groups, plan.GenerateSeconds, latencies, machine,
            loadBefore, CpuClock.LoadAverage(), cpuClock?.CountsServer == true);
    }

    private async Task<Plan> PrepareAsync(string provider, int items, int sites, CancellationToken ct)
    {
        output.WriteLine($"Cơ sở dữ liệu: {provider}. Bộ đánh giá độ liên quan…");
        var (relevanceCorpus, queries) = Relevance.Load();
        int portalId;
        Dictionary<(string, int), string> ids;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var portal = new Site { Slug = "", Name = "Cổng thông tin điện tử tỉnh Đông Minh", KindCode = "provincial-portal", CreatedAt = DateTime.UtcNow };
            db.Sites.Add(portal);
            await db.SaveChangesAsync(ct);
            portalId = portal.Id;
            ids = await Relevance.SeedAsync(db, portalId, relevanceCorpus, ct);
        }
        Relevance.Report report;
        await using (var scope = services.CreateAsyncScope())
            report = await Relevance.EvaluateAsync(scope.ServiceProvider.GetRequiredService<SearchEngine>(), portalId, ids, queries, ct);
        output.WriteLine($"  {queries.Count} truy vấn: MRR {report.Mrr:0.000}, nDCG@10 {report.Ndcg:0.000}");
        foreach (var g in report.Groups)
            output.WriteLine($"    {g.Group,-11} {g.Count,3} truy vấn  MRR {g.Mrr:0.000}  nDCG@10 {g.Ndcg:0.000}");

        var generate = Stopwatch.StartNew();
        var corpus = new SearchCorpus(42);
        var siteIds = await GenerateAsync(corpus, items, sites, ct);
        generate.Stop();
        output.WriteLine($"Đã tạo {VietnameseText.FormatNumber(items)} mục trên {sites} trang trong {generate.Elapsed.TotalSeconds:0} giây.");
        var plan = new Plan(items, sites, report.Mrr, report.Ndcg, report.Groups.ToList(), generate.Elapsed.TotalSeconds, siteIds,
            corpus.TermsIn(0.02, 0.4).ToList(), corpus.TermsIn(0.0001, 0.005).ToList(), corpus.Phrases.ToList(), corpus.Numbers.ToList());
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_plan (json TEXT NOT NULL)", ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO bench_plan (json) VALUES ({0})", [System.Text.Json.JsonSerializer.Serialize(plan, PlanJson)], ct);
        }
        return plan;
    }

    private async Task<Plan> LoadPlanAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        try
        {
            var json = await db.Database.SqlQueryRaw<string>("SELECT json AS \"Value\" FROM bench_plan").SingleAsync(ct);
            return System.Text.Json.JsonSerializer.Deserialize<Plan>(json, PlanJson)!;
        }
        catch (System.Data.Common.DbException)
        {
            // Kept before plans were stored: the generator is deterministic, so making the same items again (without
            // writing them) gives the same words, phrases and numbers. The relevance of that run is not known here.
            output.WriteLine("Chưa lưu các truy vấn đo: sinh lại nội dung (không ghi) để lấy chúng…");
            var items = await db.SearchEntries.CountAsync(e => e.RefId < 0, ct);
            var siteIds = await db.Sites.Where(s => s.Slug.StartsWith("so-")).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
            var corpus = new SearchCorpus(42);
            // The dates as GenerateAsync drew them (numbers depend on the year), from the first item's date.
            var first = await db.SearchEntries.Where(e => e.RefId == -1).Select(e => e.Date).FirstAsync(ct);
            var span = first.AddYears(10) - first;
            var step = span.Ticks / Math.Max(1, items);
            var random = new Random(43);
            random.Next(siteIds.Count);
            var start = first.AddTicks(-random.NextInt64(step + 1));
            for (var i = 0; i < items; i++)
            {
                if (i > 0) random.Next(siteIds.Count);
                var at = i == 0 ? first : start.AddTicks(step * i + random.NextInt64(step + 1));
                corpus.Next(i, 0, 0, at);
            }
            return new Plan(items, siteIds.Count, -1, -1, [], 0, siteIds, corpus.TermsIn(0.02, 0.4).ToList(), corpus.TermsIn(0.0001, 0.005).ToList(),
                corpus.Phrases.ToList(), corpus.Numbers.ToList());
        }
    }

    private async Task<List<int>> GenerateAsync(SearchCorpus corpus, int items, int sites, CancellationToken ct)
    {
        var siteIds = new List<int>();
        var categories = new List<int>();
        await using var scope = services.CreateAsyncScope();
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

        // The search index is filled directly with the entries SearchIndexing makes for the generated articles and
        // documents (search reads nothing else), in bulk: COPY on PostgreSQL, one transaction of prepared inserts on SQLite.
        var random = new Random(43);
        var clock = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var start = clock.AddYears(-10);
        var step = (clock - start).Ticks / Math.Max(1, items);
        var making = TimeSpan.Zero;
        IEnumerable<SearchEntry> Entries()
        {
            for (var i = 0; i < items; i++)
            {
                var s = random.Next(siteIds.Count);
                var at = start.AddTicks(step * i + random.NextInt64(step + 1));
                var before = Stopwatch.GetTimestamp();
                var item = corpus.Next(i, siteIds[s], categories[s], at);
                var entry = SearchIndexing.Build(item, db.DocumentTypeName)!;
                entry.RefId = -(i + 1); // never the id of a real item
                making += Stopwatch.GetElapsedTime(before);
                yield return entry;
            }
        }
        var started = Stopwatch.GetTimestamp();
        void Progress(int made)
        {
            if (made % (items >= 200_000 ? 50_000 : 10_000) != 0 && made != items) return;
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            output.WriteLine($"  đã tạo {VietnameseText.FormatNumber(made)}/{VietnameseText.FormatNumber(items)} ({VietnameseText.FormatNumber((int)(made / Math.Max(seconds, 0.001)))} mục/giây)");
        }
        // Making the entries (text, normal forms) takes as long as writing them: one thread makes, the other writes.
        var channel = System.Threading.Channels.Channel.CreateBounded<SearchEntry>(2000);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var e in Entries()) await channel.Writer.WriteAsync(e, ct);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, ct);
        var made = channel.Reader.ReadAllAsync(ct);
        await LoadIndexAsync(db, made, Progress, ct);
        await producer;
        output.WriteLine($"  (sinh nội dung: {making.TotalSeconds:0} giây, song song với việc ghi)");
        return siteIds;
    }

    /// <summary>Fills the search index with ready entries in bulk (also for `bench web`).</summary>
    internal async Task LoadIndexAsync(AppDb db, IAsyncEnumerable<SearchEntry> entries, Action<int> progress, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await CopyAsync(db, entries, progress, ct);
        else await InsertAsync(db, entries, progress, ct);
        SearchVocabulary.Changed(); // the bulk load went round SearchIndexing, which says so on every save
    }

    private static readonly string[] Columns = ["SiteId", "Kind", "RefId", "TypeCode", "Date", "Year", "Number", "Title", "IndexNumber", "IndexTitle", "Text", "IndexText"];

    private async Task CopyAsync(AppDb db, IAsyncEnumerable<SearchEntry> entries, Action<int> progress, CancellationToken ct)
    {
        var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        // A GIN index is built far faster once over all rows than row by row: the same index is made again after the load.
        var definition = await db.Database.SqlQueryRaw<string>(
            "SELECT pg_get_indexdef(c.oid) AS \"Value\" FROM pg_class c WHERE c.relname = {0} AND pg_table_is_visible(c.oid)", SearchIndexes.IndexName)
            .FirstOrDefaultAsync(ct) ?? SearchIndexes.GinIndex;
        await db.Database.ExecuteSqlRawAsync("DROP INDEX IF EXISTS \"IX_SearchEntries_Vector\"", ct);
        var made = 0;
        await using (var copy = await conn.BeginBinaryImportAsync(
            $"COPY \"SearchEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            // Finishing the load (the generated tsvectors, checkpoints) can take minutes on a busy machine, not 30 seconds.
            copy.Timeout = TimeSpan.FromHours(2);
            await foreach (var e in entries)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.SiteId, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.Kind, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.RefId, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                if (e.TypeCode is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(e.TypeCode, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Date, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(e.Year, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                if (e.Number is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(e.Number, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Title, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.IndexNumber, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.IndexTitle, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Text, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.IndexText, NpgsqlTypes.NpgsqlDbType.Text, ct);
                progress(++made);
            }
            await copy.CompleteAsync(ct);
        }
        output.WriteLine(definition.Contains("USING rum", StringComparison.Ordinal) ? "  đang lập chỉ mục RUM…" : "  đang lập chỉ mục GIN…");
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        await db.Database.ExecuteSqlRawAsync(definition.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), ct);
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"SearchEntries\"", ct);
    }

    private static async Task InsertAsync(AppDb db, IAsyncEnumerable<SearchEntry> entries, Action<int> progress, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"SearchEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        var parameters = Columns.ToDictionary(c => c, c =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "$" + c;
            cmd.Parameters.Add(p);
            return p;
        });
        cmd.Prepare();
        var made = 0;
        await foreach (var e in entries)
        {
            parameters["SiteId"].Value = e.SiteId;
            parameters["Kind"].Value = e.Kind;
            parameters["RefId"].Value = e.RefId;
            parameters["TypeCode"].Value = (object?)e.TypeCode ?? DBNull.Value;
            // As EF stores it on SQLite.
            parameters["Date"].Value = e.Date.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            parameters["Year"].Value = e.Year;
            parameters["Number"].Value = (object?)e.Number ?? DBNull.Value;
            parameters["Title"].Value = e.Title;
            parameters["IndexNumber"].Value = e.IndexNumber;
            parameters["IndexTitle"].Value = e.IndexTitle;
            parameters["Text"].Value = e.Text;
            parameters["IndexText"].Value = e.IndexText;
            await cmd.ExecuteNonQueryAsync(ct);
            progress(++made);
        }
        await tx.CommitAsync(ct);
        // As after a rebuild: FTS5's segments merged into one, statistics, the write-ahead log folded into the file.
        await using var after = conn.CreateCommand();
        after.CommandText = "INSERT INTO search_fts(search_fts) VALUES('optimize'); ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await after.ExecuteNonQueryAsync(ct);
    }

    public static void Print(Result r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Tìm kiếm trên {r.Provider}, {VietnameseText.FormatNumber(r.Items)} mục (máy: {r.Machine})");
        output.WriteLine($"{"Loại truy vấn",-18} {"lần",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"CPU p50",8} {"CPU p95",8}");
        foreach (var l in r.Latencies)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{l.Class,-18} {l.Runs,5} {l.P50,8:0.0} {l.P95,8:0.0} {l.P99,8:0.0} {l.Max,8:0.0} {l.CpuP50,8:0.0} {l.CpuP95,8:0.0}"));
        foreach (var l in r.Latencies.Where(l => l.Slowest is { Count: > 0 }))
            output.WriteLine($"Chậm nhất, {l.Class}: " + string.Join("; ", l.Slowest!.Select(s => string.Create(CultureInfo.InvariantCulture, $"\"{s.Query}\" ({s.Scope}) {s.Ms:0.0} ms"))));
        if (r.LoadBefore is not null)
            output.WriteLine($"Tải trung bình 1 phút của máy lúc đo: {r.LoadBefore} → {r.LoadAfter}. Cột CPU: thời gian trên CPU của tiến trình này" +
                (r.CpuCountsServer ? " và của máy chủ PostgreSQL" : "") + " cho mỗi truy vấn, tức thời gian trả lời khi có một lõi rảnh.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Độ liên quan: MRR {r.Mrr:0.000}, nDCG@10 {r.Ndcg:0.000}"));
    }
}
