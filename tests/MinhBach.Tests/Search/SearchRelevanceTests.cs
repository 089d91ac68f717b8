using MinhBach.Data;
using MinhBach.Features.Search;
using MinhBach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>An application account that is not a superuser (a managed server): the migrations make the search index
    /// all the same, the node does not warn about it, and search ranks as well.</summary>
    [PostgresFact]
    public async Task An_application_account_without_superuser_rights_gets_the_search_index_and_ranks_the_same()
    {
        var database = await TestDatabase.CreateAsync(Databases.Postgres, postgresOwner: "minhbach_not_superuser");
        await using var app = await TestApp.StartOnAsync(database);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal((SearchIndexKind.Gin, (string?)null), await SearchIndexes.DescribeAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), CancellationToken.None));
        Assert.DoesNotContain(app.Logs.AtLeast(LogLevel.Warning), e => e.Message.StartsWith("Tìm kiếm sẽ chậm", StringComparison.Ordinal));
        var seeded = await SeedAsync(app);
        await AssertScoresAsync(app, seeded);
        await using var broad = await app.StartNodeAsync(new Dictionary<string, string?> { ["Search:BroadQueryHits"] = "1" });
        await AssertScoresAsync(broad, seeded);
    }

    private static async Task ScoreAsync(string provider, Dictionary<string, string?>? settings)
    {
        await using var app = await TestApp.StartAsync(provider, settings);
        await using (var probe = app.Services.CreateAsyncScope())
            Assert.Equal(provider == Databases.Postgres ? SearchIndexKind.Gin : SearchIndexKind.Fts5,
                (await SearchIndexes.DescribeAsync(probe.ServiceProvider.GetRequiredService<AppDb>(), CancellationToken.None)).Kind);
        await AssertScoresAsync(app, await SeedAsync(app));
    }

    private sealed record Seeded(int PortalId, Dictionary<(string Kind, int RefId), string> Ids, List<Relevance.Query> Queries);

    private static async Task<Seeded> SeedAsync(TestApp app)
    {
        var portal = await app.CreatePortalAsync();
        var (corpus, queries) = Relevance.Load();
        Assert.True(queries.Count >= 60, $"{queries.Count} queries");
        return new Seeded(portal.Id, await app.WithDbAsync(db => Relevance.SeedAsync(db, portal.Id, corpus)), queries);
    }

    private static async Task AssertScoresAsync(TestApp app, Seeded seeded)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await Relevance.EvaluateAsync(scope.ServiceProvider.GetRequiredService<SearchEngine>(), seeded.PortalId, seeded.Ids, seeded.Queries);

        var misses = string.Join("\n", report.Scores.Where(s => s.ReciprocalRank < 1)
            .Select(s => $"  {s.Query.Q} [{s.Query.Group}] want {string.Join(",", s.Query.Expect)}, got {string.Join(",", s.Top.Take(5))}"));
        Assert.True(report.Mrr >= 0.9, $"MRR {report.Mrr:0.000}\n{misses}");
        Assert.True(Math.Abs(report.GroupMrr("accented") - report.GroupMrr("unaccented")) <= 0.05,
            $"accented {report.GroupMrr("accented"):0.000}, unaccented {report.GroupMrr("unaccented"):0.000}\n{misses}");
        Assert.True(report.GroupMrr("number") >= 0.95, $"document numbers {report.GroupMrr("number"):0.000}\n{misses}");
    }
}
