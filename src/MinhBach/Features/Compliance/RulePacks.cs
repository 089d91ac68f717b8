using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MinhBach.Features.Catalogue;

namespace MinhBach.Features.Compliance;

/// <summary>
/// The rule packs of data/rule-packs/*.json, loaded and checked once at start: a pack that names an unknown kind of
/// unit, repeats a rule, puts a rule under a heading the scheme lacks, has points that do not add up or a bad freshness
/// threshold stops the start with a message naming the file, the rule and the field. A new decree is a new file.
/// </summary>
public sealed partial class RulePacks
{
    public const string Folder = "rule-packs";

    public IReadOnlyList<RulePack> All { get; }
    private readonly Dictionary<string, RulePack> _byId;

    public RulePacks(IReadOnlyList<RulePack> packs)
    {
        All = packs;
        _byId = packs.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    public RulePack? Get(string? id) => id is null ? null : _byId.GetValueOrDefault(id.Trim());

    public static RulePacks Load(string dataDirectory, Catalogue.Catalogue catalogue)
    {
        var folder = Path.Combine(dataDirectory, Folder);
        if (!Directory.Exists(folder)) throw new CatalogueException($"Gói quy tắc: không tìm thấy thư mục {folder}.");
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        return Parse(files, catalogue);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // The files as written: everything optional, so a missing field is reported by name rather than by the parser.
    private sealed record HeadingFile(string? Code, string? Name, string? NameEn, decimal? Points, string? Note);
    private sealed record SchemeFile(decimal? Total, List<HeadingFile>? Headings);
    private sealed record RuleFile(
        string? Id, string? Title, string? TitleEn, string? Basis, string? Certainty, List<string>? Kinds, string? Heading,
        decimal? Points, Dictionary<string, decimal>? PointsByKind, List<string>? Carriers, int? FreshnessDays,
        Dictionary<string, int>? FreshnessByKind, string? Note, Dictionary<string, int>? Thresholds);
    private sealed record PackFile(
        string? Id, string? Name, string? NameEn, string? Extends, string? InForceFrom, string? InForceTo, string? Note,
        List<string>? Kinds, SchemeFile? Scheme, List<RuleFile>? Rules, List<string>? Remove);

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*-[0-9]{2}[a-z]?$")]
    private static partial Regex RuleIdPattern();

    /// <summary>Parses and checks packs given as (file name, text); every problem is listed in one Vietnamese message.</summary>
    public static RulePacks Parse(IReadOnlyList<(string File, string Text)> files, Catalogue.Catalogue catalogue)
    {
        var errors = new List<string>();
        var read = new List<(string File, PackFile Pack)>();
        foreach (var (file, text) in files)
        {
            try
            {
                var pack = JsonSerializer.Deserialize<PackFile>(text, Json);
                if (pack is null) errors.Add($"{file}: tệp rỗng.");
                else read.Add((file, pack));
            }
            catch (JsonException e)
            {
                errors.Add($"{file}: JSON không hợp lệ ở dòng {e.LineNumber + 1}: {e.Message}");
            }
        }
        if (read.Count == 0 && errors.Count == 0) errors.Add("thư mục rule-packs không có gói quy tắc nào (*.json).");

        foreach (var (file, p) in read.Where(x => string.IsNullOrWhiteSpace(x.Pack.Id)))
            errors.Add($"{file}: thiếu mã gói (id).");
        foreach (var dup in read.Where(x => !string.IsNullOrWhiteSpace(x.Pack.Id)).GroupBy(x => x.Pack.Id!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add($"gói \"{dup.Key}\" có trong nhiều tệp: {string.Join(", ", dup.Select(x => x.File))}.");
        var byId = read.Where(x => !string.IsNullOrWhiteSpace(x.Pack.Id)).GroupBy(x => x.Pack.Id!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var packs = new List<RulePack>();
        foreach (var (file, p) in read.Where(x => !string.IsNullOrWhiteSpace(x.Pack.Id)))
        {
            PackFile? baseFile = null;
            if (p.Extends is { Length: > 0 } ext)
            {
                if (!byId.TryGetValue(ext, out var b))
                {
                    errors.Add($"{file}, trường \"extends\": gói gốc \"{ext}\" không có trong thư mục rule-packs.");
                    continue;
                }
                if (b.Pack.Extends is { Length: > 0 })
                {
                    errors.Add($"{file}, trường \"extends\": gói \"{ext}\" tự nó đã mở rộng gói \"{b.Pack.Extends}\"; chỉ được mở rộng một gói gốc.");
                    continue;
                }
                if (string.Equals(ext, p.Id, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"{file}, trường \"extends\": một gói không thể mở rộng chính nó.");
                    continue;
                }
                baseFile = b.Pack;
            }
            if (Build(file, p, baseFile, catalogue, errors) is { } pack) packs.Add(pack);
        }

        if (errors.Count > 0)
            throw new CatalogueException("Gói quy tắc trong data/rule-packs có lỗi:\n- " + string.Join("\n- ", errors));
        return new RulePacks(packs.OrderBy(p => p.Id, StringComparer.Ordinal).ToList());
    }

    private static RulePack? Build(string file, PackFile p, PackFile? basePack, Catalogue.Catalogue catalogue, List<string> errors)
    {
        var before = errors.Count;
        var id = p.Id!.Trim();
        if (string.IsNullOrWhiteSpace(p.Name) && string.IsNullOrWhiteSpace(basePack?.Name)) errors.Add($"{file}: thiếu tên gói (name).");
        var from = Date(file, "inForceFrom", p.InForceFrom ?? basePack?.InForceFrom, errors);
        var to = Date(file, "inForceTo", p.InForceTo ?? basePack?.InForceTo, errors);
        if (from is { } f && to is { } t && t < f) errors.Add($"{file}: inForceTo ({t:yyyy-MM-dd}) trước inForceFrom ({f:yyyy-MM-dd}).");

        var kinds = p.Kinds ?? basePack?.Kinds ?? [];
        if (kinds.Count == 0) errors.Add($"{file}: thiếu danh sách loại đơn vị được chấm (kinds).");
        foreach (var k in kinds.Where(k => catalogue.Kind(k) is null))
            errors.Add($"{file}, trường \"kinds\": loại đơn vị \"{k}\" không có trong data/agency-kinds.json.");

        // The scheme: the extension's own, or the base pack's.
        var schemeFile = p.Scheme ?? basePack?.Scheme;
        var headings = new List<Heading>();
        decimal total = 0;
        if (schemeFile is null) errors.Add($"{file}: thiếu thang điểm (scheme).");
        else
        {
            total = schemeFile.Total ?? 0;
            if (total <= 0) errors.Add($"{file}, thang điểm: tổng điểm (total) phải lớn hơn 0.");
            foreach (var (h, i) in (schemeFile.Headings ?? []).Select((h, i) => (h, i + 1)))
            {
                var where = $"{file}, đề mục thứ {i}" + (string.IsNullOrWhiteSpace(h.Code) ? "" : $" (\"{h.Code}\")");
                if (string.IsNullOrWhiteSpace(h.Code)) { errors.Add($"{where}: thiếu mã đề mục (code)."); continue; }
                if (string.IsNullOrWhiteSpace(h.Name)) errors.Add($"{where}: thiếu tên đề mục (name).");
                if (h.Points is not { } hp || hp < 0) errors.Add($"{where}: điểm (points) phải là số không âm.");
                headings.Add(new Heading(h.Code.Trim(), h.Name?.Trim() ?? "", h.NameEn?.Trim() ?? "", h.Points ?? 0, h.Note));
            }
            if (headings.Count == 0) errors.Add($"{file}, thang điểm: chưa có đề mục nào (headings).");
            foreach (var dup in headings.GroupBy(h => h.Code).Where(g => g.Count() > 1))
                errors.Add($"{file}, thang điểm: mã đề mục \"{dup.Key}\" bị trùng.");
            var sum = headings.Sum(h => h.Points);
            if (headings.Count > 0 && total > 0 && sum != total)
                errors.Add($"{file}, thang điểm: các đề mục cộng lại {Num(sum)} điểm, tổng điểm (total) là {Num(total)}.");
        }
        var headingCodes = headings.Select(h => h.Code).ToHashSet();

        // The rules: the base pack's, less those removed, with the extension's rules merged by ID field by field.
        var own = p.Rules ?? [];
        foreach (var (r, i) in own.Select((r, i) => (r, i + 1)).Where(x => string.IsNullOrWhiteSpace(x.r.Id)))
            errors.Add($"{file}, quy tắc thứ {i}: thiếu mã quy tắc (id).");
        foreach (var dup in own.Where(r => !string.IsNullOrWhiteSpace(r.Id)).GroupBy(r => r.Id!.Trim()).Where(g => g.Count() > 1))
            errors.Add($"{file}: quy tắc \"{dup.Key}\" xuất hiện {dup.Count()} lần.");
        var merged = new List<(RuleFile Rule, string Source)>();
        if (basePack is not null)
        {
            var removed = (p.Remove ?? []).Select(x => x.Trim()).ToHashSet();
            foreach (var x in removed.Where(x => !(basePack.Rules ?? []).Any(r => r.Id?.Trim() == x)))
                errors.Add($"{file}, trường \"remove\": gói gốc \"{basePack.Id}\" không có quy tắc \"{x}\".");
            foreach (var r in (basePack.Rules ?? []).Where(r => r.Id is not null && !removed.Contains(r.Id.Trim())))
            {
                var over = own.FirstOrDefault(o => o.Id?.Trim() == r.Id!.Trim());
                merged.Add(over is null ? (r, $"{basePack.Id}") : (Merge(r, over), file));
            }
            merged.AddRange(own.Where(o => !string.IsNullOrWhiteSpace(o.Id) && !merged.Any(m => m.Rule.Id?.Trim() == o.Id.Trim())).Select(o => (o, file)));
        }
        else
        {
            if (p.Remove is { Count: > 0 }) errors.Add($"{file}, trường \"remove\": chỉ dùng được khi gói mở rộng một gói gốc (extends).");
            merged.AddRange(own.Where(o => !string.IsNullOrWhiteSpace(o.Id)).GroupBy(o => o.Id!.Trim()).Select(g => (g.First(), file)));
        }

        var rules = new List<Rule>();
        foreach (var (r, source) in merged)
        {
            var rid = r.Id!.Trim();
            // Problems of a rule inherited unchanged are the base pack's; they are reported once, for its file.
            var where = source == file ? $"{file}, quy tắc \"{rid}\"" : $"{file} (từ gói {source}), quy tắc \"{rid}\"";
            if (!RuleIdPattern().IsMatch(rid)) errors.Add($"{where}: mã quy tắc phải có dạng INF-06, TEC-21 hoặc INF-05a.");
            if (string.IsNullOrWhiteSpace(r.Title)) errors.Add($"{where}, trường \"title\": thiếu tên tiếng Việt.");
            if (string.IsNullOrWhiteSpace(r.TitleEn)) errors.Add($"{where}, trường \"titleEn\": thiếu tên tiếng Anh.");
            if (string.IsNullOrWhiteSpace(r.Basis)) errors.Add($"{where}, trường \"basis\": thiếu căn cứ pháp lý.");
            var certainty = Certainty.U;
            if (r.Certainty is null || !Enum.TryParse(r.Certainty, ignoreCase: false, out certainty) || !Enum.IsDefined(certainty) || r.Certainty.Any(char.IsDigit))
                errors.Add($"{where}, trường \"certainty\": phải là P, PT, S hoặc U (đang là \"{r.Certainty}\").");
            var ruleKinds = r.Kinds ?? [];
            if (ruleKinds.Count == 0) errors.Add($"{where}, trường \"kinds\": chưa nói quy tắc áp dụng cho loại đơn vị nào.");
            foreach (var k in ruleKinds.Where(k => catalogue.Kind(k) is null))
                errors.Add($"{where}, trường \"kinds\": loại đơn vị \"{k}\" không có trong data/agency-kinds.json.");
            foreach (var k in ruleKinds.Where(k => catalogue.Kind(k) is not null && !kinds.Contains(k)))
                errors.Add($"{where}, trường \"kinds\": loại đơn vị \"{k}\" không nằm trong các loại gói này chấm (kinds của gói).");
            if (string.IsNullOrWhiteSpace(r.Heading)) errors.Add($"{where}, trường \"heading\": thiếu đề mục.");
            else if (headings.Count > 0 && !headingCodes.Contains(r.Heading))
                errors.Add($"{where}, trường \"heading\": đề mục \"{r.Heading}\" không có trong thang điểm ({string.Join(", ", headingCodes)}).");
            if (r.Points is not { } pts || pts < 0) errors.Add($"{where}, trường \"points\": điểm phải là số không âm.");
            foreach (var (k, v) in r.PointsByKind ?? [])
            {
                if (!ruleKinds.Contains(k)) errors.Add($"{where}, trường \"pointsByKind\": loại đơn vị \"{k}\" không có trong kinds của quy tắc.");
                if (v < 0) errors.Add($"{where}, trường \"pointsByKind\": điểm cho \"{k}\" phải là số không âm.");
            }
            if (r.FreshnessDays is { } fd && fd is < 1 or > 3650)
                errors.Add($"{where}, trường \"freshnessDays\": ngưỡng cập nhật phải từ 1 đến 3650 ngày (đang là {fd}).");
            foreach (var (k, v) in r.FreshnessByKind ?? [])
            {
                if (!ruleKinds.Contains(k)) errors.Add($"{where}, trường \"freshnessByKind\": loại đơn vị \"{k}\" không có trong kinds của quy tắc.");
                if (v is < 1 or > 3650) errors.Add($"{where}, trường \"freshnessByKind\": ngưỡng cho \"{k}\" phải từ 1 đến 3650 ngày (đang là {v}).");
            }
            var thresholds = r.Thresholds ?? [];
            foreach (var (k, v) in thresholds)
            {
                if (!Carriers.Thresholds.ContainsKey(k))
                    errors.Add($"{where}, trường \"thresholds\": ngưỡng \"{k}\" không có ({string.Join(", ", Carriers.Thresholds.Keys)}).");
                else if (v is < 1 or > 600_000)
                    errors.Add($"{where}, trường \"thresholds\": ngưỡng \"{k}\" phải từ 1 đến 600000 (đang là {v}).");
            }
            if (thresholds.TryGetValue("ttfbGoodMs", out var goodMs) && thresholds.TryGetValue("ttfbPoorMs", out var poorMs) && goodMs > poorMs)
                errors.Add($"{where}, trường \"thresholds\": ttfbGoodMs ({goodMs}) phải nhỏ hơn hoặc bằng ttfbPoorMs ({poorMs}).");
            // What carries the rule: given in the pack, or the item's carriers in data/content-items.json.
            var carriers = r.Carriers ?? catalogue.ContentItems.FirstOrDefault(i => i.Id == rid)?.Carriers.ToList() ?? [];
            if (carriers.Count == 0)
                errors.Add($"{where}, trường \"carriers\": không biết kiểm tra bằng gì (mục không có trong data/content-items.json; hãy ghi carriers).");
            foreach (var c in carriers)
                if (Carriers.Problem(c, catalogue) is { } problem) errors.Add($"{where}, trường \"carriers\": \"{c}\" {problem}.");
            rules.Add(new Rule(rid, r.Title?.Trim() ?? "", r.TitleEn?.Trim() ?? "", r.Basis?.Trim() ?? "", certainty, ruleKinds,
                r.Heading?.Trim() ?? "", r.Points ?? 0, r.PointsByKind ?? [], carriers, r.FreshnessDays, r.FreshnessByKind ?? [], r.Note, thresholds));
        }

        // The points: for each kind the pack scores, the rules of a heading that apply to it add up to the heading's
        // points (or none applies, and the heading's share goes to the others).
        foreach (var h in headings)
            foreach (var k in kinds.Where(k => catalogue.Kind(k) is not null))
            {
                var applying = rules.Where(r => r.Heading == h.Code && r.AppliesTo(k)).ToList();
                if (applying.Count == 0) continue;
                var sum = applying.Sum(r => r.PointsFor(k));
                if (sum != h.Points)
                    errors.Add($"{file}, đề mục \"{h.Code}\", loại đơn vị \"{k}\": các quy tắc áp dụng cộng lại {Num(sum)} điểm " +
                        $"({string.Join(", ", applying.Select(r => $"{r.Id} {Num(r.PointsFor(k))}"))}), đề mục có {Num(h.Points)} điểm.");
            }
        foreach (var h in headings.Where(h => h.Points > 0 && !rules.Any(r => r.Heading == h.Code)))
            errors.Add($"{file}, đề mục \"{h.Code}\": có {Num(h.Points)} điểm nhưng không có quy tắc nào.");

        if (errors.Count > before) return null;
        return new RulePack(id, (p.Name ?? basePack?.Name ?? "").Trim(), (p.NameEn ?? basePack?.NameEn ?? "").Trim(),
            p.Extends?.Trim() is { Length: > 0 } e ? e : null, file, from, to, p.Note ?? basePack?.Note ?? "", kinds,
            new ScoringScheme(total, headings), rules);
    }

    private static RuleFile Merge(RuleFile b, RuleFile o) => new(
        b.Id, o.Title ?? b.Title, o.TitleEn ?? b.TitleEn, o.Basis ?? b.Basis, o.Certainty ?? b.Certainty, o.Kinds ?? b.Kinds,
        o.Heading ?? b.Heading, o.Points ?? b.Points, o.PointsByKind ?? b.PointsByKind, o.Carriers ?? b.Carriers,
        o.FreshnessDays ?? b.FreshnessDays, o.FreshnessByKind ?? b.FreshnessByKind, o.Note ?? b.Note, o.Thresholds ?? b.Thresholds);

    private static DateOnly? Date(string file, string field, string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add($"{file}, trường \"{field}\": ngày phải viết dạng yyyy-MM-dd (đang là \"{value}\").");
        return null;
    }

    internal static string Num(decimal d) => d.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
