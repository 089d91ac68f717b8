using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Text;

namespace MinhBach.Features.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Above this many hits a query counts as broad: the engine stops counting ("hơn 1.000 kết quả", facets
    /// without counts) and ranks the newest hits instead of every hit, so a common word costs no more than a rare one.</summary>
    public int BroadQueryHits { get; set; } = 1000;
}

/// <summary>What to search. <paramref name="Snippets"/> false: hits without snippets (lists that show only titles, such as the document finder).</summary>
public sealed record SearchQuery(string Text, IReadOnlyCollection<int> SiteIds, string? Kind = null, string? TypeCode = null, int? Year = null, int Page = 1, int PageSize = 20,
    bool Snippets = true);

public sealed record SearchHit(SearchEntry Entry, double Score, string TitleHtml, string SnippetHtml);

public sealed record SearchFacet(string Value, string Label, int Count);

/// <summary>Hits of one query. Suggestion: a likely spelling when few items matched; ShownFor: when nothing
/// matched what was typed, the spelling whose hits these are.</summary>
/// Exact: false when there were more hits than were counted (Total is then that many: "hơn …"); FacetsCounted:
/// false when the facets list the values of the sites searched, without counts.
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize,
    IReadOnlyList<SearchFacet> Kinds, IReadOnlyList<SearchFacet> Types, IReadOnlyList<SearchFacet> Years,
    string? Suggestion, string? ShownFor = null, bool Exact = true, bool FacetsCounted = true)
{
    public static readonly SearchResult Empty = new([], 0, 1, 20, [], [], [], null);
}

