using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;
using MinhBach.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace MinhBach.Features.Documents.Extraction;

/// <summary>The kind of a file, as its content says (the name is only a hint).</summary>
/// <summary>Stored as numbers in DocumentFile: never renumber.</summary>
public enum DocumentFileFormat
{
    Unknown = 0,
    Pdf = 1,
    /// <summary>Word 2007 and later (Office Open XML), including a DOCX protected by a password.</summary>
    Docx = 2,
    /// <summary>Word 97–2003 (an OLE compound file with a WordDocument stream).</summary>
    Doc = 3,
}

/// <summary>Why no text came out of a file (the file itself may still be stored and offered for download).</summary>
public enum ExtractionProblem
{
    None,
    Empty,
    TooLarge,
    Corrupt,
    PasswordProtected,
    /// <summary>A PDF whose pages carry no text at all, only pictures: most likely a scan.</summary>
    Scanned,
    /// <summary>A readable file with no text in it (blank pages, an empty document).</summary>
    NoText,
    /// <summary>Word 97–2003: stored, but its text is not extracted.</summary>
    LegacyFormat,
    Unsupported,
}

/// <summary>
/// What came out of a file. <see cref="Text"/> is plain text in NFC, one paragraph or printed line per line,
/// blank lines between blocks and pages, a tab where a line holds two columns (the header of an administrative
/// document: issuer on the left, national motto on the right). <see cref="Problem"/> is the sentence for the editor
/// when nothing could be extracted; <see cref="Notes"/> says when the text is incomplete.
/// </summary>
public sealed record ExtractedDocument
{
    public DocumentFileFormat Format { get; init; }
    public string Text { get; init; } = "";
    /// <summary>Pages of a PDF; null for formats without fixed pages.</summary>
    public int? PageCount { get; init; }
    /// <summary>Where each extracted PDF page starts in <see cref="Text"/> (empty for other formats).</summary>
    public IReadOnlyList<int> PageStarts { get; init; } = [];
    public ExtractionProblem ProblemKind { get; init; }
    /// <summary>In Vietnamese, for the editor: why the text could not be extracted; null when it was.</summary>
    public string? Problem { get; init; }
    /// <summary>True when the text stops early (character limit or time budget).</summary>
    public bool Truncated { get; init; }
    /// <summary>Remarks in Vietnamese that do not prevent using the text (cut short, pages without text).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool HasText => Text.Length > 0;

    /// <summary>The text of the first page of a PDF, or the start of the text otherwise (where the header is).</summary>
    public string FirstPage(int fallbackChars = 6000) =>
        PageStarts.Count > 1 ? Text[..PageStarts[1]] : Text.Length <= fallbackChars ? Text : Text[..fallbackChars];
}

/// <summary>Bounds for one extraction; the defaults suit uploads of legal documents.</summary>
public sealed record ExtractionLimits
{
    /// <summary>Larger files are refused before any parsing (the upload limit is the first line of defence).</summary>
    public long MaxInputBytes { get; init; } = 50L * 1024 * 1024;
    /// <summary>Extracted text stops here (the search index keeps far less: <see cref="SearchText.MaxIndexedChars"/>).</summary>
    public int MaxChars { get; init; } = 2_000_000;
    /// <summary>Pages are read until this much time has passed (checked between pages).</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>A DOCX part larger than this when uncompressed is not read (ZIP bombs).</summary>
    public long MaxUncompressedPartBytes { get; init; } = 64L * 1024 * 1024;
    /// <summary>The declared uncompressed size of all the entries of a DOCX together.</summary>
    public long MaxUncompressedTotalBytes { get; init; } = 256L * 1024 * 1024;
    /// <summary>Beyond this ratio of uncompressed to compressed size (on entries over 1 MB) a DOCX is taken for a bomb.</summary>
    public int MaxCompressionRatio { get; init; } = 200;
    public int MaxZipEntries { get; init; } = 10_000;

