using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Categories;

/// <summary>Create (/quan-tri/chuyen-muc/moi), edit and delete a category; a new slug keeps the old address as a redirect.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class CategoryEditModel : ContentEditorPageModel<Category, CategoryEditModel.CategoryForm>
{
    public sealed class CategoryForm
    {
        [Display(Name = "Tên chuyên mục")] public string? Name { get; set; }
        [Display(Name = "Đường dẫn")] public string? Slug { get; set; }
        [Display(Name = "Mô tả")] public string? Description { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
        [Display(Name = "Hiển thị trên trang chủ")] public bool ShowOnHome { get; set; } = true;
    }

    public int ArticleCount { get; private set; }

    protected override string ListPath => "/quan-tri/chuyen-muc";
    protected override string AuditType => "category";
    protected override string Noun => "chuyên mục";
    protected override string NewTitle => "Thêm chuyên mục";
    protected override string EditTitle => "Sửa chuyên mục";

    protected override string Describe(Category c) => $"chuyên mục \"{c.Name}\"";

    protected override async Task LoadMoreAsync(CancellationToken ct)
    {
        if (Item is { } c) ArticleCount = await Db.Articles.CountAsync(a => a.CategoryId == c.Id, ct);
    }

    protected override async Task NewFormAsync(CancellationToken ct) =>
        Form.Order = (await Db.Categories.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;

    protected override CategoryForm ToForm(Category c) =>
        new() { Name = c.Name, Slug = c.Slug, Description = c.Description, Order = c.Order, ShowOnHome = c.ShowOnHome };

    protected override async Task<Action<Category>> CheckAsync(FormCheck check, CancellationToken ct)
    {
        var name = check.Required(Form.Name, "Tên chuyên mục", 200);
        var slug = check.Slug(Form.Slug, name, max: 80);
        var description = check.Optional(Form.Description, "Mô tả", 1000);
        var order = check.Order(Form.Order);
        var showOnHome = Form.ShowOnHome;
        var self = Item?.Id ?? 0;
        if (check.Ok && await Db.Categories.AnyAsync(x => x.Slug == slug && x.Id != self, ct))
            check.Fail($"Đường dẫn \"{slug}\" đã được chuyên mục khác dùng; hãy chọn đường dẫn khác.");
        return c => (c.Name, c.Slug, c.Description, c.Order, c.ShowOnHome) = (name, slug, description, order, showOnHome);
    }

    protected override string? DeleteRefusal(Category c) => ArticleCount > 0
        ? $"Không xóa được chuyên mục \"{c.Name}\" vì còn {ArticleCount} tin bài (kể cả bản nháp và bài đã lưu trữ). Hãy chuyển các tin bài sang chuyên mục khác trước."
        : null;

    protected override Task SavingAsync(Category c, CancellationToken ct) => Item is null
        ? SlugHistory.ClaimedAsync(Db, SlugHistory.Category, c.Slug, ct)
        : SlugHistory.RenamedAsync(Db, Site.Id, SlugHistory.Category, Item.Slug, c.Slug, ct);

    protected override Task DeletingAsync(Category c, CancellationToken ct) => SlugHistory.RemovedAsync(Db, SlugHistory.Category, c.Slug, ct);

    protected override string Summary(Category c, ContentChange change) => change switch
    {
        ContentChange.Create => $"Thêm chuyên mục \"{c.Name}\" ({c.Slug}).",
        ContentChange.Update => $"Sửa chuyên mục \"{c.Name}\"{(Item!.Slug != c.Slug ? $", đổi đường dẫn {Item.Slug} → {c.Slug} (địa chỉ cũ chuyển hướng sang địa chỉ mới)" : "")}.",
        _ => $"Xóa chuyên mục \"{c.Name}\" ({c.Slug}).",
    };
}
