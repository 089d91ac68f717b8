using System.Text;
using MinhBach.Features.Catalogue;
using static MinhBach.Features.Demo.DemoText;

namespace MinhBach.Features.Demo;

/// <summary>Bodies of the introduction pages (Vietnamese and English) of a demo site.</summary>
internal sealed class DemoPages(SiteSpec spec, SitePeople people, IReadOnlyList<UnitSpec> units, Random r)
{
    private Locality? Loc => spec.Locality;
    private string Label => Loc?.Label ?? DemoProvinceFacts.Province;

    /// <summary>Vietnamese body for a page kind, or null when the demo has nothing for it.</summary>
    public string? Vietnamese(string kind) => kind switch
    {
        "overview" => Overview(),
        "functions" => Functions(),
        "history" => History(),
        "natural-conditions" when Loc is not null => NaturalConditions(Loc),
        "culture" when Loc is not null => Culture(Loc),
        "boundary-map" when Loc is not null => BoundaryMap(Loc),
        "access-to-information" => AccessToInformation(),
        "privacy" => Privacy(),
        _ => null,
    };

    public string? English(string kind) => kind switch
    {
        "overview" => OverviewEn(),
        "functions" => FunctionsEn(),
        "history" when spec.Tier is DemoTier.Department && spec.Sector.HistoryEn.Length > 0 => string.Concat(spec.Sector.HistoryEn.Select(P)),
        "history" when spec.Tier is DemoTier.Portal => HistoryPortalEn(),
        _ => null,
    };

    // ------------------------------------------------------------ Vietnamese

    private string LeaderList() => Ul(people.Leaders.Select(l => $"{l.Title}: {l.Person.FullName}"));

    private string ContactTable(string caption) => Facts(caption,
    [
        ("Địa chỉ", spec.Address),
        ("Điện thoại", spec.Phone),
        ("Fax", spec.Fax),
        ("Thư điện tử", spec.Email),
        ("Trang thông tin điện tử", spec.HomeUrl),
    ]);

