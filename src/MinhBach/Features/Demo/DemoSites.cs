namespace MinhBach.Features.Demo;

/// <summary>Facts of the fictional province used across all demo texts.</summary>
internal static class DemoProvinceFacts
{
    public const string Domain = "dongminh.gov.vn";
    public const string Province = "tỉnh Đông Minh";
    public const string Committee = "Ủy ban nhân dân tỉnh Đông Minh";
    public const string CommitteeShort = "UBND tỉnh Đông Minh";
    public const string Council = "Hội đồng nhân dân tỉnh Đông Minh";
    public const string Newspaper = "Báo Đông Minh";
    public const string NewspaperUrl = "https://baodongminh.vn";
    /// <summary>Fictional area code: the demo must not print anybody's real number.</summary>
    public const string AreaCode = "0279";
    /// <summary>Two-tier local government: districts ended, merged communes started.</summary>
    public static readonly DateOnly TwoTierSince = new(2025, 7, 1);
    public static readonly DateOnly DepartmentsMergedOn = new(2025, 3, 1);

    /// <summary>Communes and wards of the province named in texts, beyond those that have a demo site.</summary>
    public static readonly string[] OtherCommunes =
        ["xã Phú Lộc", "xã Thanh Sơn", "xã Xuân Lâm", "xã An Phước", "xã Hải Ninh", "phường Tân Lập", "phường Bắc Hà", "xã Ea Minh", "xã Sơn Thành", "xã Phước An"];
}

internal static class DemoSites
{
    private static string Tel(int n) => $"{DemoProvinceFacts.AreaCode} {3850 + n / 1000:0000} {n % 1000:000}";