    public static ExtractionLimits Default { get; } = new();
}

/// <summary>
/// Turns an uploaded PDF or DOCX into plain text for the search index and for proposing the document's
/// metadata (<see cref="DocumentProposer"/>). The format is detected from the bytes: <c>%PDF-</c>, a ZIP holding
/// a Word document, an OLE compound file (Word 97–2003, or an encrypted Office package, i.e. a DOCX with a
/// password). Bad input never throws: the result carries a problem in Vietnamese for the editor instead.
/// Thread-safe; one instance can serve the whole application.
/// </summary>
public sealed class DocumentTextExtractor(ExtractionLimits? limits = null)
{
    private readonly ExtractionLimits _limits = limits ?? ExtractionLimits.Default;

    public ExtractionLimits Limits => _limits;

    /// <summary>Detects the format from the first bytes (and the name, for a ZIP that is not a Word package).</summary>
    public static DocumentFileFormat DetectFormat(ReadOnlySpan<byte> bytes, string? fileName = null)
    {
        // Signatures at the very start first: a ZIP may hold a PDF stored uncompressed within its first kilobyte.
        if (IsZip(bytes)) return DocumentFileFormat.Docx;
        if (CompoundFile.HasSignature(bytes)) return DocumentFileFormat.Doc;
        if (IsPdf(bytes)) return DocumentFileFormat.Pdf;
        return NameFormat(fileName);
    }

    public ExtractedDocument Extract(byte[] bytes, string? fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
            return Fail(NameFormat(fileName), ExtractionProblem.Empty, "Tệp rỗng (0 byte), không có nội dung để trích xuất.");
        if (bytes.Length > _limits.MaxInputBytes)
            return Fail(DetectFormat(bytes, fileName), ExtractionProblem.TooLarge,
                $"Tệp lớn hơn {_limits.MaxInputBytes / (1024 * 1024)} MB nên không trích xuất chữ; tệp vẫn được lưu.");

        if (IsZip(bytes)) return WithEncodingNote(ExtractDocx(bytes, fileName, ct));
        if (CompoundFile.HasSignature(bytes)) return ExtractCompound(bytes, fileName);
        if (IsPdf(bytes)) return WithEncodingNote(ExtractPdf(bytes, ct));

        var claimed = NameFormat(fileName);
        if (LooksLikeRtf(bytes))
            return Fail(claimed == DocumentFileFormat.Unknown ? DocumentFileFormat.Doc : claimed, ExtractionProblem.Unsupported,
                "Tệp thực chất là định dạng RTF, chưa hỗ trợ trích xuất chữ. Hãy mở bằng Word và lưu lại thành DOCX hoặc PDF rồi tải lên.");
        return claimed switch
        {
            DocumentFileFormat.Pdf => Fail(claimed, ExtractionProblem.Corrupt,
                "Tệp có đuôi .pdf nhưng nội dung không phải PDF (có thể tệp bị hỏng), không trích xuất được chữ."),
            DocumentFileFormat.Docx => Fail(claimed, ExtractionProblem.Corrupt,
                "Tệp có đuôi .docx nhưng nội dung không phải tài liệu Word (có thể tệp bị hỏng), không trích xuất được chữ."),
            DocumentFileFormat.Doc => Fail(claimed, ExtractionProblem.Corrupt,
                "Tệp có đuôi .doc nhưng nội dung không phải tài liệu Word (có thể tệp bị hỏng), không trích xuất được chữ."),
            _ => Fail(claimed, ExtractionProblem.Unsupported,
                "Không nhận ra định dạng tệp; chỉ trích xuất được chữ từ PDF và DOCX."),
        };
    }

    // ------------------------------------------------------------------------------------------ detection