    private string Overview()
    {
        var sb = new StringBuilder();
        switch (spec.Tier)
        {
            case DemoTier.Department:
                sb.Append(P($"{spec.AgencyName} là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Đông Minh, có chức năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về {spec.Sector.Scope}; thực hiện các dịch vụ công thuộc phạm vi quản lý theo quy định của pháp luật."));
                sb.Append(P($"{spec.Short} có tư cách pháp nhân, có con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ chức, vị trí việc làm, biên chế và công tác của Ủy ban nhân dân tỉnh; đồng thời chịu sự chỉ đạo, hướng dẫn, kiểm tra về chuyên môn, nghiệp vụ của {spec.Sector.Ministry}."));
                sb.Append(H2("Lãnh đạo Sở")).Append(LeaderList());
                var rooms = units.Where(u => !DemoPeople.IsGroup(u)).Select(u => u.Name);
                var affiliated = units.Where(DemoPeople.IsGroup).SelectMany(u => u.Children ?? []).Select(u => u.Name).ToList();
                sb.Append(H2("Cơ cấu tổ chức"));
                sb.Append(P($"Các phòng chuyên môn, nghiệp vụ: {string.Join("; ", rooms)}." + (affiliated.Count > 0 ? $" Các đơn vị trực thuộc: {string.Join("; ", affiliated)}." : "")));
                break;
            case DemoTier.Portal:
                var pr = Localities.Province;
                sb.Append(P($"Tỉnh Đông Minh nằm ở khu vực Nam Trung Bộ và Tây Nguyên, có diện tích tự nhiên {Dec((double)pr.AreaKm2, 2)} km², dân số khoảng {Num(pr.Population)} người. Phía Bắc giáp {pr.Borders[0]}, phía Đông giáp {pr.Borders[1]}, phía Nam giáp {pr.Borders[2]}, phía Tây giáp {pr.Borders[3]}."));
                sb.Append(P(pr.HistoryNotes[^1]));
                sb.Append(P("Ủy ban nhân dân tỉnh do Hội đồng nhân dân tỉnh bầu, là cơ quan chấp hành của Hội đồng nhân dân tỉnh, cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Hội đồng nhân dân tỉnh và cơ quan hành chính nhà nước cấp trên."));
                sb.Append(H2("Lãnh đạo Ủy ban nhân dân tỉnh")).Append(LeaderList());
                sb.Append(H2("Cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh"));
                sb.Append(Ul(DemoSites.All().Where(s => s.Tier == DemoTier.Department).Select(s => s.AgencyName)));
                break;
            default:
                var l = Loc!;
                if (spec.Tier == DemoTier.District)
                {
                    sb.Append(P($"Huyện Krông Ana có diện tích tự nhiên {Dec((double)l.AreaKm2, 2)} km², dân số {Num(l.Population)} người. {l.Economy}"));
                    sb.Append(P(l.HistoryNotes[^1]));
                    sb.Append(P("Thông tin, văn bản của Ủy ban nhân dân huyện Krông Ana được lưu trữ tại trang này để tra cứu; thông tin mới được đăng trên Trang thông tin điện tử xã Đắk Sơn."));
                    break;
                }
                sb.Append(P($"{Cap(l.Label)} được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp {l.FormedFrom}; có diện tích tự nhiên {Dec((double)l.AreaKm2, 2)} km², dân số {Num(l.Population)} người, gồm {l.Hamlets.Length} {HamletNoun(l)}. Trụ sở Ủy ban nhân dân đặt tại {spec.Address}."));
                sb.Append(P(l.Economy));
                sb.Append(P($"Ủy ban nhân dân {l.Label} do Hội đồng nhân dân {l.Type} bầu, là cơ quan chấp hành của Hội đồng nhân dân, cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Hội đồng nhân dân {l.Type} và Ủy ban nhân dân tỉnh."));
                sb.Append(H2($"Lãnh đạo Ủy ban nhân dân {l.Type}")).Append(LeaderList());
                break;
        }
        sb.Append(H2("Thông tin liên hệ")).Append(ContactTable($"Thông tin liên hệ {spec.AgencyName}"));
        return sb.ToString();
    }

    private string Functions()
    {
        var s = spec.Sector;
        var sb = new StringBuilder();
        switch (spec.Tier)
        {
            case DemoTier.Department:
                sb.Append(P($"{spec.AgencyName} là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có chức năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về {s.Scope}."));
                break;
            case DemoTier.Portal:
                sb.Append(P("Ủy ban nhân dân tỉnh Đông Minh thực hiện nhiệm vụ, quyền hạn theo quy định tại Luật Tổ chức chính quyền địa phương năm 2025 và các văn bản pháp luật có liên quan, quản lý nhà nước về mọi lĩnh vực kinh tế - xã hội, quốc phòng, an ninh trên địa bàn tỉnh."));
                break;
            default:
                sb.Append(P($"Ủy ban nhân dân {Label} là cơ quan hành chính nhà nước ở địa phương, thực hiện nhiệm vụ, quyền hạn theo quy định tại Luật Tổ chức chính quyền địa phương năm 2025, quản lý nhà nước về {s.Scope}."));
                break;
        }
        sb.Append(H2("Nhiệm vụ và quyền hạn")).Append(Ol(s.Duties));
        sb.Append(H2("Cơ cấu tổ chức"));
        sb.Append("<ul>");
        foreach (var u in units) AppendUnit(sb, u, en: false);
        sb.Append("</ul>");
        if (spec.Tier == DemoTier.Department)
        {
            var n = 10 + DemoSites.All().ToList().FindIndex(x => x.Slug == spec.Slug);
            sb.Append(P($"Căn cứ: Quyết định số {n}/2025/QĐ-UBND ngày 27/02/2025 của Ủy ban nhân dân tỉnh Đông Minh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {spec.AgencyName}."));
        }
        return sb.ToString();
    }

