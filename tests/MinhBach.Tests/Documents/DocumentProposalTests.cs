using System.Text;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Tests.Infrastructure;
using CatalogueData = MinhBach.Features.Catalogue.Catalogue;

namespace MinhBach.Tests.Documents;

public sealed class DocumentProposalTests
{
    private static readonly DocumentProposer Proposer = new(CatalogueData.Load(Repository.DataDirectory));

    private static DocumentProposal Propose(string text, TextLayout layout = TextLayout.PrintedLines) => Proposer.Propose(text, layout);

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    private const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Motto2 = "Độc lập - Tự do - Hạnh phúc";

    // ------------------------------------------------------------------------------------------ the eight kinds

    [Fact]
    public void A_decision_of_the_provincial_committee()
    {
        var p = Propose(SampleDecision.AsText());

        Assert.Equal("123/QĐ-UBND", p.Number?.Value);
        Assert.Equal(ProposalConfidence.High, p.Number!.Confidence);
        Assert.Equal("Số: 123/QĐ-UBND", p.Number.Source);
        Assert.Equal("quyet-dinh", p.TypeCode?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Null(p.ParentBody);
        Assert.Equal("Đông Minh", p.Place?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.IssuedOn?.Value);
        Assert.Equal(SampleDecision.Summary, p.Summary?.Value);
        // "có hiệu lực thi hành kể từ ngày ký": the day of signature.
        Assert.Equal(new DateOnly(2025, 3, 15), p.EffectiveOn?.Value);
        Assert.Contains("kể từ ngày ký", p.EffectiveOn!.Source);
        Assert.Equal("Nguyễn Văn An", p.Signer?.Value);
        Assert.Equal("Phó Chủ tịch", p.SignerTitle?.Value);
        var replaced = Assert.Single(p.Related);
        Assert.Equal(new RelatedDocument(DocumentRelation.Replaces, "quyet-dinh", "1234/QĐ-UBND"), replaced.Value);
        Assert.Contains("thay thế Quyết định số 1234/QĐ-UBND", replaced.Source);
        Assert.Null(p.DraftOf);
    }

    [Fact]
    public void A_government_decree()
    {
        var p = Propose(Lines(
            $"CHÍNH PHỦ\t{Motto1}", $"\t{Motto2}", "Số: 42/2022/NĐ-CP\tHà Nội, ngày 24 tháng 6 năm 2022", "",
            "NGHỊ ĐỊNH",
            "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà",
            "nước trên môi trường mạng", "",
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và",
            "Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
            "Chính phủ ban hành Nghị định quy định về việc cung cấp thông tin và dịch vụ công trực tuyến.",
            "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
            "Điều 40. Hiệu lực thi hành",
            "1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2022.",
            "2. Nghị định này thay thế Nghị định số 43/2011/NĐ-CP ngày 13 tháng 6 năm 2011 của Chính phủ.", "",
            "Nơi nhận:\tTM. CHÍNH PHỦ", "- Ban Bí thư Trung ương Đảng;\tKT. THỦ TƯỚNG", "- Lưu: VT, KSTT (2).\tPHÓ THỦ TƯỚNG", "",
            "\tVũ Đức Đam"));

        Assert.Equal("42/2022/NĐ-CP", p.Number?.Value);
        Assert.Equal("nghi-dinh", p.TypeCode?.Value);
        Assert.Equal("Chính phủ", p.IssuingBody?.Value);
        Assert.Equal("Hà Nội", p.Place?.Value);
        Assert.Equal(new DateOnly(2022, 6, 24), p.IssuedOn?.Value);
        Assert.Equal("Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng", p.Summary?.Value);
        Assert.Equal(new DateOnly(2022, 8, 1), p.EffectiveOn?.Value);
        Assert.Equal("Vũ Đức Đam", p.Signer?.Value);
        Assert.Equal("Phó Thủ tướng", p.SignerTitle?.Value);
        // The legal bases cite amending laws; only what this decree itself replaces counts.
        var related = Assert.Single(p.Related);
        Assert.Equal(new RelatedDocument(DocumentRelation.Replaces, "nghi-dinh", "43/2011/NĐ-CP"), related.Value);
    }

    [Fact]
    public void A_resolution_of_the_provincial_council_with_a_number_without_colon_and_a_slashed_date()
    {
        var p = Propose(Lines(
            $"HỘI ĐỒNG NHÂN DÂN\t{Motto1}", $"TỈNH ĐÔNG MINH\t{Motto2}", "Số 15/2025/NQ-HĐND\tĐông Minh, ngày 10/7/2025", "",
            "NGHỊ QUYẾT",
            "Quy định mức chi hỗ trợ chuyển đổi số trên địa bàn tỉnh Đông Minh", "",
            "HỘI ĐỒNG NHÂN DÂN TỈNH ĐÔNG MINH", "KHÓA X, KỲ HỌP THỨ 25",
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;",
            "Xét Tờ trình số 88/TTr-UBND ngày 20 tháng 6 năm 2025 của Ủy ban nhân dân tỉnh;",
            "QUYẾT NGHỊ:",
            "Điều 1. Quy định mức chi hỗ trợ chuyển đổi số trên địa bàn tỉnh.",
            "Điều 2. Nghị quyết này bãi bỏ Nghị quyết số 07/2021/NQ-HĐND ngày 12 tháng 7 năm 2021 của Hội đồng nhân dân tỉnh.",
            "Điều 3. Nghị quyết này đã được Hội đồng nhân dân tỉnh Đông Minh khóa X, Kỳ họp thứ 25 thông qua ngày 10 tháng 7 năm 2025",
            "và có hiệu lực từ ngày 20 tháng 7 năm 2025./.", "",
            "Nơi nhận:\tCHỦ TỊCH", "- Ủy ban Thường vụ Quốc hội;", "- Chính phủ;", "- Lưu: VT.", "\tLê Thị Hoa"));

        Assert.Equal("15/2025/NQ-HĐND", p.Number?.Value);
        Assert.Equal("nghi-quyet", p.TypeCode?.Value);
        Assert.Equal("HĐND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal(new DateOnly(2025, 7, 10), p.IssuedOn?.Value);
        Assert.Equal("Quy định mức chi hỗ trợ chuyển đổi số trên địa bàn tỉnh Đông Minh", p.Summary?.Value);
        Assert.Equal(new DateOnly(2025, 7, 20), p.EffectiveOn?.Value);
        Assert.Equal("Lê Thị Hoa", p.Signer?.Value);
        Assert.Equal("Chủ tịch", p.SignerTitle?.Value);
        var repealed = Assert.Single(p.Related);
        Assert.Equal(new RelatedDocument(DocumentRelation.Repeals, "nghi-quyet", "07/2021/NQ-HĐND"), repealed.Value);
    }

    [Fact]
    public void An_official_letter_of_a_department_with_v_v()
    {
        var p = Propose(Lines(
            $"UBND TỈNH ĐÔNG MINH\t{Motto1}", $"SỞ KHOA HỌC VÀ CÔNG NGHỆ\t{Motto2}", "Số: 256/SKHCN-VP\tĐông Minh, ngày 05 tháng 3 năm 2025",
            "V/v triển khai thực hiện chuyển đổi số", "trong các cơ quan nhà nước năm 2025", "",
            "Kính gửi: Các phòng, đơn vị trực thuộc Sở.",
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh, Sở Khoa học và Công nghệ đề nghị:", "",
            "Nơi nhận:\tKT. GIÁM ĐỐC", "- Như trên;\tPHÓ GIÁM ĐỐC", "- Lưu: VT, VP.", "", "\tTrần Minh Tuấn"));

        Assert.Equal("256/SKHCN-VP", p.Number?.Value);
        Assert.Equal("cong-van", p.TypeCode?.Value);
        Assert.Equal("Sở Khoa học và Công nghệ", p.IssuingBody?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.ParentBody?.Value);
        Assert.Equal(new DateOnly(2025, 3, 5), p.IssuedOn?.Value);
        Assert.Equal("V/v triển khai thực hiện chuyển đổi số trong các cơ quan nhà nước năm 2025", p.Summary?.Value);
        Assert.Null(p.EffectiveOn);
        Assert.Equal("Trần Minh Tuấn", p.Signer?.Value);
        Assert.Equal("Phó Giám đốc", p.SignerTitle?.Value);
        Assert.Empty(p.Related);
    }

    [Fact]
    public void A_notice_of_the_committee_office()
    {
        var p = Propose(Lines(
            $"UBND TỈNH ĐÔNG MINH\t{Motto1}", $"VĂN PHÒNG\t{Motto2}", "Số: 45/TB-VPUBND\tĐông Minh, ngày 20 tháng 3 năm 2025", "",
            "THÔNG BÁO",
            "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ giải ngân vốn đầu tư công",
            "Ngày 18 tháng 3 năm 2025, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp về tiến độ giải ngân vốn đầu tư công.",
            "Nơi nhận:\tKT. CHÁNH VĂN PHÒNG", "- Như trên;\tPHÓ CHÁNH VĂN PHÒNG", "- Lưu: VT.", "\tĐỗ Thị Mai"), TextLayout.Paragraphs);

        Assert.Equal("45/TB-VPUBND", p.Number?.Value);
        Assert.Equal("thong-bao", p.TypeCode?.Value);
        Assert.Equal("Văn phòng UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.ParentBody?.Value);
        Assert.Equal(new DateOnly(2025, 3, 20), p.IssuedOn?.Value);
        Assert.Equal("Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ giải ngân vốn đầu tư công", p.Summary?.Value);
        Assert.Equal("Đỗ Thị Mai", p.Signer?.Value);
    }

    [Fact]
    public void A_plan_of_a_district_committee()
    {
        var p = Propose(Lines(
            $"ỦY BAN NHÂN DÂN\t{Motto1}", $"HUYỆN ĐÔNG HẢI\t{Motto2}", "Số: 78/KH-UBND\tĐông Hải, ngày 02 tháng 01 năm 2025", "",
            "KẾ HOẠCH", "Tuyên truyền, phổ biến, giáo dục pháp luật năm 2025", "",
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 12 năm 2024 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU", "", "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- UBND tỉnh;\tCHỦ TỊCH", "- Lưu: VT.", "\tPhạm Quốc Bảo"));

        Assert.Equal("78/KH-UBND", p.Number?.Value);
        Assert.Equal("ke-hoach", p.TypeCode?.Value);
        Assert.Equal("UBND huyện Đông Hải", p.IssuingBody?.Value);
        Assert.Equal("Đông Hải", p.Place?.Value);
        Assert.Equal(new DateOnly(2025, 1, 2), p.IssuedOn?.Value);
        Assert.Equal("Tuyên truyền, phổ biến, giáo dục pháp luật năm 2025", p.Summary?.Value);
        Assert.Equal("Phạm Quốc Bảo", p.Signer?.Value);
        Assert.Equal("Chủ tịch", p.SignerTitle?.Value);
    }

    [Fact]
    public void A_directive_written_as_paragraphs()
    {
        var p = Propose(Lines(
            "ỦY BAN NHÂN DÂN", "TỈNH ĐÔNG MINH", Motto1, Motto2, "Số: 05/CT-UBND", "Đông Minh, ngày 05/3/2025",
            "CHỈ THỊ",
            "Về tăng cường kỷ luật, kỷ cương hành chính trong thực thi công vụ",
            "Thời gian qua, công tác cải cách hành chính trên địa bàn tỉnh đã đạt được nhiều kết quả.",
            "Chỉ thị này có hiệu lực kể từ ngày ký.",
            "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH", "Hoàng Văn Nam"), TextLayout.Paragraphs);

        Assert.Equal("05/CT-UBND", p.Number?.Value);
        Assert.Equal("chi-thi", p.TypeCode?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal(new DateOnly(2025, 3, 5), p.IssuedOn?.Value);
        Assert.Equal("Về tăng cường kỷ luật, kỷ cương hành chính trong thực thi công vụ", p.Summary?.Value);
        Assert.Equal(new DateOnly(2025, 3, 5), p.EffectiveOn?.Value);
        Assert.Equal("Hoàng Văn Nam", p.Signer?.Value);
    }

    [Fact]
    public void A_law()
    {
        var p = Propose(Lines(
            $"QUỐC HỘI\t{Motto1}", $"\t{Motto2}", "Luật số: 31/2024/QH15", "", "LUẬT", "ĐẤT ĐAI", "",
            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Quốc hội ban hành Luật Đất đai.",
            "Điều 252. Hiệu lực thi hành",
            "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025, trừ trường hợp quy định tại khoản 2 Điều này.",
            "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp bất thường lần thứ 5 thông qua ngày 18 tháng 01 năm 2024.", "",
            "\tCHỦ TỊCH QUỐC HỘI", "", "\tVương Đình Huệ"));

        Assert.Equal("31/2024/QH15", p.Number?.Value);
        Assert.Equal("luat", p.TypeCode?.Value);
        Assert.Equal("Quốc hội", p.IssuingBody?.Value);
        Assert.Equal("Luật Đất đai", p.Summary?.Value);
        // No date in a law's header: the adoption date is offered, as a guess.
        Assert.Equal(new DateOnly(2024, 1, 18), p.IssuedOn?.Value);
        Assert.Equal(ProposalConfidence.Low, p.IssuedOn!.Confidence);
        Assert.Equal(new DateOnly(2025, 1, 1), p.EffectiveOn?.Value);
        Assert.Equal("Vương Đình Huệ", p.Signer?.Value);
        Assert.Equal("Chủ tịch Quốc hội", p.SignerTitle?.Value);
    }

    [Fact]
    public void A_draft_keeps_the_type_it_will_have_and_proposes_no_number_or_date()
    {
        var p = Propose(Lines(
            $"ỦY BAN NHÂN DÂN\t{Motto1}", $"TỈNH ĐÔNG MINH\t{Motto2}", "Số:      /2025/QĐ-UBND\tĐông Minh, ngày      tháng      năm 2025",
            "DỰ THẢO", "QUYẾT ĐỊNH", "Ban hành Quy định về quản lý Cổng thông tin điện tử tỉnh Đông Minh", "",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 6 năm 2025 và thay thế Quyết định số 25/2020/QĐ-UBND ngày 10 tháng 6 năm 2020 của Ủy ban nhân dân tỉnh.",
            "\tTM. ỦY BAN NHÂN DÂN", "\tCHỦ TỊCH"));

        Assert.Equal("du-thao", p.TypeCode?.Value);
        Assert.Equal("quyet-dinh-qppl", p.DraftOf?.Value);
        Assert.Null(p.Number);
        Assert.Null(p.IssuedOn);
        Assert.Equal("Đông Minh", p.Place?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal("Dự thảo Quyết định ban hành Quy định về quản lý Cổng thông tin điện tử tỉnh Đông Minh", p.Summary?.Value);
        Assert.Equal(new DateOnly(2025, 6, 1), p.EffectiveOn?.Value);
        Assert.Null(p.Signer);
        Assert.Equal(new RelatedDocument(DocumentRelation.Replaces, "quyet-dinh-qppl", "25/2020/QĐ-UBND"), Assert.Single(p.Related).Value);
    }

    [Fact]
    public void An_amending_decision_names_what_it_amends()
    {
        var p = Propose(Lines(
            "ỦY BAN NHÂN DÂN", "TỈNH ĐÔNG MINH", "Số: 08/2025/QĐ-UBND", "Đông Minh, ngày 3 tháng 4 năm 2025", "QUYẾT ĐỊNH",
            "Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 25/2020/QĐ-UBND ngày 10 tháng 6 năm 2020 của Ủy ban nhân dân tỉnh",
            "Căn cứ Nghị định số 154/2020/NĐ-CP ngày 31 tháng 12 năm 2020 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 34/2016/NĐ-CP;",
            "Điều 3. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký."), TextLayout.Paragraphs);

        Assert.Equal("quyet-dinh-qppl", p.TypeCode?.Value);
        Assert.Equal(new RelatedDocument(DocumentRelation.Amends, "quyet-dinh-qppl", "25/2020/QĐ-UBND"), Assert.Single(p.Related).Value);
        Assert.Equal(new DateOnly(2025, 4, 13), p.EffectiveOn?.Value);
        Assert.Equal(ProposalConfidence.Medium, p.EffectiveOn!.Confidence);
    }

    // ------------------------------------------------------------------------------------------ robustness

    [Fact]
    public void Decomposed_input_gives_the_same_proposal()
    {
        var composed = Propose(SampleDecision.AsText());
        var decomposed = Propose(SampleDecision.AsText().Normalize(NormalizationForm.FormD));

        Assert.Equal(composed.Number?.Value, decomposed.Number?.Value);
        Assert.Equal(composed.TypeCode?.Value, decomposed.TypeCode?.Value);
        Assert.Equal(composed.IssuingBody?.Value, decomposed.IssuingBody?.Value);
        Assert.Equal(composed.IssuedOn?.Value, decomposed.IssuedOn?.Value);
        Assert.Equal(composed.Summary?.Value, decomposed.Summary?.Value);
        Assert.Equal(composed.Signer?.Value, decomposed.Signer?.Value);
        Assert.Equal(composed.Related.Select(r => r.Value), decomposed.Related.Select(r => r.Value));
        Assert.True(decomposed.Summary!.Value.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void A_text_in_capitals_throughout_still_reads()
    {
        var p = Propose(SampleDecision.AsText().ToUpperInvariant(), TextLayout.Paragraphs);

        Assert.Equal("123/QĐ-UBND", p.Number?.Value);
        Assert.Equal("quyet-dinh", p.TypeCode?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal("Đông Minh", p.Place?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.IssuedOn?.Value);
        Assert.StartsWith("Về việc công bố danh mục thủ tục hành chính", p.Summary?.Value);
        Assert.Equal("Nguyễn Văn An", p.Signer?.Value);
        Assert.Equal("1234/QĐ-UBND", Assert.Single(p.Related).Value.Number);
    }

    [Fact]
    public void Ocr_spacing_is_tolerated()
    {
        var p = Propose(Lines(
            "ỦY  BAN  NHÂN  DÂN       CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH ĐÔNG MINH       Độc lập – Tự do – Hạnh phúc",
            "S ố :  123 / QĐ - UBND       Đông Minh , ngày 15  tháng 3 năm  2025",
            "Q U Y Ế T   Đ Ị N H",
            "Về việc công bố Danh mục thủ tục hành chính lĩnh vực Khoa học và Công nghệ"));

        Assert.Equal("123/QĐ-UBND", p.Number?.Value);
        Assert.Equal("quyet-dinh", p.TypeCode?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal("Đông Minh", p.Place?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.IssuedOn?.Value);
        Assert.Equal("Về việc công bố Danh mục thủ tục hành chính lĩnh vực Khoa học và Công nghệ", p.Summary?.Value);
    }

    [Fact]
    public void A_header_read_across_both_columns_without_a_tab()
    {
        var p = Propose(Lines(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH ĐÔNG MINH Độc lập - Tự do - Hạnh phúc",
            "Số: 123/QĐ-UBND Đông Minh, ngày 15 tháng 3 năm 2025",
            "QUYẾT ĐỊNH"));

        Assert.Equal("123/QĐ-UBND", p.Number?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal("Đông Minh", p.Place?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.IssuedOn?.Value);
    }

    [Fact]
    public void An_eth_typed_for_d_with_stroke_is_read_as_such()
    {
        var p = Propose(Lines("ỦY BAN NHÂN DÂN", "TỈNH ĐÔNG MINH", "Số: 77/QÐ-UBND", "Ðông Minh, ngày 1 tháng 4 năm 2025", "QUYẾT ÐỊNH", "Về việc thành lập Tổ công tác"));

        Assert.Equal("77/QĐ-UBND", p.Number?.Value);
        Assert.Equal("quyet-dinh", p.TypeCode?.Value);
        Assert.Equal("Đông Minh", p.Place?.Value);
    }

    [Fact]
    public void Capitals_in_the_body_of_a_letter_are_not_its_type()
    {
        var p = Propose(Lines(
            $"UBND TỈNH ĐÔNG MINH\t{Motto1}", $"SỞ TƯ PHÁP\t{Motto2}", "Số: 12/STP-HCTP\tĐông Minh, ngày 8 tháng 5 năm 2025",
            "V/v góp ý dự thảo văn bản", "", "Kính gửi: Các sở, ban, ngành.",
            "Sở Tư pháp đề nghị các cơ quan góp ý dự thảo sau:", "KẾ HOẠCH", "Triển khai công tác năm 2025.",
            "Luật Tổ chức chính quyền địa phương được Quốc hội thông qua ngày 19 tháng 02 năm 2025."));

        Assert.Equal("cong-van", p.TypeCode?.Value);
        Assert.Equal("V/v góp ý dự thảo văn bản", p.Summary?.Value);
        Assert.Equal(new DateOnly(2025, 5, 8), p.IssuedOn?.Value);
    }

    [Fact]
    public void A_law_cited_in_passing_gives_no_date()
    {
        var p = Propose(Lines("Căn cứ Luật Đất đai được Quốc hội thông qua ngày 18 tháng 01 năm 2024;", "Điều 1. Phạm vi điều chỉnh."));
        Assert.Null(p.IssuedOn);
    }

    [Fact]
    public void Missing_parts_give_nulls_not_guesses()
    {
        var p = Propose(Lines(
            "Hội nghị tổng kết công tác năm 2024 diễn ra ngày 15 tháng 01 năm 2025 tại Hội trường tỉnh.",
            "Các đại biểu đã thảo luận về kế hoạch năm 2025, trong đó có việc triển khai Quyết định số 12/QĐ-UBND.",
            "Đồng chí Nguyễn Văn An phát biểu kết luận hội nghị."));

        Assert.Null(p.Number);
        Assert.Null(p.TypeCode);
        Assert.Null(p.IssuingBody);
        Assert.Null(p.IssuedOn);
        Assert.Null(p.Place);
        Assert.Null(p.Summary);
        Assert.Null(p.Signer);
        Assert.Null(p.EffectiveOn);
        Assert.Empty(p.Related);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    [InlineData("Số:")]
    [InlineData("QUYẾT ĐỊNH")]
    [InlineData("ngày 31 tháng 2 năm 2025")]
    [InlineData("Số: 99/99/99")]
    public void Fragments_and_nonsense_do_not_throw(string text)
    {
        var p = Proposer.Propose(text);
        Assert.Null(p.Number);
        Assert.Null(p.IssuedOn);
    }

    [Fact]
    public void Random_text_does_not_throw()
    {
        var random = new Random(5);
        const string alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠỐỒỔ0123456789/-:.,; \n\tSốngàytháng";
        for (var round = 0; round < 50; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 3000)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            _ = Proposer.Propose(text);
        }
    }

    [Fact]
    public void Types_come_from_the_catalogue()
    {
        var proposer = new DocumentProposer([new DocumentType("huong-dan", "Hướng dẫn", "HD", "Other")]);

        var p = proposer.Propose(Lines("SỞ TƯ PHÁP", "Số: 03/HD-STP", "Đông Minh, ngày 2 tháng 2 năm 2025", "HƯỚNG DẪN", "Thực hiện công tác hộ tịch năm 2025"));

        Assert.Equal("huong-dan", p.TypeCode?.Value);
        Assert.Equal("Sở Tư pháp", p.IssuingBody?.Value);
        Assert.Equal("Thực hiện công tác hộ tịch năm 2025", p.Summary?.Value);
    }

    [Fact]
    public void Without_a_heading_the_type_comes_from_the_number()
    {
        var p = Propose(Lines("BỘ TÀI CHÍNH", "Số: 01/2025/TT-BTC", "Hà Nội, ngày 6 tháng 1 năm 2025"));

        Assert.Equal("thong-tu", p.TypeCode?.Value);
        Assert.Equal(ProposalConfidence.Medium, p.TypeCode!.Confidence);
        Assert.Equal("Bộ Tài chính", p.IssuingBody?.Value);
    }

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH ĐÔNG MINH", "UBND tỉnh Đông Minh")]
    [InlineData("UỶ BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "UBND thành phố Hồ Chí Minh")]
    [InlineData("HỘI ĐỒNG NHÂN DÂN XÃ TÂN PHÚ", "HĐND xã Tân Phú")]
    [InlineData("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ")]
    [InlineData("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội")]
    [InlineData("BỘ TÀI CHÍNH", "Bộ Tài chính")]
    [InlineData("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ")]
    [InlineData("VĂN PHÒNG UBND TỈNH ĐÔNG MINH", "Văn phòng UBND tỉnh Đông Minh")]
    [InlineData("CÔNG AN TỈNH ĐÔNG MINH", "Công an tỉnh Đông Minh")]
    [InlineData("Sở Tài chính", "Sở Tài chính")]
    public void Issuing_bodies_are_written_as_the_portal_writes_them(string written, string expected) =>
        Assert.Equal(expected, DocumentProposer.FormatBody(written));

    // ------------------------------------------------------------------------------------------ from files

    [Fact]
    public void A_docx_decision_is_proposed_end_to_end()
    {
        var extracted = new DocumentTextExtractor().Extract(TestDocx.Decision(), "qd.docx");
        var p = Proposer.Propose(extracted);

        Assert.Equal("123/QĐ-UBND", p.Number?.Value);
        Assert.Equal("quyet-dinh", p.TypeCode?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.IssuedOn?.Value);
        Assert.Equal(SampleDecision.Summary, p.Summary?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.EffectiveOn?.Value);
        Assert.Equal("Nguyễn Văn An", p.Signer?.Value);
        Assert.Equal("1234/QĐ-UBND", Assert.Single(p.Related).Value.Number);
    }

    [NotoFact]
    public void A_pdf_decision_is_proposed_end_to_end()
    {
        var extracted = new DocumentTextExtractor().Extract(TestPdf.Decision(), "qd.pdf");
        var p = Proposer.Propose(extracted);

        Assert.Equal("123/QĐ-UBND", p.Number?.Value);
        Assert.Equal("quyet-dinh", p.TypeCode?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal("Đông Minh", p.Place?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.IssuedOn?.Value);
        // The summary was wrapped over two printed lines.
        Assert.Equal(SampleDecision.Summary, p.Summary?.Value);
        Assert.Equal("Nguyễn Văn An", p.Signer?.Value);
        Assert.Equal("Phó Chủ tịch", p.SignerTitle?.Value);
        Assert.Equal("1234/QĐ-UBND", Assert.Single(p.Related).Value.Number);
    }
}
