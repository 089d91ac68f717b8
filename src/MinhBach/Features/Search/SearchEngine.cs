using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Text;

namespace MinhBach.Features.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Above this many hits a query counts as broad: instead of ranking every hit, the engine ranks those
    /// with the words in the title or number and adds the newest of the rest.</summary>
    public int BroadQueryHits { get; set; } = 3000;
}

/// <summary>What to search. <paramref name="Snippets"/> false: hits without snippets (lists that show only titles, such as the document finder).</summary>
public sealed record SearchQuery(string Text, IReadOnlyCollection<int> SiteIds, string? Kind = null, string? TypeCode = null, int? Year = null, int Page = 1, int PageSize = 20,
    bool Snippets = true);

public sealed record SearchHit(SearchEntry Entry, double Score, string TitleHtml, string SnippetHtml);

public sealed record SearchFacet(string Value, string Label, int Count);

/// <summary>Hits of one query. Suggestion: a likely spelling when few items matched; ShownFor: when nothing
/// matched what was typed, the spelling whose hits these are.</summary>
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize,
    IReadOnlyList<SearchFacet> Kinds, IReadOnlyList<SearchFacet> Types, IReadOnlyList<SearchFacet> Years,
    string? Suggestion, string? ShownFor = null)
{
    public static readonly SearchResult Empty = new([], 0, 1, 20, [], [], [], null);
}

/// <summary>
/// Vietnamese-first search over <see cref="SearchEntry"/>: the database's full-text index (FTS5 on SQLite,
/// tsvector + GIN on PostgreSQL) finds the items holding every word in their normal form; the best few hundred
/// are then re-ranked here by what the index cannot see: the words as a phrase, the words as typed with their
/// diacritics ("bản" before "bàn"), a document number typed in full, the title, and recency.
/// </summary>
public sealed class SearchEngine(AppDb db, SearchVocabulary vocabulary, Catalogue.Catalogue catalogue, Microsoft.Extensions.Options.IOptions<SearchOptions> options, TimeProvider clock)
{
    public const int MaxQueryLength = 1000;
    private const int MaxTokens = 12;

    public async Task<SearchResult> SearchAsync(SearchQuery q, CancellationToken ct = default)
    {
        var text = q.Text.Length > MaxQueryLength ? q.Text[..MaxQueryLength] : q.Text;
        var tokens = SearchText.Tokens(text).Distinct().Take(MaxTokens).ToList();
        if (tokens.Count == 0 || q.SiteIds.Count == 0) return SearchResult.Empty with { PageSize = q.PageSize };

        var facets = await FacetsAsync(tokens, q, ct);
        var total = Matching(facets, q);
        if (total >= 3) return await RankAsync(q, text, tokens, facets, ct);

        // Few or no hits: try the likely spellings; the first that finds more is offered ("did you mean"), or,
        // when what was typed found nothing at all, shown (and the page says so).
        foreach (var guess in await vocabulary.SuggestAsync(db, text, tokens, ct))
        {
            var corrected = SearchText.Tokens(guess).Distinct().Take(MaxTokens).ToList();
            var correctedFacets = await FacetsAsync(corrected, q, ct);
            if (Matching(correctedFacets, q) <= total) continue;
            if (total > 0) return await RankAsync(q, text, tokens, facets, ct) with { Suggestion = guess };
            return await RankAsync(q, guess, corrected, correctedFacets, ct) with { ShownFor = guess };
        }
        return total == 0
            ? new SearchResult([], 0, q.Page, q.PageSize, [], [], [], null)
            : await RankAsync(q, text, tokens, facets, ct);
    }

    private static int Matching(List<FacetRow> facets, SearchQuery q) =>
        facets.Where(f => (q.Kind is null || f.Kind == q.Kind) && (q.TypeCode is null || f.TypeCode == q.TypeCode) && (q.Year is null || f.Year == q.Year)).Sum(f => f.Count);