    private static void AppendUnit(StringBuilder sb, UnitSpec u, bool en)
    {
        sb.Append("<li><strong>").Append(Html(en ? u.NameEn : u.Name)).Append("</strong>: ").Append(Html(en ? u.FunctionsEn : u.Functions));
        if (u.Children is { Length: > 0 })
        {
            sb.Append("<ul>");
            foreach (var c in u.Children) AppendUnit(sb, c, en);
            sb.Append("</ul>");
        }
        sb.Append("</li>");
    }

    private string History()
    {
        if (spec.Tier == DemoTier.Department) return string.Concat(spec.Sector.History.Select(P));
        var l = Loc!;
        var sb = new StringBuilder(string.Concat(l.HistoryNotes.Select(P)));
        if (spec.Tier == DemoTier.Commune)
            sb.Append(P($"Ngày 01/7/2025, {l.Label} được thành lập trên cơ sở sắp xếp {l.FormedFrom} theo Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đông Minh năm 2025; đồng thời kết thúc hoạt động của cấp huyện."));
        if (spec.Tier == DemoTier.Portal)
            sb.Append(P("Trải qua các thời kỳ, Đảng bộ và nhân dân tỉnh Đông Minh đã phát huy truyền thống đoàn kết, vượt qua khó khăn, xây dựng quê hương ngày càng phát triển; đời sống vật chất, tinh thần của nhân dân không ngừng được nâng lên."));
        return sb.ToString();
    }

    private static string NaturalConditions(Locality l)
    {
        var density = (int)Math.Round(l.Population / (double)l.AreaKm2);
        var sb = new StringBuilder();
        sb.Append(H2("Vị trí địa lý"));
        sb.Append(P($"{Cap(l.Label)} có vị trí: phía Bắc giáp {l.Borders[0]}; phía Đông giáp {l.Borders[1]}; phía Nam giáp {l.Borders[2]}; phía Tây giáp {l.Borders[3]}."));
        sb.Append(H2("Diện tích và địa hình"));
        sb.Append(P($"Tổng diện tích tự nhiên {Dec((double)l.AreaKm2, 2)} km². {l.Terrain}"));
        sb.Append(H2("Khí hậu, thủy văn")).Append(P(l.Climate));
        sb.Append(H2("Dân số")).Append(P($"Dân số {Num(l.Population)} người, mật độ khoảng {Num(density)} người/km². {l.People}"));
        sb.Append(H2("Kinh tế")).Append(P(l.Economy));
        return sb.ToString();
    }

    private static string Culture(Locality l)
    {
        var sb = new StringBuilder();
        sb.Append(P($"{Cap(l.Label)} là vùng đất giàu truyền thống lịch sử, văn hóa; nhân dân cần cù, sáng tạo, đoàn kết, đã góp phần xây dựng và bảo vệ quê hương."));
        sb.Append(H2("Di tích, danh thắng")).Append(Ul(l.Relics));
        sb.Append(H2("Lễ hội truyền thống")).Append(Ul(l.Festivals));
        if (l.Highland)
            sb.Append(P("Không gian văn hóa cồng chiêng Tây Nguyên, được UNESCO ghi danh là Di sản văn hóa phi vật thể đại diện của nhân loại, được đồng bào các dân tộc gìn giữ qua các lễ hội truyền thống, các đội cồng chiêng ở buôn làng."));
        if (l.Coastal)
            sb.Append(P("Tín ngưỡng thờ cá Ông và lễ hội Cầu ngư là nét văn hóa đặc sắc của cư dân ven biển, thể hiện ước vọng mưa thuận gió hòa, ra khơi bình an, mùa cá bội thu."));
        sb.Append(P("Các di tích, lễ hội đang được bảo tồn, phát huy giá trị gắn với phát triển du lịch, góp phần nâng cao đời sống tinh thần của nhân dân."));
        return sb.ToString();
    }

