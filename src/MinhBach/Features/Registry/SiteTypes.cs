using System.Text.Json;
using MinhBach.Features.Catalogue;
using MinhBach.Text;

namespace MinhBach.Features.Registry;

public sealed record SiteType(string Code, string Name, bool RequiresLicence, IReadOnlyList<string> Aliases);

/// <summary>The types of website (data/site-types.json): portal, aggregated, internal, specialised …; loaded and checked at start.</summary>
public sealed class SiteTypes
{
    public const string Portal = "portal";
    public const string Agency = "agency";
    public const string Aggregated = "aggregated";

    public IReadOnlyList<SiteType> All { get; }
    private readonly Dictionary<string, SiteType> _byCode;
    private readonly Dictionary<string, SiteType> _byWords;

    private SiteTypes(List<SiteType> types)
    {
        All = types;
        _byCode = types.ToDictionary(t => t.Code);
        _byWords = new Dictionary<string, SiteType>();
        foreach (var t in types)
            foreach (var w in new[] { t.Code, t.Name }.Concat(t.Aliases))
                _byWords.TryAdd(Key(w), t);
    }

    public SiteType? Get(string? code) => code is null ? null : _byCode.GetValueOrDefault(code);

    /// <summary>A type as people write it: its code, its name or an alias, with or without diacritics.</summary>
    public SiteType? Find(string? text) => string.IsNullOrWhiteSpace(text) ? null : _byWords.GetValueOrDefault(Key(text));

    public string Name(string code) => Get(code)?.Name ?? code;

    internal static string Key(string text) => string.Join(' ', VietnameseText.Fold(text).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private sealed record FileShape(List<SiteType>? Types);

    public static SiteTypes Load(string directory)
    {
        var path = Path.Combine(directory, "site-types.json");
        var errors = new List<string>();
        List<SiteType> types = [];
        if (!File.Exists(path)) errors.Add("site-types.json: không tìm thấy tệp.");
        else
        {
            try
            {
                types = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path),
                    new JsonSerializerOptions(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip })?.Types ?? [];
            }
            catch (JsonException e)
            {
                errors.Add($"site-types.json: JSON không hợp lệ ở dòng {e.LineNumber + 1}: {e.Message}");
            }
        }
        types = types.Select(t => t with { Aliases = t.Aliases ?? [] }).ToList();
        if (errors.Count == 0 && types.Count == 0) errors.Add("site-types.json: không có loại trang nào (types).");
        foreach (var t in types)
        {
            if (string.IsNullOrWhiteSpace(t.Code)) errors.Add("site-types.json: một loại trang thiếu mã (code).");
            if (string.IsNullOrWhiteSpace(t.Name)) errors.Add($"site-types.json, loại \"{t.Code}\": thiếu tên (name).");
        }
        foreach (var dup in types.GroupBy(t => t.Code).Where(g => g.Count() > 1))
            errors.Add($"site-types.json: code \"{dup.Key}\" bị trùng.");
        // A word naming two types would make an imported row mean either.
        foreach (var dup in types.SelectMany(t => new[] { t.Code, t.Name }.Concat(t.Aliases).Select(w => (Word: Key(w), t.Code))).Distinct()
                     .GroupBy(x => x.Word).Where(g => g.Count() > 1))
            errors.Add($"site-types.json: \"{dup.Key}\" chỉ nhiều loại trang ({string.Join(", ", dup.Select(x => x.Code))}).");
        foreach (var required in new[] { Portal, Agency, Aggregated })
            if (errors.Count == 0 && types.All(t => t.Code != required))
                errors.Add($"site-types.json: thiếu loại \"{required}\" (dùng cho các trang đặt trên hệ thống).");
        if (errors.Count > 0)
            throw new CatalogueException("Dữ liệu danh mục trong " + directory + " có lỗi:\n- " + string.Join("\n- ", errors));
        return new SiteTypes(types);
    }
}
