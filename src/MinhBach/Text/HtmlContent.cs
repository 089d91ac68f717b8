using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using MinhBach.Features.Media;

namespace MinhBach.Text;

/// <summary>
/// The one gate for stored rich text: every HTML field is sanitised when saved, whatever wrote it
/// (editor, import, seeder), so pages can print it as is.
/// </summary>
public static partial class HtmlContent
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        // Inline styles would need 'unsafe-inline' in the content security policy; the theme styles content.
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("form");
        s.AllowedSchemes.Add("mailto");
        s.AllowedSchemes.Add("tel");
        // Kept only on media-library images and only naming their own copies (see KeepMediaSrcset).
        s.AllowedAttributes.Add("srcset");
        s.AllowedAttributes.Add("sizes");
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement el && (el.HasAttribute("srcset") || el.HasAttribute("sizes"))) KeepMediaSrcset(el);
        };
        return s;
    }

    public static string Sanitize(string? html) => string.IsNullOrEmpty(html) ? "" : Sanitizer.Sanitize(html);

    /// <summary>One entry of a sizes list: an optional width condition, then a length or a calc() of lengths.</summary>
    [GeneratedRegex(@"^(\((min|max)-width: ?[0-9.]{1,6}(px|r?em)\) )?([0-9.]{1,6}(px|r?em|vw)|calc\([0-9.]{1,6}(px|r?em|vw)( [-+] [0-9.]{1,6}(px|r?em|vw)){0,3}\))$")]
    private static partial Regex SizesEntry();

    private static bool SafeSizes(string sizes) =>
        sizes.Length <= 300 && sizes.Split(',', StringSplitOptions.TrimEntries) is { Length: <= 8 } entries && entries.All(e => SizesEntry().IsMatch(e));

    /// <summary>
    /// A srcset survives only on an <c>img</c> whose src is a media-library image, and only when every candidate is that
    /// image or one of its smaller copies with a width descriptor: a pasted srcset cannot load an outside address (a
    /// tracking pixel, a picture other than the one the editor sees) or another file. Otherwise srcset and sizes go,
    /// and the src alone remains. Pages add the right srcset when they show the text anyway (ResponsiveImages).
    /// </summary>
    private static void KeepMediaSrcset(IElement el)
    {
        var src = el.GetAttribute("src");
        var srcset = el.GetAttribute("srcset");
        var sizes = el.GetAttribute("sizes");
        var ok = el.LocalName == "img" && ImageVariants.MediaPath(src) is not null && srcset is not null && OnlyCopiesOf(src!, srcset)
            && (sizes is null || SafeSizes(sizes));
        if (ok) return;
        el.RemoveAttribute("srcset");
        el.RemoveAttribute("sizes");
    }

    private static bool OnlyCopiesOf(string src, string srcset)
    {
        var candidates = srcset.Split(',', StringSplitOptions.TrimEntries);
        foreach (var candidate in candidates)
        {
            var parts = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !parts[1].EndsWith('w') || !int.TryParse(parts[1].AsSpan(0, parts[1].Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w) || w <= 0)
                return false;
            if (parts[0] != src && !ImageVariants.Widths.Any(v => parts[0] == ImageVariants.PathOf(src, v))) return false;
        }
        return candidates.Length > 0;
    }
}
