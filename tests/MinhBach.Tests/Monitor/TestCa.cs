using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MinhBach.Tests.Monitor;

/// <summary>A certificate authority made for the test run: a root, and server certificates it signs for given names
/// and dates. The root goes to the auditor as a PEM file (<c>--ca-cert</c>); nothing touches the system's trust store.</summary>
public sealed class TestCa : IDisposable
{
    public X509Certificate2 Root { get; }
    public string RootPemFile { get; }
    private readonly RSA _key;

    public TestCa()
    {
        _key = RSA.Create(2048);
        var req = new CertificateRequest("CN=MinhBach Test Root CA, O=Kiem thu", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        Root = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(5));
        RootPemFile = Path.Combine(Path.GetTempPath(), $"minhbach-test-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(RootPemFile, Root.ExportCertificatePem());
    }

    /// <summary>A server certificate with its private key, for these names, valid between the two dates.</summary>
    public X509Certificate2 Issue(IEnumerable<string> names, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var list = names.ToList();
        var req = new CertificateRequest($"CN={list[0]}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var n in list) san.AddDnsName(n);
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var cert = req.Create(Root.SubjectName, X509SignatureGenerator.CreateForRSA(_key, RSASignaturePadding.Pkcs1), notBefore, notAfter, serial);
        using var withKey = cert.CopyWithPrivateKey(key);
        // Re-imported from PKCS#12 so that SslStream on Linux can use the key.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        File.Delete(RootPemFile);
        _key.Dispose();
        Root.Dispose();
    }
}
