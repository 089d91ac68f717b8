using MinhBach.Features.Compliance;

namespace MinhBach.Tests.Monitor;

/// <summary>Sites that break things: each gives a clear status per check, never a crashed or hung run.</summary>
public sealed class HostileSiteTests(MonitorWorld world) : IClassFixture<MonitorWorld>
{
    [Fact]
    public async Task Garbage_html_is_read_like_a_browser_would_and_reported()
    {
        var audit = await world.AuditAsync("https://rac.dongminh.gov.vn/", kind: "commune");
        Assert.True(audit.Reachable);
        Assert.Equal(CheckStatus.Fail, audit.Find("TEC-15")!.Status); // not UTF-8 and no charset
        Assert.Equal(CheckStatus.Fail, audit.Find("TEC-21")!.Status);
        Assert.Equal(CheckStatus.Fail, audit.Find("INF-06")!.Status);
    }

    [Fact]
    public async Task A_ten_megabyte_page_is_read_up_to_the_cap_only()
    {
        var audit = await world.AuditAsync("https://nang.dongminh.gov.vn/", kind: "commune", options: MonitorWorld.Options(o => o.MaxResponseKilobytes = 1024));
        Assert.True(audit.Reachable);
        Assert.Contains("chỉ đọc phần đầu", audit.Find("TEC-18")!.Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Fail, audit.Find("TEC-28")!.Status);
        Assert.Equal(CheckStatus.Pass, audit.Find("TEC-15")!.Status); // the cut in the middle of a character is not held against it
    }

    [Fact]
    public async Task Endless_redirects_stop_after_ten_hops_and_say_so()
    {
        var audit = await world.AuditAsync("https://vong.dongminh.gov.vn/", kind: "commune");
        Assert.False(audit.Reachable);
        var f = audit.Find("TEC-18")!;
        Assert.Equal(CheckStatus.Fail, f.Status);
        Assert.Contains("chuyển hướng quá nhiều lần", f.Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Unknown, audit.Find("INF-15")!.Status);
        Assert.Equal(CheckStatus.Pass, audit.Find("TEC-01")!.Status); // what needs no page is still checked
    }

    [Fact]
    public async Task A_slow_loris_answer_is_cut_at_the_deadline_and_retried_once()
    {
        var audit = await world.AuditAsync("https://cham.dongminh.gov.vn/", kind: "commune", options: MonitorWorld.Options(o => o.Retries = 1));
        Assert.False(audit.Reachable);
        var f = audit.Find("TEC-18")!;
        Assert.Equal(CheckStatus.Fail, f.Status);
        Assert.Contains("chưa nhận hết sau 10 giây", f.Evidence, StringComparison.Ordinal);
        Assert.Contains("đã thử 2 lần", f.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_in_the_wrong_charset_fails_the_unicode_check_and_nothing_else_breaks()
    {
        var audit = await world.AuditAsync("https://bangma.dongminh.gov.vn/", kind: "commune");
        Assert.True(audit.Reachable);
        var f = audit.Find("TEC-15")!;
        Assert.Equal(CheckStatus.Fail, f.Status);
        Assert.Contains("không phải UTF-8", f.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_javascript_only_page_leaves_content_checks_unknown_with_the_reason()
    {
        var audit = await world.AuditAsync("https://js.dongminh.gov.vn/", kind: "commune");
        Assert.True(audit.Reachable);
        Assert.Contains("JavaScript", audit.Find("TEC-18")!.Evidence, StringComparison.Ordinal);
        var inf = audit.Find("INF-06")!;
        Assert.Equal(CheckStatus.Unknown, inf.Status);
        Assert.Contains("JavaScript", inf.Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Pass, audit.Find("TEC-15")!.Status);
    }

    [Fact]
    public async Task An_expired_certificate_fails_https_but_the_content_is_still_audited()
    {
        var audit = await world.AuditAsync("https://hethan.dongminh.gov.vn/", kind: "department");
        Assert.True(audit.Reachable);
        var f = audit.Find("TEC-03")!;
        Assert.NotEqual(CheckStatus.Pass, f.Status);
        Assert.Contains("Chứng chỉ không hợp lệ", f.Evidence, StringComparison.Ordinal);
        Assert.Contains("hết hạn", f.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_the_dns_server_does_not_know_is_unreachable_with_the_reason()
    {
        var audit = await world.AuditAsync("https://khongco.dongminh.gov.vn/", kind: "commune");
        Assert.False(audit.Reachable);
        Assert.Contains("không có địa chỉ", audit.Find("TEC-18")!.Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Fail, audit.Find("TEC-02")!.Status);
    }
}
