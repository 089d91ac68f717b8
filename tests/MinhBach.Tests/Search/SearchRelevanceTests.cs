using MinhBach.Data;
using MinhBach.Features.Search;
using MinhBach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MinhBach.Tests.Search;

/// <summary>The relevance set (data/search-relevance): MRR of at least 0.9, and unaccented queries within
/// 0.05 of their accented twins, on both databases.</summary>
public sealed class SearchRelevanceTests
{
    [DatabaseTheory]
    public async Task The_relevance_set_scores_an_MRR_of_at_least_0_9_and_unaccented_queries_score_like_accented_ones(string provider) =>
        await ScoreAsync(provider, null);

    /// <summary>With every query treated as broad (title and number matches ranked, then the newest others), as
    /// common words are on a province's millions of items, the set still ranks well.</summary>
    [DatabaseTheory]
    public async Task Broad_queries_ranked_by_title_and_recency_still_put_the_right_items_first(string provider) =>
        await ScoreAsync(provider, new Dictionary<string, string?> { ["Search:BroadQueryHits"] = "1" });

    private static async Task ScoreAsync(string provider, Dictionary<string, string?>? settings)
    {
        await using var app = await TestApp.StartAsync(provider, settings);
        var portal = await app.CreatePortalAsync();
        var (corpus, queries) = Relevance.Load();
        Assert.True(queries.Count >= 60, $"{queries.Count} queries");
        var ids = await app.WithDbAsync(db => Relevance.SeedAsync(db, portal.Id, corpus));

        await using var scope = app.Services.CreateAsyncScope();
        var report = await Relevance.EvaluateAsync(scope.ServiceProvider.GetRequiredService<SearchEngine>(), portal.Id, ids, queries);

        var misses = string.Join("\n", report.Scores.Where(s => s.ReciprocalRank < 1)
            .Select(s => $"  {s.Query.Q} [{s.Query.Group}] want {string.Join(",", s.Query.Expect)}, got {string.Join(",", s.Top.Take(5))}"));
        Assert.True(report.Mrr >= 0.9, $"MRR {report.Mrr:0.000}\n{misses}");
        Assert.True(Math.Abs(report.GroupMrr("accented") - report.GroupMrr("unaccented")) <= 0.05,
            $"accented {report.GroupMrr("accented"):0.000}, unaccented {report.GroupMrr("unaccented"):0.000}\n{misses}");
        Assert.True(report.GroupMrr("number") >= 0.95, $"document numbers {report.GroupMrr("number"):0.000}\n{misses}");
    }
}
