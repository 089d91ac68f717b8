using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MinhBach.Features.Catalogue;
using MinhBach.Text;

namespace MinhBach.Features.Documents.Extraction;

/// <summary>How sure a proposed value is: High when read from its usual place in the layout of Decree 30/2020/NĐ-CP,
/// Medium when found elsewhere or partly guessed, Low for a fallback the editor should check first.</summary>
public enum ProposalConfidence
{
    Low,
    Medium,
    High,
}

/// <summary>A value proposed to the editor ("đề xuất"), with how sure it is and the text it was read from.</summary>
public sealed record ProposedField<T>(T Value, ProposalConfidence Confidence, string Source);

/// <summary>What a line of the text is: a paragraph (DOCX) or a printed line that may wrap a paragraph (PDF, OCR).</summary>
public enum TextLayout
{
    Paragraphs,
    PrintedLines,
}

/// <summary>How one document acts on another. Stored as numbers in DocumentLink: never renumber.</summary>
public enum DocumentRelation
{
    /// <summary>"thay thế …"</summary>
    Replaces = 0,
    /// <summary>"sửa đổi, bổ sung …"</summary>
    Amends = 1,
    /// <summary>"bãi bỏ …"</summary>
    Repeals = 2,
    /// <summary>"hướng dẫn thi hành …", "quy định chi tiết …": no effect on the target's status.</summary>
    Guides = 3,
}

/// <summary>Another document this one replaces, amends or repeals: its type code (when named) and number as written.</summary>
public sealed record RelatedDocument(DocumentRelation Relation, string? TypeCode, string Number);

/// <summary>
/// The metadata proposed for an uploaded document. Every field is null when it was not found: the editor fills it in,
/// nothing is invented.
/// </summary>
public sealed record DocumentProposal
{
    /// <summary>Số, ký hiệu as written without spaces: "123/QĐ-UBND", "42/2022/NĐ-CP".</summary>
    public ProposedField<string>? Number { get; init; }
    /// <summary>A code of data/document-types.json; the draft code for a draft (see <see cref="DraftOf"/>).</summary>
    public ProposedField<string>? TypeCode { get; init; }
    /// <summary>For a draft, the type of the document it will become ("nghi-quyet").</summary>
    public ProposedField<string>? DraftOf { get; init; }
    /// <summary>Cơ quan ban hành in proper case, people's committees and councils as "UBND …", "HĐND …".</summary>
    public ProposedField<string>? IssuingBody { get; init; }
    /// <summary>Cơ quan chủ quản when the header names one above the issuer ("UBND tỉnh Đông Minh" above a department).</summary>
    public ProposedField<string>? ParentBody { get; init; }
    public ProposedField<string>? Place { get; init; }
    public ProposedField<DateOnly>? IssuedOn { get; init; }
    /// <summary>Trích yếu as written ("Về việc …", "V/v …"); for a draft "Dự thảo Nghị quyết …".</summary>
    public ProposedField<string>? Summary { get; init; }
    public ProposedField<DateOnly>? EffectiveOn { get; init; }
    public ProposedField<string>? Signer { get; init; }
    /// <summary>The signer's position as printed above the name ("Phó Chủ tịch").</summary>
    public ProposedField<string>? SignerTitle { get; init; }
    public IReadOnlyList<ProposedField<RelatedDocument>> Related { get; init; } = [];

    public static DocumentProposal Empty { get; } = new();
}

/// <summary>
/// Proposes the metadata of a Vietnamese administrative document from its extracted text, following the layout of
/// Decree 30/2020/NĐ-CP: issuer and "Số: …" top left, national motto and "place, ngày … tháng … năm …" top right, the
/// type in capitals with the summary below it (or "V/v …" under the number for an official letter), articles, then
/// "Nơi nhận" and the signature block. Matching is done on folded text (NFC, no tones, đ → d) so that decomposed
/// input, capitals and the odd spaces of PDF or OCR text all read alike; values are cut from the original text.
/// Types come from the catalogue (data/document-types.json), matched by their names and abbreviations.
/// </summary>
public sealed partial class DocumentProposer
{
    /// <summary>Only the start of a long text is read (header, articles, signature); the rest is appendices.</summary>
    public const int MaxReadChars = 60_000;

    private sealed record TypeName(DocumentType Type, string[] Words, string Compact);

    private readonly IReadOnlyList<DocumentType> _types;
    private readonly List<TypeName> _names;
    private readonly DocumentType? _draft;
    private readonly DocumentType? _letter;
    private readonly Regex _reference;

    public DocumentProposer(MinhBach.Features.Catalogue.Catalogue catalogue) : this(catalogue.DocumentTypes)
    {
    }

    public DocumentProposer(IReadOnlyList<DocumentType> types)
    {
        _types = types;
        _names = types.Select(t =>
        {
            var name = t.Name;
            var paren = name.IndexOf('(');
            if (paren > 0) name = name[..paren];
            var words = Words(VietnameseText.Fold(name));
            return new TypeName(t, words, string.Concat(words));
        }).Where(n => n.Words.Length > 0).ToList();
        _draft = types.FirstOrDefault(t => t.Group == "Draft");
        _letter = _names.FirstOrDefault(n => n.Compact == "congvan")?.Type;
        // References to other documents: "<type name> số 12/2020/QĐ-UBND", type names from the catalogue.
        var alternatives = _names.Where(n => n.Type != _draft).Select(n => string.Join(@"\s+", n.Words)).Append(@"van\s+ban")
            .Distinct().OrderByDescending(a => a.Length);
        _reference = new Regex(@"(?<type>" + string.Join("|", alternatives) + @")\s+(?:so\s*:?\s*)?(?<n>" + NumberPattern + ")",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexTimeout);
    }

    /// <summary>Proposes from an extraction: a PDF's lines are printed lines, a DOCX's lines paragraphs.</summary>
    public DocumentProposal Propose(ExtractedDocument document) =>
        Propose(document.Text, document.Format == DocumentFileFormat.Pdf ? TextLayout.PrintedLines : TextLayout.Paragraphs);

    /// <summary>
    /// Proposes from plain text. With <see cref="TextLayout.PrintedLines"/> a summary may run over several lines
    /// (a wrapped title); with paragraphs only a line starting in lower case continues it.
    /// </summary>
    public DocumentProposal Propose(string? text, TextLayout layout = TextLayout.Paragraphs)
    {
        if (string.IsNullOrWhiteSpace(text)) return DocumentProposal.Empty;
        try
        {
            return ProposeCore(text, layout);
        }
        catch (RegexMatchTimeoutException)
        {
            return DocumentProposal.Empty; // pathological input: propose nothing rather than hang
        }
    }

