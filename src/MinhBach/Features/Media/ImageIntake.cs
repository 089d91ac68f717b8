using System.Globalization;
using SkiaSharp;

namespace MinhBach.Features.Media;

/// <summary>
/// Accepts an upload only if its bytes are a whole JPEG, PNG, GIF or WebP image that decodes, whatever its
/// name says. Only the decoded pixels are kept: they are turned upright (EXIF orientation), scaled down to a
/// sane size and re-encoded, so metadata (EXIF, GPS, text chunks) and anything hidden after the image (a ZIP,
/// a script: polyglots) never reach the disk. SVG is not accepted: it is a document that can carry script.
/// The declared size is checked before anything is decoded, so a small file declaring a huge image
/// (a decompression bomb) is refused without allocating its pixels.
/// </summary>
public static class ImageIntake
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxSide = 2560;
    public const int MaxPixels = 40_000_000;

    public static readonly string TooLarge = $"Ảnh quá lớn: mỗi tệp tối đa {MaxBytes / 1024 / 1024} MB.";
    public const string Empty = "Tệp rỗng (0 byte): hãy chọn lại tệp ảnh.";
    public const string NotImage = "Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP (hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp).";
    public const string TextNotImage = "Tệp là văn bản (HTML, SVG, XML hoặc mã lệnh), không phải ảnh. "
        + "Ảnh SVG không được nhận vì có thể chứa mã chạy được; hãy dùng ảnh JPEG hoặc PNG.";
    public const string Unreadable = "Không đọc được ảnh: tệp bị hỏng hoặc không đúng định dạng.";
    public const string Truncated = "Ảnh bị hỏng hoặc không đầy đủ: hãy lưu lại ảnh rồi tải lên lần nữa.";
    public const string EncodeFailed = "Không xử lý được ảnh này: hãy lưu lại ảnh dưới dạng JPEG hoặc PNG rồi tải lên lần nữa.";

    /// <summary>The re-encoded image and, when asked for, its smaller copies (<see cref="ImageVariants"/>).</summary>
    public sealed record Accepted(byte[] Bytes, string Extension, string ContentType, int Width, int Height, IReadOnlyList<ImageVariants.Variant> Variants);

    public static (Accepted? Image, string? Error) Process(ReadOnlySpan<byte> input, bool withVariants = false)
    {
        if (input.Length == 0) return (null, Empty);
        if (input.Length > MaxBytes) return (null, TooLarge);
        if (!LooksLikeImage(input)) return (null, LooksLikeText(input) ? TextNotImage : NotImage);
        using var data = SKData.CreateCopy(input);
        using var codec = SKCodec.Create(data);
        if (codec is null) return (null, Unreadable);
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0) return (null, Unreadable);
        if ((long)w * h > MaxPixels)
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"Ảnh {w}×{h} điểm ảnh quá lớn (tối đa {MaxPixels / 1_000_000} triệu điểm ảnh): hãy thu nhỏ ảnh rồi tải lên lần nữa."));

        // Decoded as sRGB so that the re-encoded file shows the same colours without its colour profile.
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(info)) return (null, EncodeFailed);
        // A file cut short (or only an image header, as in a GIF/JS polyglot) decodes partly, the rest grey:
        // it is refused rather than stored half-drawn.
        switch (codec.GetPixels(info, decoded.GetPixels()))
        {
            case SKCodecResult.Success: break;
            case SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput: return (null, Truncated);
            default: return (null, Unreadable);
        }

        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(w, h));
        using var resized = scale < 1
            ? decoded.Resize(new SKImageInfo(Math.Max(1, (int)Math.Round(w * scale)), Math.Max(1, (int)Math.Round(h * scale)), info.ColorType, info.AlphaType, info.ColorSpace),
                new SKSamplingOptions(SKCubicResampler.Mitchell))
            : null;
        if (scale < 1 && resized is null) return (null, EncodeFailed);
        using var upright = Upright(resized ?? decoded, codec.EncodedOrigin);
        var bitmap = upright ?? resized ?? decoded;

        var alpha = !opaque && HasTransparency(bitmap);
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = alpha ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, 85);
        if (encoded is null) return (null, EncodeFailed);
        // Made from the same decoded pixels, so the upload is decoded once.
        var variants = withVariants ? ImageVariants.Make(bitmap, alpha) : [];
        if (variants is null) return (null, EncodeFailed);
        return (new Accepted(encoded.ToArray(), alpha ? "png" : "jpg", alpha ? "image/png" : "image/jpeg", bitmap.Width, bitmap.Height, variants), null);
    }

    private static bool LooksLikeImage(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        || b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)
        || (b.Length > 12 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8));

    /// <summary>Markup or script (HTML, SVG, XML, PHP …): after an optional byte-order mark and blank space, a "&lt;".</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) b = b[3..];
        var start = b.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && b[start] == (byte)'<';
    }

    /// <summary>
    /// The bitmap turned as its EXIF orientation says it should be viewed (null when it already is). The tag is
    /// dropped with the rest of the metadata, so the pixels themselves must be turned or phone photos lie on their side.
    /// </summary>
    private static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        // Maps a source point (x, y) to where it is seen: x' = a·x + b·y + c, y' = d·x + e·y + f.
        (float A, float B, float C, float D, float E, float F)? m = origin switch
        {
            SKEncodedOrigin.TopRight => (-1, 0, w, 0, 1, 0),      // mirrored left to right
            SKEncodedOrigin.BottomRight => (-1, 0, w, 0, -1, h),  // turned 180°
            SKEncodedOrigin.BottomLeft => (1, 0, 0, 0, -1, h),    // mirrored top to bottom
            SKEncodedOrigin.LeftTop => (0, 1, 0, 1, 0, 0),        // transposed
            SKEncodedOrigin.RightTop => (0, -1, h, 1, 0, 0),      // to be turned 90° clockwise
            SKEncodedOrigin.RightBottom => (0, -1, h, -1, 0, w),  // transversed
            SKEncodedOrigin.LeftBottom => (0, 1, 0, -1, 0, w),    // to be turned 90° counter-clockwise
            _ => null,
        };
        if (m is not { } t) return null;
        var swap = t.A == 0;
        var target = new SKBitmap(source.Info.WithSize(swap ? source.Height : source.Width, swap ? source.Width : source.Height));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(new SKMatrix(t.A, t.B, t.C, t.D, t.E, t.F, 0, 0, 1));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return target;
    }

    private static bool HasTransparency(SKBitmap bmp)
    {
        // Sample a grid rather than every pixel: enough to tell a logo with transparency from a photo.
        var stepX = Math.Max(1, bmp.Width / 64);
        var stepY = Math.Max(1, bmp.Height / 64);
        for (var y = 0; y < bmp.Height; y += stepY)
            for (var x = 0; x < bmp.Width; x += stepX)
                if (bmp.GetPixel(x, y).Alpha < 255) return true;
        return false;
    }
}
