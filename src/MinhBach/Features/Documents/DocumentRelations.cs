using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Documents;

/// <summary>A relation as a document's page shows it: "Bị thay thế bởi 15/2026/QĐ-UBND" with a link when that document is
/// on a site of the province, and its status.</summary>
public sealed record RelatedLink(string Label, bool Incoming, string Number, string? Title, string? Url, DocumentStatus? Status, DateOnly? InForceFrom);

public static class DocumentRelations
{
    /// <summary>What the document does to others (in the editor's order), then what others do to it (newest first).</summary>
    public static async Task<IReadOnlyList<RelatedLink>> LoadAsync(AppDb db, SiteDirectory directory, Document d, HttpRequest http, CurrentSite current, CancellationToken ct)
    {
        var outgoing = await (from l in db.DocumentLinks.IgnoreQueryFilters().AsNoTracking()
                              where l.DocumentId == d.Id
                              join t in db.Documents.IgnoreQueryFilters().AsNoTracking() on l.TargetId equals t.Id into targets
                              from t in targets.DefaultIfEmpty()
                              orderby l.Order
                              select new { l.Relation, l.Partial, l.TargetNumber, Target = t }).ToListAsync(ct);
        var incoming = await (from l in db.DocumentLinks.IgnoreQueryFilters().AsNoTracking()
                              where l.TargetId == d.Id
                              join s in db.Documents.IgnoreQueryFilters().AsNoTracking() on l.DocumentId equals s.Id
                              orderby s.IssuedOn descending
                              select new { l.Relation, l.Partial, Source = s }).ToListAsync(ct);
        var snap = await directory.GetAsync(ct);
        string UrlOf(Document x)
        {
            var owner = snap.ById.GetValueOrDefault(x.SiteId);
            var prefix = owner is null || owner.Id == current.Required.Id ? http.PathBase.Value ?? "" : SiteUrls.Home(owner, http, current.ResolvedByHost).TrimEnd('/');
            return prefix + ContentUrls.Document(x);
        }
        var list = new List<RelatedLink>();
        foreach (var o in outgoing)
            list.Add(new RelatedLink(DocumentStatuses.Outgoing(o.Relation, o.Partial), false, o.Target?.Number ?? o.TargetNumber, o.Target?.Title,
                o.Target is null ? null : UrlOf(o.Target), o.Target?.Status, o.Target?.InForceFrom));
        foreach (var i in incoming)
            list.Add(new RelatedLink(DocumentStatuses.Incoming(i.Relation, i.Partial), true, i.Source.Number, i.Source.Title, UrlOf(i.Source), i.Source.Status, i.Source.InForceFrom));
        return list;
    }
}
