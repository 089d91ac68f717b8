using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Royalties;

/// <summary>The outcome of a royalty step: done, or the Vietnamese reasons it was refused (nothing changed).</summary>
public sealed record RoyaltyResult(IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
    public static readonly RoyaltyResult Done = new([]);
    public static RoyaltyResult Refused(params string[] errors) => new(errors);
}

/// <summary>
/// Royalties (nhuận bút): each site's rate table and point value, kept by the editor-in-chief, and the points
/// given to published articles. Every change is saved with its audit entry in one transaction.
/// </summary>
public sealed class RoyaltyService(AppDb db, AuditTrail audit, TimeProvider clock)
{
    public const int MaxRates = 50;
    public const decimal MaxPoints = 1000m;
    public const long MaxPointValue = 100_000_000;

    /// <summary>The rate table a site starts from; each board adjusts it to its own regulation.</summary>
    public static readonly IReadOnlyList<(string Name, decimal Points)> DefaultRates =
        [("Tin ngắn", 1m), ("Bài viết", 3m), ("Ảnh", 1m), ("Phóng sự", 6m)];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanManage(SiteRole? role) => role >= SiteRole.EditorInChief;

    public Task<List<RoyaltyRate>> RatesAsync(Site site, CancellationToken ct = default) =>
        db.RoyaltyRates.IgnoreQueryFilters().AsNoTracking().Where(r => r.SiteId == site.Id)
            .OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>The value of one point in VND, read from the database (not the few-seconds-old site directory).</summary>
    public Task<long> PointValueAsync(Site site, CancellationToken ct = default) =>
        db.Sites.AsNoTracking().Where(s => s.Id == site.Id).Select(s => s.RoyaltyPointValue).FirstAsync(ct);

    public Task<RoyaltyAssignment?> AssignmentAsync(Site site, int articleId, CancellationToken ct = default) =>
        db.RoyaltyAssignments.IgnoreQueryFilters().AsNoTracking().Include(r => r.Rate)
            .FirstOrDefaultAsync(r => r.SiteId == site.Id && r.ArticleId == articleId, ct);

    // --- Rate table -----------------------------------------------------------------------------------

    /// <summary>Fills an empty rate table with <see cref="DefaultRates"/>.</summary>
    public async Task<RoyaltyResult> CreateDefaultRatesAsync(Site site, Editor e, CancellationToken ct = default)
    {
        if (!CanManage(e.Role)) return NotAllowed();
        if (await db.RoyaltyRates.IgnoreQueryFilters().AnyAsync(r => r.SiteId == site.Id, ct))
            return RoyaltyResult.Refused("Biểu mức đã có; hãy sửa từng mức ở bảng dưới.");
        var order = 0;
        foreach (var (name, points) in DefaultRates)
            db.RoyaltyRates.Add(new RoyaltyRate { SiteId = site.Id, Name = name, DefaultPoints = points, Order = ++order });
        var list = string.Join(", ", DefaultRates.Select(r => $"{r.Name} {FormatPoints(r.Points)} điểm"));
        return await SaveAsync(e, new AuditRecord("royalty.rate.create", $"Tạo biểu mức nhuận bút mặc định: {list}.", site.Id, "royalty-rate"), ct);
    }

    public async Task<RoyaltyResult> AddRateAsync(Site site, Editor e, string? name, string? points, CancellationToken ct = default)
    {
        if (!CanManage(e.Role)) return NotAllowed();
        var rates = await RatesAsync(site, ct);
        var errors = ValidateRate(rates, null, name, points, out var cleanName, out var value);
        if (rates.Count >= MaxRates) errors.Add($"Biểu mức có tối đa {MaxRates} mức.");
        if (errors.Count > 0) return new RoyaltyResult(errors);
        var rate = new RoyaltyRate { SiteId = site.Id, Name = cleanName, DefaultPoints = value, Order = rates.Count == 0 ? 1 : rates.Max(r => r.Order) + 1 };
        db.RoyaltyRates.Add(rate);
        return await SaveAsync(e, () => new AuditRecord("royalty.rate.create", $"Thêm mức nhuận bút \"{rate.Name}\" ({FormatPoints(value)} điểm).",
            site.Id, "royalty-rate", rate.Id.ToString(CultureInfo.InvariantCulture)), ct);
    }

