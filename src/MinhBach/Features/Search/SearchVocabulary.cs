using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Text;

namespace MinhBach.Features.Search;

/// <summary>
/// "Có phải bạn muốn tìm" for typos: the words of every indexed title in their normal form, how often each
/// occurs, and the spelling with diacritics most used for it; also the facet values (kind, type, year) of each site. Built from the index in memory (Vietnamese
/// has a few thousand syllables, so even a province's titles make a small table), rebuilt when this node
/// changed the index or after ten minutes; large indexes rebuild in the background while the old table serves.
/// </summary>
public sealed class SearchVocabulary
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<SearchVocabulary> log;

    public SearchVocabulary(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchVocabulary> log, Scaling.ClusterSignals signals)
    {
        (this.scopes, this.clock, this.log) = (scopes, clock, log);
        signals.On(Scaling.Signals.Search, ChangedElsewhere);
    }

    private static long _localChanges;
    private static long _remoteChanges;
    private const int InlineBuildLimit = 20_000;
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private sealed record Term(int Count, string Display);
    public sealed record FacetValue(string Kind, string? TypeCode, int Year);
    private sealed record Table(Dictionary<string, Term> Terms, Dictionary<int, HashSet<FacetValue>> FacetsBySite, long Generation, DateTimeOffset BuiltAt, int Entries,
        Fingerprint Index);

    /// <summary>How many entries the index holds and the newest id: what another process that sends no signal moves when it
    /// adds items (the demo seed) or reindexes (new ids). Edits through a node are counted (Changed) and signalled.</summary>
    private sealed record Fingerprint(int Count, int MaxId);

    private Table? _table;
    private Task? _building;
    private readonly Lock _lock = new();

    /// <summary>Called when this node changes the index.</summary>
    public static void Changed() => Interlocked.Increment(ref _localChanges);

    /// <summary>How many times this node changed the index: the cluster's signals tell the other nodes when it moves.</summary>
    public static long LocalChanges => Interlocked.Read(ref _localChanges);

    /// <summary>Another node changed the index (a separate count, so this node never signals it back).</summary>
    public static void ChangedElsewhere() => Interlocked.Increment(ref _remoteChanges);

    /// <summary>Likely spellings of the query, best first (at most <paramref name="max"/>): each word not found in
    /// the titles replaced by near words that are, the more frequent first. Empty when every word is known.</summary>
    public async Task<IReadOnlyList<string>> SuggestAsync(AppDb db, string text, IReadOnlyList<string> tokens, CancellationToken ct, int max = 5)
    {
        var table = await CurrentAsync(db, ct);
        if (table is null || table.Terms.Count == 0) return [];
        var typed = SearchText.AccentedWords(text);
        var accented = typed.Any(w => SearchText.Normalize(w) != w);
        var asTyped = typed.GroupBy(SearchText.Normalize).ToDictionary(g => g.Key, g => g.First());
        var choices = new List<List<string>>();
        var changed = false;
        foreach (var token in tokens)
        {
            var known = table.Terms.ContainsKey(token) || token.Length < 2 || token.All(char.IsAsciiDigit);
            var near = known ? [] : Closest(table, token, 3);
            if (near.Count == 0)
            {
                choices.Add([asTyped.GetValueOrDefault(token) ?? token]);
                continue;
            }
            changed = true;
            choices.Add(near.Select(t => accented ? table.Terms[t].Display : t).ToList());
        }
        if (!changed) return [];
        // Combinations in order of the sum of their choices' ranks: the best guess for every word first.
        var combos = new List<(int Rank, string Text)>();
        void Walk(int i, int rank, List<string> words)
        {
            if (combos.Count > 50) return;
            if (i == choices.Count) { combos.Add((rank, string.Join(' ', words))); return; }
            for (var k = 0; k < choices[i].Count; k++)
            {
                words.Add(choices[i][k]);
                Walk(i + 1, rank + k, words);
                words.RemoveAt(words.Count - 1);
            }
        }
        Walk(0, 0, []);
        return combos.OrderBy(c => c.Rank).Select(c => c.Text).Distinct().Take(max).ToList();
    }

    /// <summary>The kinds, document types and years the sites' entries have, for the facets of a query with more
    /// hits than are counted.</summary>
    public async Task<IReadOnlyCollection<FacetValue>> FacetValuesAsync(AppDb db, IReadOnlyCollection<int> siteIds, CancellationToken ct)
    {
        var table = await CurrentAsync(db, ct);
        if (table is null) return [];
        var values = new HashSet<FacetValue>();
        foreach (var id in siteIds)
            if (table.FacetsBySite.TryGetValue(id, out var own)) values.UnionWith(own);
        return values;
    }

    private static List<string> Closest(Table table, string token, int take)
    {
        var max = token.Length <= 4 ? 1 : 2;
        var found = new List<(string Term, int Distance, int Count)>();
        foreach (var (term, info) in table.Terms)
        {
            if (Math.Abs(term.Length - token.Length) > max) continue;
            var d = Distance(token, term, max);
            if (d <= max) found.Add((term, d, info.Count));
        }
        return found.OrderBy(f => f.Distance).ThenByDescending(f => f.Count).Take(take).Select(f => f.Term).ToList();
    }

    /// <summary>Edit distance with adjacent swaps (optimal string alignment), giving up past <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        var (n, m) = (a.Length, b.Length);
        var prev2 = new int[m + 1];
        var prev = new int[m + 1];
        var cur = new int[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = j;
        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[m];
    }

    private async Task<Table?> CurrentAsync(AppDb db, CancellationToken ct)
    {
        var table = _table;
        var generation = LocalChanges + Interlocked.Read(ref _remoteChanges);
        if (table is not null && table.Generation == generation && clock.GetUtcNow() - table.BuiltAt < MaxAge) return table;
        if (table is null || table.Entries < InlineBuildLimit)
        {
            _table = await RefreshAsync(db, table, generation, ct);
            return _table;
        }
        lock (_lock)
        {
            if (_building is null || _building.IsCompleted)
                _building = Task.Run(async () =>
                {
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        _table = await RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), table, generation, CancellationToken.None);
                    }
                    catch (Exception e)
                    {
                        log.LogWarning(e, "Không dựng lại được bảng từ gợi ý tìm kiếm.");
                    }
                }, CancellationToken.None);
        }
        return table;
    }

    /// <summary>
    /// A table past its age whose index no change on this node or a signalled one touched is read again only if the index's
    /// fingerprint moved: at a million entries a build reads every title (8.7 s in the server's statement log), a
    /// fingerprint two aggregates.
    /// </summary>
    private async Task<Table> RefreshAsync(AppDb db, Table? table, long generation, CancellationToken ct)
    {
        if (table is not null && table.Generation == generation && await FingerprintAsync(db, ct) == table.Index)
            return table with { BuiltAt = clock.GetUtcNow() };
        return await BuildAsync(db, generation, ct);
    }

    private static async Task<Fingerprint> FingerprintAsync(AppDb db, CancellationToken ct) =>
        new(await db.SearchEntries.CountAsync(ct), await db.SearchEntries.MaxAsync(e => (int?)e.Id, ct) ?? 0);

    private async Task<Table> BuildAsync(AppDb db, long generation, CancellationToken ct)
    {
        // Read first: an entry added during the read moves the next fingerprint, so it is read at the next refresh.
        var index = await FingerprintAsync(db, ct);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var entries = 0;
        var facets = new Dictionary<int, HashSet<FacetValue>>();
        await foreach (var e in db.SearchEntries.AsNoTracking().Select(e => new { e.Title, e.SiteId, e.Kind, e.TypeCode, e.Year,
            // Only questions have a second site; asked only of them, SQLite does not read every row's long columns to reach it (it is stored after them).
            AlsoOnSiteId = e.Kind == SearchKinds.Question ? e.AlsoOnSiteId : null }).AsAsyncEnumerable().WithCancellation(ct))
        {
            entries++;
            foreach (var site in e.AlsoOnSiteId is { } also ? [e.SiteId, also] : new[] { e.SiteId })
            {
                if (!facets.TryGetValue(site, out var values)) facets[site] = values = [];
                values.Add(new FacetValue(e.Kind, e.TypeCode, e.Year));
            }
            foreach (var word in SearchText.AccentedWords(e.Title))
            {
                var normal = SearchText.Tokens(word);
                if (normal.Count != 1 || normal[0].All(char.IsAsciiDigit)) continue;
                var key = normal[0];
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (!spellings.TryGetValue(key, out var forms)) spellings[key] = forms = new(StringComparer.Ordinal);
                forms[word] = forms.GetValueOrDefault(word) + 1;
            }
        }
        var terms = counts.ToDictionary(kv => kv.Key, kv => new Term(kv.Value, spellings[kv.Key].MaxBy(f => f.Value).Key), StringComparer.Ordinal);
        return new Table(terms, facets, generation, clock.GetUtcNow(), entries, index);
    }
}
