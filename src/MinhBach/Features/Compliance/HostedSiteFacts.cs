using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Compliance;

/// <summary>
/// A hosted site seen through its own structured content and settings (never by fetching its pages): what each
/// carrier of data/content-items.json and of the packs finds there. Read in bulk for many sites at once, a
/// dozen grouped queries whatever the number of sites, and never cached, so a gap an editor fills counts at once.
/// </summary>
public sealed class HostedSiteFacts : ISiteFacts
{
    private readonly Site _site;
    private readonly Site? _parent;
    private readonly Catalogue.Catalogue _catalogue;
    internal readonly Dictionary<string, (string Name, int Count, DateOnly? Newest)> Categories = [];
    internal readonly Dictionary<(string Kind, string Language), (string Title, DateOnly Updated)> Pages = [];
    internal readonly Dictionary<LinkKind, int> Links = [];
    internal (int Count, DateOnly? Newest) Documents;
    internal (int Count, int English) OrgUnits;
    internal (int Count, int Reachable, int English) Contacts;
    internal (int Count, int WithBiography) Leaders;
    internal (int ThisWeek, DateOnly? Newest) Schedule;
    internal (int Published, int WithoutAuthor) Articles;

    private HostedSiteFacts(Site site, Site? parent, Catalogue.Catalogue catalogue, string? url)
    {
        _site = site;
        _parent = parent;
        _catalogue = catalogue;
        Url = url;
    }

    public string Key => _site.Slug;
    public string? Url { get; }
    public string Name => _site.Name;
    public string KindCode => _site.KindCode;
    public string Source => EvaluationSources.Hosted;
    public Site Site => _site;
    /// <summary>The monitor's latest audit of the site's address, for the outside measurements.</summary>
    public Measurement? Measured { get; set; }

    /// <summary>The public address: the first host name over HTTPS, else the site's prefix (relative).</summary>
    public static string UrlOf(Site site) =>
        site.Hosts.Count > 0 ? $"https://{site.Hosts.OrderBy(h => h.Id).First().Host}/" : site.Slug.Length == 0 ? "/" : $"/{site.Slug}/";

