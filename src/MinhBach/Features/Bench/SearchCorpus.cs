using System.Text;
using MinhBach.Features.Articles;
using MinhBach.Features.Documents;
using MinhBach.Text;

namespace MinhBach.Features.Bench;

/// <summary>
/// Generated content for `bench search` that behaves like a province's: administrative Vietnamese words drawn
/// with a Zipf-like law (a few words in many items, most in few), each item about a handful of topics it
/// repeats, articles of news length (summary and a body of a few hundred words, some long), documents with
/// numbers as they are written ("123/QĐ-UBND", "42/2022/NĐ-CP"), all in date order. It also remembers what
/// it made, so the bench can ask for words of known frequency, phrases that occur, and numbers that exist.
/// </summary>
public sealed class SearchCorpus
{
    // Words a search would look for, roughly from the most to the least used on a provincial portal.
    private static readonly string[] Terms = string.Join(", ",
        "tỉnh, huyện, xã, thành phố, ủy ban nhân dân, công tác, thực hiện, triển khai, phát triển, kế hoạch, người dân, doanh nghiệp",
        "cơ quan, đơn vị, địa phương, kinh tế, xã hội, lãnh đạo, chủ tịch, nhiệm vụ, kết quả, tổ chức, quản lý, chỉ đạo, hội nghị",
        "chương trình, dự án, đầu tư, xây dựng, giải pháp, nhân dân, chính quyền, năm, tháng, hội đồng nhân dân, cán bộ, đánh giá",
        "nông nghiệp, giáo dục, y tế, văn hóa, du lịch, giao thông, môi trường, đất đai, an ninh, trật tự, an toàn, thủ tục hành chính",
        "cải cách hành chính, chuyển đổi số, dịch vụ công trực tuyến, hồ sơ, giải quyết, kiểm tra, giám sát, thanh tra, ngân sách",
        "tài chính, thuế, lao động, việc làm, bảo hiểm xã hội, hộ nghèo, giảm nghèo, an sinh xã hội, nông thôn mới, quy hoạch, đô thị",
        "khu công nghiệp, thương mại, dịch vụ, công nghiệp, học sinh, giáo viên, trường học, bệnh viện, sức khỏe, phòng chống, thiên tai",
        "bão lũ, mùa mưa, hạn hán, thủy lợi, tài nguyên, khoáng sản, nguồn nước, rừng, trồng rừng, bảo vệ rừng, cháy rừng, lâm nghiệp",
        "chăn nuôi, thú y, dịch bệnh, tiêm chủng, vắc xin, sốt xuất huyết, an toàn thực phẩm, nước sạch, vệ sinh, điện lực, viễn thông",
        "báo chí, phát thanh, truyền hình, thông tin, tuyên truyền, di tích, lễ hội, bảo tàng, thư viện, thể thao, giải bóng đá",
        "đua ghe, hiến máu, từ thiện, mặt trận tổ quốc, hội phụ nữ, đoàn thanh niên, hội nông dân, hội cựu chiến binh, công đoàn",
        "đảng bộ, chi bộ, nghị quyết, chỉ thị, quyết định, thông báo, công văn, báo cáo, tờ trình, kết luận, khiếu nại, tố cáo",
        "tiếp công dân, giải phóng mặt bằng, bồi thường, tái định cư, đấu giá, quyền sử dụng đất, giấy chứng nhận, cấp phép, nhà ở xã hội",
        "đồng bào dân tộc thiểu số, vùng sâu, vùng xa, biên giới, quốc phòng, dân quân, tự vệ, nghĩa vụ quân sự, phòng cháy chữa cháy",
        "tai nạn giao thông, ma túy, tội phạm, công an, tòa án, viện kiểm sát, thi hành án, hộ tịch, căn cước, cư trú, đăng ký kinh doanh",
        "khởi nghiệp, hợp tác xã, làng nghề, sản phẩm ocop, xuất khẩu, nhập khẩu, chợ, siêu thị, giá cả, thị trường, lạm phát, tín dụng",
        "ngân hàng, kho bạc, kiểm toán, thu ngân sách, chi thường xuyên, đầu tư công, giải ngân, gói thầu, đấu thầu, nhà thầu, công trình",
        "cầu, đường tỉnh, quốc lộ, cao tốc, sân bay, bến xe, cảng, cà phê, hồ tiêu, sầu riêng, lúa gạo, cao su, điều, thanh long",
        "thủy sản, nuôi trồng, khuyến nông, giống cây trồng, phân bón, thuốc bảo vệ thực vật, hữu cơ, công nghệ cao, khoa học, công nghệ",
        "sáng kiến, sở hữu trí tuệ, tiêu chuẩn, đo lường, chất lượng, người có công, thương binh, liệt sĩ, gia đình chính sách, trẻ em",
        "người cao tuổi, người khuyết tật, bình đẳng giới, phòng chống bạo lực gia đình, học bổng, tuyển sinh, thi tốt nghiệp, đại học",
        "cao đẳng, dạy nghề, mầm non, tiểu học, trung học, y tế cơ sở, trạm y tế, bảo hiểm y tế, dân số, kế hoạch hóa gia đình, dinh dưỡng",
        "covid, cúm gia cầm, dịch tả lợn châu phi, bệnh dại, tay chân miệng, lao, hiv, ung thư, khám chữa bệnh, dược, trang thiết bị",
        "biến đổi khí hậu, xâm nhập mặn, sạt lở, lũ quét, ô nhiễm, rác thải, chất thải rắn, nước thải, khí thải, đa dạng sinh học",
        "vườn quốc gia, khu bảo tồn, động vật hoang dã, năng lượng tái tạo, điện mặt trời, điện gió, thủy điện, tiết kiệm năng lượng",
        "đối ngoại, hợp tác quốc tế, kết nghĩa, hữu nghị, viện trợ, phi chính phủ, kiều bào, biên phòng, cửa khẩu, hải quan",
        "thi đua, khen thưởng, huân chương, bằng khen, kỷ luật, luân chuyển, bổ nhiệm, tuyển dụng, viên chức, công chức, biên chế",
        "sáp nhập, đơn vị hành chính, địa giới, bầu cử, đại biểu, tiếp xúc cử tri, chất vấn, kỳ họp, phiên họp, nghị sự, lấy ý kiến",
        "cồng chiêng, nhà rông, sử thi, thổ cẩm, ẩm thực, homestay, du lịch cộng đồng, thác nước, hồ lắk, buôn đôn, đắk mil, krông pắc",
        "ea kar, ea súp, cư m'gar, buôn hồ, đông hòa, tây sơn, phước long, an khê, tân lập, hòa thắng, ea h'leo, lắk, m'đrắk, krông năng")
        .Split(", ", StringSplitOptions.TrimEntries);

