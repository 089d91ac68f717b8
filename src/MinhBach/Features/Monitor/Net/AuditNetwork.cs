using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using DnsClient;
using DnsClient.Protocol;

namespace MinhBach.Features.Monitor.Net;

/// <summary>
/// How a run reaches the sites: fixed addresses for some hosts (<c>--resolve HOST:ADDRESS</c>, as curl), a chosen DNS
/// server (<c>--dns-server</c>) instead of the system's, extra trusted roots (<c>--ca-cert</c>) and, for servers that
/// listen on other ports than the address says (test servers), a port map (<c>--connect-port 443:8443</c>).
/// Everything else is the system's.
/// </summary>
public sealed class AuditNetwork
{
    public IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> Fixed { get; init; } = new Dictionary<string, IReadOnlyList<IPAddress>>();
    public IPEndPoint? DnsServer { get; init; }
    public X509Certificate2Collection ExtraRoots { get; init; } = [];
    public IReadOnlyDictionary<int, int> PortMap { get; init; } = new Dictionary<int, int>();

    public int MapPort(int port) => PortMap.TryGetValue(port, out var p) ? p : port;

    /// <summary>Parses the CLI's options; every problem is a Vietnamese sentence naming the option and the value.</summary>
    public static AuditNetwork Parse(IEnumerable<string> resolve, string? dnsServer, IEnumerable<string> caCerts, IEnumerable<string> connectPorts, List<string> errors)
    {
        var map = new Dictionary<string, List<IPAddress>>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in resolve)
        {
            // HOST:ADDRESS, the address possibly an IPv6 one (with or without brackets).
            var i = r.IndexOf(':');
            var host = i > 0 ? r[..i].Trim().TrimEnd('.') : "";
            var addr = i > 0 ? r[(i + 1)..].Trim().Trim('[', ']') : "";
            if (host.Length == 0 || Uri.CheckHostName(host) != UriHostNameType.Dns || !IPAddress.TryParse(addr, out var ip))
            {
                errors.Add($"--resolve \"{r}\" không đúng dạng TÊN-MIỀN:ĐỊA-CHỈ-IP (ví dụ: so-a.tinh.gov.vn:127.0.0.1 hoặc so-a.tinh.gov.vn:[::1]).");
                continue;
            }
            if (!map.TryGetValue(host, out var list)) map[host] = list = [];
            list.Add(ip);
        }

        IPEndPoint? dns = null;
        if (!string.IsNullOrWhiteSpace(dnsServer))
        {
            if (IPEndPoint.TryParse(dnsServer.Trim(), out var ep))
                dns = ep.Port == 0 ? new IPEndPoint(ep.Address, 53) : ep;
            else errors.Add($"--dns-server \"{dnsServer}\" không đúng dạng ĐỊA-CHỈ-IP[:CỔNG] (ví dụ: 10.0.0.53 hoặc 127.0.0.1:5353).");
        }

        var roots = new X509Certificate2Collection();
        foreach (var file in caCerts)
        {
            if (!File.Exists(file)) { errors.Add($"--ca-cert: không tìm thấy tệp \"{file}\"."); continue; }
            try
            {
                var found = new X509Certificate2Collection();
                found.ImportFromPemFile(file);
                if (found.Count == 0) found.Add(X509CertificateLoader.LoadCertificateFromFile(file));
                roots.AddRange(found);
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                try { roots.Add(X509CertificateLoader.LoadCertificateFromFile(file)); }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    errors.Add($"--ca-cert: tệp \"{file}\" không phải chứng chỉ (PEM hoặc DER).");
                }
            }
        }

        var ports = new Dictionary<int, int>();
        foreach (var p in connectPorts)
        {
            var parts = p.Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from) && from is > 0 and < 65536
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to) && to is > 0 and < 65536)
                ports[from] = to;
            else errors.Add($"--connect-port \"{p}\" không đúng dạng CỔNG:CỔNG-THẬT (ví dụ: 443:8443).");
        }

        return new AuditNetwork
        {
            Fixed = map.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<IPAddress>)kv.Value, StringComparer.OrdinalIgnoreCase),
            DnsServer = dns,
            ExtraRoots = roots,
            PortMap = ports,
        };
    }
}