    /// <summary>All demo sites, in creation order: portal, departments, communes, the merged district.</summary>
    public static IReadOnlyList<SiteSpec> All()
    {
        var list = new List<SiteSpec>
        {
            new()
            {
                Slug = "", Tier = DemoTier.Portal, KindCode = "provincial-portal",
                Name = "Cổng thông tin điện tử tỉnh Đông Minh", AgencyName = DemoProvinceFacts.Committee,
                NameEn = "Dong Minh Provincial People's Committee", Short = "UBND tỉnh", ShortName = "Cổng TTĐT tỉnh Đông Minh",
                Hosts = [DemoProvinceFacts.Domain, "www." + DemoProvinceFacts.Domain], Theme = "do", DocCode = "UBND", MailName = "ubnd",
                Sector = DemoSectors.Province, Locality = Localities.Province,
                Address = "Số 01 Trần Hưng Đạo, phường Đông Hòa, tỉnh Đông Minh", Phone = Tel(2001), Fax = Tel(2009),
                ArticleCount = 540, DocumentCount = 300, EmcEnabled = true, EmcSiteId = "1201",
                Description = "Kênh thông tin chính thức của Ủy ban nhân dân tỉnh Đông Minh trên Internet.",
            },
        };

        (string Slug, string Short, string En, string Host, string Code, Sector Sector, string Address, string Theme, DemoGap Gaps)[] departments =
        [
            ("so-khcn", "Sở Khoa học và Công nghệ", "Department of Science and Technology", "sokhcn", "SKHCN", DemoSectors.ScienceTechnology, "Số 15 Lê Duẩn, phường Đông Hòa", "xanh", DemoGap.None),
            ("so-tai-chinh", "Sở Tài chính", "Department of Finance", "sotaichinh", "STC", DemoSectors.Finance, "Số 08 Hùng Vương, phường Đông Hòa", "luc", DemoGap.NoEmc),
            ("so-noi-vu", "Sở Nội vụ", "Department of Home Affairs", "sonoivu", "SNV", DemoSectors.HomeAffairs, "Số 22 Nguyễn Tất Thành, phường Đông Hòa", "tim", DemoGap.None),
            ("so-xay-dung", "Sở Xây dựng", "Department of Construction", "soxaydung", "SXD", DemoSectors.Construction, "Số 36 Lê Lợi, phường Minh Khai", "do",
                DemoGap.StaleNews | DemoGap.SomeArticlesWithoutAuthor),
            ("so-y-te", "Sở Y tế", "Department of Health", "soyte", "SYT", DemoSectors.Health, "Số 05 Phan Chu Trinh, phường Đông Hòa", "xanh", DemoGap.LeadersWithoutBiography),
            ("so-gddt", "Sở Giáo dục và Đào tạo", "Department of Education and Training", "sogddt", "SGDĐT", DemoSectors.Education, "Số 12 Quang Trung, phường Đông Hòa", "luc", DemoGap.None),
            ("so-nnmt", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", "sonnmt", "SNNMT", DemoSectors.AgricultureEnvironment, "Số 48 Nguyễn Huệ, phường Minh Khai", "luc", DemoGap.None),
            ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism", "sovhttdl", "SVHTTDL", DemoSectors.Culture, "Số 09 Võ Thị Sáu, phường Đông Hòa", "tim", DemoGap.NoBudgetCategory),
            ("so-tu-phap", "Sở Tư pháp", "Department of Justice", "sotuphap", "STP", DemoSectors.Justice, "Số 27 Lý Thường Kiệt, phường Đông Hòa", "do", DemoGap.NoEnglish),
            ("so-cong-thuong", "Sở Công Thương", "Department of Industry and Trade", "socongthuong", "SCT", DemoSectors.IndustryTrade, "Số 31 Hai Bà Trưng, phường Minh Khai", "xanh", DemoGap.None),
        ];
        var i = 0;
        foreach (var d in departments)
        {
            i++;
            list.Add(new SiteSpec
            {
                Slug = d.Slug, Tier = DemoTier.Department, KindCode = "department",
                Name = $"Trang thông tin điện tử {d.Short} tỉnh Đông Minh", AgencyName = $"{d.Short} tỉnh Đông Minh",
                NameEn = $"Dong Minh {d.En}", Short = d.Short, ShortName = d.Short,
                Hosts = [$"{d.Host}.{DemoProvinceFacts.Domain}"], Theme = d.Theme, DocCode = d.Code, MailName = d.Host,
                Sector = d.Sector, Address = $"{d.Address}, tỉnh Đông Minh", Phone = Tel(2100 + i * 37), Fax = Tel(2100 + i * 37 + 9),
                ArticleCount = 120 + (i * 7 % 25), DocumentCount = 70 + (i * 13 % 50), Gaps = d.Gaps,
                EmcEnabled = !d.Gaps.HasFlag(DemoGap.NoEmc), EmcSiteId = d.Slug == "so-khcn" ? "1234" : $"{1300 + i}",
                Description = $"Trang thông tin điện tử của {d.Short} tỉnh Đông Minh, trang thành phần của Cổng thông tin điện tử tỉnh.",
                FormerShort = d.Slug == "so-nnmt" ? "Sở Nông nghiệp và Phát triển nông thôn" : null,
            });
        }

        (string Slug, Locality L, string Host, string Theme, DemoGap Gaps, int Articles)[] communes =
        [
            ("xa-tan-phu", Localities.TanPhu, "tanphu", "luc", DemoGap.None, 64),
            ("phuong-dong-hoa", Localities.DongHoa, "donghoa", "do", DemoGap.None, 70),
            ("xa-dak-son", Localities.DakSon, "dakson", "tim", DemoGap.None, 58),
            ("xa-hoa-binh", Localities.HoaBinh, "hoabinh", "xanh", DemoGap.None, 56),
            ("phuong-minh-khai", Localities.MinhKhai, "minhkhai", "xanh", DemoGap.NoContacts, 62),
            ("xa-quang-thanh", Localities.QuangThanh, "quangthanh", "luc", DemoGap.NoSchedule | DemoGap.NoBoundaryMap, 55),
        ];
        i = 0;
        foreach (var c in communes)
        {
            i++;
            var typeCap = c.L.Type == "phường" ? "Phường" : "Xã";
            var typeEn = c.L.Type == "phường" ? "Ward" : "Commune";
            list.Add(new SiteSpec
            {
                Slug = c.Slug, Tier = DemoTier.Commune, KindCode = "commune",
                Name = $"Trang thông tin điện tử {c.L.Label}", AgencyName = $"Ủy ban nhân dân {c.L.Label}",
                NameEn = $"{c.L.PlaceNameEn} {typeEn} People's Committee", Short = $"UBND {c.L.Label}", ShortName = $"{typeCap} {c.L.PlaceName}",
                Hosts = [$"{c.Host}.{DemoProvinceFacts.Domain}"], Theme = c.Theme, DocCode = "UBND", MailName = c.Host,
                Sector = DemoSectors.Commune, Locality = c.L,
                Address = $"{c.L.Hamlets[0]}, {c.L.Label}, tỉnh Đông Minh", Phone = Tel(3100 + i * 41), Fax = Tel(3100 + i * 41 + 9),
                ArticleCount = c.Articles, DocumentCount = 40 + (i * 7 % 21), Gaps = c.Gaps,
                EmcEnabled = !c.Gaps.HasFlag(DemoGap.NoEmc), EmcSiteId = $"{1400 + i}",
                Description = $"Trang thông tin điện tử của Ủy ban nhân dân {c.L.Label}, tỉnh Đông Minh.",
            });
        }

        list.Add(new SiteSpec
        {
            Slug = "huyen-krong-ana", Tier = DemoTier.District, KindCode = "district",
            Name = "Trang thông tin điện tử huyện Krông Ana", AgencyName = "Ủy ban nhân dân huyện Krông Ana",
            NameEn = "Krong Ana District People's Committee (former)", Short = "UBND huyện Krông Ana", ShortName = "Huyện Krông Ana (cũ)",
            Hosts = [$"krongana.{DemoProvinceFacts.Domain}"], Theme = "do", DocCode = "UBND", MailName = "krongana",
            Sector = DemoSectors.Commune, Locality = Localities.KrongAna,
            Address = "Số 02 Hùng Vương, thị trấn Krông Ana (cũ), tỉnh Đông Minh", Phone = Tel(3900), Fax = Tel(3909),
            ArticleCount = 24, DocumentCount = 14, MergedInto = "xa-dak-son",
            Description = "Trang thông tin điện tử của huyện Krông Ana (đã kết thúc hoạt động từ ngày 01/7/2025; nội dung chuyển về Trang thông tin điện tử xã Đắk Sơn).",
        });
        return list;
    }
}

internal static class Localities
{
    public static readonly Locality Province = new()
    {
        Type = "tỉnh", PlaceName = "Đông Minh", PlaceNameEn = "Dong Minh", AreaKm2 = 13_070.52m, Population = 2_416_930,
        Borders = ["tỉnh Gia Lai", "Biển Đông", "tỉnh Khánh Hòa và tỉnh Lâm Đồng", "Vương quốc Campuchia"],
        Terrain = "Địa hình thấp dần từ Tây sang Đông: phía Tây là cao nguyên bazan có độ cao trung bình 400–800 m, ở giữa là vùng đồi thấp và thung lũng sông Minh Giang, phía Đông là đồng bằng ven biển với bờ biển dài khoảng 120 km, nhiều đầm, vịnh và bãi cát đẹp.",
        Climate = "Khí hậu nhiệt đới gió mùa, chia hai mùa rõ rệt: mùa mưa từ tháng 5 đến tháng 11, mùa khô từ tháng 12 đến tháng 4 năm sau. Nhiệt độ trung bình năm 24–27°C; lượng mưa trung bình 1.700–2.100 mm/năm.",
        Economy = "Cơ cấu kinh tế gồm nông, lâm nghiệp, thủy sản; công nghiệp chế biến, năng lượng tái tạo; thương mại, dịch vụ và du lịch. Tỉnh là vùng trồng cà phê, hồ tiêu, sầu riêng lớn và có ngư trường đánh bắt xa bờ quan trọng của khu vực Nam Trung Bộ.",
        EconomyEn = "Agriculture (coffee, pepper, durian), fisheries, food processing, renewable energy, trade and tourism.",
        People = "Toàn tỉnh có 49 dân tộc cùng sinh sống, trong đó dân tộc Kinh chiếm khoảng 68%, các dân tộc Ê Đê, M'nông, Gia Rai, Chăm và các dân tộc khác chiếm khoảng 32%.",
        Hamlets = ["phường Đông Hòa", "phường Minh Khai", "xã Tân Phú", "xã Hòa Bình", "xã Đắk Sơn", "xã Quảng Thành"],
        Relics = ["Di tích quốc gia Nhà ngục Đông Minh", "Tháp Chăm Yang Minh (di tích quốc gia đặc biệt)", "Đình làng Tân Phú", "Thác Đắk Sơn", "Gành Đá Thành và Hải đăng Mũi Thành"],
        Festivals = ["Lễ hội Văn hóa cồng chiêng tỉnh Đông Minh (2 năm một lần)", "Lễ hội Cầu ngư của ngư dân ven biển", "Lễ hội đua thuyền truyền thống trên sông Minh Giang dịp Tết Nguyên đán", "Lễ mừng lúa mới của đồng bào Ê Đê, M'nông"],
        FormedFrom = "tỉnh Đông Minh và tỉnh Nam Sơn (cũ)",
        HistoryNotes = [
            "Vùng đất Đông Minh có lịch sử hình thành lâu đời, là nơi giao thoa giữa văn hóa các dân tộc Tây Nguyên và văn hóa cư dân ven biển Nam Trung Bộ. Dấu tích tháp Chăm Yang Minh và các di chỉ khảo cổ ven sông Minh Giang cho thấy nơi đây có cư dân sinh sống từ rất sớm.",
            "Trong hai cuộc kháng chiến chống thực dân Pháp và đế quốc Mỹ, quân và dân Đông Minh đã lập nên nhiều chiến công, được Nhà nước tuyên dương danh hiệu Anh hùng Lực lượng vũ trang nhân dân.",
            "Tỉnh Đông Minh được tái lập ngày 01/01/1992. Ngày 12/6/2025, Quốc hội thông qua Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh; theo đó, từ ngày 01/7/2025, tỉnh Đông Minh được hình thành trên cơ sở hợp nhất tỉnh Đông Minh và tỉnh Nam Sơn (cũ), trung tâm hành chính đặt tại phường Đông Hòa.",
            "Cùng với việc kết thúc hoạt động của cấp huyện, tỉnh Đông Minh có 102 đơn vị hành chính cấp xã, gồm 88 xã và 14 phường, vận hành mô hình chính quyền địa phương hai cấp từ ngày 01/7/2025.",
        ],
        Highland = true, Coastal = true,
    };

