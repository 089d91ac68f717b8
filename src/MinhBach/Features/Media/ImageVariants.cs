using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace MinhBach.Features.Media;

/// <summary>
/// The smaller copies of a media-library image that pages offer in <c>srcset</c>: one per width of <see cref="Widths"/>
/// that is smaller than the image, stored beside it as <c>{name}-{width}.{jpg|png}</c>, in the image's own format
/// (a JPEG stays a JPEG, a PNG with transparency a PNG). Phones then load a 480 or 960 px file instead of the 2560 px one.
/// </summary>
public static partial class ImageVariants
{
    /// <summary>Phone, tablet or article column at 2×, wide screens. Changing the list needs no data step: missing
    /// files are made on their first request (<see cref="VariantFiles"/>), files of a removed width are just unused.</summary>
    public static readonly int[] Widths = [480, 960, 1600];

    /// <summary>JPEG quality of the copies. The original keeps 85; the copies are chosen for size (phones, lists), where
    /// 80 looks the same on screen and weighs less. A PNG is lossless and has no quality.</summary>
    public const int JpegQuality = 80;

    public sealed record Variant(int Width, int Height, byte[] Bytes);

    /// <summary>The widths an image of this width is offered in (only smaller ones: an image is never scaled up).</summary>
    public static IEnumerable<int> For(int width) => Widths.Where(w => w < width);

    /// <summary>The store path, or the address, of a copy: the width goes before the extension.</summary>
    public static string PathOf(string original, int width)
    {
        var dot = original.LastIndexOf('.');
        return string.Create(CultureInfo.InvariantCulture, $"{original[..dot]}-{width}{original[dot..]}");
    }

    [GeneratedRegex(@"^(?<original>.+/[0-9a-f]{32})-(?<width>[0-9]{3,4})(?<ext>\.(jpg|png))$")]
    private static partial Regex VariantPath();

    /// <summary>The original's store path and the width, when <paramref name="path"/> names a copy of a width in <see cref="Widths"/>.</summary>
    public static bool TryParse(string path, out string original, out int width)
    {
        var m = VariantPath().Match(path);
        (original, width) = ("", 0);
        if (!m.Success || !int.TryParse(m.Groups["width"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out width) || !Widths.Contains(width))
            return false;
        original = m.Groups["original"].Value + m.Groups["ext"].Value;
        return true;
    }

    /// <summary>The <c>srcset</c> of a media-library image at <paramref name="url"/> whose full width is <paramref name="width"/>:
    /// each smaller copy and the image itself, with their widths; null when there is no smaller copy.</summary>
    public static string? Srcset(string url, int width)
    {
        var copies = For(width).ToList();
        if (copies.Count == 0) return null;
        return string.Join(", ", copies.Select(w => string.Create(CultureInfo.InvariantCulture, $"{PathOf(url, w)} {w}w"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"{url} {width}w")));
    }

    [GeneratedRegex(@"^(/[a-z0-9-]{1,100})?/tep/(?<path>[0-9a-z/.-]{1,120})$")]
    private static partial Regex MediaUrl();

    /// <summary>The store path of a media-library image named by an address as pages and editors write it
    /// ("/tep/…", or "/so-khcn/tep/…" on a prefix-routed site); null for anything else (outside addresses, assets, copies).</summary>
    public static string? MediaPath(string? url)
    {
        if (url is null || url.Length > 250) return null;
        var m = MediaUrl().Match(url);
        if (!m.Success) return null;
        var path = m.Groups["path"].Value;
        return LocalFileStore.IsPublic(path) && !TryParse(path, out _, out _) ? path : null;
    }

    /// <summary>
    /// The copies of an upright, decoded image, largest first. Each is scaled from the previous one (never by more
    /// than about half), which keeps the cubic filter sharp without aliasing and costs less than scaling from the
    /// original each time. Null when Skia cannot scale or encode.
    /// </summary>
    public static List<Variant>? Make(SKBitmap source, bool png)
    {
        var made = new List<Variant>();
        var current = source;
        try
        {
            foreach (var w in For(source.Width).OrderDescending())
            {
                var h = Math.Max(1, (int)Math.Round((double)source.Height * w / source.Width));
                var next = current.Resize(current.Info.WithSize(w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
                if (next is null) return null;
                if (!ReferenceEquals(current, source)) current.Dispose();
                current = next;
                using var image = SKImage.FromBitmap(next);
                using var encoded = png ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
                if (encoded is null) return null;
                made.Add(new Variant(w, h, encoded.ToArray()));
            }
            return made;
        }
        finally
        {
            if (!ReferenceEquals(current, source)) current.Dispose();
        }
    }
}

/// <summary>
/// Serves copies that are not on disk yet: images uploaded before copies were made, or a width added to the list. The
/// first request for a copy decodes the original, writes every missing copy (atomically: beside, then renamed) and
/// answers; later requests read the file. Chosen over a data step after upgrade because there is nothing to run or
/// wait for on upgrade, only images that are viewed cost anything, and the same path repairs a copy lost from a shared
/// volume or a restore. One generation per image at a time on a node (the others wait for it) and, on a small
/// machine, one image at a time; two nodes racing for the same copy both write whole files, and the second rename
/// simply finds the first one's file.
/// </summary>
public sealed class VariantFiles(IFileStore store, ILogger<VariantFiles> log)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ImageVariants.Variant>?>>> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>The bytes of the copy at <paramref name="path"/>, made now; null when it is not a copy that exists or can exist.</summary>
    public async Task<byte[]?> CreateAsync(string path, CancellationToken ct)
    {
        if (!ImageVariants.TryParse(path, out var original, out var width) || !LocalFileStore.IsPublic(original)) return null;
        var run = _running.GetOrAdd(original, o => new Lazy<Task<IReadOnlyList<ImageVariants.Variant>?>>(() => RunAsync(o)));
        // The generation goes on for the others even if this visitor leaves.
        var made = await run.Value.WaitAsync(ct);
        return made?.FirstOrDefault(v => v.Width == width)?.Bytes;
    }

    private async Task<IReadOnlyList<ImageVariants.Variant>?> RunAsync(string original)
    {
        try
        {
            await _gate.WaitAsync();
            try
            {
                byte[] bytes;
                await using (var stream = store.OpenRead(original))
                {
                    if (stream is null) return null;
                    using var buffer = new MemoryStream();
                    await stream.CopyToAsync(buffer);
                    bytes = buffer.ToArray();
                }
                var made = await Task.Run(() =>
                {
                    using var bitmap = SKBitmap.Decode(bytes);
                    return bitmap is null ? null : ImageVariants.Make(bitmap, original.EndsWith(".png", StringComparison.Ordinal));
                });
                if (made is null)
                {
                    log.LogWarning("Could not make the smaller copies of {Path}.", original);
                    return null;
                }
                foreach (var v in made)
                {
                    var path = ImageVariants.PathOf(original, v.Width);
                    if (Exists(path)) continue;
                    try
                    {
                        await store.SaveAsync(path, v.Bytes, CancellationToken.None);
                    }
                    catch (IOException) when (Exists(path))
                    {
                        // Another node wrote it first: the same picture.
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // The visitor still gets the copy; the next request tries to write it again.
                        log.LogWarning(e, "Could not write {Path}.", path);
                    }
                }
                return made;
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            _running.TryRemove(original, out _);
        }
    }

    private bool Exists(string path)
    {
        using var s = store.OpenRead(path);
        return s is not null;
    }
}