/// <summary>
/// Vietnamese-first search over <see cref="SearchEntry"/>: the database's full-text index (FTS5 on SQLite,
/// tsvector + GIN on PostgreSQL) finds the items holding every word in their normal form; at most a few hundred
/// of them are then re-ranked here by what the index cannot see: the words as a phrase, the words as typed with
/// their diacritics ("bản" before "bàn"), a document number typed in full, the title, and recency.
/// Every step is bounded whatever the number of hits: hits are counted up to <see cref="SearchOptions.BroadQueryHits"/>;
/// a query with more ranks its newest hits only; long texts are read for the few items shown.
/// </summary>
public sealed class SearchEngine(AppDb db, SearchVocabulary vocabulary, Catalogue.Catalogue catalogue, Microsoft.Extensions.Options.IOptions<SearchOptions> options,
    TimeProvider clock)
{
    public const int MaxQueryLength = 1000;
    private const int MaxTokens = 12;
    // Diacritics are compared with the start of the text for the best candidates only, and snippets are cut from
    // the start of the shown items' texts: attachments can be whole books.
    private const int HeadChars = 3000;
    private const int AccentChecked = 100;
    private const int SnippetSourceChars = 20_000;

    public async Task<SearchResult> SearchAsync(SearchQuery q, CancellationToken ct = default)
    {
        var text = q.Text.Length > MaxQueryLength ? q.Text[..MaxQueryLength] : q.Text;
        var tokens = SearchText.Tokens(text).Distinct().Take(MaxTokens).ToList();
        if (tokens.Count == 0 || q.SiteIds.Count == 0) return SearchResult.Empty with { PageSize = q.PageSize };

        var scan = await ScanAsync(tokens, q, ct);
        if (scan.Total >= 3) return await RankAsync(q, text, tokens, scan, ct);

        // Few or no hits: try the likely spellings; the first that finds more is offered ("did you mean"), or,
        // when what was typed found nothing at all, shown (and the page says so).
        foreach (var guess in await vocabulary.SuggestAsync(db, text, tokens, ct))
        {
            var corrected = SearchText.Tokens(guess).Distinct().Take(MaxTokens).ToList();
            var correctedScan = await ScanAsync(corrected, q, ct);
            if (correctedScan.Total <= scan.Total) continue;
            if (scan.Total > 0) return await RankAsync(q, text, tokens, scan, ct) with { Suggestion = guess };
            return await RankAsync(q, guess, corrected, correctedScan, ct) with { ShownFor = guess };
        }
        return scan.Total == 0
            ? new SearchResult([], 0, q.Page, q.PageSize, [], [], [], null)
            : await RankAsync(q, text, tokens, scan, ct);
    }

    /// <summary>The hits counted by facet value, up to the limit. Facets: of all filters but the query's (each facet
    /// counts with the other filters applied); Total: with every filter. Exact: every hit was counted.</summary>
    private sealed record Scan(List<FacetRow> Facets, int Total, bool Exact)
    {
        /// <summary>Not every hit was counted, but every one passing the filters was: Total is exact, the facets are not.</summary>
        public bool Narrow { get; init; }
        /// <summary>The newest hits, when finding that the query is broad read them already.</summary>
        public List<Row>? Newest { get; init; }
        /// <summary>Newest holds every hit (a query with figures), those numbered with them first.</summary>
        public bool NewestAll { get; init; }
        /// <summary>PostgreSQL: every hit passing the filters, when there are no more than are counted: ranked by their
        /// ids, without asking the index again.</summary>
        public List<Row>? All { get; init; }
    }

    private async Task<Scan> ScanAsync(List<string> tokens, SearchQuery q, CancellationToken ct)
    {
        var limit = options.Value.BroadQueryHits;
        List<Row>? hits = null;
        if (!Sqlite)
        {
            // A plain GIN scan reads a word's whole posting list (some 40 ms for a word in 150,000 of a million items), so
            // the hits are looked for among the newest ids first, in chunks of blocks (NewestHitsAsync): a query with more
            // hits than are counted is found broad in its first chunks, and those same rows are ranked.
            // A query with figures (a document number) has few hits and its blocks' OR would cost more than its words' short
            // lists: its hits are asked for at once, up to a few times the count, and only a query with more goes to the chunks.
            List<Row>? all = null;
            var figures = tokens.Where(t => char.IsAsciiDigit(t[0])).ToList();
            if (figures.Count > 0)
            {
                var cap = NumberHitsCap(limit);
                var rows = await HitsAsync(tokens, q, cap, IndexQuery(tokens, q), belowId: null, anyOrder: true, ct);
                // Every hit is known: the items numbered with the figures go first, however old (a "123" in many texts
                // must not push decision 123/QĐ out of the candidates), then the newest.
                if (rows.Count < cap)
                    all = rows.OrderByDescending(r => figures.All(f => (" " + r.IndexNumber + " ").Contains(" " + f + " ", StringComparison.Ordinal))).ToList();
            }
            if (all is null)
            {
                var (rows, every) = await NewestHitsAsync(tokens, q, limit + 1, ct);
                if (!every) return new Scan([], limit, false) { Newest = rows };
                all = rows;
            }
            if (all.Count > limit) return new Scan([], limit, false) { Newest = all, NewestAll = true };
            // Every hit passing the filters is in all; without filters, they are all the facets need.
            if (!Filtering(q))
                return new Scan(all.GroupBy(r => (r.Kind, r.TypeCode, r.Year)).Select(g => new FacetRow(g.Key.Kind, g.Key.TypeCode, g.Key.Year, g.Count())).ToList(),
                    all.Count, true) { All = all };
            hits = all;
        }
        var facets = await FacetsAsync(tokens, q, withFilters: false, limit + 1, ct);
        if (facets.Sum(f => f.Count) <= limit) return new Scan(facets, Matching(facets, q), true) { All = hits };
        if (!Filtering(q)) return new Scan(facets, limit, false);
        // More hits than are counted, and filters: count those that pass them, which may be few.
        var filteredCount = (await FacetsAsync(tokens, q, withFilters: true, limit + 1, ct)).Sum(f => f.Count);
        return new Scan(facets, Math.Min(filteredCount, limit), false) { Narrow = filteredCount <= limit, All = hits };
    }

    private static bool Filtering(SearchQuery q) => q.Kind is not null || q.TypeCode is not null || q.Year is not null;

    private static int Matching(List<FacetRow> facets, SearchQuery q) =>
        facets.Where(f => (q.Kind is null || f.Kind == q.Kind) && (q.TypeCode is null || f.TypeCode == q.TypeCode) && (q.Year is null || f.Year == q.Year)).Sum(f => f.Count);

    private sealed record Row(int Id, int SiteId, string Kind, int RefId, string Title, string? Number, string? TypeCode, DateTime Date, int Year,
        string IndexTitle, string IndexNumber, int? AlsoOnSiteId, double Score);

    private async Task<SearchResult> RankAsync(SearchQuery q, string text, List<string> tokens, Scan scan, CancellationToken ct)
    {
        var need = q.Page * q.PageSize;
        var limit = Math.Max(need + 100, 200);
        // Broad queries (a common word in most items): ranking every hit costs as much as the hits are many, so
        // the newest hits are ranked instead (the words in the title, as a phrase, with their diacritics, …).
        var broad = !scan.Exact && !scan.Narrow;
        var candidates = !broad ? await RankedAsync(tokens, q, limit, scan.All, ct)
            : scan.Newest is { } newest && (newest.Count >= limit * 2 || scan.NewestAll) ? newest.Take(limit * 2).ToList()
            : await NewestAsync(tokens, q, limit * 2, ct);
        var normalQuery = " " + string.Join(' ', tokens) + " ";
        var numbers = tokens.Where(t => t.All(char.IsAsciiDigit)).ToList();
        var accented = SearchText.AccentedWords(text).Where(w => SearchText.Normalize(w) != w).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var scored = candidates.Select((r, i) =>
        {
            var title = " " + r.IndexTitle + " ";
            var score = 1.0 - (double)i / candidates.Count;
            score += 1.5 * tokens.Count(t => title.Contains(" " + t + " ", StringComparison.Ordinal)) / tokens.Count;
            if (tokens.Count > 1 && title.Contains(normalQuery, StringComparison.Ordinal)) score += 2.0;
            if (r.IndexNumber.Length > 0)
            {
                // A document number: typed whole ("42/2022/NĐ-CP"), as its parts ("nd 42"), or by its figures ("nghị định 42").
                var parts = r.IndexNumber.Split(' ');
                if (tokens.All(parts.Contains)) score += 4.0;
                else if (numbers.Count > 0) score += 3.0 * numbers.Count(parts.Contains) / numbers.Count;
                if ((" " + r.IndexNumber + " ").Contains(normalQuery, StringComparison.Ordinal)) score += 1.0;
            }
            score += 0.3 * Math.Exp(-Math.Max(0, (now - r.Date).TotalDays) / 730);
            return (Row: r, Score: score);
        }).OrderByDescending(x => x.Score).ThenByDescending(x => x.Row.Date).ToList();

        if (tokens.Count > 1 || accented.Count > 0)
        {
            // What needs the text: the words as a phrase anywhere in it, and the words typed with their diacritics in
            // its start. Checked for the best candidates so far only; bonuses of 1 and 1.5 rarely lift one from further down.
            var top = scored.Take(Math.Max(AccentChecked, need)).Select(x => x.Row.Id).ToHashSet();
            var phrase = tokens.Count > 1 ? await WithPhraseAsync(tokens, [.. top], ct) : [];
            var titles = accented.Count > 0 ? scored.DistinctBy(x => x.Row.Id).ToDictionary(x => x.Row.Id, x => SearchText.LowerNfc(x.Row.Number + " " + x.Row.Title)) : [];
            double AccentBonus(int found) => 1.5 * found / accented.Count;
            // Every bonus but the start of the text's: a floor under each candidate's final score.
            var known = scored.Select(x =>
            {
                var inTitle = accented.Count(w => SearchText.HasWord(titles[x.Row.Id], w));
                return (x.Row, Score: x.Score + (phrase.Contains(x.Row.Id) ? 1.0 : 0) + (accented.Count > 0 ? AccentBonus(inTitle) : 0), Lacking: accented.Count - inTitle);
            }).ToList();
            // The start of the text is read only for those whose number and title lack a word as typed, and only where it could
            // lift one onto the pages asked for: above the need-th best floor (texts read from TOAST were a quarter of a common
            // word's database time at a million). The pages come out as if every one had been read.
            var floor = known.Count < need ? double.NegativeInfinity : known.Select(x => x.Score).OrderDescending().ElementAt(need - 1);
            var lacking = known.Where(x => x.Lacking > 0 && top.Contains(x.Row.Id) && x.Score + AccentBonus(x.Lacking) >= floor)
                .Select(x => x.Row.Id).Distinct().ToList();
            var heads = lacking.Count > 0 ? await TextsAsync(lacking, HeadChars, ct) : [];
            scored = known.Select(x =>
            {
                if (x.Lacking == 0 || !heads.TryGetValue(x.Row.Id, out var head)) return (x.Row, x.Score);
                var text = SearchText.LowerNfc(head);
                var title = titles[x.Row.Id];
                return (x.Row, Score: x.Score + AccentBonus(accented.Count(w => !SearchText.HasWord(title, w) && SearchText.HasWord(text, w))));
            }).OrderByDescending(x => x.Score).ThenByDescending(x => x.Row.Date).ToList();
        }

        var pageRows = scored.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToList();
        var texts = q.Snippets ? await TextsAsync(pageRows.Select(x => x.Row.Id).ToList(), SnippetSourceChars, ct) : [];
        var tokenSet = tokens.ToHashSet();
        var hits = pageRows.Select(x =>
        {
            var r = x.Row;
            var entry = new SearchEntry { Id = r.Id, SiteId = r.SiteId, Kind = r.Kind, RefId = r.RefId, Title = r.Title, Number = r.Number, TypeCode = r.TypeCode, Date = r.Date, Year = r.Year,
                AlsoOnSiteId = r.AlsoOnSiteId };
            var title = r.Number is null ? r.Title : $"{r.Number}: {r.Title}";
            return new SearchHit(entry, x.Score, SearchText.Highlight(title, tokenSet), SearchText.Highlight(texts.GetValueOrDefault(r.Id) ?? "", tokenSet, 240));
        }).ToList();

        var (byKind, byType, byYear) = scan.Exact ? CountedFacets(scan.Facets, q) : await UncountedFacetsAsync(q, ct);
        return new SearchResult(hits, scan.Total, q.Page, q.PageSize, byKind, byType, byYear, null, Exact: scan.Exact || scan.Narrow, FacetsCounted: scan.Exact);
    }

    private (List<SearchFacet>, List<SearchFacet>, List<SearchFacet>) CountedFacets(List<FacetRow> facets, SearchQuery q)
    {
        var byKind = facets.Where(f => (q.TypeCode is null || f.TypeCode == q.TypeCode) && (q.Year is null || f.Year == q.Year))
            .GroupBy(f => f.Kind).Select(g => new SearchFacet(g.Key, SearchKinds.Vietnamese(g.Key), g.Sum(f => f.Count)))
            .OrderBy(f => Array.IndexOf(SearchKinds.All, f.Value)).ToList();
        var byType = facets.Where(f => f.TypeCode is not null && (q.Year is null || f.Year == q.Year) && (q.Kind is null or SearchKinds.Document))
            .GroupBy(f => f.TypeCode!).Select(g => new SearchFacet(g.Key, catalogue.DocumentType(g.Key)?.Name ?? g.Key, g.Sum(f => f.Count)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal).ToList();
        var byYear = facets.Where(f => (q.Kind is null || f.Kind == q.Kind) && (q.TypeCode is null || f.TypeCode == q.TypeCode))
            .GroupBy(f => f.Year).Select(g => new SearchFacet(g.Key.ToString(CultureInfo.InvariantCulture), g.Key.ToString(CultureInfo.InvariantCulture), g.Sum(f => f.Count)))
            .OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList();
        return (byKind, byType, byYear);
    }

    /// <summary>Facets of a query with more hits than were counted: the values the searched sites hold (a common
    /// word is in nearly all of them), without counts.</summary>
    private async Task<(List<SearchFacet>, List<SearchFacet>, List<SearchFacet>)> UncountedFacetsAsync(SearchQuery q, CancellationToken ct)
    {
        var values = (await vocabulary.FacetValuesAsync(db, q.SiteIds, ct)).Select(v => new FacetRow(v.Kind, v.TypeCode, v.Year, 0)).ToList();
        var (kinds, types, years) = CountedFacets(values, q);
        return (kinds, types.OrderBy(f => f.Label, StringComparer.Ordinal).ToList(), years);
    }

    private sealed record FacetRow(string Kind, string? TypeCode, int Year, int Count);

    private bool Sqlite => db.Database.IsSqlite();

    // Tokens are [a-z0-9]+ (SearchText), so quoting them is all FTS5 needs; site ids are integers. A search on a few sites
    // asks for their terms in the SiteTerms column ("s13", migration SearchSites), so FTS5 yields only their hits.
    private static string FtsMatch(List<string> tokens, SearchQuery q) => string.Join(" AND ", tokens.Select(t => $"\"{t}\"")) +
        (q.SiteIds.Count > MaxSiteLexemes ? "" : $" AND SiteTerms : ({string.Join(" OR ", q.SiteIds.Select(id => "\"s" + id.ToString(CultureInfo.InvariantCulture) + "\""))})");
    private static string TsQuery(List<string> tokens) => string.Join(" & ", tokens);

    // A search on a few sites asks the index for their terms (on PostgreSQL the words on the sites, "s13wchinh", and "s13b244"
    // in a chunk), so other sites' hits are never read, from the index or the table; the province's dozens of sites would make
    // an OR that costs more than it filters (their hits are most of the index).
    private const int MaxSiteLexemes = 4;

    /// <summary>PostgreSQL: the words as the index is asked: on a few sites, the words on those sites (SearchIndexes: their lists
    /// hold only the sites' items); in the <paramref name="blocks"/> given, if any.</summary>
    private static string IndexQuery(List<string> tokens, SearchQuery q, IReadOnlyList<int>? blocks = null)
    {
        List<string> sites = q.SiteIds.Count > MaxSiteLexemes ? [] : q.SiteIds.Select(id => "s" + id.ToString(CultureInfo.InvariantCulture)).ToList();
        var words = sites.Count == 0 ? TsQuery(tokens)
            : string.Join(" | ", sites.Select(s => "(" + string.Join(" & ", tokens.Select(t => s + "w" + t)) + ")"));
        if (blocks is null) return words;
        var lexemes = blocks.SelectMany(b => sites.Count == 0 ? new[] { "b" + b.ToString(CultureInfo.InvariantCulture) }
            : sites.Select(s => s + "b" + b.ToString(CultureInfo.InvariantCulture)));
        return $"({words}) & ({string.Join(" | ", lexemes)})";
    }
    private static string IdList(IEnumerable<int> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>SQLite's covering index of the filter columns (see SqliteAppDb).</summary>
    public const string ScanIndex = "IX_SearchEntries_Scan";

    private const string RowColumns = "e.\"Id\" AS \"Id\", e.\"SiteId\" AS \"SiteId\", e.\"Kind\" AS \"Kind\", e.\"RefId\" AS \"RefId\", e.\"Title\" AS \"Title\", " +
        "e.\"Number\" AS \"Number\", e.\"TypeCode\" AS \"TypeCode\", e.\"Date\" AS \"Date\", e.\"Year\" AS \"Year\", e.\"IndexTitle\" AS \"IndexTitle\", e.\"IndexNumber\" AS \"IndexNumber\", " +
        "e.\"AlsoOnSiteId\" AS \"AlsoOnSiteId\"";

    private (string From, string Where, List<object> Args) Filtered(List<string> tokens, SearchQuery q, bool withFilters)
    {
        var args = new List<object> { Sqlite ? FtsMatch(tokens, q) : IndexQuery(tokens, q) };
        var sites = IdList(q.SiteIds);
        // A question answered by another unit is found on both sites (AlsoOnSiteId).
        var where = (Sqlite ? "search_fts MATCH {0}" : $"{SearchIndexes.IndexedVector} @@ to_tsquery('simple', {{0}})") +
            $" AND (e.\"SiteId\" IN ({sites}) OR e.\"AlsoOnSiteId\" IN ({sites}))";
        if (withFilters)
        {
            if (q.Kind is not null) { args.Add(q.Kind); where += $" AND e.\"Kind\" = {{{args.Count - 1}}}"; }
            if (q.TypeCode is not null) { args.Add(q.TypeCode); where += $" AND e.\"TypeCode\" = {{{args.Count - 1}}}"; }
            if (q.Year is not null) { args.Add(q.Year.Value); where += $" AND e.\"Year\" = {{{args.Count - 1}}}"; }
        }
        // SQLite: each hit's site, kind, type and year come from a narrow covering index (IX_SearchEntries_Scan), not from the
        // row, whose texts fill a page or more each: thousands of hits cost thousands of small reads, not of pages.
        var from = Sqlite ? $"search_fts JOIN \"SearchEntries\" e INDEXED BY \"{ScanIndex}\" ON e.\"Id\" = search_fts.rowid" : "\"SearchEntries\" e";
        return (from, where, args);
    }

    /// <summary>Hits by facet value, counting at most <paramref name="max"/>.</summary>
    private async Task<List<FacetRow>> FacetsAsync(List<string> tokens, SearchQuery q, bool withFilters, int max, CancellationToken ct)
    {
        var (from, where, args) = Filtered(tokens, q, withFilters);
        var sql = $"SELECT h.\"Kind\" AS \"Kind\", h.\"TypeCode\" AS \"TypeCode\", h.\"Year\" AS \"Year\", COUNT(*) AS \"Count\" FROM " +
            $"(SELECT e.\"Kind\", e.\"TypeCode\", e.\"Year\" FROM {from} WHERE {where} LIMIT {max.ToString(CultureInfo.InvariantCulture)}) h " +
            "GROUP BY h.\"Kind\", h.\"TypeCode\", h.\"Year\"";
        return await WithBitmapPlansAsync(() => ReadAsync(sql, args, r => new FacetRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)), ct), ct);
    }

    /// <summary>The best hits by the index's own rank (number, then title, then text); for queries with few hits.</summary>
    private async Task<List<Row>> RankedAsync(List<string> tokens, SearchQuery q, int limit, List<Row>? hits, CancellationToken ct)
    {
        var (from, where, args) = Filtered(tokens, q, withFilters: true);
        // Every hit already read (PostgreSQL): looked up by id rather than by the index again, whose walk of the words'
        // long lists cost 24 of 60 ms for seven common words on one site at a million.
        if (hits is not null)
        {
            where = hits.Count == 0 ? "FALSE" : $"e.\"Id\" IN ({IdList(hits.Select(h => h.Id))})";
            args = [];
        }
        // bm25 is better when lower; ts_rank when higher, of the words alone (a site lexeme is not in the entry's own vector),
        // ORed: for words ANDed ts_rank weighs every pair of their positions, which cost 20 µs a hit for six common words
        // (40 ms for the 827 hits of one query at a million items, against 10 ms ORed). Words side by side are rewarded
        // by the phrase bonus instead (RankAsync).
        args.Add(string.Join(" | ", tokens));
        var words = "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        var sql = Sqlite
            ? $"SELECT {RowColumns}, bm25(search_fts, 12.0, 6.0, 1.0, 0.0) AS \"Score\" FROM {from} WHERE {where} ORDER BY \"Score\" LIMIT {limit}"
            : $"SELECT {RowColumns}, ts_rank('{{{{0.1, 0.2, 0.6, 1.0}}}}', e.\"Vector\", to_tsquery('simple', {words}))::float8 AS \"Score\" FROM {from} WHERE {where} ORDER BY \"Score\" DESC LIMIT {limit}";
        return await ReadAsync(sql, args, ReadRow, ct);
    }

    /// <summary>The newest hits (by when they were indexed, which follows publication), without reading every hit.</summary>
    private async Task<List<Row>> NewestAsync(List<string> tokens, SearchQuery q, int limit, CancellationToken ct) =>
        await NewestAsync(tokens, q, withFilters: true, limit, ct);

    private async Task<List<Row>> NewestAsync(List<string> tokens, SearchQuery q, bool withFilters, int limit, CancellationToken ct)
    {
        var (from, where, args) = Filtered(tokens, q, withFilters);
        if (Sqlite)
        {
            // FTS5 walks its index backwards by rowid and stops at the limit.
            var sql = $"SELECT {RowColumns}, 0.0 AS \"Score\" FROM {from} WHERE {where} ORDER BY search_fts.rowid DESC LIMIT {limit}";
            return await ReadAsync(sql, args, ReadRow, ct);
        }
        return (await NewestHitsAsync(tokens, q, limit, ct)).Rows;
    }

    private int _lastId;

    // GIN checks every candidate from the blocks' lists against the whole query, so a chunk costs about its lists' entries
    // times its terms: past 16 blocks it costs more than reading the words' lists whole (a document number: 0.6 s with 66
    // blocks against 30 ms without, measured at a million items). A site's lexemes in a block ("s13b244") list only its
    // items, yet a 64-block chunk on one site still took 60 ms for a word in a tenth of them, where 16-block chunks read
    // the same hits for less: chunks hold 16 lexemes at most on sites too.
    private const int MaxChunkLexemes = 16;

    /// <summary>How many hits a query with figures is read up to at once (<see cref="ScanAsync"/>); one with more goes to the chunks.</summary>
    private static int NumberHitsCap(int limit) => 4 * (limit + 1);

    /// <summary>
    /// PostgreSQL: the newest <paramref name="needed"/> hits, newest first, or every hit when there are fewer (Every). GIN
    /// yields hits in no order and each hit read costs a page, so they are looked for in chunks of blocks going back from
    /// the newest, each read once: the words ANDed with the chunk's block lexemes (`words &amp; (b244 | b243)`), so GIN
    /// follows the blocks' short lists and only the chunk's hits are read from the table. Hits are spread evenly enough
    /// over ids for those read so far to size the next chunk, and to tell when the rest holds so few that reading it
    /// whole costs less than more chunks. A word in a quarter of one site's items, at a million: 11,487 rows and 144 ms
    /// read whole, some 1,300 in chunks.
    /// </summary>
    private async Task<(List<Row> Rows, bool Every)> NewestHitsAsync(List<string> tokens, SearchQuery q, int needed, CancellationToken ct)
    {
        // Before the plan settings: without index scans the newest id is a scan of the whole table.
        if (_lastId == 0) _lastId = await db.SearchEntries.MaxAsync(e => (int?)e.Id, ct) ?? 0;
        return await WithBitmapPlansAsync(() => ChunksAsync(tokens, q, needed, ct), ct);
    }

    private async Task<(List<Row> Rows, bool Every)> ChunksAsync(List<string> tokens, SearchQuery q, int needed, CancellationToken ct)
    {
        var rows = new List<Row>();
        // From the block after the last id, which entries added since may have started.
        var top = _lastId / SearchIndexes.BlockSize + 1;
        var next = top;
        var size = 3;
        var widest = q.SiteIds.Count > MaxSiteLexemes ? MaxChunkLexemes : Math.Max(1, MaxChunkLexemes / q.SiteIds.Count);
        while (true)
        {
            var blocks = Enumerable.Range(0, Math.Min(size, next + 1)).Select(i => next - i).ToList();
            rows.AddRange(await HitsAsync(tokens, q, needed - rows.Count, IndexQuery(tokens, q, blocks), belowId: null, anyOrder: false, ct));
            next -= blocks.Count;
            if (rows.Count >= needed) return (rows, false);
            if (next < 0) return (rows, true);
            var missing = needed - rows.Count;
            var perBlock = Math.Max(rows.Count, 1) / (double)(top - next);
            if (perBlock * (next + 1) <= 2.5 * missing)
            {
                // The rest read whole; the rows of the chunks above it are read again from the table but not kept.
                var rest = await HitsAsync(tokens, q, missing, IndexQuery(tokens, q), belowId: (next + 1) * SearchIndexes.BlockSize, anyOrder: false, ct);
                rows.AddRange(rest);
                return (rows, rest.Count < missing);
            }
            size = (int)Math.Clamp(Math.Ceiling(1.3 * missing / perBlock), 1, widest);
        }
    }

    /// <summary>PostgreSQL: up to <paramref name="limit"/> hits of the index query given (<see cref="IndexQuery"/>: the words,
    /// or the words on the sites, with block lexemes in a chunk), below an id if given; newest first, or in any order (<paramref name="anyOrder"/>: the first found, so
    /// every one when there are fewer).</summary>
    private async Task<List<Row>> HitsAsync(List<string> tokens, SearchQuery q, int limit, string indexQuery, int? belowId, bool anyOrder, CancellationToken ct)
    {
        var (from, where, args) = Filtered(tokens, q, withFilters: true);
        args[0] = indexQuery;
        if (belowId is { } below) where += $" AND e.\"Id\" < {below.ToString(CultureInfo.InvariantCulture)}";
        var limitText = limit.ToString(CultureInfo.InvariantCulture);
        var sql = $"SELECT * FROM (SELECT {RowColumns}, 0::float8 AS \"Score\" FROM {from} WHERE {where} {(anyOrder ? "LIMIT " + limitText : "OFFSET 0")}) w " +
            $"ORDER BY w.\"Id\" DESC LIMIT {limitText}";
        return await WithBitmapPlansAsync(() => ReadAsync(sql, args, ReadRow, ct), ct);
    }

    private const string PlanSettings =
        "SET LOCAL enable_indexscan = off; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL plan_cache_mode = force_custom_plan";

    /// <summary>The transaction the plan settings were made in (they hold until it ends).</summary>
    private Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? _planned;

    /// <summary>
    /// Runs the hit statements in one transaction with the planner held to the bitmaps: left to itself it may walk the
    /// primary key and test every row's tsvector, read from TOAST (ten times slower), and compiling with JIT costs more
    /// than the query, and so does starting parallel workers for a few thousand rows (a chunk: 24 ms with two, 14 without).
    /// One transaction for all the chunks of a search, not one for each. The statements repeat with other words, so the
    /// connection prepares them (<see cref="Data.DataSetup.WithPageDefaults"/>), and a plan made once for any words would
    /// serve common and rare ones alike: each is planned for its own words.
    /// </summary>
    private async Task<TResult> WithBitmapPlansAsync<TResult>(Func<Task<TResult>> work, CancellationToken ct)
    {
        if (Sqlite) return await work();
        if (db.Database.CurrentTransaction is { } current)
        {
            if (!ReferenceEquals(current, _planned))
            {
                await db.Database.ExecuteSqlRawAsync(PlanSettings, ct);
                _planned = current;
            }
            return await work();
        }
        await using var own = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(PlanSettings, ct);
        _planned = own;
        var result = await work();
        await own.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Runs one of the engine's SQL statements over the context's connection (and transaction), {0}, {1}… being the
    /// arguments. Plain ADO, not SqlQueryRaw: the statements carry their ids inline, so nearly every one is new to EF's
    /// query cache, and compiling a query for each cost more than running it.
    /// </summary>
    private async Task<List<T>> ReadAsync<T>(string sql, IReadOnlyList<object> args, Func<System.Data.Common.DbDataReader, T> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction is { } tx ? Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(tx) : null;
            for (var i = 0; i < args.Count; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                p.Value = args[i];
                cmd.Parameters.Add(p);
                sql = sql.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", p.ParameterName, StringComparison.Ordinal);
            }
            cmd.CommandText = sql.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
            var rows = new List<T>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Row ReadRow(System.Data.Common.DbDataReader r) => new(
        r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
        Data.UtcDateTimeConverter.FromStore(r.GetDateTime(7)), r.GetInt32(8), r.GetString(9), r.GetString(10),
        r.IsDBNull(11) ? null : r.GetInt32(11), r.GetDouble(12));

    /// <summary>Which candidates hold the words side by side, in order, anywhere in their text.</summary>
    private async Task<HashSet<int>> WithPhraseAsync(List<string> tokens, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        // SQLite: FTS5 checks a phrase by walking the position lists of its words through the candidates' whole range of
        // rowids (up to half a second for common words when the candidates span the index), so the candidates' own normal
        // forms, single-spaced words, are searched for the words in a row instead.
        var sql = Sqlite
            ? $"SELECT \"Id\" AS \"Value\" FROM \"SearchEntries\" WHERE \"Id\" IN ({IdList(ids)}) AND (instr(' ' || \"IndexNumber\" || ' ', {{0}}) > 0 " +
              $"OR instr(' ' || \"IndexTitle\" || ' ', {{0}}) > 0 OR instr(' ' || \"IndexText\" || ' ', {{0}}) > 0)"
            : $"SELECT \"Id\" AS \"Value\" FROM \"SearchEntries\" WHERE \"Vector\" @@ phraseto_tsquery('simple', {{0}}) AND \"Id\" IN ({IdList(ids)})";
        var arg = Sqlite ? " " + string.Join(' ', tokens) + " " : string.Join(' ', tokens);
        return (await ReadAsync(sql, [arg], r => r.GetInt32(0), ct)).ToHashSet();
    }

    /// <summary>The start of the items' texts.</summary>
    private async Task<Dictionary<int, string>> TextsAsync(List<int> ids, int chars, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        return await db.SearchEntries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, Text = e.Text.Substring(0, chars) }).ToDictionaryAsync(e => e.Id, e => e.Text, ct);
    }
}
