using MinhBach.Text;

namespace MinhBach.Features.Demo;

internal sealed record Person(string FullName, bool Female, string Email)
{
    /// <summary>Byline as newsrooms write it: "Thu Hà", "Nguyễn An".</summary>
    public string PenName
    {
        get
        {
            var parts = FullName.Split(' ');
            if (parts.Length < 3) return FullName;
            // Ê Đê names: "Y Phiên Niê" signs as "Y Phiên".
            if (parts[0] == "Y" || parts[0].StartsWith("H'", StringComparison.Ordinal)) return parts[0] == "Y" ? "Y " + parts[1] : parts[0];
            var middle = parts[^2];
            return middle is "Văn" or "Thị" ? parts[0] + " " + parts[^1] : middle + " " + parts[^1];
        }
    }
}

internal sealed class DemoLeader
{
    public required Person Person { get; init; }
    /// <summary>Title as the site itself shows it: "Phó Giám đốc Sở".</summary>
    public required string Title { get; init; }
    /// <summary>Title in running text of other sites: "Phó Giám đốc Sở Y tế".</summary>
    public required string TitleFull { get; init; }
    public required string TitleEn { get; init; }
    public required int Rank { get; init; }
    public required string Areas { get; init; }
    public required string AreasEn { get; init; }
    public required int BirthYear { get; init; }
    public required string Hometown { get; init; }
    public required string Degree { get; init; }
    public required string Phone { get; init; }
    public List<string> Supervises { get; } = [];
    public List<string> Localities { get; } = [];

    /// <summary>"đồng chí Trần Văn Bình, Phó Giám đốc Sở Y tế".</summary>
    public string Mention => $"đồng chí {Person.FullName}, {TitleFull}";
    /// <summary>"Phó Giám đốc Sở Y tế Trần Văn Bình".</summary>
    public string WithTitle => $"{TitleFull} {Person.FullName}";
}

internal sealed class DemoContact
{
    public required Person Person { get; init; }
    public required string Title { get; init; }
    public required string TitleEn { get; init; }
    public required string Unit { get; init; }
    public required string Responsibility { get; init; }
    public required string ResponsibilityEn { get; init; }
    public required string Phone { get; init; }
    /// <summary>"access", "spokesperson", "procedures", "website", "citizens".</summary>
    public required string Role { get; init; }
}

/// <summary>Everybody a demo site names: leaders, heads of units, focal points and article authors.</summary>
internal sealed class SitePeople
{
    public List<DemoLeader> Leaders { get; } = [];
    /// <summary>Head of each unit, by unit code.</summary>
    public Dictionary<string, Person> Heads { get; } = [];
    public Dictionary<string, string> UnitPhones { get; } = [];
    public List<DemoContact> Contacts { get; } = [];
    public List<string> Authors { get; } = [];
    public required Person Responsible { get; init; }
    public required string ResponsibleTitle { get; init; }
    public required Person OfficeChief { get; init; }
    public required string OfficeName { get; init; }

    public DemoLeader Head => Leaders[0];
    public DemoContact? Contact(string role) => Contacts.FirstOrDefault(c => c.Role == role);
}

/// <summary>Makes fictional names, unique across the whole province, with official mailboxes.</summary>
internal sealed class PeopleFactory
{
    private readonly HashSet<string> _names = [];
    private readonly HashSet<string> _mails = [];

    public Person Next(Random r, string mailName, bool? female = null, bool ede = false)
    {
        var isFemale = female ?? r.Chance(0.32);
        for (var attempt = 0; ; attempt++)
        {
            string name;
            if (ede && attempt < 20)
                name = (isFemale ? r.Pick(DemoText.EdeFemale) : r.Pick(DemoText.EdeMale)) + " " + r.Pick(DemoText.EdeClans);
            else
                name = r.Pick(DemoText.Families) + " "
                    + (isFemale ? r.Pick(DemoText.FemaleMiddles) : r.Pick(DemoText.MaleMiddles)) + " "
                    + (isFemale ? r.Pick(DemoText.FemaleGivens) : r.Pick(DemoText.MaleGivens));
            if (!_names.Add(name)) continue;
            return new Person(name, isFemale, Mail(name, mailName));
        }
    }

    /// <summary>"Nguyễn Văn An" at Sở Y tế → annv.soyte@dongminh.gov.vn.</summary>
    private string Mail(string fullName, string mailName)
    {
        var parts = VietnameseText.Fold(fullName).Replace("'", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var local = parts[^1] + string.Concat(parts[..^1].Select(p => p[0]));
        var mail = $"{local}.{mailName}@{DemoProvinceFacts.Domain}";
        for (var n = 2; !_mails.Add(mail); n++) mail = $"{local}{n}.{mailName}@{DemoProvinceFacts.Domain}";
        return mail;
    }
}

internal static class DemoPeople
{
    public static bool IsGroup(UnitSpec u) => u.Code is "DVTT" or "CC" or "TCTT";

