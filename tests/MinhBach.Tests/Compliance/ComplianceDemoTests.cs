using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Compliance;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Compliance;

/// <summary>The demo province's documented gaps (docs/DEMO.md) as the checklist reports them, the score moving when an
/// editor fills a gap, the reviewer's findings, and the province view with its snapshots.</summary>
public sealed class ComplianceDemoTests
{
    /// <summary>The gaps left in the demo on purpose, and what follows from them (a stale section also lowers regular
    /// updating; a commune without focal points has none in English either), with both packs.</summary>
    private static readonly (string Site, string Rule, CheckStatus Status)[] DemoGaps =
    [
        ("so-tai-chinh", "TEC-05", CheckStatus.Fail),
        ("so-xay-dung", "INF-15", CheckStatus.Partial),
        ("so-xay-dung", "INF-21", CheckStatus.Partial),
        ("so-xay-dung", "TEC-23", CheckStatus.Fail),
        ("so-y-te", "INF-13", CheckStatus.Partial),
        ("so-vhttdl", "INF-07", CheckStatus.Fail),
        ("so-tu-phap", "INF-20", CheckStatus.Fail),
        ("phuong-minh-khai", "INF-06", CheckStatus.Partial),
        ("phuong-minh-khai", "INF-20", CheckStatus.Partial),
        ("xa-quang-thanh", "INF-14", CheckStatus.Partial),
        ("xa-quang-thanh", "INF-16", CheckStatus.Partial),
        ("xa-quang-thanh", "INF-21", CheckStatus.Partial),
    ];

    [DatabaseTheory]
    public async Task The_demo_gaps_and_only_they_are_reported_with_both_packs(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);
        foreach (var pack in new[] { "D42-2022", "D224-2026" })
        {
            var evaluation = await world.EvaluateAsync(pack);
            Assert.Equal(pack, evaluation.Pack);
            Assert.Equal(17, evaluation.Sites.Count);
            var gaps = evaluation.Sites.SelectMany(s => s.Gaps.Select(c => (s.Site, c.Id, c.Status))).Order().ToList();
            Assert.Equal(DemoGaps.Order().ToList(), gaps);
            foreach (var s in evaluation.Sites)
            {
                Assert.InRange(Math.Abs(s.Score - s.Checks.Sum(c => c.Points)), 0m, 0.1m);
                Assert.InRange(s.Score, 0m, 100m);
                Assert.All(s.Gaps, c => Assert.False(string.IsNullOrWhiteSpace(c.Evidence)));
            }
        }

        // Under Decree 42 a site without gaps in Art. 4 scores 100; the EMC tag is reviewed apart and carries no points.
        var d42 = await world.EvaluateAsync("D42-2022");
        Assert.Equal(100m, d42.Sites.Single(s => s.Site == "so-khcn").Score);
        Assert.Equal(100m, d42.Sites.Single(s => s.Site == "so-tai-chinh").Score);
        var stale = d42.Sites.Single(s => s.Site == "so-xay-dung").Check("INF-15")!;
        Assert.False(stale.Freshness!.Fresh);
        Assert.InRange(stale.Freshness.AgeDays!.Value, 100, 140);
        Assert.Contains("quá ngưỡng", (await world.SignInAndGetAsync(ComplianceWorld.SystemAdmin, "/so-xay-dung/quan-tri/tuan-thu?goi=D42-2022")).QuerySelector("#quy-tac-INF-15")!.TextContent);

