using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Text;

namespace MinhBach.Features.Admin.Articles;

/// <summary>/quan-tri/tin-bai: the site's articles by workflow queue (mine, waiting for review, returned, scheduled …).</summary>
public sealed class ArticleListModel(AppDb db) : AdminPageModel
{
    public const int PageSize = 30;

    public static readonly IReadOnlyList<(string Key, string Label)> Tabs =
    [
        ("cua-toi", "Bài của tôi"), ("cho-duyet", "Chờ duyệt"), ("bi-tra-lai", "Bị trả lại"), ("hen-gio", "Hẹn giờ"),
        ("chua-duyet-lai", "Xuất bản chưa qua duyệt"), ("da-xuat-ban", "Đã xuất bản"), ("da-go", "Đã gỡ, lưu trữ"), ("tat-ca", "Tất cả"),
    ];

    public string Tab { get; private set; } = "";
    public string? Query { get; private set; }
    public Paged<Article> Articles { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(string? loc, string? q, CancellationToken ct)
    {
        Title = "Tin bài";
        await Access.LoadAsync(ct);
        var me = SiteAccess.UserId(User) ?? 0;
        Tab = Tabs.Any(t => t.Key == loc) ? loc! : Access.Has(SiteRole.Editor) ? "cho-duyet" : "cua-toi";
        var page = int.TryParse(Request.Query["trang"], out var p) && p is >= 1 and <= 10_000 ? p : 1;
        var all = db.Articles.AsNoTracking();
        IQueryable<Article> Filter(string tab) => tab switch
        {
            "cua-toi" => all.Where(a => a.CreatedById == me && a.Status != ArticleStatus.Archived),
            "cho-duyet" => all.Where(a => a.Status == ArticleStatus.Submitted),
            "bi-tra-lai" => all.Where(a => a.Status == ArticleStatus.Returned && (a.CreatedById == me || Access.Has(SiteRole.Editor))),
            "hen-gio" => all.Where(a => a.Status == ArticleStatus.Scheduled || (a.Status == ArticleStatus.Published && a.UnpublishAt != null)),
            "chua-duyet-lai" => all.Where(a => a.Status == ArticleStatus.Published && a.NeedsReview),
            "da-xuat-ban" => all.Where(a => a.Status == ArticleStatus.Published),
            "da-go" => all.Where(a => a.Status == ArticleStatus.Unpublished || a.Status == ArticleStatus.Archived),
            _ => all,
        };
        var counts = new Dictionary<string, int>();
        foreach (var (key, _) in Tabs.Where(t => t.Key is "cua-toi" or "cho-duyet" or "bi-tra-lai" or "hen-gio" or "chua-duyet-lai"))
            counts[key] = await Filter(key).CountAsync(ct);
        Counts = counts;

        var query = Filter(Tab);
        Query = q?.Trim();
        if (!string.IsNullOrEmpty(Query))
            foreach (var w in VietnameseText.Fold(Query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(10))
                query = query.Where(a => a.TitleFolded.Contains(w));
        var total = await query.CountAsync(ct);
        var items = await query.Include(a => a.Category).OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var extra = "loc=" + Tab + (string.IsNullOrEmpty(Query) ? "" : "&q=" + Uri.EscapeDataString(Query));
        Articles = new Paged<Article>(items, page, PageSize, total, "/quan-tri/tin-bai", extra);
        return Page();
    }

    public static string StatusText(Article a) => a.Status switch
    {
        ArticleStatus.Draft => "Bản nháp",
        ArticleStatus.Submitted => "Chờ duyệt",
        ArticleStatus.Returned => "Bị trả lại",
        ArticleStatus.Approved => "Đã duyệt",
        ArticleStatus.Scheduled => $"Hẹn giờ {VnTime.DateTimeText(a.ScheduledAt ?? a.PublishedAt)}",
        ArticleStatus.Published => a.NeedsReview ? "Đã xuất bản (chưa qua duyệt)" : "Đã xuất bản",
        ArticleStatus.Unpublished => "Đã gỡ",
        ArticleStatus.Archived => "Lưu trữ",
        _ => a.Status.ToString(),
    };
}
