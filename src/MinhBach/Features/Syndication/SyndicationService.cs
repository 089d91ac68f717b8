using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Syndication;

/// <summary>The outcome of a syndication step: done, or the Vietnamese reasons it was refused (nothing changed).</summary>
public sealed record SyndicationResult(IReadOnlyList<string> Errors, SyndicationProposal? Proposal = null, Article? Copy = null)
{
    public bool Ok => Errors.Count == 0;
    public static SyndicationResult Refused(params string[] errors) => new(errors);
}

/// <summary>What the portal's editor may change when accepting: the title, the summary and the category.</summary>
public sealed record AcceptForm(string? Title, string? Summary, int CategoryId);

/// <summary>
/// Syndication upward: an editor of a component site proposes one of its published articles to the parent
/// site; the parent's editors accept it (a published copy that names the original as source and canonical)
/// or decline it with a reason the proposer sees. Each step is audited on both sites in one transaction.
/// </summary>
public sealed class SyndicationService(AppDb db, AuditTrail audit, ArticleWorkflow workflow, SiteDirectory directory, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The site a component site proposes to (its parent), if it has one that is active.</summary>
    public async Task<Site?> ParentOfAsync(Site site, CancellationToken ct = default)
    {
        if (site.ParentId is not int parentId) return null;
        var snap = await directory.GetAsync(ct);
        return snap.ById.TryGetValue(parentId, out var parent) && parent.Status == SiteStatus.Active ? parent : null;
    }

    /// <summary>Proposals of one article of the current site, newest first.</summary>
    public Task<List<SyndicationProposal>> ForArticleAsync(Site site, int articleId, CancellationToken ct = default) =>
        db.SyndicationProposals.IgnoreQueryFilters().AsNoTracking().Include(p => p.Copy).ThenInclude(c => c!.Category)
            .Where(p => p.SiteId == site.Id && p.ArticleId == articleId)
            .OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).ToListAsync(ct);

    /// <summary>Proposals sent to this site (a portal), with their original articles: read across sites on purpose.</summary>
    public IQueryable<SyndicationProposal> ToSite(Site target) =>
        db.SyndicationProposals.IgnoreQueryFilters().AsNoTracking()
            .Include(p => p.Article).ThenInclude(a => a!.Category)
            .Include(p => p.Copy).ThenInclude(c => c!.Category)
            .Where(p => p.TargetSiteId == target.Id);

    public async Task<SyndicationResult> ProposeAsync(Site site, Editor e, int articleId, string? note, CancellationToken ct = default)
    {
        if (e.Role is null || e.Role < SiteRole.Editor) return SyndicationResult.Refused("Chỉ biên tập viên trở lên được đề xuất bài lên cổng.");
        var parent = await ParentOfAsync(site, ct);
        if (parent is null) return SyndicationResult.Refused("Trang này không có cổng cấp trên đang hoạt động để đề xuất.");
        var article = await db.Articles.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId && a.SiteId == site.Id, ct);
        if (article is null) return SyndicationResult.Refused("Không tìm thấy bài viết.");
        if (article.Status != ArticleStatus.Published) return SyndicationResult.Refused("Chỉ đề xuất được bài đã xuất bản.");
        if (article.OriginSiteId is not null) return SyndicationResult.Refused("Bài này là bản đăng lại từ trang khác; hãy đề xuất bài gốc.");
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleanNote?.Length > 1000) return SyndicationResult.Refused("Lời nhắn quá dài (tối đa 1.000 ký tự).");
        var earlier = await db.SyndicationProposals.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ArticleId == articleId && p.Status != ProposalStatus.Declined)
            .Select(p => new { p.Status, p.CopyArticleId }).ToListAsync(ct);
        if (earlier.Any(p => p.Status == ProposalStatus.Pending))
            return SyndicationResult.Refused($"Bài này đã được đề xuất và đang chờ {parent.Name} xem xét.");
        if (earlier.Any(p => p.Status == ProposalStatus.Accepted && p.CopyArticleId is not null))
            return SyndicationResult.Refused($"Bài này đã được đăng trên {parent.Name}.");

        var proposal = new SyndicationProposal
        {
            SiteId = site.Id, ArticleId = article.Id, TargetSiteId = parent.Id, Status = ProposalStatus.Pending, Note = cleanNote,
            ProposedById = e.UserId, ProposedByName = e.Name, ProposedAt = Now,
        };
        db.SyndicationProposals.Add(proposal);
        try
        {
            await audit.SaveAsync(db, e.Audit, () => (IReadOnlyList<AuditRecord>)
            [
                new("syndication.propose", $"Đề xuất bài \"{article.Title}\" lên {parent.Name} (đề xuất số {proposal.Id}).",
                    site.Id, "article", Id(article.Id)),
                new("syndication.propose", $"{site.Name} đề xuất đăng bài \"{article.Title}\" (đề xuất số {proposal.Id}).",
                    parent.Id, "syndication", Id(proposal.Id)),
            ], ct);
        }
        catch (DbUpdateException)
        {
            // The filtered unique index: someone proposed the same article a moment ago.
            db.ChangeTracker.Clear();
            return SyndicationResult.Refused($"Bài này đã được đề xuất và đang chờ {parent.Name} xem xét.");
        }
        return new SyndicationResult([], proposal);
    }

    /// <summary>
    /// Accepts a pending proposal on <paramref name="target"/>: a published copy in the chosen category, with the
    /// original's site named as source and <paramref name="originalUrl"/> (the original's absolute address) as
    /// its link, as TEC-22 asks of republished articles.
    /// </summary>
    public async Task<SyndicationResult> AcceptAsync(Site target, Editor e, int proposalId, int version, AcceptForm form, string originalUrl, CancellationToken ct = default)
    {
        var (p, refused) = await LoadPendingAsync(target, e, proposalId, version, ct);
        if (p is null) return refused!;
        var errors = new List<string>();
        var title = (form.Title ?? "").Trim();
        var summary = (form.Summary ?? "").Trim();
        if (title.Length == 0) errors.Add("Tiêu đề không được để trống.");
        else if (title.Length > 500) errors.Add("Tiêu đề quá dài (tối đa 500 ký tự).");
        if (summary.Length > 2000) errors.Add("Sapo quá dài (tối đa 2.000 ký tự).");
        var category = await db.Categories.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == form.CategoryId && c.SiteId == target.Id, ct);
        if (category is null) errors.Add($"Hãy chọn chuyên mục của {target.Name} để đăng bài.");
        if (!(Uri.TryCreate(originalUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")) errors.Add("Không xác định được địa chỉ bài gốc.");
        var original = await db.Articles.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == p.ArticleId && a.SiteId == p.SiteId, ct);
        var snap = await directory.GetAsync(ct);
        var source = snap.ById.GetValueOrDefault(p.SiteId);
        if (original is null || source is null || original.Status != ArticleStatus.Published)
            errors.Add($"Bài gốc không còn được xuất bản trên {source?.Name ?? "trang đề xuất"}; không nhận đăng được. Hãy từ chối đề xuất này.");
        if (errors.Count > 0) return new SyndicationResult(errors);

        var copy = new Article
        {
            SiteId = target.Id, CategoryId = category!.Id, Title = title, Summary = summary, Body = original!.Body, Author = original.Author,
            Source = source!.Name, SourceUrl = originalUrl, SourceDate = DateOnly.FromDateTime(VnTime.ToLocal(original.PublishedAt)),
            PermissionReference = $"Đề xuất số {p.Id} của {source.Name}, ngày {VnTime.DateText(p.ProposedAt)}",
            FeaturedImageUrl = original.FeaturedImageUrl, FeaturedImageAlt = original.FeaturedImageAlt,
            Status = ArticleStatus.Published, PublishedAt = Now, UpdatedAt = Now, CreatedById = e.UserId, ReviewedById = e.UserId,
            OriginSiteId = source.Id, OriginArticleId = original.Id,
        };
        var blockers = ArticleWorkflow.PublishBlockers(copy, target);
        if (blockers.Count > 0) return new SyndicationResult(blockers);
        copy.Slug = await workflow.UniqueSlugAsync(target.Id, title, null, ct);
        db.Articles.Add(copy);
        db.ArticleRevisions.Add(new ArticleRevision
        {
            SiteId = target.Id, Article = copy, Number = 1, SavedAt = Now, SavedById = e.UserId, SavedByName = e.Name, Status = copy.Status,
            Title = copy.Title, Summary = copy.Summary, Body = copy.Body, Author = copy.Author, Source = copy.Source,
            Note = $"Nhận từ đề xuất số {p.Id} của {source.Name}",
        });
        p.Status = ProposalStatus.Accepted;
        p.Copy = copy;
        Decide(p, e);
        var edited = title != original.Title ? $" với tiêu đề \"{title}\"" : "";
        var result = await CommitAsync(e, p, () =>
        [
            new("syndication.accept", $"Nhận đăng bài \"{original.Title}\" do {source.Name} đề xuất (đề xuất số {p.Id}, bài gốc số {original.Id}){edited}, chuyên mục {category.Name}.",
                target.Id, "article", Id(copy.Id)),
            new("syndication.accept", $"{target.Name} đã nhận đăng bài \"{original.Title}\" (đề xuất số {p.Id}).",
                source.Id, "article", Id(original.Id)),
        ], ct);
        return result.Ok ? new SyndicationResult([], p, copy) : result;
    }

    public async Task<SyndicationResult> DeclineAsync(Site target, Editor e, int proposalId, int version, string? reason, CancellationToken ct = default)
    {
        var (p, refused) = await LoadPendingAsync(target, e, proposalId, version, ct);
        if (p is null) return refused!;
        var why = (reason ?? "").Trim();
        if (why.Length == 0) return SyndicationResult.Refused("Hãy ghi lý do từ chối để trang đề xuất biết.");
        if (why.Length > 2000) return SyndicationResult.Refused("Lý do quá dài (tối đa 2.000 ký tự).");
        var title = await db.Articles.IgnoreQueryFilters().Where(a => a.Id == p.ArticleId).Select(a => a.Title).FirstAsync(ct);
        var sourceName = (await directory.GetAsync(ct)).ById.GetValueOrDefault(p.SiteId)?.Name ?? "trang đề xuất";
        p.Status = ProposalStatus.Declined;
        p.DeclineReason = why;
        Decide(p, e);
        return await CommitAsync(e, p, () =>
        [
            new("syndication.decline", $"Từ chối bài \"{title}\" do {sourceName} đề xuất (đề xuất số {p.Id}). Lý do: {why}",
                target.Id, "syndication", Id(p.Id)),
            new("syndication.decline", $"{target.Name} từ chối đăng bài \"{title}\" (đề xuất số {p.Id}). Lý do: {why}",
                p.SiteId, "article", Id(p.ArticleId)),
        ], ct);
    }

    private async Task<(SyndicationProposal?, SyndicationResult?)> LoadPendingAsync(Site target, Editor e, int id, int version, CancellationToken ct)
    {
        if (e.Role is null || e.Role < SiteRole.Editor)
            return (null, SyndicationResult.Refused($"Chỉ biên tập viên trở lên của {target.Name} được xử lý đề xuất."));
        var p = await db.SyndicationProposals.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id && x.TargetSiteId == target.Id, ct);
        if (p is null) return (null, SyndicationResult.Refused("Không tìm thấy đề xuất."));
        if (p.Status != ProposalStatus.Pending || p.Version != version)
            return (null, SyndicationResult.Refused($"Đề xuất này vừa được {p.DecidedByName ?? "người khác"} xử lý; hãy tải lại trang."));
        return (p, null);
    }

    private void Decide(SyndicationProposal p, Editor e)
    {
        p.DecidedById = e.UserId;
        p.DecidedByName = e.Name;
        p.DecidedAt = Now;
        p.Version++;
    }

    private async Task<SyndicationResult> CommitAsync(Editor e, SyndicationProposal p, Func<IReadOnlyList<AuditRecord>> records, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, e.Audit, records, ct);
            return new SyndicationResult([], p);
        }
        catch (DbUpdateException)
        {
            // The proposal's version moved (another editor decided first), or the copy's slug was just taken.
            db.ChangeTracker.Clear();
            return SyndicationResult.Refused("Đề xuất vừa được người khác xử lý, hoặc dữ liệu vừa thay đổi; hãy tải lại trang.");
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Absolute addresses of another site's pages, as the request reaches them: by host name when this
/// request came by host and the site has one, else under the site's prefix on this request's host.</summary>
public static class SiteLinks
{
    public static string AbsoluteBase(Site site, HttpRequest request, bool resolvedByHost) =>
        resolvedByHost && site.Hosts.Count > 0
            ? $"{request.Scheme}://{site.Hosts[0].Host}"
            : $"{request.Scheme}://{request.Host}{(site.Slug.Length == 0 ? "" : "/" + site.Slug)}";

    public static string Absolute(Site site, HttpRequest request, bool resolvedByHost, string path) =>
        AbsoluteBase(site, request, resolvedByHost) + path;
}