    private async Task<SearchResult> RankAsync(SearchQuery q, string text, List<string> tokens, List<FacetRow> facets, CancellationToken ct)
    {
        var total = Matching(facets, q);

        var need = q.Page * q.PageSize;
        var limit = Math.Clamp(need + 100, 200, 2000);
        // Broad queries (a common word in most items): ranking every match costs as much as the matches are many.
        // Instead, the best of those with the words in the title or number, then the newest of the rest.
        var candidates = total > options.Value.BroadQueryHits
            ? (await CandidatesAsync(tokens, q, limit, CandidateSource.TitleOrNumber, ct))
                .Concat(await CandidatesAsync(tokens, q, limit, CandidateSource.Newest, ct)).DistinctBy(c => c.Id).ToList()
            : await CandidatesAsync(tokens, q, limit, CandidateSource.All, ct);
        var phrase = tokens.Count > 1 ? await WithPhraseAsync(tokens, candidates.Select(c => c.Id).ToList(), ct) : [];
        var ids = candidates.Select(c => c.Id).ToList();
        var rows = await db.SearchEntries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.SiteId, e.Kind, e.RefId, e.Title, e.Number, e.TypeCode, e.Date, e.Year, e.IndexTitle, e.IndexNumber, Head = e.Text.Substring(0, 3000) })
            .ToDictionaryAsync(e => e.Id, ct);

        var normalQuery = " " + string.Join(' ', tokens) + " ";
        var numbers = tokens.Where(t => t.All(char.IsAsciiDigit)).ToList();
        var accented = SearchText.AccentedWords(text).Where(w => SearchText.Normalize(w) != w).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var ranked = candidates.Select((c, i) =>
        {
            var r = rows[c.Id];
            var title = " " + r.IndexTitle + " ";
            var score = 1.0 - (double)i / candidates.Count;
            score += 1.5 * tokens.Count(t => title.Contains(" " + t + " ", StringComparison.Ordinal)) / tokens.Count;
            if (tokens.Count > 1 && title.Contains(normalQuery, StringComparison.Ordinal)) score += 2.0;
            if (phrase.Contains(c.Id)) score += 1.0;
            if (r.IndexNumber.Length > 0)
            {
                // A document number: typed whole ("42/2022/NĐ-CP"), as its parts ("nd 42"), or by its figures ("nghị định 42").
                var parts = r.IndexNumber.Split(' ');
                if (tokens.All(parts.Contains)) score += 4.0;
                else if (numbers.Count > 0) score += 3.0 * numbers.Count(parts.Contains) / numbers.Count;
                if ((" " + r.IndexNumber + " ").Contains(normalQuery, StringComparison.Ordinal)) score += 1.0;
            }
            if (accented.Count > 0)
            {
                var words = SearchText.AccentedWords(r.Number + " " + r.Title + " " + r.Head).ToHashSet();
                score += 1.5 * accented.Count(words.Contains) / accented.Count;
            }
            score += 0.3 * Math.Exp(-Math.Max(0, (now - r.Date).TotalDays) / 730);
            return (Row: r, Score: score);
        }).OrderByDescending(x => x.Score).ThenByDescending(x => x.Row.Date).ToList();

        var pageRows = ranked.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToList();
        var pageIds = pageRows.Select(x => x.Row.Id).ToList();
        var texts = q.Snippets
            ? await db.SearchEntries.AsNoTracking().Where(e => pageIds.Contains(e.Id)).Select(e => new { e.Id, e.Text }).ToDictionaryAsync(e => e.Id, e => e.Text, ct)
            : [];
        var tokenSet = tokens.ToHashSet();
        var hits = pageRows.Select(x =>
        {
            var r = x.Row;
            var entry = new SearchEntry { Id = r.Id, SiteId = r.SiteId, Kind = r.Kind, RefId = r.RefId, Title = r.Title, Number = r.Number, TypeCode = r.TypeCode, Date = r.Date, Year = r.Year };
            var title = r.Number is null ? r.Title : $"{r.Number}: {r.Title}";
            return new SearchHit(entry, x.Score, SearchText.Highlight(title, tokenSet), SearchText.Highlight(texts.GetValueOrDefault(r.Id) ?? "", tokenSet, 240));
        }).ToList();

        var byKind = facets.Where(f => (q.TypeCode is null || f.TypeCode == q.TypeCode) && (q.Year is null || f.Year == q.Year))
            .GroupBy(f => f.Kind).Select(g => new SearchFacet(g.Key, SearchKinds.Vietnamese(g.Key), g.Sum(f => f.Count)))
            .OrderBy(f => Array.IndexOf(SearchKinds.All, f.Value)).ToList();
        var byType = facets.Where(f => f.TypeCode is not null && (q.Year is null || f.Year == q.Year) && (q.Kind is null or SearchKinds.Document))
            .GroupBy(f => f.TypeCode!).Select(g => new SearchFacet(g.Key, catalogue.DocumentType(g.Key)?.Name ?? g.Key, g.Sum(f => f.Count)))
            .OrderByDescending(f => f.Count).ToList();
        var byYear = facets.Where(f => (q.Kind is null || f.Kind == q.Kind) && (q.TypeCode is null || f.TypeCode == q.TypeCode))
            .GroupBy(f => f.Year).Select(g => new SearchFacet(g.Key.ToString(CultureInfo.InvariantCulture), g.Key.ToString(CultureInfo.InvariantCulture), g.Sum(f => f.Count)))
            .OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList();
        return new SearchResult(hits, total, q.Page, q.PageSize, byKind, byType, byYear, null);
    }

    private sealed record Candidate(int Id, double Score);
    private sealed record FacetRow(string Kind, string? TypeCode, int Year, int Count);

    private bool Sqlite => db.Database.IsSqlite();

    // Tokens are [a-z0-9]+ (SearchText), so quoting them is all FTS5 needs; site ids are integers.
    private static string FtsMatch(List<string> tokens) => string.Join(" AND ", tokens.Select(t => $"\"{t}\""));
    private static string TsQuery(List<string> tokens) => string.Join(" & ", tokens);
    private static string SiteList(IReadOnlyCollection<int> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private (string Sql, object[] Args) Filtered(string select, string tail, List<string> tokens, SearchQuery q, bool withFilters)
    {
        var args = new List<object> { Sqlite ? FtsMatch(tokens) : TsQuery(tokens) };
        var where = Sqlite
            ? $"search_fts MATCH {{0}} AND e.\"SiteId\" IN ({SiteList(q.SiteIds)})"
            : $"e.\"Vector\" @@ to_tsquery('simple', {{0}}) AND e.\"SiteId\" IN ({SiteList(q.SiteIds)})";
        if (withFilters)
        {
            if (q.Kind is not null) { args.Add(q.Kind); where += $" AND e.\"Kind\" = {{{args.Count - 1}}}"; }
            if (q.TypeCode is not null) { args.Add(q.TypeCode); where += $" AND e.\"TypeCode\" = {{{args.Count - 1}}}"; }
            if (q.Year is not null) { args.Add(q.Year.Value); where += $" AND e.\"Year\" = {{{args.Count - 1}}}"; }
        }
        var from = Sqlite ? "search_fts JOIN \"SearchEntries\" e ON e.\"Id\" = search_fts.rowid" : "\"SearchEntries\" e";
        return ($"SELECT {select} FROM {from} WHERE {where} {tail}", args.ToArray());
    }

    private async Task<List<FacetRow>> FacetsAsync(List<string> tokens, SearchQuery q, CancellationToken ct)
    {
        var (sql, args) = Filtered("e.\"Kind\" AS \"Kind\", e.\"TypeCode\" AS \"TypeCode\", e.\"Year\" AS \"Year\", COUNT(*) AS \"Count\"",
            "GROUP BY e.\"Kind\", e.\"TypeCode\", e.\"Year\"", tokens, q, withFilters: false);
        return await db.Database.SqlQueryRaw<FacetRow>(sql, args).ToListAsync(ct);
    }

    private enum CandidateSource { All, TitleOrNumber, Newest }

    private async Task<List<Candidate>> CandidatesAsync(List<string> tokens, SearchQuery q, int limit, CandidateSource source, CancellationToken ct)
    {
        // Weights: number, then title, then text. bm25 is better when lower; ts_rank when higher.
        var (select, order) = source == CandidateSource.Newest
            ? ($"e.\"Id\" AS \"Id\", {(Sqlite ? "0.0" : "0::float8")} AS \"Score\"", "ORDER BY e.\"Date\" DESC")
            : Sqlite
                ? ("e.\"Id\" AS \"Id\", bm25(search_fts, 12.0, 6.0, 1.0) AS \"Score\"", "ORDER BY \"Score\"")
                : ("e.\"Id\" AS \"Id\", ts_rank('{{0.1, 0.2, 0.6, 1.0}}', e.\"Vector\", to_tsquery('simple', {0}))::float8 AS \"Score\"", "ORDER BY \"Score\" DESC");
        var (sql, args) = Filtered(select, $"{order} LIMIT {limit.ToString(CultureInfo.InvariantCulture)}", tokens, q, withFilters: true);
        if (source == CandidateSource.TitleOrNumber)
            // FTS5: a column filter; PostgreSQL: lexemes weighted A (number) or B (title) only.
            args[0] = Sqlite ? "{IndexNumber IndexTitle} : (" + FtsMatch(tokens) + ")" : string.Join(" & ", tokens.Select(t => t + ":AB"));
        return await db.Database.SqlQueryRaw<Candidate>(sql, args).ToListAsync(ct);
    }

    /// <summary>Which candidates hold the words side by side, in order, anywhere in their text.</summary>
    private async Task<HashSet<int>> WithPhraseAsync(List<string> tokens, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var idList = SiteList(ids);
        var sql = Sqlite
            ? $"SELECT rowid AS \"Value\" FROM search_fts WHERE search_fts MATCH {{0}} AND rowid IN ({idList})"
            : $"SELECT \"Id\" AS \"Value\" FROM \"SearchEntries\" WHERE \"Vector\" @@ phraseto_tsquery('simple', {{0}}) AND \"Id\" IN ({idList})";
        var arg = Sqlite ? "\"" + string.Join(' ', tokens) + "\"" : string.Join(' ', tokens);
        return (await db.Database.SqlQueryRaw<int>(sql, arg).ToListAsync(ct)).ToHashSet();
    }

}