    private string BoundaryMap(Locality l)
    {
        var province = spec.Tier == DemoTier.Portal;
        var noun = province ? "đơn vị hành chính cấp xã" : HamletNoun(l);
        var count = province ? 102 : l.Hamlets.Length;
        var sb = new StringBuilder();
        sb.Append(P($"{Cap(l.Label)} có diện tích tự nhiên {Dec((double)l.AreaKm2, 2)} km², gồm {count} {noun}. Bản đồ dưới đây thể hiện ranh giới hành chính, hệ thống sông, đường giao thông chính và vị trí trụ sở {(province ? "trung tâm hành chính tỉnh" : "Ủy ban nhân dân")}."));
        var file = province ? "/assets/demo/ban-do-tinh.svg" : "/assets/demo/ban-do-xa.svg";
        var alt = province
            ? "Bản đồ hành chính tỉnh Đông Minh: ranh giới tỉnh, các xã, phường tiêu biểu, sông Minh Giang và bờ Biển Đông"
            : $"Bản đồ địa giới hành chính {l.Label}, tỉnh Đông Minh: ranh giới {l.Type}, các {noun}, đường tỉnh, sông và vị trí trụ sở Ủy ban nhân dân";
        sb.Append($"<figure><img src=\"{file}\" alt=\"{Html(alt)}\" width=\"800\" height=\"600\"><figcaption>{Html($"Bản đồ địa giới hành chính {l.Label} (bản đồ minh họa, không dùng để xác định ranh giới pháp lý)")}</figcaption></figure>");
        if (province)
        {
            Locality[] sample = [Localities.DongHoa, Localities.MinhKhai, Localities.TanPhu, Localities.HoaBinh, Localities.DakSon, Localities.QuangThanh];
            sb.Append(Table("Một số đơn vị hành chính cấp xã", ["Xã, phường", "Diện tích (km²)", "Dân số (người)"],
                sample.Select(x => new[] { Cap(x.Label), Dec((double)x.AreaKm2, 2), Num(x.Population) })));
        }
        else
        {
            var shares = l.Hamlets.Select(_ => 0.6 + r.NextDouble()).ToArray();
            var total = shares.Sum();
            sb.Append(Table($"Các {noun} của {l.Label}", [Cap(noun), "Diện tích (km²)", "Số hộ"],
                l.Hamlets.Select((n, i) => new[]
                {
                    n, Dec((double)l.AreaKm2 * shares[i] / total, 2), Num((long)(l.Population / 3.9 * shares[i] / total)),
                })));
        }
        return sb.ToString();
    }

    private static string HamletNoun(Locality l) =>
        l.Type == "phường" ? (l.Hamlets[0].StartsWith("Khu phố", StringComparison.Ordinal) ? "khu phố" : "tổ dân phố")
        : l.Hamlets.Any(h => h.StartsWith("Buôn", StringComparison.Ordinal)) ? "thôn, buôn" : "thôn";

    private string AccessToInformation()
    {
        var focal = people.Contact("access");
        var sb = new StringBuilder();
        sb.Append(P($"Thực hiện Luật Tiếp cận thông tin năm 2016 và Nghị định số 13/2018/NĐ-CP ngày 23/01/2018 của Chính phủ quy định chi tiết và biện pháp thi hành Luật Tiếp cận thông tin, {spec.AgencyName} công khai thông tin và bảo đảm quyền tiếp cận thông tin của công dân."));
        sb.Append(H2("Thông tin được công khai trên trang"));
        sb.Append(Ul([
            "Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung (mục Văn bản).",
            "Thủ tục hành chính, dịch vụ công trực tuyến (liên kết tới Cổng Dịch vụ công quốc gia và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh).",
            "Chiến lược, chương trình, kế hoạch, quy hoạch (chuyên mục Quy hoạch, kế hoạch).",
            "Dự toán, quyết toán ngân sách, báo cáo tài chính năm (chuyên mục Công khai ngân sách).",
            "Danh mục dự án đầu tư công, kế hoạch lựa chọn nhà thầu, mua sắm công.",
            "Chức năng, nhiệm vụ, cơ cấu tổ chức, thông tin liên hệ của cán bộ đầu mối.",
            "Dự thảo văn bản cần lấy ý kiến của tổ chức, cá nhân.",
        ]));
        sb.Append(H2("Cung cấp thông tin theo yêu cầu"));
        sb.Append(P($"Công dân có yêu cầu cung cấp thông tin chưa được công khai gửi Phiếu yêu cầu cung cấp thông tin trực tiếp, qua dịch vụ bưu chính, fax hoặc thư điện tử đến {people.OfficeName} – đơn vị đầu mối cung cấp thông tin của {spec.Short}. Thời hạn giải quyết thực hiện theo quy định của Luật Tiếp cận thông tin."));
        var rows = new List<(string, string)>
        {
            ("Đơn vị đầu mối", $"{people.OfficeName}, {spec.AgencyName}"),
            ("Địa chỉ", spec.Address),
        };
        if (focal is not null)
        {
            rows.Add(("Cán bộ đầu mối", $"{focal.Person.FullName}, {focal.Title}"));
            rows.Add(("Điện thoại", focal.Phone));
            rows.Add(("Thư điện tử", focal.Person.Email));
        }
        else
        {
            rows.Add(("Điện thoại", spec.Phone));
            rows.Add(("Thư điện tử", spec.Email));
        }
        sb.Append(Facts("Đầu mối cung cấp thông tin", rows));
        return sb.ToString();
    }