    // The small words between them: in every text, never what anyone searches for alone.
    private static readonly string[] Glue = ("và của các được trong cho với là có những này đã để theo về từ tại trên đến một không " +
        "cũng như khi còn sẽ đang nhiều qua sau trước nhằm đồng thời bao gồm đối với nhất là tiếp tục tăng cường đẩy mạnh").Split(' ');

    private static readonly string[] People = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Đức Hải", "Võ Thị Lan",
        "Đặng Văn Mạnh", "Bùi Thị Ngọc", "Đỗ Hữu Phước", "Y Biêr Niê", "H'Yim Kđoh", "Ngô Thanh Tùng"];

    private static readonly (string Type, string Format)[] DocumentKinds =
    [
        ("quyet-dinh", "{0}/QĐ-UBND"), ("quyet-dinh-qppl", "{0}/{1}/QĐ-UBND"), ("ke-hoach", "{0}/KH-UBND"), ("cong-van", "{0}/UBND-{2}"),
        ("thong-bao", "{0}/TB-UBND"), ("chi-thi", "{0}/CT-UBND"), ("nghi-quyet", "{0}/{1}/NQ-HĐND"), ("bao-cao", "{0}/BC-UBND"),
        ("nghi-dinh", "{0}/{1}/NĐ-CP"), ("thong-tu", "{0}/{1}/TT-BTC"), ("thong-tu", "{0}/{1}/TT-BTNMT"), ("quyet-dinh", "{0}/QĐ-SYT"),
    ];
    private static readonly string[] Departments = ["KT", "NC", "VX", "TH", "ĐT", "NN", "TNMT"];

    private readonly Random _random;
    private readonly double[] _zipf;
    private readonly int[] _documentFrequency = new int[Terms.Length];
    private static readonly List<string>[] TermTokens = Terms.Select(t => SearchText.Tokens(t)).ToArray();
    private readonly Dictionary<(int Year, int Kind), int> _sequence = [];
    private readonly List<string> _phrases = [];
    private readonly List<string> _numbers = [];
    private int _made;

    public SearchCorpus(int seed)
    {
        _random = new Random(seed);
        // Zipf: the k-th word weighs 1/k.
        _zipf = new double[Terms.Length];
        var sum = 0.0;
        for (var k = 0; k < Terms.Length; k++) _zipf[k] = sum += 1.0 / (k + 1);
        for (var k = 0; k < Terms.Length; k++) _zipf[k] /= sum;
    }

    public int Made => _made;

    /// <summary>Article (four items in five) or document number <paramref name="index"/>, dated <paramref name="at"/>.</summary>
    public object Next(int index, int siteId, int categoryId, DateTime at)
    {
        _made++;
        var topics = Enumerable.Range(0, 3 + _random.Next(4)).Select(_ => Draw()).Distinct().ToArray();
        if (index % 5 == 4)
        {
            var (type, format) = DocumentKinds[_random.Next(DocumentKinds.Length)];
            var seq = _sequence[(at.Year, Array.IndexOf(DocumentKinds, (type, format)))] =
                _sequence.GetValueOrDefault((at.Year, Array.IndexOf(DocumentKinds, (type, format)))) + 1 + _random.Next(3);
            var number = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, seq, at.Year, Departments[_random.Next(Departments.Length)]);
            var title = Title(topics, 10 + _random.Next(16));
            Remember(_numbers, number);
            Count(number + " " + title + " UBND tỉnh Đông Minh");
            return new Document
            {
                SiteId = siteId, Slug = $"vb-{index}", Number = number, TypeCode = type, Title = title, IssuingBody = "UBND tỉnh Đông Minh",
                Signer = People[_random.Next(People.Length)], IssuedOn = DateOnly.FromDateTime(at), CreatedAt = at,
            };
        }
        var articleTitle = Title(topics, 8 + _random.Next(14));
        var summary = Sentences(topics, 25 + _random.Next(30));
        // News length: most bodies 200–700 words, some much longer.
        var words = (int)Math.Min(3000, 120 + 300 * Math.Exp(0.6 * Gaussian()));
        var body = new StringBuilder();
        for (var left = words; left > 0;)
        {
            var n = Math.Min(left, 40 + _random.Next(80));
            body.Append("<p>").Append(Sentences(topics, n)).Append("</p>");
            left -= n;
        }
        if (_made % 20 == 0) Count(articleTitle + " " + summary + " " + body);
        return new Article
        {
            SiteId = siteId, CategoryId = categoryId, Slug = $"tin-{index}", Title = articleTitle, Summary = summary, Body = body.ToString(),
            Author = "Phóng viên", Status = ArticleStatus.Published, PublishedAt = at, UpdatedAt = at,
        };
    }

    /// <summary>Terms in about <paramref name="min"/>–<paramref name="max"/> of the items made, with that share.</summary>
    public IReadOnlyList<(string Term, double Share)> TermsIn(double min, double max) =>
        Enumerable.Range(0, Terms.Length).Select(k => (Term: Terms[k], Share: (double)_documentFrequency[k] / Math.Max(1, _made)))
            .Where(t => t.Share >= min && t.Share <= max).ToList();

    /// <summary>Runs of two to four words from titles that were made.</summary>
    public IReadOnlyList<string> Phrases => _phrases;

    /// <summary>Document numbers that were made.</summary>
    public IReadOnlyList<string> Numbers => _numbers;

    private int Draw()
    {
        var u = _random.NextDouble();
        var k = Array.BinarySearch(_zipf, u);
        return Math.Min(Terms.Length - 1, k < 0 ? ~k : k);
    }

    private static double GaussianOf(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
    private double Gaussian() => GaussianOf(_random);

    private string Title(int[] topics, int words)
    {
        var sb = new StringBuilder();
        var used = new List<int>();
        while (Count(sb) < words)
        {
            if (sb.Length > 0) sb.Append(' ');
            if (used.Count > 0 && _random.Next(4) == 0) sb.Append(Glue[_random.Next(12)]).Append(' ');
            var t = _random.Next(3) > 0 ? topics[_random.Next(topics.Length)] : Draw();
            used.Add(t);
            sb.Append(Terms[t]);
        }
        var title = Capital(sb.ToString());
        // A phrase a visitor could type: two or three neighbouring topic words as they stand in the title.
        if (used.Count >= 2 && _random.Next(50) == 0)
        {
            var from = _random.Next(used.Count - 1);
            var phrase = string.Join(' ', used.Skip(from).Take(2 + _random.Next(2)).Select(t => Terms[t]));
            if (title.Contains(phrase, StringComparison.OrdinalIgnoreCase)) Remember(_phrases, phrase);
        }
        return title;
    }

    private string Sentences(int[] topics, int words)
    {
        var sb = new StringBuilder();
        var inSentence = 0;
        for (var i = 0; i < words; i++)
        {
            // Mostly small words and the item's topics; other words now and then, so that a word is common
            // because many items are about it, not because every text draws it.
            var word = _random.NextDouble() switch
            {
                < 0.5 => Glue[(int)(Glue.Length * _random.NextDouble() * _random.NextDouble())],
                < 0.86 => Terms[topics[_random.Next(topics.Length)]],
                < 0.88 => People[_random.Next(People.Length)],
                < 0.92 => _random.Next(1, 500).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => Terms[Draw()],
            };
            if (inSentence == 0) { if (sb.Length > 0) sb.Append(' '); sb.Append(Capital(word)); }
            else sb.Append(' ').Append(word);
            if (++inSentence > 8 + _random.Next(20)) { sb.Append('.'); inSentence = 0; }
        }
        if (inSentence > 0) sb.Append('.');
        return sb.ToString();
    }

    private static int Count(StringBuilder sb)
    {
        var n = sb.Length == 0 ? 0 : 1;
        for (var i = 0; i < sb.Length; i++) if (sb[i] == ' ') n++;
        return n;
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // Which terms an item holds (all their words, in any order: what the search counts as a hit), measured on
    // one item in twenty, which is plenty for the share of the words the bench asks for.
    private void Count(string text)
    {
        if (_made % 20 != 0) return;
        var tokens = SearchText.Tokens(text).ToHashSet();
        for (var k = 0; k < Terms.Length; k++)
            if (TermTokens[k].All(tokens.Contains)) _documentFrequency[k] += 20;
    }

    // Reservoir of a thousand.
    private void Remember(List<string> list, string value)
    {
        if (list.Count < 1000) list.Add(value);
        else if (_random.Next(_made) < 1000) list[_random.Next(1000)] = value;
    }
}
