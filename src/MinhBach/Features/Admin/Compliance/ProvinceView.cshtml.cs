using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Compliance;
using MinhBach.Features.Public;
using MinhBach.Features.Registry;
using MinhBach.Features.ReviewReport;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Compliance;

/// <summary>
/// /quan-tri/danh-gia: every active site of the province ranked by its score in the chosen pack, filtered by kind of
/// unit, as a chart and a table; the review snapshots ("chốt kỳ đánh giá") and the trend over them. For the Sở's
/// reviewers and system administrators only. Websites of the registry not hosted here are ranked with them by the
/// monitor's latest run (dated, stale ones marked), or listed as not evaluated. Each row shows the homepage's time to
/// first byte when the monitor measured the site.
/// </summary>
public sealed class ProvinceViewModel(ComplianceService compliance, Catalogue.Catalogue catalogue, RegistryService registry, IExternalEvaluations external)
    : AdminPageModel
{
    /// <summary>One ranked website: a hosted site, or an external one with the run its evaluation comes from.</summary>
    public sealed record RankedSite(SiteEvaluation Evaluation, Site? Site, Measurement? Measured, string? Url);

    public RulePack Pack { get; private set; } = null!;
    public IReadOnlyList<RulePack> Packs => compliance.Packs.All;
    public IReadOnlyList<Catalogue.AgencyKind> Kinds => catalogue.AgencyKinds;
    public string? Kind { get; private set; }
    public IReadOnlyList<RankedSite> Ranked { get; private set; } = [];
    /// <summary>Registered websites not hosted here that the monitor has not audited yet.</summary>
    public IReadOnlyList<RegistryRow> NotEvaluated { get; private set; } = [];
    public IReadOnlyList<ReviewSnapshot> Snapshots { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, decimal>> Trend { get; private set; } = new Dictionary<string, IReadOnlyDictionary<int, decimal>>();
    public List<string> Errors { get; } = [];
    [BindProperty] public string? SnapshotTitle { get; set; }

    private bool Allowed => Access.User is { IsProvinceReviewer: true } or { IsSystemAdmin: true };

    public async Task<IActionResult> OnGetAsync(string? goi, string? loai, string? msg, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!Allowed) return Forbid();
        await LoadAsync(goi, loai, ct);
        if (msg == "chot") Notice = "Đã chốt kỳ đánh giá: kết quả của mọi trang đã được lưu.";
        return Page();
    }

    public async Task<IActionResult> OnPostSnapshotAsync(string? goi, string? loai, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!Allowed) return Forbid();
        var pack = compliance.Pack(goi);
        if (pack is null) Errors.Add($"Không có gói quy tắc \"{goi}\".");
        else
        {
            var (_, errors) = await compliance.TakeSnapshotAsync(pack, SnapshotTitle, Actor(), ct);
            Errors.AddRange(errors);
        }
        if (Errors.Count == 0) return Redirect(Url.Site("/quan-tri/danh-gia") + "?goi=" + Uri.EscapeDataString(pack!.Id) + "&msg=chot");
        await LoadAsync(goi, loai, ct);
        return Page();
    }

    private async Task LoadAsync(string? goi, string? loai, CancellationToken ct)
    {
        Title = "Đánh giá toàn tỉnh";
        Pack = compliance.PackOrDefault(goi, Errors);
        if (!string.IsNullOrEmpty(loai) && catalogue.Kind(loai) is null) Errors.Add($"Không có loại đơn vị \"{loai}\"; đang hiển thị mọi loại.");
        else Kind = string.IsNullOrEmpty(loai) ? null : loai;
        var sites = (await compliance.ActiveSitesAsync(ct)).Where(s => Kind is null || s.KindCode == Kind).ToList();
        var evaluations = await compliance.EvaluateAsync(Pack, sites, ct);
        var bySlug = sites.ToDictionary(s => s.Slug);
        var outside = (await registry.RowsAsync(null, ct)).Where(r => !r.Entry.Hosted && Pack.Covers(r.Entry.UnitKindCode) && (Kind is null || r.Entry.UnitKindCode == Kind)).ToList();
        var measured = await external.ForAsync(Pack, outside.Select(r => r.Entry).ToList(), ct);
        NotEvaluated = outside.Where(r => !measured.ContainsKey(r.Entry.Id)).ToList();
        Ranked = evaluations.Select(e => new RankedSite(e, bySlug[e.Site], null, null))
            .Concat(outside.Where(r => measured.ContainsKey(r.Entry.Id)).Select(r => new RankedSite(measured[r.Entry.Id].Evaluation, null, measured[r.Entry.Id].Measured, r.Url)))
            .OrderByDescending(x => x.Evaluation.Score).ThenBy(x => x.Site?.Order ?? int.MaxValue).ThenBy(x => x.Evaluation.Name, StringComparer.Ordinal).ToList();
        Snapshots = (await compliance.SnapshotsAsync(Pack.Id, ct)).Take(6).Reverse().ToList();
        Trend = await compliance.TrendAsync(Snapshots, ct);
    }

    /// <summary>The site's own checklist, at its host when this request came by host, else under its prefix.</summary>
    public string ChecklistUrl(Site s) =>
        SiteUrls.Home(s, Request, HttpContext.RequestServices.GetRequiredService<CurrentSite>().ResolvedByHost) + "quan-tri/tuan-thu?goi=" + Uri.EscapeDataString(Pack.Id);

    public string KindName(string code) => catalogue.Kind(code)?.Name ?? code;
}
