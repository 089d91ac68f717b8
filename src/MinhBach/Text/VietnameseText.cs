using System.Text;

namespace MinhBach.Text;

/// <summary>
/// Folding and slugs for Vietnamese. A fixed table instead of Unicode decomposition, because
/// decompose-and-strip leaves đ/Đ untouched and is a no-op under invariant globalization.
/// </summary>
public static class VietnameseText
{
    private static readonly Dictionary<char, char> Map = BuildMap();

    private static Dictionary<char, char> BuildMap()
    {
        var groups = new (char Base, string Letters)[]
        {
            ('a', "aàáạảãâầấậẩẫăằắặẳẵAÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ"),
            ('e', "eèéẹẻẽêềếệểễEÈÉẸẺẼÊỀẾỆỂỄ"),
            ('i', "iìíịỉĩIÌÍỊỈĨ"),
            ('o', "oòóọỏõôồốộổỗơờớợởỡOÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ"),
            ('u', "uùúụủũưừứựửữUÙÚỤỦŨƯỪỨỰỬỮ"),
            ('y', "yỳýỵỷỹYỲÝỴỶỸ"),
            ('d', "dđDĐ"),
        };
        var map = new Dictionary<char, char>();
        foreach (var (b, letters) in groups)
            foreach (var c in letters) map[c] = b;
        return map;
    }

    /// <summary>Lower-case, tone marks and hooks removed, đ → d. "Đắk Lắk" → "dak lak".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            // Combining marks from decomposed (NFD) input, e.g. text pasted from macOS or crawled pages.
            if (ch >= '\u0300' && ch <= '\u036F') continue;
            sb.Append(Map.TryGetValue(ch, out var b) ? b : char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    /// <summary>URL slug without diacritics: "Thủ tục hành chính" → "thu-tuc-hanh-chinh".</summary>
    public static string Slugify(string? text, int maxLength = 80)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        var dash = false;
        foreach (var ch in folded)
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(ch);
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength) slug = slug[..maxLength].TrimEnd('-');
        return slug;
    }

    /// <summary>Vietnamese number formatting: 1715875 → "1.715.875".</summary>
    public static string FormatNumber(long n) =>
        n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');
}
