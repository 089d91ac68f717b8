using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Audit;
using MinhBach.Features.Exports;
using MinhBach.Features.Registry;
using MinhBach.Features.ReviewReport;
using MinhBach.Tests.Compliance;
using MinhBach.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace MinhBach.Tests.Registry;

/// <summary>The review report generated for the seed 000 units and for the demo province, read back with the Open XML SDK
/// and opened by LibreOffice.</summary>
public sealed class ReviewReportTests
{
    private static async Task<(ReviewReportData Data, byte[] Docx, byte[] Xlsx)> GenerateAsync(TestApp app, string pack, ReportScope scope, DateOnly? asOf)
    {
        await using var scopeServices = app.Services.CreateAsyncScope();
        var service = scopeServices.ServiceProvider.GetRequiredService<ReviewReportService>();
        var data = await service.BuildAsync(pack, scope, asOf, CancellationToken.None);
        var (docx, xlsx) = service.Write(data);
        return (data, docx, xlsx);
    }

    private static async Task ImportSeed000Async(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<RegistryImport>();
        var plan = await import.PlanAsync(RegistryFiles.Seed000Workbook(), "seed-000.xlsx");
        Assert.True(plan.Ok, string.Join("\n", plan.Problems));
        await import.ApplyAsync(plan, AuditActor.System);
    }

    /// <summary>The document's paragraphs (body, tables) and its footnotes, as text.</summary>
    internal static (List<string> Body, List<string> Footnotes, WordprocessingDocument Doc) Read(byte[] docx)
    {
        var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
        var notes = doc.MainDocumentPart.FootnotesPart?.Footnotes.Elements<W.Footnote>().Where(f => f.Id?.Value > 0).Select(f => f.InnerText.Trim()).ToList() ?? [];
        return (body, notes, doc);
    }

