using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Documents;

/// <summary>A document issued or drafted by the agency (basic fields; the full legal-document database builds on it).</summary>
public sealed class Document : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Slug { get; set; } = "";
    /// <summary>Số ký hiệu, e.g. 123/QĐ-UBND.</summary>
    public string Number { get; set; } = "";
    /// <summary>Code from data/document-types.json.</summary>
    public string TypeCode { get; set; } = "";
    /// <summary>Trích yếu.</summary>
    public string Title { get; set; } = "";
    public string TitleFolded { get; set; } = "";
    public string IssuingBody { get; set; } = "";
    public string? Signer { get; set; }
    public string? Field { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public string? FileUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }
}
