using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.Contacts;

/// <summary>Create, edit and delete a focal-point official; an official phone or email is required.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class ContactEditModel : EditorPageModel
{
    public sealed class ContactForm
    {
        public string? FullName { get; set; }
        public string? Title { get; set; }
        public string? TitleEn { get; set; }
        public string? Unit { get; set; }
        public string? Responsibility { get; set; }
        public string? ResponsibilityEn { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    [BindProperty] public ContactForm Form { get; set; } = new();
    public Contact? Contact { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Contact is { } c) Fill(c);
        else Form.Order = (await Db.Contacts.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = new FormCheck(Errors);
        BindingOk();
        var fullName = check.Required(Form.FullName, "Họ và tên", 200);
        var title = check.Required(Form.Title, "Chức vụ", 300);
        var titleEn = check.Optional(Form.TitleEn, "Chức vụ (tiếng Anh)", 300) ?? "";
        var unit = check.Optional(Form.Unit, "Đơn vị", 300) ?? "";
        var responsibility = check.Optional(Form.Responsibility, "Lĩnh vực phụ trách", 1000) ?? "";
        var responsibilityEn = check.Optional(Form.ResponsibilityEn, "Lĩnh vực phụ trách (tiếng Anh)", 1000) ?? "";
        var phone = check.Phone(Form.Phone);
        var email = check.Email(Form.Email);
        if (string.IsNullOrWhiteSpace(Form.Phone) && string.IsNullOrWhiteSpace(Form.Email))
            check.Fail("Cần ít nhất số điện thoại hoặc email công vụ của cán bộ đầu mối.");
        var order = check.Order(Form.Order);
        if (!check.Ok) return Page();

        var c = Contact is null ? new Contact { SiteId = Site.Id } : await Db.Contacts.FirstAsync(x => x.Id == Contact.Id, ct);
        (c.FullName, c.Title, c.TitleEn, c.Unit, c.Responsibility, c.ResponsibilityEn, c.Phone, c.Email, c.Order) =
            (fullName, title, titleEn, unit, responsibility, responsibilityEn, phone, email, order);
        if (Contact is null) Db.Contacts.Add(c);
        if (!await SaveAuditedAsync(Contact is null ? "contact.create" : "contact.update", "contact", () => c.Id,
                () => $"{(Contact is null ? "Thêm" : "Sửa")} cán bộ đầu mối {c.FullName} ({c.Title}).", ct))
            return Page();
        return Done("/quan-tri/dau-moi", Contact is null ? "them" : "luu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Contact!);
        if (!confirm)
        {
            Errors.Add(ConfirmDeleteMessage);
            return Page();
        }
        var c = await Db.Contacts.FirstAsync(x => x.Id == id, ct);
        Db.Contacts.Remove(c);
        if (!await SaveAuditedAsync("contact.delete", "contact", () => id, () => $"Xóa cán bộ đầu mối {c.FullName} ({c.Title}).", ct))
            return Page();
        return Done("/quan-tri/dau-moi", "xoa");
    }

    private void Fill(Contact c) => Form = new ContactForm
    {
        FullName = c.FullName, Title = c.Title, TitleEn = c.TitleEn, Unit = c.Unit, Responsibility = c.Responsibility,
        ResponsibilityEn = c.ResponsibilityEn, Phone = c.Phone, Email = c.Email, Order = c.Order,
    };

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? "Thêm cán bộ đầu mối" : "Sửa cán bộ đầu mối";
        if (id is null) return true;
        Contact = await Db.Contacts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return Contact is not null;
    }
}
