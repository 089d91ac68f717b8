using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Documents;

/// <summary>
/// Marks, in an article or page as it is shown, every link to a document of the province that is no longer (wholly or
/// partly) in force: "(hết hiệu lực toàn bộ)" after the link. The stored text is not touched, so the mark follows the
/// document's status as it changes. Links are recognised in every form an editor pastes: /van-ban/so, /so-khcn/van-ban/so,
/// and absolute addresses on the sites' host names.
/// </summary>
public sealed class DocumentLinkNotes(AppDb db, SiteDirectory directory, CurrentSite current)
{
    private const string Marker = "/van-ban/";

    public async Task<string> AnnotateAsync(string html, CancellationToken ct)
    {
        if (!html.Contains(Marker, StringComparison.Ordinal)) return html;
        var snap = await directory.GetAsync(ct);
        var site = current.Required;
        var doc = new HtmlParser().ParseDocument("");
        var body = doc.Body!;
        body.InnerHtml = html;

        var targets = new List<(AngleSharp.Dom.IElement Link, int SiteId, string Slug)>();
        foreach (var a in body.QuerySelectorAll("a[href]"))
            if (Target(a.GetAttribute("href")!, snap, current.ResolvedByHost ? site : snap.Portal) is { } t) targets.Add((a, t.SiteId, t.Slug));
        if (targets.Count == 0) return html;

        var slugs = targets.Select(t => t.Slug).Distinct().ToList();
        var ended = await db.Documents.IgnoreQueryFilters().AsNoTracking()
            .Where(d => slugs.Contains(d.Slug) && (d.Status == DocumentStatus.Expired || d.Status == DocumentStatus.PartlyExpired))
            .Select(d => new { d.SiteId, d.Slug, d.Status }).ToListAsync(ct);
        if (ended.Count == 0) return html;
        var changed = false;
        foreach (var (link, siteId, slug) in targets)
        {
            var hit = ended.FirstOrDefault(d => d.SiteId == siteId && d.Slug == slug);
            if (hit is null) continue;
            var note = doc.CreateElement("span");
            note.ClassName = "doc-status doc-status-" + DocumentStatuses.Slug(hit.Status);
            note.TextContent = $" ({DocumentStatuses.Label(hit.Status).ToLowerInvariant()})";
            link.After(note);
            changed = true;
        }
        return changed ? body.InnerHtml : html;
    }

    /// <summary>The site and document slug a link points at, or null when it is not a document page of a site here.
    /// <paramref name="rootOwner"/>: whose "/van-ban/…" a relative link is (this host's site, or the portal on a shared host).</summary>
    private static (int SiteId, string Slug)? Target(string href, SiteDirectory.Snapshot snap, Site? rootOwner)
    {
        string path;
        Site? hostSite = null;
        if (href.StartsWith("//", StringComparison.Ordinal)) href = "https:" + href;
        // Before Uri: on Linux "/van-ban/x" parses as an absolute file: address.
        if (href.StartsWith('/')) path = href.Split('?', '#')[0];
        else if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https")
        {
            snap.ByHost.TryGetValue(abs.Host.ToLowerInvariant(), out hostSite);
            if (hostSite is null) return null;
            path = abs.AbsolutePath;
        }
        else return null;

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && parts[0] == "van-ban")
        {
            var owner = hostSite ?? rootOwner;
            return owner is null ? null : (owner.Id, Uri.UnescapeDataString(parts[1]));
        }
        // A prefix-routed site, on the shared host (relative) or on the portal's host name.
        if (parts.Length == 3 && parts[1] == "van-ban" && (hostSite is null || hostSite.Slug.Length == 0) && snap.BySlug.TryGetValue(parts[0], out var prefixed))
            return (prefixed.Id, Uri.UnescapeDataString(parts[2]));
        return null;
    }
}
