using SkiaSharp;

namespace MinhBach.Features.ReviewReport;

/// <summary>
/// The bar chart of scores per unit that seed 000 pastes as a picture: one horizontal bar per unit on a 0–100 scale,
/// its score written at the end, "chưa đánh giá" written where there is none. Drawn with SkiaSharp (already used for
/// images) as a PNG; the text uses a system font that has Vietnamese letters.
/// </summary>
public static class ScoreChart
{
    public const int Width = 1400;
    private const int RowHeight = 34, Top = 70, Bottom = 50, LabelWidth = 560, Right = 90;

    private static readonly Lazy<SKTypeface?> Face = new(FindFace);

    /// <summary>Whether text can be drawn (a font with Vietnamese letters was found).</summary>
    public static bool HasFont => Face.Value is not null;

    /// <summary>Font files tried first (Debian's packages); then any TrueType font under the usual folders.</summary>
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ];

    /// <summary>A face with Vietnamese letters, read from a font file: the Linux build of SkiaSharp used here has no
    /// fontconfig, so faces asked for by family name have no glyphs. Null when the machine has no such font (the bars
    /// are still drawn; the names and scores are in the table beside the chart).</summary>
    private static SKTypeface? FindFace()
    {
        var files = Candidates.Where(File.Exists).Concat(new[] { "/usr/share/fonts", "/usr/local/share/fonts" }.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.ttf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(500)));
        foreach (var file in files)
        {
            var face = SKTypeface.FromFile(file);
            if (face is null) continue;
            using var probe = new SKFont(face);
            if (probe.ContainsGlyphs("Tổng điểm ệữđ")) return face;
            face.Dispose();
        }
        return null;
    }

    public static int HeightFor(int units) => Top + Bottom + Math.Max(1, units) * RowHeight;

    public static byte[] Png(string title, IReadOnlyList<(string Name, decimal? Score)> units, decimal max = 100)
    {
        var height = HeightFor(units.Count);
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var text = new SKPaint { Color = new SKColor(0x1a, 0x1a, 0x1a), IsAntialias = true };
        using var muted = new SKPaint { Color = new SKColor(0x59, 0x59, 0x59), IsAntialias = true };
        using var bar = new SKPaint { Color = new SKColor(0x1f, 0x4e, 0x79), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(0xd0, 0xd0, 0xd0), StrokeWidth = 1 };
        using var titleFont = new SKFont(Face.Value ?? SKTypeface.Default, 26) { Embolden = true };
        using var font = new SKFont(Face.Value ?? SKTypeface.Default, 20);
        using var small = new SKFont(Face.Value ?? SKTypeface.Default, 17);

        canvas.DrawText(title, Width / 2f, 38, SKTextAlign.Center, titleFont, text);
        var x0 = LabelWidth + 10f;
        var span = Width - Right - x0;
        // Grid every 10 points with its figure under the last row.
        for (var p = 0; p <= 100; p += 10)
        {
            var x = x0 + span * p / 100f;
            canvas.DrawLine(x, Top - 6, x, height - Bottom + 4, grid);
            canvas.DrawText((max * p / 100).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), x, height - Bottom + 28, SKTextAlign.Center, small, muted);
        }
        for (var i = 0; i < units.Count; i++)
        {
            var (name, score) = units[i];
            var y = Top + i * RowHeight;
            var label = Fit(name, font, LabelWidth - 10);
            canvas.DrawText(label, LabelWidth, y + RowHeight * 0.68f, SKTextAlign.Right, font, text);
            if (score is decimal s)
            {
                var w = span * (float)Math.Clamp(s / max, 0, 1);
                canvas.DrawRect(x0, y + 6, Math.Max(w, 2), RowHeight - 12, bar);
                canvas.DrawText(ReviewFormat.Points(s), x0 + w + 6, y + RowHeight * 0.68f, SKTextAlign.Left, font, text);
            }
            else canvas.DrawText("chưa đánh giá", x0 + 6, y + RowHeight * 0.68f, SKTextAlign.Left, small, muted);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The name shortened with "…" to fit the label column.</summary>
    private static string Fit(string name, SKFont font, float width)
    {
        if (font.MeasureText(name) <= width) return name;
        var s = name;
        while (s.Length > 4 && font.MeasureText(s + "…") > width) s = s[..^1];
        return s.TrimEnd() + "…";
    }
}
