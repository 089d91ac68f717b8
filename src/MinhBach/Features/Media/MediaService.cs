using System.Globalization;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Media;

public sealed class MediaService(AppDb db, IFileStore store, AuditTrail audit, TimeProvider clock, ILogger<MediaService> log)
{
    /// <summary>Checks, re-encodes and stores an image; on any failure nothing is left behind.</summary>
    public async Task<(MediaFile? File, string? Error)> UploadAsync(Site site, Editor editor, Stream content, string fileName, string? alt, CancellationToken ct)
    {
        if (editor.Role is null) return (null, "Bạn không có quyền tải ảnh lên trang này.");
        if (string.IsNullOrWhiteSpace(alt)) return (null, "Hãy nhập mô tả ảnh (alt) cho người khiếm thị.");
        if (alt.Length > 500) return (null, "Mô tả ảnh quá dài (tối đa 500 ký tự).");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ImageIntake.MaxBytes) return (null, $"Ảnh quá lớn (tối đa {ImageIntake.MaxBytes / 1024 / 1024} MB).");
        }
        var (image, error) = ImageIntake.Process(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (image is null) return (null, error);

        var now = clock.GetUtcNow().UtcDateTime;
        var path = string.Create(CultureInfo.InvariantCulture, $"{site.Id}/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}.{image.Extension}");
        await store.SaveAsync(path, image.Bytes, ct);
        var file = new MediaFile
        {
            SiteId = site.Id, Path = path, OriginalName = System.IO.Path.GetFileName(fileName ?? "").Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 255)] : "anh",
            ContentType = image.ContentType, Width = image.Width, Height = image.Height, Size = image.Bytes.Length,
            Alt = alt.Trim(), UploadedById = editor.UserId, CreatedAt = now,
        };
        db.Add(file);
        try
        {
            await audit.SaveAsync(db, editor.Audit, () => new AuditRecord("media.upload", $"Tải lên ảnh \"{file.OriginalName}\" ({file.Width}×{file.Height}).",
                site.Id, "media", file.Id.ToString(CultureInfo.InvariantCulture)), ct);
        }
        catch (Exception e)
        {
            store.Delete(path);
            log.LogError(e, "Upload of {Path} failed while saving its record; the file was removed.", path);
            throw;
        }
        return (file, null);
    }
}

public static class MediaSetup
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddScoped<MediaService>();
        return services;
    }

    /// <summary>Uploaded files at /tep/…: immutable names, so they are cached for a year.</summary>
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/tep/{**path}", (string path, IFileStore store, HttpContext http) =>
        {
            var stream = store.OpenRead(path);
            if (stream is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Stream(stream, path.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
        });
}