    public static readonly Locality TanPhu = new()
    {
        Type = "xã", PlaceName = "Tân Phú", PlaceNameEn = "Tan Phu", AreaKm2 = 68.42m, Population = 24_310,
        Borders = ["xã Hòa Bình", "phường Minh Khai", "xã Phú Lộc", "xã Thanh Sơn"],
        Terrain = "Địa hình tương đối bằng phẳng, xen kẽ đồi thấp ở phía Tây; đất phù sa ven sông Minh Giang thích hợp trồng lúa nước và cây ăn quả.",
        Climate = "Khí hậu nhiệt đới gió mùa; nhiệt độ trung bình 26°C, lượng mưa trung bình 1.850 mm/năm, mùa mưa từ tháng 5 đến tháng 11.",
        Economy = "Kinh tế chủ yếu là nông nghiệp với lúa nước, sầu riêng, bưởi da xanh và chăn nuôi; Cụm công nghiệp Tân Phú đang được đầu tư hạ tầng.",
        EconomyEn = "Rice, fruit (durian, pomelo) and livestock; the Tan Phu industrial cluster is under development.",
        People = "Dân cư chủ yếu là người Kinh, một bộ phận đồng bào Tày, Nùng từ các tỉnh phía Bắc vào lập nghiệp.",
        Hamlets = ["Thôn Phú Mỹ", "Thôn Tân Lợi", "Thôn Xuân Đông", "Thôn Phú Thọ", "Thôn Tân An", "Thôn Phú Xuân", "Thôn Đồng Tâm", "Thôn Tân Hòa"],
        Relics = ["Đình làng Tân Phú (di tích lịch sử - văn hóa cấp tỉnh)", "Chùa Phú Xuân", "Bia tưởng niệm liệt sĩ xã Tân Phú"],
        Festivals = ["Lễ hội Đình làng Tân Phú vào rằm tháng Giêng", "Hội thi nấu cơm niêu dịp Tết"],
        FormedFrom = "xã Tân Phú, xã Tân Lợi và xã Phú Xuân",
        HistoryNotes = [
            "Vùng đất Tân Phú được khai phá từ cuối thế kỷ XIX bởi những lưu dân từ miền Trung vào lập làng ven sông Minh Giang.",
            "Trong kháng chiến, Tân Phú là căn cứ cách mạng của huyện; nhiều người con của quê hương đã anh dũng hy sinh vì độc lập, tự do của Tổ quốc.",
        ],
    };

