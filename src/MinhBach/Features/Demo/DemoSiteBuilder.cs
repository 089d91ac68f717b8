using System.Text;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Features.Schedules;
using MinhBach.Features.Sites;
using MinhBach.Text;
using static MinhBach.Features.Demo.DemoText;

namespace MinhBach.Features.Demo;

/// <summary>What the whole province shares while its sites are built: the clock, every site and its people.</summary>
internal sealed class ProvinceContext
{
    public required DateTime NowUtc { get; init; }
    public required IReadOnlyList<SiteSpec> Specs { get; init; }
    public required Dictionary<string, SitePeople> People { get; init; }
    public required Person CouncilChair { get; init; }

    /// <summary>Vietnam is UTC+7 all year; times are stored in UTC and shown in Vietnam time.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public DateOnly TodayVn => DateOnly.FromDateTime(NowUtc + VietnamOffset);
    public IEnumerable<SiteSpec> Departments => Specs.Where(s => s.Tier == DemoTier.Department);

    public static DateTime Utc(DateOnly vnDate, int hour, int minute) =>
        DateTime.SpecifyKind(vnDate.ToDateTime(new TimeOnly(hour, minute)) - VietnamOffset, DateTimeKind.Utc);
}

/// <summary>All rows of one demo site, built in memory, ready to be inserted in one transaction.</summary>
internal sealed class SiteBundle
{
    public required Site Site { get; init; }
    public List<Category> Categories { get; } = [];
    public List<Page> Pages { get; } = [];
    /// <summary>Units with the index of their parent in this list (parents come first).</summary>
    public List<(OrgUnit Unit, int Parent)> OrgUnits { get; } = [];
    public List<Leader> Leaders { get; } = [];
    public List<Contact> Contacts { get; } = [];
    public List<SiteLink> Links { get; } = [];
    /// <summary>Articles with their category (the category id is known only after it is saved).</summary>
    public List<(Article Article, Category Category)> Articles { get; } = [];
    public List<Document> Documents { get; } = [];
    public List<ScheduleEntry> Schedule { get; } = [];
}

/// <summary>Builds one demo site. Deterministic: a fixed seed per site, dates relative to the injected clock.</summary>
internal sealed class DemoSiteBuilder
{
    private readonly SiteSpec _spec;
    private readonly ProvinceContext _ctx;
    private readonly Catalogue.Catalogue _catalogue;
    private readonly SitePeople _people;
    private readonly Random _r;
    private readonly IReadOnlyList<UnitSpec> _units;
    private readonly char _tier;

    public DemoSiteBuilder(SiteSpec spec, ProvinceContext ctx, Catalogue.Catalogue catalogue)
    {
        _spec = spec;
        _ctx = ctx;
        _catalogue = catalogue;
        _people = ctx.People[spec.Slug];
        _r = new Random(StableSeed("content:" + spec.Slug));
        _units = DemoUnits.For(spec);
        _tier = spec.Tier switch { DemoTier.Portal => 'P', DemoTier.Department => 'D', _ => 'C' };
    }

    private bool English => !_spec.Has(DemoGap.NoEnglish);
    private DateTime Now => _ctx.NowUtc;

    public SiteBundle Build()
    {
        var b = new SiteBundle { Site = BuildSite() };
        BuildCategories(b);
        BuildPages(b);
        BuildOrgUnits(b);
        BuildLeaders(b);
        BuildContacts(b);
        BuildLinks(b);
        BuildArticles(b);
        BuildDocuments(b);
        BuildSchedule(b);
        return b;
    }

    // ------------------------------------------------------------ site

    private Site BuildSite()
    {
        var s = _spec;
        return new Site
        {
            Slug = s.Slug, Name = s.Name, AgencyName = s.AgencyName, NameEn = s.NameEn, ShortName = s.ShortName, KindCode = s.KindCode,
            Status = s.MergedInto is null ? SiteStatus.Active : SiteStatus.Merged,
            Description = s.Description,
            // The governing body is shown above the agency name: only departments have one distinct from themselves.
            ManagingAgency = s.Tier == DemoTier.Department ? DemoProvinceFacts.Committee : null,
            Address = s.Address, Phone = s.Phone, Fax = s.Fax, Email = s.Email,
            ResponsiblePerson = _people.Responsible.FullName, ResponsiblePersonTitle = _people.ResponsibleTitle,
            LicenceLine = s.Tier == DemoTier.Portal ? "Giấy phép số 45/GP-TTĐT ngày 12/3/2021 do Sở Thông tin và Truyền thông tỉnh Đông Minh cấp" : null,
            // The licensed aggregated site may republish without a permission letter per article (TEC-22).
            IsAggregatedSite = s.Tier == DemoTier.Portal,
            Theme = s.Theme,
            EmcEnabled = s.EmcEnabled, EmcSiteId = s.EmcEnabled ? s.EmcSiteId : null,
            CreatedAt = Now.AddDays(-3 * 365 - 30),
            // The portal and the departments show the visit counter; the portal's history before the counted months is
            // the operator's figure (as seed 004 counts since 2016), so its total reads like a real portal's.
            ShowVisitCounter = s.Tier is DemoTier.Portal or DemoTier.Department,
            VisitsBefore = s.Tier == DemoTier.Portal ? 48_712_406 : 0,
            VisitsBeforeDate = s.Tier == DemoTier.Portal ? DateOnly.FromDateTime(Now + ProvinceContext.VietnamOffset).AddDays(-DemoVisits.Days - 1) : null,
            Hosts = s.Hosts.Select(h => new SiteHost { Host = h }).ToList(),
        };
    }

    // ------------------------------------------------------------ categories

    private void BuildCategories(SiteBundle b)
    {
        var wanted = new HashSet<string>();
        if (_spec.Tier == DemoTier.District)
        {
            wanted.UnionWith(["tin-hoat-dong", "chi-dao-dieu-hanh", "pho-bien-phap-luat"]);
        }
        else
        {
            var kind = _catalogue.Kind(_spec.KindCode);
            var items = kind?.Items.ToHashSet() ?? [];
            foreach (var item in _catalogue.ContentItems.Where(i => items.Contains(i.Id)))
                foreach (var c in item.Carriers.Where(c => c.StartsWith("category:", StringComparison.Ordinal)))
                    wanted.Add(c["category:".Length..]);
            if (_spec.Tier == DemoTier.Portal) wanted.Add("dieu-uoc-quoc-te");
            if (_spec.Tier == DemoTier.Commune || _spec.Slug == "so-tai-chinh") wanted.Add("thu-hut-dau-tu");
            if (_spec.Has(DemoGap.NoBudgetCategory)) wanted.Remove("cong-khai-ngan-sach");
        }
        foreach (var def in Categories.Where(d => wanted.Contains(d.Slug)))
            b.Categories.Add(new Category
            {
                Slug = def.Slug, Name = def.Name, Description = def.Description, Order = def.Order,
                ShowOnHome = def.ShowOnHome || (_spec.Tier == DemoTier.Portal && def.Slug == "thu-hut-dau-tu"),
            });
    }

    // ------------------------------------------------------------ pages

    private void BuildPages(SiteBundle b)
    {
        var writer = new DemoPages(_spec, _people, _units, _r);
        var kinds = DemoPageKinds.For(_catalogue, _spec.KindCode).ToList();
        if (_spec.Tier == DemoTier.District) kinds = kinds.Where(k => k.Code is "overview" or "history").ToList();
        if (_spec.Has(DemoGap.NoBoundaryMap)) kinds = kinds.Where(k => k.Code != "boundary-map").ToList();
        var order = 0;
        foreach (var k in kinds)
        {
            var body = writer.Vietnamese(k.Code);
            if (body is null) continue;
            b.Pages.Add(new Page
            {
                Language = "vi", Slug = k.Slug, Kind = k.Code, Title = k.Name, Body = body, Order = ++order,
                UpdatedAt = Now.AddDays(-_r.Next(20, 400)).AddMinutes(-_r.Next(0, 600)),
            });
        }
        if (!English || _spec.Tier == DemoTier.District) return;
        order = 0;
        foreach (var k in kinds)
        {
            var body = writer.English(k.Code);
            if (body is null) continue;
            b.Pages.Add(new Page
            {
                Language = "en", Slug = k.SlugEn, Kind = k.Code, Title = k.NameEn, Body = body, Order = ++order,
                UpdatedAt = Now.AddDays(-_r.Next(30, 500)),
            });
        }
    }

    // ------------------------------------------------------------ organisation

