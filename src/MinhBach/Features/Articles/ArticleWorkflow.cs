using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Articles;

/// <summary>The outcome of a workflow step: done, or the Vietnamese reasons it was refused (nothing changed).</summary>
public sealed record WorkflowResult(IReadOnlyList<string> Errors, bool Conflict = false, Article? Article = null)
{
    public bool Ok => Errors.Count == 0;
    public static WorkflowResult Done(Article a) => new([], false, a);
    public static WorkflowResult Refused(params string[] errors) => new(errors);
}

/// <summary>Who acts, with their role on the site (null: none) and the audit identity.</summary>
public sealed record Editor(int UserId, string Name, SiteRole? Role, AuditActor Audit);

/// <summary>What an author types into the article form.</summary>
public sealed record ArticleDraft(
    string Title, int CategoryId, string Summary, string Body, string Author,
    string? Source, string? SourceUrl, DateOnly? SourceDate, string? PermissionReference,
    string? FeaturedImageUrl, string? FeaturedImageAlt, bool IsFeatured);

/// <summary>
/// Draft → submitted → returned or approved → scheduled or published → unpublished or archived.
/// Every step checks the actor's role, the article's state and the legal rules, then saves the
/// change, a revision where the content changed, and an audit entry, in one transaction.
/// </summary>
public sealed class ArticleWorkflow(AppDb db, AuditTrail audit, TimeProvider clock)
{
    public static readonly IReadOnlySet<ArticleStatus> Editable = new HashSet<ArticleStatus>
        { ArticleStatus.Draft, ArticleStatus.Returned, ArticleStatus.Submitted, ArticleStatus.Approved, ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Unpublished };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanEdit(Article a, Editor e) =>
        Editable.Contains(a.Status) && (e.Role >= SiteRole.Editor
            || (e.Role == SiteRole.Contributor && a.CreatedById == e.UserId && a.Status is ArticleStatus.Draft or ArticleStatus.Returned));

    /// <summary>Rules the law sets before an article may go public (TEC-22, TEC-23); shown to reviewers as blocking.</summary>
    public static IReadOnlyList<string> PublishBlockers(Article a, Site site)
    {
        var list = new List<string>();
        if (string.IsNullOrWhiteSpace(a.Author)) list.Add("Bài viết chưa có tác giả: mọi tin bài phải ghi tên tác giả.");
        var republished = !string.IsNullOrWhiteSpace(a.Source) || !string.IsNullOrWhiteSpace(a.SourceUrl) || a.SourceDate is not null;
        if (republished)
        {
            if (string.IsNullOrWhiteSpace(a.Source)) list.Add("Bài đăng lại phải ghi rõ nguồn (tên cơ quan báo chí hoặc cơ quan nhà nước).");
            if (a.SourceDate is null) list.Add("Bài đăng lại phải ghi ngày đăng gốc.");
            if (string.IsNullOrWhiteSpace(a.SourceUrl)) list.Add("Bài đăng lại phải có đường dẫn đến bài gốc.");
            if (!site.IsAggregatedSite && string.IsNullOrWhiteSpace(a.PermissionReference))
                list.Add("Trang không phải trang thông tin tổng hợp được cấp phép: bài đăng lại phải có văn bản đồng ý của cơ quan nguồn (số, ngày).");
        }
        if (!string.IsNullOrEmpty(a.FeaturedImageUrl) && string.IsNullOrWhiteSpace(a.FeaturedImageAlt))
            list.Add("Ảnh đại diện phải có mô tả thay thế (alt) cho người khiếm thị.");
        return list;
    }

    public async Task<WorkflowResult> CreateAsync(Site site, Editor e, ArticleDraft d, CancellationToken ct = default)
    {
        if (e.Role is null) return WorkflowResult.Refused("Bạn không có quyền viết bài trên trang này.");
        var errors = await ValidateAsync(site, d, ct);
        if (errors.Count > 0) return new WorkflowResult(errors);
        var a = new Article { SiteId = site.Id, Status = ArticleStatus.Draft, CreatedById = e.UserId, UpdatedAt = Now, PublishedAt = Now };
        Apply(a, d);
        a.Slug = await UniqueSlugAsync(site.Id, d.Title, null, ct);
        db.Articles.Add(a);
        AddRevision(site, a, e, "Tạo bài");
        // The record is built after the article is saved, inside the same transaction, so it can name the new id.
        await audit.SaveAsync(db, e.Audit, () => Record(site, a, "article.create", $"Tạo bài \"{a.Title}\"."), ct);
        return WorkflowResult.Done(a);
    }