    /// <summary>
    /// Latin-1 letters that Vietnamese in Unicode never uses but text typed with the old 8-bit fonts (TCVN3 ".VnTime",
    /// VNI-Times) is full of: "QuyÕt ®Þnh" for "Quyết định". Vietnamese letters of that block (à, á, â, ã, è, é, ê, ì, í,
    /// ò, ó, ô, õ, ù, ú, ý) and a few symbols of ordinary text (°, §, ±, ×, ÷) are not counted; ®, « and ¶ are, since those
    /// fonts put "đ", "ô" and "ả" there.
    /// </summary>
    private static bool IsLegacyEncodingChar(char c) =>
        c is >= '\u00A1' and <= '\u00FF' && "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ°§±×÷".IndexOf(c) < 0;

    private static ExtractedDocument WithEncodingNote(ExtractedDocument result)
    {
        if (!result.HasText) return result;
        var sample = result.Text.Length > 20_000 ? result.Text[..20_000] : result.Text;
        int letters = 0, odd = 0;
        foreach (var c in sample)
        {
            if (char.IsLetter(c)) letters++;
            if (IsLegacyEncodingChar(c)) odd++;
        }
        if (odd < 10 || odd < letters * 0.03) return result;
        return result with
        {
            Notes = [.. result.Notes, "Chữ trong tệp có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI) nên dấu tiếng Việt không đọc đúng; "
                + "hãy chuyển văn bản sang Unicode rồi tải lên lại để tìm kiếm được nội dung."],
        };
    }

    private static bool IsPdf(ReadOnlySpan<byte> bytes)
    {
        // The header may follow some junk (the specification allows it within the first kilobyte).
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    private static bool IsZip(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8);

    private static bool LooksLikeRtf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("{\\rtf"u8);

    private static DocumentFileFormat NameFormat(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".pdf" => DocumentFileFormat.Pdf,
            ".docx" or ".docm" or ".dotx" => DocumentFileFormat.Docx,
            ".doc" or ".dot" => DocumentFileFormat.Doc,
            _ => DocumentFileFormat.Unknown,
        };

    private static ExtractedDocument Fail(DocumentFileFormat format, ExtractionProblem kind, string message, int? pages = null) =>
        new() { Format = format, ProblemKind = kind, Problem = message, PageCount = pages };

    // ------------------------------------------------------------------------------------------ PDF

    private ExtractedDocument ExtractPdf(byte[] bytes, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            return PasswordPdf();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HasEncryptDictionary(bytes) ? PasswordPdf()
                : Fail(DocumentFileFormat.Pdf, ExtractionProblem.Corrupt,
                    "Tệp PDF bị hỏng hoặc không đầy đủ, không đọc được nội dung. Tệp vẫn được lưu; hãy kiểm tra lại tệp gốc.");
        }

        using (pdf)
        {
            int pageCount;
            try
            {
                pageCount = pdf.NumberOfPages;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Fail(DocumentFileFormat.Pdf, ExtractionProblem.Corrupt,
                    "Tệp PDF bị hỏng (không đọc được danh sách trang), không trích xuất được chữ.");
            }

            if (pageCount <= 0)
                return Fail(DocumentFileFormat.Pdf, ExtractionProblem.Corrupt,
                    "Tệp PDF bị hỏng (không có trang nào đọc được), không trích xuất được chữ.", 0);
            var text = new StringBuilder();
            var starts = new List<int>();
            var notes = new List<string>();
            int pagesWithText = 0, pagesWithImagesOnly = 0, pagesFailed = 0, pagesRead = 0;
            var truncated = false;
            for (var number = 1; number <= pageCount; number++)
            {
                ct.ThrowIfCancellationRequested();
                if (number > 1 && clock.Elapsed > _limits.TimeBudget)
                {
                    truncated = true;
                    notes.Add($"Tệp quá lớn: chỉ trích xuất chữ của {pagesRead}/{pageCount} trang đầu trong thời gian cho phép.");
                    break;
                }
                if (text.Length >= _limits.MaxChars)
                {
                    truncated = true;
                    notes.Add(CharLimitNote(pagesRead, pageCount));
                    break;
                }
                pagesRead++;
                string pageText;
                bool hasImages;
                try
                {
                    var page = pdf.GetPage(number);
                    pageText = PdfPageText.Of(page);
                    hasImages = pageText.Length == 0 && page.GetImages().Any();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    pagesFailed++;
                    continue;
                }
                if (pageText.Length == 0)
                {
                    if (hasImages) pagesWithImagesOnly++;
                    continue;
                }
                pagesWithText++;
                if (text.Length > 0) text.Append("\n\n");
                starts.Add(text.Length);
                text.Append(pageText);
            }

            if (pagesWithText == 0)
            {
                if (pagesFailed > 0 && pagesWithImagesOnly == 0)
                    return Fail(DocumentFileFormat.Pdf, ExtractionProblem.Corrupt,
                        "Tệp PDF bị hỏng, không đọc được nội dung các trang. Tệp vẫn được lưu; hãy kiểm tra lại tệp gốc.", pageCount);
                if (pagesWithImagesOnly > 0)
                    return Fail(DocumentFileFormat.Pdf, ExtractionProblem.Scanned,
                        "Tệp PDF không có lớp chữ trên trang nào, có vẻ là bản quét (ảnh chụp văn bản) nên không trích xuất được chữ. "
                        + "Hãy tải lên bản PDF xuất từ tệp Word, hoặc bản đã nhận dạng chữ (OCR).", pageCount);
                return Fail(DocumentFileFormat.Pdf, ExtractionProblem.NoText, "Tệp PDF không có chữ trên trang nào.", pageCount);
            }
            if (pagesWithImagesOnly > 0)
                notes.Add($"{pagesWithImagesOnly} trang chỉ có hình ảnh (có thể là trang quét), chữ trên các trang đó không được trích xuất.");
            if (pagesFailed > 0)
                notes.Add($"{pagesFailed} trang bị hỏng, không đọc được.");
            var (final, cut) = Finish(text.ToString());
            if (cut && !truncated)
            {
                truncated = true;
                notes.Add(CharLimitNote(pagesRead, pageCount));
            }
            return new ExtractedDocument
            {
                Format = DocumentFileFormat.Pdf, Text = final, PageCount = pageCount, PageStarts = starts.Where(s => s < final.Length).ToList(),
                Truncated = truncated, Notes = notes,
            };
        }
    }