    private void BuildOrgUnits(SiteBundle b)
    {
        var leaders = _people.Leaders;
        var (name, nameEn) = _spec.Tier switch
        {
            DemoTier.Portal => ("Lãnh đạo Ủy ban nhân dân tỉnh", "Leadership of the Provincial People's Committee"),
            DemoTier.Department => ("Ban Giám đốc Sở", "Board of Directors"),
            _ => ($"Lãnh đạo Ủy ban nhân dân {_spec.Locality!.Type}", "Leadership of the People's Committee"),
        };
        var head = leaders[0];
        var order = 0;
        b.OrgUnits.Add((new OrgUnit
        {
            Name = name, NameEn = English ? nameEn : "", Head = head.Person.FullName,
            Functions = string.Join("; ", leaders.GroupBy(l => l.Title).Select(g => $"{g.Key}: {string.Join(", ", g.Select(l => l.Person.FullName))}")) + ".",
            FunctionsEn = English ? string.Join("; ", leaders.Select(l => $"{l.TitleEn}: {l.Person.FullName}")) + "." : null,
            Phone = head.Phone, Email = head.Person.Email, Order = order++,
        }, -1));

        void Add(UnitSpec u, int parent, int ord)
        {
            var unit = new OrgUnit
            {
                Name = u.Name, NameEn = English ? u.NameEn : "", Functions = u.Functions, FunctionsEn = English ? u.FunctionsEn : null,
                Head = _people.Heads.TryGetValue(u.Code, out var h) ? h.FullName : null,
                Phone = DemoPeople.IsGroup(u) ? null : _people.UnitPhones[u.Code],
                Email = DemoPeople.IsGroup(u) ? null : $"{VietnameseText.Slugify(u.Code).Replace("-", "")}.{_spec.MailName}@{DemoProvinceFacts.Domain}",
                Order = ord,
            };
            b.OrgUnits.Add((unit, parent));
            var me = b.OrgUnits.Count - 1;
            var childOrder = 0;
            foreach (var c in u.Children ?? []) Add(c, me, childOrder++);
        }
        foreach (var u in _units) Add(u, -1, order++);

        if (_spec.Tier == DemoTier.Portal)
        {
            b.OrgUnits.Add((new OrgUnit
            {
                Name = "Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", NameEn = "Specialised agencies of the Provincial People's Committee",
                Functions = "Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về ngành, lĩnh vực.", FunctionsEn = "Advise the Committee on their sectors.",
                Order = order++,
            }, -1));
            var group = b.OrgUnits.Count - 1;
            var childOrder = 0;
            foreach (var d in _ctx.Departments)
            {
                var director = _ctx.People[d.Slug].Head;
                b.OrgUnits.Add((new OrgUnit
                {
                    Name = d.Short, NameEn = d.NameEn.Replace("Dong Minh ", ""), Head = director.Person.FullName,
                    Functions = $"Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về {d.Sector.Scope}.",
                    FunctionsEn = $"Advises on {d.Sector.ScopeEn}.",
                    Phone = d.Phone, Email = d.Email, Order = childOrder++,
                }, group));
            }
        }
    }

    // ------------------------------------------------------------ leaders

    private void BuildLeaders(SiteBundle b)
    {
        var noBio = _spec.Has(DemoGap.LeadersWithoutBiography);
        var slugs = new HashSet<string>();
        foreach (var l in _people.Leaders)
        {
            var slug = Unique(VietnameseText.Slugify(l.Person.FullName), slugs, 100);
            b.Leaders.Add(new Leader
            {
                Slug = slug, FullName = l.Person.FullName, Title = l.Title, TitleEn = English ? l.TitleEn : "",
                Phone = l.Phone, Email = l.Person.Email, PhotoUrl = null,
                BirthYear = noBio ? null : l.BirthYear, Hometown = noBio ? null : l.Hometown,
                Biography = noBio ? "" : Biography(l),
                Duties = noBio ? "" : Duties(l),
                DutiesEn = noBio || !English ? "" : DutiesEn(l),
                Order = l.Rank,
            });
        }
    }

    private string Biography(DemoLeader l)
    {
        var sb = new StringBuilder("<ul>");
        void Item(string k, string v) => sb.Append("<li><strong>").Append(Html(k)).Append(":</strong> ").Append(Html(v)).Append("</li>");
        Item("Năm sinh", l.BirthYear.ToString(Invariant));
        Item("Quê quán", l.Hometown);
        Item("Dân tộc", l.Person.FullName.StartsWith("Y ", StringComparison.Ordinal) || l.Person.FullName.StartsWith("H'", StringComparison.Ordinal) ? "Ê Đê" : "Kinh");
        Item("Trình độ chuyên môn", l.Degree);
        Item("Trình độ lý luận chính trị", l.Rank == 0 || _spec.Tier == DemoTier.Portal ? "Cao cấp" : _r.Chance(0.6) ? "Cao cấp" : "Trung cấp");
        sb.Append("</ul>").Append(H2("Quá trình công tác"));

        var (appointedMonth, appointedYear) = _spec.Tier switch
        {
            DemoTier.Department => (3, 2025),
            DemoTier.District => (_r.Next(1, 12), 2021),
            _ => (7, 2025),
        };
        if (new DateOnly(appointedYear, appointedMonth, 1) > _ctx.TodayVn) (appointedMonth, appointedYear) = (1, _ctx.TodayVn.Year - 1);
        var steps = CareerSteps(l);
        var start = l.BirthYear + 23;
        var years = new int[steps.Count + 1];
        years[0] = start;
        years[^1] = appointedYear;
        for (var i = 1; i < steps.Count; i++)
            years[i] = Math.Clamp(start + (appointedYear - start) * i / steps.Count + _r.Next(-1, 2), years[i - 1] + 1, appointedYear - (steps.Count - i));
        var items = new List<string>();
        for (var i = 0; i < steps.Count; i++) items.Add($"{years[i]} – {(i == steps.Count - 1 ? $"{appointedMonth}/{appointedYear}" : years[i + 1].ToString(Invariant))}: {steps[i]}.");
        items.Add(_spec.Tier == DemoTier.District
            ? $"Từ tháng {appointedMonth}/{appointedYear} đến tháng 6/2025: {l.TitleFull.Replace(" (đến tháng 6/2025)", "")}."
            : $"Từ tháng {appointedMonth}/{appointedYear} đến nay: {l.TitleFull}.");
        sb.Append(Ul(items));
        return sb.ToString();
    }

    private List<string> CareerSteps(DemoLeader l)
    {
        var s = _spec;
        var rooms = _units.Where(u => !DemoPeople.IsGroup(u)).ToList();
        var room = _r.Pick(rooms);
        var roomLower = Decap(room.Name);
        switch (s.Tier)
        {
            case DemoTier.Department:
                var steps = new List<string> { $"Chuyên viên {roomLower}, {s.Short}", $"Phó Trưởng {roomLower}, {s.Short}", $"Trưởng {roomLower}, {s.Short}" };
                if (l.Rank == 0) steps.Add($"Phó Giám đốc {s.Short}");
                if (_r.Chance(0.25)) steps.Insert(1, "Học viên cao học, Học viện Hành chính và Quản trị công");
                return steps;
            case DemoTier.Portal:
                var dept = _r.Pick(_ctx.Departments.ToList());
                var p = new List<string> { "Chuyên viên Văn phòng UBND tỉnh", "Phó Chánh Văn phòng UBND tỉnh", $"Giám đốc {dept.Short} tỉnh Đông Minh" };
                if (l.Rank == 0) p.Add("Phó Chủ tịch UBND tỉnh");
                return p;
            default:
                var old = _r.Pick(DemoProvinceFacts.OtherCommunes.Select(c => c.Replace("phường ", "").Replace("xã ", "")).ToList());
                return l.Rank == 0
                    ? [$"Công chức Văn phòng - Thống kê xã {old}", $"Phó Chủ tịch UBND xã {old}", $"Chủ tịch UBND xã {old}"]
                    : [$"Công chức Địa chính - Xây dựng xã {old}", $"Phó Trưởng phòng Tài chính - Kế hoạch huyện (cũ)", $"Phó Chủ tịch UBND xã {old}"];
        }
    }

    private string Duties(DemoLeader l)
    {
        var head = _people.Head;
        var type = _spec.Locality?.Type ?? "tỉnh";
        var items = new List<string>();
        string lead;
        if (l.Rank == 0)
        {
            var superior = _spec.Tier switch
            {
                DemoTier.Portal => "Hội đồng nhân dân tỉnh, Chính phủ, Thủ tướng Chính phủ",
                DemoTier.Department => "Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh",
                _ => $"Hội đồng nhân dân {type}, Ủy ban nhân dân tỉnh",
            };
            lead = $"Phụ trách chung; lãnh đạo, chỉ đạo, điều hành toàn diện mọi hoạt động của {(_spec.Tier == DemoTier.Portal ? "Ủy ban nhân dân tỉnh" : _spec.Short)}; chịu trách nhiệm trước {superior} và trước pháp luật về toàn bộ hoạt động của cơ quan.";
            items.Add($"Trực tiếp chỉ đạo lĩnh vực: {l.Areas}.");
            items.Add($"Trực tiếp phụ trách: {string.Join("; ", l.Supervises)}.");
            if (_spec.Tier != DemoTier.Portal) items.Add($"Là người phát ngôn của {_spec.Short}.");
        }
        else
        {
            lead = $"Giúp {head.Title} theo dõi, chỉ đạo các lĩnh vực công tác được phân công; chịu trách nhiệm trước {head.Title} và trước pháp luật về các lĩnh vực được giao.";
            if (_spec.Tier == DemoTier.Portal && l.Rank == 1) items.Add("Thay mặt Chủ tịch điều hành công việc chung của Ủy ban nhân dân tỉnh khi Chủ tịch đi vắng.");
            items.Add($"Trực tiếp chỉ đạo lĩnh vực: {l.Areas}.");
            if (l.Supervises.Count > 0) items.Add($"Phụ trách: {string.Join("; ", l.Supervises)}.");
            if (l.Localities.Count > 0) items.Add($"Theo dõi, chỉ đạo địa bàn: {string.Join(", ", l.Localities)}.");
            items.Add($"Thực hiện các nhiệm vụ khác do {head.Title} phân công.");
        }
        return P(lead) + Ul(items);
    }

    private string DutiesEn(DemoLeader l)
    {
        if (l.Rank == 0)
            return P("General responsibility for all activities of the agency; accountable to the higher authorities and before the law.")
                + Ul([$"Directly in charge of: {l.AreasEn}.", "Spokesperson of the agency."]);
        return P("Assists the head of the agency in the fields assigned and is accountable for them.")
            + Ul([$"Directly in charge of: {l.AreasEn}.", "Other tasks assigned by the head of the agency."]);
    }

    private void BuildContacts(SiteBundle b)
    {
        if (_spec.Has(DemoGap.NoContacts)) return;
        var order = 0;
        foreach (var c in _people.Contacts)
            b.Contacts.Add(new Contact
            {
                FullName = c.Person.FullName, Title = c.Title, TitleEn = English ? c.TitleEn : "", Unit = c.Unit,
                Responsibility = c.Responsibility, ResponsibilityEn = English ? c.ResponsibilityEn : "",
                Phone = c.Phone, Email = c.Person.Email, Order = order++,
            });
    }