    public static async Task<IReadOnlyList<HostedSiteFacts>> LoadAsync(AppDb db, IReadOnlyList<Site> sites, Catalogue.Catalogue catalogue, DateOnly today, CancellationToken ct)
    {
        var ids = sites.Select(s => s.Id).ToList();
        var parentIds = sites.Where(s => s.ParentId is not null).Select(s => s.ParentId!.Value).Distinct().ToList();
        var parents = await db.Sites.AsNoTracking().Include(s => s.Hosts).Where(s => parentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var facts = sites.ToDictionary(s => s.Id, s => new HostedSiteFacts(s, s.ParentId is int p ? parents.GetValueOrDefault(p) : null, catalogue, UrlOf(s)));

        var categories = await db.Categories.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.SiteId))
            .Select(c => new { c.Id, c.SiteId, c.Slug, c.Name }).ToListAsync(ct);
        var perCategory = (await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.SiteId) && a.Status == ArticleStatus.Published)
            .GroupBy(a => a.CategoryId).Select(g => new { g.Key, Count = g.Count(), Newest = g.Max(a => a.PublishedAt) }).ToListAsync(ct))
            .ToDictionary(x => x.Key);
        foreach (var c in categories)
        {
            var stats = perCategory.GetValueOrDefault(c.Id);
            facts[c.SiteId].Categories[c.Slug] = (c.Name, stats?.Count ?? 0, stats is null ? null : DateOnly.FromDateTime(Public.VnTime.ToLocal(stats.Newest)));
        }
        foreach (var x in await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.SiteId) && a.Status == ArticleStatus.Published)
            .GroupBy(a => a.SiteId).Select(g => new { g.Key, Count = g.Count(), NoAuthor = g.Count(a => a.Author.Trim() == "") }).ToListAsync(ct))
            facts[x.Key].Articles = (x.Count, x.NoAuthor);

        foreach (var p in await db.Pages.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.SiteId) && p.Body.Length > 0)
            .Select(p => new { p.SiteId, p.Kind, p.Language, p.Title, p.UpdatedAt }).ToListAsync(ct))
            facts[p.SiteId].Pages.TryAdd((p.Kind, p.Language), (p.Title, DateOnly.FromDateTime(Public.VnTime.ToLocal(p.UpdatedAt))));

        foreach (var l in await db.SiteLinks.IgnoreQueryFilters().AsNoTracking().Where(l => ids.Contains(l.SiteId) && l.Url != "")
            .GroupBy(l => new { l.SiteId, l.Kind }).Select(g => new { g.Key.SiteId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct))
            facts[l.SiteId].Links[l.Kind] = l.Count;

        foreach (var d in await db.Documents.IgnoreQueryFilters().AsNoTracking().Where(d => ids.Contains(d.SiteId))
            .GroupBy(d => d.SiteId).Select(g => new { g.Key, Count = g.Count(), Newest = g.Max(d => d.IssuedOn) }).ToListAsync(ct))
            facts[d.Key].Documents = (d.Count, d.Newest);

        foreach (var u in await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.SiteId))
            .GroupBy(u => u.SiteId).Select(g => new { g.Key, Count = g.Count(), English = g.Count(u => u.NameEn.Trim() != "") }).ToListAsync(ct))
            facts[u.Key].OrgUnits = (u.Count, u.English);

        foreach (var c in await db.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.SiteId))
            .GroupBy(c => c.SiteId).Select(g => new
            {
                g.Key,
                Count = g.Count(),
                Reachable = g.Count(c => (c.Phone ?? "").Trim() != "" || (c.Email ?? "").Trim() != ""),
                English = g.Count(c => c.TitleEn.Trim() != ""),
            }).ToListAsync(ct))
            facts[c.Key].Contacts = (c.Count, c.Reachable, c.English);

        foreach (var l in await db.Leaders.IgnoreQueryFilters().AsNoTracking().Where(l => ids.Contains(l.SiteId))
            .GroupBy(l => l.SiteId).Select(g => new { g.Key, Count = g.Count(), Bio = g.Count(l => l.Biography.Trim() != "" && l.Duties.Trim() != "") }).ToListAsync(ct))
            facts[l.Key].Leaders = (l.Count, l.Bio);

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(6);
        foreach (var e in await db.ScheduleEntries.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.SiteId))
            .GroupBy(e => e.SiteId).Select(g => new { g.Key, ThisWeek = g.Count(e => e.Date >= monday && e.Date <= sunday), Newest = g.Max(e => e.Date) }).ToListAsync(ct))
            facts[e.Key].Schedule = (e.ThisWeek, e.Newest);

        return sites.Select(s => facts[s.Id]).ToList();
    }

    private static string N(int n) => VietnameseText.FormatNumber(n);
    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public CarrierFact Fact(string carrier)
    {
        var (type, arg) = Carriers.Split(carrier);
        var fix = Carriers.FixPath(carrier);
        switch (type)
        {
            case "category":
                if (!Categories.TryGetValue(arg, out var cat))
                    return new(carrier, false, $"Chưa có chuyên mục \"{arg}\".", null, "/quan-tri/chuyen-muc/moi");
                return cat.Count == 0
                    ? new(carrier, false, $"Chuyên mục \"{cat.Name}\" chưa có tin bài nào được xuất bản.", null, "/quan-tri/tin-bai/moi")
                    : new(carrier, true, $"Chuyên mục \"{cat.Name}\": {N(cat.Count)} tin bài, mới nhất {D(cat.Newest!.Value)}.", cat.Newest, "/quan-tri/tin-bai/moi");
            case "page" or "page-en":
            {
                var lang = type == "page" ? "vi" : "en";
                var kindName = _catalogue.PageKind(arg) is { } k ? (lang == "vi" ? k.Name : k.NameEn) : arg;
                var which = lang == "vi" ? "trang" : "trang tiếng Anh";
                return Pages.TryGetValue((arg, lang), out var page)
                    ? new(carrier, true, $"Có {which} \"{page.Title}\" (cập nhật {D(page.Updated)}).", page.Updated, fix)
                    : new(carrier, false, $"Chưa có {which} \"{kindName}\".", null, fix);
            }
            case "link":
            {
                var kind = Enum.Parse<LinkKind>(arg);
                var what = kind switch
                {
                    LinkKind.PublicService => "Cổng dịch vụ công",
                    LinkKind.Gazette => "Công báo điện tử",
                    LinkKind.DataPortal => "cổng dữ liệu",
                    _ => "trang liên quan",
                };
                return Links.GetValueOrDefault(kind) is > 0 and var n
                    ? new(carrier, true, $"Có {N(n)} liên kết đến {what}.", null, fix)
                    : new(carrier, false, $"Chưa có liên kết đến {what}.", null, fix);
            }
            case "documents":
                return Documents.Count > 0
                    ? new(carrier, true, $"{N(Documents.Count)} văn bản, mới nhất ban hành {D(Documents.Newest!.Value)}.", Documents.Newest, fix)
                    : new(carrier, false, "Chưa có văn bản nào.", null, fix);
            case "org-units" when arg == "en":
                return OrgUnits.Count > 0 && OrgUnits.English == OrgUnits.Count
                    ? new(carrier, true, $"{N(OrgUnits.Count)} đơn vị có tên tiếng Anh.", null, fix)
                    : new(carrier, false, OrgUnits.Count == 0 ? "Chưa có cơ cấu tổ chức." : $"{N(OrgUnits.Count - OrgUnits.English)}/{N(OrgUnits.Count)} đơn vị chưa có tên tiếng Anh.", null, fix);
            case "org-units":
                return OrgUnits.Count > 0
                    ? new(carrier, true, $"Cơ cấu tổ chức có {N(OrgUnits.Count)} đơn vị.", null, fix)
                    : new(carrier, false, "Chưa có cơ cấu tổ chức.", null, fix);
            case "contacts" when arg == "en":
                return Contacts.Count > 0 && Contacts.English == Contacts.Count
                    ? new(carrier, true, $"{N(Contacts.Count)} cán bộ đầu mối có chức vụ tiếng Anh.", null, fix)
                    : new(carrier, false, Contacts.Count == 0 ? "Chưa có cán bộ đầu mối." : $"{N(Contacts.Count - Contacts.English)}/{N(Contacts.Count)} cán bộ đầu mối chưa có chức vụ tiếng Anh.", null, fix);
            case "contacts":
                return Contacts.Reachable > 0
                    ? new(carrier, true, $"{N(Contacts.Count)} cán bộ đầu mối, {N(Contacts.Reachable)} có điện thoại hoặc thư điện tử.", null, fix)
                    : new(carrier, false, Contacts.Count == 0 ? "Chưa có cán bộ đầu mối." : "Cán bộ đầu mối chưa có điện thoại, thư điện tử.", null, fix);
            case "leaders" when arg == "bio":
                return Leaders.Count > 0 && Leaders.WithBiography == Leaders.Count
                    ? new(carrier, true, $"{N(Leaders.Count)} lãnh đạo có tiểu sử và nhiệm vụ được phân công.", null, fix)
                    : new(carrier, false, Leaders.Count == 0 ? "Chưa có thông tin lãnh đạo." : $"{N(Leaders.Count - Leaders.WithBiography)}/{N(Leaders.Count)} lãnh đạo chưa có tiểu sử hoặc nhiệm vụ được phân công.", null, fix);
            case "leaders":
                return Leaders.Count > 0
                    ? new(carrier, true, $"{N(Leaders.Count)} lãnh đạo.", null, fix)
                    : new(carrier, false, "Chưa có thông tin lãnh đạo.", null, fix);
            case "schedule":
                return Schedule.ThisWeek > 0
                    ? new(carrier, true, $"Lịch công tác tuần này có {N(Schedule.ThisWeek)} mục.", Schedule.Newest, fix)
                    : new(carrier, false, Schedule.Newest is DateOnly last ? $"Chưa có lịch công tác tuần này (mục gần nhất {D(last)})." : "Chưa có lịch công tác của lãnh đạo.", Schedule.Newest, fix);
            case "articles":
                return Articles.Published == 0
                    ? new(carrier, false, "Chưa có tin bài nào được xuất bản.", null, fix)
                    : Articles.WithoutAuthor == 0
                        ? new(carrier, true, $"Cả {N(Articles.Published)} tin bài đã xuất bản đều ghi tác giả.", null, fix)
                        : new(carrier, false, $"{N(Articles.WithoutAuthor)}/{N(Articles.Published)} tin bài đã xuất bản không ghi tác giả.", null, fix);
            case "setting":
                return Setting(carrier, arg, fix);
            case "platform":
                return new(carrier, true, Carriers.Platform[arg], null, null);
            case "component-site":
                return _parent is { ParentId: null }
                    ? new(carrier, true, $"Là trang thành phần của {_parent.Name}.", null, null)
                    : new(carrier, false, _parent is null ? "Chưa là trang thành phần của Cổng TTĐT tỉnh." : $"Thuộc {_parent.Name}, chưa trực tiếp là trang thành phần của Cổng TTĐT tỉnh.", null, null);
            case "domain":
                return Domain(carrier);
            case "external":
                return External(carrier, arg);
            default:
                return new(carrier, false, $"Không kiểm tra được \"{carrier}\".", null, null);
        }
    }

    /// <summary>An outside measurement: the monitor's result for the matching rule on the site's address, dated.</summary>
    private CarrierFact External(string carrier, string arg)
    {
        if (Measured is { } m && Carriers.External.TryGetValue(arg, out var rule)
            && m.Evaluation.Check(rule) is { Status: not (CheckStatus.Unknown or CheckStatus.NotApplicable) } c)
            return new(carrier, c.Status == CheckStatus.Pass,
                $"Kết quả {m.When} ({m.Host}): {StatusNames.Vietnamese(c.Status).ToLowerInvariant()}. {c.Evidence}", null, null);
        return new(carrier, null, $"Cần đo từ bên ngoài ({arg}): dữ liệu của trang không cho biết; chờ kết quả giám sát hoặc ghi nhận của chuyên viên.", null, null);
    }

    private CarrierFact Setting(string carrier, string arg, string? fix)
    {
        var s = _site;
        static bool Has(string? v) => !string.IsNullOrWhiteSpace(v);
        return arg switch
        {
            "responsible-person" => Has(s.ResponsiblePerson)
                ? new(carrier, true, $"Người chịu trách nhiệm: {s.ResponsiblePerson}{(Has(s.ResponsiblePersonTitle) ? ", " + s.ResponsiblePersonTitle : "")}.", null, fix)
                : new(carrier, false, "Trang chủ chưa ghi người chịu trách nhiệm nội dung.", null, fix),
            "contact-details" => Has(s.Address) && Has(s.Phone) && Has(s.Email)
                ? new(carrier, true, "Chân trang có địa chỉ, điện thoại, thư điện tử.", null, fix)
                : new(carrier, false, "Chân trang thiếu " + string.Join(", ", new[] { (s.Address, "địa chỉ"), (s.Phone, "điện thoại"), (s.Email, "thư điện tử") }.Where(x => !Has(x.Item1)).Select(x => x.Item2)) + ".", null, fix),
            "managing-agency" => Has(s.ManagingAgency) || s.ParentId is null
                ? new(carrier, true, Has(s.ManagingAgency) ? $"Cơ quan chủ quản: {s.ManagingAgency}." : "Cổng tỉnh do chính cơ quan quản lý.", null, fix)
                : new(carrier, false, "Chân trang chưa ghi cơ quan chủ quản.", null, fix),
            "emc" => s.EmcEnabled && Has(s.EmcSiteId)
                ? new(carrier, true, $"Đã gắn mã theo dõi EMC (mã trang {s.EmcSiteId}).", null, fix)
                : new(carrier, false, "Chưa gắn mã theo dõi của Hệ thống EMC.", null, fix),
            "licence" => !s.IsAggregatedSite
                ? new(carrier, true, "Không phải trang tổng hợp: không cần giấy phép.", null, fix)
                : Has(s.LicenceLine)
                    ? new(carrier, true, $"Giấy phép: {s.LicenceLine}", null, fix)
                    : new(carrier, false, "Là trang tổng hợp nhưng chưa ghi giấy phép trên trang chủ.", null, fix),
            _ => new(carrier, false, $"Không kiểm tra được \"{carrier}\".", null, fix),
        };
    }

    /// <summary>Under .gov.vn and, for a component site, under its parent's domain (tencoquan.tentinh.gov.vn).</summary>
    private CarrierFact Domain(string carrier)
    {
        var hosts = _site.Hosts.Select(h => h.Host).ToList();
        if (hosts.Count == 0) return new(carrier, false, "Chưa khai báo tên miền cho trang.", null, "/quan-tri/cai-dat");
        var gov = hosts.Where(h => h.EndsWith(".gov.vn", StringComparison.Ordinal)).ToList();
        if (gov.Count == 0) return new(carrier, false, $"Tên miền {string.Join(", ", hosts)} không thuộc .gov.vn.", null, null);
        var parentHosts = _parent?.Hosts.Select(h => h.Host).Where(h => !h.StartsWith("www.", StringComparison.Ordinal)).ToList() ?? [];
        if (parentHosts.Count > 0 && !gov.Any(h => parentHosts.Any(p => h.EndsWith("." + p, StringComparison.Ordinal))))
            return new(carrier, false, $"Tên miền {string.Join(", ", gov)} không theo dạng tencoquan.{parentHosts[0]}.", null, null);
        return new(carrier, true, $"Tên miền {string.Join(", ", gov)}.", null, null);
    }
}
