using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.IntroPages;

/// <summary>Create, edit and delete an introduction page (Vietnamese or English), tagged with a page kind from the catalogue.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class IntroPageEditModel(Catalogue.Catalogue catalogue, TimeProvider clock) : EditorPageModel
{
    /// <summary>English addresses taken by fixed pages (/en/organisation …): a page there would never be shown.</summary>
    public static readonly IReadOnlySet<string> ReservedEnglishSlugs = new HashSet<string> { "organisation", "leaders", "contacts" };

    public sealed class PageForm
    {
        public string? Language { get; set; } = "vi";
        public string? Kind { get; set; }
        public string? Title { get; set; }
        public string? Slug { get; set; }
        public string? Body { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    [BindProperty] public PageForm Form { get; set; } = new();
    public Page? Current { get; private set; }
    public IReadOnlyList<Catalogue.PageKind> Kinds => catalogue.PageKinds;

    public static string TypeOf(string language) => language == "en" ? SlugHistory.PageEn : SlugHistory.Page;

    public async Task<IActionResult> OnGetAsync(int? id, string? loai, string? ngonngu, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Current is { } p) Fill(p);
        else
        {
            Form.Language = ngonngu == "en" ? "en" : "vi";
            Form.Kind = catalogue.PageKind(loai ?? "") is { } k ? k.Code : null;
            Form.Order = (await Db.Pages.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = new FormCheck(Errors);
        BindingOk();
        var language = Form.Language?.Trim() ?? "";
        if (language is not ("vi" or "en")) check.Fail("Ngôn ngữ phải là tiếng Việt (vi) hoặc tiếng Anh (en).");
        var kind = catalogue.PageKind(Form.Kind?.Trim() ?? "");
        if (kind is null)
            check.Fail(string.IsNullOrWhiteSpace(Form.Kind) ? "Hãy chọn loại trang." : $"Loại trang \"{Form.Kind}\" không có trong danh mục.");
        var title = check.Required(Form.Title, "Tiêu đề", 300);
        var slug = check.Slug(string.IsNullOrWhiteSpace(Form.Slug) && kind is not null ? (language == "en" ? kind.SlugEn : kind.Slug) : Form.Slug, title);
        var body = check.Html(Form.Body, "Nội dung");
        var order = check.Order(Form.Order);
        if (check.Ok && language == "en" && ReservedEnglishSlugs.Contains(slug))
            check.Fail($"Đường dẫn \"{slug}\" trùng với trang có sẵn của mục tiếng Anh; hãy chọn đường dẫn khác.");
        if (check.Ok && await Db.Pages.AnyAsync(x => x.Language == language && x.Slug == slug && x.Id != (id ?? 0), ct))
            check.Fail($"Đường dẫn \"{slug}\" đã được trang khác cùng ngôn ngữ dùng; hãy chọn đường dẫn khác.");
        if (!check.Ok) return Page();

        var p = Current is null ? new Page { SiteId = Site.Id } : await Db.Pages.FirstAsync(x => x.Id == Current.Id, ct);
        var (oldLanguage, oldSlug) = (p.Language, p.Slug);
        p.Language = language;
        p.Kind = kind!.Code;
        p.Title = title;
        p.Slug = slug;
        p.Body = body;
        p.Order = order;
        p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (Current is null) Db.Pages.Add(p);
        if (Current is not null && oldLanguage == language)
            await SlugHistory.RenamedAsync(Db, Site.Id, TypeOf(language), oldSlug, slug, ct);
        else
        {
            // A new page, or one moved to the other language: its old address cannot lead anywhere.
            if (Current is not null) await SlugHistory.RemovedAsync(Db, TypeOf(oldLanguage), oldSlug, ct);
            await SlugHistory.ClaimedAsync(Db, TypeOf(language), slug, ct);
        }
        var renamed = Current is not null && oldSlug != slug;
        if (!await SaveAuditedAsync(Current is null ? "page.create" : "page.update", "page", () => p.Id,
                () => Current is null
                    ? $"Thêm trang giới thiệu \"{p.Title}\" ({Lang(p.Language)}, {p.Slug})."
                    : $"Sửa trang giới thiệu \"{p.Title}\" ({Lang(p.Language)}){(renamed ? $", đổi đường dẫn {oldSlug} → {slug}" : "")}.", ct))
            return Page();
        return Done("/quan-tri/trang-gioi-thieu", Current is null ? "them" : "luu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Current!);
        if (!confirm)
        {
            Errors.Add(ConfirmDeleteMessage);
            return Page();
        }
        var p = await Db.Pages.FirstAsync(x => x.Id == id, ct);
        Db.Pages.Remove(p);
        await SlugHistory.RemovedAsync(Db, TypeOf(p.Language), p.Slug, ct);
        if (!await SaveAuditedAsync("page.delete", "page", () => id, () => $"Xóa trang giới thiệu \"{p.Title}\" ({Lang(p.Language)}, {p.Slug}).", ct))
            return Page();
        return Done("/quan-tri/trang-gioi-thieu", "xoa");
    }

    public static string Lang(string language) => language == "en" ? "tiếng Anh" : "tiếng Việt";

    private void Fill(Page p) => Form = new PageForm { Language = p.Language, Kind = p.Kind, Title = p.Title, Slug = p.Slug, Body = p.Body, Order = p.Order };

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? "Thêm trang giới thiệu" : "Sửa trang giới thiệu";
        if (id is null) return true;
        Current = await Db.Pages.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return Current is not null;
    }
}
