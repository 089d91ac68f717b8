using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MinhBach.Features.Exports;

/// <summary>A table written as XLSX (OpenXML) or CSV (UTF-8 with BOM, so Excel reads Vietnamese correctly).</summary>
public static class Spreadsheet
{
    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(headers.Cast<object?>().ToList(), bold: true));
            foreach (var r in rows) data.Append(Row(r, bold: false));
            ws.Worksheet = new Worksheet(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }), data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    private static Row Row(IReadOnlyList<object?> values, bool bold)
    {
        var row = new Row();
        foreach (var v in values)
        {
            var cell = v switch
            {
                int or long or double or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(v, CultureInfo.InvariantCulture)!) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Format(v)) { Space = SpaceProcessingModeValues.Preserve }) },
            };
            if (bold) cell.StyleIndex = 1;
            row.Append(cell);
        }
        return row;
    }

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', headers.Select(Quote)).Append("\r\n");
        foreach (var r in rows) sb.AppendJoin(',', r.Select(v => Quote(Format(v)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    // Quotes every field; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
    private static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@') s = "'" + s;
        return "\"" + s.Replace("\"", "\"\"") + "\"";
    }
}
