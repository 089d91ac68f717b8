using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Text;

namespace MinhBach.Features.Search;

/// <summary>
/// The relevance set in data/search-relevance: a fixed corpus and Vietnamese queries with the items that must
/// come first. Loaded into a site, every query is run through <see cref="SearchEngine"/> and scored by
/// reciprocal rank (of the first expected item) and nDCG@10 (expected items gain 2, other relevant ones 1).
/// The tests hold the engine to it; `./minhbach bench search` prints it.
/// </summary>
public static class Relevance
{
    public sealed record Item(string Id, string Kind, string Date, string Title, string Text, string? Number, string? Type);
    public sealed record Query(string Q, string[] Expect, string[] Also, string Group, string? Twin);
    public sealed record QueryScore(Query Query, double ReciprocalRank, double Ndcg, IReadOnlyList<string> Top, double Milliseconds);

    public sealed record Report(IReadOnlyList<QueryScore> Scores)
    {
        public double Mrr => Scores.Average(s => s.ReciprocalRank);
        public double Ndcg => Scores.Average(s => s.Ndcg);
        public IEnumerable<(string Group, double Mrr, double Ndcg, int Count)> Groups =>
            Scores.GroupBy(s => s.Query.Group).Select(g => (g.Key, g.Average(s => s.ReciprocalRank), g.Average(s => s.Ndcg), g.Count()));
        public double GroupMrr(string group) => Scores.Where(s => s.Query.Group == group).Average(s => s.ReciprocalRank);
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record CorpusFile([property: JsonPropertyName("items")] List<Item> Items);
    private sealed record QueriesFile([property: JsonPropertyName("queries")] List<Query> Queries);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "search-relevance");

    public static (List<Item> Corpus, List<Query> Queries) Load(string? folder = null)
    {
        folder ??= Folder;
        var corpus = JsonSerializer.Deserialize<CorpusFile>(File.ReadAllText(Path.Combine(folder, "corpus.json")), Json)!.Items;
        var queries = JsonSerializer.Deserialize<QueriesFile>(File.ReadAllText(Path.Combine(folder, "queries.json")), Json)!.Queries;
        return (corpus, queries);
    }

    /// <summary>Writes the corpus as content of the site; returns search entry key → corpus id.</summary>
    public static async Task<Dictionary<(string Kind, int RefId), string>> SeedAsync(AppDb db, int siteId, IReadOnlyList<Item> corpus, CancellationToken ct = default)
    {
        var category = new Category { SiteId = siteId, Slug = "tin-tuc-su-kien", Name = "Tin tức sự kiện" };
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        var made = new List<(string Id, object Entity)>();
        foreach (var item in corpus)
        {
            var date = DateOnly.Parse(item.Date, System.Globalization.CultureInfo.InvariantCulture);
            var at = date.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            object entity = item.Kind switch
            {
                SearchKinds.Article => new Article
                {
                    SiteId = siteId, CategoryId = category.Id, Title = item.Title, Slug = item.Id + "-" + VietnameseText.Slugify(item.Title, 60),
                    Summary = "", Body = "<p>" + System.Net.WebUtility.HtmlEncode(item.Text) + "</p>", Author = "Phóng viên",
                    Status = ArticleStatus.Published, PublishedAt = at, UpdatedAt = at,
                },
                SearchKinds.Document => new Document
                {
                    SiteId = siteId, Slug = item.Id + "-" + VietnameseText.Slugify(item.Number, 60), Number = item.Number ?? "", TypeCode = item.Type ?? "",
                    Title = item.Title, IssuingBody = item.Text, IssuedOn = date, CreatedAt = at,
                },
                // A published question: its public wording is the title and the text (question and answer).
                SearchKinds.Question => new Questions.Question
                {
                    SiteId = siteId, HandlingSiteId = siteId, Code = "HD-RELV-" + item.Id.ToUpperInvariant(), AskerName = "Người hỏi", Topic = "Khác",
                    Title = item.Title, Body = item.Text, AskedAt = at, DueOn = date, Status = Questions.QuestionStatus.Published, Answer = item.Text,
                    AnsweredAt = at, PublishedAt = at, PublicTitle = item.Title, PublicQuestion = item.Text, PublicAnswer = "",
                },
                _ => new Page { SiteId = siteId, Language = "vi", Slug = item.Id, Kind = "intro", Title = item.Title, Body = "<p>" + System.Net.WebUtility.HtmlEncode(item.Text) + "</p>", UpdatedAt = at },
            };
            db.Add(entity);
            made.Add((item.Id, entity));
        }
        await db.SaveChangesAsync(ct);
        return made.ToDictionary(m => m.Entity switch
        {
            Article a => (SearchKinds.Article, a.Id),
            Document d => (SearchKinds.Document, d.Id),
            Page p => (SearchKinds.Page, p.Id),
            Questions.Question q => (SearchKinds.Question, q.Id),
            _ => throw new InvalidOperationException(),
        }, m => m.Id);
    }

    public static async Task<Report> EvaluateAsync(SearchEngine engine, int siteId, Dictionary<(string Kind, int RefId), string> ids,
        IReadOnlyList<Query> queries, CancellationToken ct = default)
    {
        var scores = new List<QueryScore>();
        foreach (var query in queries)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await engine.SearchAsync(new SearchQuery(query.Q, [siteId], PageSize: 10), ct);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var top = result.Hits.Select(h => ids.GetValueOrDefault((h.Entry.Kind, h.Entry.RefId), "?")).ToList();
            var first = top.FindIndex(query.Expect.Contains);
            double Gain(string id) => query.Expect.Contains(id) ? 2 : query.Also.Contains(id) ? 1 : 0;
            var dcg = top.Select((id, i) => Gain(id) / Math.Log2(i + 2)).Sum();
            var ideal = query.Expect.Select(_ => 2.0).Concat(query.Also.Select(_ => 1.0)).Take(10).Select((g, i) => g / Math.Log2(i + 2)).Sum();
            scores.Add(new QueryScore(query, first < 0 ? 0 : 1.0 / (first + 1), ideal == 0 ? 0 : dcg / ideal, top, elapsed));
        }
        return new Report(scores);
    }
}
