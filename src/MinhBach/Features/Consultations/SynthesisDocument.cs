using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Consultations;

/// <summary>
/// The synthesis table (bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý) as a DOCX in the administrative layout of
/// Decree 30/2020: A4 landscape (the table needs the width), Times New Roman 13, the drafting unit on the left and the
/// national motto on the right of the header, place and date, the title, then one row per approved comment:
/// STT, điều/khoản, tổ chức/cá nhân góp ý, nội dung góp ý, ý kiến tiếp thu/giải trình. Written with the Open XML SDK.
/// </summary>
public static partial class SynthesisDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto2 = "Độc lập - Tự do - Hạnh phúc";
    public const string Heading = "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý";
    public static readonly string[] Columns = ["STT", "Điều, khoản", "Tổ chức, cá nhân góp ý", "Nội dung góp ý", "Ý kiến tiếp thu, giải trình"];

    private const string Font = "Times New Roman";
    // Column widths in twentieths of a point; together the text width of A4 landscape with 3 cm and 2 cm margins.
    private static readonly int[] Widths = [700, 1500, 2600, 4900, 4900];

    /// <summary>File name of the download: "bang-tong-hop-y-kien-{slug}.docx".</summary>
    public static string FileName(Consultation c) => $"bang-tong-hop-y-kien-{c.Slug}.docx";

    public static byte[] Build(Site site, Consultation c, IReadOnlyList<ConsultationComment> approved, DateOnly date)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();

            body.Append(HeaderBlock(c.DraftingUnit));
            body.Append(Para(PlaceAndDate(site, date), JustificationValues.Right, italic: true, spaceBefore: 120));
            body.Append(Para(Heading, JustificationValues.Center, bold: true, spaceBefore: 240));
            body.Append(Para($"Dự thảo {LowerFirst(c.Title)}", JustificationValues.Center, bold: true));
            body.Append(Para($"(Lấy ý kiến trên {site.Name} từ ngày {Date(c.OpensOn)} đến ngày {Date(c.ClosesOn)})", JustificationValues.Center, italic: true, spaceAfter: 120));

            var accepted = approved.Count(x => x.Resolution == CommentResolution.Accepted);
            var partly = approved.Count(x => x.Resolution == CommentResolution.PartlyAccepted);
            var explained = approved.Count(x => x.Resolution == CommentResolution.Explained);
            body.Append(Para($"Tổng số ý kiến góp ý: {approved.Count}, trong đó tiếp thu: {accepted}; tiếp thu một phần: {partly}; giải trình: {explained}.",
                JustificationValues.Both, spaceAfter: 120));

            body.Append(CommentTable(Ordered(approved)));
            if (approved.Count == 0)
                body.Append(Para("Không có ý kiến góp ý nào được gửi đến trong thời gian lấy ý kiến.", JustificationValues.Both, italic: true, spaceBefore: 120));

            body.Append(Para(c.DraftingUnit.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), JustificationValues.Right, bold: true, spaceBefore: 360));
            body.Append(Section());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>The table's order: comments on the whole draft first, then by article, clause and time received.</summary>
    public static IReadOnlyList<ConsultationComment> Ordered(IEnumerable<ConsultationComment> comments) =>
        comments.OrderBy(x => x.ArticleNumber is null ? 0 : 1).ThenBy(x => x.ArticleNumber).ThenBy(x => x.ClauseNumber ?? 0)
            .ThenBy(x => x.SubmittedAt).ThenBy(x => x.Id).ToList();

    /// <summary>The last column: the kind of answer, then its text.</summary>
    public static string Answer(ConsultationComment x) =>
        ConsultationNames.Resolution(x.Resolution) + (string.IsNullOrWhiteSpace(x.Response) ? "." : ": " + x.Response);

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    /// <summary>The drafting unit (left) and the national motto (right), in a table without borders, as on paper.</summary>
    private static Table HeaderBlock(string unit)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "14600", Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
                new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil })),
            new TableGrid(new GridColumn { Width = "5600" }, new GridColumn { Width = "9000" }));
        var left = new TableCell(new TableCellProperties(new TableCellWidth { Width = "5600", Type = TableWidthUnitValues.Dxa }),
            Para(unit.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), JustificationValues.Center, bold: true, size: 26));
        var right = new TableCell(new TableCellProperties(new TableCellWidth { Width = "9000", Type = TableWidthUnitValues.Dxa }),
            Para(Motto1, JustificationValues.Center, bold: true, size: 24),
            Para(Motto2, JustificationValues.Center, bold: true, size: 26, underline: true));
        table.Append(new TableRow(left, right));
        return table;
    }

    private static Table CommentTable(IReadOnlyList<ConsultationComment> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = Widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "60", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        // The header row repeats on every page and does not break.
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < Columns.Length; i++) header.Append(Cell(Widths[i], [Columns[i]], JustificationValues.Center, bold: true));
        table.Append(header);
        var n = 0;
        foreach (var x in rows)
        {
            n++;
            table.Append(new TableRow(
                Cell(Widths[0], [n.ToString(CultureInfo.InvariantCulture)], JustificationValues.Center),
                Cell(Widths[1], [ConsultationNames.Target(x.ArticleNumber, x.ClauseNumber)], JustificationValues.Left),
                Cell(Widths[2], [ConsultationNames.Author(x)], JustificationValues.Left),
                Cell(Widths[3], Lines(x.Body), JustificationValues.Both),
                Cell(Widths[4], Lines(Answer(x)), JustificationValues.Both)));
        }
        return table;
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } l ? l : [""];

    private static TableCell Cell(int width, IEnumerable<string> paragraphs, JustificationValues align, bool bold = false)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        foreach (var p in paragraphs) cell.Append(Para(p, align, bold: bold, size: 24));
        return cell;
    }

    private static Paragraph Para(string text, JustificationValues align, bool bold = false, bool italic = false, bool underline = false,
        int size = 26, int spaceBefore = 0, int spaceAfter = 0)
    {
        var rp = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold) rp.Append(new Bold());
        if (italic) rp.Append(new Italic());
        if (underline) rp.Append(new Underline { Val = UnderlineValues.Single });
        rp.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        rp.Append(new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines
            {
                Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = spaceAfter.ToString(CultureInfo.InvariantCulture),
            }, new Justification { Val = align }),
            new Run(rp, new DocumentFormat.OpenXml.Wordprocessing.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A4 landscape; margins of Decree 30 (top and bottom 2 cm, left 3 cm, right 2 cm).</summary>
    private static SectionProperties Section() => new(
        new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U });

    /// <summary>Characters XML 1.0 cannot carry (control characters pasted from elsewhere) are dropped.</summary>
    private static string Clean(string s) => new(s.Where(ch => ch is '\t' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF)).ToArray());

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Đông Minh, ngày 05 tháng 12 năm 2026": the place is the province in the site's agency name.</summary>
    private static string PlaceAndDate(Site site, DateOnly d)
    {
        var m = Province().Match(site.AgencyName);
        var when = $"ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}";
        return m.Success ? $"{m.Groups[1].Value.Trim()}, {when}" : char.ToUpper(when[0], CultureInfo.InvariantCulture) + when[1..];
    }

    private static string LowerFirst(string title) =>
        title.StartsWith("Dự thảo ", StringComparison.OrdinalIgnoreCase) ? title["Dự thảo ".Length..] : title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLower(title[0], CultureInfo.GetCultureInfo("vi-VN")) + title[1..] : title;

    [GeneratedRegex(@"tỉnh\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Province();
}
