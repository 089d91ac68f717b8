using System.Globalization;
using System.Text.RegularExpressions;
using MinhBach.Text;

namespace MinhBach.Features.Consultations;

/// <summary>A point (điểm a, b, c …) of a clause: its letter and its paragraphs.</summary>
public sealed record DraftPoint(string Letter, IReadOnlyList<string> Paragraphs);

/// <summary>A clause (khoản 1, 2 …) of an article: its paragraphs and its points.</summary>
public sealed record DraftClause(int Number, IReadOnlyList<string> Paragraphs, IReadOnlyList<DraftPoint> Points);

/// <summary>One article (Điều N) with its title, the chapter or section headings shown before it, the paragraphs before
/// its first clause and its clauses.</summary>
public sealed record DraftArticle(int Number, string Title, IReadOnlyList<string> Headings, IReadOnlyList<string> Intro, IReadOnlyList<DraftClause> Clauses)
{
    public string Anchor => Anchors.Article(Number);
    public string Label => $"Điều {Number.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>The draft split: what comes before the first article (title, "Căn cứ …"), the articles, and what follows
/// them (the signature block, "Nơi nhận"). <see cref="Errors"/> stop a save; <see cref="Warnings"/> are shown.</summary>
public sealed record DraftStructure(IReadOnlyList<string> Preamble, IReadOnlyList<DraftArticle> Articles, IReadOnlyList<string> Closing,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public DraftArticle? Article(int number) => Articles.FirstOrDefault(a => a.Number == number);

    public bool Has(int? article, int? clause) => article is not int a
        ? clause is null
        : Article(a) is { } found && (clause is not int k || found.Clauses.Any(c => c.Number == k));
}

public static class Anchors
{
    public static string Article(int n) => "dieu-" + n.ToString(CultureInfo.InvariantCulture);
    public static string Clause(int article, int clause) => Article(article) + "-khoan-" + clause.ToString(CultureInfo.InvariantCulture);
    public static string Point(int article, int clause, string letter) => Clause(article, clause) + "-diem-" + VietnameseText.Fold(letter);
}

/// <summary>
/// Splits the plain text of a Vietnamese legal draft into its articles ("Điều 5. Tên điều"), clauses ("1. …") and points
/// ("a) …", "đ) …"), the layout Decree 30/2020 and the law on legal documents prescribe. Chapter and section headings
/// ("Chương II", "Mục 1") travel with the article after them. A line that merely starts with "Điều 5 của Luật …" is not
/// an article: the number must be followed by a full stop, a colon or the end of the line. Pure function, no state.
/// </summary>
public static partial class DraftParser
{
    public const int MaxArticles = 2000;