    private string Privacy()
    {
        var sb = new StringBuilder();
        sb.Append(P($"{spec.AgencyName} tôn trọng và bảo vệ dữ liệu cá nhân của người sử dụng {spec.Name}, theo quy định của Luật Bảo vệ dữ liệu cá nhân năm 2025, Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân và các văn bản hướng dẫn."));
        sb.Append(H2("Dữ liệu được thu thập"));
        sb.Append(Ul([
            "Họ tên, địa chỉ thư điện tử, số điện thoại do người dùng tự cung cấp khi gửi câu hỏi, góp ý dự thảo văn bản, phản ánh, kiến nghị.",
            "Nhật ký truy cập kỹ thuật (địa chỉ IP, thời gian truy cập, trình duyệt) phục vụ bảo đảm an toàn thông tin, lưu giữ tối đa 12 tháng.",
            "Trang chỉ sử dụng cookie kỹ thuật cần thiết; không sử dụng cookie quảng cáo, không theo dõi người dùng cho mục đích thương mại.",
        ]));
        sb.Append(H2("Mục đích xử lý"));
        sb.Append(P("Dữ liệu chỉ được sử dụng để trả lời, xử lý yêu cầu của người dùng, tổng hợp ý kiến góp ý và bảo đảm an toàn hệ thống; không cung cấp cho bên thứ ba, trừ trường hợp pháp luật có quy định."));
        sb.Append(H2("Quyền của chủ thể dữ liệu"));
        sb.Append(P("Người dùng có quyền được biết, đồng ý, truy cập, yêu cầu chỉnh sửa, xóa, hạn chế xử lý dữ liệu cá nhân của mình và rút lại sự đồng ý theo quy định của pháp luật."));
        sb.Append(H2("Liên hệ"));
        sb.Append(P($"Mọi yêu cầu liên quan đến dữ liệu cá nhân xin gửi về {people.OfficeName}, {spec.AgencyName}; địa chỉ: {spec.Address}; điện thoại: {spec.Phone}; thư điện tử: {spec.Email}."));
        return sb.ToString();
    }

    // ------------------------------------------------------------ English

    private string AgencyEn => spec.Tier switch
    {
        DemoTier.Portal => "The Dong Minh Provincial People's Committee",
        DemoTier.Department => "The " + spec.NameEn,
        _ => "The " + spec.NameEn,
    };

    private string LeaderListEn() => Ul(people.Leaders.Select(l => $"{l.TitleEn}: {l.Person.FullName}"));

    private string ContactTableEn() => Facts("Contact",
    [
        ("Address", spec.Address),
        ("Telephone", spec.Phone),
        ("Fax", spec.Fax),
        ("Email", spec.Email),
        ("Website", spec.HomeUrl),
    ]);

