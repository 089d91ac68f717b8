using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Media;
using MinhBach.Text;

namespace MinhBach.Features.Documents;

/// <summary>
/// Receives a document's file (PDF, DOCX, DOC): checks it by content, stores it, extracts its text and proposes the
/// document's metadata from it. A file whose text cannot be read (password, scan, damage, Word 97–2003) is still stored,
/// with the reason kept for the editor. The row is pending (no document) until the editor saves the form; pending files
/// left behind are removed after a day by <see cref="RemoveAbandonedAsync"/>.
/// </summary>
public sealed class DocumentFileIntake(AppDb db, IFileStore store, DocumentTextExtractor extractor, DocumentProposer proposer, TimeProvider clock,
    ILogger<DocumentFileIntake> log)
{
    public const long MaxBytes = 30 * 1024 * 1024;
    public static readonly string TooLarge = $"Tệp văn bản quá lớn: mỗi tệp tối đa {MaxBytes / 1024 / 1024} MB.";
    public const string NotADocument = "chỉ nhận tệp PDF, DOC hoặc DOCX (đã kiểm tra nội dung tệp, không dựa vào tên tệp).";
    public const string SaveFailed = "Không lưu được tệp do sự cố của hệ thống; vui lòng thử lại sau.";

    public sealed record Result(DocumentFile? File, DocumentProposal? Proposal, string? Error);

    public async Task<Result> ReceiveAsync(int siteId, int? userId, IncomingFile upload, CancellationToken ct)
    {
        var name = MediaService.DisplayName(upload.FileName);
        if (upload.Length > MaxBytes) return new(null, null, TooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.Content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) return new(null, null, TooLarge);
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return new(null, null, $"Tệp \"{name}\" rỗng (0 byte).");
        var format = DocumentTextExtractor.DetectFormat(bytes);
        if (format == DocumentFileFormat.Unknown) return new(null, null, $"Tệp \"{name}\" không được nhận: {NotADocument}");

        var extracted = extractor.Extract(bytes, name, ct);
        var proposal = extracted.HasText ? proposer.Propose(extracted) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var extension = format switch { DocumentFileFormat.Pdf => "pdf", DocumentFileFormat.Docx => "docx", _ => "doc" };
        var path = string.Create(CultureInfo.InvariantCulture, $"{siteId}/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}.{extension}");
        var text = SearchText.CollapseSpaces(extracted.Text);
        var file = new DocumentFile
        {
            SiteId = siteId, Path = path, OriginalName = WithExtension(name, extension), Format = format, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), PageCount = extracted.PageCount,
            Text = text.Length > SearchText.MaxIndexedChars ? text[..SearchText.MaxIndexedChars] : text,
            Problem = extracted.HasText ? null : extracted.Problem ?? "Không trích xuất được nội dung của tệp.",
            UploadedById = userId, UploadedAt = now,
        };
        // From here the upload is finished even if the browser goes away: the file and its row are kept or removed together.
        try
        {
            await store.SaveAsync(path, bytes, CancellationToken.None);
            db.DocumentFiles.Add(file);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or DbUpdateException or UnauthorizedAccessException)
        {
            db.Entry(file).State = EntityState.Detached;
            TryDelete(path);
            log.LogError(e, "Storing document file {Path} failed; nothing was kept.", path);
            return new(null, null, SaveFailed);
        }
        return new(file, proposal, null);
    }

    /// <summary>"Quyet dinh" + docx → "Quyet dinh.docx": the download is named for what it really is.</summary>
    private static string WithExtension(string name, string extension)
    {
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        return $"{stem}.{extension}";
    }

    /// <summary>Removes store files after the rows that named them are gone (a failure only leaves an unreachable file).</summary>
    public void TryDelete(string path)
    {
        try
        {
            store.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Document file {Path} could not be removed.", path);
        }
    }

    /// <summary>Pending uploads older than a day: the form they came with was never saved.</summary>
    public async Task<int> RemoveAbandonedAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var abandoned = await db.DocumentFiles.IgnoreQueryFilters().Where(f => f.DocumentId == null && f.UploadedAt < before).Take(500).ToListAsync(ct);
        if (abandoned.Count == 0) return 0;
        db.DocumentFiles.RemoveRange(abandoned);
        await db.SaveChangesAsync(ct);
        foreach (var f in abandoned) TryDelete(f.Path);
        return abandoned.Count;
    }
}
