using MinhBach.Features.Compliance;
using MinhBach.Features.Exports;
using MinhBach.Features.Registry;

namespace MinhBach.Features.ReviewReport;

/// <summary>
/// The appendix (phụ lục) as XLSX: a summary sheet (one row per unit: registry facts, score and points per heading)
/// and one sheet per unit with every rule of the pack: status, points, evidence, legal basis.
/// </summary>
public static class ReviewAppendix
{
    public const string SummarySheet = "Tổng hợp";

    public static byte[] Write(ReviewReportData d)
    {
        var headings = d.Pack.Scheme.Headings;
        var summaryHeaders = new List<string> { "STT", "Cơ quan, đơn vị", "Loại đơn vị", "Tên miền", "Đặt trên hệ thống", "IPv6", "Kết nối EMC", "Giấy phép trang tổng hợp", "Tổng điểm" };
        summaryHeaders.AddRange(headings.Select(h => $"{h.Code}. {h.Name} ({ReviewFormat.Points(h.Points)})"));
        summaryHeaders.Add("Trang chi tiết");
        summaryHeaders.Add("Nguồn đánh giá");
        var names = SheetNames(d.Units);
        var summary = d.Units.Select(u =>
        {
            var e = u.Row.Entry;
            var row = new List<object?>
            {
                u.Number, u.Name, u.Row.KindName, u.Row.Domains, e.Hosted ? "Có" : "Không", RegistryRules.YesNoText(e.Ipv6), RegistryRules.YesNoText(e.Emc),
                u.Row.Licence == LicenceState.NotRequired ? "Không cần" : RegistryRules.LicenceText(u.Row.Licence) + (e.LicenceExpiresOn is DateOnly x ? $" ({RegistryCells.DateText(x)})" : ""),
                u.Score is decimal sc ? sc : (object)u.ScoreText,
            };
            row.AddRange(headings.Select(h => u.Evaluation?.Headings.FirstOrDefault(x => x.Code == h.Code) is { } r
                ? (r.MaxPoints == 0 ? "không áp dụng" : (object)r.Points) : ""));
            row.Add(names[u.Number]);
            row.Add(u.SourceText);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        var sheets = new List<Spreadsheet.Sheet> { new(SummarySheet, summaryHeaders, summary) };
        string[] unitHeaders = ["Mã", "Nội dung", "Đề mục", "Kết quả", "Điểm", "Điểm tối đa", "Căn cứ, bằng chứng", "Cơ sở pháp lý", "Ghi nhận thủ công"];
        foreach (var u in d.Units)
        {
            IEnumerable<IReadOnlyList<object?>> rows;
            if (u.Evaluation is { } ev)
                rows = ev.Checks.Select(c => (IReadOnlyList<object?>)[
                    c.Id, c.Title, c.Heading, StatusNames.Vietnamese(c.Status), c.Points, c.MaxPoints, c.Evidence, d.Pack.Rule(c.Id)?.Basis,
                    c.Override is { } o ? $"{o.By}: {o.Reason} (tự động: {StatusNames.Vietnamese(o.AutomaticStatus)})" : null]);
            else
                rows = [[null, u.Covered ? "Chưa đánh giá: trang không đặt trên hệ thống của tỉnh, chưa có kết quả giám sát." : $"Gói {d.Pack.Id} không chấm điểm loại đơn vị này.", null, null, null, null, null, null, null]];
            var info = new List<IReadOnlyList<object?>>
            {
                new object?[] { null, $"{u.Name} — {u.Row.KindName} — {u.Row.Domains}", null, "Tổng điểm", u.Score is decimal sc ? sc : u.ScoreText, d.Pack.Scheme.Total, u.SourceText, null, null },
            };
            sheets.Add(new Spreadsheet.Sheet(names[u.Number], unitHeaders, info.Concat(rows)));
        }
        return Spreadsheet.Xlsx(sheets);
    }

    /// <summary>"01 Sở Y tế": numbered (so names stay unique once cut to Excel's 31 characters), without the characters tabs cannot hold.</summary>
    private static Dictionary<int, string> SheetNames(IReadOnlyList<ReportUnit> units)
    {
        var width = units.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        return units.ToDictionary(u => u.Number, u =>
        {
            var clean = new string(u.Name.Select(ch => ch is '/' or '\\' or '?' or '*' or '[' or ']' or ':' or '\'' ? ' ' : ch).ToArray());
            var name = u.Number.ToString(new string('0', Math.Max(2, width)), System.Globalization.CultureInfo.InvariantCulture) + " " + clean;
            return name.Length > 31 ? name[..31].TrimEnd() : name;
        });
    }
}
