using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DnsClient;

namespace MinhBach.Tests.Monitor;

/// <summary>
/// A real DNS server for the test: dnsmasq from Debian (package dnsmasq-base, installed by ./minhbach test), run
/// unprivileged-style on a high loopback port, answering only the names it is given (host-record: A and, when given,
/// AAAA; no AAAA otherwise), any other record given as type number and hex data (dns-rr: DNSKEY, DS …), and nothing
/// else under gov.vn (--local), never forwarding.
/// </summary>
public sealed class Dnsmasq : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dnsmasq";
    private readonly Process _process;
    public IPEndPoint EndPoint { get; }
    public string Address => $"{EndPoint.Address}:{EndPoint.Port}";

    private Dnsmasq(Process process, IPEndPoint endPoint)
    {
        _process = process;
        EndPoint = endPoint;
    }

    /// <summary>Starts dnsmasq with these records: host → IPv4 address, and an IPv6 one or none; plus raw records.</summary>
    public static async Task<Dnsmasq> StartAsync(IEnumerable<(string Host, IPAddress V4, IPAddress? V6)> records, IEnumerable<(string Name, int Type, string Hex)>? raw = null)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"Không có {Binary}: cài gói dnsmasq-base (./minhbach test tự cài).");
        var list = records.ToList();
        for (var attempt = 0; ; attempt++)
        {
            var port = FreeUdpPort();
            var args = new List<string>
            {
                "--no-daemon", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--no-poll", "--pid-file=",
                "--listen-address=127.0.0.1", "--bind-interfaces", $"--port={port}", "--local=/gov.vn/", "--cache-size=0",
            };
            args.AddRange(list.Select(r => $"--host-record={r.Host},{r.V4}" + (r.V6 is null ? "" : $",{r.V6}")));
            args.AddRange((raw ?? []).Select(r => $"--dns-rr={r.Name},{r.Type},{r.Hex}"));
            var psi = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            var process = Process.Start(psi)!;
            var ep = new IPEndPoint(IPAddress.Loopback, port);
            var dns = new Dnsmasq(process, ep);
            if (await dns.ReadyAsync(list[0].Host)) return dns;
            var err = process.HasExited ? await process.StandardError.ReadToEndAsync() : "";
            await dns.DisposeAsync();
            if (attempt >= 3) throw new InvalidOperationException("dnsmasq không khởi động được: " + err);
        }
    }

    private async Task<bool> ReadyAsync(string host)
    {
        var client = new LookupClient(new LookupClientOptions(EndPoint) { UseCache = false, Timeout = TimeSpan.FromMilliseconds(500), Retries = 0, ThrowDnsErrors = false });
        for (var i = 0; i < 40; i++)
        {
            if (_process.HasExited) return false;
            try
            {
                var r = await client.QueryAsync(host, QueryType.A);
                if (r.Answers.Count > 0) return true;
            }
            catch (DnsResponseException)
            {
            }
            await Task.Delay(100);
        }
        return false;
    }

    private static int FreeUdpPort()
    {
        using var u = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)u.Client.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
