using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MinhBach.Tests.Infrastructure;

/// <summary>
/// One browser session against the administration (/quan-tri): its own cookies, no automatic redirects,
/// and forms posted with the antiforgery token of the page they come from.
/// </summary>
public sealed class AdminClient : IDisposable
{
    public const string AuthCookie = "minhbach.auth";
    public const string TokenField = "__RequestVerificationToken";

    public AdminClient(TestApp app) : this(app.BaseAddress) { }

    /// <summary>A session on any server, e.g. an app node run as its own process.</summary>
    public AdminClient(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        {
            BaseAddress = baseAddress,
        };
    }

    public Uri BaseAddress { get; }
    public CookieContainer Cookies { get; } = new();
    public HttpClient Http { get; }

    /// <summary>True while this session holds the sign-in cookie.</summary>
    public bool HasAuthCookie => Cookies.GetAllCookies().Any(c => c.Name == AuthCookie && !c.Expired && c.Value.Length > 0);

    /// <summary>"/so-a" + "/quan-tri/…": a path under a site's prefix ("" or "/" for the portal).</summary>
    public static string OnSite(string sitePrefix, string path) =>
        sitePrefix.Trim('/') is { Length: > 0 } slug ? "/" + slug + path : path;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>GET with another Host header (a site served by its own host name), this session's cookies included.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await Http.SendAsync(request);
    }

    /// <summary>Where a response redirects to, as a path on the test server ("/so-a/quan-tri?…", also when the
    /// Location is absolute); an address on any other host is returned whole. Null when it does not redirect.</summary>
    public static string? Target(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: false } relative => relative.OriginalString,
        { IsLoopback: true } local => local.PathAndQuery,
        var elsewhere => elsewhere.OriginalString,
    };

    /// <summary>GET that must answer 200; returns the body.</summary>
    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}: {body}");
        return body;
    }

    public async Task<IDocument> GetHtmlAsync(string path) => Html(await GetStringAsync(path));

    public static IDocument Html(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The antiforgery token of the form on the page at this address (GET, must answer 200).</summary>
    public async Task<string> AntiforgeryTokenAsync(string pagePath)
    {
        var page = await GetHtmlAsync(pagePath);
        return page.QuerySelector($"form input[name='{TokenField}']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pagePath}.");
    }

    /// <summary>Posts a form to path ("…?handler=X" for a named handler), with a fresh antiforgery token
    /// taken from the page the form is on (path without its query string).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        PostFormFromAsync(path.Split('?')[0], path, fields);

    /// <summary>Posts a form shown on formPage to path (e.g. the sign-out button in the admin header),
    /// with a fresh antiforgery token from formPage.</summary>
    public async Task<HttpResponseMessage> PostFormFromAsync(string formPage, string path, params (string Name, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync(formPage);
        return await PostFormWithoutTokenAsync(path,
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new(TokenField, token)));
    }

    /// <summary>Posts exactly these fields (no antiforgery token unless given).</summary>
    public Task<HttpResponseMessage> PostFormWithoutTokenAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>The first step of sign-in on a site's login page ("so-a", or "" for the portal).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password, string sitePrefix = "", string? returnUrl = null) =>
        PostFormAsync(OnSite(sitePrefix, "/quan-tri/dang-nhap") + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)),
            ("UserName", email), ("Password", password));

    /// <summary>The second step: the code from the authenticator app (or a recovery code).</summary>
    public Task<HttpResponseMessage> SubmitCodeAsync(string code, string sitePrefix = "") =>
        PostFormAsync(OnSite(sitePrefix, "/quan-tri/dang-nhap/ma-xac-thuc"), ("Code", code));

    /// <summary>Signs in fully (with a TOTP code when a key is given); fails the test unless it lands on a local page.</summary>
    public async Task SignInFullyAsync(string email, string password, string sitePrefix = "", string? totpKey = null)
    {
        using var response = await SignInAsync(email, password, sitePrefix);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (totpKey is not null)
        {
            Assert.StartsWith(OnSite(sitePrefix, "/quan-tri/dang-nhap/ma-xac-thuc"), response.Headers.Location!.OriginalString);
            using var second = await SubmitCodeAsync(Totp.Code(totpKey), sitePrefix);
            Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"Code of {email} answered {(int)second.StatusCode}: {await second.Content.ReadAsStringAsync()}");
        }
        Assert.True(HasAuthCookie, $"{email} has no sign-in cookie after signing in.");
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>RFC 6238 time-based one-time codes, as an authenticator app computes them (HMAC-SHA1, 30 s, 6 digits).</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null, int stepOffset = 0)
    {
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30 + stepOffset;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A 6-digit code that no nearby time step accepts (the server allows some clock drift).</summary>
    public static string WrongCode(string base32Key)
    {
        var near = Enumerable.Range(-4, 9).Select(i => Code(base32Key, stepOffset: i)).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (123456 + i * 7919).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=' or '-')))
        {
            var index = alphabet.IndexOf(c);
            if (index < 0) throw new FormatException($"'{c}' is not Base32.");
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. output];
    }
}
