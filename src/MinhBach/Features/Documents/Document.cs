using MinhBach.Data;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Documents;

/// <summary>A legal or administrative document issued or drafted by the agency: its record, its files and its relations
/// to other documents. Its <see cref="Status"/> is kept by <see cref="DocumentStatuses"/>, never typed by an editor.</summary>
public sealed class Document : ISiteOwned, IVersioned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Slug { get; set; } = "";
    /// <summary>Số ký hiệu, e.g. 123/QĐ-UBND.</summary>
    public string Number { get; set; } = "";
    /// <summary>The number folded to letters and digits ("123qdubnd"): how a relation typed as "123/QD-UBND" finds it.</summary>
    public string NumberKey { get; set; } = "";
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
    /// <summary>Ngày hết hiệu lực: from this day on the document is no longer in force.</summary>
    public DateOnly? ExpiresOn { get; set; }
    /// <summary>Hiệu lực, computed from the dates and the relations of other documents to this one.</summary>
    public DocumentStatus Status { get; set; }
    /// <summary>The next day on which <see cref="Status"/> changes by itself (an effective or expiry date, or the day a
    /// replacing document takes effect); null when nothing is due. The daily job recomputes the rows due.</summary>
    public DateOnly? StatusDueOn { get; set; }
    /// <summary>The text extracted from the attached files, joined: what search finds in the full text.</summary>
    public string AttachmentText { get; set; } = "";
    /// <summary>An address of the full text elsewhere (the national legal database), besides or instead of attached files.</summary>
    public string? FileUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Incremented on every save (AppDb); a form posted with an older value is a conflict, not an overwrite.</summary>
    public int Version { get; set; }

    public List<DocumentFile> Files { get; set; } = [];
    /// <summary>What this document does to others, in the order the editor listed them.</summary>
    public List<DocumentLink> Links { get; set; } = [];

    public DateOnly InForceFrom => EffectiveOn ?? IssuedOn;
}

/// <summary>Tình trạng hiệu lực. The values are stored: never renumber.</summary>
public enum DocumentStatus
{
    InForce = 0,
    NotYetInForce = 1,
    PartlyExpired = 2,
    Expired = 3,
}

/// <summary>A relation from a document to another: it replaces, amends, repeals or guides the target. The target is a
/// document of any site of the province when one has that number, otherwise only its number as written (a decree of
/// the Government is not stored here).</summary>
public sealed class DocumentLink : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int DocumentId { get; set; }
    public DocumentRelation Relation { get; set; }
    /// <summary>Only some articles are replaced or repealed ("thay thế một phần", "bãi bỏ một phần").</summary>
    public bool Partial { get; set; }
    /// <summary>The target's number as the editor wrote it.</summary>
    public string TargetNumber { get; set; } = "";
    /// <summary><see cref="Document.NumberKey"/> of <see cref="TargetNumber"/>: a document added later with that number is linked then.</summary>
    public string TargetKey { get; set; } = "";
    public int? TargetId { get; set; }
    public int Order { get; set; }
}

/// <summary>A file of a document (its full text, an appendix), checked by content and stored; the text extracted
/// from it goes into search. <see cref="DocumentId"/> is null between the upload and the save of the form.</summary>
public sealed class DocumentFile : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int? DocumentId { get; set; }
    /// <summary>Store path: {siteId}/{yyyy}/{MM}/{32 hex}.{pdf|docx|doc}.</summary>
    public string Path { get; set; } = "";
    public string OriginalName { get; set; } = "";
    public DocumentFileFormat Format { get; set; }
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public int? PageCount { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Why no text came out (Vietnamese, for the editor); null when the text was extracted.</summary>
    public string? Problem { get; set; }
    public int? UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }
    public int Order { get; set; }
}
