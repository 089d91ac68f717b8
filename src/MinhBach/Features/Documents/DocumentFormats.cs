using System.Globalization;
using MinhBach.Features.Documents.Extraction;

namespace MinhBach.Features.Documents;

/// <summary>How a document's file is named, typed and sized for people and browsers.</summary>
public static class DocumentFormats
{
    public static string ContentType(DocumentFileFormat f) => f switch
    {
        DocumentFileFormat.Pdf => "application/pdf",
        DocumentFileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/msword",
    };

    public static string Label(DocumentFileFormat f) => f switch
    {
        DocumentFileFormat.Pdf => "PDF",
        DocumentFileFormat.Docx => "DOCX",
        _ => "DOC",
    };

    /// <summary>Vietnamese decimal comma: 1,2 MB; 350 KB.</summary>
    public static string Size(long bytes)
    {
        var inv = CultureInfo.InvariantCulture;
        return bytes switch
        {
            >= 1024 * 1024 => (bytes / 1024d / 1024d).ToString("0.#", inv).Replace('.', ',') + " MB",
            >= 1024 => (bytes / 1024).ToString(inv) + " KB",
            _ => bytes.ToString(inv) + " byte",
        };
    }
}
