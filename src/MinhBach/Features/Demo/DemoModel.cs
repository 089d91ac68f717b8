namespace MinhBach.Features.Demo;

/// <summary>Items a demo site leaves out on purpose, so that compliance checks have something to find (docs/DEMO.md).</summary>
[Flags]
internal enum DemoGap
{
    None = 0,
    /// <summary>INF-13: leaders listed without biography and without assigned duties.</summary>
    LeadersWithoutBiography = 1,
    /// <summary>INF-20: no English pages and no English names of units, leaders, contacts.</summary>
    NoEnglish = 2,
    /// <summary>INF-16: no leaders' work schedule.</summary>
    NoSchedule = 4,
    /// <summary>INF-14: no administrative boundary map page.</summary>
    NoBoundaryMap = 8,
    /// <summary>INF-15: newest article about four months old.</summary>
    StaleNews = 16,
    /// <summary>TEC-23: a few articles without author.</summary>
    SomeArticlesWithoutAuthor = 32,
    /// <summary>INF-06: no focal-point officials (cán bộ đầu mối).</summary>
    NoContacts = 64,
    /// <summary>INF-07: no budget disclosure category.</summary>
    NoBudgetCategory = 128,
    /// <summary>TEC-05: no EMC monitoring tag (as one unit of 27 in the Đắk Nông review).</summary>
    NoEmc = 256,
}

internal enum DemoTier { Portal, Department, Commune, District }

/// <summary>The demo illustrations under wwwroot/assets/demo (anh-01.svg … anh-10.svg).</summary>
internal enum Scene
{
    Building = 1,
    Meeting = 2,
    Field = 3,
    Bridge = 4,
    School = 5,
    Hospital = 6,
    Festival = 7,
    Factory = 8,
    Coast = 9,
    Digital = 10,
}

/// <summary>One unit of the organisation chart; Code is used in document numbers (1234/SYT-NVY) and e-mail names.</summary>
internal sealed record UnitSpec(string Code, string Name, string NameEn, string Functions, string FunctionsEn, UnitSpec[]? Children = null);

/// <summary>What a department (or the province, or a commune) works on: the raw material of its texts.</summary>
internal sealed class Sector
{
    /// <summary>Fields of state management, lower case ("khám bệnh, chữa bệnh").</summary>
    public required string[] Fields { get; init; }
    /// <summary>Noun phrases that fit after "triển khai", "tăng cường", "kiểm tra" …, lower case.</summary>
    public required string[] Topics { get; init; }
    public required Scene Scene { get; init; }
    /// <summary>"y tế, gồm: …" — what the agency advises the People's Committee on.</summary>
    public required string Scope { get; init; }
    public required string ScopeEn { get; init; }
    public required string Ministry { get; init; }
    public required string MinistryEn { get; init; }
    public required string[] Duties { get; init; }
    public required string[] DutiesEn { get; init; }
    /// <summary>Paragraphs of the history page.</summary>
    public required string[] History { get; init; }
    public required string[] HistoryEn { get; init; }
    public required UnitSpec[] Units { get; init; }
    /// <summary>Areas a deputy head directs ("khám bệnh, chữa bệnh; dược; y dược cổ truyền").</summary>
    public required string[] Areas { get; init; }
    public required string[] AreasEn { get; init; }
    public required string[] Degrees { get; init; }
    public required string[] Laws { get; init; }
    public required string[] Research { get; init; }
    public required string[] Warnings { get; init; }
    public required string[] Packages { get; init; }
    public required string[] Stats { get; init; }
    public required string[] Partners { get; init; }
}

/// <summary>Facts about a territory (province, commune, ward, former district) for its introduction pages.</summary>
internal sealed class Locality
{
    /// <summary>"tỉnh", "xã", "phường", "huyện".</summary>
    public required string Type { get; init; }
    public required string PlaceName { get; init; }
    public required string PlaceNameEn { get; init; }
    public required decimal AreaKm2 { get; init; }
    public required int Population { get; init; }
    /// <summary>North, east, south, west neighbours.</summary>
    public required string[] Borders { get; init; }
    public required string Terrain { get; init; }
    public required string Climate { get; init; }
    public required string Economy { get; init; }
    public required string EconomyEn { get; init; }
    public required string People { get; init; }
    /// <summary>"thôn", "tổ dân phố", "buôn" …; for the province, its example communes.</summary>
    public required string[] Hamlets { get; init; }
    public required string[] Relics { get; init; }
    public required string[] Festivals { get; init; }
    public required string FormedFrom { get; init; }
    public required string[] HistoryNotes { get; init; }
    public bool Highland { get; init; }
    public bool Coastal { get; init; }

    public string Label => $"{Type} {PlaceName}";
}

internal sealed class SiteSpec
{
    public required string Slug { get; init; }
    public required DemoTier Tier { get; init; }
    public required string KindCode { get; init; }
    public required string Name { get; init; }
    public required string AgencyName { get; init; }
    public required string NameEn { get; init; }
    /// <summary>How the agency is called in running text: "Sở Y tế", "UBND xã Tân Phú", "UBND tỉnh".</summary>
    public required string Short { get; init; }
    /// <summary>Short name of the site (progress lines, Site.ShortName).</summary>
    public required string ShortName { get; init; }
    public required string[] Hosts { get; init; }
    public required string Theme { get; init; }
    /// <summary>Abbreviation in document numbers: UBND, SYT, SGDĐT …</summary>
    public required string DocCode { get; init; }
    /// <summary>Prefix of the agency's mailboxes: soyte → soyte@dongminh.gov.vn.</summary>
    public required string MailName { get; init; }
    public required Sector Sector { get; init; }
    public Locality? Locality { get; init; }
    public required string Address { get; init; }
    public required string Phone { get; init; }
    public required string Fax { get; init; }
    public int ArticleCount { get; init; }
    public int DocumentCount { get; init; }
    public DemoGap Gaps { get; init; }
    public bool EmcEnabled { get; init; }
    /// <summary>The site's number in the EMC system, distinct per site.</summary>
    public string? EmcSiteId { get; init; }
    /// <summary>Slug of the site a merged (legacy) site now redirects to.</summary>
    public string? MergedInto { get; init; }
    public string? Description { get; init; }
    /// <summary>Name the agency had before the 2025 merger, used in older articles.</summary>
    public string? FormerShort { get; init; }

    public bool Has(DemoGap gap) => (Gaps & gap) != 0;
    public bool IsWard => Locality?.Type == "phường";
    public string Email => $"{MailName}@{DemoProvinceFacts.Domain}";
    public string HomeUrl => $"https://{Hosts[0]}";
}
