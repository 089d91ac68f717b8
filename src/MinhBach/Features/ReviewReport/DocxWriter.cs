using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace MinhBach.Features.ReviewReport;

/// <summary>A piece of a paragraph: text (bold, italic) or a footnote whose text is given.</summary>
public abstract record Inline;
public sealed record Txt(string Text, bool Bold = false, bool Italic = false) : Inline;
public sealed record Note(string Text) : Inline;

/// <summary>
/// A small writer of official documents with the Open XML SDK: A4, margins of Decree 30/2020 (top and bottom 2 cm,
/// left 3 cm, right 2 cm), Times New Roman 14 pt, justified paragraphs with a first-line indent, real Word footnotes,
/// borderless layout tables for the header and signature blocks, bordered tables and PNG pictures.
/// </summary>
public sealed class DocxWriter : IDisposable
{
    public const string Font = "Times New Roman";
    private readonly MemoryStream _stream = new();
    private readonly WordprocessingDocument _doc;
    private readonly MainDocumentPart _main;
    private readonly Footnotes _footnotes;
    private readonly Body _body;
    private long _nextFootnote = 1;
    private uint _nextPicture = 1;

    public DocxWriter()
    {
        _doc = WordprocessingDocument.Create(_stream, WordprocessingDocumentType.Document);
        _main = _doc.AddMainDocumentPart();
        _body = new Body();
        _main.Document = new Document(_body);
        var styles = _main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "footnote text" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Both }),
                new StyleRunProperties(new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" })) { Type = StyleValues.Paragraph, StyleId = "FootnoteText" },
            new Style(new StyleName { Val = "footnote reference" }, new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
                { Type = StyleValues.Character, StyleId = "FootnoteReference" });
        var settings = _main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }));
        var fp = _main.AddNewPart<FootnotesPart>();
        _footnotes = new Footnotes(
            new Footnote(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        fp.Footnotes = _footnotes;
    }

    /// <summary>A body paragraph: justified, first line indented 1 cm.</summary>
    public void Para(params Inline[] parts) => _body.Append(Paragraph(JustificationValues.Both, indent: true, parts));

    public void Para(string text) => Para(new Txt(text));

    /// <summary>A heading line of the report ("I. …", "1. Tình hình chung"): bold, justified, no indent.</summary>
    public void Heading(string text, bool italic = false) =>
        _body.Append(Paragraph(JustificationValues.Both, indent: false, [new Txt(text, Bold: true, Italic: italic)], keepNext: true));

    public void Centered(string text, bool bold = false, bool italic = false, int? halfPoints = null) =>
        _body.Append(Paragraph(JustificationValues.Center, indent: false, [new Txt(text, bold, italic)], size: halfPoints));

    private Paragraph Paragraph(JustificationValues align, bool indent, IReadOnlyList<Inline> parts, bool keepNext = false, int? size = null)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        if (indent) props.Append(new Indentation { FirstLine = "567" });
        props.Append(new Justification { Val = align });
        var p = new Paragraph(props);
        foreach (var part in parts)
        {
            switch (part)
            {
                case Txt t:
                    p.Append(Run(t.Text, t.Bold, t.Italic, size));
                    break;
                case Note n:
                    p.Append(FootnoteReference(n.Text));
                    break;
            }
        }
        return p;
    }

    private static Run Run(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        if (size is int s) { props.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) }); props.Append(new FontSizeComplexScript { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) }); }
        return new Run(props, new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>Adds a footnote with the text and returns the run that refers to it (a superscript number in the text).</summary>
    private Run FootnoteReference(string text)
    {
        var id = _nextFootnote++;
        _footnotes.Append(new Footnote(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
            new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
            new Run(new W.Text(" " + text) { Space = SpaceProcessingModeValues.Preserve }))) { Id = id });
        return new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = id });
    }

    /// <summary>Two columns without borders (header and signature blocks); each cell holds centred lines.</summary>
    public void LayoutTable(IReadOnlyList<(IReadOnlyList<Txt> Left, IReadOnlyList<Txt> Right)> rows, int leftPercent = 42, JustificationValues? leftAlign = null)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        const int total = 9071; // the text width of A4 with 3 + 2 cm margins, in twentieths of a point
        var left = total * leftPercent / 100;
        table.Append(new TableGrid(new GridColumn { Width = left.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new GridColumn { Width = (total - left).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        foreach (var (l, r) in rows)
            table.Append(new TableRow(Cell(l, left, leftAlign ?? JustificationValues.Center), Cell(r, total - left, JustificationValues.Center)));
        _body.Append(table);
    }

    private static TableCell Cell(IReadOnlyList<Txt> lines, int width, JustificationValues align)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        foreach (var line in lines.DefaultIfEmpty(new Txt("")))
            cell.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = align }),
                Run(line.Text, line.Bold, line.Italic, size: 26)));
        return cell;
    }

    /// <summary>A bordered table with a bold header row (repeated on each page).</summary>
    public void DataTable(IReadOnlyList<string> headers, IReadOnlyList<int> widthsPercent, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, new TableLayout { Type = TableLayoutValues.Fixed }, border));
        const int total = 9071;
        var widths = widthsPercent.Select(p => total * p / 100).ToList();
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, widths, header: true));
        foreach (var r in rows) table.Append(Row(r, widths, header: false));
        _body.Append(table);
        _body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
    }

    private static TableRow Row(IReadOnlyList<string> cells, List<int> widths, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = i == 0 || !header && i == cells.Count - 1 ? JustificationValues.Center : JustificationValues.Left }),
                    Run(cells[i], bold: header, size: 24))));
        return row;
    }

    /// <summary>A PNG picture as wide as the text column (16 cm), centred, with its description for screen readers.</summary>
    public void Picture(byte[] png, int widthPx, int heightPx, string description)
    {
        var part = _main.AddImagePart(ImagePartType.Png);
        using (var ms = new MemoryStream(png)) part.FeedData(ms);
        var rel = _main.GetIdOfPart(part);
        const long cx = 16L * 360_000;
        var cy = cx * heightPx / widthPx;
        var id = _nextPicture++;
        var name = $"Biểu đồ {id}";
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = name + ".png", Description = description }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = rel }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
        _body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing)));
    }

    public byte[] Finish()
    {
        _body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1701, Header = 720, Footer = 720, Gutter = 0 }));
        _main.Document.Save();
        _doc.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _doc.Dispose();
        _stream.Dispose();
    }
}
