using System.Net;
using System.Net.Sockets;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor;

namespace MinhBach.Tests.Monitor;

/// <summary>What the monitor notes beside the pass/fail of two rules: DNSSEC of the registered domain with IPv6 (TEC-02),
/// from DNSKEY and DS records a real dnsmasq serves; and the homepage's time to first byte with its size (TEC-28), judged
/// on the rule pack's thresholds and kept with the evaluation.</summary>
public sealed class SpeedAndDnssecTests(MonitorWorld world) : IClassFixture<MonitorWorld>
{
    private static readonly HashSet<string> Ipv6Only = ["TEC-02", "TEC-18"];

    [Fact]
    public async Task Dnssec_is_noted_with_ipv6_for_a_signed_zone_and_an_unsigned_one()
    {
        // The world's DNS serves a DNSKEY and a DS for dongminh.gov.vn, the registered domain of sokhcn.dongminh.gov.vn.
        var signed = (await world.AuditAsync("https://sokhcn.dongminh.gov.vn/", rules: Ipv6Only)).Find("TEC-02")!;
        Assert.Equal(CheckStatus.Pass, signed.Status);
        Assert.Contains($"Tên miền có ký DNSSEC (DNSKEY của {MonitorWorld.SignedZone}: 1 khoá, thuật toán 13; DS: 1 bản ghi, mã khoá {MonitorWorld.SignedKeyTag})",
            signed.Evidence, StringComparison.Ordinal);

        // The same names from a DNS server without those records: the zone is not signed, and IPv6 is judged the same.
        await using var plain = await Dnsmasq.StartAsync(world.Records);
        var unsigned = (await world.AuditAsync("https://sokhcn.dongminh.gov.vn/", rules: Ipv6Only, network: world.Network(dnsServer: plain.Address))).Find("TEC-02")!;
        Assert.Equal(CheckStatus.Pass, unsigned.Status);
        Assert.Contains($"Tên miền chưa ký DNSSEC ({MonitorWorld.SignedZone} không có bản ghi DNSKEY, DS)", unsigned.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("có ký DNSSEC", unsigned.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolver_that_refuses_or_does_not_answer_leaves_dnssec_unchecked_and_ipv6_as_it_was()
    {
        // dnsmasq refuses names outside the zones it knows (it forwards nowhere); the site's addresses are given by --resolve.
        var refused = (await world.AuditAsync("https://www.dongminh-thu.example.org/", kind: "other", rules: Ipv6Only,
            network: world.Network(["www.dongminh-thu.example.org:127.0.0.1"]))).Find("TEC-02")!;
        Assert.Equal(CheckStatus.Fail, refused.Status); // no AAAA: as without the DNSSEC note
        Assert.Contains("Tên miền example.org: chưa kiểm tra được DNSSEC", refused.Evidence, StringComparison.Ordinal);
        Assert.Contains("Refused", refused.Evidence, StringComparison.Ordinal);

        // Nothing listens at the DNS server's address: the site is still audited through --resolve.
        var silent = (await world.AuditAsync("http://sonongnghiep.dongminh.gov.vn/", kind: "department", rules: Ipv6Only,
            network: world.Network(["sonongnghiep.dongminh.gov.vn:127.0.0.1", "sonongnghiep.dongminh.gov.vn:[::1]"], $"127.0.0.1:{ClosedUdpPort()}"))).Find("TEC-02")!;
        Assert.Equal(CheckStatus.Pass, silent.Status);
        Assert.Contains($"Tên miền {MonitorWorld.SignedZone}: chưa kiểm tra được DNSSEC", silent.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_to_first_byte_is_the_median_of_the_homepage_fetches_judged_on_the_packs_thresholds()
    {
        var pack = world.Packs.Get("D224-2026")!;
        // tre.dongminh.gov.vn holds its homepage's headers back 2 s; the pack calls 1,800 ms and more slow.
        var slow = await world.AuditAsync("https://tre.dongminh.gov.vn/", kind: "commune", pack: pack);
        var f = slow.Find("TEC-28")!;
        Assert.Equal(CheckStatus.Fail, f.Status);
        Assert.Contains("Thời gian tới byte đầu tiên (TTFB) của trang chủ", f.Evidence, StringComparison.Ordinal);
        Assert.Contains("chậm (từ 1.800 ms trở lên)", f.Evidence, StringComparison.Ordinal);
        // Two fetches answered with the homepage: the main one and the one from http:// (no redirect there).
        Assert.NotNull(slow.Speed);
        Assert.Equal(2, slow.Speed.Samples);
        // The server's delay and the auditor's clock are measured apart: a millisecond short of it is the same wait.
        Assert.InRange(slow.Speed.TtfbMs, (int)FixtureServer.SlowHomepage.TotalMilliseconds - 50, int.MaxValue);
        Assert.Contains("trung vị của 2 lần tải", f.Evidence, StringComparison.Ordinal);

        // Scored on the pack: the speed goes with the evaluation, as the run stores it and the JSON prints it.
        var evaluation = MonitorScoring.Evaluate(pack, slow, "UBND xã Trễ", MonitorWorld.Today);
        Assert.Equal(slow.Speed, evaluation.Speed);
        Assert.Contains("\"ttfbMs\":", EvaluationJson.Write(evaluation), StringComparison.Ordinal);
        Assert.Equal(slow.Speed, EvaluationJson.ReadSite(EvaluationJson.Write(evaluation))!.Speed);

        // Without a pack's thresholds the time is reported and judges nothing.
        var unjudged = (await world.AuditAsync("https://tre.dongminh.gov.vn/", kind: "commune")).Find("TEC-28")!;
        Assert.Equal(CheckStatus.Pass, unjudged.Status);
        Assert.Contains("gói quy tắc không đặt ngưỡng", unjudged.Evidence, StringComparison.Ordinal);
    }

    private static int ClosedUdpPort()
    {
        using var u = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)u.Client.LocalEndPoint!).Port;
    }
}