    private string OverviewEn()
    {
        var sb = new StringBuilder();
        switch (spec.Tier)
        {
            case DemoTier.Department:
                sb.Append(P($"{AgencyEn} is a specialised agency of the Dong Minh Provincial People's Committee. It advises the Committee on state management of {spec.Sector.ScopeEn}."));
                sb.Append(P($"It has legal status, its own seal and accounts, and is professionally guided by the {spec.Sector.MinistryEn}."));
                break;
            case DemoTier.Portal:
                var pr = Localities.Province;
                sb.Append(P($"Dong Minh is a province of Viet Nam stretching from the Central Highlands to the South Central Coast, with a natural area of {pr.AreaKm2.ToString("#,0.00", Invariant)} km² and a population of about {pr.Population.ToString("#,0", Invariant)}."));
                sb.Append(P("Since 1 July 2025 the province has 102 communes and wards under a two-tier local government. The Provincial People's Committee is elected by the Provincial People's Council and is the state administrative body of the province."));
                sb.Append(P(pr.EconomyEn));
                break;
            default:
                var l = Loc!;
                sb.Append(P($"{AgencyEn} is the state administrative body of {l.PlaceNameEn} {(l.Type == "phường" ? "Ward" : "Commune")}, Dong Minh Province, established on 1 July 2025 when the communes of the province were reorganised. The area is {l.AreaKm2.ToString("0.00", Invariant)} km² with a population of {l.Population.ToString("#,0", Invariant)}."));
                sb.Append(P(l.EconomyEn));
                break;
        }
        sb.Append(H2("Leadership")).Append(LeaderListEn());
        sb.Append(H2("Contact")).Append(ContactTableEn());
        return sb.ToString();
    }

    private string FunctionsEn()
    {
        var sb = new StringBuilder();
        sb.Append(P(spec.Tier switch
        {
            DemoTier.Department => $"{AgencyEn} advises the Provincial People's Committee on state management of {spec.Sector.ScopeEn}.",
            DemoTier.Portal => "The Provincial People's Committee exercises the duties and powers set out in the Law on the Organisation of Local Government (2025) over all economic, social, defence and security matters of the province.",
            _ => $"{AgencyEn} exercises the duties and powers set out in the Law on the Organisation of Local Government (2025) over the {spec.Sector.ScopeEn}.",
        }));
        sb.Append(H2("Duties and powers")).Append(Ol(spec.Sector.DutiesEn));
        sb.Append(H2("Organisational structure")).Append("<ul>");
        foreach (var u in units) AppendUnit(sb, u, en: true);
        sb.Append("</ul>");
        var contacts = people.Contacts;
        if (contacts.Count > 0)
        {
            sb.Append(H2("Contact officials"));
            sb.Append(Table("Contact officials", ["Name", "Title", "Responsibility", "Telephone", "Email"],
                contacts.Select(c => new[] { c.Person.FullName, c.TitleEn, c.ResponsibilityEn, c.Phone, c.Person.Email })));
        }
        return sb.ToString();
    }

    private static string HistoryPortalEn() =>
        P("Dong Minh Province was re-established on 1 January 1992. On 1 July 2025, following the 2025 reorganisation of provincial administrative units, it was formed by merging the former Dong Minh and Nam Son provinces; the administrative centre is in Dong Hoa Ward.")
        + P("The province is home to 49 ethnic groups and is known for its coffee, pepper and durian, its fishing grounds and its gong culture, part of the UNESCO-listed Space of Gong Culture in the Central Highlands.");
}

/// <summary>Which page kinds a site of a given kind carries: overview and privacy always, the rest from the catalogue.</summary>
internal static class DemoPageKinds
{
    public static IReadOnlyList<PageKind> For(Catalogue.Catalogue catalogue, string kindCode)
    {
        var kind = catalogue.Kind(kindCode);
        var wanted = new HashSet<string> { "overview", "privacy" };
        if (kind is not null)
        {
            var items = kind.Items.ToHashSet();
            foreach (var item in catalogue.ContentItems.Where(i => items.Contains(i.Id)))
                foreach (var c in item.Carriers)
                    if (c.StartsWith("page:", StringComparison.Ordinal)) wanted.Add(c["page:".Length..]);
        }
        return catalogue.PageKinds.Where(p => wanted.Contains(p.Code)).ToList();
    }
}
