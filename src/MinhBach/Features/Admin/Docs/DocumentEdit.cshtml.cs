using System.ComponentModel.DataAnnotations;
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
public sealed class DocumentEditModel(Catalogue.Catalogue catalogue, TimeProvider clock) : ContentEditorPageModel<Document, DocumentEditModel.DocumentForm>
{
    public sealed class DocumentForm
    {
        [Display(Name = "Số ký hiệu")] public string? Number { get; set; }
        [Display(Name = "Loại văn bản")] public string? TypeCode { get; set; }
        [Display(Name = "Trích yếu")] public string? Title { get; set; }
        [Display(Name = "Cơ quan ban hành")] public string? IssuingBody { get; set; }
        [Display(Name = "Người ký")] public string? Signer { get; set; }
        [Display(Name = "Lĩnh vực")] public string? Field { get; set; }
        [Display(Name = "Ngày ban hành")] public DateOnly? IssuedOn { get; set; }
        [Display(Name = "Ngày có hiệu lực")] public DateOnly? EffectiveOn { get; set; }
        [Display(Name = "Tệp toàn văn")] public string? FileUrl { get; set; }
    }

    public IReadOnlyList<Catalogue.DocumentType> Types => catalogue.DocumentTypes;

    protected override string ListPath => "/quan-tri/van-ban";
    protected override string AuditType => "document";
    protected override string Noun => "văn bản";
    protected override string NewTitle => "Thêm văn bản";
    protected override string EditTitle => "Sửa văn bản";

    protected override string Describe(Document d) => $"văn bản số {d.Number}";

    protected override Task NewFormAsync(CancellationToken ct)
    {
        Form.IssuingBody = Site.AgencyName;
        return Task.CompletedTask;
    }

    protected override DocumentForm ToForm(Document d) => new()
    {
        Number = d.Number, TypeCode = d.TypeCode, Title = d.Title, IssuingBody = d.IssuingBody, Signer = d.Signer, Field = d.Field,
        IssuedOn = d.IssuedOn, EffectiveOn = d.EffectiveOn, FileUrl = d.FileUrl,
    };

    protected override async Task<Action<Document>> CheckAsync(FormCheck check, CancellationToken ct)
    {
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
        var (issuedOn, effectiveOn) = (Form.IssuedOn, Form.EffectiveOn);
        var self = Item?.Id ?? 0;
        string? slug = null;
        if (check.Ok)
        {
            var year = issuedOn!.Value.Year;
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (await Db.Documents.AnyAsync(x => x.Number == number && x.IssuedOn >= from && x.IssuedOn <= to && x.Id != self, ct))
                check.Fail($"Đã có văn bản số {number} ban hành năm {year}.");
            // The address follows the number: made when the document is added or its number changes.
            else if (Item is null || Item.Number != number)
                slug = await UniqueSlugAsync(number, year, self, ct);
        }
        return d =>
        {
            if (slug is not null) d.Slug = slug;
            (d.Number, d.TypeCode, d.Title, d.IssuingBody, d.Signer, d.Field, d.IssuedOn, d.EffectiveOn, d.FileUrl) =
                (number, type!.Code, title, issuingBody, signer, field, issuedOn!.Value, effectiveOn, file);
        };
    }

    protected override void Created(Document d) => d.CreatedAt = clock.GetUtcNow().UtcDateTime;

    protected override string? ValueText(string property, object? value) =>
        property == nameof(DocumentForm.TypeCode) && catalogue.DocumentType(value as string ?? "") is { } type ? type.Name : base.ValueText(property, value);

    protected override Task SavingAsync(Document d, CancellationToken ct) => Item is null
        ? SlugHistory.ClaimedAsync(Db, SlugHistory.Document, d.Slug, ct)
        : SlugHistory.RenamedAsync(Db, Site.Id, SlugHistory.Document, Item.Slug, d.Slug, ct);

    protected override Task DeletingAsync(Document d, CancellationToken ct) => SlugHistory.RemovedAsync(Db, SlugHistory.Document, d.Slug, ct);

    protected override string Summary(Document d, ContentChange change) => change switch
    {
        ContentChange.Create => $"Thêm văn bản số {d.Number}: {Shorten(d.Title)}.",
        ContentChange.Update => $"Sửa văn bản số {d.Number}: {Shorten(d.Title)}{(Item!.Slug != d.Slug ? $" (đổi đường dẫn {Item.Slug} → {d.Slug})" : "")}.",
        _ => $"Xóa văn bản số {d.Number}: {Shorten(d.Title)}.",
    };

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
}
