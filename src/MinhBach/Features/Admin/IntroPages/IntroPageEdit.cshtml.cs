using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.IntroPages;

/// <summary>Create, edit and delete an introduction page (Vietnamese or English), tagged with a page kind from the catalogue.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class IntroPageEditModel(Catalogue.Catalogue catalogue, TimeProvider clock) : ContentEditorPageModel<Page, IntroPageEditModel.PageForm>
{
    /// <summary>English addresses taken by fixed pages (/en/organisation …): a page there would never be shown.</summary>
    public static readonly IReadOnlySet<string> ReservedEnglishSlugs = new HashSet<string> { "organisation", "leaders", "contacts" };

    public sealed class PageForm
    {
        [Display(Name = "Ngôn ngữ")] public string? Language { get; set; } = "vi";
        [Display(Name = "Loại trang")] public string? Kind { get; set; }
        [Display(Name = "Tiêu đề")] public string? Title { get; set; }
        [Display(Name = "Đường dẫn")] public string? Slug { get; set; }
        [Display(Name = "Nội dung")] public string? Body { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    public IReadOnlyList<Catalogue.PageKind> Kinds => catalogue.PageKinds;

    public static string TypeOf(string language) => language == "en" ? SlugHistory.PageEn : SlugHistory.Page;

    public static string Lang(string language) => language == "en" ? "tiếng Anh" : "tiếng Việt";

    protected override string ListPath => "/quan-tri/trang-gioi-thieu";
    protected override string AuditType => "page";
    protected override string Noun => "trang giới thiệu";
    protected override string NewTitle => "Thêm trang giới thiệu";
    protected override string EditTitle => "Sửa trang giới thiệu";

    protected override string Describe(Page p) => $"trang \"{p.Title}\"";

    /// <summary>"…/moi?loai=history&amp;ngonngu=en" opens the form for that kind and language.</summary>
    protected override async Task NewFormAsync(CancellationToken ct)
    {
        Form.Language = Request.Query["ngonngu"] == "en" ? "en" : "vi";
        Form.Kind = catalogue.PageKind(Request.Query["loai"].ToString()) is { } k ? k.Code : null;
        Form.Order = (await Db.Pages.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
    }

    protected override PageForm ToForm(Page p) =>
        new() { Language = p.Language, Kind = p.Kind, Title = p.Title, Slug = p.Slug, Body = p.Body, Order = p.Order };

    protected override async Task<Action<Page>> CheckAsync(FormCheck check, CancellationToken ct)
    {
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
        var self = Item?.Id ?? 0;
        if (check.Ok && await Db.Pages.AnyAsync(x => x.Language == language && x.Slug == slug && x.Id != self, ct))
            check.Fail($"Đường dẫn \"{slug}\" đã được trang khác cùng ngôn ngữ dùng; hãy chọn đường dẫn khác.");
        var now = clock.GetUtcNow().UtcDateTime;
        return p => (p.Language, p.Kind, p.Title, p.Slug, p.Body, p.Order, p.UpdatedAt) = (language, kind!.Code, title, slug, body, order, now);
    }

    protected override string? ValueText(string property, object? value) => property switch
    {
        nameof(PageForm.Language) when value is "vi" or "en" => Lang((string)value),
        nameof(PageForm.Kind) when catalogue.PageKind(value as string ?? "") is { } kind => kind.Name,
        _ => base.ValueText(property, value),
    };

    protected override async Task SavingAsync(Page p, CancellationToken ct)
    {
        if (Item is not null && Item.Language == p.Language)
            await SlugHistory.RenamedAsync(Db, Site.Id, TypeOf(p.Language), Item.Slug, p.Slug, ct);
        else
        {
            // A new page, or one moved to the other language: its old address cannot lead anywhere.
            if (Item is not null) await SlugHistory.RemovedAsync(Db, TypeOf(Item.Language), Item.Slug, ct);
            await SlugHistory.ClaimedAsync(Db, TypeOf(p.Language), p.Slug, ct);
        }
    }

    protected override Task DeletingAsync(Page p, CancellationToken ct) => SlugHistory.RemovedAsync(Db, TypeOf(p.Language), p.Slug, ct);

    protected override string Summary(Page p, ContentChange change) => change switch
    {
        ContentChange.Create => $"Thêm trang giới thiệu \"{p.Title}\" ({Lang(p.Language)}, {p.Slug}).",
        ContentChange.Update => $"Sửa trang giới thiệu \"{p.Title}\" ({Lang(p.Language)}){(Item!.Slug != p.Slug ? $", đổi đường dẫn {Item.Slug} → {p.Slug}" : "")}.",
        _ => $"Xóa trang giới thiệu \"{p.Title}\" ({Lang(p.Language)}, {p.Slug}).",
    };
}