    public async Task<WorkflowResult> SaveAsync(Site site, Editor e, int id, int version, ArticleDraft d, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (!CanEdit(a, e)) return WorkflowResult.Refused("Bạn không được sửa bài này ở trạng thái hiện tại.");
        var errors = await ValidateAsync(site, d, ct);
        if (errors.Count > 0) return new WorkflowResult(errors);
        var oldTitle = a.Title;
        Apply(a, d);
        if (a.Title != oldTitle && a.Status is not (ArticleStatus.Published or ArticleStatus.Unpublished))
            a.Slug = await UniqueSlugAsync(site.Id, a.Title, a.Id, ct);
        return await CommitAsync(site, e, a, "article.save", $"Lưu bài \"{a.Title}\".", "Lưu", ct);
    }

    public async Task<WorkflowResult> SubmitAsync(Site site, Editor e, int id, int version, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (a.Status is not (ArticleStatus.Draft or ArticleStatus.Returned)) return WorkflowResult.Refused("Chỉ gửi duyệt được bản nháp hoặc bài bị trả lại.");
        if (!CanEdit(a, e)) return WorkflowResult.Refused("Bạn không được gửi duyệt bài này.");
        a.Status = ArticleStatus.Submitted;
        a.SubmittedById = e.UserId;
        return await CommitAsync(site, e, a, "article.submit", $"Gửi duyệt bài \"{a.Title}\".", null, ct);
    }

    public async Task<WorkflowResult> ReturnAsync(Site site, Editor e, int id, int version, string comment, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (e.Role < SiteRole.Editor || e.Role is null) return WorkflowResult.Refused("Chỉ biên tập viên trở lên được trả lại bài.");
        if (a.Status != ArticleStatus.Submitted) return WorkflowResult.Refused("Chỉ trả lại được bài đang chờ duyệt.");
        if (string.IsNullOrWhiteSpace(comment)) return WorkflowResult.Refused("Hãy ghi ý kiến để người viết biết cần sửa gì.");
        if (comment.Length > 4000) return WorkflowResult.Refused("Ý kiến quá dài (tối đa 4.000 ký tự).");
        a.Status = ArticleStatus.Returned;
        a.ReviewComment = comment.Trim();
        a.ReviewedById = e.UserId;
        return await CommitAsync(site, e, a, "article.return", $"Trả lại bài \"{a.Title}\": {a.ReviewComment}", null, ct);
    }

    /// <summary>Approves a submitted article and publishes it now, or schedules it for <paramref name="publishAt"/> (UTC).</summary>
    public async Task<WorkflowResult> ApproveAsync(Site site, Editor e, int id, int version, DateTime? publishAt, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (e.Role < SiteRole.Editor || e.Role is null) return WorkflowResult.Refused("Chỉ biên tập viên trở lên được duyệt bài.");
        if (a.Status is not (ArticleStatus.Submitted or ArticleStatus.Approved or ArticleStatus.Unpublished))
            return WorkflowResult.Refused("Bài phải được gửi duyệt trước khi duyệt.");
        if (a.Status == ArticleStatus.Submitted && a.SubmittedById == e.UserId && !site.AllowSelfApproval)
            return WorkflowResult.Refused("Không tự duyệt bài mình gửi: cần một biên tập viên khác (hoặc trưởng ban xuất bản ngay kèm lý do).");
        var blockers = PublishBlockers(a, site);
        if (blockers.Count > 0) return new WorkflowResult(blockers);
        if (publishAt is DateTime at && at <= Now.AddSeconds(30)) publishAt = null;
        if (publishAt > Now.AddYears(1)) return WorkflowResult.Refused("Thời điểm hẹn giờ phải trong vòng một năm.");
        a.ReviewedById = e.UserId;
        a.ReviewComment = null;
        if (publishAt is DateTime when)
        {
            a.Status = ArticleStatus.Scheduled;
            a.ScheduledAt = TruncateToMinute(when);
            return await CommitAsync(site, e, a, "article.schedule", $"Duyệt và hẹn giờ xuất bản bài \"{a.Title}\" lúc {VnTimeText(a.ScheduledAt.Value)}.", null, ct);
        }
        Publish(a, Now);
        return await CommitAsync(site, e, a, "article.publish", $"Duyệt và xuất bản bài \"{a.Title}\".", null, ct);
    }

