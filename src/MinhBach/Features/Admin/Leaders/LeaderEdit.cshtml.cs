using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Leaders;

/// <summary>Create, edit and delete a leader; a new slug keeps the old address as a redirect.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class LeaderEditModel(TimeProvider clock) : EditorPageModel
{
    public sealed class LeaderForm
    {
        public string? FullName { get; set; }
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? TitleEn { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? PhotoUrl { get; set; }
        [Display(Name = "Năm sinh")] public int? BirthYear { get; set; }
        public string? Hometown { get; set; }
        public string? Biography { get; set; }
        public string? Duties { get; set; }
        public string? DutiesEn { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    [BindProperty] public LeaderForm Form { get; set; } = new();
    public Leader? Leader { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Leader is { } l) Fill(l);
        else Form.Order = (await Db.Leaders.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = new FormCheck(Errors);
        BindingOk();
        var fullName = check.Required(Form.FullName, "Họ và tên", 200);
        var slug = check.Slug(Form.Slug, fullName);
        var title = check.Required(Form.Title, "Chức vụ", 300);
        var titleEn = check.Optional(Form.TitleEn, "Chức vụ (tiếng Anh)", 300) ?? "";
        var phone = check.Phone(Form.Phone);
        var email = check.Email(Form.Email);
        var photo = check.FileAddress(Form.PhotoUrl, "Ảnh chân dung");
        var thisYear = VnTime.Today(clock).Year;
        if (Form.BirthYear is int y && (y < 1900 || y > thisYear - 18)) check.Fail($"Năm sinh phải từ 1900 đến {thisYear - 18}.");
        var hometown = check.Optional(Form.Hometown, "Quê quán", 300);
        var biography = check.Html(Form.Biography, "Tiểu sử");
        var duties = check.Html(Form.Duties, "Nhiệm vụ được phân công");
        var dutiesEn = check.Html(Form.DutiesEn, "Nhiệm vụ được phân công (tiếng Anh)");
        var order = check.Order(Form.Order);
        if (check.Ok && await Db.Leaders.AnyAsync(x => x.Slug == slug && x.Id != (id ?? 0), ct))
            check.Fail($"Đường dẫn \"{slug}\" đã được dùng cho lãnh đạo khác; hãy chọn đường dẫn khác (ví dụ thêm chức vụ).");
        if (!check.Ok) return Page();

        var l = Leader is null ? new Leader { SiteId = Site.Id } : await Db.Leaders.FirstAsync(x => x.Id == Leader.Id, ct);
        var oldSlug = l.Slug;
        (l.FullName, l.Slug, l.Title, l.TitleEn, l.Phone, l.Email, l.PhotoUrl, l.BirthYear, l.Hometown) =
            (fullName, slug, title, titleEn, phone, email, photo, Form.BirthYear, hometown);
        (l.Biography, l.Duties, l.DutiesEn, l.Order) = (biography, duties, dutiesEn, order);
        if (Leader is null)
        {
            Db.Leaders.Add(l);
            await SlugHistory.ClaimedAsync(Db, SlugHistory.Leader, slug, ct);
        }
        else
            await SlugHistory.RenamedAsync(Db, Site.Id, SlugHistory.Leader, oldSlug, slug, ct);
        var renamed = Leader is not null && oldSlug != slug;
        if (!await SaveAuditedAsync(Leader is null ? "leader.create" : "leader.update", "leader", () => l.Id,
                () => $"{(Leader is null ? "Thêm" : "Sửa")} lãnh đạo {l.FullName} ({l.Title}){(renamed ? $", đổi đường dẫn {oldSlug} → {slug}" : "")}.", ct))
            return Page();
        return Done("/quan-tri/lanh-dao", Leader is null ? "them" : "luu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Leader!);
        if (!confirm)
        {
            Errors.Add(ConfirmDeleteMessage);
            return Page();
        }
        var l = await Db.Leaders.FirstAsync(x => x.Id == id, ct);
        Db.Leaders.Remove(l);
        await SlugHistory.RemovedAsync(Db, SlugHistory.Leader, l.Slug, ct);
        if (!await SaveAuditedAsync("leader.delete", "leader", () => id, () => $"Xóa lãnh đạo {l.FullName} ({l.Title}).", ct))
            return Page();
        return Done("/quan-tri/lanh-dao", "xoa");
    }

    private void Fill(Leader l) => Form = new LeaderForm
    {
        FullName = l.FullName, Slug = l.Slug, Title = l.Title, TitleEn = l.TitleEn, Phone = l.Phone, Email = l.Email, PhotoUrl = l.PhotoUrl,
        BirthYear = l.BirthYear, Hometown = l.Hometown, Biography = l.Biography, Duties = l.Duties, DutiesEn = l.DutiesEn, Order = l.Order,
    };

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? "Thêm lãnh đạo" : "Sửa thông tin lãnh đạo";
        if (id is null) return true;
        Leader = await Db.Leaders.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return Leader is not null;
    }
}
