using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace MinhBach.Tests.Documents;

/// <summary>A decision of a provincial people's committee laid out as Decree 30/2020/NĐ-CP says, used by every generator.</summary>
public static class SampleDecision
{
    public static readonly string[] Issuer = ["ỦY BAN NHÂN DÂN", "TỈNH ĐÔNG MINH"];
    public static readonly string[] Motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];
    public const string Number = "Số: 123/QĐ-UBND";
    public const string PlaceAndDate = "Đông Minh, ngày 15 tháng 3 năm 2025";
    public const string Heading = "QUYẾT ĐỊNH";
    public const string Summary = "Về việc công bố Danh mục thủ tục hành chính lĩnh vực Khoa học và Công nghệ thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ tỉnh Đông Minh";
    public const string Authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐÔNG MINH";

    public static readonly string[] Body =
    [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính;",
        "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 45/TTr-SKHCN ngày 10 tháng 3 năm 2025.",
    ];

    public const string Decides = "QUYẾT ĐỊNH:";

    public static readonly string[] Articles =
    [
        "Điều 1. Công bố kèm theo Quyết định này Danh mục 12 thủ tục hành chính lĩnh vực Khoa học và Công nghệ thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ tỉnh Đông Minh (có Danh mục kèm theo).",
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 1234/QĐ-UBND ngày 20 tháng 5 năm 2022 của Chủ tịch Ủy ban nhân dân tỉnh.",
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Khoa học và Công nghệ, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
    ];

    public static readonly string[] Recipients = ["Nơi nhận:", "- Như Điều 3;", "- Cục Kiểm soát TTHC (VPCP);", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, KSTT."];
    public static readonly string[] Signature = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"];
    public const string Signer = "Nguyễn Văn An";

    /// <summary>The decision as the extractor gives a PDF of it: columns split by tabs, blank lines at wide gaps.</summary>
    public static string AsText() => string.Join("\n",
    [
        $"{Issuer[0]}\t{Motto[0]}", $"{Issuer[1]}\t{Motto[1]}", $"{Number}\t{PlaceAndDate}", "", Heading, Summary, "", Authority,
        .. Body, Decides, .. Articles, "", $"{Recipients[0]}\t{Signature[0]}", $"{Recipients[1]}\t{Signature[1]}",
        .. Recipients[2..^1], $"{Recipients[^1]}\t{Signer}",
    ]);
}

/// <summary>Word documents made with the Open XML SDK.</summary>
public static class TestDocx
{
    public static byte[] Build(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            fill(main.Document.Body!);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static Paragraph P(params string[] runs) =>
        new(runs.Select(r => new Run(new WText(r) { Space = SpaceProcessingModeValues.Preserve })));

    public static Paragraph Bold(string text) =>
        new(new Run(new RunProperties(new Bold()), new WText(text) { Space = SpaceProcessingModeValues.Preserve }));

    public static TableCell Cell(params Paragraph[] paragraphs) => new(paragraphs);

    public static Table Table(params TableRow[] rows)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None })));
        table.Append(rows);
        return table;
    }

    /// <summary>The sample decision as an agency's secretary types it: header and signature in borderless tables.</summary>
    public static byte[] Decision() => Build(body =>
    {
        var d = SampleDecision.Issuer;
        body.Append(Table(
            new TableRow(Cell(P(d[0]), Bold(d[1])), Cell(Bold(SampleDecision.Motto[0]), Bold(SampleDecision.Motto[1]))),
            new TableRow(Cell(P(SampleDecision.Number)), Cell(P(SampleDecision.PlaceAndDate)))));
        body.Append(new Paragraph());
        // A heading split across runs, as Word does after an edit.
        body.Append(P("QUYẾT", " ĐỊNH"));
        body.Append(Bold(SampleDecision.Summary));
        body.Append(new Paragraph());
        body.Append(Bold(SampleDecision.Authority));
        foreach (var p in SampleDecision.Body) body.Append(P(p));
        body.Append(Bold(SampleDecision.Decides));
        foreach (var p in SampleDecision.Articles) body.Append(P(p));
        body.Append(Table(new TableRow(
            Cell(SampleDecision.Recipients.Select(r => P(r)).ToArray()),
            Cell(Bold(SampleDecision.Signature[0]), Bold(SampleDecision.Signature[1]), new Paragraph(), new Paragraph(), Bold(SampleDecision.Signer)))));
    });
}

