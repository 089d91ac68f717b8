using System.Text.Json;

namespace MinhBach.Features.Catalogue;

public sealed record AgencyKind(string Code, string Name, string NameEn, string Group, string Catalogue, string Tier, bool Legacy, IReadOnlyList<string> Items);
public sealed record ContentItem(string Id, string Name, IReadOnlyList<string> Carriers);
public sealed record PageKind(string Code, string Name, string NameEn, string Slug, string SlugEn);
public sealed record DocumentType(string Code, string Name, string Abbreviation, string Group);

/// <summary>
/// Reference data kept as files in data/ (unit kinds, mandatory items, page kinds, document types),
/// loaded and checked once at start: the law and the map of local government change, the code should not.
/// </summary>
public sealed class Catalogue
{
    public IReadOnlyList<AgencyKind> AgencyKinds { get; }
    public IReadOnlyList<ContentItem> ContentItems { get; }
    public IReadOnlyList<PageKind> PageKinds { get; }
    public IReadOnlyList<DocumentType> DocumentTypes { get; }

    private readonly Dictionary<string, AgencyKind> _kinds;
    private readonly Dictionary<string, PageKind> _pageKinds;
    private readonly Dictionary<string, DocumentType> _docTypes;

    private Catalogue(List<AgencyKind> kinds, List<ContentItem> items, List<PageKind> pageKinds, List<DocumentType> docTypes)
    {
        AgencyKinds = kinds;
        ContentItems = items;
        PageKinds = pageKinds;
        DocumentTypes = docTypes;
        _kinds = kinds.ToDictionary(k => k.Code);
        _pageKinds = pageKinds.ToDictionary(k => k.Code);
        _docTypes = docTypes.ToDictionary(k => k.Code);
    }

    public AgencyKind? Kind(string code) => _kinds.GetValueOrDefault(code);
    public PageKind? PageKind(string code) => _pageKinds.GetValueOrDefault(code);
    public DocumentType? DocumentType(string code) => _docTypes.GetValueOrDefault(code);

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record KindsFile(List<AgencyKind>? Kinds);
    private sealed record ItemsFile(List<ContentItem>? Items);
    private sealed record PageKindsFile(List<PageKind>? Kinds);
    private sealed record DocTypesFile(List<DocumentType>? Types);

    /// <summary>Loads and validates; every problem found is listed in one Vietnamese message.</summary>
    public static Catalogue Load(string directory)
    {
        var errors = new List<string>();
        var kinds = Read<KindsFile>(directory, "agency-kinds.json", errors)?.Kinds ?? [];
        var items = Read<ItemsFile>(directory, "content-items.json", errors)?.Items ?? [];
        var pageKinds = Read<PageKindsFile>(directory, "page-kinds.json", errors)?.Kinds ?? [];
        var docTypes = Read<DocTypesFile>(directory, "document-types.json", errors)?.Types ?? [];

        Unique(kinds.Select(k => k.Code), "agency-kinds.json", "code", errors);
        Unique(items.Select(i => i.Id), "content-items.json", "id", errors);
        Unique(pageKinds.Select(k => k.Code), "page-kinds.json", "code", errors);
        Unique(docTypes.Select(t => t.Code), "document-types.json", "code", errors);

        var itemIds = items.Select(i => i.Id).ToHashSet();
        foreach (var k in kinds)
        {
            if (string.IsNullOrWhiteSpace(k.Name)) errors.Add($"agency-kinds.json, loại \"{k.Code}\": thiếu tên (name).");
            foreach (var id in k.Items ?? [])
                if (!itemIds.Contains(id)) errors.Add($"agency-kinds.json, loại \"{k.Code}\": mục \"{id}\" không có trong content-items.json.");
        }
        var pageKindCodes = pageKinds.Select(k => k.Code).ToHashSet();
        foreach (var i in items)
            foreach (var c in i.Carriers ?? [])
            {
                var (type, arg) = c.Split(':', 2) is [var t, var a] ? (t, a) : (c, "");
                var ok = type switch
                {
                    "page" or "page-en" => pageKindCodes.Contains(arg),
                    "category" => arg.Length > 0,
                    "link" => Enum.TryParse<Content.LinkKind>(arg, out _),
                    "documents" or "schedule" => arg.Length == 0,
                    // ":en": with the English names filled (INF-20); "leaders:bio": with biography and duties (INF-13, INF-14).
                    "org-units" or "contacts" => arg is "" or "en",
                    "leaders" => arg is "" or "bio",
                    _ => false,
                };
                if (!ok) errors.Add($"content-items.json, mục \"{i.Id}\": không hiểu cách thể hiện \"{c}\".");
            }
        foreach (var t in docTypes)
            if (t.Group is not ("Normative" or "Directive" or "Draft" or "Other"))
                errors.Add($"document-types.json, loại \"{t.Code}\": nhóm \"{t.Group}\" không hợp lệ (Normative, Directive, Draft, Other).");

        if (errors.Count > 0)
            throw new CatalogueException("Dữ liệu danh mục trong " + directory + " có lỗi:\n- " + string.Join("\n- ", errors));
        return new Catalogue(kinds, items, pageKinds, docTypes);
    }

    /// <summary>Reads one data file; a missing file or bad JSON is added to <paramref name="errors"/> (null returned).</summary>
    internal static T? Read<T>(string directory, string file, List<string> errors) where T : class
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            errors.Add($"{file}: không tìm thấy tệp.");
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            errors.Add($"{file}: JSON không hợp lệ ở dòng {e.LineNumber + 1}: {e.Message}");
            return null;
        }
    }

    private static void Unique(IEnumerable<string> codes, string file, string field, List<string> errors)
    {
        foreach (var dup in codes.GroupBy(c => c).Where(g => g.Count() > 1))
            errors.Add($"{file}: {field} \"{dup.Key}\" bị trùng.");
    }
}

public sealed class CatalogueException(string message) : Exception(message);
