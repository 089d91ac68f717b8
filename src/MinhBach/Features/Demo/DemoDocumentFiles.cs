using System.Globalization;
using System.Security.Cryptography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Documents;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Media;
using MinhBach.Text;
using LegalDocument = MinhBach.Features.Documents.Document;

namespace MinhBach.Features.Demo;

/// <summary>Gives the portal's newest decisions and plans a full text as a DOCX laid out as Decree 30/2020/NĐ-CP has it,
/// stored and extracted as an upload would be: the demo's document pages offer files, and search finds their text.</summary>
internal sealed class DemoDocumentFiles(AppDb db, IFileStore store, DocumentTextExtractor extractor, Catalogue.Catalogue catalogue)
{
    public const int Count = 12;

    public async Task<int> AttachAsync(int portalId, CancellationToken ct)
    {
        var docs = await db.Documents.IgnoreQueryFilters().Include(d => d.Links)
            .Where(d => d.SiteId == portalId && (d.TypeCode == "quyet-dinh" || d.TypeCode == "quyet-dinh-qppl" || d.TypeCode == "ke-hoach"))
            .OrderByDescending(d => d.IssuedOn).Take(Count).ToListAsync(ct);
        foreach (var d in docs)
        {
            var bytes = Docx(d);
            var extracted = extractor.Extract(bytes, "van-ban.docx", ct);
            var path = string.Create(CultureInfo.InvariantCulture, $"{portalId}/{d.IssuedOn:yyyy}/{d.IssuedOn:MM}/{Guid.NewGuid():N}.docx");
            await store.SaveAsync(path, bytes, ct);
            var text = SearchText.CollapseSpaces(extracted.Text);
            d.Files.Add(new DocumentFile
            {
                SiteId = portalId, Path = path, OriginalName = VietnameseText.Slugify(d.Number, 80) + ".docx", Format = DocumentFileFormat.Docx,
                Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Text = text, UploadedAt = d.CreatedAt,
            });
            d.AttachmentText = text;
        }
        await db.SaveChangesAsync(ct);
        return docs.Count;
    }

    private byte[] Docx(LegalDocument d)
    {
        var type = catalogue.DocumentType(d.TypeCode)?.Name ?? "Văn bản";
        var issued = d.IssuedOn;
        var plan = d.TypeCode == "ke-hoach";
        var lines = new List<Paragraph> { P(type.ToUpperInvariant(), bold: true, center: true), P(d.Title, bold: true, center: true), P("") };
        if (plan)
        {
            lines.Add(P("I. MỤC ĐÍCH, YÊU CẦU", bold: true));
            lines.Add(P($"Triển khai thực hiện hiệu quả nội dung {Lower(d.Title)}; bảo đảm đúng tiến độ, phân công rõ trách nhiệm của từng cơ quan, đơn vị."));
            lines.Add(P("II. NHIỆM VỤ, GIẢI PHÁP", bold: true));
            lines.Add(P("1. Các sở, ban, ngành và Ủy ban nhân dân các xã, phường chủ động xây dựng kế hoạch chi tiết, bố trí nguồn lực thực hiện."));
            lines.Add(P("2. Định kỳ hằng quý báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp."));
            lines.Add(P("III. TỔ CHỨC THỰC HIỆN", bold: true));
            lines.Add(P("Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này."));
        }
        else
        {
            lines.Add(P("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐÔNG MINH", bold: true, center: true));
            lines.Add(P("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;"));
            lines.Add(P("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;"));
            lines.Add(P("QUYẾT ĐỊNH:", bold: true, center: true));
            lines.Add(P($"Điều 1. {Capital(d.Title.StartsWith("Về việc ", StringComparison.Ordinal) ? d.Title[8..] : d.Title)}."));
            var replaced = d.Links.FirstOrDefault(l => l.Relation == DocumentRelation.Replaces);
            var from = d.EffectiveOn is DateOnly e && e != issued ? $"từ ngày {e.Day:00} tháng {e.Month:00} năm {e.Year}" : "kể từ ngày ký";
            lines.Add(P($"Điều 2. Quyết định này có hiệu lực thi hành {from}" + (replaced is null ? "." : $" và thay thế Quyết định số {replaced.TargetNumber}.")));
            lines.Add(P("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."));
        }

        using var ms = new MemoryStream();
        using (var word = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Table(
                [P("ỦY BAN NHÂN DÂN", center: true), P("TỈNH ĐÔNG MINH", bold: true, center: true), P($"Số: {d.Number}", center: true)],
                [P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true), P("Độc lập - Tự do - Hạnh phúc", bold: true, center: true),
                    P($"Đông Minh, ngày {issued.Day:00} tháng {issued.Month:00} năm {issued.Year}", center: true)]));
            foreach (var l in lines) body.Append(l);
            body.Append(Table(
                [P("Nơi nhận:", bold: true), P("- Như Điều 3;"), P("- Lưu: VT.")],
                [P(d.Signer is null ? "" : "KT. CHỦ TỊCH", bold: true, center: true), P(d.Signer is null ? "" : "PHÓ CHỦ TỊCH", bold: true, center: true), P(""), P(d.Signer ?? "", bold: true, center: true)]));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        }
        return ms.ToArray();
    }

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static Paragraph P(string text, bool bold = false, bool center = false)
    {
        var run = new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.RunProperties = new RunProperties(new Bold());
        var p = new Paragraph(run);
        if (center) p.ParagraphProperties = new ParagraphProperties(new Justification { Val = JustificationValues.Center });
        return p;
    }

    private static Table Table(Paragraph[] left, Paragraph[] right) =>
        new(new TableRow(new TableCell(left.Cast<OpenXmlElement>()), new TableCell(right.Cast<OpenXmlElement>())));
}
