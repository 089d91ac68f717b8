using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Features.Royalties;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;

namespace MinhBach.Features.Admin.Articles;

/// <summary>Write or edit an article, and move it through the workflow; every action posts the version it saw.</summary>
public sealed class ArticleEditModel(AppDb db, ArticleWorkflow workflow, RoyaltyService royalties, SyndicationService syndication) : AdminPageModel
{
    public sealed class ArticleForm
    {
        // Names and messages are the ones people read when a value cannot be taken (the binder's messages name the field).
        [MaxLength(500, ErrorMessage = "Tiêu đề dài quá 500 ký tự.")] public string Title { get; set; } = "";
        [Display(Name = "Chuyên mục")] public int CategoryId { get; set; }
        [MaxLength(2000, ErrorMessage = "Sapo dài quá 2.000 ký tự.")] public string? Summary { get; set; }
        public string? Body { get; set; }
        [MaxLength(200, ErrorMessage = "Tên tác giả dài quá 200 ký tự.")] public string? Author { get; set; }
        [MaxLength(300, ErrorMessage = "Nguồn dài quá 300 ký tự.")] public string? Source { get; set; }
        [MaxLength(1000, ErrorMessage = "Đường dẫn bài gốc dài quá 1.000 ký tự.")] public string? SourceUrl { get; set; }
        [Display(Name = "Ngày đăng gốc")] public DateOnly? SourceDate { get; set; }
        [MaxLength(300, ErrorMessage = "Văn bản đồng ý của cơ quan nguồn dài quá 300 ký tự.")] public string? PermissionReference { get; set; }
        [MaxLength(1000, ErrorMessage = "Đường dẫn ảnh đại diện dài quá 1.000 ký tự.")] public string? FeaturedImageUrl { get; set; }
        [MaxLength(500, ErrorMessage = "Mô tả ảnh dài quá 500 ký tự.")] public string? FeaturedImageAlt { get; set; }
        [Display(Name = "Tin nổi bật")] public bool IsFeatured { get; set; }
    }

    [BindProperty] public ArticleForm Form { get; set; } = new();
    [BindProperty, Display(Name = "Phiên bản")] public int Version { get; set; }
    [BindProperty, MaxLength(4000, ErrorMessage = "Ý kiến hoặc lý do dài quá 4.000 ký tự.")] public string? Comment { get; set; }
    [BindProperty, Display(Name = "Thời điểm")] public DateTime? At { get; set; }

    public Article? Article { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<string> Blockers { get; private set; } = [];
    public bool Conflict { get; private set; }
    public bool CanEdit { get; private set; }

    // Royalties: the editor-in-chief gives a published article its points.
    [BindProperty] public string? RoyaltyRateId { get; set; }
    [BindProperty] public string? RoyaltyPoints { get; set; }
    [BindProperty] public string? RoyaltyNote { get; set; }
    public RoyaltyAssignment? Royalty { get; private set; }
    public IReadOnlyList<RoyaltyRate> RoyaltyRates { get; private set; } = [];
    public long RoyaltyPointValue { get; private set; }

    // Syndication: an editor proposes a published article to the parent portal and sees the answer here.
    [BindProperty] public string? ProposalNote { get; set; }
    public Site? ParentSite { get; private set; }
    public IReadOnlyList<SyndicationProposal> Proposals { get; private set; } = [];
    public bool ResolvedByHost => HttpContext.RequestServices.GetRequiredService<CurrentSite>().ResolvedByHost;

    public async Task<IActionResult> OnGetAsync(int? id, string? msg, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (id is null && !Access.Has(SiteRole.Contributor)) return Forbid();
        if (Article is not null) Fill(Article);
        else Form.Author = Access.User?.FullName;
        Notice = msg switch
        {
            "luu" => "Đã lưu.", "gui" => "Đã gửi duyệt.", "tra" => "Đã trả lại bài kèm ý kiến.", "duyet" => "Đã duyệt.",
            "xuat-ban" => "Đã xuất bản.", "go" => "Đã gỡ bài.", "luu-tru" => "Đã lưu trữ.", "xac-nhan" => "Đã xác nhận duyệt.",
            "khoi-phuc" => "Đã khôi phục phiên bản cũ.", "nhuan-but" => "Đã lưu nhuận bút.",
            "de-xuat" => ParentSite is null ? "Đã gửi đề xuất." : $"Đã gửi đề xuất lên {ParentSite.Name}.", _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => ActAsync(id, "luu", async (e, a) =>
        a is null
            ? await workflow.CreateAsync(Site, e, Draft(), ct)
            : await workflow.SaveAsync(Site, e, a.Id, Version, Draft(), ct), ct, keepForm: true);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => ActAsync(id, "gui", (e, a) => workflow.SubmitAsync(Site, e, id, Version, ct), ct);
    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) => ActAsync(id, "tra", (e, a) => workflow.ReturnAsync(Site, e, id, Version, Comment ?? "", ct), ct);
    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => ActAsync(id, "duyet", (e, a) => workflow.ApproveAsync(Site, e, id, Version, At is DateTime t ? VnTime.FromLocal(t) : null, ct), ct);
    public Task<IActionResult> OnPostForcePublishAsync(int id, CancellationToken ct) => ActAsync(id, "xuat-ban", (e, a) => workflow.ForcePublishAsync(Site, e, id, Version, Comment ?? "", ct), ct);
    public Task<IActionResult> OnPostReviewedAsync(int id, CancellationToken ct) => ActAsync(id, "xac-nhan", (e, a) => workflow.MarkReviewedAsync(Site, e, id, Version, ct), ct);
    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) => ActAsync(id, "go", (e, a) => workflow.UnpublishAsync(Site, e, id, Version, At is DateTime t ? VnTime.FromLocal(t) : null, ct), ct);
    public Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken ct) => ActAsync(id, "luu-tru", (e, a) => workflow.ArchiveAsync(Site, e, id, Version, ct), ct);