    [DatabaseTheory]
    public async Task The_report_for_the_seed_000_units_covers_every_section_of_seed_000_with_its_counts(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportSeed000Async(app);

        var (data, docx, xlsx) = await GenerateAsync(app, "D42-2022", ReportScope.Registry, RegistryFiles.SeedReviewDate);

        var (body, notes, doc) = Read(docx);
        using (doc)
        {
            var text = string.Join("\n", body);
            // Header block, title, time of the review.
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", body);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", body);
            Assert.Contains(body, p => p.StartsWith("Số:", StringComparison.Ordinal));
            Assert.Contains("Đông Minh, ngày 17 tháng 7 năm 2024", body);
            Assert.Contains("BÁO CÁO", body);
            Assert.Contains("(Thời điểm rà soát, đánh giá đến hết ngày 17/7/2024", text);
            // Seed 000's sections, in its order.
            string[] sections = ["I. VIỆC CUNG CẤP THÔNG TIN BẮT BUỘC TRÊN TRANG TTĐT CỦA CÁC SỞ, BAN, NGÀNH, ĐỊA PHƯƠNG", "1. Tình hình chung",
                "2. Kết quả rà soát việc cung cấp thông tin bắt buộc trên Trang TTĐT", "2.1. Kết quả rà soát việc cung cấp thông tin theo", "3. Tồn tại, hạn chế",
                "- Về nội dung thông tin", "- Hạn chế trong bảo đảm hoạt động cho trang TTĐT", "- Về yêu cầu kỹ thuật", "II. ĐỀ XUẤT, KIẾN NGHỊ",
                "1. Kiến nghị Ủy ban nhân dân tỉnh", "2. Đề nghị các sở, ban, ngành, địa phương", "Nơi nhận:", "GIÁM ĐỐC"];
            var positions = sections.Select(s => body.FindIndex(p => p.StartsWith(s, StringComparison.Ordinal))).ToList();
            Assert.All(sections.Zip(positions), x => Assert.True(x.Second >= 0, $"section missing: {x.First}"));
            Assert.Equal(positions.Order(), positions);
            // The counts of seed 000.
            Assert.Contains("Toàn tỉnh hiện có 27/27 cơ quan, đơn vị có trang TTĐT", text);
            Assert.Contains("21/27 trang TTĐT đã thực hiện chuyển đổi địa chỉ Internet IPv6", text);
            Assert.Contains("26/27 trang TTĐT đã thực hiện kết nối với Hệ thống EMC", text);
            Assert.Contains("27/27 trang TTĐT các sở, ban, ngành, địa phương chưa phải là trang thành phần của Cổng TTĐT tỉnh", text);
            Assert.Contains("có 19/27 trang TTĐT các sở, ngành, địa phương là trang TTĐT tổng hợp hoạt động theo giấy phép còn hiệu lực", text);
            Assert.Contains("Có 08/27 cơ quan, đơn vị đang hoạt động cung cấp thông tin tổng hợp trên trang TTĐT với giấy phép hết hiệu lực hoặc chưa tiến hành thủ tục cấp phép", text);
            Assert.Contains("Sở Văn hóa, Thể thao và Du lịch (ngày 30/8/2024)", text);
            // Footnotes name the units, as seed 000's footnotes 1, 2 and 4 do.
            var ipv6 = Assert.Single(notes, n => n.StartsWith("Còn 06/27 trang TTĐT chưa chuyển đổi địa chỉ IPv6 gồm các đơn vị: ", StringComparison.Ordinal));
            foreach (var unit in new[] { "Văn phòng UBND tỉnh", "Sở Giáo dục và Đào tạo", "Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "UBND huyện Tuy Đức", "UBND huyện Cư Jút" })
                Assert.Contains(unit, ipv6);
            Assert.Contains("Còn 01/27 trang TTĐT chưa kết nối EMC: Trang TTĐT Sở Kế hoạch và Đầu tư.", notes);
            var expired = Assert.Single(notes, n => n.Contains("(chưa cấp phép)", StringComparison.Ordinal));
            foreach (var unit in new[] { "UBND huyện Cư Jút", "UBND thành phố Gia Nghĩa", "Văn phòng UBND tỉnh", "Ban Dân tộc", "Thanh tra tỉnh", "Sở Tư pháp", "Sở Y tế", "Sở Giao thông Vận tải" })
                Assert.Contains(unit, expired);
            // The scoring method, as seed 000's footnote 7, and the honest "not evaluated" for sites not hosted here.
            Assert.Contains(notes, n => n.Contains("tổng tối đa 100 điểm", StringComparison.Ordinal));
            Assert.Contains("Chưa đánh giá 27/27 trang TTĐT", text);
            Assert.Contains(notes, n => n.StartsWith("Trang không đặt trên hệ thống của tỉnh: chưa có kết quả đánh giá", StringComparison.Ordinal));
            Assert.Contains("Đề nghị các đơn vị", text);
            // Real footnotes, a chart picture, official formatting.
            Assert.True(notes.Count >= 6, $"{notes.Count} footnotes");
            Assert.NotEmpty(doc.MainDocumentPart!.ImageParts);
            Assert.All(doc.MainDocumentPart.ImageParts, p => Assert.Equal("image/png", p.ContentType));
            var fonts = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            Assert.Equal("Times New Roman", fonts.RunFonts!.Ascii!.Value);
            Assert.Equal("28", fonts.FontSize!.Val!.Value);
        }

        // The appendix: a summary sheet and one sheet per unit.
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(28, sheets.Count);
        Assert.Equal(ReviewAppendix.SummarySheet, sheets[0]);
        Assert.Equal(sheets.Count, sheets.Distinct().Count());
        var summary = SpreadsheetReader.Read(xlsx, ReviewAppendix.SummarySheet, 100, out _)!;
        Assert.Equal(28, summary.Rows.Count);
        Assert.All(summary.Rows.Skip(1), r => Assert.Equal("chưa đánh giá", r[8]));
        Assert.Equal(27, data.NotEvaluated.Count());
    }

    [DatabaseTheory]
    public async Task Hosted_sites_are_scored_and_each_item_names_the_units_missing_it(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);
        var evaluation = await world.EvaluateAsync("D42-2022");

        var (data, docx, xlsx) = await GenerateAsync(world.App, "D42-2022", ReportScope.Hosted, null);

        Assert.Equal(evaluation.Sites.Count, data.Evaluated.Count());
        var (body, _, doc) = Read(docx);
        using (doc)
        {
            var text = string.Join("\n", body);
            Assert.Contains("2.2. Kết quả rà soát theo từng mục thông tin", body);
            // Every unit's score is in the table, as the compliance service computes it.
            foreach (var site in evaluation.Sites)
            {
                var row = doc.MainDocumentPart!.Document.Body!.Descendants<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList())
                    .Single(cells => cells.Count == 3 && cells[1] == data.Units.Single(u => u.Row.Site?.Slug == site.Site).Name);
                Assert.Equal(ReviewFormat.Points(site.Score), row[2]);
            }
            // A rule some site fails is listed with that site's name.
            var gap = evaluation.Sites.SelectMany(s => s.Checks.Where(c => c.Status == MinhBach.Features.Compliance.CheckStatus.Fail).Select(c => (Site: s, Check: c))).First();
            var line = Assert.Single(body, p => p.StartsWith($"+ {gap.Check.Title} ({gap.Check.Id}):", StringComparison.Ordinal));
            Assert.Contains(data.Units.Single(u => u.Row.Site?.Slug == gap.Site.Site).Name, line);
            Assert.DoesNotContain("Chưa đánh giá", text);
        }
        // The appendix has every rule of every unit with its status and evidence.
        var first = data.Units[0];
        var sheet = SpreadsheetReader.Read(xlsx, null, 1000, out _);
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var unitSheet = book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ElementAt(1).Name!.Value!;
        var rows = SpreadsheetReader.Read(xlsx, unitSheet, 1000, out _)!.Rows;
        Assert.Equal(first.Evaluation!.Checks.Count + 2, rows.Count);
        Assert.All(first.Evaluation.Checks, c => Assert.Contains(rows, r => r[0] == c.Id && r[3] == MinhBach.Features.Compliance.StatusNames.Vietnamese(c.Status) && r[6] == c.Evidence.Trim()));
        Assert.NotNull(sheet);
    }

    [Fact]
    public void The_score_chart_writes_the_units_names_and_draws_a_bar_per_score()
    {
        Assert.True(ScoreChart.HasFont, "No font with Vietnamese letters found (fonts-noto-core, fonts-dejavu-core or fonts-liberation).");
        var png = ScoreChart.Png("Điểm cung cấp thông tin: Sở, ban, ngành", [("Sở Lao động, Thương binh và Xã hội", 72.5m), ("Sở Kế hoạch và Đầu tư", null), ("Sở Y tế", 100m)]);

        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal((ScoreChart.Width, ScoreChart.HeightFor(3)), (bitmap.Width, bitmap.Height));
        int Dark(int x0, int x1, int y0, int y1)
        {
            var n = 0;
            for (var x = x0; x < x1; x++)
                for (var y = y0; y < y1; y++)
                    if (bitmap.GetPixel(x, y).Red < 128) n++;
            return n;
        }
        // Labels left of the axis on every row; a bar for the scored units only (rows of 34 px from y = 70).
        Assert.All([0, 1, 2], row => Assert.True(Dark(0, 560, 70 + row * 34, 104 + row * 34) > 50, $"no label on row {row}"));
        var bar = (int Row) => Dark(600, 1100, 80 + Row * 34, 94 + Row * 34);
        Assert.True(bar(0) > 1000 && bar(2) > 1000, "no bar for a scored unit");
        Assert.True(bar(1) < 200, "a bar drawn for a unit not evaluated");
        var keep = Path.Combine(Repository.Root, "TestResults", "review-report");
        Directory.CreateDirectory(keep);
        File.WriteAllBytes(Path.Combine(keep, "bieu-do.png"), png);
    }

    [Fact]
    public async Task LibreOffice_opens_the_report_and_the_appendix_and_converts_them_to_PDF()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        Assert.True(soffice is not null, "LibreOffice (soffice) is not installed: ./minhbach test installs libreoffice-writer-nogui and libreoffice-calc-nogui.");
        await using var app = await TestApp.StartAsync(Databases.Sqlite);
        await ImportSeed000Async(app);
        var (_, docx, xlsx) = await GenerateAsync(app, "D42-2022", ReportScope.Registry, RegistryFiles.SeedReviewDate);
        var folder = Path.Combine(Path.GetTempPath(), "minhbach-report-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "bao-cao.docx"), docx);
            await File.WriteAllBytesAsync(Path.Combine(folder, "phu-luc.xlsx"), xlsx);
            foreach (var file in new[] { "bao-cao.docx", "phu-luc.xlsx" })
            {
                // A profile of its own, so parallel runs do not share LibreOffice's lock.
                var psi = new ProcessStartInfo(soffice!, ["-env:UserInstallation=file://" + Path.Combine(folder, "profile"), "--headless", "--convert-to", "pdf", "--outdir", folder, Path.Combine(folder, file)])
                    { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(psi)!;
                var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                var pdf = Path.Combine(folder, Path.ChangeExtension(file, ".pdf"));
                Assert.True(process.ExitCode == 0 && File.Exists(pdf), $"LibreOffice could not convert {file}: {output}");
                var bytes = await File.ReadAllBytesAsync(pdf);
                Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
                using var read = UglyToad.PdfPig.PdfDocument.Open(bytes);
                // Letters as PDF text gives them back: folded, without spaces, so spacing and composed forms do not matter.
                var words = MinhBach.Text.VietnameseText.Fold(string.Concat(read.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormC));
                Assert.True(read.NumberOfPages >= (file.EndsWith(".docx", StringComparison.Ordinal) ? 2 : 1), $"{file}: {read.NumberOfPages} pages");
                Assert.Contains(file.EndsWith(".docx", StringComparison.Ordinal) ? "tinhhinhchung" : "chuadanhgia", words, StringComparison.Ordinal);
                var keep = Path.Combine(Repository.Root, "TestResults", "review-report");
                Directory.CreateDirectory(keep);
                // Kept for people to look at, as the browser tests keep their screenshots.
                File.Copy(pdf, Path.Combine(keep, Path.GetFileName(pdf)), overwrite: true);
                File.Copy(Path.Combine(folder, file), Path.Combine(keep, file), overwrite: true);
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
