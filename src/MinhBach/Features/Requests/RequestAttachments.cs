using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Media;

namespace MinhBach.Features.Requests;

/// <summary>
/// The attachment of a question or a petition, judged by its content, never by its name: a PDF or DOCX that opens (text is not
/// required: a scan is fine), or an image, which is re-encoded as the media library does (so nothing hidden in it is
/// kept). Anything else, a file named .pdf that is not one, a password-protected or legacy Word file, is refused
/// with a sentence saying why.
/// </summary>
public static class RequestAttachments
{
    /// <summary>A file that passed: its bytes (re-encoded for an image), what it is, and the name shown to staff.</summary>
    public sealed record Intake(Accepted File, string DisplayName);

    public sealed record Accepted(byte[] Bytes, string Extension, string ContentType, string Kind);

    public const string NotAllowed = "Tệp đính kèm phải là PDF, DOCX hoặc ảnh (JPEG, PNG); hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp.";
    public const string Empty = "Tệp đính kèm rỗng (0 byte): hãy chọn lại tệp.";

    public static string TooLarge(int megabytes) => $"Tệp đính kèm quá lớn: tối đa {megabytes} MB.";

    private static readonly DocumentTextExtractor Extractor = new(new ExtractionLimits { TimeBudget = TimeSpan.FromSeconds(5) });

    public static (Accepted? File, string? Error) Check(byte[] bytes, int maxBytes)
    {
        if (bytes.Length == 0) return (null, Empty);
        if (bytes.Length > maxBytes) return (null, TooLarge(maxBytes / 1024 / 1024));
        // No file name is given to detection: only the bytes decide.
        switch (DocumentTextExtractor.DetectFormat(bytes))
        {
            case DocumentFileFormat.Pdf:
            {
                var r = Extractor.Extract(bytes, null);
                return r.ProblemKind switch
                {
                    ExtractionProblem.None or ExtractionProblem.NoText or ExtractionProblem.Scanned when r.Format == DocumentFileFormat.Pdf =>
                        (new Accepted(bytes, "pdf", "application/pdf", "PDF"), null),
                    ExtractionProblem.PasswordProtected => (null, "Tệp PDF đính kèm có mật khẩu nên cán bộ không mở được; hãy gửi bản không đặt mật khẩu."),
                    _ => (null, "Tệp PDF đính kèm bị hỏng, không mở được; hãy lưu lại rồi gửi lần nữa."),
                };
            }
            case DocumentFileFormat.Docx:
            {
                var r = Extractor.Extract(bytes, null);
                if (r.Format != DocumentFileFormat.Docx) return (null, NotAllowed);
                return r.ProblemKind switch
                {
                    ExtractionProblem.None or ExtractionProblem.NoText =>
                        (new Accepted(bytes, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"), null),
                    ExtractionProblem.PasswordProtected => (null, "Tệp Word đính kèm có mật khẩu nên cán bộ không mở được; hãy gửi bản không đặt mật khẩu."),
                    _ => (null, "Tệp Word đính kèm bị hỏng hoặc quá lớn khi giải nén, không mở được."),
                };
            }
            case DocumentFileFormat.Doc:
                return (null, "Tệp Word 97–2003 (.doc) không được nhận: hãy lưu thành DOCX hoặc xuất PDF rồi gửi lại.");
        }
        var (image, error) = ImageIntake.Process(bytes);
        if (image is not null) return (new Accepted(image.Bytes, image.Extension, image.ContentType, "ảnh"), null);
        return (null, error is ImageIntake.NotImage or ImageIntake.TextNotImage ? NotAllowed : "Ảnh đính kèm: " + error);
    }

    /// <summary>Reads and judges an uploaded file; the error is a Vietnamese sentence for the form.</summary>
    public static async Task<(Intake? File, string? Error)> ReceiveAsync(IncomingFile attachment, int maxMegabytes, CancellationToken ct)
    {
        var max = maxMegabytes * 1024 * 1024;
        var bytes = await attachment.ReadAsync(max, ct);
        if (bytes is null) return (null, TooLarge(maxMegabytes));
        var (file, error) = Check(bytes, max);
        return file is null ? (null, error) : (new Intake(file, DisplayName(attachment.FileName, file.Extension)), null);
    }

    /// <summary>Saves an accepted attachment (atomically) under the private prefix and records it on the request; the
    /// path, for removing the file again when the row cannot be saved.</summary>
    public static async Task<string> StoreAsync(IFileStore files, RoutedRequest request, DateTime now, Intake file)
    {
        var path = PrivatePath(request.SiteId, now, file.File.Extension);
        request.AttachmentPath = path;
        request.AttachmentName = file.DisplayName;
        request.AttachmentType = file.File.ContentType;
        request.AttachmentSize = file.File.Bytes.Length;
        await files.SaveAsync(path, file.File.Bytes, CancellationToken.None);
        return path;
    }

    /// <summary>How old a file no request names must be before <see cref="SweepAsync"/> deletes it: far longer than a
    /// submission on any node takes between storing its file and saving its row.</summary>
    public static readonly TimeSpan SweepGrace = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Deletes the attachment files no question or petition names: a submission cut between storing its file and saving
    /// its row (the process killed, the machine down) leaves its file, a citizen's personal data that nothing would ever
    /// show or erase. Only files older than <paramref name="grace"/>, so a submission in flight keeps its file.
    /// </summary>
    public static async Task<int> SweepAsync(AppDb db, IFileStore files, TimeSpan grace, CancellationToken ct)
    {
        // The files' times are the machine's, whatever clock the app runs on.
        var before = DateTime.UtcNow - grace;
        var named = (await db.Questions.IgnoreQueryFilters().Where(q => q.AttachmentPath != null).Select(q => q.AttachmentPath!).ToListAsync(ct))
            .Concat(await db.Petitions.IgnoreQueryFilters().Where(p => p.AttachmentPath != null).Select(p => p.AttachmentPath!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        return files.Sweep(LocalFileStore.PrivatePrefix, before, named.Contains);
    }

    /// <summary>Where a request's attachment is kept: under the private prefix, which the public file address never serves.</summary>
    public static string PrivatePath(int siteId, DateTime now, string extension) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LocalFileStore.PrivatePrefix}{siteId}/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}.{extension}");

    /// <summary>The name shown to staff: the user's file name without folders, with the extension the content has.</summary>
    private static string DisplayName(string? name, string? extension)
    {
        var n = Path.GetFileNameWithoutExtension((name ?? "").Replace('\\', '/').Split('/')[^1]);
        n = new string(n.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (n.Length == 0) n = "tep-dinh-kem";
        if (n.Length > 150) n = n[..150];
        return extension is null ? n : n + "." + extension;
    }
}
