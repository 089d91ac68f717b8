using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace MinhBach.Features.Monitor.Net;

/// <summary>What one TLS handshake showed: the protocol agreed, the certificate and whether its chain and name are valid.</summary>
public sealed record TlsReport(
    bool Connected,
    string? Error,
    SslProtocols Protocol,
    DateTime? NotAfter,
    string? Subject,
    string? Issuer,
    bool ChainValid,
    bool NameMatches,
    string? ChainProblem);

/// <summary>
/// One handshake to the host's HTTPS port, separate from the HTTP client (which reads content even behind a bad
/// certificate): the negotiated protocol, the certificate's dates, and the chain checked against the system's roots
/// and the extra roots the run was given (<c>--ca-cert</c>).
/// </summary>
public static class TlsProbe
{
    public static async Task<TlsReport> RunAsync(Fetcher fetcher, string host, int port, CancellationToken ct)
    {
        X509Certificate2? cert = null;
        var errors = SslPolicyErrors.None;
        X509Certificate2Collection presented = [];
        try
        {
            using var socket = await fetcher.Resolver.ConnectAsync(host, port, null, fetcher.Timeout, ct);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await using var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(fetcher.Timeout);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                RemoteCertificateValidationCallback = (_, c, chain, e) =>
                {
                    if (c is not null) cert = new X509Certificate2(c);
                    if (chain is not null)
                        foreach (var el in chain.ChainElements) presented.Add(new X509Certificate2(el.Certificate));
                    errors = e;
                    return true;
                },
            }, deadline.Token);
            var protocol = ssl.SslProtocol;
            if (cert is null) return new TlsReport(true, "máy chủ không gửi chứng chỉ", protocol, null, null, null, false, false, null);
            var nameOk = (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
            var chainOk = (errors & (SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0;
            string? chainProblem = null;
            if (!chainOk)
                (chainOk, chainProblem) = CheckWithExtraRoots(cert, presented, fetcher.Network.ExtraRoots);
            return new TlsReport(true, null, protocol, cert.NotAfter.ToUniversalTime(), cert.Subject, cert.Issuer, chainOk, nameOk, chainProblem);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TlsReport(false, $"bắt tay TLS quá {fetcher.Timeout.TotalSeconds:0} giây", SslProtocols.None, null, null, null, false, false, null);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException or HttpRequestException)
        {
            return new TlsReport(false, e.GetBaseException().Message, SslProtocols.None, cert?.NotAfter.ToUniversalTime(), cert?.Subject, cert?.Issuer, false, false, null);
        }
    }

    /// <summary>The chain built again, trusting only the extra roots (the system's already failed).</summary>
    private static (bool, string?) CheckWithExtraRoots(X509Certificate2 cert, X509Certificate2Collection presented, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ExtraStore.AddRange(presented);
        if (roots.Count > 0)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        }
        if (chain.Build(cert)) return (true, null);
        var status = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList();
        var words = status.Select(s => s switch
        {
            X509ChainStatusFlags.NotTimeValid => "chứng chỉ đã hết hạn hoặc chưa có hiệu lực",
            X509ChainStatusFlags.UntrustedRoot => "chứng chỉ gốc không được tin cậy (tự ký hoặc CA lạ)",
            X509ChainStatusFlags.PartialChain => "thiếu chứng chỉ trung gian",
            X509ChainStatusFlags.Revoked => "chứng chỉ đã bị thu hồi",
            _ => s.ToString(),
        });
        return (false, string.Join("; ", words));
    }
}
