using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Mail;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Consultations;

/// <summary>What a citizen typed into the comment form. <see cref="Target"/> is "" (the whole draft), "5" (Điều 5) or
/// "5.2" (Điều 5, khoản 2).</summary>
public sealed record CommentForm(string? Target, string? Name, string? Email, string? Phone, string? Organisation, string? Body, bool Consent);

/// <summary>What an editor typed into the consultation form.</summary>
public sealed record ConsultationForm(string? Title, string? Slug, string? Summary, string? DraftText, string? OpensOn, string? ClosesOn,
    bool IsPublic, string? DraftingUnit, string? ContactName, string? ContactAddress, string? ContactPhone, string? ContactEmail);

/// <summary>The outcome of a step: done, or the Vietnamese reasons it was refused (nothing changed). NotFound: the
/// consultation or comment is not on this site.</summary>
public sealed record ConsultationResult<T>(IReadOnlyList<string> Errors, T? Value = default, bool NotFound = false) where T : class
{
    public bool Ok => Errors.Count == 0 && !NotFound;
    public static ConsultationResult<T> Refused(params string[] errors) => new(errors);
    public static ConsultationResult<T> Missing(string error) => new([error], NotFound: true);
}

/// <summary>
/// Consultation on drafts: the public's comments taken only while the consultation is open (Viet Nam dates, checked
/// here, on the server), moderated by the site's editors, answered one by one by the drafting unit after closing, and
/// summed up in the synthesis table it publishes. Every change is saved with its audit entry and its outbox mail in one
/// transaction. All reads go through the site filter of <see cref="AppDb"/>: another site's ids are simply not found.
/// </summary>
public sealed class ConsultationService(AppDb db, AuditTrail audit, MailOutbox outbox, IFileStore files, RequestRouting routing, TimeProvider clock,
    ILogger<ConsultationService> log)
{
    public const int TitleMax = 500;
    public const int SummaryMax = 4000;
    public const int DraftMax = 500_000;
    public const int NameMax = 200;
    public const int OrganisationMax = 300;
    public const int BodyMax = 5000;
    public const int ResponseMax = 10_000;
    public const int ContactMax = 300;
    public const long MaxFileBytes = 30 * 1024 * 1024;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => VnTime.Today(clock);

    public ConsultationPhase Phase(Consultation c) => Today < c.OpensOn ? ConsultationPhase.Upcoming : Today > c.ClosesOn ? ConsultationPhase.Closed : ConsultationPhase.Open;

    /// <summary>Days left after today (0 on the last day).</summary>
    public int DaysLeft(Consultation c) => c.ClosesOn.DayNumber - Today.DayNumber;

    /// <summary>"còn 12 ngày", "hôm nay là ngày cuối", "bắt đầu sau 3 ngày", "đã kết thúc ngày 30/11/2026".</summary>
    public string PhaseNote(Consultation c) => Phase(c) switch
    {
        ConsultationPhase.Upcoming => $"bắt đầu nhận góp ý sau {c.OpensOn.DayNumber - Today.DayNumber} ngày",
        ConsultationPhase.Open => DaysLeft(c) == 0 ? "hôm nay là ngày cuối nhận góp ý" : $"còn {DaysLeft(c)} ngày",
        _ => $"đã kết thúc ngày {VnTime.DateText(c.ClosesOn)}",
    };

    public IQueryable<Consultation> Public() => db.Consultations.AsNoTracking().Where(c => c.IsPublic);

    /// <summary>A public consultation by its slug, or by its number (an old or short link).</summary>
    public async Task<Consultation?> FindPublicAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200) return null;
        var found = await Public().FirstOrDefaultAsync(c => c.Slug == key, ct);
        if (found is null && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            found = await Public().FirstOrDefaultAsync(c => c.Id == id, ct);
        return found;
    }

    public Task<List<ConsultationComment>> ApprovedAsync(int consultationId, CancellationToken ct) =>
        db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == consultationId && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>Approved comments per consultation, for lists.</summary>
    public async Task<IReadOnlyDictionary<int, int>> ApprovedCountsAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<int, int>() : await db.ConsultationComments.AsNoTracking()
            .Where(c => ids.Contains(c.ConsultationId) && c.Status == CommentStatus.Approved)
            .GroupBy(c => c.ConsultationId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

    public Task<List<ConsultationFile>> FilesAsync(int consultationId, CancellationToken ct) =>
        db.ConsultationFiles.AsNoTracking().Where(f => f.ConsultationId == consultationId).OrderBy(f => f.Id).ToListAsync(ct);

    // ------------------------------------------------------------------------------------------------ comments

    /// <summary>
    /// Takes a comment on a public consultation of the site, while it is open. The same submission key twice returns
    /// the comment already made (a double click, a reload). On success the comment, its receipt to the commenter (when
    /// an e-mail is given), the notice to the site's editors and the audit entry are saved together.
    /// </summary>
    public async Task<ConsultationResult<ConsultationComment>> CommentAsync(Site site, string? key, CommentForm form, string? submissionKey,
        string baseUrl, AuditActor actor, CancellationToken ct)
    {
        var c = await FindPublicAsync(key, ct);
        if (c is null) return ConsultationResult<ConsultationComment>.Missing("Không tìm thấy dự thảo này trên trang; có thể đường dẫn đã sai hoặc dự thảo đã được gỡ. Hãy chọn dự thảo trong danh sách lấy ý kiến.");

        var subKey = RequestForms.SubmissionKey(submissionKey);
        if (subKey is not null && await db.ConsultationComments.AsNoTracking().FirstOrDefaultAsync(x => x.SubmissionKey == subKey && x.ConsultationId == c.Id, ct) is { } earlier)
            return new([], earlier);

        switch (Phase(c))
        {
            case ConsultationPhase.Upcoming:
                return ConsultationResult<ConsultationComment>.Refused($"Dự thảo này chưa đến thời gian lấy ý kiến: góp ý được nhận từ ngày {VnTime.DateText(c.OpensOn)} đến hết ngày {VnTime.DateText(c.ClosesOn)}. Góp ý của bạn chưa được gửi.");
            case ConsultationPhase.Closed:
                return ConsultationResult<ConsultationComment>.Refused($"Đã hết thời gian lấy ý kiến dự thảo này (đến hết ngày {VnTime.DateText(c.ClosesOn)}). Góp ý của bạn không được gửi.");
        }

        var errors = new List<string>();
        var check = new FormCheck(errors);
        var (article, clause, targetError) = ReadTarget(form.Target, DraftParser.Parse(c.DraftText));
        if (targetError is not null) check.Fail(targetError);
        var name = check.Required(form.Name, "Họ và tên", NameMax);
        var (email, phone) = RequestForms.Contact(check, errors, form.Email, form.Phone, "Hãy ghi thư điện tử hoặc số điện thoại để cơ quan soạn thảo liên hệ khi cần.");
        var organisation = check.Optional(form.Organisation, "Tên tổ chức", OrganisationMax);
        var body = check.Required(form.Body, "Nội dung góp ý", BodyMax);
        if (!form.Consent) check.Fail("Hãy đánh dấu ô đồng ý với thông báo xử lý dữ liệu cá nhân để gửi góp ý.");
        RequestForms.CheckKey(check, submissionKey, subKey);
        if (!check.Ok) return new(errors);

        var comment = new ConsultationComment
        {
            SiteId = site.Id, ConsultationId = c.Id, ArticleNumber = article, ClauseNumber = clause,
            AuthorName = SearchText.Nfc(name), AuthorEmail = email, AuthorPhone = phone,
            Organisation = organisation is null ? null : SearchText.Nfc(organisation), Body = SearchText.Nfc(body.Replace("\r\n", "\n")),
            SubmittedAt = Now, SubmissionKey = subKey, Status = CommentStatus.Pending,
        };
        db.ConsultationComments.Add(comment);
        if (email is not null) outbox.Enqueue(db, site.Id, ConsultationMails.Received(comment, c, site, baseUrl));
        foreach (var to in await routing.StaffAsync(site, SiteRole.Editor, ct))
            outbox.Enqueue(db, site.Id, ConsultationMails.NewComment(to, comment, c, site, baseUrl));
        try
        {
            await audit.SaveAsync(db, actor, () => new AuditRecord("consultation.comment",
                $"Nhận góp ý số {Id(comment.Id)} về {ConsultationNames.Target(article, clause)} của dự thảo \"{c.Title}\" (chờ duyệt).", site.Id, "consultation", Id(c.Id)),
                CancellationToken.None);
            return new([], comment);
        }
        catch (DbUpdateException) when (subKey is not null)
        {
            // The same form a moment ago (a double click that raced): the comment already made.
            db.ChangeTracker.Clear();
            if (await db.ConsultationComments.AsNoTracking().FirstOrDefaultAsync(x => x.SubmissionKey == subKey, ct) is { } same) return new([], same);
            throw;
        }
    }

    /// <summary>Reads "", "5" or "5.2" against the draft's articles and clauses.</summary>
    public static (int? Article, int? Clause, string? Error) ReadTarget(string? target, DraftStructure draft)
    {
        var t = target?.Trim() ?? "";
        if (t.Length == 0) return (null, null, null);
        var parts = t.Split('.');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            || (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return (null, null, "Hãy chọn điều được góp ý trong danh sách (hoặc \"Toàn văn dự thảo\").");
        int? k = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        if (!draft.Has(a, k))
            return (null, null, draft.Article(a) is null
                ? $"Dự thảo không có Điều {a}; hãy chọn điều được góp ý trong danh sách."
                : $"Điều {a} không có khoản {k}; hãy chọn khoản trong danh sách.");
        return (a, k, null);
    }

    /// <summary>Approves (shown under its article) or rejects (hidden) a comment; either can be reversed until the
    /// synthesis is published.</summary>
    public async Task<ConsultationResult<ConsultationComment>> ModerateAsync(Site site, Editor e, int consultationId, int commentId, int version, bool approve, CancellationToken ct)
    {
        var (comment, refused) = await LoadCommentAsync(site, e, consultationId, commentId, version, ct);
        if (comment is null) return refused!;
        var c = comment.Consultation!;
        if (c.SynthesisPublishedAt is not null)
            return ConsultationResult<ConsultationComment>.Refused("Bảng tổng hợp ý kiến đã được công bố; không duyệt lại góp ý được nữa.");
        var to = approve ? CommentStatus.Approved : CommentStatus.Rejected;
        if (comment.Status == to)
            return ConsultationResult<ConsultationComment>.Refused(approve ? "Góp ý này đã được duyệt." : "Góp ý này đã ở trạng thái không duyệt.");
        comment.Status = to;
        comment.ModeratedAt = Now;
        comment.ModeratedByName = e.Name;
        if (!approve)
        {
            // A hidden comment is not in the synthesis: its answer would have nothing to answer.
            comment.Resolution = CommentResolution.None;
            comment.Response = null;
        }
        return await CommitAsync(e, comment, new AuditRecord(approve ? "consultation.approve" : "consultation.reject",
            $"{(approve ? "Duyệt" : "Không duyệt")} góp ý số {Id(comment.Id)} về {ConsultationNames.Target(comment.ArticleNumber, comment.ClauseNumber)} của dự thảo \"{c.Title}\".",
            site.Id, "consultation", Id(c.Id)), ct);
    }

    /// <summary>Records the drafting unit's answer to an approved comment, once the consultation has closed.</summary>
    public async Task<ConsultationResult<ConsultationComment>> ResolveAsync(Site site, Editor e, int consultationId, int commentId, int version,
        string? resolution, string? response, CancellationToken ct)
    {
        var (comment, refused) = await LoadCommentAsync(site, e, consultationId, commentId, version, ct);
        if (comment is null) return refused!;
        var c = comment.Consultation!;
        if (Phase(c) != ConsultationPhase.Closed)
            return ConsultationResult<ConsultationComment>.Refused($"Chỉ tiếp thu, giải trình sau khi hết thời gian lấy ý kiến (hết ngày {VnTime.DateText(c.ClosesOn)}).");
        if (comment.Status != CommentStatus.Approved)
            return ConsultationResult<ConsultationComment>.Refused("Chỉ tiếp thu, giải trình góp ý đã được duyệt.");
        var errors = new List<string>();
        var check = new FormCheck(errors);
        var r = resolution switch
        {
            "tiep-thu" => CommentResolution.Accepted,
            "tiep-thu-mot-phan" => CommentResolution.PartlyAccepted,
            "giai-trinh" => CommentResolution.Explained,
            _ => CommentResolution.None,
        };
        if (r == CommentResolution.None) check.Fail("Hãy chọn tiếp thu, tiếp thu một phần hoặc giải trình.");
        var text = r == CommentResolution.Accepted
            ? check.Optional(response, "Ý kiến tiếp thu, giải trình", ResponseMax)
            : check.Required(response, "Ý kiến tiếp thu, giải trình", ResponseMax);
        if (!check.Ok) return new(errors);
        comment.Resolution = r;
        comment.Response = text is null ? null : SearchText.Nfc(text.Replace("\r\n", "\n"));
        comment.RespondedAt = Now;
        comment.RespondedByName = e.Name;
        return await CommitAsync(e, comment, new AuditRecord("consultation.resolve",
            $"{ConsultationNames.Resolution(r)} góp ý số {Id(comment.Id)} về {ConsultationNames.Target(comment.ArticleNumber, comment.ClauseNumber)} của dự thảo \"{c.Title}\".",
            site.Id, "consultation", Id(c.Id)), ct);
    }

    private async Task<(ConsultationComment?, ConsultationResult<ConsultationComment>?)> LoadCommentAsync(Site site, Editor e, int consultationId, int commentId, int version, CancellationToken ct)
    {
        if (e.Role is null || e.Role < SiteRole.Editor)
            return (null, ConsultationResult<ConsultationComment>.Refused($"Chỉ biên tập viên trở lên của {site.Name} được xử lý góp ý."));
        var comment = await db.ConsultationComments.Include(x => x.Consultation).FirstOrDefaultAsync(x => x.Id == commentId && x.ConsultationId == consultationId, ct);
        if (comment is null) return (null, ConsultationResult<ConsultationComment>.Missing("Không tìm thấy góp ý."));
        if (comment.Version != version) return (null, ConsultationResult<ConsultationComment>.Refused("Góp ý vừa được người khác xử lý; hãy tải lại trang."));
        return (comment, null);
    }

    private async Task<ConsultationResult<ConsultationComment>> CommitAsync(Editor e, ConsultationComment comment, AuditRecord record, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, e.Audit, record, ct);
            return new([], comment);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ConsultationResult<ConsultationComment>.Refused("Góp ý vừa được người khác xử lý; hãy tải lại trang.");
        }
    }

    // ------------------------------------------------------------------------------------------- consultations

    /// <summary>Checks the form, splits the draft (duplicate article numbers refuse the save; an article that already
    /// has comments must stay in the text) and creates or updates the consultation with its audit entry.</summary>
    public async Task<ConsultationResult<Consultation>> SaveAsync(Site site, Editor e, int? id, int version, ConsultationForm form, CancellationToken ct)
    {
        if (e.Role is null || e.Role < SiteRole.Editor)
            return ConsultationResult<Consultation>.Refused($"Chỉ biên tập viên trở lên của {site.Name} được tạo và sửa dự thảo lấy ý kiến.");
        Consultation? c = null;
        if (id is int existing)
        {
            c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (c is null) return ConsultationResult<Consultation>.Missing("Không tìm thấy dự thảo lấy ý kiến.");
            if (c.Version != version) return ConsultationResult<Consultation>.Refused("Dự thảo vừa được người khác sửa; hãy tải lại trang rồi sửa lại.");
        }
        var errors = new List<string>();
        var check = new FormCheck(errors);
        var title = check.Required(form.Title, "Tên dự thảo", TitleMax);
        var slug = check.Slug(form.Slug, title);
        if (slug.Length > 0 && slug.All(char.IsAsciiDigit)) check.Fail("Đường dẫn không được chỉ gồm chữ số.");
        var summary = check.Optional(form.Summary, "Tóm tắt", SummaryMax) ?? "";
        var text = (form.DraftText ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0) check.Fail("Toàn văn dự thảo không được để trống: dán toàn văn hoặc lấy từ tệp DOCX.");
        else if (text.Length > DraftMax) check.Fail($"Toàn văn dự thảo dài quá {VietnameseText.FormatNumber(DraftMax)} ký tự (đang có {VietnameseText.FormatNumber(text.Length)}).");
        var opens = ReadDate(form.OpensOn, "Ngày bắt đầu lấy ý kiến", check);
        var closes = ReadDate(form.ClosesOn, "Ngày kết thúc lấy ý kiến", check);
        if (opens is { } o && closes is { } cl && cl < o) check.Fail("Ngày kết thúc lấy ý kiến phải từ ngày bắt đầu trở đi.");
        var unit = check.Required(form.DraftingUnit, "Cơ quan chủ trì soạn thảo", ContactMax);
        var contactName = check.Optional(form.ContactName, "Người tiếp nhận góp ý", ContactMax);
        var address = check.Optional(form.ContactAddress, "Địa chỉ", ContactMax);
        var phone = check.Phone(form.ContactPhone, "Điện thoại");
        var email = check.Email(form.ContactEmail, "Thư điện tử");
        if (phone is null && email is null && address is null)
            check.Fail("Hãy ghi ít nhất một cách liên hệ của đơn vị tiếp nhận góp ý (địa chỉ, điện thoại hoặc thư điện tử).");

        var draft = DraftParser.Parse(text);
        foreach (var err in draft.Errors) check.Fail(err);
        if (c is not null && text.Length > 0)
        {
            var commented = await db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == c.Id && x.Status != CommentStatus.Rejected && x.ArticleNumber != null)
                .Select(x => new { x.ArticleNumber, x.ClauseNumber }).Distinct().ToListAsync(ct);
            foreach (var lost in commented.Where(x => !draft.Has(x.ArticleNumber, x.ClauseNumber)).Select(x => ConsultationNames.Target(x.ArticleNumber, x.ClauseNumber)).Distinct())
                check.Fail($"{lost} đã có góp ý; toàn văn mới phải giữ {lost} để góp ý không bị lạc.");
        }
        if (check.Ok && await db.Consultations.AnyAsync(x => x.Slug == slug && x.Id != (c == null ? 0 : c.Id), ct))
            check.Fail($"Đường dẫn \"{slug}\" đã dùng cho dự thảo khác; hãy chọn đường dẫn khác.");
        if (!check.Ok) return new(errors);

        var isNew = c is null;
        c ??= new Consultation { SiteId = site.Id, CreatedAt = Now };
        var changes = isNew ? [] : Changes(c, title, opens!.Value, closes!.Value, text, form.IsPublic);
        c.Title = SearchText.Nfc(title);
        c.Slug = slug;
        c.Summary = SearchText.Nfc(summary);
        c.DraftText = SearchText.Nfc(text);
        c.ArticleCount = draft.Articles.Count;
        c.OpensOn = opens!.Value;
        c.ClosesOn = closes!.Value;
        c.IsPublic = form.IsPublic;
        c.DraftingUnit = SearchText.Nfc(unit);
        c.ContactName = contactName;
        c.ContactAddress = address;
        c.ContactPhone = phone;
        c.ContactEmail = email;
        c.UpdatedAt = Now;
        c.UpdatedByName = e.Name;
        if (isNew) db.Consultations.Add(c);
        try
        {
            await audit.SaveAsync(db, e.Audit, () => new AuditRecord(isNew ? "consultation.create" : "consultation.update",
                isNew
                    ? $"Tạo dự thảo lấy ý kiến \"{c.Title}\" ({c.ArticleCount} điều), lấy ý kiến từ {VnTime.DateText(c.OpensOn)} đến {VnTime.DateText(c.ClosesOn)}{(c.IsPublic ? "" : ", chưa hiển thị")}."
                    : $"Sửa dự thảo lấy ý kiến \"{c.Title}\"{(changes.Count == 0 ? "" : ": " + string.Join("; ", changes))}.",
                site.Id, "consultation", Id(c.Id)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ConsultationResult<Consultation>.Refused("Dự thảo vừa được người khác sửa; hãy tải lại trang rồi sửa lại.");
        }
        return new([], c);
    }

    private static List<string> Changes(Consultation c, string title, DateOnly opens, DateOnly closes, string text, bool isPublic)
    {
        var list = new List<string>();
        if (c.Title != title) list.Add($"tên cũ \"{c.Title}\"");
        if (c.OpensOn != opens || c.ClosesOn != closes) list.Add($"thời gian lấy ý kiến từ {VnTime.DateText(opens)} đến {VnTime.DateText(closes)} (trước: {VnTime.DateText(c.OpensOn)} – {VnTime.DateText(c.ClosesOn)})");
        if (c.DraftText != text) list.Add("sửa toàn văn");
        if (c.IsPublic != isPublic) list.Add(isPublic ? "hiển thị trên trang" : "ẩn khỏi trang");
        return list;
    }

    /// <summary>A date as the date field sends it (2026-11-30) or as people type it (30/11/2026).</summary>
    private static DateOnly? ReadDate(string? value, string label, FormCheck check)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0)
        {
            check.Fail($"{label} không được để trống.");
            return null;
        }
        if (DateOnly.TryParseExact(v, ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
            return d;
        check.Fail($"{label} \"{v}\" không hợp lệ (ví dụ: 30/11/2026).");
        return null;
    }

    // ---------------------------------------------------------------------------------------------- files

    /// <summary>Adds a file of the draft: PDF, DOCX or DOC judged by its bytes, stored, then its row and audit entry.</summary>
    public async Task<ConsultationResult<ConsultationFile>> AddFileAsync(Site site, Editor e, int consultationId, IncomingFile upload, CancellationToken ct)
    {
        if (e.Role is null || e.Role < SiteRole.Editor) return ConsultationResult<ConsultationFile>.Refused($"Chỉ biên tập viên trở lên của {site.Name} được thêm tệp dự thảo.");
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == consultationId, ct);
        if (c is null) return ConsultationResult<ConsultationFile>.Missing("Không tìm thấy dự thảo lấy ý kiến.");
        var name = MediaService.DisplayName(upload.FileName);
        var bytes = await upload.ReadAsync(MaxFileBytes, ct);
        if (bytes is null) return ConsultationResult<ConsultationFile>.Refused($"Tệp dự thảo quá lớn: tối đa {MaxFileBytes / 1024 / 1024} MB.");
        if (bytes.Length == 0) return ConsultationResult<ConsultationFile>.Refused($"Tệp \"{name}\" rỗng (0 byte).");
        var format = DocumentTextExtractor.DetectFormat(bytes);
        if (format == DocumentFileFormat.Unknown)
            return ConsultationResult<ConsultationFile>.Refused($"Tệp \"{name}\" không được nhận: chỉ nhận tệp PDF, DOC hoặc DOCX (đã kiểm tra nội dung tệp, không dựa vào tên tệp).");
        var now = Now;
        var extension = Extension(format);
        var path = string.Create(CultureInfo.InvariantCulture, $"{site.Id}/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}.{extension}");
        var dot = name.LastIndexOf('.');
        var file = new ConsultationFile
        {
            SiteId = site.Id, ConsultationId = c.Id, Path = path, OriginalName = (dot > 0 ? name[..dot] : name) + "." + extension, Format = format,
            Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = now, UploadedByName = e.Name,
        };
        await files.SaveAsync(path, bytes, CancellationToken.None);
        try
        {
            db.ConsultationFiles.Add(file);
            await audit.SaveAsync(db, e.Audit, new AuditRecord("consultation.file.add", $"Thêm tệp \"{file.OriginalName}\" vào dự thảo \"{c.Title}\".", site.Id, "consultation", Id(c.Id)), CancellationToken.None);
        }
        catch
        {
            TryDelete(path);
            throw;
        }
        return new([], file);
    }

    public async Task<ConsultationResult<ConsultationFile>> DeleteFileAsync(Site site, Editor e, int consultationId, int fileId, CancellationToken ct)
    {
        if (e.Role is null || e.Role < SiteRole.Editor) return ConsultationResult<ConsultationFile>.Refused($"Chỉ biên tập viên trở lên của {site.Name} được xóa tệp dự thảo.");
        var file = await db.ConsultationFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.ConsultationId == consultationId, ct);
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == consultationId, ct);
        if (file is null || c is null) return ConsultationResult<ConsultationFile>.Missing("Không tìm thấy tệp.");
        db.ConsultationFiles.Remove(file);
        await audit.SaveAsync(db, e.Audit, new AuditRecord("consultation.file.delete", $"Xóa tệp \"{file.OriginalName}\" khỏi dự thảo \"{c.Title}\".", site.Id, "consultation", Id(c.Id)), ct);
        TryDelete(file.Path);
        return new([], file);
    }

    private static string Extension(DocumentFileFormat f) => f switch { DocumentFileFormat.Pdf => "pdf", DocumentFileFormat.Docx => "docx", _ => "doc" };

    private void TryDelete(string path)
    {
        try
        {
            files.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(ex, "Consultation file {Path} could not be removed.", path);
        }
    }

    // ------------------------------------------------------------------------------------------- synthesis

    /// <summary>What still stops the synthesis from being published, in Vietnamese; empty when it may be.</summary>
    public async Task<IReadOnlyList<string>> SynthesisBlockersAsync(Consultation c, CancellationToken ct)
    {
        var list = new List<string>();
        if (Phase(c) != ConsultationPhase.Closed)
            list.Add($"Chưa hết thời gian lấy ý kiến (đến hết ngày {VnTime.DateText(c.ClosesOn)}).");
        var comments = db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == c.Id);
        var pending = await comments.CountAsync(x => x.Status == CommentStatus.Pending, ct);
        var unresolved = await comments.CountAsync(x => x.Status == CommentStatus.Approved && x.Resolution == CommentResolution.None, ct);
        if (pending > 0) list.Add($"Còn {pending} góp ý chờ duyệt.");
        if (unresolved > 0) list.Add($"Còn {unresolved} góp ý đã duyệt chưa có ý kiến tiếp thu, giải trình.");
        return list;
    }

    /// <summary>The synthesis table as it stands (a working copy for the editor; audited as an export).</summary>
    public async Task<byte[]> ExportSynthesisAsync(Site site, Editor e, Consultation c, CancellationToken ct)
    {
        var bytes = SynthesisDocument.Build(site, c, await ApprovedAsync(c.Id, ct), Today);
        await audit.SaveAsync(db, e.Audit, new AuditRecord("consultation.synthesis.export", $"Xuất bảng tổng hợp ý kiến của dự thảo \"{c.Title}\" (DOCX).", site.Id, "consultation", Id(c.Id)), ct);
        return bytes;
    }

    /// <summary>Publishes the synthesis table (DOCX) on the consultation page; publishing again replaces it.</summary>
    public async Task<ConsultationResult<Consultation>> PublishSynthesisAsync(Site site, Editor e, int consultationId, int version, CancellationToken ct)
    {
        if (e.Role is null || e.Role < SiteRole.Editor) return ConsultationResult<Consultation>.Refused($"Chỉ biên tập viên trở lên của {site.Name} được công bố bảng tổng hợp.");
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == consultationId, ct);
        if (c is null) return ConsultationResult<Consultation>.Missing("Không tìm thấy dự thảo lấy ý kiến.");
        if (c.Version != version) return ConsultationResult<Consultation>.Refused("Dự thảo vừa được người khác sửa; hãy tải lại trang.");
        var blockers = await SynthesisBlockersAsync(c, ct);
        if (blockers.Count > 0) return new(["Chưa công bố được bảng tổng hợp:", .. blockers]);
        var comments = await ApprovedAsync(c.Id, ct);
        var bytes = SynthesisDocument.Build(site, c, comments, Today);
        var now = Now;
        var old = c.SynthesisPath;
        var path = string.Create(CultureInfo.InvariantCulture, $"{site.Id}/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}.docx");
        await files.SaveAsync(path, bytes, CancellationToken.None);
        var again = c.SynthesisPublishedAt is not null;
        c.SynthesisPath = path;
        c.SynthesisSize = bytes.Length;
        c.SynthesisPublishedAt = now;
        c.SynthesisPublishedByName = e.Name;
        try
        {
            await audit.SaveAsync(db, e.Audit, new AuditRecord("consultation.synthesis.publish",
                $"{(again ? "Công bố lại" : "Công bố")} bảng tổng hợp, tiếp thu, giải trình {comments.Count} ý kiến góp ý dự thảo \"{c.Title}\".", site.Id, "consultation", Id(c.Id)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            TryDelete(path);
            return ConsultationResult<Consultation>.Refused("Dự thảo vừa được người khác sửa; hãy tải lại trang.");
        }
        if (old is not null) TryDelete(old);
        return new([], c);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
