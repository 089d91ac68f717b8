using MinhBach.Data;

namespace MinhBach.Features.Sites;

public enum SiteStatus
{
    Active = 0,
    /// <summary>Merged into another site; every request is redirected there.</summary>
    Merged = 1,
    Closed = 2,
}

/// <summary>The provincial portal (no parent) or one of its component sites.</summary>
public sealed class Site : IVersioned
{
    public int Id { get; set; }
    /// <summary>Path prefix for local and demo use (/so-khcn/…); empty for the portal itself.</summary>
    public string Slug { get; set; } = "";
    /// <summary>Title of the site: "Cổng thông tin điện tử tỉnh …", "Trang thông tin điện tử Sở …".</summary>
    public string Name { get; set; } = "";
    /// <summary>Full Vietnamese name of the owning agency, shown in the header (TEC-20).</summary>
    public string AgencyName { get; set; } = "";
    /// <summary>English name of the agency, for the /en/ pages (INF-20).</summary>
    public string NameEn { get; set; } = "";
    public string? ShortName { get; set; }
    /// <summary>Code from data/agency-kinds.json: kinds are data, since local government keeps changing.</summary>
    public string KindCode { get; set; } = "";
    public int? ParentId { get; set; }
    public Site? Parent { get; set; }
    public SiteStatus Status { get; set; }
    public int? MergedIntoId { get; set; }
    public int Order { get; set; }

    public string? Description { get; set; }
    /// <summary>Governing body shown in the footer (cơ quan chủ quản).</summary>
    public string? ManagingAgency { get; set; }
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? Fax { get; set; }
    public string Email { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";
    public string ResponsiblePersonTitle { get; set; } = "";
    /// <summary>"Giấy phép số …/GP-TTĐT ngày … do … cấp"; only aggregated sites must show one.</summary>
    public string? LicenceLine { get; set; }
    /// <summary>Theme name from a vetted palette (contrast checked), not free colours.</summary>
    public string Theme { get; set; } = "do";
    public string? LogoUrl { get; set; }
    /// <summary>A licensed aggregated site may republish without a per-article permission reference (TEC-22).</summary>
    public bool IsAggregatedSite { get; set; }
    /// <summary>Whether an editor may approve their own submission on this site.</summary>
    public bool AllowSelfApproval { get; set; }
    public bool EmcEnabled { get; set; }
    /// <summary>Value of one royalty point in VND (giá trị một điểm nhuận bút), set by the editor-in-chief.</summary>
    public long RoyaltyPointValue { get; set; } = DefaultRoyaltyPointValue;
    public const long DefaultRoyaltyPointValue = 100_000;
    public string? EmcSiteId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Visits counted by the site's previous system, given by the operator, so "since the start" totals keep
    /// the site's history; the built-in counter adds the days after <see cref="VisitsBeforeDate"/>.</summary>
    public long VisitsBefore { get; set; }
    /// <summary>The last day <see cref="VisitsBefore"/> covers; days up to it counted here are not added twice.</summary>
    public DateOnly? VisitsBeforeDate { get; set; }
    /// <summary>Show the public visit counter ("Lượt truy cập: …") in the footer.</summary>
    public bool ShowVisitCounter { get; set; }
    /// <summary>Incremented on every save (AppDb); a settings form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }

    public List<SiteHost> Hosts { get; set; } = [];
    /// <summary>Filled by the site directory when it reads the sites, not stored with them.</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public SiteMenu Menu { get; set; } = SiteMenu.Empty;
}

public sealed class SiteHost
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    /// <summary>Lower-case host name without port, e.g. sokhcn.dongminh.gov.vn.</summary>
    public string Host { get; set; } = "";
}

/// <summary>Rows owned by one site; the database filters them to the current site.</summary>
public interface ISiteOwned
{
    int SiteId { get; set; }
}

/// <summary>Old slugs kept when content is renamed or moved, so published links keep working.</summary>
public sealed class SlugRedirect : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string ContentType { get; set; } = "";
    public string OldSlug { get; set; } = "";
    public string NewSlug { get; set; } = "";
}
