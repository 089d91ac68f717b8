using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Questions;

namespace MinhBach.Features.Search;

/// <summary>
/// Rebuilds the search index from the content itself (`./minhbach reindex`; also run once by the migration
/// that created the index). Works in ranges of ids, each replaced in one transaction, so the site keeps
/// answering and an item saved meanwhile is never indexed twice.
/// </summary>
public sealed class SearchReindex(AppDb db)
{
    private const int Batch = 500;

    public sealed record Progress(string Kind, int Done, int Total);

    /// <param name="kinds">Only these kinds (<see cref="SearchKinds"/>); all when null.</param>
    public async Task<int> RunAsync(IProgress<Progress>? progress = null, CancellationToken ct = default, IReadOnlyCollection<string>? kinds = null)
    {
        var indexed = 0;
        bool Wanted(string kind) => kinds is null || kinds.Contains(kind);
        if (Wanted(SearchKinds.Article))
            indexed += await RunKindAsync(SearchKinds.Article, db.Articles.IgnoreQueryFilters().Where(a => a.Status == ArticleStatus.Published), a => a.Id, progress, ct);
        if (Wanted(SearchKinds.Document))
            indexed += await RunKindAsync(SearchKinds.Document, db.Documents.IgnoreQueryFilters(), d => d.Id, progress, ct);
        if (Wanted(SearchKinds.Page))
            indexed += await RunKindAsync(SearchKinds.Page, db.Pages.IgnoreQueryFilters(), p => p.Id, progress, ct);
        if (Wanted(SearchKinds.Question))
            indexed += await RunKindAsync(SearchKinds.Question, db.Questions.IgnoreQueryFilters().Where(q => q.Status == QuestionStatus.Published), q => q.Id, progress, ct);
        // Rewriting every entry leaves FTS5 with many small segments, which every query then merges: fold them into one.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("INSERT INTO search_fts(search_fts) VALUES('optimize')", ct);
        return indexed;
    }

    private async Task<int> RunKindAsync<T>(string kind, IQueryable<T> items, System.Linq.Expressions.Expression<Func<T, int>> id,
        IProgress<Progress>? progress, CancellationToken ct) where T : class
    {
        var getId = id.Compile();
        var total = await items.CountAsync(ct);
        var (done, after, indexed) = (0, 0, 0);
        progress?.Report(new Progress(kind, 0, total));
        while (true)
        {
            var param = id.Parameters[0];
            var greater = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
                System.Linq.Expressions.Expression.GreaterThan(id.Body, System.Linq.Expressions.Expression.Constant(after)), param);
            var batch = await items.AsNoTracking().Where(greater).OrderBy(id).Take(Batch).ToListAsync(ct);
            var last = batch.Count == 0 ? int.MaxValue : getId(batch[^1]);
            var (from, to) = (after, last);
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await db.SearchEntries.Where(e => e.Kind == kind && e.RefId > from && e.RefId <= to).ExecuteDeleteAsync(ct);
                var entries = batch.Select(x => SearchIndexing.Build(x, db.DocumentTypeName)).OfType<SearchEntry>().ToList();
                db.SearchEntries.AddRange(entries);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                indexed += entries.Count;
            }
            db.ChangeTracker.Clear();
            if (batch.Count == 0) break;
            done += batch.Count;
            after = last;
            progress?.Report(new Progress(kind, done, total));
        }
        SearchVocabulary.Changed();
        return indexed;
    }
}
