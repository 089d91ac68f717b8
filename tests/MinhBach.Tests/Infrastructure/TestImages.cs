using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace MinhBach.Tests.Infrastructure;

/// <summary>
/// Image files made in the test instead of committed as fixtures: photo-like JPEGs, PNGs with or without
/// transparency, WebP, a tiny GIF, an EXIF block with GPS and orientation, and PNGs that merely declare a size.
/// </summary>
public static class TestImages
{
    /// <summary>The camera make written into <see cref="WithExif"/>; finding it in stored bytes means metadata survived.</summary>
    public const string ExifCameraMake = "MinhBachTestCamera";

    /// <summary>A photo-like picture: gradient, shapes and noise (so re-encoding visibly changes the bytes).</summary>
    public static SKBitmap Picture(int width, int height, bool transparent = false, int seed = 1)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
        using (var gradient = new SKPaint())
        {
            gradient.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(0xC8, 0x10, 0x2E), new SKColor(0xFF, 0xCD, 0x00), new SKColor(0x00, 0x66, 0x99)], SKShaderTileMode.Clamp);
            if (transparent) canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 2.5f, gradient);
            else canvas.DrawRect(0, 0, width, height, gradient);
        }
        var random = new Random(seed);
        using var dot = new SKPaint();
        for (var i = 0; i < width * height / 200; i++)
        {
            dot.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), transparent ? (byte)random.Next(64, 256) : (byte)255);
            canvas.DrawRect(random.Next(width), random.Next(height), 2, 2, dot);
        }
        return bitmap;
    }

    public static byte[] Jpeg(int width = 320, int height = 240, int quality = 95, int seed = 1) => Encode(Picture(width, height, seed: seed), SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Png(int width = 200, int height = 150, bool transparent = false) => Encode(Picture(width, height, transparent), SKEncodedImageFormat.Png, 100);

    public static byte[] WebP(int width = 200, int height = 150) => Encode(Picture(width, height), SKEncodedImageFormat.Webp, 90);

    /// <summary>A complete 1×1 GIF89a (one white pixel).</summary>
    public static byte[] Gif1x1() =>
    [
        .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(format, quality))
            return data.ToArray();
    }

    /// <summary>
    /// The JPEG with an EXIF block (APP1) right after its start marker: camera make <see cref="ExifCameraMake"/>,
    /// the orientation tag (1 = upright, 6 = turned 90° clockwise as phones write it) and GPS coordinates.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation = 1)
    {
        if (jpeg is not [0xFF, 0xD8, ..]) throw new ArgumentException("Not a JPEG.", nameof(jpeg));
        var tiff = ExifTiff(orientation);
        var app1 = new byte[4 + 6 + tiff.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(app1.Length - 2));
        "Exif\0\0"u8.CopyTo(app1.AsSpan(4));
        tiff.CopyTo(app1.AsSpan(10));
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>A big-endian TIFF structure: IFD0 (Make, Orientation, GPS pointer) and a GPS IFD (21°01'42" N, 105°51'12" E).</summary>
    private static byte[] ExifTiff(ushort orientation)
    {
        var make = Encoding.ASCII.GetBytes(ExifCameraMake + "\0");
        const int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4;
        var makeAt = ifd0 + ifd0Size;
        var gpsAt = makeAt + make.Length + (make.Length % 2);
        const int gpsSize = 2 + 4 * 12 + 4;
        var latAt = gpsAt + gpsSize;
        var lonAt = latAt + 24;
        var tiff = new byte[lonAt + 24];
        var s = tiff.AsSpan();
        "MM"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(s[4..], ifd0);

        BinaryPrimitives.WriteUInt16BigEndian(s[ifd0..], 3);
        Entry(s, ifd0 + 2, 0x010F, 2, (uint)make.Length, (uint)makeAt);      // Make, ASCII
        Entry(s, ifd0 + 14, 0x0112, 3, 1, (uint)orientation << 16);          // Orientation, SHORT (left-justified)
        Entry(s, ifd0 + 26, 0x8825, 4, 1, (uint)gpsAt);                      // GPS IFD pointer, LONG
        make.CopyTo(s[makeAt..]);

        BinaryPrimitives.WriteUInt16BigEndian(s[gpsAt..], 4);
        Entry(s, gpsAt + 2, 0x0001, 2, 2, (uint)'N' << 24);                  // GPSLatitudeRef "N"
        Entry(s, gpsAt + 14, 0x0002, 5, 3, (uint)latAt);                     // GPSLatitude, 3 RATIONAL
        Entry(s, gpsAt + 26, 0x0003, 2, 2, (uint)'E' << 24);                 // GPSLongitudeRef "E"
        Entry(s, gpsAt + 38, 0x0004, 5, 3, (uint)lonAt);                     // GPSLongitude, 3 RATIONAL
        Rationals(s[latAt..], (21, 1), (1, 1), (4200, 100));
        Rationals(s[lonAt..], (105, 1), (51, 1), (1200, 100));
        return tiff;

        static void Entry(Span<byte> s, int at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s[at..], tag);
            BinaryPrimitives.WriteUInt16BigEndian(s[(at + 2)..], type);
            BinaryPrimitives.WriteUInt32BigEndian(s[(at + 4)..], count);
            BinaryPrimitives.WriteUInt32BigEndian(s[(at + 8)..], value);
        }

        static void Rationals(Span<byte> s, params (uint N, uint D)[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(s[(i * 8)..], values[i].N);
                BinaryPrimitives.WriteUInt32BigEndian(s[(i * 8 + 4)..], values[i].D);
            }
        }
    }

    /// <summary>
    /// A small, well-formed PNG header that declares width × height RGBA pixels, followed by a little compressed
    /// data: a "decompression bomb" for any decoder that allocates the declared size before reading the data.
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 6;  // RGBA
        using var zlib = new MemoryStream();
        using (var z = new ZLibStream(zlib, CompressionLevel.SmallestSize, leaveOpen: true))
            z.Write(new byte[64 * 1024]);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", zlib.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The PNG with a tEXt chunk (keyword, text) inserted after its header chunk.</summary>
    public static byte[] PngWithText(byte[] png, string keyword, string text)
    {
        const int afterHeader = 8 + 4 + 4 + 13 + 4;
        using var chunk = new MemoryStream();
        Chunk(chunk, "tEXt", [.. Encoding.Latin1.GetBytes(keyword), 0, .. Encoding.Latin1.GetBytes(text)]);
        return [.. png.AsSpan(0, afterHeader), .. chunk.ToArray(), .. png.AsSpan(afterHeader)];
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>True when needle occurs in haystack.</summary>
    public static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
