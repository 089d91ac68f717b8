using MinhBach.Features.Sites;

namespace MinhBach.Features.Statistics;

/// <summary>Page views and unique visitors of one site on one day (Viet Nam time). Only counts are kept, never a
/// visitor's address, cookie or path through the site.</summary>
public sealed class VisitDay : ISiteOwned
{
    public int SiteId { get; set; }
    public DateOnly Day { get; set; }
    public long Views { get; set; }
    public long Visitors { get; set; }
}

/// <summary>Views of one page (its site-relative path, without query) on one day: the "most read" tables.</summary>
public sealed class VisitPageDay : ISiteOwned
{
    public int SiteId { get; set; }
    public DateOnly Day { get; set; }
    public string Path { get; set; } = "";
    public long Views { get; set; }
}

/// <summary>Views of one day by where the visitor came from and the kind of device: at most a few dozen rows a day.</summary>
public sealed class VisitSourceDay : ISiteOwned
{
    public int SiteId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>A referrer kind from data/referrer-kinds.json ("direct", "search", "social", "government", "internal", "other").</summary>
    public string Referrer { get; set; } = "";
    /// <summary>"mobile", "tablet" or "desktop".</summary>
    public string Device { get; set; } = "";
    public long Views { get; set; }
}

/// <summary>A visitor already counted today: a salted hash (the salt is deleted after its day, so the hash cannot be
/// linked to anyone afterwards). Shared by all nodes so each visitor counts once; deleted with the day's salt.</summary>
public sealed class VisitorMark : ISiteOwned
{
    public int SiteId { get; set; }
    public DateOnly Day { get; set; }
    public long Hash { get; set; }
}

/// <summary>The random salt of one day, shared by every node through the database and deleted once the day is over.</summary>
public sealed class VisitSalt
{
    public DateOnly Day { get; set; }
    public byte[] Salt { get; set; } = [];
}
