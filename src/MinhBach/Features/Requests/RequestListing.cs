using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Public;
using MinhBach.Text;

namespace MinhBach.Features.Requests;

/// <summary>The public list of one kind of request: the published ones, newest first, searched in their folded public
/// wording (with or without diacritics).</summary>
public static class RequestListing
{
    public const int MaxQueryLength = 200;

    /// <summary>The search words as typed, trimmed and cut to <see cref="MaxQueryLength"/>; null when there are none.</summary>
    public static string? Query(string? q)
    {
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        return query?.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
    }

    /// <summary>One page of the published requests matching the query; null for a page past the last one.</summary>
    public static async Task<Paged<T>?> PageAsync<T>(IQueryable<T> published, string? query, int page, int pageSize, string listUrl, CancellationToken ct)
        where T : RoutedRequest
    {
        foreach (var token in SearchText.Tokens(query).Distinct().Take(10))
            published = published.Where(x => x.PublicFolded!.Contains(token));
        var total = await published.CountAsync(ct);
        var extra = query is null ? null : "q=" + Uri.EscapeDataString(query);
        var items = await published.OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        if (page > 1 && items.Count == 0) return null;
        return new Paged<T>(items, page, pageSize, total, listUrl, extra);
    }
}
