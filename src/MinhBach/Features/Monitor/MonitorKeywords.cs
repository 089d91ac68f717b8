using System.Text.Json;
using System.Text.RegularExpressions;
using MinhBach.Features.Catalogue;
using MinhBach.Text;

namespace MinhBach.Features.Monitor;

/// <summary>A section the monitor looks for: the rule it carries, its menu words and the addresses that count as it.</summary>
public sealed record SectionWords(string Id, IReadOnlyList<string> Keywords, IReadOnlyList<string> Hrefs)
{
    /// <summary>Keywords in normal form (folded, punctuation as spaces), longest first: the most specific wins.</summary>
    public IReadOnlyList<string> Normal { get; } = Keywords.Select(SearchText.Normalize).Where(k => k.Length > 0).Distinct()
        .OrderByDescending(k => k.Length).ToList();
}

public sealed record SoftwareRule(string Name, Regex Pattern, string? Header, Version SupportedFrom);

/// <summary>
/// data/monitor-keywords.json: the Vietnamese words and patterns the monitor detects sections, footers, bylines,
/// search forms, software versions and the EMC tag by. Loaded and checked at start; a broken file stops the start.
/// </summary>
public sealed class MonitorKeywords
{
    public const string FileName = "monitor-keywords.json";

    public required IReadOnlyList<SectionWords> Sections { get; init; }
    public required IReadOnlyList<string> Placeholders { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Menu { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Footer { get; init; }
    public required IReadOnlyList<string> English { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> EnglishContent { get; init; }
    public required IReadOnlyList<string> Print { get; init; }
    public required IReadOnlyList<string> Author { get; init; }
    public required IReadOnlyList<string> Source { get; init; }
    public required IReadOnlyList<string> PressDomains { get; init; }
    public required IReadOnlyList<string> SearchInputs { get; init; }
    public required IReadOnlyList<string> SearchPaths { get; init; }
    public required IReadOnlyList<string> RedirectParams { get; init; }
    public required IReadOnlyList<string> AdminPaths { get; init; }
    public required IReadOnlyList<string> ListingPaths { get; init; }
    public required IReadOnlyList<SoftwareRule> Software { get; init; }
    public required Regex EmcTracker { get; init; }
    public required Regex EmcSiteId { get; init; }
    public required Regex EmcLoader { get; init; }
    public required string DomainSuffix { get; init; }
    public required IReadOnlyList<string> DomainExceptions { get; init; }

    public SectionWords? Section(string id) => Sections.FirstOrDefault(s => s.Id == id);

    private sealed record SectionFile(string? Id, List<string>? Keywords, List<string>? Hrefs);
    private sealed record SoftwareFile(string? Name, string? Pattern, string? Header, string? SupportedFrom);
    private sealed record EmcFile(string? Tracker, string? SiteId, string? Loader);
    private sealed record DomainFile(string? Suffix, List<string>? Exceptions);
    private sealed record KeywordFile(
        List<SectionFile>? Sections, List<string>? Placeholders, Dictionary<string, List<string>>? Menu, Dictionary<string, List<string>>? Footer,
        List<string>? English, Dictionary<string, List<string>>? EnglishContent, List<string>? Print, List<string>? Author, List<string>? Source,
        List<string>? PressDomains, List<string>? SearchInputs, List<string>? SearchPaths, List<string>? RedirectParams, List<string>? AdminPaths,
        List<string>? ListingPaths, List<SoftwareFile>? Software, EmcFile? Emc, DomainFile? Domain);

    private static readonly string[] FooterParts = ["owner", "responsible", "address", "phone", "email"];
    private static readonly Regex RuleId = new(@"^(INF|TEC)-\d{2}[a-z]?$");

    public static MonitorKeywords Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new CatalogueException($"Bộ rà soát: không tìm thấy tệp data/{FileName}.");
        return Parse(File.ReadAllText(path));
    }

    public static MonitorKeywords Parse(string json)
    {
        KeywordFile? f;
        try
        {
            f = JsonSerializer.Deserialize<KeywordFile>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new CatalogueException($"data/{FileName}: JSON không hợp lệ ở dòng {e.LineNumber + 1}: {e.Message}");
        }
        if (f is null) throw new CatalogueException($"data/{FileName}: tệp rỗng.");
        var errors = new List<string>();
        List<string> Words(List<string>? list, string field)
        {
            var clean = (list ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToList();
            if (clean.Count == 0) errors.Add($"thiếu danh sách \"{field}\".");
            return clean;
        }
        Regex? Pattern(string? p, string field)
        {
            if (string.IsNullOrWhiteSpace(p)) { errors.Add($"thiếu biểu thức \"{field}\"."); return null; }
            try { return new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException e) { errors.Add($"\"{field}\": biểu thức chính quy sai ({e.Message})."); return null; }
        }

        var sections = new List<SectionWords>();
        foreach (var (s, i) in (f.Sections ?? []).Select((s, i) => (s, i + 1)))
        {
            var where = $"mục thứ {i}" + (s.Id is null ? "" : $" ({s.Id})");
            if (s.Id is null || !RuleId.IsMatch(s.Id)) { errors.Add($"{where}: mã phải có dạng INF-06 hoặc TEC-11."); continue; }
            var kws = (s.Keywords ?? []).Where(k => SearchText.Normalize(k).Length > 0).ToList();
            if (kws.Count == 0) errors.Add($"{where}: chưa có từ khóa nào (keywords).");
            sections.Add(new SectionWords(s.Id, kws, (s.Hrefs ?? []).Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToList()));
        }
        if (sections.Count == 0) errors.Add("chưa có mục nào (sections).");
        foreach (var dup in sections.GroupBy(s => s.Id).Where(g => g.Count() > 1)) errors.Add($"mục {dup.Key} xuất hiện {dup.Count()} lần.");

        var footer = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var part in FooterParts) footer[part] = Words(f.Footer?.GetValueOrDefault(part), "footer." + part);
        var english = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var part in new[] { "functions", "organisation", "contact" }) english[part] = Words(f.EnglishContent?.GetValueOrDefault(part), "englishContent." + part);
        var menu = (f.Menu ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)Words(kv.Value, "menu." + kv.Key));
        if (menu.Count == 0) errors.Add("thiếu danh sách \"menu\".");

        var software = new List<SoftwareRule>();
        foreach (var (s, i) in (f.Software ?? []).Select((s, i) => (s, i + 1)))
        {
            var where = $"software thứ {i}";
            if (string.IsNullOrWhiteSpace(s.Name)) { errors.Add($"{where}: thiếu tên (name)."); continue; }
            var rx = Pattern(s.Pattern, $"software {s.Name}.pattern");
            if (!Version.TryParse(s.SupportedFrom?.Contains('.') == true ? s.SupportedFrom : s.SupportedFrom + ".0", out var v))
                errors.Add($"software {s.Name}: \"supportedFrom\" phải là số phiên bản (ví dụ 8.1).");
            else if (rx is not null) software.Add(new SoftwareRule(s.Name, rx, s.Header, v));
        }

        var tracker = Pattern(f.Emc?.Tracker, "emc.tracker");
        var siteId = Pattern(f.Emc?.SiteId, "emc.siteId");
        var loader = Pattern(f.Emc?.Loader, "emc.loader");
        var suffix = f.Domain?.Suffix?.Trim().Trim('.').ToLowerInvariant() ?? "";
        if (suffix.Length == 0) errors.Add("thiếu \"domain.suffix\" (gov.vn).");

        var result = new MonitorKeywords
        {
            Sections = sections,
            Placeholders = Words(f.Placeholders, "placeholders"),
            Menu = menu,
            Footer = footer,
            English = Words(f.English, "english"),
            EnglishContent = english,
            Print = Words(f.Print, "print"),
            Author = Words(f.Author, "author"),
            Source = Words(f.Source, "source"),
            PressDomains = Words(f.PressDomains, "pressDomains").Select(d => d.ToLowerInvariant()).ToList(),
            SearchInputs = Words(f.SearchInputs, "searchInputs").Select(d => d.ToLowerInvariant()).ToList(),
            SearchPaths = Words(f.SearchPaths, "searchPaths"),
            RedirectParams = Words(f.RedirectParams, "redirectParams").Select(d => d.ToLowerInvariant()).ToList(),
            AdminPaths = Words(f.AdminPaths, "adminPaths"),
            ListingPaths = Words(f.ListingPaths, "listingPaths"),
            Software = software,
            EmcTracker = tracker!,
            EmcSiteId = siteId!,
            EmcLoader = loader!,
            DomainSuffix = suffix,
            DomainExceptions = (f.Domain?.Exceptions ?? []).Select(e => e.Trim().ToLowerInvariant()).ToList(),
        };
        foreach (var p in result.AdminPaths.Concat(result.ListingPaths).Where(p => !p.StartsWith('/')))
            errors.Add($"đường dẫn \"{p}\" phải bắt đầu bằng \"/\".");
        if (errors.Count > 0)
            throw new CatalogueException($"data/{FileName} có lỗi:\n- " + string.Join("\n- ", errors));
        return result;
    }
}
