using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Documents;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Admin.Docs;

/// <summary>Create, edit and delete a document. Its address comes from its number (123/QĐ-UBND → 123-qd-ubnd), unique on the site;
/// a changed number moves the address and keeps the old one as a redirect.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class DocumentEditModel(Catalogue.Catalogue catalogue, TimeProvider clock) : EditorPageModel
{
    public sealed class DocumentForm
    {
        public string? Number { get; set; }
        public string? TypeCode { get; set; }
        public string? Title { get; set; }
        public string? IssuingBody { get; set; }
        public string? Signer { get; set; }
        public string? Field { get; set; }
        [Display(Name = "Ngày ban hành")] public DateOnly? IssuedOn { get; set; }
        [Display(Name = "Ngày có hiệu lực")] public DateOnly? EffectiveOn { get; set; }
        public string? FileUrl { get; set; }
    }

    [BindProperty] public DocumentForm Form { get; set; } = new();
    public Document? Document { get; private set; }
    public IReadOnlyList<Catalogue.DocumentType> Types => catalogue.DocumentTypes;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Document is { } d) Fill(d);
        else Form.IssuingBody = Site.AgencyName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = new FormCheck(Errors);
        BindingOk();
        var number = check.Required(Form.Number, "Số ký hiệu", 100);
        var type = catalogue.DocumentType(Form.TypeCode?.Trim() ?? "");
        if (type is null)
            check.Fail(string.IsNullOrWhiteSpace(Form.TypeCode) ? "Hãy chọn loại văn bản." : $"Loại văn bản \"{Form.TypeCode}\" không có trong danh mục.");
        var title = check.Required(Form.Title, "Trích yếu", 2000);
        var issuingBody = check.Required(Form.IssuingBody, "Cơ quan ban hành", 300);
        var signer = check.Optional(Form.Signer, "Người ký", 200);
        var field = check.Optional(Form.Field, "Lĩnh vực", 200);
        // A date that did not parse already has the binder's message.
        if (Form.IssuedOn is null && !(ModelState.TryGetValue("Form.IssuedOn", out var state) && state.Errors.Count > 0))
            check.Fail("Ngày ban hành không được để trống.");
        var latest = VnTime.Today(clock).AddYears(5);
        if (Form.IssuedOn is DateOnly issued && (issued.Year < 1945 || issued > VnTime.Today(clock)))
            check.Fail("Ngày ban hành phải từ năm 1945 đến hôm nay.");
        if (Form.EffectiveOn is DateOnly effective && (effective.Year < 1945 || effective > latest))
            check.Fail($"Ngày có hiệu lực phải từ năm 1945 đến {VnTime.DateText(latest)}.");
        var file = check.FileAddress(Form.FileUrl, "Tệp toàn văn");
        if (check.Ok)
        {
            var year = Form.IssuedOn!.Value.Year;
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (await Db.Documents.AnyAsync(x => x.Number == number && x.IssuedOn >= from && x.IssuedOn <= to && x.Id != (id ?? 0), ct))
                check.Fail($"Đã có văn bản số {number} ban hành năm {year}.");
        }
        if (!check.Ok) return Page();

        var d = Document is null ? new Document { SiteId = Site.Id, CreatedAt = clock.GetUtcNow().UtcDateTime } : await Db.Documents.FirstAsync(x => x.Id == Document.Id, ct);
        var oldSlug = d.Slug;
        if (Document is null || d.Number != number)
            d.Slug = await UniqueSlugAsync(number, Form.IssuedOn!.Value.Year, d.Id, ct);
        (d.Number, d.TypeCode, d.Title, d.IssuingBody, d.Signer, d.Field, d.IssuedOn, d.EffectiveOn, d.FileUrl) =
            (number, type!.Code, title, issuingBody, signer, field, Form.IssuedOn!.Value, Form.EffectiveOn, file);
        if (Document is null)
        {
            Db.Documents.Add(d);
            await SlugHistory.ClaimedAsync(Db, SlugHistory.Document, d.Slug, ct);
        }
        else
            await SlugHistory.RenamedAsync(Db, Site.Id, SlugHistory.Document, oldSlug, d.Slug, ct);
        var renamed = Document is not null && oldSlug != d.Slug;
        if (!await SaveAuditedAsync(Document is null ? "document.create" : "document.update", "document", () => d.Id,
                () => $"{(Document is null ? "Thêm" : "Sửa")} văn bản số {d.Number}: {Shorten(d.Title)}{(renamed ? $" (đổi đường dẫn {oldSlug} → {d.Slug})" : "")}.", ct))
            return Page();
        return Done("/quan-tri/van-ban", Document is null ? "them" : "luu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Document!);
        if (!confirm)
        {
            Errors.Add(ConfirmDeleteMessage);
            return Page();
        }
        var d = await Db.Documents.FirstAsync(x => x.Id == id, ct);
        Db.Documents.Remove(d);
        await SlugHistory.RemovedAsync(Db, SlugHistory.Document, d.Slug, ct);
        if (!await SaveAuditedAsync("document.delete", "document", () => id, () => $"Xóa văn bản số {d.Number}: {Shorten(d.Title)}.", ct))
            return Page();
        return Done("/quan-tri/van-ban", "xoa");
    }

    /// <summary>123/QĐ-UBND → 123-qd-ubnd; when taken (numbering restarts every year), -2026, then -2026-2 …</summary>
    private async Task<string> UniqueSlugAsync(string number, int year, int selfId, CancellationToken ct)
    {
        var root = VietnameseText.Slugify(number, 100);
        if (root.Length == 0) root = "van-ban";
        var taken = (await Db.Documents.Where(x => x.Id != selfId && x.Slug.StartsWith(root)).Select(x => x.Slug).ToListAsync(ct)).ToHashSet();
        if (!taken.Contains(root)) return root;
        var candidate = $"{root}-{year}";
        for (var n = 2; taken.Contains(candidate); n++) candidate = $"{root}-{year}-{n}";
        return candidate;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    private void Fill(Document d) => Form = new DocumentForm
    {
        Number = d.Number, TypeCode = d.TypeCode, Title = d.Title, IssuingBody = d.IssuingBody, Signer = d.Signer, Field = d.Field,
        IssuedOn = d.IssuedOn, EffectiveOn = d.EffectiveOn, FileUrl = d.FileUrl,
    };

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? "Thêm văn bản" : "Sửa văn bản";
        if (id is null) return true;
        Document = await Db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return Document is not null;
    }
}
