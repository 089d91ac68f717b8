using SkiaSharp;

namespace MinhBach.Features.Media;

/// <summary>
/// Accepts an upload only if its bytes are a JPEG, PNG, GIF or WebP image that decodes, whatever its
/// name says; re-encodes it (dropping metadata and anything appended, which defeats polyglots) and
/// scales it down to a sane size.
/// </summary>
public static class ImageIntake
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxSide = 2560;
    public const int MaxPixels = 40_000_000;

    public sealed record Accepted(byte[] Bytes, string Extension, string ContentType, int Width, int Height);

    public static (Accepted? Image, string? Error) Process(ReadOnlySpan<byte> input)
    {
        if (input.Length == 0) return (null, "Tệp rỗng.");
        if (input.Length > MaxBytes) return (null, $"Ảnh quá lớn (tối đa {MaxBytes / 1024 / 1024} MB).");
        if (!LooksLikeImage(input)) return (null, "Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP (kiểm tra theo nội dung, không theo tên tệp).");
        using var data = SKData.CreateCopy(input);
        using var codec = SKCodec.Create(data);
        if (codec is null) return (null, "Không đọc được ảnh: tệp bị hỏng hoặc không đúng định dạng.");
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0 || (long)w * h > MaxPixels) return (null, "Kích thước ảnh không hợp lệ hoặc quá lớn.");
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null) return (null, "Không đọc được ảnh: tệp bị hỏng hoặc không đúng định dạng.");

        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(w, h));
        var (nw, nh) = ((int)Math.Round(w * scale), (int)Math.Round(h * scale));
        using var resized = scale < 1 ? decoded.Resize(new SKImageInfo(nw, nh), new SKSamplingOptions(SKCubicResampler.Mitchell)) : null;
        var bitmap = resized ?? decoded;
        var alpha = codec.Info.AlphaType != SKAlphaType.Opaque && HasTransparency(bitmap);
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = alpha ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, 85);
        if (encoded is null) return (null, "Không xử lý được ảnh.");
        return (new Accepted(encoded.ToArray(), alpha ? "png" : "jpg", alpha ? "image/png" : "image/jpeg", bitmap.Width, bitmap.Height), null);
    }

    private static bool LooksLikeImage(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        || b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)
        || (b.Length > 12 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8));

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
