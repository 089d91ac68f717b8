using System.Text;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor;

namespace MinhBach.Tests.Monitor;

/// <summary>
/// The auditor against fixture sites of four generations (an old table layout on IIS, a NukeViet commune site, a
/// Liferay department portal, a modern provincial portal), each with known gaps written in its site.json: every
/// check's status must match the fixture's truth, with evidence.
/// </summary>
public sealed class FixtureSiteTests(MonitorWorld world) : IClassFixture<MonitorWorld>
{
    public static TheoryData<string> Sites() => [.. FixtureServer.LoadSites().Keys.Order()];

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task Every_check_matches_the_fixtures_known_truth(string host)
    {
        var site = world.Server.Sites[host];
        var scheme = site.Https == "none" ? "http" : "https";
        var audit = await world.AuditAsync($"{scheme}://{host}/");

        Assert.True(audit.Reachable, audit.Find("TEC-18")?.Evidence);
        var wrong = new StringBuilder();
        foreach (var (id, expected) in site.Expect.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var f = audit.Find(id);
            var actual = f is null ? "(không kiểm tra)" : JsonName(f.Status);
            if (actual != expected) wrong.AppendLine($"{id}: cần {expected}, được {actual} — {f?.Evidence}");
        }
        Assert.True(wrong.Length == 0, $"{host}:\n{wrong}");
        // Every finding says what it saw.
        Assert.All(audit.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Evidence), f.RuleId));
    }

    internal static string JsonName(CheckStatus s) => s switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Partial => "partial",
        CheckStatus.Fail => "fail",
        CheckStatus.NotApplicable => "not_applicable",
        _ => "unknown",
    };

    [Fact]
    public async Task A_modern_site_shows_its_evidence_addresses_and_text()
    {
        var audit = await world.AuditAsync("https://dongminh.gov.vn/");
        Assert.Contains("Chịu trách nhiệm", audit.Find("TEC-21")!.Evidence, StringComparison.Ordinal);
        Assert.Contains("https://dongminh.gov.vn/tin-tuc", audit.Find("INF-15")!.Evidence, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 19), audit.Find("INF-15")!.Newest);
        Assert.Contains("::1", audit.Find("TEC-02")!.Evidence, StringComparison.Ordinal);
        Assert.Contains("TLS 1.", audit.Find("TEC-03")!.Evidence, StringComparison.Ordinal);
        Assert.Contains("Thu hút đầu tư", audit.Find("INF-05a")!.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robots_txt_is_respected_unless_the_authority_overrides_it_for_the_site()
    {
        var polite = await world.AuditAsync("https://sokhcn.dongminh.gov.vn/");
        Assert.Equal(CheckStatus.Unknown, polite.Find("TEC-07")!.Status);
        Assert.Contains("robots.txt", polite.Find("TEC-07")!.Evidence, StringComparison.Ordinal);

        var overridden = await world.AuditAsync("https://sokhcn.dongminh.gov.vn/", ignoreRobots: true);
        Assert.Equal(CheckStatus.Pass, overridden.Find("TEC-07")!.Status);
    }

    [Fact]
    public async Task At_most_two_requests_reach_one_host_at_a_time_and_the_page_budget_holds()
    {
        var options = MonitorWorld.Options(o => o.PageBudget = 12);
        var audit = await world.AuditAsync("https://xaphuloc.dongminh.gov.vn/", options: options);
        Assert.True(audit.PagesRead <= 12 + 1, $"đã đọc {audit.PagesRead} trang"); // the budget counts the request that hit it
        Assert.InRange(world.Server.MaxInFlight("xaphuloc.dongminh.gov.vn"), 1, 2);
        Assert.Contains(audit.Findings, f => f.Evidence.Contains("hết số trang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_given_with_resolve_wins_over_the_dns_server()
    {
        // dnsmasq gives the old site no AAAA; --resolve says it has ::1, and the fetch over IPv6 then works.
        var options = MonitorWorld.Options();
        using var fetcher = new Features.Monitor.Net.Fetcher(options, world.Network(["sonongnghiep.dongminh.gov.vn:127.0.0.1", "sonongnghiep.dongminh.gov.vn:[::1]"]));
        var auditor = new SiteAuditor(options, world.Words, fetcher, TimeProvider.System);
        var audit = await auditor.AuditAsync(new AuditRequest(new Uri("http://sonongnghiep.dongminh.gov.vn/"))
        {
            KindCode = "department",
            Today = MonitorWorld.Today,
            Rules = new HashSet<string> { "TEC-02", "TEC-18" },
        }, CancellationToken.None);
        Assert.Equal(CheckStatus.Pass, audit.Find("TEC-02")!.Status);
    }
}