    private void BuildLinks(SiteBundle b)
    {
        var order = 0;
        void Link(LinkKind kind, string title, string url) => b.Links.Add(new SiteLink { Kind = kind, Title = title, Url = url, Order = ++order });
        Link(LinkKind.PublicService, "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn");
        Link(LinkKind.PublicService, "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", $"https://dichvucong.{DemoProvinceFacts.Domain}");
        if (_spec.Tier == DemoTier.Portal)
        {
            Link(LinkKind.Gazette, "Công báo tỉnh Đông Minh", $"https://congbao.{DemoProvinceFacts.Domain}");
            Link(LinkKind.DataPortal, "Cổng dữ liệu tỉnh", $"https://data.{DemoProvinceFacts.Domain}");
            Link(LinkKind.Other, "Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn");
        }
        else
        {
            Link(LinkKind.Other, "Cổng thông tin điện tử tỉnh Đông Minh", $"https://{DemoProvinceFacts.Domain}");
        }
    }

    // ------------------------------------------------------------ article text context

    /// <summary>The voice an article speaks in: the site itself or, on the portal, a department it republishes.</summary>
    private sealed record Voice(SiteSpec Spec, SitePeople People);

    private Dictionary<string, string> Values(Voice voice, DateOnly date)
    {
        var s = voice.Spec;
        var sector = s.Sector;
        var r = _r;
        var y = date.Year;
        var m = date.Month;
        var prevMonth = m == 1 ? 12 : m - 1;
        var q = (m - 1) / 3 + 1;
        var prevQ = q == 1 ? 4 : q - 1;
        var leader = r.Pick(voice.People.Leaders);
        IReadOnlyList<string> Dated(IReadOnlyList<string> items)
        {
            var fit = items.Where(i => DemoText.ValidFrom(i) <= date).ToList();
            return fit.Count > 0 ? fit : items;
        }
        var loc = s.Locality;
        var local = s.Tier is DemoTier.Commune or DemoTier.District;
        var place = local ? Decap(r.Pick(loc!.Hamlets)) : r.Pick(PlacePool);
        var eventDay = date.AddDays(-r.Next(0, 2));
        var topic = r.Pick(Dated(sector.Topics));
        var partners = local ? sector.Partners.Select(p => $"{p} {loc!.Label}").ToArray() : sector.Partners;
        var units = DemoUnits.For(s).Where(u => !DemoPeople.IsGroup(u) && u.Code != "VP").ToList();
        var yPrev = y - 1;
        var attendees = local
            ? new[] { $"đại diện Ủy ban Mặt trận Tổ quốc Việt Nam {loc!.Label}", $"các ban, ngành, đoàn thể {loc.Type}", "trưởng các thôn, tổ dân phố", "đông đảo người dân trên địa bàn" }
            : Attendees;
        var period = r.Next(4) switch
        {
            0 => $"quý {prevQ} năm {(q == 1 ? yPrev : y)}",
            1 when m >= 7 => $"6 tháng đầu năm {y}",
            2 when m <= 3 => $"năm {yPrev}",
            _ => "thời gian qua",
        };
        var warning = r.Pick(Dated(sector.Warnings));
        var research = sector.Research.Length > 0 ? sector.Research : DemoSectors.Province.Research;
        var values = new Dictionary<string, string>
        {
            ["A"] = s.Short,
            ["AF"] = s.Tier == DemoTier.Portal ? DemoProvinceFacts.Committee : s.AgencyName,
            ["Boss"] = voice.People.Head.TitleFull,
            ["T"] = topic,
            ["F"] = r.Pick(sector.Fields),
            ["P"] = place,
            ["L"] = leader.Mention,
            ["LN"] = leader.WithTitle,
            ["Y"] = y.ToString(Invariant),
            ["YP"] = (m >= 11 ? y + 1 : y).ToString(Invariant),
            ["YR"] = (m <= 2 ? yPrev : y).ToString(Invariant),
            ["YM"] = (m == 1 ? yPrev : y).ToString(Invariant),
            ["YPrev"] = yPrev.ToString(Invariant),
            ["M"] = prevMonth.ToString(Invariant),
            ["MN"] = m.ToString(Invariant),
            ["QN"] = q.ToString(Invariant),
            ["QP"] = prevQ.ToString(Invariant),
            ["YQ"] = (q == 1 ? yPrev : y).ToString(Invariant),
            ["D"] = $"{eventDay.Day}/{eventDay.Month}",
            ["DM"] = $"{date.Day}/{date.Month}",
            ["DF"] = Date(date),
            ["Period"] = period,
            ["Stage"] = y <= 2025 ? "2021–2025" : "2026–2030",
            ["LAW"] = r.Pick(Dated(sector.Laws)),
            ["R"] = r.Pick(Dated(research)),
            ["W"] = warning,
            ["Wd"] = Decap(warning),
            ["PK"] = Fill(r.Pick(Dated(sector.Packages)), new Dictionary<string, string> { ["Y"] = y.ToString(Invariant) }),
            ["S"] = r.Pick(sector.Stats),
            ["PT"] = r.Pick(partners),
            ["Area"] = local ? loc!.Type : "tỉnh",
            ["Label"] = local ? loc!.Label : DemoProvinceFacts.Province,
            ["IP"] = r.Pick(InvestProjects),
            ["FO"] = r.Pick(Foreign),
            ["Att"] = r.Pick(attendees),
            ["N1"] = r.Next(2, 30).ToString(Invariant),
            ["N2"] = Num(r.Next(80, 2400)),
            ["N3"] = r.Next(3, 40).ToString(Invariant),
            ["N4"] = r.Next(60, 300).ToString(Invariant),
            ["K"] = r.Next(50, 90).ToString(Invariant),
            ["BossName"] = voice.People.Head.Person.FullName,
            ["Deadline"] = DateDoc(date.AddDays(r.Next(10, 40))),
            ["PCT"] = Dec(85 + r.NextDouble() * 14.8),
            ["PCT2"] = Dec(70 + r.NextDouble() * 28),
            ["MONEY"] = Num(r.Next(15, 950)),
            ["Office"] = $"{voice.People.OfficeName}, {s.AgencyName}",
            ["Phone"] = s.Phone,
            ["Email"] = s.Email,
            ["Ministry"] = sector.Ministry,
            ["U"] = units.Count > 0 ? r.Pick(units).Name : voice.People.OfficeName,
            ["SiteName"] = s.Tier == DemoTier.Portal ? "Cổng thông tin điện tử tỉnh" : s.Name.Replace(" tỉnh Đông Minh", ""),
            ["Dept"] = r.Pick(_ctx.Departments.ToList()).AgencyName,
        };
        // Before the 2025 merger the department wrote under its former name.
        if (s.FormerShort is { } former && date < DemoProvinceFacts.DepartmentsMergedOn)
            foreach (var key in new[] { "A", "AF", "Boss", "L", "LN", "Office" })
                values[key] = values[key].Replace(s.Short, former);
        return values;
    }

    private static readonly string[] PlacePool =
        [.. DemoProvinceFacts.OtherCommunes, "xã Tân Phú", "phường Đông Hòa", "xã Đắk Sơn", "xã Hòa Bình", "phường Minh Khai", "xã Quảng Thành"];

    // ------------------------------------------------------------ articles

