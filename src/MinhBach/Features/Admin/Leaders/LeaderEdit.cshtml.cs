using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Leaders;

/// <summary>Create, edit and delete a leader; a new slug keeps the old address as a redirect.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class LeaderEditModel(TimeProvider clock) : ContentEditorPageModel<Leader, LeaderEditModel.LeaderForm>
{
    public sealed class LeaderForm
    {
        [Display(Name = "Họ và tên")] public string? FullName { get; set; }
        [Display(Name = "Đường dẫn")] public string? Slug { get; set; }
        [Display(Name = "Chức vụ")] public string? Title { get; set; }
        [Display(Name = "Chức vụ (tiếng Anh)")] public string? TitleEn { get; set; }
        [Display(Name = "Điện thoại")] public string? Phone { get; set; }
        [Display(Name = "Email")] public string? Email { get; set; }
        [Display(Name = "Ảnh chân dung")] public string? PhotoUrl { get; set; }
        [Display(Name = "Năm sinh")] public int? BirthYear { get; set; }
        [Display(Name = "Quê quán")] public string? Hometown { get; set; }
        [Display(Name = "Tiểu sử")] public string? Biography { get; set; }
        [Display(Name = "Nhiệm vụ được phân công")] public string? Duties { get; set; }
        [Display(Name = "Nhiệm vụ được phân công (tiếng Anh)")] public string? DutiesEn { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    protected override string ListPath => "/quan-tri/lanh-dao";
    protected override string AuditType => "leader";
    protected override string Noun => "lãnh đạo";
    protected override string NewTitle => "Thêm lãnh đạo";
    protected override string EditTitle => "Sửa thông tin lãnh đạo";

    protected override string Describe(Leader l) => $"lãnh đạo {l.FullName}";

    protected override async Task NewFormAsync(CancellationToken ct) =>
        Form.Order = (await Db.Leaders.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;

    protected override LeaderForm ToForm(Leader l) => new()
    {
        FullName = l.FullName, Slug = l.Slug, Title = l.Title, TitleEn = l.TitleEn, Phone = l.Phone, Email = l.Email, PhotoUrl = l.PhotoUrl,
        BirthYear = l.BirthYear, Hometown = l.Hometown, Biography = l.Biography, Duties = l.Duties, DutiesEn = l.DutiesEn, Order = l.Order,
    };

    protected override async Task<Action<Leader>> CheckAsync(FormCheck check, CancellationToken ct)
    {
        var fullName = check.Required(Form.FullName, "Họ và tên", 200);
        var slug = check.Slug(Form.Slug, fullName);
        var title = check.Required(Form.Title, "Chức vụ", 300);
        var titleEn = check.Optional(Form.TitleEn, "Chức vụ (tiếng Anh)", 300) ?? "";
        var phone = check.Phone(Form.Phone);
        var email = check.Email(Form.Email);
        var photo = check.FileAddress(Form.PhotoUrl, "Ảnh chân dung");
        var thisYear = VnTime.Today(clock).Year;
        var birthYear = Form.BirthYear;
        if (birthYear is int y && (y < 1900 || y > thisYear - 18)) check.Fail($"Năm sinh phải từ 1900 đến {thisYear - 18}.");
        var hometown = check.Optional(Form.Hometown, "Quê quán", 300);
        var biography = check.Html(Form.Biography, "Tiểu sử");
        var duties = check.Html(Form.Duties, "Nhiệm vụ được phân công");
        var dutiesEn = check.Html(Form.DutiesEn, "Nhiệm vụ được phân công (tiếng Anh)");
        var order = check.Order(Form.Order);
        var self = Item?.Id ?? 0;
        if (check.Ok && await Db.Leaders.AnyAsync(x => x.Slug == slug && x.Id != self, ct))
            check.Fail($"Đường dẫn \"{slug}\" đã được dùng cho lãnh đạo khác; hãy chọn đường dẫn khác (ví dụ thêm chức vụ).");
        return l =>
        {
            (l.FullName, l.Slug, l.Title, l.TitleEn, l.Phone, l.Email, l.PhotoUrl, l.BirthYear, l.Hometown) =
                (fullName, slug, title, titleEn, phone, email, photo, birthYear, hometown);
            (l.Biography, l.Duties, l.DutiesEn, l.Order) = (biography, duties, dutiesEn, order);
        };
    }

    protected override Task SavingAsync(Leader l, CancellationToken ct) => Item is null
        ? SlugHistory.ClaimedAsync(Db, SlugHistory.Leader, l.Slug, ct)
        : SlugHistory.RenamedAsync(Db, Site.Id, SlugHistory.Leader, Item.Slug, l.Slug, ct);

    protected override Task DeletingAsync(Leader l, CancellationToken ct) => SlugHistory.RemovedAsync(Db, SlugHistory.Leader, l.Slug, ct);

    protected override string Summary(Leader l, ContentChange change) => change switch
    {
        ContentChange.Create => $"Thêm lãnh đạo {l.FullName} ({l.Title}).",
        ContentChange.Update => $"Sửa lãnh đạo {l.FullName} ({l.Title}){(Item!.Slug != l.Slug ? $", đổi đường dẫn {Item.Slug} → {l.Slug}" : "")}.",
        _ => $"Xóa lãnh đạo {l.FullName} ({l.Title}).",
    };
}
