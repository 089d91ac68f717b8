using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Accounts;
using MinhBach.Features.Compliance;
using MinhBach.Features.Public;

namespace MinhBach.Features.Admin.Compliance;

/// <summary>
/// /quan-tri/tuan-thu: which rules of the chosen pack this site meets, which not, why, and where to fix it; computed
/// from the site's data on every request. Editors and above of the site read it; a province reviewer reads every
/// site's and records or removes manual findings (audited on the site).
/// </summary>
public sealed class ChecklistModel(ComplianceService compliance) : AdminPageModel
{
    public RulePack Pack { get; private set; } = null!;
    public SiteEvaluation Evaluation { get; private set; } = null!;
    public IReadOnlyList<RulePack> Packs => compliance.Packs.All;
    public List<string> Errors { get; } = [];
    public bool CanRecordFindings => Access.User is { IsProvinceReviewer: true } or { IsSystemAdmin: true };
    public bool CanFix => Access.Has(SiteRole.Editor);
    [BindProperty] public string? Rule { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private bool MayRead => Access.Has(SiteRole.Editor) || Access.User?.IsProvinceReviewer == true;

    public async Task<IActionResult> OnGetAsync(string? goi, string? msg, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!MayRead) return Forbid();
        if (!await LoadAsync(goi, ct)) return Page();
        Notice = msg switch
        {
            "ghi-nhan" => "Đã lưu kết quả ghi nhận; điểm đã được tính lại.",
            "bo-ghi-nhan" => "Đã bỏ kết quả ghi nhận; quy tắc được tính lại theo kiểm tra tự động.",
            _ => Notice,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostFindingAsync(string? goi, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!CanRecordFindings) return Forbid();
        Errors.AddRange(await compliance.SetFindingAsync(Site, Rule, Status, Reason, Actor(), ct));
        if (Errors.Count > 0)
        {
            await LoadAsync(goi, ct);
            return Page();
        }
        return Back(goi, "ghi-nhan");
    }

    public async Task<IActionResult> OnPostRemoveFindingAsync(string? goi, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        if (!CanRecordFindings) return Forbid();
        if (!await compliance.RemoveFindingAsync(Site, Rule, Actor(), ct))
        {
            Errors.Add($"Quy tắc \"{Rule}\" không có kết quả ghi nhận nào để bỏ (có thể người khác vừa bỏ).");
            await LoadAsync(goi, ct);
            return Page();
        }
        return Back(goi, "bo-ghi-nhan");
    }

    private IActionResult Back(string? goi, string msg) =>
        Redirect(Url.Site("/quan-tri/tuan-thu") + "?goi=" + Uri.EscapeDataString(Pack?.Id ?? compliance.Pack(goi)?.Id ?? compliance.DefaultPack.Id) + "&msg=" + msg);

    private async Task<bool> LoadAsync(string? goi, CancellationToken ct)
    {
        Title = "Tuân thủ quy định";
        Pack = compliance.PackOrDefault(goi, Errors);
        Evaluation = await compliance.EvaluateAsync(Pack, Site, ct);
        return Errors.Count == 0;
    }

    public string PathOf(string? fix) => fix is null ? "" : Url.Site(fix);
}
