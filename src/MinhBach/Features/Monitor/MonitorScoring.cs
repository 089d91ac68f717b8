using MinhBach.Features.Compliance;

namespace MinhBach.Features.Monitor;

/// <summary>The rules the monitor checks from outside, with their short Vietnamese names (for rules no pack carries).</summary>
public static class MonitorRules
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["INF-01"] = "Văn bản quy phạm pháp luật, văn bản quản lý",
        ["INF-02"] = "Điều ước quốc tế",
        ["INF-03"] = "Thủ tục hành chính, dịch vụ công trực tuyến",
        ["INF-04"] = "Phổ biến, hướng dẫn thực hiện pháp luật",
        ["INF-05"] = "Chiến lược, quy hoạch, kế hoạch",
        ["INF-05a"] = "Thu hút đầu tư, quy hoạch xây dựng, đất đai, môi trường",
        ["INF-06"] = "Chức năng, nhiệm vụ, cơ cấu tổ chức, liên hệ",
        ["INF-07"] = "Báo cáo tài chính, công khai ngân sách",
        ["INF-08"] = "Thông tin thống kê",
        ["INF-09"] = "Chương trình, đề tài khoa học",
        ["INF-10"] = "Đầu tư công, mua sắm công",
        ["INF-11"] = "Tiếp cận thông tin",
        ["INF-12"] = "Thông tin vì lợi ích công cộng, dịch bệnh",
        ["INF-13"] = "Lãnh đạo, quá trình phát triển (sở, ngành)",
        ["INF-14"] = "Giới thiệu địa phương, bản đồ hành chính",
        ["INF-15"] = "Tin tức, sự kiện",
        ["INF-16"] = "Chỉ đạo điều hành, lịch công tác",
        ["INF-17"] = "Lấy ý kiến dự thảo văn bản",
        ["INF-18"] = "Công báo điện tử",
        ["INF-19"] = "Kênh thông tin khác, cổng dữ liệu",
        ["INF-20"] = "Thông tin tiếng Anh",
        ["INF-21"] = "Thường xuyên cập nhật thông tin",
        ["TEC-01"] = "Tên miền .gov.vn đúng quy tắc",
        ["TEC-02"] = "IPv6",
        ["TEC-03"] = "HTTPS, chứng chỉ, TLS ≥ 1.2, HSTS",
        ["TEC-04"] = "Trang thành phần của cổng tỉnh",
        ["TEC-05"] = "Mã theo dõi EMC",
        ["TEC-06"] = "Liên kết tới trang cơ quan nhà nước khác",
        ["TEC-07"] = "Tìm kiếm hoạt động",
        ["TEC-08"] = "In tin bài",
        ["TEC-10"] = "Dữ liệu đặc tả Dublin Core",
        ["TEC-11"] = "Sơ đồ cổng, sitemap",
        ["TEC-12"] = "Hỏi đáp, tiếp nhận phản hồi",
        ["TEC-13"] = "Hỗ trợ thiết bị di động",
        ["TEC-14"] = "Hỗ trợ người khuyết tật",
        ["TEC-15"] = "Unicode UTF-8 dựng sẵn",
        ["TEC-16"] = "RSS, chuẩn nội dung web, mã lỗi 404",
        ["TEC-18"] = "Truy cập được, chuyển hướng",
        ["TEC-19"] = "Dấu hiệu an toàn thông tin",
        ["TEC-20"] = "Bố cục trang chủ: tên, biểu trưng, menu",
        ["TEC-21"] = "Chân trang: chủ quản, người chịu trách nhiệm, liên hệ, giấy phép",
        ["TEC-22"] = "Ghi nguồn tin đăng lại",
        ["TEC-23"] = "Tác giả, ngày đăng tin bài",
        ["TEC-27"] = "Chính sách bảo vệ dữ liệu cá nhân",
        ["TEC-28"] = "Dung lượng, thời gian phản hồi trang chủ",
    };

    /// <summary>The pack's limits for the rules that apply to this kind and carry some (TEC-28's time to first byte).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ThresholdsFor(string kind, RulePack? pack) =>
        (pack?.RulesFor(kind) ?? []).Where(r => r.Thresholds.Count > 0).ToDictionary(r => r.Id, r => r.Thresholds);

    /// <summary>Checks about the site as a whole, made whatever the kind of unit.</summary>
    public static readonly IReadOnlyList<string> Technical = Titles.Keys.Where(k => k.StartsWith("TEC-", StringComparison.Ordinal)).ToList();

    /// <summary>What to check on a site of this kind: the pack's rules for it (or the catalogue's items), plus every technical check.</summary>
    public static IReadOnlySet<string> For(string kind, RulePack? pack, Catalogue.Catalogue catalogue)
    {
        var ids = new HashSet<string>(Technical, StringComparer.Ordinal);
        if (pack is not null) ids.UnionWith(pack.RulesFor(kind).Select(r => r.Id).Where(Titles.ContainsKey));
        else ids.UnionWith(catalogue.Kind(kind)?.Items ?? []);
        if (ids.Any(i => i.StartsWith("INF-", StringComparison.Ordinal))) ids.Add("INF-21");
        ids.Add("INF-20");
        return ids;
    }
}

/// <summary>
/// Turns an audit's findings into the one evaluation shape (<see cref="SiteEvaluation"/>, source "crawl"): each rule of
/// the pack takes the monitor's finding with the same ID; freshness is judged against the pack's threshold for the
/// unit's kind (a stale section counts half, as for hosted sites); regular updating (INF-21) is the share of dated
/// sections still fresh; points follow the pack's headings, a heading with no applicable rule handing its share to the
/// others. Findings no rule of the pack names are listed after, with no points. Without a pack every applicable check
/// weighs the same.
/// </summary>
public static class MonitorScoring
{
    internal const string NotChecked = "Bộ rà soát không kiểm tra mục này từ bên ngoài.";
    internal const string StaleMark = " Chưa cập nhật: ";
    internal const string UndatedMark = " Không thấy ngày đăng nào để biết";

