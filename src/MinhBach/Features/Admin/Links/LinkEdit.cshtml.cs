using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.Links;

/// <summary>Create, edit and delete a link; only http and https addresses are accepted.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class LinkEditModel : EditorPageModel
{
    public sealed class LinkForm
    {
        public string? Kind { get; set; }
        public string? Title { get; set; }
        public string? Url { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    [BindProperty] public LinkForm Form { get; set; } = new();
    public SiteLink? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Link is { } l) Fill(l);
        else
        {
            Form.Kind = nameof(LinkKind.Other);
            Form.Order = (await Db.SiteLinks.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = new FormCheck(Errors);
        BindingOk();
        // By name only: Enum.TryParse would also take "7", a kind that does not exist.
        LinkKind? kind = Enum.GetNames<LinkKind>().Contains(Form.Kind?.Trim()) ? Enum.Parse<LinkKind>(Form.Kind!.Trim()) : null;
        if (kind is null) check.Fail(string.IsNullOrWhiteSpace(Form.Kind) ? "Hãy chọn loại liên kết." : $"Loại liên kết \"{Form.Kind}\" không có.");
        var title = check.Required(Form.Title, "Tiêu đề", 200);
        var url = check.WebAddress(Form.Url, "Địa chỉ", required: true);
        var order = check.Order(Form.Order);
        if (!check.Ok) return Page();

        var l = Link is null ? new SiteLink { SiteId = Site.Id } : await Db.SiteLinks.FirstAsync(x => x.Id == Link.Id, ct);
        (l.Kind, l.Title, l.Url, l.Order) = (kind!.Value, title, url!, order);
        if (Link is null) Db.SiteLinks.Add(l);
        if (!await SaveAuditedAsync(Link is null ? "link.create" : "link.update", "link", () => l.Id,
                () => $"{(Link is null ? "Thêm" : "Sửa")} liên kết \"{l.Title}\" ({LinkListModel.KindName(l.Kind)}): {l.Url}.", ct))
            return Page();
        return Done("/quan-tri/lien-ket", Link is null ? "them" : "luu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Link!);
        if (!confirm)
        {
            Errors.Add(ConfirmDeleteMessage);
            return Page();
        }
        var l = await Db.SiteLinks.FirstAsync(x => x.Id == id, ct);
        Db.SiteLinks.Remove(l);
        if (!await SaveAuditedAsync("link.delete", "link", () => id, () => $"Xóa liên kết \"{l.Title}\": {l.Url}.", ct))
            return Page();
        return Done("/quan-tri/lien-ket", "xoa");
    }

    private void Fill(SiteLink l) => Form = new LinkForm { Kind = l.Kind.ToString(), Title = l.Title, Url = l.Url, Order = l.Order };

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? "Thêm liên kết" : "Sửa liên kết";
        if (id is null) return true;
        Link = await Db.SiteLinks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return Link is not null;
    }
}
