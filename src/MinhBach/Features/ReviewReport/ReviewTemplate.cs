using System.Text.Json;
using MinhBach.Features.Catalogue;

namespace MinhBach.Features.ReviewReport;

/// <summary>
/// The fixed wording of the review report (data/review-report/template.json): issuing body, title, legal basis,
/// shortcomings and recommendations, recipients, signer. Data, so the Department edits it without a release; the
/// generator puts the counts, the units named, the scores and the footnotes around it. Checked at start.
/// </summary>
public sealed record ReviewTemplate(
    string IssuingParent, string IssuingBody, string NumberLine, string Place, string Province, string Title, string Subtitle,
    IReadOnlyList<string> Basis, string Intro, decimal GoodScore,
    IReadOnlyList<string> ShortcomingsContent, IReadOnlyList<string> ShortcomingsOperation, IReadOnlyList<string> ShortcomingsTechnical,
    IReadOnlyList<string> RecommendationsProvince, IReadOnlyList<string> RecommendationsUnits,
    string Closing, IReadOnlyList<string> Recipients, string SignerTitle, string SignerName, string ScoringFootnote, string NotEvaluatedFootnote)
{
    public const string Folder = "review-report";

    /// <summary>Fills {province}, {place}, {asOf}, {pack}.</summary>
    public string Fill(string text, DateOnly asOf, string pack) => text
        .Replace("{province}", Province, StringComparison.Ordinal).Replace("{place}", Place, StringComparison.Ordinal)
        .Replace("{asOf}", asOf.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{pack}", pack, StringComparison.Ordinal);

    public static ReviewTemplate Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, Folder, "template.json");
        var where = $"{Folder}/template.json";
        ReviewTemplate? t = null;
        var errors = new List<string>();
        if (!File.Exists(path)) errors.Add($"{where}: không tìm thấy tệp.");
        else
        {
            try
            {
                t = JsonSerializer.Deserialize<ReviewTemplate>(File.ReadAllText(path),
                    new JsonSerializerOptions(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip });
                if (t is null) errors.Add($"{where}: tệp trống.");
            }
            catch (JsonException e)
            {
                errors.Add($"{where}: JSON không hợp lệ ở dòng {e.LineNumber + 1}: {e.Message}");
            }
        }
        if (t is not null)
        {
            foreach (var (name, value) in new (string, string?)[]
            {
                ("issuingParent", t.IssuingParent), ("issuingBody", t.IssuingBody), ("numberLine", t.NumberLine), ("place", t.Place),
                ("province", t.Province), ("title", t.Title), ("subtitle", t.Subtitle), ("intro", t.Intro), ("closing", t.Closing),
                ("signerTitle", t.SignerTitle), ("scoringFootnote", t.ScoringFootnote), ("notEvaluatedFootnote", t.NotEvaluatedFootnote),
            })
                if (string.IsNullOrWhiteSpace(value)) errors.Add($"{where}: thiếu \"{name}\".");
            foreach (var (name, list) in new (string, IReadOnlyList<string>?)[]
            {
                ("basis", t.Basis), ("shortcomingsContent", t.ShortcomingsContent), ("shortcomingsOperation", t.ShortcomingsOperation),
                ("shortcomingsTechnical", t.ShortcomingsTechnical), ("recommendationsProvince", t.RecommendationsProvince),
                ("recommendationsUnits", t.RecommendationsUnits), ("recipients", t.Recipients),
            })
                if (list is null || list.Count == 0 || list.Any(string.IsNullOrWhiteSpace)) errors.Add($"{where}: \"{name}\" phải là danh sách các đoạn văn không trống.");
            if (t.GoodScore is < 0 or > 100) errors.Add($"{where}: \"goodScore\" phải từ 0 đến 100.");
        }
        if (errors.Count > 0) throw new CatalogueException("Mẫu báo cáo rà soát trong " + dataDirectory + " có lỗi:\n- " + string.Join("\n- ", errors));
        return t! with { SignerName = t!.SignerName ?? "" };
    }
}