    public static readonly Locality DongHoa = new()
    {
        Type = "phường", PlaceName = "Đông Hòa", PlaceNameEn = "Dong Hoa", AreaKm2 = 18.63m, Population = 56_840,
        Borders = ["phường Bắc Hà", "phường Minh Khai", "xã Phú Lộc", "phường Tân Lập"],
        Terrain = "Địa hình bằng phẳng, là đô thị trung tâm của tỉnh, có sông Minh Giang chảy qua phía Nam.",
        Climate = "Khí hậu nhiệt đới gió mùa; nhiệt độ trung bình 26,5°C, lượng mưa trung bình 1.750 mm/năm.",
        Economy = "Thương mại, dịch vụ, tài chính, ngân hàng là thế mạnh; trên địa bàn có Trung tâm hành chính tỉnh, Chợ Trung tâm Đông Hòa và nhiều trung tâm thương mại.",
        EconomyEn = "Trade, services, finance and banking; seat of the provincial administrative centre.",
        People = "Dân cư đông đúc, chủ yếu là người Kinh; một bộ phận người Hoa sinh sống lâu đời tại khu vực chợ.",
        Hamlets = ["Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 5", "Tổ dân phố 7", "Tổ dân phố 8", "Tổ dân phố 11", "Tổ dân phố 14"],
        Relics = ["Di tích quốc gia Nhà ngục Đông Minh", "Quảng trường Trung tâm tỉnh", "Chùa Khánh Hòa"],
        Festivals = ["Lễ hội Đường phố Đông Hòa dịp Quốc khánh 2/9", "Hội hoa xuân bên sông Minh Giang"],
        FormedFrom = "phường Đông Hòa, phường Thắng Lợi và phường Tân Tiến",
        HistoryNotes = [
            "Đông Hòa hình thành từ khu chợ ven sông Minh Giang đầu thế kỷ XX, dần trở thành trung tâm chính trị, kinh tế, văn hóa của tỉnh.",
            "Nhà ngục Đông Minh do thực dân Pháp xây dựng năm 1930, là nơi giam cầm nhiều chiến sĩ cách mạng, nay là di tích lịch sử quốc gia.",
        ],
    };

