using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Categories;

/// <summary>Create (/quan-tri/chuyen-muc/moi), edit and delete a category; a new slug keeps the old address as a redirect.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class CategoryEditModel : EditorPageModel
{
    public sealed class CategoryForm
    {
        public string? Name { get; set; }
        public string? Slug { get; set; }
        public string? Description { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
        public bool ShowOnHome { get; set; } = true;
    }

    [BindProperty] public CategoryForm Form { get; set; } = new();
    public Category? Category { get; private set; }
    public int ArticleCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Category is { } c)
            Form = new CategoryForm { Name = c.Name, Slug = c.Slug, Description = c.Description, Order = c.Order, ShowOnHome = c.ShowOnHome };
        else
            Form.Order = (await Db.Categories.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = new FormCheck(Errors);
        BindingOk();
        var name = check.Required(Form.Name, "Tên chuyên mục", 200);
        var slug = check.Slug(Form.Slug, name, max: 80);
        var description = check.Optional(Form.Description, "Mô tả", 1000);
        var order = check.Order(Form.Order);
        if (check.Ok && await Db.Categories.AnyAsync(x => x.Slug == slug && x.Id != (id ?? 0), ct))
            check.Fail($"Đường dẫn \"{slug}\" đã được chuyên mục khác dùng; hãy chọn đường dẫn khác.");
        if (!check.Ok) return Page();

        var c = Category is null ? new Category { SiteId = Site.Id } : await Db.Categories.FirstAsync(x => x.Id == Category.Id, ct);
        var oldSlug = c.Slug;
        c.Name = name;
        c.Slug = slug;
        c.Description = description;
        c.Order = order;
        c.ShowOnHome = Form.ShowOnHome;
        if (Category is null)
        {
            Db.Categories.Add(c);
            await SlugHistory.ClaimedAsync(Db, SlugHistory.Category, slug, ct);
        }
        else
            await SlugHistory.RenamedAsync(Db, Site.Id, SlugHistory.Category, oldSlug, slug, ct);
        var renamed = Category is not null && oldSlug != slug;
        if (!await SaveAuditedAsync(Category is null ? "category.create" : "category.update", "category", () => c.Id,
                () => Category is null
                    ? $"Thêm chuyên mục \"{c.Name}\" ({c.Slug})."
                    : $"Sửa chuyên mục \"{c.Name}\"{(renamed ? $", đổi đường dẫn {oldSlug} → {slug} (địa chỉ cũ chuyển hướng sang địa chỉ mới)" : "")}.", ct))
            return Page();
        return Done("/quan-tri/chuyen-muc", Category is null ? "them" : "luu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Category!);
        if (!confirm) Errors.Add(ConfirmDeleteMessage);
        else if (ArticleCount > 0)
            Errors.Add($"Không xóa được chuyên mục \"{Category!.Name}\" vì còn {ArticleCount} tin bài (kể cả bản nháp và bài đã lưu trữ). Hãy chuyển các tin bài sang chuyên mục khác trước.");
        if (Errors.Count > 0) return Page();
        var c = await Db.Categories.FirstAsync(x => x.Id == id, ct);
        Db.Categories.Remove(c);
        await SlugHistory.RemovedAsync(Db, SlugHistory.Category, c.Slug, ct);
        if (!await SaveAuditedAsync("category.delete", "category", () => id, () => $"Xóa chuyên mục \"{c.Name}\" ({c.Slug}).", ct))
            return Page();
        return Done("/quan-tri/chuyen-muc", "xoa");
    }

    private void Fill(Category c) =>
        Form = new CategoryForm { Name = c.Name, Slug = c.Slug, Description = c.Description, Order = c.Order, ShowOnHome = c.ShowOnHome };

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? "Thêm chuyên mục" : "Sửa chuyên mục";
        if (id is null) return true;
        Category = await Db.Categories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (Category is null) return false;
        ArticleCount = await Db.Articles.CountAsync(a => a.CategoryId == Category.Id, ct);
        return true;
    }
}