    private void BuildArticles(SiteBundle b)
    {
        var cats = b.Categories;
        if (cats.Count == 0) return;
        var n = _spec.ArticleCount;
        var dates = ArticleDates(n);
        var defs = cats.Select(c => Categories.First(d => d.Slug == c.Slug)).ToList();
        // Every category gets a few articles, the rest follow the weights.
        var seq = new List<Category>();
        foreach (var c in cats) seq.AddRange(Enumerable.Repeat(c, Math.Min(2, n / cats.Count)));
        var weights = defs.Select(d => d.Slug == "khoa-hoc-cong-nghe" && _spec.Slug == "so-khcn" ? 0.15 : d.Weight).ToArray();
        var total = weights.Sum();
        while (seq.Count < n)
        {
            var x = _r.NextDouble() * total;
            var i = 0;
            while (i < weights.Length - 1 && (x -= weights[i]) > 0) i++;
            seq.Add(cats[i]);
        }
        Shuffle(seq);
        var slugs = new HashSet<string>();
        var titles = new HashSet<string>();
        var withoutAuthor = 0;
        for (var k = 0; k < n; k++)
        {
            var a = MakeArticle(seq[k], dates[k], slugs, titles);
            if (_spec.Has(DemoGap.SomeArticlesWithoutAuthor) && k % 17 == 5 && withoutAuthor < 6)
            {
                a.Author = "";
                withoutAuthor++;
            }
            if (k < 12 && k % 5 == 1) a.IsFeatured = true;
            b.Articles.Add((a, seq[k]));
        }
        // A few drafts waiting for the editor, never on a site whose news must look stale.
        var drafts = _spec.Tier switch { DemoTier.Portal => 3, DemoTier.Department when !_spec.Has(DemoGap.StaleNews) => 1, _ => 0 };
        for (var k = 0; k < drafts; k++)
        {
            var cat = cats[0];
            // Written during the last working day, after the newest published article.
            var when = Min(dates[0].AddMinutes(_r.Next(10, 150)), Now);
            when = new DateTime(when.Ticks - when.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
            var a = MakeArticle(cat, when, slugs, titles);
            a.Status = ArticleStatus.Draft;
            a.IsFeatured = false;
            a.Source = null;
            a.SourceUrl = null;
            b.Articles.Add((a, cat));
        }
    }

    /// <summary>Publication times, newest first: spread over three years, in Vietnamese office hours, none in the future.</summary>
    private List<DateTime> ArticleDates(int n)
    {
        var today = _ctx.TodayVn;
        var list = new List<DateTime>(n);
        var stale = _spec.Has(DemoGap.StaleNews);
        var legacy = _spec.Tier == DemoTier.District;
        var last = legacy ? DemoProvinceFacts.TwoTierSince.AddDays(-1) : today;
        if (last > today) last = today;
        var span = legacy ? 2 * 365 : 3 * 365;
        var min = stale ? 120 : 0;
        for (var k = 0; k < n; k++)
        {
            int offset;
            if (k == 0) offset = stale ? min + _r.Next(0, 4) : legacy ? _r.Next(0, 3) : _r.Next(0, 2);
            else if (k < 4 && !stale && !legacy) offset = _r.Next(0, 6);
            else offset = min + (int)((span - min) * Math.Pow(_r.NextDouble(), 1.2));
            var day = last.AddDays(-offset);
            if (day.DayOfWeek == DayOfWeek.Saturday && _r.Chance(0.8)) day = day.AddDays(-1);
            if (day.DayOfWeek == DayOfWeek.Sunday && _r.Chance(0.8)) day = day.AddDays(-2);
            var hour = _r.Next(7, 18);
            var minute = _r.Next(0, 60);
            var at = ProvinceContext.Utc(day, hour, minute);
            // Today's office hours may still be ahead: then it went out on the previous working day.
            while (at > Now)
            {
                day = day.AddDays(day.DayOfWeek == DayOfWeek.Monday ? -3 : -1);
                at = ProvinceContext.Utc(day, hour, minute);
            }
            list.Add(at);
        }
        list.Sort((x, y) => y.CompareTo(x));
        return list;
    }

    private Article MakeArticle(Category cat, DateTime published, HashSet<string> slugs, HashSet<string> titles)
    {
        var date = DateOnly.FromDateTime(published + ProvinceContext.VietnamOffset);
        var voice = new Voice(_spec, _people);
        var republished = false;
        if (_spec.Tier == DemoTier.Portal && cat.Slug is "tin-hoat-dong" or "pho-bien-phap-luat" or "thong-tin-canh-bao" && _r.Chance(0.3))
        {
            // Not from a department whose own news is meant to look stale.
            var dept = _r.Pick(_ctx.Departments.Where(d => !d.Has(DemoGap.StaleNews)).ToList());
            voice = new Voice(dept, _ctx.People[dept.Slug]);
            republished = true;
        }
        var tierChar = voice.Spec.Tier switch { DemoTier.Portal => 'P', DemoTier.Department => 'D', _ => 'C' };
        var templates = Titles[cat.Slug].Where(t => t.Fits(date.Month, tierChar)).ToList();
        if (templates.Count == 0) templates = Titles[cat.Slug].Where(t => t.Tiers.Contains(tierChar)).ToList();
        Dictionary<string, string> v = null!;
        TitleTemplate tpl = null!;
        var title = "";
        for (var attempt = 0; attempt < 8; attempt++)
        {
            v = Values(voice, date);
            tpl = _r.Pick(templates);
            title = Cap(Fill(tpl.Text, v));
            if (!titles.Contains(title)) break;
        }
        titles.Add(title);
        var slug = Unique(VietnameseText.Slugify(title, 100), slugs, 100);
        // The first paragraph is the sapo (shown above the body as the summary); the body goes on from there.
        var paragraphs = Body(title, tpl, v, date);
        var summary = Summary(paragraphs[0]);
        paragraphs.RemoveAt(0);
        if (paragraphs.Count < 3) paragraphs.Add(P(Cap(Fill(Closings[^1], v))));
        if (paragraphs.Count < 3) paragraphs.Add(P(Cap(Fill(Closings[^2], v))));
        var body = string.Concat(paragraphs);

        var a = new Article
        {
            Slug = slug, Title = title, Summary = summary, Body = body,
            Author = republished ? voice.Spec.Short : _r.Pick(_people.Authors),
            PublishedAt = published,
            UpdatedAt = _r.Chance(0.1) ? Min(published.AddHours(_r.Next(1, 72)), Now) : published,
            Status = ArticleStatus.Published,
            IsFeatured = _r.Chance(0.035),
        };
        if (republished)
        {
            a.Source = $"Trang thông tin điện tử {voice.Spec.Short}";
            a.SourceUrl = voice.Spec.HomeUrl;
            a.SourceDate = date;
        }
        else if (_spec.Tier != DemoTier.District && _r.Chance(_spec.Tier == DemoTier.Commune ? 0.03 : 0.07))
        {
            var srcDate = date.AddDays(-_r.Next(0, 2));
            a.Source = $"{DemoProvinceFacts.Newspaper}, {Date(srcDate)}";
            a.SourceUrl = $"{DemoProvinceFacts.NewspaperUrl}/{slug}-{StableSeed(slug) % 90000 + 10000}.html";
            a.SourceDate = srcDate;
            // Only the licensed portal may republish without the source's written consent.
            if (_spec.Tier != DemoTier.Portal) a.PermissionReference = PermissionLetter;
        }
        if (_r.Chance(0.78))
        {
            var scene = tpl.Scene ?? voice.Spec.Sector.Scene;
            if (tpl.Scene is null && voice.Spec.Locality is { } l && voice.Spec.Tier != DemoTier.Portal)
                scene = l.Coastal && _r.Chance(0.5) ? Scene.Coast : l.Highland && _r.Chance(0.5) ? Scene.Field : scene;
            if (tpl.Scene is null && StoryKind(tpl.Lead) == "meeting" && _r.Chance(0.3)) scene = Scene.Meeting;
            a.FeaturedImageUrl = $"/assets/demo/anh-{(int)scene:00}.svg";
            a.FeaturedImageAlt = Cap(Fill(SceneAlt(scene, title, v), v));
        }
        return a;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>The newspaper's consent to republish, given once to the site before its oldest article.</summary>
    private string PermissionLetter => _permission ??=
        $"Văn bản số {StableSeed(_spec.Slug) % 90 + 10}/BĐM-TKTS ngày {DateDoc(DateOnly.FromDateTime(Now).AddYears(-3).AddDays(-60))} của {DemoProvinceFacts.Newspaper} đồng ý cho đăng lại tin, bài";
    private string? _permission;

    /// <summary>Alt text for the illustration: what it shows, tied to the article only where the title says so.</summary>
    private static string SceneAlt(Scene scene, string title, Dictionary<string, string> v)
    {
        var topic = title.Contains(v["T"], StringComparison.OrdinalIgnoreCase);
        var place = title.Contains(v["P"], StringComparison.OrdinalIgnoreCase) ? "tại {P}" : "ở {Label}";
        return scene switch
        {
            Scene.Building => "Trụ sở {AF}",
            Scene.Meeting => topic ? "Quang cảnh hội nghị về {T}" : "Quang cảnh một hội nghị của {A}",
            Scene.Field => "Cánh đồng và khu dân cư nông thôn " + place,
            Scene.Bridge => "Cây cầu và tuyến đường giao thông " + place,
            Scene.School => "Trường học " + place,
            Scene.Hospital => "Cơ sở y tế " + place,
            Scene.Festival => "Nhà văn hóa cộng đồng và cồng chiêng trong ngày hội " + place,
            Scene.Factory => "Nhà máy trong cụm công nghiệp " + place,
            Scene.Coast => "Thuyền đánh cá trên vùng biển " + place.Replace("tại ", "").Replace("ở ", ""),
            _ => topic ? "Minh họa ứng dụng công nghệ số trong {T}" : "Minh họa ứng dụng công nghệ số, chuyển đổi số",
        };
    }

    /// <summary>The lead paragraph as plain text, at most two sentences.</summary>
    private static string Summary(string firstParagraph)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(firstParagraph, "<[^>]+>", " ");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim()
            .Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&amp;", "&");
        if (text.Length <= 280) return text;
        var cut = text.LastIndexOf(". ", 280, StringComparison.Ordinal);
        if (cut > 80) return text[..(cut + 1)];
        cut = text.LastIndexOf(' ', 270);
        return text[..cut] + "…";
    }

    // ------------------------------------------------------------ article bodies

    private List<string> Body(string title, TitleTemplate tpl, Dictionary<string, string> v, DateOnly date)
    {
        string F(string t) => Fill(t, v);
        string Para(string t) => P(Cap(F(t)));
        var r = _r;
        var list = new List<string>();
        if (tpl.Lead is not null) list.Add(Para(tpl.Lead));
        switch (tpl.Kind)
        {
            case "directive":
                list.Add(Para(_spec.Tier switch
                {
                    DemoTier.Commune or DemoTier.District => "Theo đó, yêu cầu các ban, ngành, đoàn thể, trưởng các thôn, tổ dân phố tập trung thực hiện một số nhiệm vụ sau:",
                    DemoTier.Department => "Theo đó, yêu cầu trưởng các phòng, đơn vị thuộc Sở và đề nghị Ủy ban nhân dân các xã, phường tập trung thực hiện một số nhiệm vụ sau:",
                    _ => "Theo đó, yêu cầu thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các xã, phường tập trung thực hiện một số nhiệm vụ sau:",
                }));
                list.Add(Ul(Shuffled(DirectiveItems).Take(r.Next(3, 5)).Select(F).Select(Cap)));
                list.Add(Para("Giao {Office} theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo {Boss} trước ngày 25 hằng tháng."));
                break;
            case "conclusion":
                list.Add(Ul(Shuffled(ConclusionItems).Take(r.Next(3, 5)).Select(F).Select(Cap)));
                list.Add(Para("Giao {U} chủ trì, phối hợp với các đơn vị liên quan triển khai thực hiện, báo cáo kết quả trước ngày {Deadline}."));
                break;
            case "awards":
                list.Add(Para("Các tập thể được khen thưởng gồm:"));
                list.Add(Ul(Shuffled(AwardPool()).Take(r.Next(3, 6))));
                list.Add(Para("Đây là những tập thể, cá nhân tiêu biểu, có nhiều sáng kiến, cách làm hay, góp phần quan trọng vào kết quả {T} của {Area}."));
                break;
            case "sanctions":
                var rows = Enumerable.Range(1, r.Next(3, 6)).Select(i => new[]
                {
                    i.ToString(Invariant),
                    r.Chance(0.5) ? $"Hộ kinh doanh {r.Pick(FemaleGivens)} {r.Pick(MaleGivens)}" : $"Công ty TNHH {r.Pick(MaleGivens)} {r.Pick(FemaleGivens)}",
                    r.Pick(Violations.GetValueOrDefault(_spec.Sector, ViolationKinds)), Num(r.Next(2, 60) * 500_000L) + " đồng",
                });
                list.Add(Table(F("Kết quả xử phạt vi phạm hành chính tháng {M}/{YM}"), ["STT", "Tổ chức, cá nhân vi phạm", "Hành vi vi phạm", "Mức phạt"], rows));
                list.Add(Para("Các tổ chức, cá nhân bị xử phạt đã chấp hành quyết định xử phạt, khắc phục hậu quả theo quy định."));
                break;
            case "answer":
                list.Add(Para("Về nội dung này, {A} trả lời như sau:"));
                list.Add(Para("Thời gian qua, {A} đã chỉ đạo các cơ quan chuyên môn rà soát, hướng dẫn, tháo gỡ khó khăn trong {T}; đến nay, {PCT}% kiến nghị cùng nội dung đã được giải quyết dứt điểm. Đối với các trường hợp còn vướng mắc, {A} đã giao {U} kiểm tra cụ thể, trả lời trực tiếp cho công dân."));
                list.Add(Para("{A} sẽ tiếp tục theo dõi, chỉ đạo thực hiện và thông tin để cử tri được biết."));
                break;
            case "feedback":
                list.Add(Para("Đến nay, đã xử lý, trả lời {PCT}% phản ánh, kiến nghị; các nội dung còn lại đang được các cơ quan, đơn vị xem xét, giải quyết trong thời hạn quy định. Các lĩnh vực được phản ánh nhiều là {F} và {T}."));
                list.Add(Para("{A} đề nghị các cơ quan, đơn vị tiếp tục nâng cao trách nhiệm, trả lời đầy đủ, kịp thời và công khai kết quả xử lý để người dân, doanh nghiệp theo dõi."));
                break;
            case "reception":
                list.Add(Ul(_people.Leaders.Take(3).Select((l, i) => $"Ngày {Math.Min(28, 5 + i * 10)}/{v["MN"]}/{v["Y"]}: {l.WithTitle} tiếp công dân.")));
                list.Add(Para("Địa điểm: trụ sở tiếp công dân của {A}. Công dân đến đăng ký tiếp xin mang theo giấy tờ tùy thân và tài liệu liên quan."));
                break;
            case "law":
                list.Add(H2("Một số nội dung đáng chú ý"));
                list.Add(Ul(Shuffled(LawPoints).Take(r.Next(3, 5))));
                list.Add(Para("{A} đề nghị các cơ quan, đơn vị, địa phương tiếp tục quán triệt, tuyên truyền bằng nhiều hình thức, nhất là trên môi trường số, để các quy định sớm đi vào cuộc sống."));
                break;
            case "qa":
                list.Add("<p><strong>Hỏi:</strong> " + Html(F("Tôi là người dân ở {P}. Xin cho biết pháp luật quy định như thế nào về {T} và người dân cần lưu ý những gì?")) + "</p>");
                list.Add("<p><strong>Trả lời:</strong> " + Html(F("Pháp luật hiện hành quy định cụ thể trách nhiệm của cơ quan nhà nước, tổ chức và cá nhân liên quan đến {T}. Người dân cần lưu ý một số nội dung sau:")) + "</p>");
                list.Add(Ul(Shuffled(LawPoints).Take(3)));
                list.Add(Para("Mọi thắc mắc, người dân có thể liên hệ {Office}, điện thoại {Phone} để được hướng dẫn."));
                break;
            case "plan":
                list.Add(H2("Mục tiêu"));
                list.Add(Para("Phấn đấu đến năm 2030, {PCT}% chỉ tiêu về {T} được hoàn thành; {PCT2}% hồ sơ công việc được xử lý trên môi trường điện tử; người dân, doanh nghiệp được phục vụ ngày càng tốt hơn."));
                list.Add(H2("Nhiệm vụ, giải pháp"));
                list.Add(Ul(Shuffled(PlanItems).Take(4).Select(F).Select(Cap)));
                list.Add(Para("Kinh phí thực hiện được bố trí từ ngân sách nhà nước theo phân cấp và các nguồn huy động hợp pháp khác. {U} là đơn vị đầu mối theo dõi, tổng hợp, báo cáo kết quả thực hiện."));
                break;
            case "project":
                list.Add(Facts(Cap(F("Thông tin dự án: {IP}")),
                [
                    ("Tên dự án", Cap(v["IP"])),
                    ("Địa điểm", Cap(v["P"]) + ", tỉnh Đông Minh"),
                    ("Quy mô diện tích", $"{Dec(5 + r.NextDouble() * 95)} ha"),
                    ("Tổng mức đầu tư dự kiến", $"{Num(r.Next(120, 4800))} tỷ đồng"),
                    ("Hình thức lựa chọn nhà đầu tư", r.Chance(0.5) ? "Đấu thầu lựa chọn nhà đầu tư" : "Chấp thuận nhà đầu tư"),
                    ("Ưu đãi", "Theo quy định của Luật Đầu tư và chính sách hỗ trợ đầu tư của tỉnh"),
                ]));
                list.Add(Para("Thông tin chi tiết, nhà đầu tư liên hệ Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp tỉnh Đông Minh hoặc {Office}, điện thoại {Phone}."));
                break;
            case "projects":
                list.Add(Table("Danh mục dự án kêu gọi đầu tư", ["Tên dự án", "Địa điểm", "Quy mô (ha)", "Vốn dự kiến (tỷ đồng)"],
                    Shuffled(InvestProjects).Take(4).Select(p => new[] { Cap(p), Cap(r.Pick(PlacePool)), Dec(5 + r.NextDouble() * 120), Num(r.Next(150, 5000)) })));
                list.Add(Para("Nhà đầu tư quan tâm liên hệ Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp tỉnh Đông Minh để được cung cấp thông tin và hỗ trợ khảo sát."));
                break;
            case "landuse":
                var total = (double)(_spec.Locality?.AreaKm2 ?? Localities.Province.AreaKm2) * 100;
                (string, double)[] uses = [("Đất nông nghiệp", 0.71), ("Đất phi nông nghiệp", 0.22), ("Trong đó: đất ở", 0.05), ("Đất chưa sử dụng", 0.07)];
                list.Add(Table(F("Cơ cấu sử dụng đất năm {YP}"), ["Loại đất", "Diện tích (ha)", "Tỷ lệ (%)"],
                    uses.Select(u => new[] { u.Item1, Num((long)(total * u.Item2)), Dec(u.Item2 * 100) })));
                list.Add(Para("Kế hoạch sử dụng đất là căn cứ để giao đất, cho thuê đất, chuyển mục đích sử dụng đất. Người dân có thể tra cứu chi tiết tại {Office}."));
                break;
            case "incentives":
                list.Add(Ul(Incentives));
                list.Add(Para("Thông tin chi tiết, nhà đầu tư liên hệ Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp tỉnh Đông Minh hoặc {Office}."));
                break;
            case "environment":
                list.Add(Table("Khu vực cần theo dõi về môi trường", ["Khu vực", "Nguồn tác động", "Biện pháp"],
                    Shuffled(PlacePool).Take(3).Select(p => new[] { Cap(p), r.Pick(PollutionSources), r.Pick(PollutionMeasures) })));
                list.Add(Para("Người dân phát hiện hành vi gây ô nhiễm môi trường đề nghị phản ánh đến chính quyền địa phương hoặc Sở Nông nghiệp và Môi trường để kịp thời xử lý."));
                break;
            case "budget":
                var what = Decap(title);
                if (!what.StartsWith("công khai", StringComparison.Ordinal)) what = "công khai " + what;
                list.Add(P(Cap(F("Căn cứ quy định của pháp luật về ngân sách nhà nước và công khai ngân sách, {A} ") + what + ".")));
                list.Add(BudgetTable());
                list.Add(Para("Các biểu mẫu chi tiết được đăng tải tại mục Văn bản. Mọi ý kiến đóng góp xin gửi về {Office}."));
                break;
            case "economy":
                list.Add(Para("Tình hình kinh tế - xã hội của tỉnh tháng {M} năm {YM} tiếp tục chuyển biến tích cực; sản xuất công nghiệp, thương mại, dịch vụ duy trì đà tăng trưởng, an sinh xã hội được bảo đảm."));
                list.Add(EconomyTable());
                list.Add(Para("Số liệu do Thống kê tỉnh cung cấp, có thể được điều chỉnh khi có số liệu chính thức."));
                break;
            case "stats":
                list.Add(Para("{A} công bố số liệu thống kê về {S}. Số liệu được tổng hợp từ báo cáo của các cơ quan, đơn vị, địa phương và cơ sở dữ liệu chuyên ngành."));
                list.Add(StatsTable(v));
                list.Add(Para("Số liệu có thể được điều chỉnh khi có báo cáo chính thức. Tổ chức, cá nhân sử dụng số liệu đề nghị ghi rõ nguồn."));
                break;
            case "research":
                var start = date.Year - r.Next(2, 4);
                list.Add(Facts("Thông tin nhiệm vụ",
                [
                    ("Tên nhiệm vụ", v["R"]),
                    ("Tổ chức chủ trì", r.Pick(ResearchHosts)),
                    ("Thời gian thực hiện", $"Từ tháng {r.Next(1, 13)}/{start} đến tháng {r.Next(1, 13)}/{start + 2}"),
                    ("Tổng kinh phí", $"{Num(r.Next(350, 2900))} triệu đồng"),
                    ("Kết quả đánh giá", r.Chance(0.7) ? "Đạt" : "Đạt, đề nghị hoàn thiện hồ sơ"),
                ]));
                list.Add(Para("Hội đồng đánh giá cao ý nghĩa thực tiễn của nhiệm vụ, đề nghị cơ quan chủ trì hoàn thiện báo cáo tổng hợp, chuyển giao kết quả cho các cơ quan, địa phương ứng dụng."));
                break;
            case "research-call":
                list.Add(Ul(Shuffled(ResearchPool()).Take(3)));
                list.Add(Facts("Hồ sơ đăng ký",
                [
                    ("Hạn nộp hồ sơ", $"Trước ngày {DateDoc(date.AddDays(45))}"),
                    ("Nơi nhận hồ sơ", "Sở Khoa học và Công nghệ tỉnh Đông Minh, Số 15 Lê Duẩn, phường Đông Hòa"),
                    ("Thông tin chi tiết", "Phòng Quản lý khoa học, Sở Khoa học và Công nghệ"),
                ]));
                break;
            case "package":
                list.Add(Facts(Cap(F("Thông tin gói thầu: {PK}")),
                [
                    ("Tên gói thầu", v["PK"]),
                    ("Giá gói thầu", $"{Num(r.Next(300, 48_000) * 1_000_000L)} đồng"),
                    ("Nguồn vốn", r.Pick(FundingSources)),
                    ("Hình thức lựa chọn nhà thầu", r.Pick(SelectionMethods)),
                    ("Phương thức lựa chọn nhà thầu", "Một giai đoạn một túi hồ sơ"),
                    ("Thời gian tổ chức lựa chọn nhà thầu", $"Quý {v["QN"]} năm {v["Y"]}"),
                    ("Loại hợp đồng", r.Chance(0.6) ? "Trọn gói" : "Theo đơn giá cố định"),
                ]));
                list.Add(Para("Thông tin chi tiết được đăng tải trên Hệ thống mạng đấu thầu quốc gia. Nhà thầu quan tâm liên hệ {Office}, điện thoại {Phone}."));
                break;
            case "projectlist":
                list.Add(Table("Danh mục dự án đầu tư công", ["Tên dự án", "Địa điểm", "Tổng mức đầu tư (triệu đồng)", "Kế hoạch vốn năm (triệu đồng)", "Giải ngân (%)"],
                    Shuffled(_spec.Sector.Packages).Take(3).Select(p => new[]
                    {
                        Fill(p, v), Cap(r.Pick(PlacePool)), Num(r.Next(2_000, 90_000)), Num(r.Next(500, 20_000)), Dec(20 + r.NextDouble() * 75),
                    })));
                list.Add(Para("{A} yêu cầu các chủ đầu tư đẩy nhanh tiến độ thi công, hoàn thiện hồ sơ thanh toán, bảo đảm giải ngân hết kế hoạch vốn được giao."));
                break;
            case "warning":
                list.Add(Para("Thời gian gần đây, trên địa bàn {Area} đã ghi nhận {N1} trường hợp liên quan. Để chủ động phòng ngừa, bảo đảm an toàn cho người dân, {A} khuyến cáo:"));
                list.Add(Ul(Shuffled(WarningAdvice).Take(r.Next(3, 5))));
                list.Add(Para("Khi cần hỗ trợ, người dân liên hệ chính quyền địa phương nơi cư trú hoặc đường dây nóng của {A}, điện thoại {Phone}."));
                break;
            case "consult":
                list.Add(Para("Thực hiện quy định của Luật Ban hành văn bản quy phạm pháp luật và Luật Thực hiện dân chủ ở cơ sở, {A} đăng tải dự thảo văn bản để lấy ý kiến góp ý của cơ quan, tổ chức, cá nhân."));
                list.Add(Facts("Thông tin lấy ý kiến",
                [
                    ("Văn bản lấy ý kiến", Cap(title.Replace("Lấy ý kiến góp ý ", "").Replace("Lấy ý kiến nhân dân về ", "").Replace("Lấy ý kiến cộng đồng dân cư về ", "").Replace("Lấy ý kiến ", "").Replace("Đề nghị góp ý ", ""))),
                    ("Thời hạn góp ý", $"Trước ngày {DateDoc(date.AddDays(30))}"),
                    ("Nơi nhận góp ý", v["Office"]),
                    ("Địa chỉ", _spec.Address),
                    ("Thư điện tử", v["Email"]),
                ]));
                list.Add(Para("Toàn văn dự thảo và tờ trình được đăng tại mục Văn bản (văn bản dự thảo). Ý kiến góp ý sẽ được tổng hợp, tiếp thu, giải trình và công khai theo quy định."));
                break;
            case "treaty":
                list.Add(Para("Ngày {D}, Ủy ban nhân dân tỉnh Đông Minh và chính quyền {FO} đã ký kết văn bản thỏa thuận hợp tác giai đoạn {Stage}."));
                list.Add(Para("Theo thỏa thuận, hai bên tăng cường hợp tác trong các lĩnh vực: {T}, thương mại, đầu tư, giáo dục, y tế, văn hóa và giao lưu nhân dân; định kỳ tổ chức gặp gỡ, đánh giá kết quả hợp tác."));
                list.Add(Para("Thỏa thuận được ký kết theo quy định của Luật Thỏa thuận quốc tế năm 2020, góp phần nâng cao hiệu quả công tác đối ngoại của tỉnh."));
                break;
            default:
                if (list.Count == 0) list.Add(Para(r.Pick(Openings)));
                var story = StoryKind(tpl.Lead);
                foreach (var m in Shuffled(Fitting(Middles, story)).Take(r.Next(1, 3))) list.Add(Para(m));
                if (r.Chance(0.7)) list.Add(Para(r.Pick(Fitting(Directions, story))));
                if (r.Chance(0.6) || list.Count < 4) list.Add(Para(r.Pick(Fitting(Closings, story))));
                break;
        }
        return list;
    }

    private List<string> AwardPool()
    {
        var names = _units.Where(u => !DemoPeople.IsGroup(u)).Select(u => $"{u.Name}, {_spec.Short}").ToList();
        names.AddRange((_spec.Locality?.Hamlets ?? []).Select(h => $"Nhân dân và cán bộ {Decap(h)}"));
        if (_spec.Tier is DemoTier.Portal or DemoTier.Department) names.AddRange(PlacePool.Select(p => $"Ủy ban nhân dân {p}"));
        return names;
    }

    private List<string> ResearchPool()
    {
        var list = _spec.Sector.Research.ToList();
        list.AddRange(_spec.Sector.Topics.Take(4).Select(t => Cap($"Nghiên cứu giải pháp nâng cao hiệu quả {t} tại tỉnh Đông Minh")));
        return list;
    }

    private static readonly string[] ConclusionItems =
    [
        "các cơ quan, đơn vị tập trung hoàn thành các nhiệm vụ về {T} theo đúng tiến độ đã đề ra",
        "{U} chủ trì rà soát, tháo gỡ các vướng mắc, đề xuất giải pháp cụ thể trong tháng",
        "tăng cường phối hợp với {PT} trong quá trình triển khai",
        "đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong theo dõi, đánh giá kết quả",
        "thực hiện nghiêm chế độ thông tin, báo cáo; kịp thời đề xuất những nội dung vượt thẩm quyền",
    ];

    private static readonly string[] Incentives =
    [
        "Miễn, giảm tiền thuê đất, thuê mặt nước theo quy định của pháp luật về đất đai.",
        "Hỗ trợ một phần kinh phí xây dựng kết cấu hạ tầng, xử lý chất thải, mua sắm thiết bị.",
        "Hỗ trợ chi phí đào tạo nguồn nhân lực, chuyển giao công nghệ, xúc tiến thương mại.",
        "Ưu đãi thuế thu nhập doanh nghiệp đối với dự án thuộc lĩnh vực, địa bàn ưu đãi đầu tư.",
        "Giải quyết thủ tục hành chính theo cơ chế một cửa liên thông, rút ngắn thời gian chấp thuận chủ trương đầu tư.",
    ];

    private static readonly string[] PollutionSources =
        ["Nước thải sinh hoạt chưa qua xử lý", "Bãi tập kết rác thải tạm", "Cơ sở chế biến nông sản", "Hoạt động khai thác cát", "Trang trại chăn nuôi quy mô lớn"];

    private static readonly string[] PollutionMeasures =
        ["Quan trắc định kỳ hằng quý", "Yêu cầu đầu tư hệ thống xử lý nước thải", "Di dời, đóng cửa bãi rác tạm", "Tăng cường kiểm tra, xử lý vi phạm", "Cải tạo, phục hồi môi trường"];

    private static readonly string[] ViolationKinds =
    [
        "Kinh doanh hàng hóa không rõ nguồn gốc, xuất xứ", "Không niêm yết giá hàng hóa, dịch vụ", "Xây dựng không đúng giấy phép được cấp",
        "Vi phạm quy định về bảo vệ môi trường", "Không bảo đảm điều kiện an toàn thực phẩm", "Sử dụng lao động không ký hợp đồng lao động",
    ];

    /// <summary>Violations typical of each sector, for the published lists of administrative sanctions.</summary>
    private static readonly Dictionary<Sector, string[]> Violations = new()
    {
        [DemoSectors.Construction] = ["Xây dựng không đúng nội dung giấy phép xây dựng", "Không che chắn, để vật liệu rơi vãi khi thi công", "Chở hàng vượt quá tải trọng cho phép của cầu, đường"],
        [DemoSectors.Health] = ["Không bảo đảm điều kiện an toàn thực phẩm", "Hành nghề khám bệnh, chữa bệnh không có giấy phép", "Kinh doanh thuốc không rõ nguồn gốc"],
        [DemoSectors.IndustryTrade] = ["Kinh doanh hàng hóa không rõ nguồn gốc, xuất xứ", "Không niêm yết giá hàng hóa, dịch vụ", "Kinh doanh hàng giả mạo nhãn hiệu"],
        [DemoSectors.AgricultureEnvironment] = ["Xả nước thải vượt quy chuẩn kỹ thuật môi trường", "Khai thác khoáng sản không có giấy phép", "Vận chuyển lâm sản không có hồ sơ hợp pháp"],
        [DemoSectors.ScienceTechnology] = ["Sử dụng tần số vô tuyến điện không có giấy phép", "Không thực hiện kiểm định phương tiện đo theo quy định", "Cung cấp dịch vụ viễn thông không đúng giấy phép"],
        [DemoSectors.Culture] = ["Kinh doanh dịch vụ karaoke không bảo đảm điều kiện", "Quảng cáo không đúng nội dung đã thông báo", "Kinh doanh dịch vụ lưu trú du lịch không đăng ký"],
        [DemoSectors.HomeAffairs] = ["Sử dụng lao động không giao kết hợp đồng lao động", "Chậm đóng bảo hiểm xã hội bắt buộc cho người lao động", "Không bảo đảm an toàn, vệ sinh lao động"],
        [DemoSectors.Finance] = ["Không niêm yết giá theo quy định", "Không thông báo thay đổi nội dung đăng ký doanh nghiệp", "Kê khai không trung thực nội dung hồ sơ đăng ký doanh nghiệp"],
        [DemoSectors.Education] = ["Tổ chức dạy thêm không đúng quy định", "Hoạt động giáo dục khi chưa được cấp phép", "Thu các khoản không đúng quy định"],
        [DemoSectors.Justice] = ["Công chứng không đúng thẩm quyền", "Tổ chức đấu giá tài sản không đúng trình tự", "Làm giả giấy tờ hộ tịch"],
    };

    private static readonly string[] DirectiveItems =
    [
        "tăng cường công tác tuyên truyền, nâng cao nhận thức của cán bộ, công chức và người dân về {T}",
        "rà soát, bổ sung kế hoạch, bố trí đủ nguồn lực để triển khai {T} đạt hiệu quả",
        "người đứng đầu các cơ quan, đơn vị chịu trách nhiệm trước {Boss} về kết quả thực hiện",
        "kịp thời báo cáo những khó khăn, vướng mắc vượt thẩm quyền để được xem xét, giải quyết",
        "đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong chỉ đạo, điều hành",
        "tăng cường kiểm tra, giám sát, xử lý nghiêm các trường hợp vi phạm",
    ];

    private static readonly string[] PlanItems =
    [
        "hoàn thiện thể chế, cơ chế, chính sách về {T}",
        "nâng cao năng lực, trách nhiệm của đội ngũ cán bộ, công chức làm công tác {F}",
        "đẩy mạnh ứng dụng công nghệ số, xây dựng cơ sở dữ liệu phục vụ quản lý",
        "huy động các nguồn lực xã hội, tăng cường hợp tác với {PT}",
        "đẩy mạnh thông tin, tuyên truyền, tạo sự đồng thuận của người dân, doanh nghiệp",
        "tăng cường kiểm tra, giám sát, sơ kết, tổng kết, nhân rộng mô hình hiệu quả",
    ];

    private static readonly string[] ResearchHosts =
        ["Trường Đại học Đông Minh", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "Viện Khoa học Kỹ thuật Nông Lâm nghiệp Tây Nguyên", "Bệnh viện Đa khoa tỉnh", "Hội Nông dân tỉnh"];

    private static readonly string[] FundingSources =
        ["Ngân sách tỉnh", "Vốn đầu tư công trung hạn", "Nguồn thu sự nghiệp của đơn vị", "Ngân sách trung ương hỗ trợ có mục tiêu", "Chương trình mục tiêu quốc gia"];

    private static readonly string[] SelectionMethods =
        ["Đấu thầu rộng rãi trong nước, qua mạng", "Chào hàng cạnh tranh, qua mạng", "Chỉ định thầu rút gọn", "Mua sắm trực tuyến"];

    private string BudgetTable()
    {
        var r = _r;
        var portal = _spec.Tier == DemoTier.Portal;
        var unit = portal ? "tỷ đồng" : "triệu đồng";
        var scale = portal ? r.Next(9_000, 16_000) : _spec.Tier == DemoTier.Department ? r.Next(18_000, 90_000) : r.Next(9_000, 35_000);
        (string Name, double Share)[] lines = portal
            ? [("Tổng thu ngân sách nhà nước trên địa bàn", 1.0), ("Thu nội địa", 0.86), ("Tổng chi ngân sách địa phương", 1.35), ("Chi đầu tư phát triển", 0.42), ("Chi thường xuyên", 0.81), ("Dự phòng ngân sách", 0.03)]
            : _spec.Tier == DemoTier.Department
                ? [("Tổng dự toán được giao", 1.0), ("Kinh phí thực hiện chế độ tự chủ", 0.38), ("Kinh phí không thực hiện chế độ tự chủ", 0.62), ("Chi thanh toán cá nhân", 0.29), ("Chi nghiệp vụ chuyên môn", 0.41), ("Chi mua sắm, sửa chữa tài sản", 0.12)]
                : [("Tổng thu ngân sách xã", 1.0), ("Thu bổ sung từ ngân sách cấp trên", 0.71), ("Tổng chi ngân sách xã", 0.98), ("Chi đầu tư phát triển", 0.22), ("Chi thường xuyên", 0.74), ("Dự phòng ngân sách", 0.02)];
        var rows = lines.Select(l =>
        {
            var planned = (long)(scale * l.Share);
            var done = (long)(planned * (0.55 + r.NextDouble() * 0.5));
            return new[] { l.Name, Num(planned), Num(done), Dec(done * 100.0 / Math.Max(1, planned)) };
        });
        return Table($"Số liệu ngân sách (đơn vị: {unit})", ["Nội dung", "Dự toán", "Thực hiện", "Tỷ lệ (%)"], rows);
    }

    private string EconomyTable()
    {
        var r = _r;
        (string, string, double)[] ind =
        [
            ("Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", "%", 0), ("Thu ngân sách nhà nước", "tỷ đồng", 1), ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tỷ đồng", 1),
            ("Kim ngạch xuất khẩu", "triệu USD", 1), ("Giải ngân vốn đầu tư công", "tỷ đồng", 1), ("Doanh nghiệp thành lập mới", "doanh nghiệp", 1),
        ];
        return Table("Một số chỉ tiêu kinh tế - xã hội chủ yếu", ["Chỉ tiêu", "Đơn vị tính", "Kỳ báo cáo", "So với cùng kỳ (%)"],
            ind.Select(i => new[]
            {
                i.Item1, i.Item2, i.Item3 == 0 ? Dec(5 + r.NextDouble() * 4) : Num(r.Next(90, 9000)), Dec(95 + r.NextDouble() * 20),
            }));
    }

    private string StatsTable(Dictionary<string, string> v)
    {
        var r = _r;
        var places = _spec.Tier is DemoTier.Commune or DemoTier.District ? _spec.Locality!.Hamlets.Take(5).ToArray() : PlacePool.Take(6).Select(Cap).ToArray();
        return Table(Cap(Fill("Số liệu {S}", v)), [_spec.Tier is DemoTier.Commune ? "Thôn, tổ dân phố" : "Địa bàn", "Kỳ báo cáo", "Cùng kỳ năm trước", "Tăng, giảm (%)"],
            places.Select(p =>
            {
                var now = r.Next(40, 2600);
                var before = (int)(now * (0.8 + r.NextDouble() * 0.35));
                return new[] { p, Num(now), Num(before), Dec((now - before) * 100.0 / Math.Max(1, before)) };
            }));
    }

    // ------------------------------------------------------------ documents

    private void BuildDocuments(SiteBundle b)
    {
        var weights = _spec.Tier switch
        {
            DemoTier.Portal => new (string Code, int W)[] { ("quyet-dinh", 34), ("cong-van", 20), ("ke-hoach", 12), ("thong-bao", 8), ("chi-thi", 3), ("quyet-dinh-qppl", 9), ("nghi-quyet", 6), ("bao-cao", 5), ("du-thao", 3) },
            DemoTier.Department => [("quyet-dinh", 25), ("cong-van", 25), ("ke-hoach", 18), ("thong-bao", 12), ("bao-cao", 10), ("du-thao", 4), ("quyet-dinh-qppl", 6)],
            _ => [("quyet-dinh", 30), ("cong-van", 25), ("ke-hoach", 20), ("thong-bao", 15), ("bao-cao", 10)],
        };
        weights = weights.Where(w => _catalogue.DocumentType(w.Code) is not null).ToArray();
        if (weights.Length == 0) return;
        var total = weights.Sum(w => w.W);
        var today = _ctx.TodayVn;
        var legacy = _spec.Tier == DemoTier.District;
        var last = legacy ? DemoProvinceFacts.TwoTierSince.AddDays(-1) : today;
        if (last > today) last = today;
        var span = legacy ? 2 * 365 : 3 * 365;

        var planned = new List<(DateOnly Date, string Code)>();
        for (var k = 0; k < _spec.DocumentCount; k++)
        {
            var x = _r.Next(total);
            var code = weights.First(w => (x -= w.W) < 0).Code;
            var day = last.AddDays(-(k == 0 ? _r.Next(0, 4) : _r.Next(0, span)));
            if (day.DayOfWeek == DayOfWeek.Saturday) day = day.AddDays(-1);
            if (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(-2);
            planned.Add((day, code));
        }
        planned.Sort((a, c) => a.Date.CompareTo(c.Date));

        var counters = new Dictionary<string, int>();
        var slugs = new HashSet<string>();
        var voice = new Voice(_spec, _people);
        var rooms = _units.Where(u => !DemoPeople.IsGroup(u)).ToList();
        foreach (var (date, code) in planned)
        {
            var type = _catalogue.DocumentType(code)!;
            var normative = type.Group == "Normative";
            var byCouncil = code == "nghi-quyet";
            // Departments publish provincial normative decisions in their field alongside their own documents.
            var byProvince = normative && _spec.Tier != DemoTier.Portal;
            var docVoice = voice;
            if (_spec.Tier == DemoTier.Portal && _r.Chance(0.4))
            {
                var dept = _r.Pick(_ctx.Departments.ToList());
                docVoice = new Voice(dept, _ctx.People[dept.Slug]);
            }
            var v = Values(docVoice, date);
            v["A"] = _spec.Short;
            v["AF"] = _spec.Tier == DemoTier.Portal ? DemoProvinceFacts.Committee : _spec.AgencyName;
            v["LN"] = _r.Pick(_people.Leaders).WithTitle;
            v["Area"] = _spec.Tier is DemoTier.Commune or DemoTier.District ? _spec.Locality!.Type : "tỉnh";
            var template = _r.Pick(DocumentTitles[code]).Split('|');
            var title = Cap(Fill(template[0], v));
            var field = template.Length > 1 ? template[1] : Cap(v["F"]);

            var issuer = byCouncil ? "HĐND tỉnh Đông Minh"
                : byProvince || _spec.Tier == DemoTier.Portal ? DemoProvinceFacts.CommitteeShort
                : _spec.Tier == DemoTier.Department ? _spec.AgencyName
                : $"UBND {_spec.Locality!.Label}";
            var docCode = byCouncil ? "HĐND" : byProvince ? "UBND" : _spec.DocCode;
            // One numbering per issuer, type and year (normative documents: per issuer and year).
            var key = (normative ? "N" + docCode : code) + date.Year;
            var step = normative ? _r.Next(1, 4) : _spec.Tier switch { DemoTier.Portal => _r.Next(4, 30), DemoTier.Department => _r.Next(2, 12), _ => _r.Next(1, 6) };
            counters[key] = (counters.TryGetValue(key, out var c) ? c : (normative ? 0 : _r.Next(1, 20))) + step;
            var n = counters[key];
            var number = code switch
            {
                _ when normative => $"{n}/{date.Year}/{type.Abbreviation}-{docCode}",
                "cong-van" => $"{n}/{docCode}-{_r.Pick(rooms).Code}",
                _ => $"{n}/{type.Abbreviation}-{docCode}",
            };
            var signer = code == "du-thao" ? null
                : byCouncil ? _ctx.CouncilChair.FullName
                : byProvince ? _r.Pick(_ctx.People[""].Leaders).Person.FullName
                : code == "thong-bao" && _r.Chance(0.5) ? _people.OfficeChief.FullName
                : _r.Pick(_people.Leaders).Person.FullName;
            b.Documents.Add(new Document
            {
                Slug = Unique(VietnameseText.Slugify(number, 100), slugs, 100),
                Number = number, TypeCode = code, Title = title, IssuingBody = issuer, Signer = signer,
                Field = field,
                IssuedOn = date,
                EffectiveOn = normative ? date.AddDays(byCouncil ? 10 : _r.Next(10, 16)) : code is "quyet-dinh" or "chi-thi" or "ke-hoach" ? date : null,
                FileUrl = null,
                CreatedAt = Min(ProvinceContext.Utc(date.AddDays(_r.Next(0, 3)), _r.Next(8, 17), _r.Next(0, 60)), Now),
            });
        }
        LinkNormativeDocuments(b);
    }

    /// <summary>Some normative documents replace or amend an earlier one of the same type, as they do in life: the finder
    /// then shows documents no longer (wholly or partly) in force, and their pages say by which.</summary>
    private void LinkNormativeDocuments(SiteBundle b)
    {
        var normative = b.Documents.Where(d => _catalogue.DocumentType(d.TypeCode)?.Group == "Normative").ToList();
        var taken = new HashSet<Document>();
        // Its own stream: the content built after the documents stays as it was before relations existed.
        var r = new Random(StableSeed("relations:" + _spec.Slug));
        for (var i = 1; i < normative.Count; i++)
        {
            var d = normative[i];
            var earlier = normative.Take(i).Where(e => e.TypeCode == d.TypeCode && e.IssuedOn < d.IssuedOn && !taken.Contains(e)).ToList();
            if (earlier.Count == 0) continue;
            var roll = r.Next(100);
            if (roll >= 35) continue;
            var target = r.Pick(earlier);
            taken.Add(target);
            d.Links.Add(new DocumentLink
            {
                Relation = roll < 20 ? Documents.Extraction.DocumentRelation.Replaces : Documents.Extraction.DocumentRelation.Amends,
                TargetNumber = target.Number, TargetKey = DocumentStatuses.NumberKey(target.Number),
            });
        }
    }

    // ------------------------------------------------------------ schedule

    private void BuildSchedule(SiteBundle b)
    {
        if (_spec.Has(DemoGap.NoSchedule) || _spec.Tier == DemoTier.District) return;
        var today = _ctx.TodayVn;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var leaders = _people.Leaders;
        var type = _spec.Locality?.Type;
        var hall = _spec.Tier switch
        {
            DemoTier.Portal => new[] { "Phòng họp số 1, trụ sở UBND tỉnh", "Phòng họp số 2, trụ sở UBND tỉnh", "Hội trường UBND tỉnh" },
            DemoTier.Department => [$"Phòng họp {_spec.Short}", $"Hội trường {_spec.Short}"],
            _ => [$"Hội trường UBND {type}", $"Phòng họp UBND {type}"],
        };
        for (var week = -4; week <= 1; week++)
        {
            for (var d = 0; d < 5; d++)
            {
                var date = monday.AddDays(week * 7 + d);
                var count = _r.Next(2, 5);
                var morning = count switch { 2 => 1, 3 => _r.Next(1, 3), _ => 2 };
                var used = new HashSet<int>();
                for (var e = 0; e < count; e++)
                {
                    var isMorning = e < morning;
                    var v = Values(new Voice(_spec, _people), date);
                    var pool = (isMorning ? ScheduleMorning : ScheduleAfternoon)
                        .Where(t => _spec.Tier != DemoTier.Commune || !t.Contains("Ủy ban nhân dân tỉnh", StringComparison.Ordinal)).ToList();
                    var tpl = _r.Pick(pool);
                    var content = Cap(Fill(tpl, v));
                    int li;
                    do li = _r.Next(leaders.Count); while (!used.Add(li) && used.Count < leaders.Count);
                    var leader = leaders[li];
                    var participants = $"{leader.Title} {leader.Person.FullName}";
                    if (_r.Chance(0.35)) participants += "; lãnh đạo " + Decap(v["U"].StartsWith("Phòng", StringComparison.Ordinal) || v["U"].StartsWith("Văn phòng", StringComparison.Ordinal) ? v["U"] : _people.OfficeName);
                    var location = tpl.Contains("{P}", StringComparison.Ordinal) ? Cap(v["P"])
                        : tpl.Contains("trực tuyến", StringComparison.Ordinal) ? $"Điểm cầu trực tuyến {_spec.Short}"
                        : tpl.Contains("Tiếp công dân", StringComparison.Ordinal) ? _spec.Tier switch
                        {
                            DemoTier.Portal => "Trụ sở Tiếp công dân tỉnh",
                            DemoTier.Department => $"Phòng tiếp công dân, {_spec.Short}",
                            _ => $"Phòng tiếp công dân, UBND {type}",
                        }
                        : tpl.Contains("Ủy ban nhân dân tỉnh", StringComparison.Ordinal) ? "Phòng họp số 1, trụ sở UBND tỉnh"
                        : _r.Pick(hall);
                    var time = isMorning ? _r.Pick(MorningTimes) : _r.Pick(AfternoonTimes);
                    b.Schedule.Add(new ScheduleEntry
                    {
                        Date = date, StartTime = time, Participants = participants, Content = content, Location = location,
                        Preparation = _r.Chance(0.5) ? Cap(Fill(_r.Chance(0.5) ? "{U} chuẩn bị nội dung" : "Văn phòng chuẩn bị tài liệu, phòng họp", v)) : null,
                    });
                }
            }
        }
        b.Schedule.Sort((x, y) => (x.Date, x.StartTime ?? default).CompareTo((y.Date, y.StartTime ?? default)));
    }

    private static readonly TimeOnly[] MorningTimes = [new(7, 30), new(8, 0), new(8, 0), new(8, 30), new(9, 0), new(9, 30), new(10, 0)];
    private static readonly TimeOnly[] AfternoonTimes = [new(13, 30), new(14, 0), new(14, 0), new(14, 30), new(15, 0), new(15, 30)];

    // ------------------------------------------------------------ helpers

    /// <summary>Adds -2, -3 … until the slug is unused, keeping it within maxLength.</summary>
    private static string Unique(string slug, HashSet<string> used, int maxLength)
    {
        if (slug.Length == 0) slug = "bai-viet";
        if (used.Add(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(Invariant);
            var head = slug.Length + suffix.Length > maxLength ? slug[..(maxLength - suffix.Length)].TrimEnd('-') : slug;
            var candidate = head + suffix;
            if (used.Add(candidate)) return candidate;
        }
    }

    private List<T> Shuffled<T>(IReadOnlyList<T> items)
    {
        var list = items.ToList();
        Shuffle(list);
        return list;
    }

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _r.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