    public static readonly Locality DakSon = new()
    {
        Type = "xã", PlaceName = "Đắk Sơn", PlaceNameEn = "Dak Son", AreaKm2 = 182.56m, Population = 31_450,
        Borders = ["xã Ea Minh", "xã Thanh Sơn", "xã Sơn Thành", "Vương quốc Campuchia"],
        Terrain = "Địa hình cao nguyên bazan lượn sóng, độ cao trung bình 500–650 m, có nhiều suối và thác nước; đất đỏ bazan màu mỡ.",
        Climate = "Khí hậu cao nguyên, mát mẻ quanh năm; nhiệt độ trung bình 23,5°C, lượng mưa trung bình 1.950 mm/năm.",
        Economy = "Kinh tế chủ yếu là cây công nghiệp dài ngày: cà phê, hồ tiêu, sầu riêng, mắc ca; du lịch sinh thái gắn với thác Đắk Sơn đang phát triển.",
        EconomyEn = "Coffee, pepper, durian and macadamia; eco-tourism around Dak Son waterfall.",
        People = "Đồng bào dân tộc thiểu số chiếm khoảng 38% dân số, chủ yếu là người Ê Đê, M'nông, cùng người Kinh và một số dân tộc phía Bắc.",
        Hamlets = ["Thôn 1", "Thôn 2", "Thôn 3", "Buôn Ea Sơn", "Buôn Tơ Lang", "Buôn Đắk Rơ", "Thôn Tân Sơn", "Thôn Đắk Minh"],
        Relics = ["Thác Đắk Sơn (danh thắng cấp tỉnh)", "Nhà dài truyền thống buôn Ea Sơn", "Khu căn cứ kháng chiến Đắk Sơn"],
        Festivals = ["Lễ mừng lúa mới của đồng bào Ê Đê", "Lễ cúng bến nước", "Hội thi đánh cồng chiêng các buôn"],
        FormedFrom = "xã Đắk Sơn, xã Ea Rông và thị trấn Krông Ana (thuộc huyện Krông Ana cũ)",
        HistoryNotes = [
            "Đắk Sơn là vùng đất cư trú lâu đời của đồng bào Ê Đê, M'nông với các buôn làng truyền thống bên dòng suối Đắk Sơn.",
            "Từ năm 1976, nhiều hộ dân từ các tỉnh miền Bắc, miền Trung lên xây dựng vùng kinh tế mới, cùng đồng bào tại chỗ khai hoang, phát triển cà phê.",
        ],
        Highland = true,
    };

