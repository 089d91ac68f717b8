using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MinhBach.Features.Exports;

/// <summary>A table written as XLSX (OpenXML) or CSV (UTF-8 with BOM, so Excel reads Vietnamese correctly).</summary>
public static class Spreadsheet
{
    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Xlsx([new Sheet(sheetName, headers, rows)]);

    /// <summary>One worksheet of a workbook: its tab name (at most 31 characters, no / \ ? * [ ] :), header row and rows.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

    /// <summary>A workbook with one worksheet per entry, in order.</summary>
    public static byte[] Xlsx(IReadOnlyList<Sheet> sheets)
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
            var list = new Sheets();
            uint id = 0;
            foreach (var sheet in sheets)
            {
                var ws = wb.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(sheet.Headers.Cast<object?>().ToList(), bold: true));
                foreach (var r in sheet.Rows) data.Append(Row(r, bold: false));
                ws.Worksheet = new Worksheet(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }), data);
                var name = sheet.Name.Length > 31 ? sheet.Name[..31] : sheet.Name;
                list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = wb.GetIdOfPart(ws), SheetId = ++id, Name = name });
            }
            wb.Workbook.AppendChild(list);
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
