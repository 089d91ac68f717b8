using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MinhBach.Features.Exports;
using MinhBach.Features.Public;
using MinhBach.Text;

namespace MinhBach.Features.Statistics;

/// <summary>
/// The monthly activity report (seed 002 §1.5) written from the figures: the paragraph as the Department writes it by
/// hand today, the tables behind it, as DOCX (Times New Roman, as administrative documents are typed) and XLSX.
/// </summary>
public static class ActivityReport
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Counts in the report's style: one digit gets a leading zero ("05 văn bản"), thousands a dot.</summary>
    public static string Count(long n) => n is > 0 and < 10 ? "0" + n.ToString(CultureInfo.InvariantCulture) : VietnameseText.FormatNumber(n);

    /// <summary>"tăng 39%", "giảm 4,5%", "bằng": one decimal below 10 %, none above.</summary>
    public static string PercentChange(double pct)
    {
        var abs = Math.Abs(pct);
        var rounded = abs >= 10 ? Math.Round(abs, MidpointRounding.AwayFromZero) : Math.Round(abs, 1, MidpointRounding.AwayFromZero);
        if (rounded == 0) return "bằng";
        return (pct > 0 ? "tăng " : "giảm ") + rounded.ToString(abs >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture).Replace('.', ',') + "%";
    }

    /// <summary>The paragraph of seed 002 §1.5 with the scope's real figures.</summary>
    public static string Paragraph(ActivityFigures f)
    {
        var p = f.Period;
        var noun = f.Scope.ShortNoun;
        var parts = new List<string>();
        var docs = f.Documents == 0 ? "chưa đăng tải văn bản nào" : $"{Count(f.Documents)} văn bản";
        if (f.Documents > 0)
        {
            var detail = f.DocumentsByGroup.Select(g => $"{Count(g.Count)} văn bản {g.Name}")
                .Concat(f.DocumentsByField.Select(d => $"{Count(d.Count)} văn bản {LowerFirst(d.Name)}")).ToList();
            if (detail.Count > 0) docs += ", trong đó có " + string.Join("; ", detail);
        }
        var articles = f.Articles == 0 ? "chưa đăng tải tin, bài nào" : $"đã đăng tải được {Count(f.Articles)} tin, bài";
        var opening = $"Tính từ ngày {p.Text}, {f.Scope.Name} {articles}; {docs}";
        parts.Add(opening);

        var ytd = $"Tổng số lượt truy cập trên {noun} từ đầu năm đến nay là: {VietnameseText.FormatNumber(f.YearToDate)} lượt";
        var ytdChange = ActivityFigures.Percent(f.YearToDate, f.YearToDateLastYear);
        ytd += ytdChange is double y ? $" ({Versus(y, "cùng kỳ năm trước")})" : " (chưa có số liệu cùng kỳ năm trước để so sánh)";
        parts.Add(ytd);

        var (inWord, prevWord) = p.IsMonthLike ? ("trong tháng", "tháng trước") : ("trong kỳ", "kỳ trước");
        var period = $"{inWord} có {VietnameseText.FormatNumber(f.Views)} lượt truy cập";
        var diff = f.Views - f.PreviousViews;
        period += f.PreviousViews == 0 && p.Previous.To < f.CountedSince
            ? $" (chưa có số liệu {prevWord} để so sánh)"
            : diff == 0 ? $", bằng {prevWord}" : $", {(diff > 0 ? "tăng" : "giảm")} {VietnameseText.FormatNumber(Math.Abs(diff))} lượt so với {prevWord}";
        if (ActivityFigures.Percent(f.Views, f.LastYearViews) is double ly)
            period += $" và {Versus(ly, "cùng kỳ năm trước")}";
        parts.Add(period);

        if (f.QuestionsReceived > 0 || f.QuestionsAnswered > 0 || f.QuestionsOverdue > 0)
            parts.Add($"chuyên mục Hỏi đáp tiếp nhận {Count(f.QuestionsReceived)} câu hỏi, trả lời {Count(f.QuestionsAnswered)} câu hỏi"
                + (f.QuestionsOverdue > 0 ? $", còn {Count(f.QuestionsOverdue)} câu hỏi quá hạn chưa trả lời" : ""));
        return string.Join("; ", parts) + ".";
    }

    /// <summary>"tăng 39% so với cùng kỳ năm trước", or "bằng cùng kỳ năm trước".</summary>
    public static string Versus(double pct, string what) => PercentChange(pct) is var c && c == "bằng" ? $"bằng {what}" : $"{c} so với {what}";

    private static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLower(s[0], CultureInfo.GetCultureInfo("vi-VN")) + s[1..] : s;

    // --- the tables, shared by DOCX, XLSX and the dashboard -----------------------------------------

    public sealed record Table(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

    public static IReadOnlyList<Table> Tables(ActivityFigures f)
    {
        var p = f.Period;
        static string Pct(double? x) => x is double v ? PercentChange(v) : "—";
        var tables = new List<Table>
        {
            new("Lượt truy cập", ["Chỉ tiêu", "Số lượt", "So sánh"],
            [
                [$"Trong kỳ ({VnTime.DateText(p.From)} – {VnTime.DateText(p.To)})", f.Views, ""],
                [$"Kỳ trước ({VnTime.DateText(p.Previous.From)} – {VnTime.DateText(p.Previous.To)})", f.PreviousViews, Pct(ActivityFigures.Percent(f.Views, f.PreviousViews))],
                [$"Cùng kỳ năm trước ({VnTime.DateText(p.LastYear.From)} – {VnTime.DateText(p.LastYear.To)})", f.LastYearViews, Pct(ActivityFigures.Percent(f.Views, f.LastYearViews))],
                [$"Từ đầu năm {p.To.Year} đến {VnTime.DateText(p.To)}", f.YearToDate, ""],
                [$"Cùng kỳ năm {p.To.Year - 1}", f.YearToDateLastYear, Pct(ActivityFigures.Percent(f.YearToDate, f.YearToDateLastYear))],
                ["Từ khi bắt đầu hoạt động", f.SinceStart, ""],
                ["Người truy cập trong kỳ (cộng theo ngày)", f.Visitors, ""],
            ]),
            new("Tin bài theo chuyên mục", ["Chuyên mục", "Số tin, bài"], Rows(f.ArticlesByCategory, f.Articles)),
            new("Tin bài theo tác giả", ["Tác giả", "Số tin, bài"], Rows(f.ArticlesByAuthor, f.Articles)),
            new("Văn bản theo nhóm", ["Nhóm văn bản", "Số văn bản"], Rows(f.DocumentsByGroup.Select(g => g with { Name = "Văn bản " + g.Name }).ToList(), f.Documents)),
            new("Văn bản theo loại", ["Loại văn bản", "Số văn bản"], Rows(f.DocumentsByType, f.Documents)),
            new("Văn bản theo lĩnh vực", ["Lĩnh vực", "Số văn bản"], Rows(f.DocumentsByField, null)),
            new("Hỏi đáp", ["Chỉ tiêu", "Số câu hỏi"],
            [
                ["Tiếp nhận trong kỳ", f.QuestionsReceived],
                ["Trả lời trong kỳ", f.QuestionsAnswered],
                ["Trong đó trả lời sau thời hạn", f.QuestionsAnsweredLate],
                [$"Quá hạn chưa trả lời (ngày {VnTime.DateText(f.Today)})", f.QuestionsOverdue],
            ]),
            new("Trang được xem nhiều nhất", f.Scope.IsProvince ? ["Trang", "Đường dẫn", "Lượt xem"] : ["Đường dẫn", "Lượt xem"],
                [.. f.TopPages.Select(t => f.Scope.IsProvince ? (IReadOnlyList<object?>)[t.SiteName, t.Path, t.Views] : [t.Path, t.Views])]),
            new("Nguồn truy cập", ["Nguồn", "Lượt xem"], [.. f.Referrers.Select(r => (IReadOnlyList<object?>)[r.Name, r.Count])]),
            new("Thiết bị", ["Thiết bị", "Lượt xem"], [.. f.Devices.Select(r => (IReadOnlyList<object?>)[r.Name, r.Count])]),
        };
        if (f.Scope.IsProvince)
            tables.Add(new("Theo trang", ["Trang", "Lượt truy cập", "Người truy cập", "Tin, bài", "Văn bản"],
                [.. f.PerSite.Select(s => (IReadOnlyList<object?>)[s.Name, s.Views, s.Visitors, s.Articles, s.Documents])]));
        return tables;
    }

    private static List<IReadOnlyList<object?>> Rows(IReadOnlyList<NamedCount> rows, long? total)
    {
        var list = rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Count]).ToList();
        if (total is long t) list.Add(["Tổng cộng", t]);
        return list;
    }

    public static byte[] Xlsx(ActivityFigures f)
    {
        var sheets = new List<Spreadsheet.Sheet>
        {
            new("Tổng hợp", ["Nội dung"], [[Paragraph(f)]]),
            new("Truy cập theo ngày", ["Ngày", "Lượt truy cập", "Người truy cập"], f.Days.Select(d => (IReadOnlyList<object?>)[VnTime.DateText(d.Day), d.Views, d.Visitors])),
            new("Truy cập theo tháng", ["Tháng", "Lượt truy cập", "Cùng kỳ năm trước"], f.Months.Select(m => (IReadOnlyList<object?>)[m.Label, m.Views, m.LastYear])),
        };
        sheets.AddRange(Tables(f).Select(t => new Spreadsheet.Sheet(t.Title, t.Headers, t.Rows)));
        return Spreadsheet.Xlsx(sheets);
    }

    public static byte[] Docx(ActivityFigures f)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            // Times New Roman 13 pt throughout, as Decree 30/2020 sets for administrative documents.
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
            var body = new Body();
            body.Append(Para(("BÁO CÁO HOẠT ĐỘNG", true)).Centered());
            body.Append(Para((f.Scope.Name, true)).Centered());
            body.Append(Para(($"Từ ngày {VnTime.DateText(f.Period.From)} đến ngày {VnTime.DateText(f.Period.To)}", false)).Centered().Italic());
            body.Append(Para(("- " + Paragraph(f), false)).Justified().Indented());
            foreach (var note in f.Notes) body.Append(Para(("Ghi chú: " + note, false)).Italic());
            var n = 0;
            foreach (var t in Tables(f))
            {
                body.Append(Para(($"{++n}. {t.Title}", true)));
                body.Append(WordTable(t));
            }
            body.Append(Para(($"Số liệu do hệ thống tự thống kê (lượt truy cập đếm phía máy chủ, không tính máy tìm kiếm và công cụ giám sát), lập ngày {VnTime.DateText(f.Today)}.", false)).Italic());
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static Paragraph Para(params (string Text, bool Bold)[] runs)
    {
        var p = new Paragraph();
        foreach (var (text, bold) in runs)
        {
            var r = new Run();
            if (bold) r.Append(new RunProperties(new Bold()));
            r.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
            p.Append(r);
        }
        return p;
    }

    private static Paragraph Centered(this Paragraph p) => p.With(new Justification { Val = JustificationValues.Center });
    private static Paragraph Justified(this Paragraph p) => p.With(new Justification { Val = JustificationValues.Both });
    private static Paragraph Indented(this Paragraph p) => p.With(new Indentation { FirstLine = "567" });

    private static Paragraph Italic(this Paragraph p)
    {
        foreach (var r in p.Elements<Run>())
        {
            r.RunProperties ??= new RunProperties();
            r.RunProperties.Append(new Italic());
        }
        return p;
    }

    private static Paragraph With(this Paragraph p, OpenXmlElement property)
    {
        p.ParagraphProperties ??= new ParagraphProperties();
        p.ParagraphProperties.Append(property);
        return p;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table WordTable(Table t)
    {
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table();
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        table.Append(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(t.Headers.Cast<object?>().ToList(), header: true));
        if (t.Rows.Count == 0) table.Append(Row([.. new object?[] { "(không có số liệu)" }.Concat(Enumerable.Repeat<object?>("", t.Headers.Count - 1))], header: false));
        foreach (var r in t.Rows) table.Append(Row(r, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<object?> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var c in cells)
        {
            var number = c is int or long;
            var text = c switch { int i => VietnameseText.FormatNumber(i), long l => VietnameseText.FormatNumber(l), _ => c?.ToString() ?? "" };
            var p = Para((text, header));
            if (number) p.With(new Justification { Val = JustificationValues.Right });
            row.Append(new TableCell(p));
        }
        return row;
    }
}
