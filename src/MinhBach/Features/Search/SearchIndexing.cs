using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Features.Questions;
using MinhBach.Text;

namespace MinhBach.Features.Search;

/// <summary>
/// Keeps <see cref="SearchEntry"/> rows in step with the items they describe. <see cref="AppDb"/> calls it on
/// every save, so every path that changes content (editors, the publishing job, syndication, imports, the demo)
/// updates search in the same transaction, and an item is findable exactly while it is public.
/// </summary>
public static class SearchIndexing
{
    public sealed record Change(object Entity, string Kind);

    /// <summary>The indexed items among the pending changes, noted before the save (after it, deleted ones are gone).</summary>
    public static List<Change> Collect(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var kind = KindOf(e.Entity);
            if (kind is not null) changes.Add(new Change(e.Entity, kind));
        }
        return changes;
    }

    private static string? KindOf(object entity) => entity switch
    {
        Article => SearchKinds.Article,
        Document => SearchKinds.Document,
        Page => SearchKinds.Page,
        Question => SearchKinds.Question,
        _ => null,
    };

    /// <summary>After the items were saved (new ones now have ids): adds, updates or removes their entries.</summary>
    public static async Task ApplyAsync(AppDb db, List<Change> changes, CancellationToken ct)
    {
        foreach (var group in changes.GroupBy(c => c.Kind))
        {
            var ids = group.Select(c => IdOf(c.Entity)).Distinct().ToList();
            var existing = await db.SearchEntries.Where(e => e.Kind == group.Key && ids.Contains(e.RefId)).ToDictionaryAsync(e => e.RefId, ct);
            foreach (var change in group)
            {
                var id = IdOf(change.Entity);
                var deleted = db.Entry(change.Entity).State == EntityState.Detached;
                var wanted = deleted ? null : Build(change.Entity, db.DocumentTypeName);
                existing.TryGetValue(id, out var current);
                if (wanted is null)
                {
                    if (current is not null) db.SearchEntries.Remove(current);
                    existing.Remove(id);
                }
                else if (current is null)
                {
                    db.SearchEntries.Add(wanted);
                    existing[id] = wanted;
                }
                else
                {
                    wanted.Id = current.Id;
                    db.Entry(current).CurrentValues.SetValues(wanted);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        SearchVocabulary.Changed();
    }

    private static int IdOf(object entity) => entity switch
    {
        Article a => a.Id,
        Document d => d.Id,
        Page p => p.Id,
        Question q => q.Id,
        _ => throw new ArgumentException("Not indexed", nameof(entity)),
    };

    /// <summary>The entry an item should have, or null when the public cannot see it.</summary>
    public static SearchEntry? Build(object entity, Func<string, string?> typeName) => entity switch
    {
        Article { Status: ArticleStatus.Published } a => Entry(a.SiteId, SearchKinds.Article, a.Id, a.Title,
            a.Summary + " " + SearchText.FromHtml(a.Body), null, null, a.PublishedAt),
        Document d => Entry(d.SiteId, SearchKinds.Document, d.Id, d.Title,
            string.Join(" ", new[] { typeName(d.TypeCode), d.Title, d.IssuingBody, d.Signer, d.Field, d.AttachmentText }.Where(s => !string.IsNullOrWhiteSpace(s))),
            d.Number, d.TypeCode, d.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        Page { Language: "vi" } p => Entry(p.SiteId, SearchKinds.Page, p.Id, p.Title, SearchText.FromHtml(p.Body), null, null, p.UpdatedAt),
        // Only the public wording: the asker's own text and contact are never indexed.
        Question { Status: QuestionStatus.Published, PublishedAt: not null } q => QuestionEntry(q),
        _ => null,
    };

    /// <summary>Only the public wording: the asker's own text and contact are never indexed. Found on the site it was
    /// asked on and on the one that answered it.</summary>
    private static SearchEntry QuestionEntry(Question q)
    {
        var e = Entry(q.SiteId, SearchKinds.Question, q.Id, q.PublicTitle ?? "", q.PublicQuestion + " " + q.PublicAnswer, null, null, q.PublishedAt!.Value);
        if (q.HandlingSiteId != q.SiteId) e.AlsoOnSiteId = q.HandlingSiteId;
        return e;
    }

    private static SearchEntry Entry(int siteId, string kind, int refId, string title, string text, string? number, string? typeCode, DateTime date)
    {
        text = SearchText.CollapseSpaces(text);
        if (text.Length > SearchText.MaxIndexedChars) text = text[..SearchText.MaxIndexedChars];
        return new SearchEntry
        {
            SiteId = siteId, Kind = kind, RefId = refId, Title = title, Text = text, Number = string.IsNullOrWhiteSpace(number) ? null : number,
            TypeCode = typeCode, Date = date, Year = date.Year,
            IndexTitle = SearchText.Normalize(title), IndexText = SearchText.Normalize(text), IndexNumber = SearchText.Normalize(number),
        };
    }
}