    private static ExtractedDocument PasswordPdf() =>
        Fail(DocumentFileFormat.Pdf, ExtractionProblem.PasswordProtected,
            "Tệp PDF được bảo vệ bằng mật khẩu nên không trích xuất được chữ. Tệp vẫn được lưu; "
            + "hãy tải lên bản không đặt mật khẩu nếu muốn tìm kiếm được nội dung.");

    /// <summary>A damaged PDF that still names an /Encrypt dictionary in its trailer is taken for a protected one.</summary>
    private static bool HasEncryptDictionary(byte[] bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 64 * 1024));
        return tail.IndexOf("/Encrypt"u8) >= 0 || bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)).IndexOf("/Encrypt"u8) >= 0;
    }

    private string CharLimitNote(int pagesRead, int? pageCount) =>
        pageCount is int total
            ? $"Văn bản quá dài: chỉ giữ {VietnameseText.FormatNumber(_limits.MaxChars)} ký tự đầu (khoảng {pagesRead}/{total} trang)."
            : $"Văn bản quá dài: chỉ giữ {VietnameseText.FormatNumber(_limits.MaxChars)} ký tự đầu.";

    // ------------------------------------------------------------------------------------------ DOCX

    private ExtractedDocument ExtractDocx(byte[] bytes, string? fileName, CancellationToken ct)
    {
        const string corrupt = "Tệp DOCX bị hỏng (không đọc được cấu trúc tài liệu Word), không trích xuất được chữ. Tệp vẫn được lưu; hãy mở bằng Word, lưu lại rồi tải lên.";
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read))
            {
                var entries = zip.Entries;
                var isWord = entries.Any(e => e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase));
                if (!isWord)
                {
                    var other = entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)) ? "bảng tính Excel"
                        : entries.Any(e => e.FullName.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)) ? "bản trình chiếu PowerPoint"
                        : null;
                    if (other is not null)
                        return Fail(DocumentFileFormat.Unknown, ExtractionProblem.Unsupported,
                            $"Tệp là {other}, không phải văn bản Word; chỉ trích xuất được chữ từ PDF và DOCX.");
                    return NameFormat(fileName) == DocumentFileFormat.Docx
                        ? Fail(DocumentFileFormat.Docx, ExtractionProblem.Corrupt, corrupt)
                        : Fail(DocumentFileFormat.Unknown, ExtractionProblem.Unsupported,
                            "Tệp là tệp nén ZIP, không phải văn bản; chỉ trích xuất được chữ từ PDF và DOCX.");
                }
                if (entries.Count > _limits.MaxZipEntries) return Bomb();
                long total = 0;
                foreach (var e in entries)
                {
                    // Declared sizes: .NET's reader never inflates an entry past its declared length, so checking
                    // them here bounds what reading can produce.
                    total += e.Length;
                    if (e.Length > _limits.MaxUncompressedPartBytes || total > _limits.MaxUncompressedTotalBytes) return Bomb();
                    if (e.Length > 1024 * 1024 && e.Length / Math.Max(1, e.CompressedLength) > _limits.MaxCompressionRatio) return Bomb();
                }
            }

            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false, new OpenSettings
            {
                MaxCharactersInPart = _limits.MaxUncompressedPartBytes,
            });
            var main = doc.MainDocumentPart;
            if (main is null) return Fail(DocumentFileFormat.Docx, ExtractionProblem.Corrupt, corrupt);
            var (text, truncatedByReader) = DocxText(main, ct);
            var (final, cut) = Finish(text);
            var truncated = truncatedByReader || cut;
            if (final.Length == 0)
                return Fail(DocumentFileFormat.Docx, ExtractionProblem.NoText, "Tài liệu Word không có chữ (có thể chỉ có hình ảnh).");
            return new ExtractedDocument
            {
                Format = DocumentFileFormat.Docx, Text = final, Truncated = truncated,
                Notes = truncated ? [CharLimitNote(0, null)] : [],
            };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // InvalidDataException (ZIP), OpenXmlPackageException, XmlException, IOException and the like.
            return Fail(DocumentFileFormat.Docx, ExtractionProblem.Corrupt, corrupt);
        }
    }

    private ExtractedDocument Bomb() =>
        Fail(DocumentFileFormat.Docx, ExtractionProblem.TooLarge,
            "Tệp DOCX có nội dung giải nén quá lớn hoặc bất thường (nghi là tệp nén độc hại), không trích xuất chữ.");

    /// <summary>The main document's text, read as a stream of elements so that a huge part never becomes a tree.</summary>
    private (string Text, bool Truncated) DocxText(MainDocumentPart main, CancellationToken ct)
    {
        var sb = new StringBuilder();
        using var reader = OpenXmlReader.Create(main);
        var count = 0;
        while (reader.Read())
        {
            if ((++count & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            if (sb.Length > _limits.MaxChars) return (sb.ToString(), true);
            var type = reader.ElementType;
            if (reader.IsStartElement)
            {
                if (type == typeof(WText)) sb.Append(reader.GetText());
                else if (type == typeof(TabChar) || type == typeof(PositionalTab)) sb.Append('\t');
                else if (type == typeof(Break) || type == typeof(CarriageReturn)) sb.Append('\n');
                else if (type == typeof(NoBreakHyphen)) sb.Append('-');
                // Alternative content is given twice (the choice and a fallback for old readers): keep the choice.
                else if (type == typeof(AlternateContentFallback)) reader.Skip();
                // Tracked deletions, field instructions and the like carry their own text types and are skipped.
            }
            else if (reader.IsEndElement && type == typeof(Paragraph))
            {
                sb.Append('\n');
            }
        }
        return (sb.ToString(), false);
    }

    // ------------------------------------------------------------------------------------------ OLE

    private static ExtractedDocument ExtractCompound(byte[] bytes, string? fileName)
    {
        var cfb = CompoundFile.TryOpen(bytes);
        if (cfb is null)
            return Fail(NameFormat(fileName) is DocumentFileFormat.Docx ? DocumentFileFormat.Docx : DocumentFileFormat.Doc,
                ExtractionProblem.Corrupt, "Tệp Word bị hỏng (không đọc được cấu trúc tệp), không trích xuất được chữ.");
        if (cfb.Has("EncryptionInfo") && cfb.Has("EncryptedPackage"))
            return Fail(DocumentFileFormat.Docx, ExtractionProblem.PasswordProtected,
                "Tệp Word được bảo vệ bằng mật khẩu (tài liệu đã mã hóa) nên không trích xuất được chữ. Tệp vẫn được lưu; "
                + "hãy gỡ mật khẩu (Word: Tệp › Thông tin › Bảo vệ tài liệu) rồi tải lên lại nếu muốn tìm kiếm được nội dung.");
        if (cfb.Has("WordDocument"))
        {
            // The FIB at the start of the WordDocument stream: wIdent 0xA5EC, then flags with fEncrypted (0x0100).
            var fib = cfb.ReadStart("WordDocument", 16);
            if (fib is { Length: >= 12 } && BinaryPrimitives.ReadUInt16LittleEndian(fib) == 0xA5EC
                && (BinaryPrimitives.ReadUInt16LittleEndian(fib.AsSpan(10)) & 0x0100) != 0)
                return Fail(DocumentFileFormat.Doc, ExtractionProblem.PasswordProtected,
                    "Tệp Word 97–2003 (.doc) được bảo vệ bằng mật khẩu nên không trích xuất được chữ. Tệp vẫn được lưu.");
            return Fail(DocumentFileFormat.Doc, ExtractionProblem.LegacyFormat,
                "Tệp Word 97–2003 (.doc) chưa được hỗ trợ trích xuất chữ. Tệp vẫn được lưu; để tìm kiếm được nội dung, "
                + "hãy mở bằng Word, lưu thành DOCX (hoặc xuất PDF) rồi tải lên.");
        }
        var what = cfb.Has("Workbook") || cfb.Has("Book") ? "bảng tính Excel 97–2003"
            : cfb.Has("PowerPoint Document") ? "bản trình chiếu PowerPoint 97–2003"
            : "tệp Office 97–2003 không phải văn bản Word";
        return Fail(DocumentFileFormat.Unknown, ExtractionProblem.Unsupported,
            $"Tệp là {what}; chỉ trích xuất được chữ từ PDF và DOCX.");
    }

    // ------------------------------------------------------------------------------------------ text

    /// <summary>NFC, no control characters but tab and line feed, spaces collapsed, at most one blank line, bounded.</summary>
    private (string Text, bool Cut) Finish(string raw)
    {
        var nfc = SearchText.Nfc(raw.Replace("\r\n", "\n").Replace('\r', '\n'));
        var sb = new StringBuilder(Math.Min(nfc.Length, _limits.MaxChars));
        var blankLines = 0;
        var cut = false;
        foreach (var rawLine in nfc.Split('\n'))
        {
            var line = CleanLine(rawLine);
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }
            if (sb.Length > 0) sb.Append(blankLines > 0 ? "\n\n" : "\n");
            blankLines = 0;
            if (sb.Length + line.Length > _limits.MaxChars)
            {
                sb.Append(line.AsSpan(0, Math.Max(0, _limits.MaxChars - sb.Length)));
                cut = true;
                break;
            }
            sb.Append(line);
        }
        return (sb.ToString().TrimEnd(), cut);
    }

    private static string CleanLine(string line)
    {
        var sb = new StringBuilder(line.Length);
        var space = false;
        foreach (var ch in line)
        {
            if (ch == '\t')
            {
                // A tab separates columns: keep one, without spaces around it.
                while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                if (sb.Length > 0 && sb[^1] != '\t') sb.Append('\t');
                space = false;
                continue;
            }
            if (char.IsWhiteSpace(ch) || ch == '\u00A0')
            {
                space = true;
                continue;
            }
            var category = char.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
                || ch == '\uFFFD')
                continue;
            if (space && sb.Length > 0 && sb[^1] != '\t') sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        while (sb.Length > 0 && sb[^1] is '\t' or ' ') sb.Length--;
        return sb.ToString();
    }
}

