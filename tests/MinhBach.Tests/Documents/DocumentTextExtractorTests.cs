using System.Text;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Documents.TestDocx;

namespace MinhBach.Tests.Documents;

public sealed class DocumentTextExtractorTests
{
    private static readonly DocumentTextExtractor Extractor = new();

    private static void AssertNfc(string text) => Assert.True(text.IsNormalized(NormalizationForm.FormC), "the text is not in NFC");

    private static void AssertNoText(ExtractedDocument result, ExtractionProblem kind, DocumentFileFormat format)
    {
        Assert.Equal(kind, result.ProblemKind);
        Assert.Equal(format, result.Format);
        Assert.False(result.HasText);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    // ------------------------------------------------------------------------------------------ DOCX

    [Fact]
    public void A_docx_decision_comes_out_as_paragraphs_in_reading_order()
    {
        var result = Extractor.Extract(TestDocx.Decision(), "quyet-dinh-123.docx");

        Assert.Equal(DocumentFileFormat.Docx, result.Format);
        Assert.Null(result.Problem);
        Assert.Equal(ExtractionProblem.None, result.ProblemKind);
        Assert.Null(result.PageCount);
        Assert.False(result.Truncated);
        AssertNfc(result.Text);
        var lines = result.Text.Split('\n');
        // Header cells paragraph by paragraph, the heading joined from its runs, the summary as one line.
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH ĐÔNG MINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 123/QĐ-UBND", "Đông Minh, ngày 15 tháng 3 năm 2025"], lines[..6]);
        Assert.Contains("QUYẾT ĐỊNH", lines);
        Assert.Contains(SampleDecision.Summary, lines);
        Assert.Contains(SampleDecision.Articles[1], lines);
        Assert.Equal(SampleDecision.Signer, lines[^1]);
        Assert.True(Array.IndexOf(lines, "QUYẾT ĐỊNH") < Array.IndexOf(lines, SampleDecision.Articles[0]));
    }

    [Fact]
    public void Tabs_and_line_breaks_inside_a_docx_paragraph_are_kept()
    {
        var docx = Build(body => body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new DocumentFormat.OpenXml.Wordprocessing.Run(
                new DocumentFormat.OpenXml.Wordprocessing.Text("Số: 12/TB-UBND"),
                new DocumentFormat.OpenXml.Wordprocessing.TabChar(),
                new DocumentFormat.OpenXml.Wordprocessing.Text("Đông Minh, ngày 05/3/2025"),
                new DocumentFormat.OpenXml.Wordprocessing.Break(),
                new DocumentFormat.OpenXml.Wordprocessing.Text("dòng sau")))));

        var result = Extractor.Extract(docx, "a.docx");