/// <summary>
/// PDFs drawn with PdfPig's builder. Vietnamese needs a TrueType font with its glyphs: Debian's fonts-noto-core
/// (installed by ./minhbach test); tests that need it are <see cref="NotoFactAttribute"/>s, skipped with the reason without it.
/// </summary>
public static class TestPdf
{
    private static readonly Lazy<string?> FontPath = new(FindNoto);

    public static string? NotoSansPath => FontPath.Value;

    private static string? FindNoto()
    {
        const string usual = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
        if (File.Exists(usual)) return usual;
        foreach (var root in new[] { "/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts") })
        {
            if (!Directory.Exists(root)) continue;
            var found = Directory.EnumerateFiles(root, "NotoSans-Regular.ttf", SearchOption.AllDirectories).FirstOrDefault();
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>A line to draw: text at (x, y) in points from the bottom left of an A4 page.</summary>
    public sealed record Line(string Text, double X, double Y, double Size = 11);

    /// <summary>One page per list of lines, in the Noto Sans font (embedded, so its glyphs map back to Unicode).</summary>
    public static byte[] Build(params IReadOnlyList<Line>[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(NotoSansPath ?? throw new InvalidOperationException("Noto Sans not installed")));
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            foreach (var l in lines) page.AddText(l.Text, l.Size, new PdfPoint(l.X, l.Y), font);
        }
        return builder.Build();
    }

    /// <summary>ASCII text in a standard font (no font file needed), one list of lines per page.</summary>
    public static byte[] Ascii(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var i = 0; i < lines.Length; i++) page.AddText(lines[i], 12, new PdfPoint(60, 780 - 18 * i), font);
        }
        return builder.Build();
    }

    /// <summary>A scan: every page is a picture and nothing else; with <paramref name="textPage"/> a first page of text before.</summary>
    public static byte[] Scanned(int pages = 1, string? textPage = null)
    {
        var builder = new PdfDocumentBuilder();
        if (textPage is not null)
        {
            var font = builder.AddStandard14Font(Standard14Font.Helvetica);
            builder.AddPage(PageSize.A4).AddText(textPage, 12, new PdfPoint(60, 780), font);
        }
        var png = MinhBach.Tests.Infrastructure.TestImages.Png(120, 170);
        for (var i = 0; i < pages; i++) builder.AddPage(PageSize.A4).AddPng(png, new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    /// <summary>
    /// The sample decision drawn as Word prints it: issuer and motto side by side, number and date side by side,
    /// long paragraphs wrapped, the recipients beside the signature, the signer's name below a space for the signature.
    /// </summary>
    public static byte[] Decision()
    {
        var pages = new List<List<Line>> { new() };
        var y = 800.0;
        void Add(string text, double x, double size = 11)
        {
            if (y < 60)
            {
                pages.Add([]);
                y = 800;
            }
            pages[^1].Add(new Line(text, x, y, size));
        }
        void Next(double by = 15) => y -= by;

        Add(SampleDecision.Issuer[0], 70); Add(SampleDecision.Motto[0], 290); Next();
        Add(SampleDecision.Issuer[1], 75); Add(SampleDecision.Motto[1], 330); Next();
        Next(10);
        Add(SampleDecision.Number, 70); Add(SampleDecision.PlaceAndDate, 320); Next();
        Next(25);
        Add(SampleDecision.Heading, 260, 13); Next(17);
        foreach (var part in Wrap(SampleDecision.Summary, 80)) { Add(part, 70); Next(); }
        Next(25);
        Add(SampleDecision.Authority, 150); Next(22);
        foreach (var paragraph in SampleDecision.Body.Append(SampleDecision.Decides).Concat(SampleDecision.Articles))
        {
            foreach (var part in Wrap(paragraph, 88)) { Add(part, 60); Next(); }
            Next(4);
        }
        Next(20);
        var recipients = SampleDecision.Recipients;
        for (var i = 0; i < recipients.Length; i++)
        {
            Add(recipients[i], 60, 10);
            if (i < SampleDecision.Signature.Length) Add(SampleDecision.Signature[i], 380);
            Next(13);
        }
        Next(30);
        Add(SampleDecision.Signer, 385);
        return Build([.. pages]);
    }

    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    /// <summary>
    /// A small PDF written by hand whose trailer names a standard security handler (/Encrypt) with owner and user keys
    /// that no empty password opens: what a PDF with an opening password looks like to a reader.
    /// </summary>
    public static byte[] Encrypted()
    {
        var key = new string('A', 64);
        return Assemble(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 20 >>\nstream\n0123456789abcdefghij\nendstream",
            $"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{key}> /U <{key.Replace('A', 'B')}> >>",
        ], "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
    }

    /// <summary>
    /// A one-page PDF encrypted by the standard security handler (revision 2, 40-bit RC4, as in PDF 1.4 §3.5.2) with the
    /// given passwords: with an empty user password anyone may open it and only the permissions are restricted, as in
    /// many signed official PDFs; with a user password it cannot be opened without it.
    /// </summary>
    public static byte[] Rc4Encrypted(string userPassword, string ownerPassword, string text)
    {
        byte[] padding =
        [
            0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
            0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
        ];
        byte[] Pad(string password) => [.. Encoding.Latin1.GetBytes(password).Take(32), .. padding.Take(32 - Math.Min(32, password.Length))];
        byte[] id = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");
        const int permissions = -44; // printing and copying not allowed

        var owner = Rc4(System.Security.Cryptography.MD5.HashData(Pad(ownerPassword))[..5], Pad(userPassword));     // algorithm 3
        var permissionBytes = BitConverter.GetBytes(permissions);
        var key = System.Security.Cryptography.MD5.HashData([.. Pad(userPassword), .. owner, .. permissionBytes, .. id])[..5]; // algorithm 2
        var user = Rc4(key, padding);                                                                              // algorithm 4

        var content = $"BT /F1 12 Tf 60 780 Td ({text}) Tj ET";
        // Algorithm 1: each object's strings and streams with a key made from the file key, object and generation numbers.
        var objectKey = System.Security.Cryptography.MD5.HashData([.. key, 4, 0, 0, 0, 0])[..10];
        var encrypted = Encoding.Latin1.GetString(Rc4(objectKey, Encoding.Latin1.GetBytes(content)));
        return Assemble(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {encrypted.Length} >>\nstream\n{encrypted}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Filter /Standard /V 1 /R 2 /Length 40 /P {permissions} /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> >>",
        ], $"/Encrypt 6 0 R /ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>]");
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }
        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }
        return output;
    }

    /// <summary>A one-page PDF written by hand with the given content stream; font /F1 is Helvetica.</summary>
    public static byte[] Raw(string content) => Assemble(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]);

    /// <summary>Numbers the objects, writes the cross-reference table and the trailer (with <paramref name="trailer"/> added).</summary>
    private static byte[] Assemble(string[] objects, string trailer = "")
    {
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailer} >>\n");
        sb.Append($"startxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }
}

