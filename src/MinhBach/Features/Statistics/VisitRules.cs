using System.Buffers;
using MinhBach.Features.Catalogue;

namespace MinhBach.Features.Statistics;

/// <summary>A kind of referrer: its code (stored), Vietnamese name and the hosts that make it.</summary>
public sealed record ReferrerKind(string Code, string Name, IReadOnlyList<string> Hosts);

/// <summary>
/// Who is counted and how a visit is classified, from data/bot-agents.json and data/referrer-kinds.json (data, so
/// a new crawler or social network needs no release). Loaded and checked at start like the catalogue.
/// </summary>
public sealed class VisitRules
{
    public const int MaxPathLength = 300;
    public const string Direct = "direct", Internal = "internal", Other = "other";
    public const string Mobile = "mobile", Tablet = "tablet", Desktop = "desktop";

    public static readonly IReadOnlyList<(string Code, string Name)> Devices =
        [(Desktop, "Máy tính"), (Mobile, "Điện thoại"), (Tablet, "Máy tính bảng")];

    private readonly SearchValues<string> _bots;
    private readonly List<(string Host, string Code)> _hosts;
    private volatile LastAgent? _last;

    private sealed record LastAgent(string Agent, bool IsBot);

    public IReadOnlyList<ReferrerKind> Kinds { get; }

    private VisitRules(IReadOnlyList<string> bots, IReadOnlyList<ReferrerKind> kinds)
    {
        Kinds = kinds;
        // One pass over the user agent for all patterns, whatever their number.
        _bots = SearchValues.Create([.. bots], StringComparison.OrdinalIgnoreCase);
        _hosts = [.. kinds.SelectMany(k => k.Hosts.Select(h => (h.ToLowerInvariant(), k.Code)))];
    }

    /// <summary>Crawlers, monitors, scripts and an empty user agent are not people.</summary>
    public bool IsBot(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return true;
        // Asked for every page served, cached ones included, mostly with the agent asked about last: comparing it is
        // cheaper than looking for every crawler's name in it again.
        if (_last is { } last && string.Equals(last.Agent, userAgent, StringComparison.Ordinal)) return last.IsBot;
        var isBot = userAgent.AsSpan().ContainsAny(_bots);
        _last = new LastAgent(userAgent, isBot);
        return isBot;
    }

    /// <summary>Device class from the user agent: tablets first (an iPad or an Android without "Mobile"), then phones.</summary>
    public static string Device(string userAgent)
    {
        var ua = userAgent.AsSpan();
        if (ua.Contains("iPad", StringComparison.OrdinalIgnoreCase) || ua.Contains("Tablet", StringComparison.OrdinalIgnoreCase)
            || (ua.Contains("Android", StringComparison.OrdinalIgnoreCase) && !ua.Contains("Mobile", StringComparison.OrdinalIgnoreCase)))
            return Tablet;
        if (ua.Contains("Mobi", StringComparison.OrdinalIgnoreCase) || ua.Contains("iPhone", StringComparison.OrdinalIgnoreCase)
            || ua.Contains("Windows Phone", StringComparison.OrdinalIgnoreCase) || ua.Contains("Opera Mini", StringComparison.OrdinalIgnoreCase))
            return Mobile;
        return Desktop;
    }

    /// <summary>The kind of the Referer header's host; <paramref name="isProvinceHost"/> says whether a host belongs to
    /// this installation (the request's own host, or any site's host).</summary>
    public string Referrer(string? referer, Func<string, bool> isProvinceHost)
    {
        if (string.IsNullOrWhiteSpace(referer)) return Direct;
        if (!Uri.TryCreate(referer, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return Other;
        var host = uri.Host.ToLowerInvariant();
        if (isProvinceHost(host)) return Internal;
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        foreach (var (h, code) in _hosts)
            if (host == h || (host.Length > h.Length && host.EndsWith(h, StringComparison.Ordinal) && host[host.Length - h.Length - 1] == '.'))
                return code;
        return Other;
    }

    private sealed record BotsFile(List<string>? Patterns);
    private sealed record KindEntry(string? Code, string? Name, List<string>? Hosts);
    private sealed record KindsFile(List<KindEntry>? Kinds);

    /// <summary>Loads and checks both files; every problem is listed in one Vietnamese message.</summary>
    public static VisitRules Load(string directory)
    {
        var errors = new List<string>();
        var bots = Catalogue.Catalogue.Read<BotsFile>(directory, "bot-agents.json", errors)?.Patterns ?? [];
        var kinds = Catalogue.Catalogue.Read<KindsFile>(directory, "referrer-kinds.json", errors)?.Kinds ?? [];
        if (bots.Count == 0 && errors.Count == 0) errors.Add("bot-agents.json: danh sách patterns trống.");
        foreach (var b in bots.Where(b => string.IsNullOrWhiteSpace(b) || b.Trim().Length < 3))
            errors.Add($"bot-agents.json: mẫu \"{b}\" quá ngắn (ít nhất 3 ký tự), sẽ loại nhầm người dùng thật.");
        var codes = kinds.Select(k => k.Code ?? "").ToList();
        foreach (var dup in codes.GroupBy(c => c).Where(g => g.Count() > 1)) errors.Add($"referrer-kinds.json: code \"{dup.Key}\" bị trùng.");
        foreach (var k in kinds)
        {
            if (string.IsNullOrWhiteSpace(k.Code) || k.Code.Length > 32 || !k.Code.All(c => char.IsAsciiLetterLower(c) || c == '-'))
                errors.Add($"referrer-kinds.json: code \"{k.Code}\" không hợp lệ (chữ thường không dấu, tối đa 32 ký tự).");
            if (string.IsNullOrWhiteSpace(k.Name)) errors.Add($"referrer-kinds.json, loại \"{k.Code}\": thiếu tên (name).");
            foreach (var h in k.Hosts ?? [])
                if (Uri.CheckHostName(h) != UriHostNameType.Dns) errors.Add($"referrer-kinds.json, loại \"{k.Code}\": tên miền \"{h}\" không hợp lệ.");
        }
        foreach (var required in new[] { Direct, Internal, Other })
            if (errors.Count == 0 && !codes.Contains(required)) errors.Add($"referrer-kinds.json: thiếu loại bắt buộc \"{required}\".");
        if (errors.Count > 0)
            throw new CatalogueException("Dữ liệu thống kê truy cập trong " + directory + " có lỗi:\n- " + string.Join("\n- ", errors));
        return new VisitRules([.. bots.Select(b => b.Trim())], [.. kinds.Select(k => new ReferrerKind(k.Code!, k.Name!.Trim(), [.. k.Hosts ?? []]))]);
    }
}
