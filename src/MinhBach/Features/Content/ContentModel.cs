using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Content;

/// <summary>Introduction pages: functions and duties, history, natural conditions … in Vietnamese or English.</summary>
public sealed class Page : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    /// <summary>"vi" or "en".</summary>
    public string Language { get; set; } = "vi";
    public string Slug { get; set; } = "";
    /// <summary>Code from data/page-kinds.json, which says which mandatory item the page carries.</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Sanitised HTML.</summary>
    public string Body { get; set; } = "";
    public int Order { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }
}

/// <summary>A unit in the organisation chart (phòng, ban, đơn vị trực thuộc).</summary>
public sealed class OrgUnit : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int? ParentId { get; set; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Head { get; set; }
    public string? Functions { get; set; }
    public string? FunctionsEn { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int Order { get; set; }
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }
}

public sealed class Leader : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Slug { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PhotoUrl { get; set; }
    public int? BirthYear { get; set; }
    public string? Hometown { get; set; }
    /// <summary>Sanitised HTML; empty when the site has not published it.</summary>
    public string Biography { get; set; } = "";
    /// <summary>Assigned duties (nhiệm vụ được phân công), sanitised HTML.</summary>
    public string Duties { get; set; } = "";
    public string DutiesEn { get; set; } = "";
    public int Order { get; set; }
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }
}

/// <summary>Focal-point official (cán bộ đầu mối) with official phone and email.</summary>
public sealed class Contact : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string FullName { get; set; } = "";
    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Responsibility { get; set; } = "";
    public string ResponsibilityEn { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int Order { get; set; }
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }
}

public enum LinkKind
{
    PublicService = 0,
    Gazette = 1,
    DataPortal = 2,
    Other = 3,
}

public sealed class SiteLink : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public LinkKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public int Order { get; set; }
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }
}
