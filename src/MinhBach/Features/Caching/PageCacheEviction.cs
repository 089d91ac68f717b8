using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MinhBach.Data;

namespace MinhBach.Features.Caching;

/// <summary>
/// Evicts the pages a committed save made stale (see <see cref="CacheTags.Collect"/>). AppDb calls it after a save that
/// ran outside any transaction; inside one, the tags wait for the commit (<see cref="CommitEviction"/>), so no request can
/// render and re-cache the old rows between the eviction and the commit.
/// </summary>
public sealed class PageCacheEviction(IOutputCacheStore store, Sites.SiteDirectory directory, Scaling.ClusterSignals signals, ILogger<PageCacheEviction> log)
{
    public async Task EvictAsync(IReadOnlyCollection<string> tags)
    {
        if (tags.Count == 0) return;
        // Menus first: a page rendered from here on, on any node, has the new menu (or a key no new request looks for).
        if (tags.Contains(CacheTags.Menus)) await directory.ChangedAsync();
        foreach (var tag in tags)
        {
            if (tag == CacheTags.Menus) continue;
            try
            {
                // Not the request's token: a save that committed must not leave its pages stale because a client left.
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The change is committed; a cache that cannot be reached ages its pages out on their own.
                log.LogWarning(e, "Không xoá được các trang đã lưu đệm theo nhãn {Tag}.", tag);
            }
        }
        // After the store: a copy taken in front of it from here on is of a page rendered after the change.
        await signals.SendAsync(Scaling.Signals.Pages);
    }
}

/// <summary>Runs the evictions a save noted once the transaction around it commits, and forgets them on rollback.</summary>
internal sealed class CommitEviction : DbTransactionInterceptor
{
    public static readonly CommitEviction Instance = new();

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is AppDb db) await db.EvictCommittedAsync();
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is AppDb db) db.EvictCommittedAsync().GetAwaiter().GetResult();
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        (eventData.Context as AppDb)?.ForgetEvictions();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AppDb)?.ForgetEvictions();
}
