using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Documents;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Admin.Docs;

/// <summary>Create, edit and delete a document. Its address comes from its number (123/QĐ-UBND → 123-qd-ubnd), unique on the site;
/// a changed number moves the address and keeps the old one as a redirect. Files (PDF, DOC, DOCX) are checked by content and
/// stored; "Đề xuất từ tệp" reads the number, type, dates, issuer, signer, summary and relations from a file into the empty
/// fields, each marked with where it was read, for the editor to confirm. Relations to other documents (replaces, amends,
/// repeals, guides) move their targets' status.</summary>
[ChangesRequire(SiteRole.Editor)]
[UploadLimit(DocumentFileIntake.MaxBytes)]
public sealed class DocumentEditModel(Catalogue.Catalogue catalogue, TimeProvider clock, DocumentFileIntake intake)
    : ContentEditorPageModel<Document, DocumentEditModel.DocumentForm>
{
    public const int MaxLinks = 30;
    public const int MaxFiles = 20;

    /// <summary>One relation row of the form: the relation's code (<see cref="Relations"/>) and the target's number.</summary>
    public sealed class LinkRow
    {
        public string? Relation { get; set; }
        public string? Number { get; set; }
    }

    /// <summary>The relations offered, by the code posted.</summary>
    public static readonly IReadOnlyList<(string Code, DocumentRelation Relation, bool Partial)> Relations =
    [
        ("thay-the", DocumentRelation.Replaces, false),
        ("thay-the-mot-phan", DocumentRelation.Replaces, true),
        ("sua-doi", DocumentRelation.Amends, false),
        ("bai-bo", DocumentRelation.Repeals, false),
        ("bai-bo-mot-phan", DocumentRelation.Repeals, true),
        ("huong-dan", DocumentRelation.Guides, false),
    ];

    public static string RelationCode(DocumentRelation r, bool partial) => Relations.First(x => x.Relation == r && (x.Partial == partial || r is DocumentRelation.Amends or DocumentRelation.Guides)).Code;

    /// <summary>A value proposed from a file, shown under its field.</summary>
    public sealed record Proposed(string Value, string Confidence, string Source);

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
        [Display(Name = "Ngày hết hiệu lực")] public DateOnly? ExpiresOn { get; set; }
        [Display(Name = "Liên kết toàn văn")] public string? FileUrl { get; set; }
        [Display(Name = "Văn bản liên quan")] public List<LinkRow> Links { get; set; } = [];
        [Display(Name = "Tệp đính kèm")] public List<int> FileIds { get; set; } = [];
    }

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The files listed in the form (attached, or uploaded while it was open), in order.</summary>
    public IReadOnlyList<DocumentFile> Files { get; private set; } = [];
    /// <summary>Values proposed from the file just uploaded, by form field ("Number", "IssuedOn" …).</summary>
    public Dictionary<string, Proposed> Proposals { get; } = [];
    /// <summary>Relations of the stored item (for its form).</summary>
    private List<DocumentLink> _itemLinks = [];
    private List<DocumentFile> _itemFiles = [];
    /// <summary>Store paths of files taken off by this save, removed once it has committed.</summary>
    private readonly List<string> _removedPaths = [];

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
        IssuedOn = d.IssuedOn, EffectiveOn = d.EffectiveOn, ExpiresOn = d.ExpiresOn, FileUrl = d.FileUrl,
        Links = _itemLinks.Select(l => new LinkRow { Relation = RelationCode(l.Relation, l.Partial), Number = l.TargetNumber }).ToList(),
        FileIds = _itemFiles.Select(f => f.Id).ToList(),
    };

    /// <summary>Fields (lĩnh vực) already used in the province, offered while typing so that the finder's list stays short.</summary>
    public IReadOnlyList<string> Fields { get; private set; } = [];

    protected override async Task LoadMoreAsync(CancellationToken ct)
    {
        Fields = (await Db.Documents.IgnoreQueryFilters().AsNoTracking().Where(d => d.Field != null && d.Field != "")
            .Select(d => d.Field!).Distinct().Take(300).ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
        if (Item is null) return;
        _itemLinks = await Db.DocumentLinks.AsNoTracking().Where(l => l.DocumentId == Item.Id).OrderBy(l => l.Order).ToListAsync(ct);
        _itemFiles = await Db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == Item.Id).OrderBy(f => f.Order).ToListAsync(ct);
    }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (Request.Query["loi"] == UploadLimitAttribute.TooLargeFlag) Errors.Add(DocumentFileIntake.TooLarge);
        var executed = await next();
        // Whatever the handler did, the page lists the files its form names (the stored ones on a plain GET).
        if (executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult) await LoadFilesAsync(HttpContext.RequestAborted);
    }

    private async Task LoadFilesAsync(CancellationToken ct)
    {
        var ids = Form.FileIds.Distinct().ToList();
        var self = Item?.Id;
        var rows = await Db.DocumentFiles.AsNoTracking().Where(f => ids.Contains(f.Id) && (f.DocumentId == null || f.DocumentId == self)).ToListAsync(ct);
        Files = ids.Select(id => rows.FirstOrDefault(f => f.Id == id)).OfType<DocumentFile>().ToList();
    }

    /// <summary>"Đề xuất từ tệp": stores the file with the form (nothing else is saved) and fills the empty fields from it.</summary>
    public async Task<IActionResult> OnPostProposeAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        BindingOk();
        ModelState.Clear();
        if (Upload is null)
        {
            Errors.Add("Hãy chọn tệp PDF, DOC hoặc DOCX của văn bản để hệ thống đề xuất thông tin.");
            return Page();
        }
        var (file, proposal) = await ReceiveAsync(ct);
        if (file is null) return Page();
        if (proposal is null)
        {
            Notice = $"Đã lưu tạm tệp \"{file.OriginalName}\" nhưng không đọc được nội dung để đề xuất: {file.Problem} Hãy nhập thông tin văn bản.";
            return Page();
        }
        var filled = Propose(proposal);
        Notice = filled == 0
            ? $"Đã đọc tệp \"{file.OriginalName}\" nhưng không tìm thấy thông tin nào cho các ô còn trống."
            : $"Đã đề xuất {filled} thông tin từ tệp \"{file.OriginalName}\" (đánh dấu \"Đề xuất\"). Hãy kiểm tra từng ô rồi bấm Lưu; văn bản chưa được lưu.";
        return Page();
    }

    /// <summary>The uploaded file received and added to the form's files; null (with the message added) when refused.</summary>
    private async Task<(DocumentFile? File, DocumentProposal? Proposal)> ReceiveAsync(CancellationToken ct)
    {
        if (Form.FileIds.Count >= MaxFiles)
        {
            Errors.Add($"Mỗi văn bản có tối đa {MaxFiles} tệp đính kèm.");
            return (null, null);
        }
        DocumentFileIntake.Result result;
        await using (var content = Upload!.OpenReadStream())
            result = await intake.ReceiveAsync(Site.Id, Access.User?.Id, new IncomingFile(content, Upload.Length, Upload.FileName), ct);
        if (result.Error is not null)
        {
            Errors.Add(result.Error);
            return (null, null);
        }
        Form.FileIds.Add(result.File!.Id);
        return (result.File, result.Proposal);
    }

    /// <summary>Fills the empty fields from the proposal; returns how many were filled.</summary>
    private int Propose(DocumentProposal p)
    {
        var filled = 0;
        Fill(nameof(DocumentForm.Number), p.Number, v => v, () => Form.Number, v => Form.Number = v);
        Fill(nameof(DocumentForm.TypeCode), p.TypeCode, v => catalogue.DocumentType(v)?.Name ?? v, () => Form.TypeCode, v => Form.TypeCode = v);
        Fill(nameof(DocumentForm.Title), p.Summary, v => v, () => Form.Title, v => Form.Title = v);
        Fill(nameof(DocumentForm.Signer), p.Signer, v => v, () => Form.Signer, v => Form.Signer = v);
        Fill(nameof(DocumentForm.IssuedOn), p.IssuedOn, VnTime.DateText, () => Form.IssuedOn?.ToString(), v => Form.IssuedOn = v);
        Fill(nameof(DocumentForm.EffectiveOn), p.EffectiveOn, VnTime.DateText, () => Form.EffectiveOn?.ToString(), v => Form.EffectiveOn = v);
        // The issuer defaults to the site's agency on a new form: a different one read from the file replaces it.
        if (p.IssuingBody is { } body && (string.IsNullOrWhiteSpace(Form.IssuingBody) || (Item is null && Form.IssuingBody == Site.AgencyName)))
        {
            Form.IssuingBody = body.Value;
            Proposals[nameof(DocumentForm.IssuingBody)] = Shown(body, body.Value);
            filled++;
        }
        if (Form.Links.All(l => string.IsNullOrWhiteSpace(l.Number)) && p.Related.Count > 0)
        {
            Form.Links = p.Related.Take(MaxLinks).Select(r => new LinkRow { Relation = RelationCode(r.Value.Relation, false), Number = r.Value.Number }).ToList();
            Proposals[nameof(DocumentForm.Links)] = new Proposed(string.Join("; ", p.Related.Select(r => r.Value.Number)), Confidence(p.Related[0].Confidence), p.Related[0].Source);
            filled++;
        }
        return filled;

        void Fill<T>(string field, ProposedField<T>? proposed, Func<T, string> show, Func<string?> current, Action<T> set)
        {
            if (proposed is null || !string.IsNullOrWhiteSpace(current())) return;
            set(proposed.Value);
            Proposals[field] = Shown(proposed, show(proposed.Value));
            filled++;
        }
    }

    private static Proposed Shown<T>(ProposedField<T> p, string value) => new(value, Confidence(p.Confidence), p.Source);

    private static string Confidence(ProposalConfidence c) => c switch
    {
        ProposalConfidence.High => "độ tin cậy cao",
        ProposalConfidence.Medium => "độ tin cậy trung bình",
        _ => "cần kiểm tra kỹ",
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
        if (Form.ExpiresOn is DateOnly expires && (Form.EffectiveOn ?? Form.IssuedOn) is DateOnly start && expires <= start)
            check.Fail($"Ngày hết hiệu lực phải sau ngày {(Form.EffectiveOn is null ? "ban hành" : "có hiệu lực")} ({VnTime.DateText(start)}).");
        else if (Form.ExpiresOn is DateOnly far && far.Year > 2200)
            check.Fail("Ngày hết hiệu lực không hợp lệ.");
        var file = check.FileAddress(Form.FileUrl, "Liên kết toàn văn");
        var (issuedOn, effectiveOn, expiresOn) = (Form.IssuedOn, Form.EffectiveOn, Form.ExpiresOn);
        if (Upload is not null) await ReceiveAsync(ct);
        var files = await CheckFilesAsync(check, ct);
        var links = CheckLinks(check, number);
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
        if (check.Ok) await ResolveTargetsAsync(links, issuedOn!.Value, self, ct);
        _files = files;
        _links = links;
        return d =>
        {
            if (slug is not null) d.Slug = slug;
            (d.Number, d.TypeCode, d.Title, d.IssuingBody, d.Signer, d.Field, d.IssuedOn, d.EffectiveOn, d.ExpiresOn, d.FileUrl) =
                (number, type!.Code, title, issuingBody, signer, field, issuedOn!.Value, effectiveOn, expiresOn, file);
        };
    }

    private List<DocumentFile> _files = [];
    private List<DocumentLink> _links = [];

    /// <summary>The files the form keeps, tracked: this site's, pending or already this document's.</summary>
    private async Task<List<DocumentFile>> CheckFilesAsync(FormCheck check, CancellationToken ct)
    {
        var ids = Form.FileIds.Distinct().ToList();
        if (ids.Count > MaxFiles)
        {
            check.Fail($"Mỗi văn bản có tối đa {MaxFiles} tệp đính kèm.");
            return [];
        }
        var self = Item?.Id;
        var rows = await Db.DocumentFiles.Where(f => ids.Contains(f.Id) && (f.DocumentId == null || f.DocumentId == self)).ToListAsync(ct);
        if (rows.Count != ids.Count)
            check.Fail("Một tệp đính kèm trong biểu mẫu không còn (tệp tải lên quá một ngày mà chưa lưu sẽ bị xóa). Hãy tải tệp lên lại.");
        return ids.Select(id => rows.FirstOrDefault(f => f.Id == id)).OfType<DocumentFile>().ToList();
    }

    /// <summary>The relation rows filled in, checked; an empty row is skipped.</summary>
    private List<DocumentLink> CheckLinks(FormCheck check, string number)
    {
        var links = new List<DocumentLink>();
        // A row without a number is an empty row, whatever its relation says.
        var rows = Form.Links.Where(l => !string.IsNullOrWhiteSpace(l.Number)).ToList();
        if (rows.Count > MaxLinks)
        {
            check.Fail($"Mỗi văn bản có tối đa {MaxLinks} văn bản liên quan.");
            return links;
        }
        var ownKey = DocumentStatuses.NumberKey(number);
        foreach (var row in rows)
        {
            var target = check.Required(row.Number, "Số ký hiệu của văn bản liên quan", 100);
            var relation = Relations.FirstOrDefault(r => r.Code == row.Relation?.Trim());
            if (relation.Code is null)
            {
                check.Fail($"Hãy chọn quan hệ với văn bản {target} (thay thế, sửa đổi, bãi bỏ hoặc hướng dẫn).");
                continue;
            }
            var key = DocumentStatuses.NumberKey(target);
            if (key.Length == 0) check.Fail($"Số ký hiệu \"{target}\" của văn bản liên quan không có chữ hay số nào.");
            else if (key == ownKey) check.Fail($"Văn bản không thể {DocumentStatuses.Outgoing(relation.Relation, relation.Partial).ToLowerInvariant()} chính nó.");
            else if (links.Any(l => l.TargetKey == key && l.Relation == relation.Relation)) continue;
            else links.Add(new DocumentLink { Relation = relation.Relation, Partial = relation.Partial, TargetNumber = target, TargetKey = key, Order = links.Count });
        }
        return links;
    }

    /// <summary>Each relation points at the document of the province with that number: this site's first, then the newest
    /// issued no later than this one (numbering restarts each year). None: the number is kept and linked when it is added.</summary>
    private async Task ResolveTargetsAsync(List<DocumentLink> links, DateOnly issuedOn, int self, CancellationToken ct)
    {
        var keys = links.Select(l => l.TargetKey).Distinct().ToList();
        if (keys.Count == 0) return;
        var candidates = await Db.Documents.IgnoreQueryFilters().AsNoTracking()
            .Where(d => keys.Contains(d.NumberKey) && d.Id != self && d.IssuedOn <= issuedOn)
            .Select(d => new { d.Id, d.SiteId, d.NumberKey, d.IssuedOn }).ToListAsync(ct);
        foreach (var link in links)
            link.TargetId = candidates.Where(c => c.NumberKey == link.TargetKey)
                .OrderByDescending(c => c.SiteId == Site.Id).ThenByDescending(c => c.IssuedOn).Select(c => (int?)c.Id).FirstOrDefault();
    }

    protected override void Created(Document d) => d.CreatedAt = clock.GetUtcNow().UtcDateTime;

    protected override string? ValueText(string property, object? value) => value switch
    {
        string code when property == nameof(DocumentForm.TypeCode) && catalogue.DocumentType(code) is { } type => type.Name,
        List<LinkRow> links => string.Join("; ", links.Where(l => !string.IsNullOrWhiteSpace(l.Number))
            .Select(l => $"{Relations.FirstOrDefault(r => r.Code == l.Relation) switch { { Code: not null } r => DocumentStatuses.Outgoing(r.Relation, r.Partial), _ => "" }} {l.Number!.Trim()}".Trim())),
        List<int> ids => string.Join(", ", ids.Select(id => Files.FirstOrDefault(f => f.Id == id)?.OriginalName ?? _itemFiles.FirstOrDefault(f => f.Id == id)?.OriginalName ?? "?")),
        _ => base.ValueText(property, value),
    };

    protected override async Task SavingAsync(Document d, CancellationToken ct)
    {
        if (Item is null) await SlugHistory.ClaimedAsync(Db, SlugHistory.Document, d.Slug, ct);
        else await SlugHistory.RenamedAsync(Db, Site.Id, SlugHistory.Document, Item.Slug, d.Slug, ct);

        if (Item is not null)
        {
            var keep = _files.Select(f => f.Id).ToHashSet();
            foreach (var gone in await Db.DocumentFiles.Where(f => f.DocumentId == Item.Id).ToListAsync(ct))
            {
                if (keep.Contains(gone.Id)) continue;
                Db.DocumentFiles.Remove(gone);
                _removedPaths.Add(gone.Path);
            }
            Db.DocumentLinks.RemoveRange(await Db.DocumentLinks.Where(l => l.DocumentId == Item.Id).ToListAsync(ct));
        }
        for (var i = 0; i < _files.Count; i++)
        {
            _files[i].Order = i;
            if (_files[i].DocumentId is null) d.Files.Add(_files[i]);
        }
        foreach (var link in _links)
        {
            link.SiteId = Site.Id;
            d.Links.Add(link);
        }
        var text = string.Join("\n\n", _files.Select(f => f.Text).Where(t => t.Length > 0));
        d.AttachmentText = text.Length > SearchText.MaxIndexedChars ? text[..SearchText.MaxIndexedChars] : text;
    }

    protected override async Task DeletingAsync(Document d, CancellationToken ct)
    {
        await SlugHistory.RemovedAsync(Db, SlugHistory.Document, d.Slug, ct);
        _removedPaths.AddRange(await Db.DocumentFiles.Where(f => f.DocumentId == d.Id).Select(f => f.Path).ToListAsync(ct));
    }

    protected override void Saved(Document row, ContentChange change)
    {
        foreach (var path in _removedPaths) intake.TryDelete(path);
    }

    protected override string Summary(Document d, ContentChange change) => change switch
    {
        ContentChange.Create => $"Thêm văn bản số {d.Number}: {Shorten(d.Title)}{FilesNote()}.",
        ContentChange.Update => $"Sửa văn bản số {d.Number}: {Shorten(d.Title)}{(Item!.Slug != d.Slug ? $" (đổi đường dẫn {Item.Slug} → {d.Slug})" : "")}{FilesNote()}.",
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

    private string FilesNote() => _files.Count == 0 ? "" : $"; tệp: {string.Join(", ", _files.Select(f => f.OriginalName))}";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