    public static IEnumerable<UnitSpec> Flatten(IEnumerable<UnitSpec> units) =>
        units.SelectMany(u => new[] { u }.Concat(Flatten(u.Children ?? [])));

    public static string Tel(Random r) => $"{DemoProvinceFacts.AreaCode} {r.Next(3851, 3899)} {r.Next(100, 999)}";

    public static SitePeople Build(SiteSpec spec, Random r, PeopleFactory names, int currentYear)
    {
        var ede = spec.Locality?.Highland == true && spec.Tier is DemoTier.Commune or DemoTier.District;
        var sector = spec.Sector;
        var units = DemoUnits.For(spec);
        var flat = Flatten(units).ToList();

        var heads = new Dictionary<string, Person>();
        var phones = new Dictionary<string, string>();
        foreach (var u in flat)
        {
            phones[u.Code] = Tel(r);
            if (!IsGroup(u)) heads[u.Code] = names.Next(r, spec.MailName, ede: ede && r.Chance(0.3));
        }
        var officeUnit = flat.First(u => u.Code == "VP");
        var officeChief = heads["VP"];

        // Leaders
        var (count, headTitle, deputyTitle, headEn, deputyEn) = spec.Tier switch
        {
            DemoTier.Portal => (5, "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Chair{0} of the Provincial People's Committee", "Vice Chair{0} of the Provincial People's Committee"),
            DemoTier.Department => (r.Chance(0.5) ? 4 : 3, "Giám đốc Sở", "Phó Giám đốc Sở", "Director", "Deputy Director"),
            DemoTier.District => (2, "Chủ tịch UBND huyện (đến tháng 6/2025)", "Phó Chủ tịch UBND huyện (đến tháng 6/2025)", "Chair{0} of the District People's Committee (until June 2025)", "Vice Chair{0} of the District People's Committee (until June 2025)"),
            _ => (3, $"Chủ tịch UBND {spec.Locality!.Type}", $"Phó Chủ tịch UBND {spec.Locality!.Type}", "Chair{0} of the People's Committee", "Vice Chair{0} of the People's Committee"),
        };
        var localityPool = DemoProvinceFacts.OtherCommunes.Concat(Localities.Province.Hamlets).ToList();
        var areaIndex = 0;
        var list = new List<DemoLeader>();
        for (var i = 0; i < count; i++)
        {
            var p = names.Next(r, spec.MailName, female: i == 0 ? r.Chance(0.2) : null, ede: ede && r.Chance(0.5));
            var title = i == 0 ? headTitle : spec.Tier == DemoTier.Portal && i == 1 ? "Phó Chủ tịch Thường trực UBND tỉnh" : deputyTitle;
            var full = spec.Tier switch
            {
                DemoTier.Department => title.Replace("Sở", spec.Short),
                DemoTier.Commune => title + " " + spec.Locality!.PlaceName,
                DemoTier.District => title.Replace("huyện", "huyện Krông Ana"),
                _ => title,
            };
            var en = string.Format(DemoText.Invariant, i == 0 ? headEn : deputyEn, p.Female ? "woman" : "man");
            if (spec.Tier == DemoTier.Portal && i == 1) en = "Standing " + en;
            string areas, areasEn;
            if (i == 0)
            {
                (areas, areasEn) = spec.Tier switch
                {
                    DemoTier.Portal => ("tổ chức bộ máy, cán bộ, quốc phòng, an ninh, đối ngoại, thanh tra, phòng, chống tham nhũng", "organisation and personnel, defence, security, external relations, inspection, anti-corruption"),
                    DemoTier.Department => ("tổ chức cán bộ, kế hoạch, tài chính, thi đua - khen thưởng, cải cách hành chính", "personnel, planning, finance, emulation and rewards, administrative reform"),
                    _ => ("nội chính, quốc phòng, an ninh, tổ chức bộ máy, tài chính - ngân sách", "internal affairs, defence, security, organisation, budget"),
                };
            }
            else
            {
                areas = sector.Areas[areaIndex % sector.Areas.Length];
                areasEn = sector.AreasEn[areaIndex % sector.AreasEn.Length];
                areaIndex++;
            }
            var leader = new DemoLeader
            {
                Person = p, Title = title, TitleFull = full, TitleEn = en, Rank = i, Areas = areas, AreasEn = areasEn,
                BirthYear = currentYear - r.Next(i == 0 ? 48 : 40, i == 0 ? 58 : 54),
                Hometown = r.Chance(0.65) ? $"{r.Pick(localityPool)}, tỉnh Đông Minh" : r.Pick(DemoText.OtherHometowns),
                Degree = r.Pick(sector.Degrees), Phone = Tel(r),
            };
            if (spec.Tier is DemoTier.Portal or DemoTier.Department)
            {
                leader.Localities.Add(r.Pick(localityPool));
                var second = r.Pick(localityPool);
                if (second != leader.Localities[0]) leader.Localities.Add(second);
            }
            list.Add(leader);
        }

        // Who supervises which unit: the head keeps the office, deputies share the rest.
        var supervised = spec.Tier == DemoTier.Portal
            ? DemoSites.All().Where(s => s.Tier == DemoTier.Department).Select(s => s.Short).ToList()
            : flat.Where(u => !IsGroup(u) && u.Code != "VP").Select(u => u.Name).ToList();
        list[0].Supervises.Add(spec.Tier == DemoTier.Portal ? "Văn phòng UBND tỉnh" : officeUnit.Name);
        for (var k = 0; k < supervised.Count; k++)
            list[list.Count > 1 ? 1 + k % (list.Count - 1) : 0].Supervises.Add(supervised[k]);

        var (responsible, responsibleTitle) = spec.Tier switch
        {
            DemoTier.Portal => (officeChief, "Chánh Văn phòng UBND tỉnh, Trưởng Ban biên tập"),
            DemoTier.Department => (list[1].Person, "Phó Giám đốc Sở, Trưởng Ban biên tập"),
            DemoTier.District => (list[0].Person, "Chủ tịch UBND huyện (đến tháng 6/2025)"),
            _ => (list[1].Person, $"Phó Chủ tịch UBND {spec.Locality!.Type}, Trưởng Ban biên tập"),
        };
        var people = new SitePeople
        {
            Responsible = responsible, ResponsibleTitle = responsibleTitle, OfficeChief = officeChief, OfficeName = officeUnit.Name,
        };
        people.Leaders.AddRange(list);
        foreach (var (k, v) in heads) people.Heads[k] = v;
        foreach (var (k, v) in phones) people.UnitPhones[k] = v;

        AddContacts(spec, people, heads, r, names, ede);

        // Bylines: a few writers of the site, plus units that sign their own news.
        var writers = spec.Tier switch { DemoTier.Portal => 6, DemoTier.Department => r.Next(3, 6), _ => r.Next(2, 4) };
        for (var i = 0; i < writers; i++) people.Authors.Add(names.Next(r, spec.MailName, ede: ede && r.Chance(0.3)).PenName);
        people.Authors.Add(spec.Tier switch
        {
            DemoTier.Portal => "Trung tâm Công báo - Tin học",
            DemoTier.Department => "Văn phòng Sở",
            _ => $"Văn phòng HĐND và UBND {spec.Locality!.Type}",
        });
        if (spec.Tier is DemoTier.Commune) people.Authors.Add("Phòng Văn hóa - Xã hội");
        return people;
    }