/// <summary>The answer to "which addresses does this host have": <see cref="Error"/> when the lookup itself failed
/// (server unreachable), as opposed to a name without records of that type.</summary>
public sealed record Resolution(IReadOnlyList<IPAddress> Addresses, string? Error, string Source);

/// <summary>A zone's DNSSEC records: its DNSKEY count and algorithms, the key tags of its DS records (in the parent),
/// whether the resolver vouched for the answer (AD flag); <see cref="Error"/> when the resolver could not be asked.</summary>
public sealed record ZoneSigning(int Keys, IReadOnlyList<int> Algorithms, IReadOnlyList<int> DsKeyTags, bool Authenticated, string? Error);

/// <summary>Looks host names up the way the run was told to: fixed addresses, then the chosen DNS server, else the system.</summary>
public sealed class HostResolver
{
    private readonly AuditNetwork _net;
    private readonly LookupClient? _dns;
    private readonly ConcurrentDictionary<(string, AddressFamily), Task<Resolution>> _cache = new();
    private readonly ConcurrentDictionary<string, Task<ZoneSigning>> _zones = new();
    private readonly TimeSpan _timeout;
    private static readonly TimeSpan DnssecTimeout = TimeSpan.FromSeconds(5);

    public HostResolver(AuditNetwork net, TimeSpan timeout)
    {
        _net = net;
        _timeout = timeout;
        if (net.DnsServer is { } server)
            _dns = new LookupClient(new LookupClientOptions(server)
            {
                UseCache = false,
                Timeout = timeout,
                Retries = 2,
                UseTcpFallback = true,
                ThrowDnsErrors = false,
                ContinueOnDnsError = false,
            });
    }

    public Task<Resolution> ResolveAsync(string host, AddressFamily family, CancellationToken ct) =>
        _cache.GetOrAdd((host.ToLowerInvariant(), family), k => LookupAsync(k.Item1, k.Item2, ct));