    public async Task<IActionResult> OnPostRoyaltyAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!RoyaltyService.CanManage(Access.Role)) return Forbid();
        var editor = new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor());
        var result = await royalties.AssignAsync(Site, editor, id, RoyaltyRateId, RoyaltyPoints, RoyaltyNote, ct);
        if (result.Ok) return Redirect(Url.Site($"/quan-tri/tin-bai/{id}") + "?msg=nhuan-but");
        return await RefusedAsync(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Access.Has(SiteRole.Editor)) return Forbid();
        var editor = new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor());
        var result = await syndication.ProposeAsync(Site, editor, id, ProposalNote, ct);
        if (result.Ok) return Redirect(Url.Site($"/quan-tri/tin-bai/{id}") + "?msg=de-xuat");
        return await RefusedAsync(id, result.Errors, ct);
    }

    /// <summary>Shows the refusal (400) on the page as it is stored now; what the user typed in the other forms is kept.</summary>
    private async Task<IActionResult> RefusedAsync(int id, IReadOnlyList<string> errors, CancellationToken ct)
    {
        Errors = errors;
        await LoadAsync(id, ct);
        if (Article is not null) Fill(Article);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult> ActAsync(int? id, string done, Func<Editor, Article?, Task<WorkflowResult>> act, CancellationToken ct, bool keepForm = false)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Access.Role is null) return Forbid();
        if (!ModelState.IsValid)
        {
            Errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "Dữ liệu nhập không hợp lệ." : e.ErrorMessage).Distinct().ToList();
            return Page();
        }
        var editor = new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor());
        var result = await act(editor, Article);
        if (result.Ok) return Redirect(Url.Site($"/quan-tri/tin-bai/{result.Article!.Id}") + "?msg=" + done);
        Errors = result.Errors;
        Conflict = result.Conflict;
        // Reload what is stored now; keep what the user typed in the form so nothing is lost.
        await LoadAsync(id, ct);
        if (!keepForm && Article is not null) Fill(Article);
        return Page();
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Title = id is null ? "Viết bài mới" : "Sửa bài";
        await Access.LoadAsync(ct);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).ToListAsync(ct);
        if (id is null) { CanEdit = Access.Has(SiteRole.Contributor); return true; }
        db.ChangeTracker.Clear();
        Article = await db.Articles.AsNoTracking().Include(a => a.Category).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (Article is null) return false;
        Title = Article.Title;
        var me = new Editor(Access.User?.Id ?? 0, "", Access.Role, Actor());
        CanEdit = ArticleWorkflow.CanEdit(Article, me);
        Blockers = ArticleWorkflow.PublishBlockers(Article, Site);
        if (RoyaltyService.CanManage(Access.Role))
        {
            Royalty = await royalties.AssignmentAsync(Site, Article.Id, ct);
            RoyaltyRates = await royalties.RatesAsync(Site, ct);
            RoyaltyPointValue = await royalties.PointValueAsync(Site, ct);
        }
        if (Access.Role is not null)
        {
            ParentSite = await syndication.ParentOfAsync(Site, ct);
            Proposals = await syndication.ForArticleAsync(Site, Article.Id, ct);
        }
        return true;
    }

    private void Fill(Article a)
    {
        Version = a.Version;
        Form = new ArticleForm
        {
            Title = a.Title, CategoryId = a.CategoryId, Summary = a.Summary, Body = a.Body, Author = a.Author, Source = a.Source,
            SourceUrl = a.SourceUrl, SourceDate = a.SourceDate, PermissionReference = a.PermissionReference,
            FeaturedImageUrl = a.FeaturedImageUrl, FeaturedImageAlt = a.FeaturedImageAlt, IsFeatured = a.IsFeatured,
        };
    }

    private ArticleDraft Draft() => new(Form.Title ?? "", Form.CategoryId, Form.Summary ?? "", Form.Body ?? "", Form.Author ?? "",
        Form.Source, Form.SourceUrl, Form.SourceDate, Form.PermissionReference, Form.FeaturedImageUrl, Form.FeaturedImageAlt, Form.IsFeatured);
}