    /// <summary>Editor-in-chief publishes without a second pair of eyes; the reason is required and the article stays flagged.</summary>
    public async Task<WorkflowResult> ForcePublishAsync(Site site, Editor e, int id, int version, string reason, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (e.Role < SiteRole.EditorInChief || e.Role is null) return WorkflowResult.Refused("Chỉ trưởng ban biên tập được xuất bản ngay không qua duyệt.");
        if (a.Status is ArticleStatus.Published or ArticleStatus.Archived) return WorkflowResult.Refused("Bài đã xuất bản hoặc đã lưu trữ.");
        if (string.IsNullOrWhiteSpace(reason)) return WorkflowResult.Refused("Hãy ghi lý do xuất bản ngay.");
        var blockers = PublishBlockers(a, site);
        if (blockers.Count > 0) return new WorkflowResult(blockers);
        a.NeedsReview = true;
        a.ForcePublishReason = reason.Trim();
        Publish(a, Now);
        return await CommitAsync(site, e, a, "article.force-publish", $"Xuất bản ngay (chưa qua duyệt) bài \"{a.Title}\". Lý do: {a.ForcePublishReason}", null, ct);
    }

    /// <summary>A second editor confirms a force-published article; its "not yet reviewed" flag goes.</summary>
    public async Task<WorkflowResult> MarkReviewedAsync(Site site, Editor e, int id, int version, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (e.Role < SiteRole.Editor || e.Role is null) return WorkflowResult.Refused("Chỉ biên tập viên trở lên được xác nhận đã duyệt.");
        if (!a.NeedsReview) return WorkflowResult.Refused("Bài này không chờ duyệt lại.");
        var forcedBy = await db.AuditEntries.AsNoTracking()
            .Where(x => x.TargetType == "article" && x.TargetId == a.Id.ToString(CultureInfo.InvariantCulture) && x.Action == "article.force-publish")
            .OrderByDescending(x => x.Sequence).Select(x => x.UserId).FirstOrDefaultAsync(ct);
        if (forcedBy == e.UserId) return WorkflowResult.Refused("Người xuất bản ngay không tự xác nhận duyệt: cần một biên tập viên khác.");
        a.NeedsReview = false;
        a.ReviewedById = e.UserId;
        return await CommitAsync(site, e, a, "article.review", $"Xác nhận đã duyệt bài \"{a.Title}\" (đã xuất bản trước đó).", null, ct);
    }

    /// <summary>Takes an article down now, or at <paramref name="at"/> (UTC).</summary>
    public async Task<WorkflowResult> UnpublishAsync(Site site, Editor e, int id, int version, DateTime? at, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (e.Role < SiteRole.Editor || e.Role is null) return WorkflowResult.Refused("Chỉ biên tập viên trở lên được gỡ bài.");
        if (a.Status is not (ArticleStatus.Published or ArticleStatus.Scheduled)) return WorkflowResult.Refused("Bài chưa xuất bản.");
        if (at is DateTime when && when > Now.AddSeconds(30))
        {
            if (a.Status != ArticleStatus.Published) return WorkflowResult.Refused("Chỉ hẹn giờ gỡ được bài đã xuất bản.");
            a.UnpublishAt = TruncateToMinute(when);
            return await CommitAsync(site, e, a, "article.schedule-unpublish", $"Hẹn giờ gỡ bài \"{a.Title}\" lúc {VnTimeText(a.UnpublishAt.Value)}.", null, ct);
        }
        a.Status = ArticleStatus.Unpublished;
        a.ScheduledAt = null;
        a.UnpublishAt = null;
        return await CommitAsync(site, e, a, "article.unpublish", $"Gỡ bài \"{a.Title}\".", null, ct);
    }

    public async Task<WorkflowResult> ArchiveAsync(Site site, Editor e, int id, int version, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (e.Role < SiteRole.Editor || e.Role is null) return WorkflowResult.Refused("Chỉ biên tập viên trở lên được lưu trữ bài.");
        if (a.Status is ArticleStatus.Published or ArticleStatus.Scheduled) return WorkflowResult.Refused("Hãy gỡ bài trước khi lưu trữ.");
        a.Status = ArticleStatus.Archived;
        return await CommitAsync(site, e, a, "article.archive", $"Lưu trữ bài \"{a.Title}\".", null, ct);
    }

