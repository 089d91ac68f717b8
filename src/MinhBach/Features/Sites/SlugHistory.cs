using Microsoft.EntityFrameworkCore;
using MinhBach.Data;

namespace MinhBach.Features.Sites;

/// <summary>
/// Keeps published addresses alive when content is renamed: the old slug becomes a <see cref="SlugRedirect"/>
/// to the new one. Changes are added to the context; the caller saves them with the rename.
/// </summary>
public static class SlugHistory
{
    /// <summary>Content types of <see cref="SlugRedirect.ContentType"/>.</summary>
    public const string Category = "category", Page = "page", PageEn = "page-en", Leader = "leader", Document = "document", Article = "article";

    /// <summary>Records that <paramref name="oldSlug"/> of this site now lives at <paramref name="newSlug"/>; earlier
    /// redirects to the old slug are pointed at the new one (no chains), and a redirect away from the new slug is
    /// dropped (the address is live again).</summary>
    public static async Task RenamedAsync(AppDb db, int siteId, string contentType, string oldSlug, string newSlug, CancellationToken ct = default)
    {
        if (oldSlug == newSlug || oldSlug.Length == 0) return;
        var related = await db.SlugRedirects.Where(r => r.ContentType == contentType
            && (r.OldSlug == newSlug || r.OldSlug == oldSlug || r.NewSlug == oldSlug)).ToListAsync(ct);
        var haveOld = false;
        foreach (var r in related)
        {
            if (r.OldSlug == newSlug) db.SlugRedirects.Remove(r);
            else
            {
                r.NewSlug = newSlug;
                haveOld |= r.OldSlug == oldSlug;
            }
        }
        if (!haveOld)
            db.SlugRedirects.Add(new SlugRedirect { SiteId = siteId, ContentType = contentType, OldSlug = oldSlug, NewSlug = newSlug });
    }

    /// <summary>The content at <paramref name="slug"/> is gone: old addresses pointing at it would only lead to a 404.</summary>
    public static async Task RemovedAsync(AppDb db, string contentType, string slug, CancellationToken ct = default)
    {
        var pointing = await db.SlugRedirects.Where(r => r.ContentType == contentType && r.NewSlug == slug).ToListAsync(ct);
        db.SlugRedirects.RemoveRange(pointing);
    }

    /// <summary>New content takes <paramref name="slug"/>: a redirect kept from that old address is dropped, the address is live again.</summary>
    public static async Task ClaimedAsync(AppDb db, string contentType, string slug, CancellationToken ct = default)
    {
        var from = await db.SlugRedirects.Where(r => r.ContentType == contentType && r.OldSlug == slug).ToListAsync(ct);
        db.SlugRedirects.RemoveRange(from);
    }
}