    public static readonly Locality HoaBinh = new()
    {
        Type = "xã", PlaceName = "Hòa Bình", PlaceNameEn = "Hoa Binh", AreaKm2 = 54.18m, Population = 21_370,
        Borders = ["xã Xuân Lâm", "xã Tân Phú", "xã An Phước", "xã Thanh Sơn"],
        Terrain = "Địa hình đồng bằng ven sông Minh Giang, nhiều kênh rạch, ruộng lúa và bãi bồi.",
        Climate = "Khí hậu nhiệt đới gió mùa; nhiệt độ trung bình 26°C, lượng mưa trung bình 1.800 mm/năm; thường chịu ảnh hưởng của lũ vào tháng 10, tháng 11.",
        Economy = "Sản xuất lúa hai vụ, rau màu, nuôi cá nước ngọt và nghề đan lát truyền thống.",
        EconomyEn = "Double-crop rice, vegetables, freshwater fish and traditional weaving.",
        People = "Dân cư chủ yếu là người Kinh, sống tập trung ven sông và dọc các trục đường chính.",
        Hamlets = ["Thôn Hòa An", "Thôn Bình Thạnh", "Thôn Hòa Lộc", "Thôn Bình Định", "Thôn Hòa Đông", "Thôn Bình Tây"],
        Relics = ["Miếu Bà Hòa An", "Địa điểm Chiến thắng Bình Thạnh (di tích cấp tỉnh)", "Làng nghề đan lát Hòa Lộc"],
        Festivals = ["Lễ hội đua thuyền trên sông Minh Giang mùng 4 Tết", "Lễ cầu an đầu năm"],
        FormedFrom = "xã Hòa Bình, xã Hòa An và xã Bình Thạnh",
        HistoryNotes = [
            "Hòa Bình là vùng đất trù phú ven sông Minh Giang, được hình thành từ thế kỷ XVIII với nghề trồng lúa và đan lát.",
            "Chiến thắng Bình Thạnh năm 1968 là một trong những chiến công tiêu biểu của quân và dân địa phương.",
        ],
    };

    public static readonly Locality MinhKhai = new()
    {
        Type = "phường", PlaceName = "Minh Khai", PlaceNameEn = "Minh Khai", AreaKm2 = 12.35m, Population = 38_720,
        Borders = ["xã Hòa Bình", "phường Tân Lập", "phường Đông Hòa", "xã Tân Phú"],
        Terrain = "Địa hình bằng phẳng, đô thị phát triển dọc Quốc lộ và đường Hùng Vương.",
        Climate = "Khí hậu nhiệt đới gió mùa; nhiệt độ trung bình 26,4°C, lượng mưa trung bình 1.760 mm/năm.",
        Economy = "Thương mại, dịch vụ, tiểu thủ công nghiệp; có Chợ Minh Khai, bến xe phía Bắc và nhiều cơ sở sản xuất đồ gỗ.",
        EconomyEn = "Trade, services and small industry, including furniture workshops.",
        People = "Dân cư chủ yếu là người Kinh, mật độ dân số cao.",
        Hamlets = ["Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Khu phố 6", "Khu phố 9"],
        Relics = ["Đình Hòa Thuận", "Chợ Minh Khai (xây dựng năm 1936)"],
        Festivals = ["Hội chợ Xuân Minh Khai", "Lễ hội Đình Hòa Thuận"],
        FormedFrom = "phường Minh Khai, phường Hòa Thuận và một phần phường Tân Lập",
        HistoryNotes = [
            "Minh Khai hình thành quanh khu chợ cùng tên từ những năm 1930, là cửa ngõ phía Bắc của đô thị trung tâm tỉnh.",
        ],
    };

