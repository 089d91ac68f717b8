namespace MinhBach.Features.Search;

/// <summary>What a search hit is; the names are the values of `type` in /api/search.</summary>
public static class SearchKinds
{
    public const string Article = "article";
    public const string Document = "document";
    public const string Page = "page";
    public const string Question = "question";

    public static string Vietnamese(string kind) => kind switch
    {
        Article => "Tin bài",
        Document => "Văn bản",
        Page => "Trang giới thiệu",
        Question => "Hỏi đáp",
        _ => kind,
    };

    public static readonly string[] All = [Article, Document, Page, Question];
}

/// <summary>
/// One public item in the search index: kept by <see cref="SearchIndexing"/> in the same transaction as the
/// item itself, so what a visitor can open is what search finds, and nothing else (drafts never are).
/// The Index* columns hold <see cref="Text.SearchText.Normalize"/> forms, which the full-text engine indexes:
/// an FTS5 table on SQLite, a generated tsvector with a GIN index (over it and block and site lexemes, SearchIndexes) on PostgreSQL.
/// </summary>
public sealed class SearchEntry
{
    /// <summary>PostgreSQL only: the generated tsvector column (a shadow property, absent on SQLite).</summary>
    public const string VectorColumn = "Vector";

    public int Id { get; set; }
    public int SiteId { get; set; }
    /// <summary>A second site that shows the item: a question answered by another unit is public on both, as on /hoi-dap.</summary>
    public int? AlsoOnSiteId { get; set; }
    public string Kind { get; set; } = "";
    public int RefId { get; set; }
    /// <summary>Document type code (data/document-types.json), for the type facet of documents.</summary>
    public string? TypeCode { get; set; }
    public DateTime Date { get; set; }
    public int Year { get; set; }
    public string? Number { get; set; }
    public string Title { get; set; } = "";
    public string IndexNumber { get; set; } = "";
    public string IndexTitle { get; set; } = "";
    // The long columns last: on SQLite a row's leading columns are read without following its overflow pages,
    // so counting and filtering hits stays cheap however long the texts are.
    /// <summary>Plain text shown in snippets: summary and body, or a document's summary and attachment text.</summary>
    public string Text { get; set; } = "";
    public string IndexText { get; set; } = "";
}