    public static SiteEvaluation Evaluate(RulePack? pack, SiteAudit audit, string name, DateOnly today)
    {
        var kind = audit.KindCode;
        var byId = audit.Findings.ToDictionary(f => f.RuleId);
        var rules = pack?.Rules ?? [];

        // The monitor's other findings: shown with their evidence, outside the pack's points.
        var inPack = rules.Select(r => r.Id).ToHashSet();
        var extra = audit.Findings.Where(f => !inPack.Contains(f.RuleId) && f.RuleId != "INF-21").Select(f => Judge(f.RuleId, f, null, today)).ToList();
        if (pack is null && byId.ContainsKey("INF-21"))
            extra.Add(Regularity("INF-21", extra));

        if (pack is null)
        {
            // Without a pack every applicable check weighs the same.
            var live = extra.Where(d => d.Status != CheckStatus.NotApplicable).ToList();
            var each = live.Count == 0 ? 0 : 100m / live.Count;
            var flat = extra.Select(d => d.Status == CheckStatus.NotApplicable ? d.ToCheck(0, 0) : d.ToCheck(each * d.Fraction, each)).ToList();
            return new SiteEvaluation(audit.Host, audit.FinalUrl ?? audit.Url, RuleEngine.Round(live.Sum(d => each * d.Fraction), 1), flat, name, kind,
                EvaluationSources.Crawl, [], audit.Speed);
        }

        var drafts = new List<(Rule Rule, Draft Draft)>();
        foreach (var rule in rules)
        {
            if (!pack.Covers(kind) || !rule.AppliesTo(kind))
                drafts.Add((rule, new Draft(rule.Id, CheckStatus.NotApplicable, 0, "Quy tắc không áp dụng cho loại đơn vị này.", null)));
            else if (!rule.Carriers.Contains(RuleEngine.FreshnessCarrier))
                drafts.Add((rule, Judge(rule.Id, byId.GetValueOrDefault(rule.Id), rule.FreshnessFor(kind), today)));
        }
        // Regular updating, after the sections it summarises.
        foreach (var rule in rules.Where(r => pack.Covers(kind) && r.AppliesTo(kind) && r.Carriers.Contains(RuleEngine.FreshnessCarrier)))
            drafts.Add((rule, Regularity(rule.Id, drafts.Select(x => x.Draft))));

        // Points as for hosted sites: the pack's headings, a heading with no applicable rule handing its share to the others.
        var scored = RuleEngine.Score(pack, kind, drafts.Select(x => new RuleEngine.Draft(x.Rule, x.Draft.Status, x.Draft.Fraction, x.Draft.Evidence, null, x.Draft.Freshness)).ToList());
        var checks = scored.Checks.Concat(extra.Select(d => d.ToCheck(0, 0))).ToList();
        return new SiteEvaluation(audit.Host, audit.FinalUrl ?? audit.Url, scored.Score, checks, name, kind, EvaluationSources.Crawl, scored.Headings, audit.Speed);
    }

    /// <summary>What the monitor made of one rule, before points.</summary>
    private sealed record Draft(string Id, CheckStatus Status, decimal Fraction, string Evidence, Freshness? Freshness)
    {
        /// <summary>As a check outside the pack's rules: the monitor's own title, no heading.</summary>
        public Check ToCheck(decimal points, decimal max) =>
            new(Id, Status, RuleEngine.Round(points, 2), Evidence, MonitorRules.Titles.GetValueOrDefault(Id, Id), "", RuleEngine.Round(max, 2), Certainty.U, null, Freshness, null);
    }

    private static Draft Judge(string id, Finding? f, int? freshnessDays, DateOnly today)
    {
        if (f is null)
            return new Draft(id, CheckStatus.Unknown, 0, NotChecked, null);
        var fraction = RuleEngine.FractionOf(f.Status);
        var status = f.Status;
        var evidence = f.Evidence;
        Freshness? freshness = null;
        if (freshnessDays is int days && f.Status is CheckStatus.Pass or CheckStatus.Partial)
        {
            int? age = f.Newest is { } n ? today.DayNumber - n.DayNumber : null;
            freshness = new Freshness(f.Newest, days, age, age is int a && a <= days);
            if (!freshness.Fresh)
            {
                // A section present but not kept up to date is met by half, as on hosted sites.
                fraction /= 2;
                status = RuleEngine.StatusOf(fraction);
                evidence += f.Newest is not null
                    ? $"{StaleMark}{RuleEngine.FreshnessText(freshness)}."
                    : $"{UndatedMark} còn được cập nhật (ngưỡng {days} ngày).";
            }
        }
        return new Draft(id, status, fraction, evidence, freshness);
    }

    private static Draft Regularity(string id, IEnumerable<Draft> sections)
    {
        var dated = sections.Where(d => d.Freshness is not null).ToList();
        if (dated.Count == 0)
            return new Draft(id, CheckStatus.Unknown, 0, "Không mục nào có ngày để đánh giá việc cập nhật.", null);
        var fresh = dated.Count(d => d.Freshness!.Fresh);
        var fraction = (decimal)fresh / dated.Count;
        var stale = dated.Where(d => !d.Freshness!.Fresh).Select(d => d.Id).ToList();
        return new Draft(id, RuleEngine.StatusOf(fraction), fraction,
            $"{fresh}/{dated.Count} mục còn trong ngưỡng cập nhật." + (stale.Count == 0 ? "" : $" Quá ngưỡng: {string.Join(", ", stale)}."), null);
    }
}
