using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.Contacts;

/// <summary>Create, edit and delete a focal-point official; an official phone or email is required.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class ContactEditModel : ContentEditorPageModel<Contact, ContactEditModel.ContactForm>
{
    public sealed class ContactForm
    {
        [Display(Name = "Họ và tên")] public string? FullName { get; set; }
        [Display(Name = "Chức vụ")] public string? Title { get; set; }
        [Display(Name = "Chức vụ (tiếng Anh)")] public string? TitleEn { get; set; }
        [Display(Name = "Đơn vị")] public string? Unit { get; set; }
        [Display(Name = "Lĩnh vực phụ trách")] public string? Responsibility { get; set; }
        [Display(Name = "Lĩnh vực phụ trách (tiếng Anh)")] public string? ResponsibilityEn { get; set; }
        [Display(Name = "Điện thoại công vụ")] public string? Phone { get; set; }
        [Display(Name = "Email công vụ")] public string? Email { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    protected override string ListPath => "/quan-tri/dau-moi";
    protected override string AuditType => "contact";
    protected override string Noun => "cán bộ đầu mối";
    protected override string NewTitle => "Thêm cán bộ đầu mối";
    protected override string EditTitle => "Sửa cán bộ đầu mối";

    protected override string Describe(Contact c) => $"cán bộ đầu mối {c.FullName}";

    protected override async Task NewFormAsync(CancellationToken ct) =>
        Form.Order = (await Db.Contacts.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;

    protected override ContactForm ToForm(Contact c) => new()
    {
        FullName = c.FullName, Title = c.Title, TitleEn = c.TitleEn, Unit = c.Unit, Responsibility = c.Responsibility,
        ResponsibilityEn = c.ResponsibilityEn, Phone = c.Phone, Email = c.Email, Order = c.Order,
    };

    protected override Task<Action<Contact>> CheckAsync(FormCheck check, CancellationToken ct)
    {
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
        return Task.FromResult<Action<Contact>>(c =>
            (c.FullName, c.Title, c.TitleEn, c.Unit, c.Responsibility, c.ResponsibilityEn, c.Phone, c.Email, c.Order) =
            (fullName, title, titleEn, unit, responsibility, responsibilityEn, phone, email, order));
    }

    protected override string Summary(Contact c, ContentChange change) => change switch
    {
        ContentChange.Create => $"Thêm cán bộ đầu mối {c.FullName} ({c.Title}).",
        ContentChange.Update => $"Sửa cán bộ đầu mối {c.FullName} ({c.Title}).",
        _ => $"Xóa cán bộ đầu mối {c.FullName} ({c.Title}).",
    };
}