    public async Task<RoyaltyResult> UpdateRateAsync(Site site, Editor e, int id, string? name, string? points, CancellationToken ct = default)
    {
        if (!CanManage(e.Role)) return NotAllowed();
        var rates = await RatesAsync(site, ct);
        if (rates.All(r => r.Id != id)) return RoyaltyResult.Refused("Không tìm thấy mức nhuận bút này.");
        var errors = ValidateRate(rates, id, name, points, out var cleanName, out var value);
        if (errors.Count > 0) return new RoyaltyResult(errors);
        var rate = await db.RoyaltyRates.IgnoreQueryFilters().FirstAsync(r => r.Id == id && r.SiteId == site.Id, ct);
        if (rate.Name == cleanName && rate.DefaultPoints == value) return RoyaltyResult.Done;
        var summary = $"Sửa mức nhuận bút \"{rate.Name}\" ({FormatPoints(rate.DefaultPoints)} điểm) thành \"{cleanName}\" ({FormatPoints(value)} điểm).";
        rate.Name = cleanName;
        rate.DefaultPoints = value;
        return await SaveAsync(e, new AuditRecord("royalty.rate.update", summary, site.Id, "royalty-rate", rate.Id.ToString(CultureInfo.InvariantCulture)), ct);
    }

    public async Task<RoyaltyResult> DeleteRateAsync(Site site, Editor e, int id, CancellationToken ct = default)
    {
        if (!CanManage(e.Role)) return NotAllowed();
        var rate = await db.RoyaltyRates.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == id && r.SiteId == site.Id, ct);
        if (rate is null) return RoyaltyResult.Refused("Không tìm thấy mức nhuận bút này.");
        var used = await db.RoyaltyAssignments.IgnoreQueryFilters().CountAsync(r => r.SiteId == site.Id && r.RateId == id, ct);
        if (used > 0)
            return RoyaltyResult.Refused($"Mức \"{rate.Name}\" đã được dùng cho {VietnameseText.FormatNumber(used)} bài nên không xóa được; có thể đổi tên hoặc số điểm.");
        db.RoyaltyRates.Remove(rate);
        return await SaveAsync(e, new AuditRecord("royalty.rate.delete", $"Xóa mức nhuận bút \"{rate.Name}\".", site.Id, "royalty-rate", id.ToString(CultureInfo.InvariantCulture)), ct);
    }

    public async Task<RoyaltyResult> SetPointValueAsync(Site site, Editor e, string? text, CancellationToken ct = default)
    {
        if (!CanManage(e.Role)) return NotAllowed();
        if (ParseMoney(text) is not long value)
            return RoyaltyResult.Refused("Giá trị một điểm phải là số tiền (đồng), ví dụ 100.000.");
        if (value is < 1 or > MaxPointValue)
            return RoyaltyResult.Refused($"Giá trị một điểm phải từ 1 đến {VietnameseText.FormatNumber(MaxPointValue)} đồng.");
        var s = await db.Sites.FirstAsync(x => x.Id == site.Id, ct);
        if (s.RoyaltyPointValue == value) return RoyaltyResult.Done;
        var summary = $"Đổi giá trị một điểm nhuận bút: {FormatMoney(s.RoyaltyPointValue)} → {FormatMoney(value)}.";
        s.RoyaltyPointValue = value;
        return await SaveAsync(e, new AuditRecord("royalty.point-value", summary, site.Id, "site", site.Id.ToString(CultureInfo.InvariantCulture)), ct);
    }

    // --- Points for an article ------------------------------------------------------------------------

    /// <summary>
    /// Gives a published article its royalty: a rate and its points (blank: the rate's default), with an optional
    /// note. Changing it later is allowed and recorded in the audit trail with the values before and after.
    /// </summary>
    public async Task<RoyaltyResult> AssignAsync(Site site, Editor e, int articleId, string? rateId, string? points, string? note, CancellationToken ct = default)
    {
        if (!CanManage(e.Role)) return RoyaltyResult.Refused("Chỉ trưởng ban biên tập trở lên được chấm nhuận bút.");
        var article = await db.Articles.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId && a.SiteId == site.Id, ct);
        if (article is null) return RoyaltyResult.Refused("Không tìm thấy bài viết.");
        if (article.Status != ArticleStatus.Published) return RoyaltyResult.Refused("Chỉ chấm nhuận bút cho bài đã xuất bản.");
        var errors = new List<string>();
        RoyaltyRate? rate = null;
        if (!int.TryParse(rateId, NumberStyles.None, CultureInfo.InvariantCulture, out var rid)
            || (rate = await db.RoyaltyRates.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid && r.SiteId == site.Id, ct)) is null)
            errors.Add("Hãy chọn một mức trong biểu mức nhuận bút của trang.");
        decimal value = 0;
        if (!string.IsNullOrWhiteSpace(points))
        {
            if (ParsePoints(points) is decimal p) value = p;
            else errors.Add("Số điểm phải là số, ví dụ 3 hoặc 2,5 (tối đa hai chữ số thập phân).");
        }
        else if (rate is not null) value = rate.DefaultPoints;
        if (errors.Count == 0 && value is <= 0 or > MaxPoints) errors.Add($"Số điểm phải lớn hơn 0 và không quá {FormatPoints(MaxPoints)}.");
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleanNote?.Length > 500) errors.Add("Ghi chú quá dài (tối đa 500 ký tự).");
        if (errors.Count > 0) return new RoyaltyResult(errors);

        var existing = await db.RoyaltyAssignments.IgnoreQueryFilters().Include(r => r.Rate).FirstOrDefaultAsync(r => r.ArticleId == articleId && r.SiteId == site.Id, ct);
        var target = article.Id.ToString(CultureInfo.InvariantCulture);
        var noteText = cleanNote is null ? "" : $" Ghi chú: {cleanNote}";
        if (existing is null)
        {
            db.RoyaltyAssignments.Add(new RoyaltyAssignment
            {
                SiteId = site.Id, ArticleId = article.Id, RateId = rate!.Id, Points = value, Note = cleanNote,
                AssignedById = e.UserId, AssignedByName = e.Name, AssignedAt = Now, UpdatedAt = Now,
            });
            return await SaveAsync(e, new AuditRecord("royalty.assign",
                $"Chấm nhuận bút bài \"{article.Title}\": {rate.Name}, {FormatPoints(value)} điểm.{noteText}", site.Id, "article", target), ct);
        }
        if (existing.RateId == rate!.Id && existing.Points == value && existing.Note == cleanNote) return RoyaltyResult.Done;
        var before = $"{existing.Rate?.Name} {FormatPoints(existing.Points)} điểm";
        existing.RateId = rate.Id;
        existing.Rate = null;
        existing.Points = value;
        existing.Note = cleanNote;
        existing.AssignedById = e.UserId;
        existing.AssignedByName = e.Name;
        existing.UpdatedAt = Now;
        return await SaveAsync(e, new AuditRecord("royalty.change",
            $"Đổi nhuận bút bài \"{article.Title}\": {before} → {rate.Name} {FormatPoints(value)} điểm.{noteText}", site.Id, "article", target), ct);
    }

    // --- Monthly statement ----------------------------------------------------------------------------

    /// <summary>
    /// The month's statement: articles with royalty points whose publication date (Viet Nam time) falls in the
    /// month and that are still published, grouped by the article's author.
    /// </summary>
    public async Task<RoyaltyStatement> StatementAsync(Site site, Month month, CancellationToken ct = default)
    {
        var pointValue = await PointValueAsync(site, ct);
        var (from, to) = (month.StartUtc, month.EndUtc);
        var rows = await db.RoyaltyAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.SiteId == site.Id && r.Article!.Status == ArticleStatus.Published && r.Article.PublishedAt >= from && r.Article.PublishedAt < to)
            .Select(r => new
            {
                r.ArticleId, r.Article!.Title, r.Article.Author, r.Article.PublishedAt, r.Article.Slug,
                CategorySlug = r.Article.Category!.Slug, RateName = r.Rate!.Name, r.Points, r.Note,
            })
            .ToListAsync(ct);
        var authors = rows
            .GroupBy(r => AuthorOf(r.Author))
            .Select(g => new AuthorStatement(g.Key, g.OrderBy(r => r.PublishedAt).ThenBy(r => r.ArticleId)
                .Select(r => new StatementLine(r.ArticleId, r.Title, ContentUrls.Article(r.CategorySlug, r.Slug), r.PublishedAt, r.RateName, Normal(r.Points),
                    Amount(r.Points, pointValue), r.Note))
                .ToList()))
            .OrderBy(a => VietnameseText.Fold(a.Author), StringComparer.Ordinal).ThenBy(a => a.Author, StringComparer.Ordinal)
            .ToList();
        return new RoyaltyStatement(month, pointValue, authors);
    }

    public static readonly IReadOnlyList<string> ExportHeaders = ["Tác giả", "Tiêu đề bài", "Ngày đăng", "Mức nhuận bút", "Số điểm", "Thành tiền (đồng)"];

    /// <summary>Rows of the XLSX sheet of one month: one per article, then a total line.</summary>
    public static IEnumerable<IReadOnlyList<object?>> ExportRows(RoyaltyStatement s)
    {
        foreach (var a in s.Authors)
            foreach (var l in a.Lines)
                yield return [a.Author, l.Title, VnTime.DateText(l.PublishedAt), l.RateName, l.Points, l.Amount];
        yield return ["Tổng cộng", $"{s.ArticleCount} bài, {s.Authors.Count} tác giả", null, null, s.Points, s.Amount];
    }

    /// <summary>The same number on both databases: PostgreSQL's numeric(8,2) reads back 2.50, SQLite 2.5.</summary>
    private static decimal Normal(decimal d) => d / 1.000000000000000000000000000000000m;

    internal static string AuthorOf(string author) => string.IsNullOrWhiteSpace(author) ? "(Chưa ghi tác giả)" : author.Trim();

    public static long Amount(decimal points, long pointValue) =>
        (long)Math.Round(points * pointValue, 0, MidpointRounding.AwayFromZero);

    /// <summary>2.5 → "2,5"; 3 → "3".</summary>
    public static string FormatPoints(decimal points) =>
        points.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>1250000 → "1.250.000 đ".</summary>
    public static string FormatMoney(long amount) => VietnameseText.FormatNumber(amount) + " đ";

    /// <summary>"3", "2,5" or "2.5" → points with at most two decimals; null when not such a number.</summary>
    public static decimal? ParsePoints(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace(',', '.');
        if (t.Length > 12 || !decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return null;
        return decimal.Round(v, 2) == v ? v : null;
    }

    /// <summary>"100.000", "100 000", "100000" or "100.000 đ" → 100000; null when not a whole amount of đồng.</summary>
    public static long? ParseMoney(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.EndsWith('đ')) t = t[..^1].TrimEnd();
        t = t.Replace(".", "").Replace(" ", "").Replace("\u00a0", "");
        if (t.Length is 0 or > 15 || !t.All(char.IsAsciiDigit)) return null;
        return long.Parse(t, CultureInfo.InvariantCulture);
    }

    private List<string> ValidateRate(IReadOnlyList<RoyaltyRate> rates, int? id, string? name, string? points, out string cleanName, out decimal value)
    {
        var errors = new List<string>();
        cleanName = (name ?? "").Trim();
        value = 0;
        if (cleanName.Length == 0) errors.Add("Tên mức không được để trống.");
        else if (cleanName.Length > 100) errors.Add("Tên mức quá dài (tối đa 100 ký tự).");
        else
        {
            var folded = VietnameseText.Fold(cleanName);
            var same = rates.FirstOrDefault(r => r.Id != id && VietnameseText.Fold(r.Name) == folded);
            if (same is not null) errors.Add($"Đã có mức \"{same.Name}\".");
        }
        if (ParsePoints(points) is not decimal p) errors.Add("Số điểm mặc định phải là số, ví dụ 3 hoặc 2,5 (tối đa hai chữ số thập phân).");
        else if (p is <= 0 or > MaxPoints) errors.Add($"Số điểm mặc định phải lớn hơn 0 và không quá {FormatPoints(MaxPoints)}.");
        else value = p;
        return errors;
    }

    private static RoyaltyResult NotAllowed() => RoyaltyResult.Refused("Chỉ trưởng ban biên tập hoặc quản trị trang được sửa biểu mức nhuận bút.");

    private Task<RoyaltyResult> SaveAsync(Editor e, AuditRecord record, CancellationToken ct) => SaveAsync(e, () => record, ct);

    private async Task<RoyaltyResult> SaveAsync(Editor e, Func<AuditRecord> record, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, e.Audit, record, ct);
            return RoyaltyResult.Done;
        }
        catch (DbUpdateException)
        {
            // A unique index caught a simultaneous change (the same rate name, or points given twice at once).
            db.ChangeTracker.Clear();
            return RoyaltyResult.Refused("Dữ liệu vừa được người khác thay đổi; hãy tải lại trang rồi thử lại.");
        }
    }
}

