using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Features.Royalties;

namespace MinhBach.Features.Admin.Royalties;

/// <summary>/quan-tri/nhuan-but/bieu-muc: the site's royalty rate table and the value of one point. Editor-in-chief and site admin.</summary>
public sealed class RoyaltyRatesModel(RoyaltyService royalties) : AdminPageModel
{
    public IReadOnlyList<RoyaltyRate> Rates { get; private set; } = [];
    public long PointValue { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public string? Value { get; set; }

    public async Task<IActionResult> OnGetAsync(string? msg, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        Notice = msg switch
        {
            "mac-dinh" => "Đã tạo biểu mức mặc định.", "them" => "Đã thêm mức.", "luu" => "Đã lưu mức.", "xoa" => "Đã xóa mức.",
            "gia-tri" => "Đã lưu giá trị một điểm.", _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostDefaultsAsync(CancellationToken ct) => ActAsync("mac-dinh", e => royalties.CreateDefaultRatesAsync(Site, e, ct), ct);
    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => ActAsync("them", e => royalties.AddRateAsync(Site, e, Name, Points, ct), ct);
    public Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct) => ActAsync("luu", e => royalties.UpdateRateAsync(Site, e, id, Name, Points, ct), ct);
    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) => ActAsync("xoa", e => royalties.DeleteRateAsync(Site, e, id, ct), ct);
    public Task<IActionResult> OnPostPointValueAsync(CancellationToken ct) => ActAsync("gia-tri", e => royalties.SetPointValueAsync(Site, e, Value, ct), ct);

    private async Task<IActionResult> ActAsync(string done, Func<Editor, Task<RoyaltyResult>> act, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        var result = await act(new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor()));
        if (result.Ok) return Redirect(Url.Site("/quan-tri/nhuan-but/bieu-muc") + "?msg=" + done);
        Errors = result.Errors;
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Title = "Biểu mức nhuận bút";
        await Access.LoadAsync(ct);
        if (!RoyaltyService.CanManage(Access.Role)) return false;
        Rates = await royalties.RatesAsync(Site, ct);
        PointValue = await royalties.PointValueAsync(Site, ct);
        return true;
    }
}