    /// <summary>An old revision becomes the content again, as a new draft state for the author to submit.</summary>
    public async Task<WorkflowResult> RestoreAsync(Site site, Editor e, int id, int version, int revisionNumber, CancellationToken ct = default)
    {
        var (a, refused) = await LoadAsync(site, id, version, ct);
        if (a is null) return refused!;
        if (!CanEdit(a, e)) return WorkflowResult.Refused("Bạn không được sửa bài này ở trạng thái hiện tại.");
        var r = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(x => x.ArticleId == id && x.Number == revisionNumber, ct);
        if (r is null) return WorkflowResult.Refused($"Không có phiên bản {revisionNumber}.");
        a.Title = r.Title;
        a.Summary = r.Summary;
        a.Body = r.Body;
        a.Author = r.Author;
        a.Source = r.Source;
        if (a.Status is not (ArticleStatus.Published or ArticleStatus.Unpublished)) a.Status = ArticleStatus.Draft;
        return await CommitAsync(site, e, a, "article.restore", $"Khôi phục phiên bản {revisionNumber} của bài \"{a.Title}\".", $"Khôi phục phiên bản {revisionNumber}", ct);
    }

    /// <summary>
    /// Publishes scheduled articles whose time has come and takes down those due to be unpublished, on every
    /// site. Each change is conditional on the article's version, so several nodes running this at once
    /// publish each article exactly once.
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.Articles.IgnoreQueryFilters()
            .Where(a => (a.Status == ArticleStatus.Scheduled && a.ScheduledAt <= now) || (a.Status == ArticleStatus.Published && a.UnpublishAt <= now))
            .Select(a => a.Id).ToListAsync(ct);
        var done = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var a = await db.Articles.IgnoreQueryFilters().FirstAsync(x => x.Id == id, ct);
            string action, summary;
            if (a.Status == ArticleStatus.Scheduled && a.ScheduledAt <= now)
            {
                Publish(a, a.ScheduledAt!.Value);
                (action, summary) = ("article.publish", $"Xuất bản theo lịch bài \"{a.Title}\".");
            }
            else if (a.Status == ArticleStatus.Published && a.UnpublishAt <= now)
            {
                a.Status = ArticleStatus.Unpublished;
                a.UnpublishAt = null;
                (action, summary) = ("article.unpublish", $"Gỡ theo lịch bài \"{a.Title}\".");
            }
            else continue;
            a.Version++;
            a.UpdatedAt = now;
            try
            {
                await audit.SaveAsync(db, AuditActor.System, new AuditRecord(action, summary, a.SiteId, "article", a.Id.ToString(CultureInfo.InvariantCulture)), ct);
                done++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node did it first.
            }
        }
        db.ChangeTracker.Clear();
        return done;
    }

    private static void Publish(Article a, DateTime at)
    {
        a.Status = ArticleStatus.Published;
        a.PublishedAt = at;
        a.ScheduledAt = null;
    }

    private async Task<(Article?, WorkflowResult?)> LoadAsync(Site site, int id, int version, CancellationToken ct)
    {
        var a = await db.Articles.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id && x.SiteId == site.Id, ct);
        if (a is null) return (null, WorkflowResult.Refused("Không tìm thấy bài viết."));
        if (a.Version != version)
        {
            var last = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
                .Select(r => new { r.SavedByName, r.SavedAt }).FirstOrDefaultAsync(ct);
            var who = last is null ? "người khác" : $"{last.SavedByName} (lúc {VnTimeText(last.SavedAt)})";
            return (null, new WorkflowResult([$"Bài viết vừa được {who} thay đổi. Nội dung bạn nhập chưa được lưu: hãy sao chép lại, tải lại trang để xem bản mới rồi sửa tiếp."], Conflict: true));
        }
        return (a, null);
    }

    private async Task<WorkflowResult> CommitAsync(Site site, Editor e, Article a, string action, string summary, string? revisionNote, CancellationToken ct)
    {
        a.Version++;
        a.UpdatedAt = Now;
        if (revisionNote is not null) AddRevision(site, a, e, revisionNote);
        try
        {
            await audit.SaveAsync(db, e.Audit, Record(site, a, action, summary), ct);
            return WorkflowResult.Done(a);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new WorkflowResult(["Bài viết vừa được người khác thay đổi. Nội dung bạn nhập chưa được lưu: hãy tải lại trang."], Conflict: true);
        }
    }

    private void AddRevision(Site site, Article a, Editor e, string note)
    {
        var number = a.Id == 0 ? 0 : db.ArticleRevisions.IgnoreQueryFilters().Where(r => r.ArticleId == a.Id).Select(r => (int?)r.Number).Max() ?? 0;
        db.ArticleRevisions.Add(new ArticleRevision
        {
            SiteId = site.Id, Article = a, Number = number + 1, SavedAt = Now, SavedById = e.UserId, SavedByName = e.Name,
            Status = a.Status, Title = a.Title, Summary = a.Summary, Body = a.Body, Author = a.Author, Source = a.Source, Note = note,
        });
    }

    private async Task<List<string>> ValidateAsync(Site site, ArticleDraft d, CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Title)) errors.Add("Tiêu đề không được để trống.");
        else if (d.Title.Length > 500) errors.Add("Tiêu đề quá dài (tối đa 500 ký tự).");
        if (d.Summary.Length > 2000) errors.Add("Sapo quá dài (tối đa 2.000 ký tự).");
        if (d.Body.Length > 500_000) errors.Add("Nội dung quá dài.");
        if (d.Author.Length > 200) errors.Add("Tên tác giả quá dài.");
        if (!await db.Categories.IgnoreQueryFilters().AnyAsync(c => c.Id == d.CategoryId && c.SiteId == site.Id, ct)) errors.Add("Hãy chọn chuyên mục của trang này.");
        if (d.SourceUrl is { Length: > 0 } u && !(Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add("Đường dẫn bài gốc phải là địa chỉ http(s) đầy đủ.");
        if (d.FeaturedImageUrl is { Length: > 0 } img && !img.StartsWith('/') && !(Uri.TryCreate(img, UriKind.Absolute, out var iu) && iu.Scheme == "https"))
            errors.Add("Ảnh đại diện phải là ảnh đã tải lên hoặc địa chỉ https.");
        if (d.SourceDate is DateOnly sd && sd > DateOnly.FromDateTime(Now.AddDays(1))) errors.Add("Ngày đăng gốc không thể ở tương lai.");
        return errors;
    }

    private static void Apply(Article a, ArticleDraft d)
    {
        a.Title = d.Title.Trim();
        a.CategoryId = d.CategoryId;
        a.Summary = d.Summary.Trim();
        a.Body = d.Body;
        a.Author = d.Author.Trim();
        a.Source = Blank(d.Source);
        a.SourceUrl = Blank(d.SourceUrl);
        a.SourceDate = d.SourceDate;
        a.PermissionReference = Blank(d.PermissionReference);
        a.FeaturedImageUrl = Blank(d.FeaturedImageUrl);
        a.FeaturedImageAlt = Blank(d.FeaturedImageAlt);
        a.IsFeatured = d.IsFeatured;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal async Task<string> UniqueSlugAsync(int siteId, string title, int? exceptId, CancellationToken ct)
    {
        var baseSlug = VietnameseText.Slugify(title, 100);
        if (baseSlug.Length == 0) baseSlug = "bai-viet";
        var taken = await db.Articles.IgnoreQueryFilters().Where(a => a.SiteId == siteId && a.Id != exceptId && a.Slug.StartsWith(baseSlug))
            .Select(a => a.Slug).ToListAsync(ct);
        var set = taken.ToHashSet();
        if (!set.Contains(baseSlug) && !await db.SlugRedirects.IgnoreQueryFilters().AnyAsync(r => r.SiteId == siteId && r.ContentType == "article" && r.OldSlug == baseSlug, ct))
            return baseSlug;
        for (var i = 2; ; i++)
            if (!set.Contains($"{baseSlug}-{i}")) return $"{baseSlug}-{i}";
    }

    private static AuditRecord Record(Site site, Article a, string action, string summary) =>
        new(action, summary, site.Id, "article", a.Id.ToString(CultureInfo.InvariantCulture));

    private static DateTime TruncateToMinute(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    private static string VnTimeText(DateTime utc) => Public.VnTime.DateTimeText(utc);
}