    // ============================================================================================ text model

    private const string NumberPattern = @"\d{1,6}\s*/\s*(?:(?:19|20)\d\d\s*/\s*)?[a-z0-9&]+(?:\s*[-/]\s*[a-z0-9&]+)*";
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A piece of a line: the line itself, or one column of it (split at tabs or wide runs of spaces).</summary>
    private sealed class Segment(string text, int line)
    {
        public string Text { get; } = text;
        /// <summary>Same length as <see cref="Text"/>: lower case, tones gone, đ → d.</summary>
        public string Folded { get; } = VietnameseText.Fold(text);
        public int Line { get; } = line;
        public bool Blank => Text.Length == 0;
        /// <summary>Letters and digits of the folded text only: "Q U Y Ế T  Đ Ị N H" → "quyetdinh".</summary>
        public string Compact => _compact ??= string.Concat(Folded.Where(char.IsAsciiLetterOrDigit));
        private string? _compact;
        public string[] FoldedWords => _words ??= Words(Folded);
        private string[]? _words;
        public override string ToString() => Text;
    }

    private static string[] Words(string folded) =>
        folded.Split([' ', '\t', ',', '.', ':', ';', '(', ')', '-', '–', '/'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>NFC, leftover combining marks dropped (so folding keeps positions), no soft hyphens or odd spaces.</summary>
    private static string Clean(string text)
    {
        var nfc = SearchText.Nfc(text);
        var sb = new StringBuilder(nfc.Length);
        foreach (var ch in nfc)
        {
            if (ch is >= '\u0300' and <= '\u036F' or '\u00AD' or '\u200B' or '\uFEFF') continue;
            // Eth for "Đ" (a look-alike some keyboards and OCR give) would break every match on "QĐ", "NĐ".
            sb.Append(ch switch { '\u00A0' or '\u2007' or '\u202F' => ' ', '\r' => '\n', 'Ð' => 'Đ', 'ð' => 'đ', _ => ch });
        }
        return sb.ToString();
    }

    [GeneratedRegex(@" {4,}")]
    private static partial Regex WideSpace();

    /// <summary>
    /// Columns of a line: split at tabs, and at runs of four or more spaces (text laid out with spaces) unless what
    /// stands before is a short label ("Số:      /2025/QĐ-UBND", a draft's blank number).
    /// </summary>
    private static IEnumerable<string> Columns(string line)
    {
        foreach (var part in line.Split('\t'))
        {
            var start = 0;
            foreach (Match m in WideSpace().Matches(part))
            {
                var left = part[start..m.Index];
                if (left.Count(char.IsLetter) < 4) continue;
                yield return left;
                start = m.Index + m.Length;
            }
            yield return part[start..];
        }
    }

    private static List<Segment> Segments(string text)
    {
        var list = new List<Segment>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = Columns(lines[i]).Select(p => SearchText.CollapseSpaces(p).Trim()).Where(p => p.Length > 0).ToList();
            if (parts.Count == 0)
            {
                if (list.Count > 0 && !list[^1].Blank) list.Add(new Segment("", i));
                continue;
            }
            foreach (var p in parts) list.Add(new Segment(p, i));
        }
        return list;
    }

    // ============================================================================================ proposal

    private DocumentProposal ProposeCore(string raw, TextLayout layout)
    {
        var text = Clean(raw.Length > MaxReadChars ? raw[..MaxReadChars] : raw);
        var segs = Segments(text);
        if (segs.Count == 0) return DocumentProposal.Empty;

        var draftIdx = FindIndex(segs, 0, 25, s => s.Compact.StartsWith("duthao", StringComparison.Ordinal) && s.Text.Length < 60);
        var heading = FindHeading(segs);
        var vvIdx = FindIndex(segs, 0, 40, s => VvStart().IsMatch(s.Folded));
        var kinhGui = FindIndex(segs, 0, 60, s => s.Folded.StartsWith("kinh gui", StringComparison.Ordinal));
        var canCu = FindIndex(segs, 0, 80, s => s.Folded.StartsWith("can cu", StringComparison.Ordinal));
        var headerEnd = new[] { heading?.Index ?? int.MaxValue, kinhGui < 0 ? int.MaxValue : kinhGui, canCu < 0 ? int.MaxValue : canCu, 40, segs.Count }.Min();
        if (vvIdx >= headerEnd) vvIdx = -1;

        var (number, numberIdx) = FindNumber(segs, headerEnd);
        var (place, issued, _) = FindDate(segs, headerEnd);
        issued ??= AdoptedOn(text);

        // A draft's number is left blank, but "Số:    /2025/QĐ-UBND" still says it is a normative document.
        var normative = number is not null ? YearInNumber().IsMatch(number.Value)
            : segs.Take(Math.Max(headerEnd, 1) + 2).Any(s => BlankNumberWithYear().IsMatch(s.Folded));
        var (type, draftOf) = ProposeType(heading, number?.Value, normative, vvIdx >= 0, draftIdx >= 0 ? segs[draftIdx] : null);
        // A text in capitals throughout (some scans, some old files): capitals then say nothing about where the summary ends.
        var allUpper = IsMostlyUpper(text.Length > 4000 ? text[..4000] : text);
        var summary = ProposeSummary(segs, heading, vvIdx, draftIdx >= 0, draftOf?.Value ?? type?.Value, layout, allUpper);
        var issuerLimit = new[] { numberIdx, heading?.Index ?? -1, vvIdx, headerEnd }.Where(i => i >= 0).Min();
        var (issuer, parent) = ProposeIssuer(segs, issuerLimit);
        var body = heading is { } h ? text[Math.Min(text.Length, OffsetOfLine(text, segs[h.Index].Line))..] : text;
        var effective = ProposeEffective(body, issued?.Value);
        var (signer, signerTitle) = ProposeSigner(segs, heading?.Index ?? 0);
        var related = ProposeRelated(text, number?.Value);

        return new DocumentProposal
        {
            Number = number, TypeCode = type, DraftOf = draftOf, IssuingBody = issuer, ParentBody = parent, Place = place,
            IssuedOn = issued, Summary = summary, EffectiveOn = effective, Signer = signer, SignerTitle = signerTitle,
            Related = related,
        };
    }

    private static int FindIndex(List<Segment> segs, int from, int max, Func<Segment, bool> test)
    {
        for (var i = from; i < segs.Count && i < from + max; i++)
            if (!segs[i].Blank && test(segs[i])) return i;
        return -1;
    }

    private static int OffsetOfLine(string text, int line)
    {
        var offset = 0;
        for (var i = 0; i < line && offset >= 0; i++)
        {
            offset = text.IndexOf('\n', offset);
            if (offset < 0) return text.Length;
            offset++;
        }
        return offset;
    }

    // ---------------------------------------------------------------------------------------------- number

    /// <summary>"Số: 123/QĐ-UBND" at the start of a line (a law: "Luật số: …"); numbers cited in sentences are not this one's.</summary>
    [GeneratedRegex(@"^(?:luat\s+|phap\s+lenh\s+|lenh\s+)?s\s?o\s*[:.]?\s*(?<n>" + NumberPattern + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex NumberLine();

    private static (ProposedField<string>? Field, int Index) FindNumber(List<Segment> segs, int headerEnd)
    {
        for (var i = 0; i < segs.Count && i < Math.Max(headerEnd, 1) + 2; i++)
        {
            var s = segs[i];
            if (s.Blank) continue;
            var m = NumberLine().Match(s.Folded);
            if (!m.Success) continue;
            var g = m.Groups["n"];
            var value = CleanNumber(s.Text.Substring(g.Index, g.Length));
            if (value is null) continue;
            var confident = i < 20 && (value.Contains('-') || YearInNumber().IsMatch(value));
            return (new ProposedField<string>(value, confident ? ProposalConfidence.High : ProposalConfidence.Medium, s.Text), i);
        }
        return (null, -1);
    }

    /// <summary>"Số:      /2025/QĐ-UBND": a draft's number line with the number left blank.</summary>
    [GeneratedRegex(@"^s\s?o\s*[:.]?\s*[\d/]", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^s\s?o\s*[:.]?\s*/\s*(19|20)\d\d\s*/", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex BlankNumberWithYear();

    [GeneratedRegex(@"^\d+/(19|20)\d\d/")]
    private static partial Regex YearInNumber();

    /// <summary>Spaces out, trailing punctuation off; null unless the symbol part has a letter.</summary>
    private static string? CleanNumber(string written)
    {
        var value = string.Concat(written.Where(c => !char.IsWhiteSpace(c))).TrimEnd('.', '-', '/');
        var slash = value.IndexOf('/');
        if (slash < 0 || !value[(slash + 1)..].Any(char.IsLetter)) return null;
        // OCR and Word's autocorrect: "Ð" (eth) for "Đ".
        return value.Replace('Ð', 'Đ');
    }

    // ---------------------------------------------------------------------------------------------- dates

    private const string DatePattern = @"(?<d>\d{1,2})\s*(?:thang\s*|[/.\-]\s*)(?<m>\d{1,2})\s*(?:nam\s*|[/.\-]\s*)(?<y>\d{4})";

    [GeneratedRegex(@"ngay\s*" + DatePattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex IssueDate();

    [GeneratedRegex(@"^(?<place>[^,]{2,60}?)\s*,\s*ngay\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex PlaceBeforeDate();

    [GeneratedRegex(@"thong\s+qua\s+ngay\s*" + DatePattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex AdoptedDate();

    private static DateOnly? ToDate(Match m)
    {
        if (!int.TryParse(m.Groups["d"].Value, out var d) || !int.TryParse(m.Groups["m"].Value, out var mo)
            || !int.TryParse(m.Groups["y"].Value, out var y)) return null;
        if (y is < 1945 or > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    private (ProposedField<string>? Place, ProposedField<DateOnly>? Date, int Index) FindDate(List<Segment> segs, int headerEnd)
    {
        ProposedField<string>? place = null;
        for (var i = 0; i < segs.Count && i < Math.Max(headerEnd, 1) + 1; i++)
        {
            var s = segs[i];
            if (s.Blank || s.Folded.StartsWith("can cu", StringComparison.Ordinal)) continue;
            var folded = s.Folded;
            var text = s.Text;
            // A line read across both columns ("Số: 123/QĐ-UBND Đông Minh, ngày …"): the place starts after the number.
            var number = NumberLine().Match(folded);
            if (number.Success)
            {
                var end = number.Index + number.Length;
                folded = folded[end..];
                text = text[end..];
            }
            var pm = PlaceBeforeDate().Match(folded);
            var placeText = pm.Success ? PlaceName(text.Substring(pm.Groups["place"].Index, pm.Groups["place"].Length)) : null;
            if (placeText is not null) place ??= new ProposedField<string>(placeText, ProposalConfidence.High, s.Text);
            var m = IssueDate().Match(folded);
            if (!m.Success) continue;
            // The header's date stands after the place, or alone on its line; a date inside a sentence is another event's.
            if (placeText is null && !(folded.TrimStart().StartsWith("ngay", StringComparison.Ordinal) && s.Text.Length <= 40)) continue;
            if (ToDate(m) is not DateOnly date) continue;
            var confidence = placeText is not null ? ProposalConfidence.High : ProposalConfidence.Medium;
            return (place, new ProposedField<DateOnly>(date, confidence, s.Text), i);
        }
        return (place, null, -1);
    }

    /// <summary>The capitalised words at the end of what stands before ", ngày": "Đông Minh", "TP. Hồ Chí Minh".</summary>
    private static string? PlaceName(string before)
    {
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        for (var i = words.Length - 1; i >= 0 && taken.Count < 6; i--)
        {
            var w = words[i];
            if (w is "-" or "–" && taken.Count > 0) { taken.Insert(0, w); continue; }
            if (w.Length == 0 || !char.IsUpper(w[0]) || w.Any(char.IsDigit)) break;
            taken.Insert(0, w);
        }
        while (taken.Count > 0 && taken[0] is "-" or "–") taken.RemoveAt(0);
        if (taken.Count == 0) return null;
        var place = string.Join(' ', taken);
        // A place written in capitals ("HÀ NỘI") reads better as "Hà Nội".
        return IsMostlyUpper(place) ? TitleCase(place) : place;
    }

    [GeneratedRegex(@"\b(?:luat|bo\s+luat|phap\s+lenh|nghi\s+quyet)\s+nay\s+(?:da\s+)?duoc\b", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex AdoptedSubject();

    /// <summary>
    /// Laws carry no date in their header: the date the National Assembly adopted them, from "Luật này được Quốc hội …
    /// thông qua ngày …" at the end (only this document's own adoption, not one cited in passing).
    /// </summary>
    private static ProposedField<DateOnly>? AdoptedOn(string text)
    {
        var folded = VietnameseText.Fold(text);
        foreach (Match m in AdoptedDate().Matches(folded))
        {
            var sentence = SentenceAround(text, m.Index, m.Length);
            if (!AdoptedSubject().IsMatch(VietnameseText.Fold(sentence)) || ToDate(m) is not DateOnly date) continue;
            return new ProposedField<DateOnly>(date, ProposalConfidence.Low, sentence);
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- type

    private sealed record Heading(int Index, TypeName Name, bool Exact, string Rest, string Text);

    /// <summary>The first line in capitals that is a type's name ("QUYẾT ĐỊNH"), or starts with one ("LUẬT ĐẤT ĐAI").</summary>
    private Heading? FindHeading(List<Segment> segs)
    {
        Heading? prefixed = null;
        for (var i = 0; i < segs.Count && i < 60; i++)
        {
            var s = segs[i];
            // The heading comes before the legal bases and the addressee; capitals after them are the body's.
            if (s.Folded.StartsWith("can cu", StringComparison.Ordinal) || s.Folded.StartsWith("kinh gui", StringComparison.Ordinal)) break;
            if (s.Blank || s.Text.TrimEnd().EndsWith(':') || !IsMostlyUpper(s.Text) || s.Text.Length > 120) continue;
            foreach (var n in _names)
            {
                if (n.Type == _draft) continue;
                if (s.Compact == n.Compact) return new Heading(i, n, true, "", s.Text);
                if (prefixed is null && s.FoldedWords.Length > n.Words.Length && s.FoldedWords.Take(n.Words.Length).SequenceEqual(n.Words))
                {
                    // What follows the type's words in the original text.
                    var rest = s.Text;
                    var skip = n.Words.Length;
                    var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    rest = string.Join(' ', parts.Skip(skip));
                    prefixed = new Heading(i, n, false, rest, s.Text);
                }
            }
        }
        return prefixed;
    }

    private (ProposedField<string>? Type, ProposedField<string>? DraftOf) ProposeType(Heading? heading, string? number, bool normative, bool hasVv, Segment? draftMark)
    {
        ProposedField<string>? type = null;
        if (heading is not null)
        {
            var candidates = _names.Where(n => n.Compact == heading.Name.Compact).Select(n => n.Type).ToList();
            var chosen = Choose(candidates, normative);
            var sure = heading.Exact && (candidates.Count == 1 || number is not null);
            type = new ProposedField<string>(chosen.Code, sure ? ProposalConfidence.High : ProposalConfidence.Medium, heading.Text);
        }
        else if (hasVv && _letter is not null)
        {
            type = new ProposedField<string>(_letter.Code, ProposalConfidence.High, "V/v");
        }
        else if (number is not null)
        {
            // "123/QĐ-UBND": the symbol's first part is the type's abbreviation ("QH15": the legislature's number).
            var symbol = number.Split('/').Last().Split('-')[0].TrimEnd("0123456789".ToCharArray());
            var folded = VietnameseText.Fold(symbol);
            var candidates = _types.Where(t => t.Abbreviation.Length > 0 && VietnameseText.Fold(t.Abbreviation) == folded && t != _draft).ToList();
            if (candidates.Count > 0)
                type = new ProposedField<string>(Choose(candidates, normative).Code, ProposalConfidence.Medium, number);
            else if (_letter is not null && number.Split('/').Last().Contains('-'))
                type = new ProposedField<string>(_letter.Code, ProposalConfidence.Low, number); // "123/UBND-VX": an official letter's symbol
        }
        if (draftMark is not null && _draft is not null)
            return (new ProposedField<string>(_draft.Code, ProposalConfidence.High, draftMark.Text), type);
        return (type, null);
    }

    /// <summary>Among types of one name (a decision, normative or not), the normative one when the number carries a year.</summary>
    private static DocumentType Choose(List<DocumentType> candidates, bool normative) =>
        candidates.Count == 1 ? candidates[0]
        : candidates.FirstOrDefault(t => (t.Group == "Normative") == normative) ?? candidates[0];

    // ---------------------------------------------------------------------------------------------- summary

    [GeneratedRegex(@"^v\s*/\s*v\b\s*:?\s*", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex VvStart();

    private static readonly string[] BodyStarts =
    [
        "can cu", "theo de nghi", "xet de nghi", "xet to trinh", "thuc hien", "kinh gui", "dieu ", "chuong ", "muc ", "phan ",
        "ngay ", "nham ", "de ", "trong ", "vua qua", "sang ngay", "chieu ngay", "i.", "i ", "1.", "1 ", "a)", "quyet nghi", "quyet dinh:",
    ];

    /// <summary>Lines that start the body when a text in capitals gives no other sign (the authority line, "CHỦ TỊCH ỦY BAN …").</summary>
    private static readonly string[] AuthorityStarts =
        ["chu tich", "hoi dong nhan dan", "uy ban nhan dan", "chinh phu", "quoc hoi", "bo truong", "giam doc", "thu tuong"];

    private ProposedField<string>? ProposeSummary(List<Segment> segs, Heading? heading, int vvIdx, bool draft, string? typeCode, TextLayout layout, bool allUpper)
    {
        string? summary = null;
        var confidence = ProposalConfidence.High;
        string source;
        if (heading is not null)
        {
            var lines = new List<string>();
            var isLaw = heading.Name.Compact == "luat";
            if (!heading.Exact && heading.Rest.Length > 0) lines.Add(heading.Rest);
            var i = heading.Index + 1;
            if (lines.Count == 0)
            {
                while (i < segs.Count && segs[i].Blank) i++;
                // A law's name is printed in capitals under "LUẬT".
                if (isLaw && i < segs.Count && IsMostlyUpper(segs[i].Text) && segs[i].Text.Length < 120)
                {
                    lines.Add(segs[i].Text);
                    i++;
                }
            }
            if (!isLaw || lines.Count == 0)
            {
                for (; i < segs.Count && lines.Count < 5; i++)
                {
                    var s = segs[i];
                    if (s.Blank) { if (lines.Count > 0) break; continue; }
                    if (IsRule(s.Text)) { if (lines.Count > 0) break; continue; }
                    if (IsMostlyUpper(s.Text) && !allUpper) break;
                    var startsUpper = char.IsUpper(s.Text[0]);
                    // The line under the type is the summary whatever its first words ("Thực hiện Nghị quyết …").
                    if (lines.Count == 0 ? FirstBodyStarts.Any(b => s.Folded.StartsWith(b, StringComparison.Ordinal))
                        : startsUpper && StartsBody(s.Folded)) break;
                    if (allUpper && AuthorityStarts.Any(a => s.Folded.StartsWith(a, StringComparison.Ordinal))) break;
                    if (lines.Count > 0)
                    {
                        // A paragraph goes on only after a line break inside it; a printed line wraps at any word.
                        var previous = lines[^1];
                        var continues = !startsUpper && !allUpper || layout == TextLayout.PrintedLines && previous.Length >= 35
                            && !previous.EndsWith('.') && !previous.EndsWith(':') && !previous.EndsWith(';');
                        if (!continues) break;
                    }
                    lines.Add(s.Text);
                    if (s.Text.EndsWith('.') || s.Text.EndsWith(':') || s.Text.EndsWith(';')) break;
                    if (string.Join(' ', lines).Length > 400) { confidence = ProposalConfidence.Medium; break; }
                }
            }
            if (lines.Count == 0) return null;
            source = string.Join("\n", lines);
            summary = string.Join(' ', lines).Trim().TrimEnd('.', ';', ':', '-', '_').Trim();
            if (IsMostlyUpper(summary)) summary = SentenceCase(summary);
            if (isLaw) summary = "Luật " + summary;
            if (!heading.Exact) confidence = ProposalConfidence.Medium;
        }
        else if (vvIdx >= 0)
        {
            var first = segs[vvIdx];
            var m = VvStart().Match(first.Folded);
            var lines = new List<string> { first.Text[m.Length..] };
            for (var i = vvIdx + 1; i < segs.Count && lines.Count < 4; i++)
            {
                var s = segs[i];
                if (s.Blank || IsRule(s.Text) || IssueDate().IsMatch(s.Folded) || s.Folded.StartsWith("kinh gui", StringComparison.Ordinal)) break;
                if (char.IsUpper(s.Text[0]) && (layout == TextLayout.Paragraphs || allUpper || lines[^1].Length < 35)) break;
                lines.Add(s.Text);
            }
            source = first.Text + (lines.Count > 1 ? "\n" + string.Join("\n", lines.Skip(1)) : "");
            var rest = string.Join(' ', lines).Trim().TrimEnd('.', ';');
            if (rest.Length == 0) return null;
            summary = "V/v " + rest;
        }
        else return null;

        if (summary.Length < 3) return null;
        if (draft && typeCode is not null && !summary.StartsWith("Dự thảo", StringComparison.OrdinalIgnoreCase)
            && _types.FirstOrDefault(t => t.Code == typeCode) is { } type && type != _draft)
        {
            var name = type.Name.Split('(')[0].Trim();
            summary = $"Dự thảo {name} {LowerFirst(summary)}";
        }
        return new ProposedField<string>(summary, confidence, source);
    }

    /// <summary>What cannot be a summary even right under the type.</summary>
    private static readonly string[] FirstBodyStarts = ["can cu", "kinh gui", "dieu ", "chuong ", "quyet nghi", "quyet dinh:"];

    private static bool StartsBody(string folded) =>
        BodyStarts.Any(b => folded.StartsWith(b, StringComparison.Ordinal)) && !folded.StartsWith("de an", StringComparison.Ordinal);

    private static bool IsRule(string text) => text.All(c => c is '-' or '_' or '–' or '—' or '*' or '=' or '.' or ' ' or '…');

    // ---------------------------------------------------------------------------------------------- issuer

    [GeneratedRegex(@"cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia\s*viet\s*nam|doc\s*lap\W*tu\s*do\W*hanh\s*phuc", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Motto();

    private static readonly string[] NotIssuer = ["mat", "tuyet mat", "toi mat", "khan", "thuong khan", "hoa toc", "hoa toc hen gio", "du thao"];

    private static (ProposedField<string>? Issuer, ProposedField<string>? Parent) ProposeIssuer(List<Segment> segs, int limit)
    {
        var lines = new List<string>();
        for (var i = 0; i < segs.Count && i < Math.Min(limit, 15); i++)
        {
            var s = segs[i];
            if (s.Blank || IsRule(s.Text)) continue;
            var text = s.Text;
            var folded = s.Folded;
            // The motto may share the line with the issuer when the columns were not told apart.
            var motto = Motto().Match(folded);
            while (motto.Success)
            {
                text = text[..motto.Index] + new string(' ', motto.Length) + text[(motto.Index + motto.Length)..];
                motto = motto.NextMatch();
            }
            text = SearchText.CollapseSpaces(text).Trim().Trim('-', '–', '_', ' ');
            if (text.Length < 2) continue;
            var f = VietnameseText.Fold(text);
            if (NumberLine().IsMatch(f) || NumberPrefix().IsMatch(f) || IssueDate().IsMatch(f) || PlaceBeforeDate().IsMatch(f) || VvStart().IsMatch(f)) continue;
            if (NotIssuer.Contains(string.Join(' ', Words(f)))) continue;
            if (string.Join(' ', Words(f)).StartsWith("du thao", StringComparison.Ordinal)) continue;
            if (!IsMostlyUpper(text)) continue;
            lines.Add(text);
        }
        if (lines.Count == 0) return (null, null);

        // Lines that start with a unit of territory ("TỈNH ĐÔNG MINH") continue the name above them.
        var bodies = new List<List<string>>();
        foreach (var line in lines)
        {
            var words = Words(VietnameseText.Fold(line));
            var continues = bodies.Count > 0 && (StartsWithUnit(words) || words[0] == "va" || char.IsLower(line[0]));
            if (continues) bodies[^1].Add(line);
            else bodies.Add([line]);
        }
        var issuerLines = bodies[^1];
        var issuerName = string.Join(' ', issuerLines);
        var issuerText = FormatBody(issuerName);
        ProposedField<string>? parent = null;
        if (bodies.Count > 1)
        {
            var parentLines = bodies[^2];
            var parentText = FormatBody(string.Join(' ', parentLines));
            parent = new ProposedField<string>(parentText, ProposalConfidence.Medium, string.Join("\n", parentLines));
            // "UBND TỈNH ĐÔNG MINH / VĂN PHÒNG": the office of that committee.
            var issuerWords = Words(VietnameseText.Fold(issuerName));
            if (NamedHeads.Any(h => h.SequenceEqual(issuerWords))) issuerText += " " + parentText;
        }
        var issuer = new ProposedField<string>(issuerText, KnownHead(issuerName) ? ProposalConfidence.High : ProposalConfidence.Medium,
            string.Join("\n", bodies.Count > 1 ? bodies[^2].Concat(issuerLines) : issuerLines));
        return (issuer, parent);
    }

    private static readonly string[][] Units =
    [
        ["tinh"], ["thanh", "pho"], ["huyen"], ["quan"], ["thi", "xa"], ["xa"], ["phuong"], ["thi", "tran"], ["dac", "khu"],
    ];

    private static int UnitLength(string[] words, int at)
    {
        foreach (var unit in Units)
            if (at + unit.Length < words.Length && words.Skip(at).Take(unit.Length).SequenceEqual(unit)) return unit.Length;
        return 0;
    }

    private static bool StartsWithUnit(string[] words) => words.Length > 1 && UnitLength(words, 0) > 0;

    private static readonly string[] Heads =
    [
        "uy ban nhan dan", "hoi dong nhan dan", "ubnd", "hdnd", "chinh phu", "quoc hoi", "thu tuong", "so", "bo", "cuc", "tong cuc", "vu",
        "phong", "ban", "chi cuc", "van phong", "thanh tra", "trung tam", "vien", "truong", "cong an", "bo chi huy", "kho bac", "uy ban",
        "hoi dong", "toa an", "vien kiem sat", "dai", "bao", "doan", "hoi",
    ];

    private static bool KnownHead(string name)
    {
        var folded = string.Join(' ', Words(VietnameseText.Fold(name)));
        return Heads.Any(h => folded == h || folded.StartsWith(h + " ", StringComparison.Ordinal));
    }

    /// <summary>Whole names with their usual writing.</summary>
    private static readonly Dictionary<string, string> KnownBodies = new()
    {
        ["chinh phu"] = "Chính phủ",
        ["quoc hoi"] = "Quốc hội",
        ["thu tuong chinh phu"] = "Thủ tướng Chính phủ",
        ["uy ban thuong vu quoc hoi"] = "Ủy ban Thường vụ Quốc hội",
        ["chu tich nuoc"] = "Chủ tịch nước",
        ["van phong chinh phu"] = "Văn phòng Chính phủ",
    };

    /// <summary>Agency heads after which the specific name starts with a capital ("Sở Khoa học và Công nghệ").</summary>
    private static readonly string[][] NamedHeads =
    [
        ["tong", "cuc"], ["chi", "cuc"], ["van", "phong"], ["thanh", "tra"], ["trung", "tam"], ["cong", "an"],
        ["bo", "chi", "huy"], ["kho", "bac"], ["so"], ["bo"], ["cuc"], ["vu"], ["phong"], ["ban"], ["vien"], ["truong"], ["dai"],
        ["bao"], ["quy"],
    ];

    /// <summary>
    /// The issuing body's name as the portal writes it: people's committees and councils abbreviated ("UBND tỉnh
    /// Đông Minh", "HĐND huyện …"), the rest in proper case ("Sở Khoa học và Công nghệ"), units of territory in lower case
    /// followed by the place name in title case. A name not written in capitals is kept as written.
    /// </summary>
    internal static string FormatBody(string written)
    {
        var name = SearchText.CollapseSpaces(written).Trim();
        var upper = IsMostlyUpper(name);
        var words = name.Split(' ');
        var folded = words.Select(w => VietnameseText.Fold(w).Trim(',', '.', ';', ':')).ToArray();
        var key = string.Join(' ', folded.Where(f => f.Length > 0));
        if (KnownBodies.TryGetValue(key, out var known)) return known;

        // After an agency head ("SỞ", "VĂN PHÒNG") the specific name starts with a capital.
        var headLength = NamedHeads.FirstOrDefault(h => Matches(folded, 0, h))?.Length ?? 0;
        var output = new List<string>();
        var capitalNext = true;
        var inPlace = false;
        for (var i = 0; i < words.Length; i++)
        {
            // "ỦY BAN NHÂN DÂN" / "HỘI ĐỒNG NHÂN DÂN" → UBND / HĐND
            if (Matches(folded, i, "uy", "ban", "nhan", "dan") || Matches(folded, i, "hoi", "dong", "nhan", "dan"))
            {
                output.Add(folded[i] == "uy" ? "UBND" : "HĐND");
                i += 3;
                capitalNext = false;
                continue;
            }
            if (folded[i] is "ubnd" or "hdnd")
            {
                output.Add(folded[i] == "ubnd" ? "UBND" : "HĐND");
                capitalNext = false;
                continue;
            }
            // A unit of territory right after UBND/HĐND, a police head or at the start: "tỉnh" + the place in title case.
            var unitPlace = i == 0 || output.Count > 0 && output[^1] is "UBND" or "HĐND" || i >= 2 && folded[i - 2] == "cong" && folded[i - 1] == "an";
            var unit = unitPlace && upper ? UnitLength(folded, i) : 0;
            if (unit > 0)
            {
                for (var k = 0; k < unit; k++) output.Add(words[i + k].ToLowerInvariant());
                i += unit - 1;
                inPlace = true;
                capitalNext = false;
                continue;
            }
            if (!upper)
            {
                output.Add(words[i]);
                continue;
            }
            var word = words[i];
            if (IsAcronym(word)) output.Add(word);
            else if (inPlace || capitalNext) output.Add(TitleWord(word));
            else output.Add(word.ToLowerInvariant());
            capitalNext = i == headLength - 1 || folded[i] == "va" || word.EndsWith(',') || word is "-" or "–";
            if (inPlace) capitalNext = false;
        }
        var result = string.Join(' ', output);
        return result.Length > 0 ? char.ToUpperInvariant(result[0]) + result[1..] : result;
    }

    private static bool Matches(string[] folded, int at, params string[] words) =>
        at + words.Length <= folded.Length && folded.Skip(at).Take(words.Length).SequenceEqual(words);

    private static readonly HashSet<string> Acronyms = ["UBND", "HĐND", "MTTQ", "BHXH", "TAND", "VKSND", "KBNN", "TP", "TP.", "KH&CN", "TN&MT", "GD&ĐT", "TT&TT", "VH", "TT", "DL"];

    private static bool IsAcronym(string word)
    {
        var w = word.Trim(',', ';', ':');
        if (Acronyms.Contains(w) || w.Contains('&')) return true;
        // Capitals without a vowel ("HĐND") are initials.
        return w.Length is >= 2 and <= 6 && w.All(char.IsUpper) && !VietnameseText.Fold(w).Any(c => "aeiouy".Contains(c));
    }

    // ---------------------------------------------------------------------------------------------- effective date

    [GeneratedRegex(@"co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+(?:(?:ke\s+)?tu\s+ngay\s+(?:(?<sign>ky|ban\s+hanh)\b|" + DatePattern + @")|sau\s+(?<after>\d{1,3})\s+ngay\s+ke\s+tu\s+ngay\s+(?:ky|ban\s+hanh))",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex EffectiveClause();

    private static ProposedField<DateOnly>? ProposeEffective(string body, DateOnly? issued)
    {
        var folded = VietnameseText.Fold(body);
        foreach (Match m in EffectiveClause().Matches(folded))
        {
            var source = SentenceAround(body, m.Index, m.Length);
            if (m.Groups["sign"].Success)
            {
                if (issued is DateOnly on) return new ProposedField<DateOnly>(on, ProposalConfidence.High, source);
                continue;
            }
            if (m.Groups["after"].Success)
            {
                if (issued is DateOnly on && int.TryParse(m.Groups["after"].Value, out var days))
                    return new ProposedField<DateOnly>(on.AddDays(days), ProposalConfidence.Medium, source);
                continue;
            }
            if (ToDate(m) is DateOnly date) return new ProposedField<DateOnly>(date, ProposalConfidence.High, source);
        }
        return null;
    }

    /// <summary>The sentence holding a match: from the previous full stop or line start to the next full stop, at most 300 characters.</summary>
    private static string SentenceAround(string text, int index, int length)
    {
        var start = index;
        while (start > 0 && text[start - 1] != '\n' && !(text[start - 1] == ' ' && start >= 2 && text[start - 2] == '.') && index - start < 200) start--;
        var end = index + length;
        while (end < text.Length && text[end] != '\n' && !(text[end] == '.' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]))) && end - index < 300) end++;
        if (end < text.Length && text[end] == '.') end++;
        return SearchText.CollapseSpaces(text[start..end]).Trim();
    }

    // ---------------------------------------------------------------------------------------------- signer

    [GeneratedRegex(@"^(?:tm|kt|tl|tuq|q|ttl)\s*\.\s*", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex OnBehalf();

    private static readonly string[] Positions =
    [
        "chu tich", "pho chu tich", "giam doc", "pho giam doc", "bo truong", "thu truong", "thu tuong", "pho thu tuong", "truong ban",
        "pho truong ban", "chanh van phong", "pho chanh van phong", "truong phong", "pho truong phong", "vien truong", "hieu truong",
        "chanh an", "chu nhiem", "tong giam doc", "cuc truong", "chi cuc truong", "tong cuc truong", "chanh thanh tra", "bi thu",
        "giam doc so", "thu truong co quan", "truong khoa", "chu tich nuoc", "tong bi thu",
    ];

    private static bool IsPositionLine(Segment s)
    {
        if (s.Blank || s.Text.Length > 90 || s.Text.Any(char.IsDigit) || !IsMostlyUpper(s.Text)) return false;
        var folded = string.Join(' ', s.FoldedWords);
        if (OnBehalf().IsMatch(s.Folded)) return true;
        return Positions.Any(p => folded == p || folded.StartsWith(p + " ", StringComparison.Ordinal));
    }

    private static readonly HashSet<string> Surnames =
    [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "dinh",
        "trinh", "truong", "mai", "cao", "lam", "luong", "ha", "ta", "to", "thai", "trieu", "doan", "chu", "kieu", "quach", "tong", "la",
        "luu", "lai", "van", "dao", "khuc", "hua", "nong", "lo", "lu", "au", "thach", "giang", "tieu", "vuong", "quan", "nghiem", "tang",
    ];

    private static readonly string[] NotNames = ["noi nhan", "nhu dieu", "luu", "van phong", "uy ban", "hoi dong", "da ky", "ky ten", "so ", "dong dau"];

    private static string? PersonName(Segment s)
    {
        var text = s.Text;
        // "(Đã ký)" or "Đã ký" around the name in copies.
        var paren = text.IndexOf('(');
        if (paren > 0) text = text[..paren].Trim();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 6) return null;
        if (!words.All(w => w.All(c => char.IsLetter(c) || c == '-') && char.IsUpper(w[0]))) return null;
        var folded = string.Join(' ', Words(VietnameseText.Fold(text)));
        if (NotNames.Any(n => folded.StartsWith(n, StringComparison.Ordinal)) || Positions.Any(p => folded.StartsWith(p, StringComparison.Ordinal))) return null;
        if (KnownHead(text) && !Surnames.Contains(folded.Split(' ')[0])) return null;
        return IsMostlyUpper(text) ? TitleCase(text) : text;
    }

    private static (ProposedField<string>? Name, ProposedField<string>? Title) ProposeSigner(List<Segment> segs, int from)
    {
        var recipients = FindIndex(segs, from, segs.Count, s => s.Folded.StartsWith("noi nhan", StringComparison.Ordinal));
        var found = recipients >= 0 ? SignerNear(segs, Math.Max(from, recipients - 8), recipients + 40) : default;
        if (found.Name is null)
        {
            // No "Nơi nhận" (a law, a copy): the last position line followed by a name.
            for (var i = segs.Count - 1; i >= from && i >= segs.Count - 120; i--)
            {
                if (!IsPositionLine(segs[i])) continue;
                var candidate = SignerNear(segs, i, i + 12);
                if (candidate.Name is not null)
                {
                    found = candidate;
                    break;
                }
            }
        }
        return found;
    }

    private static (ProposedField<string>? Name, ProposedField<string>? Title) SignerNear(List<Segment> segs, int from, int to)
    {
        for (var i = Math.Max(0, from); i < segs.Count && i < to; i++)
        {
            if (!IsPositionLine(segs[i])) continue;
            var titles = new List<Segment> { segs[i] };
            for (var j = i + 1; j < segs.Count && j < i + 16; j++)
            {
                var s = segs[j];
                if (s.Blank || IsRule(s.Text)) continue;
                if (IsPositionLine(s)) { titles.Add(s); continue; }
                var f = s.Folded;
                if (s.Text[0] is '-' or '+' or '•' or '*' or '(' || f.StartsWith("noi nhan", StringComparison.Ordinal)
                    || f.StartsWith("luu", StringComparison.Ordinal) || f.StartsWith("da ky", StringComparison.Ordinal)
                    || f.StartsWith("ky ten", StringComparison.Ordinal) || f.StartsWith("ky,", StringComparison.Ordinal))
                    continue;
                var name = PersonName(s);
                if (name is null)
                {
                    // Recipients listed without dashes stand beside the signature; anything long is the body going on.
                    if (s.Text.Length > 80) break;
                    continue;
                }
                var surname = Words(VietnameseText.Fold(name))[0];
                var source = string.Join("\n", titles.Select(t => t.Text).Append(s.Text));
                var title = titles[^1];
                var titleText = OnBehalf().Match(title.Folded) is { Success: true } ob ? title.Text[ob.Length..] : title.Text;
                return (new ProposedField<string>(name, Surnames.Contains(surname) ? ProposalConfidence.High : ProposalConfidence.Medium, source),
                    new ProposedField<string>(FormatPosition(titleText), ProposalConfidence.Medium, string.Join("\n", titles.Select(t => t.Text))));
            }
        }
        return (null, null);
    }

    /// <summary>"PHÓ CHỦ TỊCH" → "Phó Chủ tịch", "CHỦ TỊCH QUỐC HỘI" → "Chủ tịch Quốc hội".</summary>
    private static string FormatPosition(string written)
    {
        var text = SearchText.CollapseSpaces(written).Trim();
        if (!IsMostlyUpper(text)) return text;
        var words = text.Split(' ').Select(w => w.ToLowerInvariant()).ToArray();
        words[0] = TitleWord(words[0]);
        if (VietnameseText.Fold(words[0]) == "pho" && words.Length > 1) words[1] = TitleWord(words[1]);
        var result = string.Join(' ', words);
        foreach (var (k, v) in KnownBodies)
        {
            var pattern = VietnameseText.Fold(result).IndexOf(k, StringComparison.Ordinal);
            if (pattern > 0 && pattern + k.Length == result.Length) result = result[..pattern] + v;
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------- related documents

    [GeneratedRegex(@"\b(?<rel>thay\s+the|sua\s+doi\s*,?\s*bo\s+sung|sua\s+doi|bai\s+bo)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex RelationWord();

    private List<ProposedField<RelatedDocument>> ProposeRelated(string text, string? ownNumber)
    {
        var folded = VietnameseText.Fold(text);
        var result = new List<ProposedField<RelatedDocument>>();
        var matches = RelationWord().Matches(folded);
        for (var k = 0; k < matches.Count; k++)
        {
            var m = matches[k];
            var lineStart = folded.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1;
            var line = folded[lineStart..m.Index].TrimStart();
            if (line.StartsWith("can cu", StringComparison.Ordinal)) continue; // the legal bases cite others' amendments
            var end = ClauseEnd(folded, m.Index + m.Length);
            if (k + 1 < matches.Count) end = Math.Min(end, matches[k + 1].Index);
            var clause = folded[m.Index..end];
            var before = folded[ClauseStart(folded, m.Index)..m.Index];
            if (before.Contains("can cu", StringComparison.Ordinal)) continue;
            var relation = clause.StartsWith("thay", StringComparison.Ordinal) ? DocumentRelation.Replaces
                : clause.StartsWith("bai", StringComparison.Ordinal) ? DocumentRelation.Repeals : DocumentRelation.Amends;
            foreach (Match r in _reference.Matches(clause))
            {
                var g = r.Groups["n"];
                var number = CleanNumber(text.Substring(m.Index + g.Index, g.Length));
                if (number is null || number == ownNumber) continue;
                if (result.Any(x => x.Value.Number == number && x.Value.Relation == relation)) continue;
                var typeWords = Words(r.Groups["type"].Value);
                var candidates = _names.Where(n => n.Words.SequenceEqual(typeWords)).Select(n => n.Type).ToList();
                var typeCode = candidates.Count > 0 ? Choose(candidates, YearInNumber().IsMatch(number)).Code : null;
                var article = folded.LastIndexOf("dieu ", m.Index, StringComparison.Ordinal);
                var inArticle = line.StartsWith("dieu", StringComparison.Ordinal) || article >= 0 && article > m.Index - 600;
                result.Add(new ProposedField<RelatedDocument>(new RelatedDocument(relation, typeCode, number),
                    inArticle ? ProposalConfidence.High : ProposalConfidence.Medium, SentenceAround(text, m.Index, end - m.Index)));
            }
        }
        return result;
    }

    /// <summary>Where the sentence or clause ends: a full stop, a semicolon, a blank line, or a new line that starts a new part.</summary>
    private static int ClauseEnd(string folded, int from)
    {
        var limit = Math.Min(folded.Length, from + 400);
        for (var i = from; i < limit; i++)
        {
            var c = folded[i];
            if (c == ';') return i;
            if (c == '.' && (i + 1 == folded.Length || char.IsWhiteSpace(folded[i + 1]))) return i;
            if (c == '\n')
            {
                var next = folded.IndexOf('\n', i + 1);
                var line = folded[(i + 1)..(next < 0 ? folded.Length : next)].TrimStart();
                if (line.Length == 0 || StartsBody(line)) return i;
            }
        }
        return limit;
    }

    private static int ClauseStart(string folded, int at)
    {
        for (var i = at - 1; i >= 0 && at - i < 400; i--)
        {
            var c = folded[i];
            if (c == ';' || c == '\n' && i > 0 && folded[i - 1] == '\n') return i + 1;
            if (c == '.' && i + 1 < folded.Length && char.IsWhiteSpace(folded[i + 1])) return i + 1;
        }
        return Math.Max(0, at - 400);
    }

    // ---------------------------------------------------------------------------------------------- case helpers

    internal static bool IsMostlyUpper(string text)
    {
        int letters = 0, upper = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters >= 2 && upper >= letters * 0.8;
    }

    private static string TitleWord(string word)
    {
        if (word.Length == 0) return word;
        var lower = word.ToLowerInvariant();
        return char.ToUpperInvariant(lower[0]) + lower[1..];
    }

    private static string TitleCase(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => IsAcronym(w) ? w : TitleWord(w)));

    private static string SentenceCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => IsAcronym(w) ? w : w.ToLower(CultureInfo.InvariantCulture)).ToArray();
        var joined = string.Join(' ', words);
        return joined.Length > 0 ? char.ToUpperInvariant(joined[0]) + joined[1..] : joined;
    }

    private static string LowerFirst(string text)
    {
        if (text.Length < 2 || text.StartsWith("V/v", StringComparison.Ordinal)) return text;
        var firstWord = text.Split(' ')[0];
        if (IsAcronym(firstWord)) return text;
        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}