    public static DraftStructure Parse(string? text)
    {
        var preamble = new List<string>();
        var closing = new List<string>();
        var errors = new List<string>();
        var warnings = new List<string>();
        var articles = new List<DraftArticle>();
        var seen = new Dictionary<int, int>();
        var pendingHeadings = new List<string>();

        // The article being read.
        int number = 0;
        string title = "";
        List<string> headings = [], intro = [];
        List<(int Number, List<string> Paragraphs, List<(string Letter, List<string> Paragraphs)> Points)> clauses = [];
        var inArticle = false;
        var ended = false;
        var lineNo = 0;
        var headingContinues = false;

        void Finish()
        {
            if (!inArticle) return;
            articles.Add(new DraftArticle(number, title, headings, intro,
                clauses.Select(c => new DraftClause(c.Number, c.Paragraphs, c.Points.Select(p => new DraftPoint(p.Letter, p.Paragraphs)).ToList())).ToList()));
            inArticle = false;
        }

        var lines = SearchText.Nfc(text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        foreach (var raw in lines)
        {
            lineNo++;
            var line = Spaces().Replace(raw.Replace('\t', ' ').Replace('\u00A0', ' '), " ").Trim();
            if (line.Length == 0) { headingContinues = false; continue; }
            if (ended) { closing.Add(line); continue; }

            if (ArticleLine().Match(line) is { Success: true } am)
            {
                headingContinues = false;
                if (!int.TryParse(am.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 100_000)
                {
                    AddText(line);
                    continue;
                }
                Finish();
                if (seen.TryGetValue(n, out var firstLine))
                    errors.Add($"Điều {n} xuất hiện hai lần (dòng {firstLine} và dòng {lineNo}); mỗi điều phải có số riêng để người góp ý chọn đúng điều.");
                else
                {
                    if (articles.Count > 0 && n != articles[^1].Number + 1 && !errors.Any())
                        warnings.Add($"Sau Điều {articles[^1].Number} là Điều {n}: số điều không liên tiếp, hãy kiểm tra toàn văn.");
                    seen[n] = lineNo;
                }
                number = n;
                title = am.Groups[2].Value.Trim().TrimStart('.', ':').Trim();
                headings = pendingHeadings;
                pendingHeadings = [];
                intro = [];
                clauses = [];
                inArticle = true;
                continue;
            }
            if (HeadingLine().IsMatch(line))
            {
                // "Chương I", then its name in capitals on the next line.
                Finish();
                pendingHeadings.Add(line);
                headingContinues = true;
                continue;
            }
            if (headingContinues && pendingHeadings.Count > 0 && IsCapitals(line))
            {
                pendingHeadings[^1] += " " + line;
                headingContinues = false;
                continue;
            }
            headingContinues = false;
            if (articles.Count + (inArticle ? 1 : 0) > 0 && EndLine().IsMatch(line))
            {
                Finish();
                ended = true;
                closing.AddRange(pendingHeadings);
                pendingHeadings = [];
                closing.Add(line);
                continue;
            }
            if (!inArticle)
            {
                if (pendingHeadings.Count > 0)
                {
                    // Text under a heading without an article: keep it where it was written.
                    (articles.Count == 0 ? preamble : closing).AddRange(pendingHeadings);
                    pendingHeadings = [];
                }
                (articles.Count == 0 ? preamble : closing).Add(line);
                continue;
            }
            if (ClauseLine().Match(line) is { Success: true } cm
                && int.TryParse(cm.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 1 and <= 1000
                && (clauses.Count == 0 ? k == 1 : k == clauses[^1].Number + 1))
            {
                clauses.Add((k, [cm.Groups[2].Value.Trim()], []));
                continue;
            }
            if (clauses.Count > 0 && PointLine().Match(line) is { Success: true } pm)
            {
                clauses[^1].Points.Add((pm.Groups[1].Value, [pm.Groups[2].Value.Trim()]));
                continue;
            }
            AddText(line);
        }
        Finish();
        if (pendingHeadings.Count > 0) closing.InsertRange(0, pendingHeadings);

        if (articles.Count == 0 && lines.Any(l => l.Trim().Length > 0))
            warnings.Add("Không tìm thấy điều nào (dòng bắt đầu bằng \"Điều 1.\"): người dân chỉ góp ý được cho toàn văn dự thảo.");
        if (articles.Count > MaxArticles)
            errors.Add($"Dự thảo có {articles.Count} điều, nhiều hơn mức {MaxArticles} điều hệ thống nhận.");
        return new DraftStructure(preamble, articles, closing, errors, warnings);

        void AddText(string line)
        {
            if (!inArticle) { (articles.Count == 0 ? preamble : closing).Add(line); return; }
            if (clauses.Count == 0) intro.Add(line);
            else if (clauses[^1].Points.Count > 0) clauses[^1].Points[^1].Paragraphs.Add(line);
            else clauses[^1].Paragraphs.Add(line);
        }
    }

    private static bool IsCapitals(string line) => line.Any(char.IsLetter) && line.Where(char.IsLetter).All(char.IsUpper);

    [GeneratedRegex(@"^(?:Điều|ĐIỀU)\s+(\d{1,6})\s*(?:[.:]\s*(.*)|$)")]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"^(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+([IVXLC]+|\d{1,3})\b\.?(?:\s.*)?$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^(\d{1,4})\.\s+(\S.*)$")]
    private static partial Regex ClauseLine();

    [GeneratedRegex(@"^([a-zđ])\)\s*(\S.*)$")]
    private static partial Regex PointLine();

    /// <summary>Where the body of the document ends: the recipients, the signature block.</summary>
    [GeneratedRegex(@"^(?:Nơi nhận\s*:?|(?:TM|KT|TL|TUQ|Q)\.\s+\p{Lu}.*)$")]
    private static partial Regex EndLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
