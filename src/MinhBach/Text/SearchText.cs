using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MinhBach.Text;

/// <summary>
/// The one normal form that both the index and the queries go through: NFC, folded (đ → d, tones and hooks
/// gone), lower case, every run of other characters a single space, and letters split from digits
/// ("NĐ42" → "nd 42"), so that a document number matches however it is typed. What the database's full-text
/// engine then sees is plain ASCII words, the same on SQLite and PostgreSQL.
/// </summary>
public static class SearchText
{
    /// <summary>Longest text indexed for one item (attachments can be whole books; the start carries the meaning).</summary>
    public const int MaxIndexedChars = 200_000;

    // Vietnamese letters stay as they are in the HTML (as on the pages), only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Normalize(string? text) => string.Join(' ', Tokens(text));

    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var folded = VietnameseText.Fold(Nfc(text));
        var sb = new StringBuilder();
        var lastDigit = false;
        foreach (var ch in folded)
        {
            var letter = ch is >= 'a' and <= 'z';
            var digit = ch is >= '0' and <= '9';
            if ((letter || digit) && sb.Length > 0 && digit != lastDigit)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
            if (letter || digit)
            {
                sb.Append(ch);
                lastDigit = digit;
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }

    public static string Nfc(string text)
    {
        try
        {
            return text.IsNormalized() ? text : text.Normalize();
        }
        catch (ArgumentException)
        {
            return text; // lone surrogates: leave as is, the folding skips what it cannot read
        }
    }

    /// <summary>The lower-case words of the text as written (with their diacritics), for telling "bản" from "bàn".</summary>
    public static List<string> AccentedWords(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var sb = new StringBuilder();
        foreach (var ch in Nfc(text))
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    /// <summary>Plain text of stored HTML: tags dropped, entities decoded, block ends as spaces.</summary>
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var sb = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var ch in html)
        {
            if (ch == '<') { inTag = true; sb.Append(' '); }
            else if (ch == '>') inTag = false;
            else if (!inTag) sb.Append(ch);
        }
        return CollapseSpaces(WebUtility.HtmlDecode(sb.ToString()));
    }

    public static string CollapseSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!space && sb.Length > 0) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(ch);
                space = false;
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// HTML of the text with every word whose normal form is one of the query's tokens wrapped in &lt;mark&gt;;
    /// unaccented queries light up accented words. With <paramref name="window"/>, only the part of a long text
    /// where the query's words are densest, with "…" where it was cut.
    /// </summary>
    public static string Highlight(string text, IReadOnlyCollection<string> queryTokens, int? window = null)
    {
        var words = WordSpans(text, queryTokens);
        var hits = words.Select(w => w.Hit).ToArray();
        var (from, to) = (0, text.Length);
        if (window is int size && text.Length > size)
        {
            // The window of `size` characters starting at a word that holds the most matches.
            var (best, bestCount, j, count) = (0, -1, 0, 0);
            for (var i = 0; i < words.Count; i++)
            {
                while (j < words.Count && words[j].End - words[i].Start <= size) { if (hits[j]) count++; j++; }
                if (count > bestCount) (best, bestCount) = (i, count);
                if (hits[i]) count--;
            }
            from = words.Count == 0 ? 0 : words[best].Start;
            if (bestCount <= 0) from = 0;
            to = Math.Min(text.Length, from + size);
            var lastEnd = words.Where(w => w.End <= to && w.Start >= from).Select(w => w.End).DefaultIfEmpty(to).Max();
            to = lastEnd;
        }
        var sb = new StringBuilder();
        if (from > 0) sb.Append("… ");
        var pos = from;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Start < from || w.End > to || !hits[i]) continue;
            sb.Append(Html.Encode(text[pos..w.Start])).Append("<mark>").Append(Html.Encode(text[w.Start..w.End])).Append("</mark>");
            pos = w.End;
        }
        sb.Append(Html.Encode(text[pos..to]));
        if (to < text.Length) sb.Append(" …");
        return sb.ToString();
    }

    private readonly record struct Word(int Start, int End, bool Hit);

    /// <summary>Words of the text with their positions and whether one of their normal forms (letters and digits of one
    /// word kept together) is a query token.</summary>
    private static List<Word> WordSpans(string text, IReadOnlyCollection<string> queryTokens)
    {
        var list = new List<Word>();
        // Snippets are cut from texts of thousands of words: text in NFC without combining marks folds character for
        // character, so the folded copy has the same positions and each word is matched in it without allocating.
        var folded = VietnameseText.Fold(text);
        var samePositions = folded.Length == text.Length && Nfc(text) == text;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var hit = samePositions ? HoldsToken(folded.AsSpan(start, i - start), queryTokens) : Tokens(text[start..i]).Any(queryTokens.Contains);
            list.Add(new Word(start, i, hit));
        }
        return list;
    }

    /// <summary>Whether a folded word's runs of letters or of digits (its normal forms) include one of the tokens.</summary>
    private static bool HoldsToken(ReadOnlySpan<char> folded, IReadOnlyCollection<string> tokens)
    {
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            var letter = c is >= 'a' and <= 'z';
            if (!letter && c is not (>= '0' and <= '9')) { i++; continue; }
            var start = i;
            while (i < folded.Length && (letter ? folded[i] is >= 'a' and <= 'z' : folded[i] is >= '0' and <= '9')) i++;
            var run = folded[start..i];
            foreach (var t in tokens)
                if (run.SequenceEqual(t)) return true;
        }
        return false;
    }

    /// <summary>The text in NFC and lower case, for <see cref="HasWord"/>.</summary>
    public static string LowerNfc(string? text) => string.IsNullOrEmpty(text) ? "" : Nfc(text).ToLowerInvariant();

    /// <summary>Whether <paramref name="word"/> (lower case, as from <see cref="AccentedWords"/>) is a whole word of
    /// <paramref name="lower"/> (from <see cref="LowerNfc"/>): the same as AccentedWords(text).Contains(word), without
    /// splitting the text into words.</summary>
    public static bool HasWord(string lower, string word)
    {
        if (word.Length == 0) return false;
        for (var at = lower.IndexOf(word, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(lower[at - 1])) && (end == lower.Length || !char.IsLetterOrDigit(lower[end]))) return true;
        }
        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is >= '\u0300' and <= '\u036F';
}