    private static void AddContacts(SiteSpec spec, SitePeople people, Dictionary<string, Person> heads, Random r, PeopleFactory names, bool ede)
    {
        const string spokesResp = "Người phát ngôn, cung cấp thông tin cho báo chí";
        const string spokesEn = "Spokesperson; provides information to the press";
        const string accessResp = "Đầu mối tiếp nhận, xử lý yêu cầu cung cấp thông tin theo Luật Tiếp cận thông tin";
        const string accessEn = "Focal point for requests for information under the Law on Access to Information";
        const string procResp = "Đầu mối kiểm soát thủ tục hành chính; tiếp nhận phản ánh, kiến nghị về quy định hành chính";
        const string procEn = "Focal point for administrative procedures and for feedback on administrative regulations";
        const string webResp = "Quản trị, cập nhật thông tin trên trang thông tin điện tử";
        const string webEn = "Manages and updates the content of the website";
        const string citizensResp = "Đầu mối tiếp công dân, tiếp nhận đơn thư khiếu nại, tố cáo";
        const string citizensEn = "Focal point for citizen reception, complaints and denunciations";
        var c = people.Contacts;
        DemoContact Make(Person p, string title, string titleEn, string unit, string resp, string respEn, string role) =>
            new() { Person = p, Title = title, TitleEn = titleEn, Unit = unit, Responsibility = resp, ResponsibilityEn = respEn, Phone = Tel(r), Role = role };

        switch (spec.Tier)
        {
            case DemoTier.Portal:
                c.Add(Make(heads["VP"], "Chánh Văn phòng UBND tỉnh", "Chief of Office of the Provincial People's Committee", "Văn phòng UBND tỉnh",
                    "Người phát ngôn của Ủy ban nhân dân tỉnh; cung cấp thông tin cho báo chí", "Spokesperson of the Provincial People's Committee", "spokesperson"));
                c.Add(Make(names.Next(r, spec.MailName), "Phó Chánh Văn phòng UBND tỉnh", "Deputy Chief of Office", "Văn phòng UBND tỉnh", accessResp, accessEn, "access"));
                c.Add(Make(heads["HCC"], "Giám đốc Trung tâm Phục vụ hành chính công tỉnh", "Director of the Public Administration Service Centre",
                    "Trung tâm Phục vụ hành chính công tỉnh", procResp, procEn, "procedures"));
                c.Add(Make(heads["CTTĐT"], "Giám đốc Trung tâm Công báo - Tin học", "Director of the Gazette and IT Centre", "Văn phòng UBND tỉnh", webResp, webEn, "website"));
                c.Add(Make(heads["TCD"], "Trưởng Ban Tiếp công dân tỉnh", "Head of the Citizen Reception Board", "Ban Tiếp công dân tỉnh", citizensResp, citizensEn, "citizens"));
                break;
            case DemoTier.Department:
                var head = people.Leaders[0];
                c.Add(Make(head.Person, head.Title, head.TitleEn, "Ban Giám đốc", spokesResp, spokesEn, "spokesperson"));
                c.Add(Make(heads["VP"], "Chánh Văn phòng Sở", "Chief of Office", "Văn phòng Sở", accessResp, accessEn, "access"));
                c.Add(Make(names.Next(r, spec.MailName), "Chuyên viên Văn phòng Sở", "Officer", "Văn phòng Sở", procResp, procEn, "procedures"));
                c.Add(Make(names.Next(r, spec.MailName), "Phó Chánh Văn phòng Sở, Thư ký Ban Biên tập", "Deputy Chief of Office, Secretary of the Editorial Board", "Văn phòng Sở", webResp, webEn, "website"));
                if (r.Chance(0.5))
                    c.Add(Make(names.Next(r, spec.MailName), "Chuyên viên Văn phòng Sở", "Officer", "Văn phòng Sở", citizensResp, citizensEn, "citizens"));
                break;
            case DemoTier.Commune:
                var type = spec.Locality!.Type;
                var chair = people.Leaders[0];
                c.Add(Make(chair.Person, chair.Title, chair.TitleEn, $"Ủy ban nhân dân {type}", spokesResp, spokesEn, "spokesperson"));
                c.Add(Make(heads["VP"], $"Chánh Văn phòng HĐND và UBND {type}", "Chief of Office", $"Văn phòng HĐND và UBND {type}", accessResp, accessEn, "access"));
                c.Add(Make(heads["HCC"], "Giám đốc Trung tâm Phục vụ hành chính công", "Director of the Public Administration Service Centre", "Trung tâm Phục vụ hành chính công", procResp, procEn, "procedures"));
                c.Add(Make(names.Next(r, spec.MailName, ede: ede && r.Chance(0.3)), $"Công chức Văn phòng HĐND và UBND {type}", "Officer", $"Văn phòng HĐND và UBND {type}", webResp, webEn, "website"));
                break;
            case DemoTier.District:
                c.Add(Make(heads["VP"], "Chánh Văn phòng HĐND và UBND huyện (đến tháng 6/2025)", "Chief of Office (until June 2025)", "Văn phòng HĐND và UBND huyện", accessResp, accessEn, "access"));
                break;
        }
    }
}

/// <summary>The organisation chart of a site, with the leadership first.</summary>
internal static class DemoUnits
{
    public static IReadOnlyList<UnitSpec> For(SiteSpec spec)
    {
        if (spec.Tier is DemoTier.Department or DemoTier.Portal) return spec.Sector.Units;
        var type = spec.Locality!.Type;
        var units = spec.Sector.Units.Select(u => u with { Name = u.Name + (u.Code is "VP" ? " " + type : ""), }).ToList();
        if (spec.Tier == DemoTier.Commune)
            units.Add(new UnitSpec("BCHQS", $"Ban Chỉ huy quân sự {type}", $"{(type == "phường" ? "Ward" : "Commune")} Military Command",
                "Tham mưu công tác quốc phòng, quân sự địa phương; tuyển quân; xây dựng lực lượng dân quân.",
                "Local defence and military affairs, conscription and the militia."));
        return units;
    }
}