/// <summary>A fact that needs the Noto Sans font (Vietnamese glyphs for PDFs); skipped with the reason when it is absent.</summary>
public sealed class NotoFactAttribute : FactAttribute
{
    public NotoFactAttribute()
    {
        if (TestPdf.NotoSansPath is null)
            Skip = "Noto Sans (Debian package fonts-noto-core) is not installed: no font with Vietnamese glyphs to draw the test PDF.";
    }
}

/// <summary>ZIP files made in the test: a package without Word content, and bombs.</summary>
public static class TestZip
{
    public static byte[] Build(params (string Name, byte[] Data)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(data);
            }
        return stream.ToArray();
    }

    public const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""";

    /// <summary>
    /// A Word package whose document.xml inflates to <paramref name="megabytes"/> MB of spaces inside a valid paragraph,
    /// with honest sizes in its headers.
    /// </summary>
    public static byte[] Bomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry("[Content_Types].xml").Open()) s.Write(Encoding.UTF8.GetBytes(ContentTypes));
            using var doc = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            doc.Write("""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"""u8);
            var chunk = new byte[1024 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            for (var i = 0; i < megabytes; i++) doc.Write(chunk);
            doc.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The DOCX <paramref name="docx"/> with its document.xml replaced by <paramref name="megabytes"/> MB that the ZIP headers
    /// declare as a few bytes: a reader trusting the headers to size its buffers, or ignoring them, would inflate it all.
    /// </summary>
    public static byte[] LyingBomb(byte[] docx, int megabytes)
    {
        using var stream = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in source.Entries)
            {
                using var to = zip.CreateEntry(e.FullName, CompressionLevel.Optimal).Open();
                if (e.FullName == "word/document.xml")
                {
                    var chunk = new byte[1024 * 1024];
                    chunk.AsSpan().Fill((byte)'<');
                    for (var i = 0; i < megabytes; i++) to.Write(chunk);
                }
                else
                {
                    using var from = e.Open();
                    from.CopyTo(to);
                }
            }
        }
        var bytes = stream.ToArray();
        // Rewrite the uncompressed size of document.xml in its local header (offset 22) and central directory entry (24).
        var name = "word/document.xml"u8;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var span = bytes.AsSpan(i);
            if (span.StartsWith("PK\u0003\u0004"u8) && span[30..].StartsWith(name)) BinaryPrimitives.WriteUInt32LittleEndian(span[22..], 1000);
            if (span.StartsWith("PK\u0001\u0002"u8) && span[46..].StartsWith(name)) BinaryPrimitives.WriteUInt32LittleEndian(span[24..], 1000);
        }
        return bytes;
    }
}

/// <summary>
/// OLE compound files ([MS-CFB], version 3, 512-byte sectors) written in the test: an encrypted Office package
/// (a DOCX with a password) and Word 97–2003 documents. Every stream is stored in regular sectors.
/// </summary>
public static class TestCompoundFile
{
    private const uint Free = 0xFFFFFFFF, EndOfChain = 0xFFFFFFFE, FatSector = 0xFFFFFFFD;

    public static byte[] Build(params (string Name, byte[] Data)[] streams)
    {
        const int sector = 512;
        var dirSectors = (streams.Length + 1 + 3) / 4;
        var dataSectors = streams.Select(s => Math.Max(1, (s.Data.Length + sector - 1) / sector)).ToArray();
        var total = 1 + dirSectors + dataSectors.Sum();
        if (total > sector / 4) throw new ArgumentException("Too much data for one allocation sector.");

        var fat = Enumerable.Repeat(Free, sector / 4).ToArray();
        fat[0] = FatSector;
        for (var i = 0; i < dirSectors; i++) fat[1 + i] = i == dirSectors - 1 ? EndOfChain : (uint)(2 + i);
        var next = 1 + dirSectors;
        var starts = new uint[streams.Length];
        for (var s = 0; s < streams.Length; s++)
        {
            starts[s] = (uint)next;
            for (var k = 0; k < dataSectors[s]; k++, next++) fat[next] = k == dataSectors[s] - 1 ? EndOfChain : (uint)(next + 1);
        }

        var file = new byte[sector * (1 + total)];
        var h = file.AsSpan(0, sector);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x44..], EndOfChain);
        for (var i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(h[(0x4C + 4 * i)..], i == 0 ? 0 : Free);

        Span<byte> Sector(int n) => file.AsSpan(sector * (n + 1), sector);
        for (var i = 0; i < fat.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(Sector(0)[(4 * i)..], fat[i]);

        // Directory: the root, then the streams as a chain of right siblings under it.
        void Entry(int index, string name, byte type, uint start, uint size, uint right, uint child)
        {
            var e = file.AsSpan(sector * (2 + index / 4) + 128 * (index % 4), 128);
            var nameBytes = Encoding.Unicode.GetBytes(name);
            nameBytes.CopyTo(e);
            BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)(nameBytes.Length + 2));
            e[0x42] = type;
            e[0x43] = 1; // black
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], right);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x74..], start);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x78..], size);
        }
        Entry(0, "Root Entry", 5, EndOfChain, 0, Free, streams.Length > 0 ? 1u : Free);
        for (var s = 0; s < streams.Length; s++)
        {
            Entry(s + 1, streams[s].Name, 2, starts[s], (uint)streams[s].Data.Length, s + 1 < streams.Length ? (uint)(s + 2) : Free, Free);
            streams[s].Data.CopyTo(file.AsSpan(sector * (1 + (int)starts[s])));
        }
        return file;
    }

    /// <summary>What Word writes for "Encrypt with password": the encryption header and the encrypted package.</summary>
    public static byte[] EncryptedDocx()
    {
        var info = new byte[4096];
        BinaryPrimitives.WriteUInt16LittleEndian(info, 4); // agile encryption, version 4.4
        BinaryPrimitives.WriteUInt16LittleEndian(info.AsSpan(2), 4);
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><encryption xmlns=\"http://schemas.microsoft.com/office/2006/encryption\"/>").CopyTo(info, 8);
        var package = new byte[8192];
        new Random(7).NextBytes(package);
        return Build(("EncryptionInfo", info), ("EncryptedPackage", package));
    }

    /// <summary>A Word 97–2003 file: a WordDocument stream starting with its FIB (wIdent 0xA5EC, fEncrypted as asked).</summary>
    public static byte[] LegacyDoc(bool encrypted = false)
    {
        var word = new byte[4608];
        BinaryPrimitives.WriteUInt16LittleEndian(word, 0xA5EC);
        BinaryPrimitives.WriteUInt16LittleEndian(word.AsSpan(2), 0x00C1); // nFib of Word 97
        BinaryPrimitives.WriteUInt16LittleEndian(word.AsSpan(10), (ushort)(encrypted ? 0x0100 : 0x0000));
        return Build(("WordDocument", word), ("1Table", new byte[4096]));
    }
}