    public static readonly Locality QuangThanh = new()
    {
        Type = "xã", PlaceName = "Quảng Thành", PlaceNameEn = "Quang Thanh", AreaKm2 = 46.82m, Population = 27_640,
        Borders = ["xã Hải Ninh", "Biển Đông", "xã Phước An", "xã An Phước"],
        Terrain = "Địa hình ven biển với bờ biển dài 14 km, cồn cát, đầm nước lợ và mũi đá Gành Thành.",
        Climate = "Khí hậu nhiệt đới gió mùa ven biển; nhiệt độ trung bình 27°C, chịu ảnh hưởng trực tiếp của bão và áp thấp nhiệt đới từ tháng 9 đến tháng 12.",
        Economy = "Khai thác, nuôi trồng thủy sản, làm muối và du lịch biển; cảng cá Quảng Thành là nơi neo đậu của hơn 600 tàu cá.",
        EconomyEn = "Fishing, aquaculture, salt making and beach tourism.",
        People = "Dân cư chủ yếu là người Kinh, sống tập trung tại các làng chài ven biển.",
        Hamlets = ["Thôn Quảng Lợi", "Thôn An Hải", "Thôn Hải Đông", "Thôn Thành Công", "Thôn Gành Đá", "Thôn Tân Hải"],
        Relics = ["Lăng Ông Nam Hải", "Gành Đá Thành và Hải đăng Mũi Thành (danh thắng cấp tỉnh)"],
        Festivals = ["Lễ hội Cầu ngư tháng 3 âm lịch", "Lễ hội Nghinh Ông"],
        FormedFrom = "xã Quảng Thành, xã Quảng Lợi và xã An Hải",
        HistoryNotes = [
            "Các làng chài Quảng Thành được hình thành từ thế kỷ XVII, gắn với tín ngưỡng thờ cá Ông của ngư dân.",
        ],
        Coastal = true,
    };

    public static readonly Locality KrongAna = new()
    {
        Type = "huyện", PlaceName = "Krông Ana", PlaceNameEn = "Krong Ana", AreaKm2 = 356.10m, Population = 86_420,
        Borders = ["huyện Cư Minh (cũ)", "tỉnh Đông Minh (cũ)", "huyện Lắk Sơn (cũ)", "Vương quốc Campuchia"],
        Terrain = "Địa hình cao nguyên và thung lũng ven sông Krông Ana.",
        Climate = "Khí hậu cao nguyên nhiệt đới gió mùa.",
        Economy = "Nông nghiệp với lúa nước, cà phê, hồ tiêu.",
        EconomyEn = "Rice, coffee and pepper.",
        People = "Đồng bào Ê Đê, M'nông và người Kinh.",
        Hamlets = ["Thị trấn Krông Ana", "Xã Đắk Sơn", "Xã Ea Rông", "Xã Ea Minh"],
        Relics = ["Thác Đắk Sơn"],
        Festivals = ["Lễ mừng lúa mới"],
        FormedFrom = "",
        HistoryNotes = [
            "Huyện Krông Ana được thành lập năm 1981. Từ ngày 01/7/2025, thực hiện mô hình chính quyền địa phương hai cấp, huyện Krông Ana kết thúc hoạt động; địa bàn huyện được sắp xếp vào xã Đắk Sơn, xã Ea Minh và xã Sơn Thành.",
        ],
        Highland = true,
    };
}
