using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Registry;

/// <summary>
/// Keeps the registry entries of hosted sites in step with the sites: called by <see cref="AppDb.SaveChangesAsync(bool, CancellationToken)"/>
/// for every site (or host) the save touched, in the same transaction, so no code path that adds or changes a site can
/// leave the registry behind. A site's entry takes its agency name, kind, host names, EMC tag and licence line; the
/// registry's own facts (IPv6, licence expiry, subdomain confirmation, notes) stay as the Department recorded them.
/// A new site whose host is already an external entry's domain adopts that entry: the unit moved onto the platform.
/// </summary>
public static class RegistrySync
{
    public static HashSet<int> Collect(ChangeTracker tracker)
    {
        var ids = new HashSet<int>();
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (e.Entity)
            {
                case Site s when e.State != EntityState.Deleted: ids.Add(s.Id == 0 ? -1 : s.Id); break;
                case SiteHost h: ids.Add(h.SiteId == 0 ? -1 : h.SiteId); break;
            }
        }
        return ids;
    }

    /// <summary>Collected before the save (ids of added sites are known only after it): re-read them from the tracker.</summary>
    public static HashSet<int> Resolve(ChangeTracker tracker, HashSet<int> collected)
    {
        if (!collected.Remove(-1)) return collected;
        foreach (var s in tracker.Entries<Site>()) collected.Add(s.Entity.Id);
        foreach (var h in tracker.Entries<SiteHost>()) collected.Add(h.Entity.SiteId);
        return collected;
    }

    /// <summary>Brings the entries of these sites up to date; returns whether anything changed (the caller saves).</summary>
    public static async Task<bool> ApplyAsync(AppDb db, IReadOnlyCollection<int> siteIds, DateTime now, CancellationToken ct)
    {
        if (siteIds.Count == 0) return false;
        var ids = siteIds.ToList();
        var sites = await db.Sites.Include(s => s.Hosts).Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var entries = await db.RegistryEntries.Include(e => e.Domains).Where(e => e.SiteId != null && ids.Contains(e.SiteId.Value)).ToListAsync(ct);
        var changed = false;
        foreach (var site in sites)
        {
            var hosts = site.Hosts.Select(h => h.Host.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct().ToList();
            var entry = entries.FirstOrDefault(e => e.SiteId == site.Id);
            if (entry is null && hosts.Count > 0)
            {
                // A unit whose website was recorded as external and now runs on the platform.
                entry = await db.RegistryEntries.Include(e => e.Domains)
                    .Where(e => e.SiteId == null && e.Domains.Any(d => hosts.Contains(d.Domain))).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
                if (entry is not null) { entry.SiteId = site.Id; changed = true; }
            }
            if (entry is null)
            {
                entry = new RegistryEntry { SiteId = site.Id, CreatedAt = now, SiteTypeCode = SiteTypes.Agency };
                db.RegistryEntries.Add(entry);
                changed = true;
            }
            changed |= Mirror(entry, site, now);
            changed |= await MirrorDomainsAsync(db, entry, hosts, now, ct);
        }
        return changed;
    }

    private static bool Mirror(RegistryEntry e, Site site, DateTime now)
    {
        var name = string.IsNullOrWhiteSpace(site.AgencyName) ? site.Name : site.AgencyName;
        var type = site.Slug.Length == 0 && site.ParentId is null ? SiteTypes.Portal
            : site.IsAggregatedSite ? SiteTypes.Aggregated
            : e.SiteTypeCode is SiteTypes.Portal or SiteTypes.Aggregated or "" ? SiteTypes.Agency
            : e.SiteTypeCode;
        var (number, issuedOn, issuer) = RegistryRules.ParseLicenceLine(site.LicenceLine);
        var before = (e.UnitName, e.UnitKindCode, e.SiteTypeCode, e.Emc, e.EmcSiteId, e.LicenceNumber, e.LicenceIssuedOn, e.LicenceIssuer);
        e.UnitName = name.Trim();
        e.UnitKindCode = site.KindCode;
        e.SiteTypeCode = type;
        // The platform puts the EMC tag on every page of a site that has it switched on.
        e.Emc = site.EmcEnabled;
        e.EmcSiteId = site.EmcSiteId;
        if (number is not null)
        {
            e.LicenceNumber = number;
            e.LicenceIssuedOn = issuedOn ?? e.LicenceIssuedOn;
            e.LicenceIssuer = issuer ?? e.LicenceIssuer;
        }
        if (before == (e.UnitName, e.UnitKindCode, e.SiteTypeCode, e.Emc, e.EmcSiteId, e.LicenceNumber, e.LicenceIssuedOn, e.LicenceIssuer)) return false;
        e.UpdatedAt = now;
        return true;
    }

    private static async Task<bool> MirrorDomainsAsync(AppDb db, RegistryEntry e, List<string> hosts, DateTime now, CancellationToken ct)
    {
        var current = e.Domains.Select(d => d.Domain).ToList();
        if (current.SequenceEqual(hosts)) return false;
        // A host the site took over from another entry's domain list moves here (domains are unique in the registry).
        var taken = await db.RegistryDomains.Where(d => hosts.Contains(d.Domain) && d.EntryId != e.Id).ToListAsync(ct);
        foreach (var d in taken)
        {
            var other = await db.RegistryEntries.FirstAsync(x => x.Id == d.EntryId, ct);
            other.Notes = Append(other.Notes, $"Tên miền {d.Domain} chuyển sang trang {e.UnitName} đặt trên hệ thống ({Public.VnTime.DateText(now)}).");
            other.UpdatedAt = now;
            db.RegistryDomains.Remove(d);
        }
        e.SetDomains(hosts);
        e.UpdatedAt = now;
        return true;
    }

    private static string Append(string? notes, string line)
    {
        var text = string.IsNullOrWhiteSpace(notes) ? line : notes.TrimEnd() + "\n" + line;
        return text.Length <= 2000 ? text : text[^2000..];
    }

    /// <summary>Every hosted site: used once by the migration that creates the registry, and by the bench.</summary>
    public static async Task<int> SyncAllAsync(AppDb db, DateTime now, CancellationToken ct)
    {
        var ids = await db.Sites.Select(s => s.Id).ToListAsync(ct);
        if (!await ApplyAsync(db, ids, now, ct)) return 0;
        return await db.SaveChangesAsync(ct);
    }
}
