using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;

namespace MinhBach.Features.Search;

/// <summary>Which full-text index serves <see cref="SearchEntry"/>, as migrate, reindex and the start of a node report it.</summary>
public enum SearchIndexKind
{
    /// <summary>SQLite: the FTS5 table search_fts.</summary>
    Fts5,
    /// <summary>PostgreSQL: GIN over the tsvector and the entry's block and site lexemes (<see cref="SearchIndexes.SiteIndex"/>).</summary>
    Gin,
}

/// <summary>
/// The PostgreSQL search index: GIN over <see cref="IndexedVector"/>, the entry's tsvector plus lexemes naming its block of
/// <see cref="BlockSize"/> ids ("b244"), its site ("s13") and both ("s13b244"), and each of its words on its site ("s13wchinh",
/// <see cref="SiteWordsFunction"/>); a question answered by another unit has the second site's too. Ids follow publication, so
/// "the newest hits" is "the hits in the last blocks", and GIN answers `words &amp; (b244 | b243)` by following the short lists of
/// the blocks and skipping through a common word's long one. A search on a few sites asks for the words on those sites, whose
/// lists hold only the sites' items: several common syllables ANDed walk only the sites' share of the lists, not the province's whole
/// lists (decision 0007). A query token is never one of these lexemes: tokens never mix letters and digits (SearchText).
/// </summary>
public static class SearchIndexes
{
    public const string IndexName = "IX_SearchEntries_Vector";

    public const int BlockSize = 4096;

    /// <summary>The entry's block and site lexemes (4096: <see cref="BlockSize"/>). A null second site drops out of the array
    /// (array_to_tsvector refuses nulls).</summary>
    private const string SiteLexemes = "array_to_tsvector(array_remove(ARRAY['b' || (\"Id\" / 4096)::text, " +
        "'s' || \"SiteId\"::text, 's' || \"SiteId\"::text || 'b' || (\"Id\" / 4096)::text, " +
        "'s' || \"AlsoOnSiteId\"::text, 's' || \"AlsoOnSiteId\"::text || 'b' || (\"Id\" / 4096)::text], NULL))";

    /// <summary>An entry's words prefixed with its site, and with its second site if any ("s13wchinh"). A function, as an index
    /// expression cannot hold a subquery; immutable, as every function it calls is.</summary>
    public const string SiteWordsFunction = "search_site_words";

    public const string CreateSiteWordsFunction = $"""
        CREATE OR REPLACE FUNCTION {SiteWordsFunction}(vector tsvector, site integer, also_site integer) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT array_to_tsvector(ARRAY(SELECT 's' || s::text || 'w' || l FROM unnest(tsvector_to_array(vector)) l,
           unnest(array_remove(ARRAY[site, also_site], NULL)) s)) $$
        """;

    /// <summary>What the index holds, and so what every full-text condition must be written on for it to be used.</summary>
    public const string IndexedVector = $"(\"Vector\" || {SiteLexemes} || {SiteWordsFunction}(\"Vector\", \"SiteId\", \"AlsoOnSiteId\"))";

    public const string SiteWordsIndex = $"CREATE INDEX \"{IndexName}\" ON \"SearchEntries\" USING GIN ({IndexedVector})";

    /// <summary>The index of the SearchSites migration: block and site lexemes, no site words (the SearchSiteWords migration's Down).</summary>
    public const string SiteIndex = $"CREATE INDEX \"{IndexName}\" ON \"SearchEntries\" USING GIN ((\"Vector\" || {SiteLexemes}))";

    /// <summary>The index of the SearchBlocks migration: block lexemes only (the SearchSites migration's Down).</summary>
    public const string BlockIndex = $"CREATE INDEX \"{IndexName}\" ON \"SearchEntries\" USING GIN ((\"Vector\" || array_to_tsvector(ARRAY['b' || (\"Id\" / 4096)::text])))";

    /// <summary>The plain GIN index of the `Search` migration (the SearchBlocks migration's Down).</summary>
    public const string GinIndex = "CREATE INDEX \"IX_SearchEntries_Vector\" ON \"SearchEntries\" USING GIN (\"Vector\")";

    /// <summary>Which index the database has, and when it is not the one search is written for, why, in Vietnamese.</summary>
    public static async Task<(SearchIndexKind Kind, string? Why)> DescribeAsync(AppDb db, CancellationToken ct)
    {
        if (db.Database.IsSqlite()) return (SearchIndexKind.Fts5, null);
        // Plain ADO: a database that cannot be reached yet is the caller's business, not an error in EF's log.
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT pg_get_indexdef(c.oid) FROM pg_class c WHERE c.relname = '{IndexName}' AND pg_table_is_visible(c.oid)";
            var definition = await cmd.ExecuteScalarAsync(ct) as string;
            return definition?.Contains("array_to_tsvector", StringComparison.Ordinal) == true && definition.Contains(SiteWordsFunction, StringComparison.Ordinal)
                ? (SearchIndexKind.Gin, null)
                : (SearchIndexKind.Gin, "chỉ mục tìm kiếm chưa theo khối mã mục, trang và từ của từng trang (cơ sở dữ liệu chưa nâng cấp?); chạy ./minhbach migrate");
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }
}

/// <summary>At start: on PostgreSQL, warns (in Vietnamese) when the search index is not the one the engine is written for.</summary>
public sealed class SearchIndexCheck(IServiceScopeFactory scopes, ILogger<SearchIndexCheck> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (kind, why) = await SearchIndexes.DescribeAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), cancellationToken);
            if (why is not null)
                log.LogWarning("Tìm kiếm sẽ chậm: {Why}.", why);
            else
                log.LogInformation("Tìm kiếm dùng chỉ mục {Kind}.", kind);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The database is not reachable yet (or not migrated): search does not depend on it.
            log.LogDebug(e, "Chưa xác định được chỉ mục tìm kiếm.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