        Assert.Equal("Số: 12/TB-UBND\tĐông Minh, ngày 05/3/2025\ndòng sau", result.Text);
    }

    [Fact]
    public void Decomposed_text_in_a_docx_comes_out_composed()
    {
        var nfd = "Quyết định về việc công bố thủ tục hành chính".Normalize(NormalizationForm.FormD);
        var result = Extractor.Extract(Build(body => body.Append(P(nfd))), "nfd.docx");

        Assert.Equal("Quyết định về việc công bố thủ tục hành chính", result.Text);
        AssertNfc(result.Text);
    }

    [Fact]
    public void A_docx_without_text_says_so()
    {
        var result = Extractor.Extract(Build(body => body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph())), "trong.docx");
        AssertNoText(result, ExtractionProblem.NoText, DocumentFileFormat.Docx);
    }

    [Fact]
    public void Text_beyond_the_character_limit_is_cut_and_noted()
    {
        var docx = Build(body =>
        {
            for (var i = 0; i < 200; i++) body.Append(P($"Điều {i + 1}. Nội dung điều khoản số {i + 1} của quy định."));
        });
        var result = new DocumentTextExtractor(new ExtractionLimits { MaxChars = 1000 }).Extract(docx, "dai.docx");

        Assert.True(result.Truncated);
        Assert.True(result.Text.Length <= 1000);
        Assert.StartsWith("Điều 1. Nội dung", result.Text);
        Assert.Contains(result.Notes, n => n.Contains("1.000 ký tự"));
        Assert.Null(result.Problem);
    }

    // ------------------------------------------------------------------------------------------ PDF

    [NotoFact]
    public void Vietnamese_text_in_a_pdf_with_an_embedded_font_keeps_its_diacritics()
    {
        string[] lines =
        [
            "ỦY BAN NHÂN DÂN TỈNH ĐÔNG MINH",
            "Tiếng Việt có dấu: ă â đ ê ô ơ ư Ă Â Đ Ê Ô Ơ Ư",
            "à á ả ã ạ ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ề ế ể ễ ệ",
            "ì í ỉ ĩ ị ò ó ỏ õ ọ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ",
            "ù ú ủ ũ ụ ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ",
            "Quyết định về việc công bố thủ tục hành chính thuộc thẩm quyền của Sở",
        ];
        var pdf = TestPdf.Build(lines.Select((l, i) => new TestPdf.Line(l, 60, 780 - 20 * i, 12)).ToList());

        var result = Extractor.Extract(pdf, "tieng-viet.pdf");

        Assert.Null(result.Problem);
        Assert.Equal(DocumentFileFormat.Pdf, result.Format);
        Assert.Equal(1, result.PageCount);
        AssertNfc(result.Text);
        Assert.Equal(lines, result.Text.Split('\n'));
    }

    [NotoFact]
    public void Tones_drawn_as_separate_marks_are_joined_to_their_letters()
    {
        // A font that draws tones as combining glyphs (as with text typed in decomposed form) gives base letter and mark apart.
        var nfd = "Quyết định số 05/QĐ-UBND của Ủy ban nhân dân".Normalize(NormalizationForm.FormD);
        var pdf = TestPdf.Build([new TestPdf.Line(nfd, 60, 780, 12)]);

        var result = Extractor.Extract(pdf, "nfd.pdf");

        Assert.Equal("Quyết định số 05/QĐ-UBND của Ủy ban nhân dân", result.Text);
    }

    [NotoFact]
    public void A_pdf_decision_keeps_its_columns_apart_with_a_tab()
    {
        var result = Extractor.Extract(TestPdf.Decision(), "qd.pdf");

        Assert.Null(result.Problem);
        var lines = result.Text.Split('\n');
        Assert.Equal("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", lines[0]);
        Assert.Equal("TỈNH ĐÔNG MINH\tĐộc lập - Tự do - Hạnh phúc", lines[1]);
        // A wider gap (here before the number) is a blank line.
        Assert.Equal(["", "Số: 123/QĐ-UBND\tĐông Minh, ngày 15 tháng 3 năm 2025"], lines[2..4]);
        Assert.Contains("QUYẾT ĐỊNH", lines);
        Assert.Contains("Nơi nhận:\tKT. CHỦ TỊCH", lines);
        Assert.Equal(SampleDecision.Signer, lines[^1]);
    }

    [Fact]
    public void Pages_are_counted_and_located()
    {
        var pdf = TestPdf.Ascii(["Page one, first line", "Page one, second line"], ["Page two"], ["Page three"]);

        var result = Extractor.Extract(pdf, "ba-trang.pdf");

        Assert.Equal(3, result.PageCount);
        Assert.Equal(3, result.PageStarts.Count);
        Assert.Equal("Page one, first line\nPage one, second line\n\nPage two\n\nPage three", result.Text);
        Assert.Equal("Page one, first line\nPage one, second line\n\n", result.FirstPage());
        Assert.Equal("Page two", result.Text[result.PageStarts[1]..].Split('\n')[0]);
    }

    [Fact]
    public void A_huge_pdf_stops_at_the_time_budget_with_a_note()
    {
        var pdf = TestPdf.Ascii(Enumerable.Range(1, 5).Select(i => new[] { $"Page {i}" }).ToArray());

        var result = new DocumentTextExtractor(new ExtractionLimits { TimeBudget = TimeSpan.Zero }).Extract(pdf, "lon.pdf");

        Assert.True(result.Truncated);
        Assert.Equal("Page 1", result.Text);
        Assert.Equal(5, result.PageCount);
        Assert.Contains(result.Notes, n => n.Contains("1/5 trang"));
        Assert.Null(result.Problem);
    }

    [Fact]
    public void An_image_only_pdf_is_reported_as_a_scan()
    {
        var result = Extractor.Extract(TestPdf.Scanned(pages: 2), "ban-quet.pdf");

        AssertNoText(result, ExtractionProblem.Scanned, DocumentFileFormat.Pdf);
        Assert.Equal(2, result.PageCount);
        Assert.Contains("bản quét", result.Problem);
    }

    [Fact]
    public void Scanned_pages_among_text_pages_are_noted()
    {
        var result = Extractor.Extract(TestPdf.Scanned(pages: 2, textPage: "Decision 12"), "mot-phan.pdf");

        Assert.Null(result.Problem);
        Assert.Equal("Decision 12", result.Text);
        Assert.Contains(result.Notes, n => n.StartsWith("2 trang chỉ có hình ảnh"));
    }

    [Fact]
    public void A_truncated_pdf_is_reported_as_corrupt()
    {
        var pdf = TestPdf.Ascii(["A decision"]);
        AssertNoText(Extractor.Extract(pdf[..200], "cut.pdf"), ExtractionProblem.Corrupt, DocumentFileFormat.Pdf);
        var junk = new byte[5000];
        new Random(3).NextBytes(junk);
        AssertNoText(Extractor.Extract([.. "%PDF-1.7\n"u8, .. junk], "junk.pdf"), ExtractionProblem.Corrupt, DocumentFileFormat.Pdf);
    }

    [Fact]
    public void A_pdf_with_an_opening_password_is_reported_as_protected()
    {
        var result = Extractor.Extract(TestPdf.Encrypted(), "mat-khau.pdf");

        AssertNoText(result, ExtractionProblem.PasswordProtected, DocumentFileFormat.Pdf);
        Assert.Contains("mật khẩu", result.Problem);
    }

    [Theory]
    [InlineData("0 1 -1 0 100 100", "0 1 -1 0 120 100")] // going up: the next line is to the right
    [InlineData("0 -1 1 0 500 700", "0 -1 1 0 480 700")] // going down: the next line is to the left
    public void Text_turned_on_the_page_is_read_along_its_lines(string first, string second)
    {
        var pdf = TestPdf.Raw($"BT /F1 12 Tf {first} Tm (Danh muc thu tuc) Tj ET\nBT /F1 12 Tf {second} Tm (kem theo Quyet dinh) Tj ET");

        var result = Extractor.Extract(pdf, "xoay.pdf");

        Assert.Equal("Danh muc thu tuc\nkem theo Quyet dinh", result.Text);
    }

    [Fact]
    public void Text_typed_with_an_old_vietnamese_font_encoding_is_noted()
    {
        // "Quyết định về việc công bố thủ tục hành chính" typed in TCVN3 (.VnTime) and saved without conversion.
        var docx = Build(body =>
        {
            body.Append(P("QuyÕt ®Þnh vÒ viÖc c«ng bè thñ tôc hµnh chÝnh thuéc thÈm quyÒn gi¶i quyÕt cña Së"));
            body.Append(P("Chñ tÞch ñy ban nh©n d©n tØnh §«ng Minh"));
        });

        var result = Extractor.Extract(docx, "cu.docx");

        Assert.True(result.HasText);
        Assert.Contains(result.Notes, n => n.Contains("TCVN3"));
        Assert.Empty(Extractor.Extract(TestDocx.Decision(), "moi.docx").Notes);
    }

    [Fact]
    public void A_pdf_restricted_by_an_owner_password_only_is_read()
    {
        var result = Extractor.Extract(TestPdf.Rc4Encrypted("", "chu-so-huu", "Decision 42 of the committee"), "han-che.pdf");

        Assert.Null(result.Problem);
        Assert.Equal("Decision 42 of the committee", result.Text);
    }

    [Fact]
    public void A_pdf_encrypted_with_a_user_password_is_reported_as_protected()
    {
        var result = Extractor.Extract(TestPdf.Rc4Encrypted("mat-khau", "chu-so-huu", "Decision 42 of the committee"), "mat-khau.pdf");

        AssertNoText(result, ExtractionProblem.PasswordProtected, DocumentFileFormat.Pdf);
    }

    // ------------------------------------------------------------------------------------------ broken and other files

    [Fact]
    public void A_zip_holding_a_pdf_is_not_taken_for_a_pdf()
    {
        var zip = TestZip.Build(("van-ban.pdf", TestPdf.Ascii(["Decision 9"])));
        Assert.Equal(DocumentFileFormat.Docx, DocumentTextExtractor.DetectFormat(zip, "nen.docx"));
        Assert.Equal(ExtractionProblem.Unsupported, Extractor.Extract(zip, "nen.zip").ProblemKind);
    }

    [Fact]
    public void A_zip_without_a_word_document_named_docx_is_corrupt()
    {
        var zip = TestZip.Build(("[Content_Types].xml", Encoding.UTF8.GetBytes(TestZip.ContentTypes)), ("ghi-chu.txt", "xin chào"u8.ToArray()));
        AssertNoText(Extractor.Extract(zip, "hong.docx"), ExtractionProblem.Corrupt, DocumentFileFormat.Docx);

        var noMain = TestZip.Build(("[Content_Types].xml", Encoding.UTF8.GetBytes(TestZip.ContentTypes)), ("word/styles.xml", "<styles/>"u8.ToArray()));
        AssertNoText(Extractor.Extract(noMain, "hong.docx"), ExtractionProblem.Corrupt, DocumentFileFormat.Docx);
    }

    [Theory]
    [InlineData("van-ban.docx", DocumentFileFormat.Docx, ExtractionProblem.Corrupt)]
    [InlineData("van-ban.pdf", DocumentFileFormat.Pdf, ExtractionProblem.Corrupt)]
    [InlineData("van-ban.doc", DocumentFileFormat.Doc, ExtractionProblem.Corrupt)]
    [InlineData("van-ban.bin", DocumentFileFormat.Unknown, ExtractionProblem.Unsupported)]
    public void Random_bytes_are_named_by_their_extension_and_refused(string name, DocumentFileFormat format, ExtractionProblem kind)
    {
        var bytes = new byte[3000];
        new Random(11).NextBytes(bytes);
        bytes[0] = 0x42; // not a signature by chance
        AssertNoText(Extractor.Extract(bytes, name), kind, format);
    }

    [Fact]
    public void A_docx_with_a_password_is_recognised_by_its_encrypted_package()
    {
        var result = Extractor.Extract(TestCompoundFile.EncryptedDocx(), "bao-mat.docx");

        AssertNoText(result, ExtractionProblem.PasswordProtected, DocumentFileFormat.Docx);
        Assert.Contains("mật khẩu", result.Problem);
    }

    [Fact]
    public void A_legacy_doc_is_stored_without_text_and_the_editor_is_told_to_use_docx_or_pdf()
    {
        var result = Extractor.Extract(TestCompoundFile.LegacyDoc(), "cu.doc");

        AssertNoText(result, ExtractionProblem.LegacyFormat, DocumentFileFormat.Doc);
        Assert.Contains("DOCX", result.Problem);
        Assert.Contains("PDF", result.Problem);
    }

    [Fact]
    public void A_legacy_doc_with_a_password_says_so()
    {
        var result = Extractor.Extract(TestCompoundFile.LegacyDoc(encrypted: true), "cu.doc");
        AssertNoText(result, ExtractionProblem.PasswordProtected, DocumentFileFormat.Doc);
    }

    [Fact]
    public void A_damaged_compound_file_is_corrupt()
    {
        var doc = TestCompoundFile.LegacyDoc();
        AssertNoText(Extractor.Extract(doc[..600], "hong.doc"), ExtractionProblem.Corrupt, DocumentFileFormat.Doc);
        var loop = (byte[])doc.Clone();
        // The directory's chain pointing to itself: no endless loop.
        BitConverter.GetBytes(1u).CopyTo(loop, 512 + 4);
        var result = Extractor.Extract(loop, "vong.doc");
        Assert.NotNull(result.Problem);
    }

    [Fact]
    public void A_zip_bomb_named_docx_is_refused_before_inflating()
    {
        var bomb = TestZip.Bomb(megabytes: 80);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Extractor.Extract(bomb, "bom.docx");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertNoText(result, ExtractionProblem.TooLarge, DocumentFileFormat.Docx);
        Assert.True(allocated < 20 * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated");
    }

    [Fact]
    public void A_zip_bomb_whose_headers_understate_its_size_is_not_inflated()
    {
        var bomb = TestZip.LyingBomb(TestDocx.Decision(), megabytes: 60);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Extractor.Extract(bomb, "bom.docx");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(result.HasText);
        Assert.NotNull(result.Problem);
        Assert.True(allocated < 20 * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated");
    }

    [Fact]
    public void Empty_and_oversized_files_are_refused()
    {
        AssertNoText(Extractor.Extract([], "rong.pdf"), ExtractionProblem.Empty, DocumentFileFormat.Pdf);
        var small = new DocumentTextExtractor(new ExtractionLimits { MaxInputBytes = 1000 });
        var result = small.Extract(TestDocx.Decision(), "lon.docx");
        AssertNoText(result, ExtractionProblem.TooLarge, DocumentFileFormat.Docx);
    }

    [Fact]
    public void The_content_decides_the_format_not_the_name()
    {
        var pdf = TestPdf.Ascii(["Decision 5"]);
        var asDocx = Extractor.Extract(pdf, "nham-duoi.docx");
        Assert.Equal(DocumentFileFormat.Pdf, asDocx.Format);
        Assert.Equal("Decision 5", asDocx.Text);

        var asPdf = Extractor.Extract(TestDocx.Decision(), "nham-duoi.pdf");
        Assert.Equal(DocumentFileFormat.Docx, asPdf.Format);
        Assert.True(asPdf.HasText);

        Assert.Equal(DocumentFileFormat.Doc, DocumentTextExtractor.DetectFormat(TestCompoundFile.LegacyDoc(), "x.pdf"));
    }

    [Fact]
    public void Spreadsheets_are_not_documents()
    {
        var xlsx = TestZip.Build(("[Content_Types].xml", Encoding.UTF8.GetBytes(TestZip.ContentTypes)), ("xl/workbook.xml", "<workbook/>"u8.ToArray()));
        var result = Extractor.Extract(xlsx, "bang.xlsx");
        Assert.Equal(ExtractionProblem.Unsupported, result.ProblemKind);
        Assert.Contains("Excel", result.Problem);
    }

    [Fact]
    public void Damaged_files_never_throw()
    {
        var originals = new (byte[] Bytes, string Name)[]
        {
            (TestDocx.Decision(), "a.docx"), (TestPdf.Ascii(["Decision 7", "Article 1"]), "a.pdf"), (TestCompoundFile.EncryptedDocx(), "a.docx"),
        };
        var random = new Random(2025);
        foreach (var (bytes, name) in originals)
            for (var round = 0; round < 25; round++)
            {
                var damaged = (byte[])bytes.Clone();
                var flips = random.Next(1, 40);
                for (var i = 0; i < flips; i++) damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                if (round % 5 == 0) damaged = damaged[..random.Next(1, damaged.Length)];

                var result = Extractor.Extract(damaged, name);

                Assert.True(result.HasText || result.Problem is not null, $"{name}, round {round}: neither text nor a problem");
            }
    }
}
