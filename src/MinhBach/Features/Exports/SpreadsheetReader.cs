using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MinhBach.Features.Exports;

/// <summary>
/// Reads the cells of one worksheet of an XLSX file as text, row by row (1-based row numbers as Excel shows them,
/// 0-based column indexes). Numbers come as invariant text ("45490", "12.5"), so a date typed in a date-formatted
/// cell arrives as its serial day number; booleans as "Có"/"Không". Never throws on a bad file: it says why instead.
/// </summary>
public static class SpreadsheetReader
{
    public sealed record Row(int Number, IReadOnlyDictionary<int, string> Cells)
    {
        public string this[int column] => Cells.GetValueOrDefault(column, "");
        public bool IsEmpty => Cells.Values.All(string.IsNullOrWhiteSpace);
    }

    public sealed record Table(string SheetName, IReadOnlyList<Row> Rows);

    /// <summary>The sheet whose name matches <paramref name="preferredSheet"/> (without diacritics or case), else the first.
    /// Null with a Vietnamese reason when the bytes are not a readable workbook.</summary>
    public static Table? Read(byte[] bytes, string? preferredSheet, int maxRows, out string? problem)
    {
        problem = null;
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            problem = "Tệp không phải bảng tính Excel .xlsx (nếu là .xls hoặc .csv, hãy mở bằng Excel và lưu thành .xlsx).";
            return null;
        }
        try
        {
            using var ms = new MemoryStream(bytes, writable: false);
            // A cap on each part's characters keeps a small compressed file from inflating into gigabytes of XML.
            using var doc = SpreadsheetDocument.Open(ms, false, new OpenSettings { MaxCharactersInPart = 64L * 1024 * 1024 });
            var wb = doc.WorkbookPart;
            var sheets = wb?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (wb is null || sheets.Count == 0)
            {
                problem = "Tệp .xlsx không có trang tính nào.";
                return null;
            }
            var wanted = preferredSheet is null ? null : Text.VietnameseText.Fold(preferredSheet);
            var sheet = sheets.FirstOrDefault(s => wanted is not null && Text.VietnameseText.Fold(s.Name?.Value).Trim() == wanted) ?? sheets[0];
            if (sheet.Id?.Value is not { } relId || wb.GetPartById(relId) is not WorksheetPart part)
            {
                problem = "Không đọc được trang tính đầu tiên của tệp.";
                return null;
            }
            var shared = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<Row>();
            using var reader = OpenXmlReader.Create(part);
            var next = 1;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(DocumentFormat.OpenXml.Spreadsheet.Row) || !reader.IsStartElement) continue;
                var row = (DocumentFormat.OpenXml.Spreadsheet.Row)reader.LoadCurrentElement()!;
                var number = (int?)row.RowIndex?.Value ?? next;
                next = number + 1;
                var cells = new Dictionary<int, string>();
                var col = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    col = ColumnIndex(cell.CellReference?.Value) ?? col;
                    var text = CellText(cell, shared);
                    if (text.Length > 0) cells[col] = text;
                    col++;
                }
                if (cells.Count == 0) continue;
                if (rows.Count >= maxRows + 1)
                {
                    problem = $"Tệp có quá nhiều dòng (tối đa {Text.VietnameseText.FormatNumber(maxRows)} dòng dữ liệu).";
                    return null;
                }
                rows.Add(new Row(number, cells));
            }
            return new Table(sheet.Name?.Value ?? "", rows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or FormatException
                                       or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            problem = "Không mở được tệp .xlsx: tệp bị hỏng, có mật khẩu hoặc không phải bảng tính Excel.";
            return null;
        }
    }

    /// <summary>"C12" → 2.</summary>
    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) n = n * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 || n > 16384 ? null : n - 1;
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i].Trim() : "";
        if (type == CellValues.InlineString) return (cell.InlineString?.InnerText ?? raw).Trim();
        if (type == CellValues.Boolean) return raw == "1" ? "Có" : raw == "0" ? "Không" : raw;
        if (type == CellValues.Error) return "";
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw.Trim();
        return raw.Trim();
    }
}
