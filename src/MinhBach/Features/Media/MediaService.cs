using System.Globalization;
using System.Text;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Media;

/// <summary>An uploaded file as it arrived: its content and the name the user's computer gave it.</summary>
public sealed record IncomingFile(Stream Content, long Length, string? FileName)
{
    /// <summary>The whole content, read in chunks; null as soon as it is larger than <paramref name="max"/> bytes
    /// (whatever length the browser announced), so an oversized upload is never held in memory whole.</summary>
    public async Task<byte[]?> ReadAsync(long max, CancellationToken ct)
    {
        if (Length > max) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await Content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max) return null;
        }
        return buffer.ToArray();
    }
}

public sealed class MediaService(AppDb db, IFileStore store, AuditTrail audit, TimeProvider clock, ILogger<MediaService> log)
{
    /// <summary>The longest original file name kept (for display only; files are stored under random names).</summary>
    public const int MaxNameLength = 200;

    public const string NoFile = "Hãy chọn một tệp ảnh để tải lên.";
    public const string NoAlt = "Hãy nhập mô tả ảnh (alt) cho người khiếm thị.";
    public const string AltTooLong = "Mô tả ảnh quá dài (tối đa 500 ký tự).";
    public const string NoRole = "Bạn không có quyền tải ảnh lên trang này.";
    public const string SaveFailed = "Không lưu được ảnh do sự cố của hệ thống; ảnh chưa được tải lên, vui lòng thử lại sau.";

    /// <summary>What became of an upload: the stored file, or the reasons it was refused (in Vietnamese, for the user).
    /// <see cref="Failed"/> marks a refusal that was the system's fault, not the file's.</summary>
    public sealed record Result(MediaFile? File, IReadOnlyList<string> Errors, bool Failed = false);

    /// <summary>
    /// Checks, re-encodes and stores an image with its smaller copies (<see cref="ImageVariants"/>). Nothing is written
    /// before the image has been decoded and re-encoded; the files are written (atomically) only then, and removed again
    /// if its row cannot be saved. On any refusal or failure nothing is left behind: no file, no row, no audit entry.
    /// </summary>
    public async Task<Result> UploadAsync(Site site, Editor editor, IncomingFile? upload, string? alt, CancellationToken ct)
    {
        if (editor.Role is null) return new(null, [NoRole]);
        List<string> errors = [];
        if (upload is null) errors.Add(NoFile);
        if (string.IsNullOrWhiteSpace(alt)) errors.Add(NoAlt);
        else if (alt.Trim().Length > 500) errors.Add(AltTooLong);
        if (errors.Count > 0 || upload is null) return new(null, errors);
        if (upload.Length > ImageIntake.MaxBytes) return new(null, [ImageIntake.TooLarge]);

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.Content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ImageIntake.MaxBytes) return new(null, [ImageIntake.TooLarge]);
        }
        var (image, error) = ImageIntake.Process(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), withVariants: true);
        if (image is null) return new(null, [error!]);

        var now = clock.GetUtcNow().UtcDateTime;
        var path = string.Create(CultureInfo.InvariantCulture, $"{site.Id}/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}.{image.Extension}");
        var file = new MediaFile
        {
            SiteId = site.Id, Path = path, OriginalName = DisplayName(upload.FileName),
            ContentType = image.ContentType, Width = image.Width, Height = image.Height, Size = image.Bytes.Length,
            Alt = alt!.Trim(), UploadedById = editor.UserId, CreatedAt = now,
        };
        // From here on the upload is finished even if the browser goes away, so that the files and the row
        // are either all kept or all gone. The smaller copies go first: a file named by a row is always whole.
        var copies = image.Variants.Select(v => (Path: ImageVariants.PathOf(path, v.Width), v.Bytes)).ToList();
        try
        {
            foreach (var copy in copies)
                await store.SaveAsync(copy.Path, copy.Bytes, CancellationToken.None);
            await store.SaveAsync(path, image.Bytes, CancellationToken.None);
            db.Add(file);
            await audit.SaveAsync(db, editor.Audit, () => new AuditRecord("media.upload",
                $"Tải lên ảnh \"{file.OriginalName}\" ({file.Width}×{file.Height}).", site.Id, "media", file.Id.ToString(CultureInfo.InvariantCulture)),
                CancellationToken.None);
        }
        catch (Exception e)
        {
            db.Entry(file).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            try
            {
                foreach (var p in copies.Select(c => c.Path).Append(path))
                    store.Delete(p);
            }
            catch (Exception cleanup)
            {
                log.LogError(cleanup, "Upload of {Path} failed and its file could not be removed.", path);
            }
            log.LogError(e, "Upload of {Path} failed while storing it; its file was removed.", path);
            return new(null, [SaveFailed], Failed: true);
        }
        return new(file, []);
    }

    /// <summary>
    /// The name the user's computer gave the file, kept only to show it: without any folder part (either kind of
    /// slash), in composed Unicode (macOS sends decomposed Vietnamese), without control or direction-changing
    /// characters, and at most <see cref="MaxNameLength"/> characters, cut between whole characters and keeping the
    /// extension. "anh" when nothing is left.
    /// </summary>
    public static string DisplayName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        // Broken UTF-8 or a lone surrogate arrives as U+FFFD and is dropped with the invisible characters.
        foreach (var rune in name.EnumerateRunes())
            if (rune != Rune.ReplacementChar && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
                clean.Append(rune.ToString());
        name = clean.ToString().Normalize(NormalizationForm.FormC).Trim().Trim('.').Trim();
        if (name.Length == 0) return "anh";
        if (name.Length <= MaxNameLength) return name;
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 10 ? name[dot..] : "";
        var stem = name[..^extension.Length];
        var keep = MaxNameLength - extension.Length;
        // Whole user-perceived characters only (a letter with its marks, an emoji, a flag).
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > keep) break;
            cut = next;
        }
        return stem[..cut].TrimEnd() + extension;
    }
}

public static class MediaSetup
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddScoped<MediaService>();
        services.AddSingleton<VariantFiles>();
        services.AddSingleton<MediaSizes>();
        services.AddScoped<ResponsiveImages>();
        return services;
    }

    /// <summary>Uploaded files at /tep/…: immutable names, so they are cached for a year (with an ETag from the name for
    /// caches that ask again). Only re-encoded JPEG and PNG are ever stored, and they are served as such (with nosniff from
    /// the security headers), never as anything a browser would run. A smaller copy not on disk yet is made on its first
    /// request (<see cref="VariantFiles"/>).</summary>
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/tep/{**path}", async (string path, IFileStore store, VariantFiles variants, HttpContext http) =>
        {
            if (!LocalFileStore.IsPublic(path)) return Results.NotFound();
            var type = path.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg";
            var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + System.IO.Path.GetFileNameWithoutExtension(path) + "\"");
            var stream = store.OpenRead(path);
            byte[]? made = null;
            if (stream is null && (made = await variants.CreateAsync(path, http.RequestAborted)) is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return stream is not null ? Results.Stream(stream, type, entityTag: tag) : Results.Bytes(made!, type, entityTag: tag);
        });
}