    private async Task<Resolution> LookupAsync(string host, AddressFamily family, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            return new Resolution(literal.AddressFamily == family ? [literal] : [], null, "địa chỉ IP");
        if (_net.Fixed.TryGetValue(host, out var fixedList))
            return new Resolution(fixedList.Where(a => a.AddressFamily == family).ToList(), null, "--resolve");
        if (_dns is not null)
        {
            var type = family == AddressFamily.InterNetworkV6 ? QueryType.AAAA : QueryType.A;
            try
            {
                var answer = await _dns.QueryAsync(host, type, QueryClass.IN, ct);
                if (answer.HasError && answer.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
                    return new Resolution([], $"máy chủ DNS trả lỗi {answer.Header.ResponseCode}", $"DNS {_net.DnsServer}");
                var list = family == AddressFamily.InterNetworkV6
                    ? answer.Answers.OfType<AaaaRecord>().Select(r => r.Address).ToList()
                    : answer.Answers.OfType<ARecord>().Select(r => r.Address).ToList();
                return new Resolution(list, null, $"DNS {_net.DnsServer}");
            }
            catch (DnsResponseException e)
            {
                return new Resolution([], $"không hỏi được máy chủ DNS {_net.DnsServer}: {e.Message}", $"DNS {_net.DnsServer}");
            }
        }
        try
        {
            var all = await Dns.GetHostAddressesAsync(host, family, ct);
            return new Resolution(all.Where(a => a.AddressFamily == family).ToList(), null, "DNS hệ thống");
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
        {
            return new Resolution([], null, "DNS hệ thống");
        }
        catch (SocketException e)
        {
            return new Resolution([], $"không phân giải được tên miền: {e.SocketErrorCode}", "DNS hệ thống");
        }
    }

    /// <summary>DNSKEY and DS of the zone, asked once per run (the province's sites share one zone): from the chosen DNS
    /// server, else the system's; a resolver that refuses or does not answer gives <see cref="ZoneSigning.Error"/>.</summary>
    public Task<ZoneSigning> SigningAsync(string zone, CancellationToken ct) =>
        _zones.GetOrAdd(zone.ToLowerInvariant().TrimEnd('.'), z => ZoneAsync(z, ct));

    private async Task<ZoneSigning> ZoneAsync(string zone, CancellationToken ct)
    {
        var server = _net.DnsServer is { } s ? $"máy chủ DNS {s}" : "máy chủ DNS hệ thống";
        static ZoneSigning Failed(string why) => new(0, [], [], false, why);
        try
        {
            // The DO bit asks for the signatures too; a validating resolver then sets AD on a signed answer.
            var options = _net.DnsServer is { } ep ? new LookupClientOptions(ep) : new LookupClientOptions();
            options.UseCache = false;
            // A note is not worth holding the audit long: a resolver silent for 5 s, twice, is reported as such.
            options.Timeout = _timeout < DnssecTimeout ? _timeout : DnssecTimeout;
            options.Retries = 1;
            options.UseTcpFallback = true;
            options.ThrowDnsErrors = false;
            options.ContinueOnDnsError = false;
            options.RequestDnsSecRecords = true;
            var client = new LookupClient(options);
            var keysQuery = client.QueryAsync(zone, QueryType.DNSKEY, QueryClass.IN, ct);
            var dsQuery = client.QueryAsync(zone, QueryType.DS, QueryClass.IN, ct);
            var (keys, ds) = (await keysQuery, await dsQuery);
            foreach (var answer in new[] { keys, ds })
                if (answer.HasError && answer.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
                    return Failed($"{server} trả lỗi {answer.Header.ResponseCode}");
            var dnskeys = keys.Answers.OfType<DnsKeyRecord>().ToList();
            return new ZoneSigning(dnskeys.Count, dnskeys.Select(k => (int)k.Algorithm).Distinct().Order().ToList(),
                ds.Answers.OfType<DsRecord>().Select(d => d.KeyTag).Distinct().ToList(), dnskeys.Count > 0 && keys.Header.IsAuthenticData, null);
        }
        catch (Exception e) when (e is DnsResponseException or SocketException or TimeoutException or InvalidOperationException or ArgumentException
            || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return Failed(e is DnsResponseException { Code: DnsResponseCode.ConnectionTimeout } or OperationCanceledException or TimeoutException
                ? $"{server} không trả lời" : $"không hỏi được {server}: {e.Message}");
        }
    }

    /// <summary>Opens a TCP connection to the host (its addresses of <paramref name="only"/> family, or IPv4 first then IPv6).</summary>
    public async Task<Socket> ConnectAsync(string host, int port, AddressFamily? only, TimeSpan timeout, CancellationToken ct)
    {
        var families = only is { } f ? new[] { f } : [AddressFamily.InterNetwork, AddressFamily.InterNetworkV6];
        var addresses = new List<IPAddress>();
        string? error = null;
        foreach (var family in families)
        {
            var r = await ResolveAsync(host, family, ct);
            addresses.AddRange(r.Addresses);
            error ??= r.Error;
        }
        if (addresses.Count == 0)
            throw new HttpRequestException(error ?? $"tên miền {host} không có địa chỉ{(only == AddressFamily.InterNetworkV6 ? " IPv6" : "")}",
                null, null);
        var realPort = _net.MapPort(port);
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connectTimeout.CancelAfter(timeout);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, realPort), connectTimeout.Token);
                return socket;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw new HttpRequestException($"không kết nối được tới {host} ({string.Join(", ", addresses)}) cổng {port}: " +
            (last is OperationCanceledException ? "hết thời gian chờ" : (last as SocketException)?.SocketErrorCode.ToString()), last);
    }
}