/// <summary>
/// The text of one PDF page rebuilt from its glyphs' positions: glyphs on one baseline make a line, read left to
/// right; a wide gap becomes a tab (two columns), a small one a space; a large vertical gap a blank line. Combining
/// marks (a font that draws tones as separate glyphs) stay with their letter, and NFC then joins them.
/// </summary>
internal static class PdfPageText
{
    private sealed record Glyph(string Value, double X, double EndX, double Y, double Size, bool IsMark);

    public static string Of(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        // Text turned on the page (a landscape table printed on a portrait page): read it along its own baseline.
        var orientation = letters.Count == 0 ? TextOrientation.Horizontal
            : letters.GroupBy(l => l.TextOrientation).OrderByDescending(g => g.Count()).First().Key;
        Func<PdfPoint, (double X, double Y)> turn = orientation switch
        {
            // Going down: lines follow one another leftwards. Going up: rightwards.
            TextOrientation.Rotate90 => p => (-p.Y, p.X),
            TextOrientation.Rotate270 => p => (p.Y, -p.X),
            TextOrientation.Rotate180 => p => (-p.X, -p.Y),
            _ => p => (p.X, p.Y),
        };
        var glyphs = new List<Glyph>();
        foreach (var letter in letters)
        {
            var value = letter.Value;
            var size = letter.PointSize > 0.5 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
            var mark = value.All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
            var (x, y) = turn(letter.StartBaseLine);
            var (endX, _) = turn(letter.EndBaseLine);
            glyphs.Add(new Glyph(value, x, endX, y, size, mark));
        }
        if (glyphs.Count == 0) return "";

        // Lines: glyphs sorted top to bottom, a glyph joins the line whose baseline is within a third of its size.
        var lines = new List<List<Glyph>>();
        var baselines = new List<double>();
        foreach (var g in glyphs.OrderByDescending(g => g.Y))
        {
            var last = lines.Count - 1;
            if (last >= 0 && Math.Abs(baselines[last] - g.Y) <= Math.Max(g.Size, 1) * 0.35) lines[last].Add(g);
            else
            {
                lines.Add([g]);
                baselines.Add(g.Y);
            }
        }

        var sb = new StringBuilder();
        double? previousBaseline = null;
        double previousSize = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var size = line.Max(g => g.Size);
            if (previousBaseline is double before)
            {
                sb.Append('\n');
                if (before - baselines[i] > 2.1 * Math.Max(size, previousSize)) sb.Append('\n');
            }
            previousBaseline = baselines[i];
            previousSize = size;

            // Stable sort: a mark drawn where the next letter starts keeps its place after its own letter.
            double? end = null;
            foreach (var g in line.OrderBy(g => Math.Round(g.X, 1)))
            {
                if (end is double e && !g.IsMark)
                {
                    var gap = g.X - e;
                    if (gap > 1.8 * g.Size) sb.Append('\t');
                    else if (gap > 0.18 * g.Size) sb.Append(' ');
                }
                sb.Append(g.Value);
                if (!g.IsMark) end = end is double e2 ? Math.Max(e2, g.EndX) : g.EndX;
            }
        }
        return sb.ToString();
    }
}
