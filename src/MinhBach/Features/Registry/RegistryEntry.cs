using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Registry;

/// <summary>
/// One government website of the province in the registry (sổ theo dõi), hosted on the platform or not. Not owned
/// by a site: the registry is the Department's province-wide view. A hosted entry (<see cref="SiteId"/> set) is kept in
/// step with its <see cref="Site"/> by <see cref="RegistrySync"/>: name, kind, domains, EMC, licence line.
/// </summary>
public sealed class RegistryEntry : IVersioned
{
    public int Id { get; set; }
    /// <summary>Name of the unit that owns the website ("Sở Tư pháp", "UBND huyện Cư Jút").</summary>
    public string UnitName { get; set; } = "";
    /// <summary>Folded <see cref="UnitName"/>, to match names typed without diacritics (parent column of the import).</summary>
    public string UnitNameFolded { get; set; } = "";
    /// <summary>Code from data/agency-kinds.json.</summary>
    public string UnitKindCode { get; set; } = "";
    public int? ParentId { get; set; }
    public RegistryEntry? Parent { get; set; }
    /// <summary>The hosted site this entry mirrors; null for a website run elsewhere.</summary>
    public int? SiteId { get; set; }
    /// <summary>Code from data/site-types.json.</summary>
    public string SiteTypeCode { get; set; } = "";

    /// <summary>Aggregated-site licence (giấy phép thiết lập trang TTĐT tổng hợp): number, date, issuer, expiry.</summary>
    public string? LicenceNumber { get; set; }
    public DateOnly? LicenceIssuedOn { get; set; }
    public string? LicenceIssuer { get; set; }
    public DateOnly? LicenceExpiresOn { get; set; }
    /// <summary>Reference of the subdomain confirmation (giấy xác nhận tên miền), e.g. "310/GXN-STTTT ngày 22/10/2024".</summary>
    public string? SubdomainConfirmation { get; set; }
    /// <summary>Reachable over IPv6; null when not known yet.</summary>
    public bool? Ipv6 { get; set; }
    /// <summary>Connected to the EMC monitoring system; null when not known yet.</summary>
    public bool? Emc { get; set; }
    public string? EmcSiteId { get; set; }
    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<RegistryDomain> Domains { get; set; } = [];

    public bool Hosted => SiteId is not null;

    /// <summary>Makes <see cref="Domains"/> these normalised domains in this order, keeping the rows it already has.</summary>
    public void SetDomains(IReadOnlyList<string> domains)
    {
        Domains.RemoveAll(d => !domains.Contains(d.Domain));
        for (var i = 0; i < domains.Count; i++)
        {
            var d = Domains.FirstOrDefault(x => x.Domain == domains[i]);
            if (d is null) Domains.Add(new RegistryDomain { Domain = domains[i], Order = i });
            else d.Order = i;
        }
    }
}

/// <summary>A domain of a registry entry, normalised (<see cref="DomainNames.Normalise"/>); unique across the registry.</summary>
public sealed class RegistryDomain
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public string Domain { get; set; } = "";
    public int Order { get; set; }
}

internal static class RegistryModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RegistryEntry>(e =>
        {
            e.Property(x => x.UnitName).HasMaxLength(300);
            e.Property(x => x.UnitNameFolded).HasMaxLength(300);
            e.Property(x => x.UnitKindCode).HasMaxLength(64);
            e.Property(x => x.SiteTypeCode).HasMaxLength(64);
            e.Property(x => x.LicenceNumber).HasMaxLength(100);
            e.Property(x => x.LicenceIssuer).HasMaxLength(300);
            e.Property(x => x.SubdomainConfirmation).HasMaxLength(300);
            e.Property(x => x.EmcSiteId).HasMaxLength(32);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.HasIndex(x => x.SiteId).IsUnique();
            e.HasIndex(x => x.UnitNameFolded);
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Domains).WithOne().HasForeignKey(d => d.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RegistryDomain>(e =>
        {
            e.HasIndex(d => d.Domain).IsUnique();
            e.Property(d => d.Domain).HasMaxLength(253);
        });
    }
}
