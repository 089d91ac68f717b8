using System.Net;
using CatalogueData = MinhBach.Features.Catalogue.Catalogue;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor;
using MinhBach.Features.Monitor.Net;

namespace MinhBach.Tests.Monitor;

/// <summary>
/// Everything the monitor's tests audit against, started once per class: a test CA, the fixture sites on loopback
/// (IPv4 and ::1), and dnsmasq answering their names (AAAA only for the sites that have IPv6). The auditor reaches
/// them as it would reach any site: by name through the DNS server, over HTTP and HTTPS on the ports the server map
/// gives (80 and 443 are taken to the fixture's ports), trusting the test root like a --ca-cert file. The province's
/// zone is signed: dnsmasq serves a DNSKEY and a DS for it.
/// </summary>
public sealed class MonitorWorld : IAsyncLifetime
{
    /// <summary>The day freshness is judged on: the fixtures' newest items are a few days before it.</summary>
    public static readonly DateOnly Today = new(2026, 11, 20);

    public TestCa Ca { get; private set; } = null!;
    public FixtureServer Server { get; private set; } = null!;
    public Dnsmasq Dns { get; private set; } = null!;
    public MonitorKeywords Words { get; } = MonitorKeywords.Load(CatalogueData.DefaultDirectory);
    public CatalogueData Catalogue { get; } = CatalogueData.Load(CatalogueData.DefaultDirectory);
    public RulePacks Packs { get; private set; } = null!;

    /// <summary>The fixtures' names and addresses as dnsmasq serves them (a test starts its own server with them).</summary>
    public IReadOnlyList<(string Host, IPAddress V4, IPAddress? V6)> Records { get; private set; } = [];

    /// <summary>The zone every fixture site belongs to, signed: one DNSKEY (flags 257, a key-signing key, protocol 3,
    /// algorithm 13 with a 64-byte key) and one DS (key tag 2371, algorithm 13, SHA-256 digest).</summary>
    public const string SignedZone = "dongminh.gov.vn";
    public const int SignedKeyTag = 2371;
    public static readonly (string Name, int Type, string Hex)[] Dnssec =
    [
        (SignedZone, 48, "0101030D" + string.Concat(Enumerable.Repeat("A1B2C3D4", 16))),
        (SignedZone, 43, SignedKeyTag.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + "0D02" + string.Concat(Enumerable.Repeat("0F1E2D3C", 8))),
    ];

    /// <summary>Settings that make a scheduled pass reach the fixtures (their DNS, CA and ports), with no waiting between
    /// requests; a test adds its own (Monitor:Sites, Monitor:Province) to the dictionary.</summary>
    public Dictionary<string, string?> ScheduledPassSettings() => new()
    {
        ["Monitor:DnsServer"] = Dns.Address,
        ["Monitor:CaCertificates:0"] = Ca.RootPemFile,
        ["Monitor:ConnectPorts:0"] = $"80:{Server.HttpPort}",
        ["Monitor:ConnectPorts:1"] = $"443:{Server.HttpsPort}",
        ["Monitor:DelayMilliseconds"] = "0",
        ["Monitor:TimeoutSeconds"] = "10",
        ["Monitor:Retries"] = "1",
    };

    public async Task InitializeAsync()
    {
        Ca = new TestCa();
        Server = await FixtureServer.StartAsync(Ca);
        Packs = RulePacks.Load(CatalogueData.DefaultDirectory, Catalogue);
        Records = Server.Sites.Values.Select(s => (s.Host, IPAddress.Loopback, s.Ipv6 ? IPAddress.IPv6Loopback : (IPAddress?)null))
            .Concat(FixtureServer.HostileHosts.Append(FixtureServer.EmcHost).Select(h => (h, IPAddress.Loopback, (IPAddress?)null))).ToList();
        Dns = await Dnsmasq.StartAsync(Records, Dnssec);
    }

    public async Task DisposeAsync()
    {
        await Dns.DisposeAsync();
        await Server.DisposeAsync();
        Ca.Dispose();
    }

    /// <summary>The network options a CLI run would get: the DNS server, the test root, the fixture ports.</summary>
    public AuditNetwork Network(IEnumerable<string>? resolve = null, string? dnsServer = null)
    {
        var errors = new List<string>();
        var net = AuditNetwork.Parse(resolve ?? [], dnsServer ?? Dns.Address, [Ca.RootPemFile], [$"80:{Server.HttpPort}", $"443:{Server.HttpsPort}"], errors);
        Assert.Empty(errors);
        return net;
    }

    public string[] NetworkArgs() =>
        ["--dns-server", Dns.Address, "--ca-cert", Ca.RootPemFile, "--connect-port", $"80:{Server.HttpPort}", "--connect-port", $"443:{Server.HttpsPort}"];

    /// <summary>Polite but quick: no pause between requests, the shortest allowed timeout, one retry.</summary>
    public static MonitorOptions Options(Action<MonitorOptions>? change = null)
    {
        var o = new MonitorOptions { DelayMilliseconds = 0, TimeoutSeconds = 10, Retries = 1 };
        change?.Invoke(o);
        Assert.Empty(o.Problems());
        return o;
    }

    /// <summary>Audits one address as a run would: every rule of the kind (of <paramref name="pack"/>, with its thresholds,
    /// when given), or only <paramref name="rules"/>; through <paramref name="network"/> or the world's.</summary>
    public async Task<SiteAudit> AuditAsync(string url, string? kind = null, bool deep = false, bool ignoreRobots = false, MonitorOptions? options = null,
        RulePack? pack = null, IReadOnlySet<string>? rules = null, AuditNetwork? network = null)
    {
        options ??= Options();
        using var fetcher = new Fetcher(options, network ?? Network()) { RetryPause = TimeSpan.FromMilliseconds(100) };
        var auditor = new SiteAuditor(options, Words, fetcher, TimeProvider.System);
        var uri = new Uri(url);
        kind ??= Server.Sites.GetValueOrDefault(uri.Host)?.Kind ?? auditor.KindFor(uri);
        var request = new AuditRequest(uri)
        {
            KindCode = kind,
            Province = FixtureServer.Province,
            Deep = deep,
            IgnoreRobots = ignoreRobots,
            Today = Today,
            Rules = rules ?? MonitorRules.For(kind, pack, Catalogue),
            Thresholds = MonitorRules.ThresholdsFor(kind, pack),
        };
        return await auditor.AuditAsync(request, CancellationToken.None);
    }
}
