using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Registry;

/// <summary>One unit of seed 000 as transcribed in seed-000-units.json.</summary>
public sealed record SeedUnit(string Name, string Kind, string Domain, string SiteType, bool Ipv6, bool Emc, string? EmcSiteId,
    string? LicenceNumber, DateOnly? LicenceIssuedOn, DateOnly? LicenceExpiresOn, string? LicenceIssuer, string? SubdomainConfirmation);

/// <summary>The seed 000 units, and spreadsheets written cell by cell as an office suite writes them (shared strings,
/// numbers, dates as serial numbers with a date format), independent of the app's own writer.</summary>
public static class RegistryFiles
{
    public static readonly DateOnly SeedReviewDate = new(2024, 7, 17);

    private sealed record FileShape(List<SeedUnit> Units);

    public static IReadOnlyList<SeedUnit> Seed000Units { get; } = JsonSerializer.Deserialize<FileShape>(
        File.ReadAllText(Path.Combine(Repository.Root, "tests", "MinhBach.Tests", "Registry", "seed-000-units.json")),
        new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Units;

    /// <summary>The 27 units as an operator would type them: headers in another order, lower case and without
    /// diacritics for some, a title row above; dates as dd/mm/yyyy text, yyyy-mm-dd text or real date cells in turn.</summary>
    public static byte[] Seed000Workbook()
    {
        string[] headers = ["STT", "Tên đơn vị", "loai don vi", "TÊN MIỀN", "Loại trang", "Số giấy phép", "Ngày cấp giấy phép", "Ngày hết hạn",
            "Cơ quan cấp giấy phép", "ipv6", "Kết nối EMC", "Mã EMC", "Giấy xác nhận tên miền", "Đặt trên hệ thống"];
        var rows = new List<object?[]>
        {
            new object?[] { "SỔ THEO DÕI TRANG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK NÔNG" },
            headers,
        };
        var i = 0;
        foreach (var u in Seed000Units)
        {
            object? Date(DateOnly? d) => d is not DateOnly x ? null : (i % 3) switch
            {
                0 => x.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                1 => x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => x,
            };
            rows.Add([
                (double)(i + 1), u.Name, u.Kind == "department" ? "Sở, ban, ngành" : "district", i % 2 == 0 ? u.Domain : "https://" + u.Domain.ToUpperInvariant() + "/",
                "Trang TTĐT tổng hợp", u.LicenceNumber, Date(u.LicenceIssuedOn), Date(u.LicenceExpiresOn), u.LicenceIssuer,
                u.Ipv6 ? (i % 2 == 0 ? "Có" : "x") : "Không", u.Emc ? "có" : "không", u.EmcSiteId is null ? null : double.Parse(u.EmcSiteId, CultureInfo.InvariantCulture),
                u.SubdomainConfirmation, "Không",
            ]);
            i++;
        }
        return Workbook("Sổ theo dõi", rows);
    }

    /// <summary>A workbook with one sheet: strings go to the shared string table, doubles are numbers, DateOnly values
    /// are serial numbers styled as dates.</summary>
    public static byte[] Workbook(string sheetName, IReadOnlyList<object?[]> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable();
            var strings = new Dictionary<string, int>();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var v = rows[r][c];
                    if (v is null) continue;
                    var cell = new Cell { CellReference = Column(c) + (r + 1).ToString(CultureInfo.InvariantCulture) };
                    switch (v)
                    {
                        case double d:
                            cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture));
                            break;
                        case DateOnly date:
                            cell.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                            cell.StyleIndex = 1;
                            break;
                        default:
                            var s = v.ToString()!;
                            if (!strings.TryGetValue(s, out var index))
                            {
                                index = strings.Count;
                                strings[s] = index;
                                sst.SharedStringTable.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(s) { Space = SpaceProcessingModeValues.Preserve }));
                            }
                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                            break;
                    }
                    row.Append(cell);
                }
                data.Append(row);
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    private static string Column(int index)
    {
        var s = "";
        for (index++; index > 0; index = (index - 1) / 26) s = (char)('A' + (index - 1) % 26) + s;
        return s;
    }
}