/// <summary>A calendar month in Viet Nam time, written 2026-11 in addresses.</summary>
public readonly record struct Month(int Year, int Number)
{
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y is < 2000 or > 2100 || m is < 1 or > 12) return false;
        month = new Month(y, m);
        return true;
    }

    public static Month Of(DateTime utc)
    {
        var local = VnTime.ToLocal(utc);
        return new Month(local.Year, local.Month);
    }

    public Month Next => Number == 12 ? new Month(Year + 1, 1) : new Month(Year, Number + 1);
    public Month Previous => Number == 1 ? new Month(Year - 1, 12) : new Month(Year, Number - 1);
    public DateTime StartUtc => VnTime.FromLocal(new DateTime(Year, Number, 1, 0, 0, 0, DateTimeKind.Unspecified));
    public DateTime EndUtc => Next.StartUtc;
    public int Index => Year * 12 + Number - 1;

    /// <summary>"2026-11", as in ?thang=.</summary>
    public override string ToString() => $"{Year:D4}-{Number:D2}";
    /// <summary>"tháng 11/2026".</summary>
    public string Text => $"tháng {Number:D2}/{Year}";
    /// <summary>"Tháng 11-2026": a sheet name may not contain a slash.</summary>
    public string SheetName => $"Tháng {Number:D2}-{Year}";
}

public sealed record StatementLine(int ArticleId, string Title, string Path, DateTime PublishedAt, string RateName, decimal Points, long Amount, string? Note);

public sealed record AuthorStatement(string Author, IReadOnlyList<StatementLine> Lines)
{
    public decimal Points => Lines.Sum(l => l.Points);
    public long Amount => Lines.Sum(l => l.Amount);
}

public sealed record RoyaltyStatement(Month Month, long PointValue, IReadOnlyList<AuthorStatement> Authors)
{
    public int ArticleCount => Authors.Sum(a => a.Lines.Count);
    public decimal Points => Authors.Sum(a => a.Points);
    public long Amount => Authors.Sum(a => a.Amount);
}