        // Under Decree 224, IPv6, HTTPS and performance cannot be told from a hosted site's data: unknown, not a gap.
        var d224 = await world.EvaluateAsync("D224-2026", "so-khcn");
        Assert.Equal(90m, d224.Score);
        Assert.Equal(["TEC-02", "TEC-03", "TEC-28"], d224.Checks.Where(c => c.Status == CheckStatus.Unknown).Select(c => c.Id));
        var emc = (await world.EvaluateAsync("D224-2026", "so-tai-chinh")).Check("TEC-05")!;
        Assert.Equal("Chưa gắn mã theo dõi của Hệ thống EMC.", emc.Evidence);
        Assert.Equal("/quan-tri/cai-dat", emc.Fix);
    }

    [DatabaseTheory]
    public async Task An_editor_filling_a_gap_raises_the_score_at_once(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);
        await world.App.CreateUserAsync("btv.minhkhai@dongminh.gov.vn", "DongMinh2026b", "Biên tập viên phường Minh Khai");
        await world.App.GrantAsync("btv.minhkhai@dongminh.gov.vn", "phuong-minh-khai", SiteRole.Editor);
        var editor = new AdminSession(world.App);
        using (var r = await editor.PostFormAsync("/quan-tri/dang-nhap", ("UserName", "btv.minhkhai@dongminh.gov.vn"), ("Password", "DongMinh2026b")))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        editor.SignedIn();

        const string checklist = "/phuong-minh-khai/quan-tri/tuan-thu?goi=D42-2022";
        var before = await editor.GetHtmlAsync(checklist);
        Assert.Equal("98,3/100", before.QuerySelector(".score")!.TextContent.Trim());
        var row = before.QuerySelector("#quy-tac-INF-06")!;
        Assert.Contains("Đạt một phần", row.TextContent);
        Assert.Contains("Chưa có cán bộ đầu mối", row.TextContent);
        Assert.Equal("/phuong-minh-khai/quan-tri/dau-moi/moi", row.QuerySelector("a")!.GetAttribute("href"));

        // The gap is filled through the ordinary editor, as the link says.
        using (var r = await editor.PostFormAsync("/phuong-minh-khai/quan-tri/dau-moi/moi", ("Form.FullName", "Lê Thị Thu"), ("Form.Title", "Công chức Văn phòng - Thống kê"),
                   ("Form.TitleEn", "Office and statistics officer"), ("Form.Unit", "Văn phòng UBND phường"), ("Form.Responsibility", "Cung cấp thông tin"),
                   ("Form.Phone", "0279 3850 123"), ("Form.Email", "thu.lt@minhkhai.dongminh.gov.vn")))
            await r.AssertSavedAsync("/phuong-minh-khai/quan-tri/dau-moi");

        var after = await editor.GetHtmlAsync(checklist);
        Assert.Equal("100/100", after.QuerySelector(".score")!.TextContent.Trim());
        Assert.Contains("Đạt", after.QuerySelector("#quy-tac-INF-06")!.TextContent);
        Assert.Empty((await world.EvaluateAsync("D42-2022", "phuong-minh-khai")).Gaps);
        Assert.Empty((await world.EvaluateAsync("D224-2026", "phuong-minh-khai")).Gaps);

        // Another site's checklist is not this editor's to read.
        using var other = await editor.GetAsync("/so-khcn/quan-tri/tuan-thu");
        other.AssertRefused("an editor of one commune opening a department's checklist");
    }

    [DatabaseTheory]
    public async Task A_reviewer_overrides_a_check_with_a_reason_kept_in_the_audit_trail(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);
        var reviewer = await world.SignInAsync(ComplianceWorld.Reviewer);
        const string checklist = "/so-khcn/quan-tri/tuan-thu?goi=D224-2026";
        Assert.Equal("90/100", (await reviewer.GetHtmlAsync(checklist)).QuerySelector(".score")!.TextContent.Trim());

        // No reason, no status: refused in Vietnamese, nothing stored.
        var errors = await EditorsWorld.RefusedAsync(reviewer, "/so-khcn/quan-tri/tuan-thu?handler=Finding&goi=D224-2026", ("Rule", "TEC-02"), ("Status", ""), ("Reason", " "));
        Assert.Contains("Hãy chọn kết quả ghi nhận: đạt, đạt một phần, chưa đạt hoặc không áp dụng.", errors);
        Assert.Contains("Hãy ghi lý do (căn cứ) của kết quả ghi nhận.", errors);
        Assert.Contains("Quy tắc \"INF-99\" không có trong gói quy tắc nào.",
            await EditorsWorld.RefusedAsync(reviewer, "/so-khcn/quan-tri/tuan-thu?handler=Finding", ("Rule", "INF-99"), ("Status", "pass"), ("Reason", "x")));
        Assert.Equal(0, await world.DbAsync(db => db.ManualFindings.IgnoreQueryFilters().CountAsync()));

        using (var r = await reviewer.PostFormAsync("/so-khcn/quan-tri/tuan-thu?handler=Finding&goi=D224-2026",
                   ("Rule", "TEC-02"), ("Status", "pass"), ("Reason", "Công văn 850/STTTT-BCVT: đã xác nhận IPv6 ngày 31/5/2026.")))
            await r.AssertSavedAsync("/so-khcn/quan-tri/tuan-thu?goi=D224-2026");
        var page = await reviewer.GetHtmlAsync(checklist);
        Assert.Equal("94/100", page.QuerySelector(".score")!.TextContent.Trim());
        var row = page.QuerySelector("#quy-tac-TEC-02")!.TextContent;
        Assert.Contains("Ghi nhận của chuyên viên (tự động: Chưa xác định)", row);
        Assert.Contains($"Ghi nhận bởi {ComplianceWorld.Reviewer}", row);
        Assert.Contains("Công văn 850/STTTT-BCVT", row);
        var check = (await world.EvaluateAsync("D224-2026", "so-khcn")).Check("TEC-02")!;
        Assert.Equal((CheckStatus.Pass, CheckStatus.Unknown), (check.Status, check.Override!.AutomaticStatus));

        var soKhcn = await world.DbAsync(db => db.Sites.SingleAsync(s => s.Slug == "so-khcn"));
        var audit = Assert.Single(await world.DbAsync(db => db.AuditEntries.Where(e => e.Action == "compliance.finding").ToListAsync()));
        Assert.Equal((soKhcn.Id, ComplianceWorld.Reviewer, "TEC-02"), (audit.SiteId!.Value, audit.UserName, audit.TargetId!));
        Assert.Contains("Đạt. Lý do: Công văn 850/STTTT-BCVT", audit.Summary);

        // The site's own editor reads the finding and cannot change it.
        var editor = await world.SignInAsync("btv.khcn@dongminh.gov.vn");
        Assert.Contains("Ghi nhận bởi", (await editor.GetHtmlAsync(checklist)).QuerySelector("#quy-tac-TEC-02")!.TextContent);
        using (var r = await editor.PostFormAsync("/so-khcn/quan-tri/tuan-thu?handler=RemoveFinding", ("Rule", "TEC-02")))
            r.AssertRefused("an editor removing a reviewer's finding");

        // Removed: the automatic check counts again, and the removal is audited too.
        using (var r = await reviewer.PostFormAsync("/so-khcn/quan-tri/tuan-thu?handler=RemoveFinding&goi=D224-2026", ("Rule", "TEC-02")))
            await r.AssertSavedAsync("/so-khcn/quan-tri/tuan-thu?goi=D224-2026");
        Assert.Equal("90/100", (await reviewer.GetHtmlAsync(checklist)).QuerySelector(".score")!.TextContent.Trim());
        Assert.Single(await world.DbAsync(db => db.AuditEntries.Where(e => e.Action == "compliance.finding.remove" && e.SiteId == soKhcn.Id).ToListAsync()));
        Assert.Equal(0, await world.DbAsync(db => db.ManualFindings.IgnoreQueryFilters().CountAsync()));
    }

    [DatabaseTheory]
    public async Task The_province_view_ranks_filters_and_keeps_snapshots(string provider)
    {
        await using var world = await ComplianceWorld.StartAsync(provider);
        var reviewer = await world.SignInAsync(ComplianceWorld.Reviewer);

        var page = await reviewer.GetHtmlAsync("/quan-tri/danh-gia?goi=D42-2022");
        var ranking = page.QuerySelectorAll(".ranking tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Equal(17, ranking.Count);
        Assert.Contains("Quảng Thành", ranking[^1]);
        var chart = page.QuerySelector("svg.score-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.NotNull(chart.QuerySelector("title"));
        Assert.NotNull(chart.QuerySelector("desc"));
        Assert.Equal(17, chart.QuerySelectorAll("rect.bar").Length);

        var communes = await reviewer.GetHtmlAsync("/quan-tri/danh-gia?goi=D42-2022&loai=commune");
        Assert.Equal(6, communes.QuerySelectorAll(".ranking tbody tr").Length);
        var bad = await reviewer.GetHtmlAsync("/quan-tri/danh-gia?goi=D99&loai=bo");
        Assert.Contains("Không có gói quy tắc \"D99\"", bad.QuerySelector(".errors")!.TextContent);

        // Chốt kỳ đánh giá: refused without a name, then stored with every site's evaluation and audited.
        Assert.Contains("Hãy đặt tên cho kỳ đánh giá", (await EditorsWorld.RefusedAsync(reviewer, "/quan-tri/danh-gia?handler=Snapshot&goi=D42-2022", ("SnapshotTitle", "")))[0]);
        using (var r = await reviewer.PostFormAsync("/quan-tri/danh-gia?handler=Snapshot&goi=D42-2022", ("SnapshotTitle", "Rà soát 6 tháng cuối năm 2026")))
            await r.AssertSavedAsync("/quan-tri/danh-gia?goi=D42-2022");
        var snapshot = await world.DbAsync(db => db.ReviewSnapshots.Include(s => s.Sites).SingleAsync());
        Assert.Equal(("D42-2022", 17), (snapshot.PackId, snapshot.Sites.Count));
        var stored = EvaluationJson.ReadSite(snapshot.Sites.Single(s => s.SiteKey == "so-vhttdl").EvaluationJson)!;
        Assert.Equal(CheckStatus.Fail, stored.Check("INF-07")!.Status);
        Assert.Single(await world.DbAsync(db => db.AuditEntries.Where(e => e.Action == "compliance.snapshot").ToListAsync()));

        var trend = await reviewer.GetHtmlAsync("/quan-tri/danh-gia?goi=D42-2022");
        Assert.Contains("Rà soát 6 tháng cuối năm 2026", trend.QuerySelector(".trend thead")!.TextContent);

        // Only the Sở's reviewers (and system administrators) see the province.
        var editor = await world.SignInAsync("btv.khcn@dongminh.gov.vn");
        using var refused = await editor.GetAsync("/quan-tri/danh-gia");
        refused.AssertRefused("a department editor opening the province view");
    }
}
