using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Petitions;
using MinhBach.Features.Public;
using MinhBach.Features.Questions;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Features.Ratings;

public enum RatingOutcome
{
    Recorded,
    /// <summary>The same visitor already rated this page today: nothing written, a polite message.</summary>
    Duplicate,
    /// <summary>The form was wrong (no answer, a comment too long): nothing written.</summary>
    Invalid,
    /// <summary>No such page on this site (forged, taken down): nothing written.</summary>
    NotFound,
}

/// <summary>What happened to a rating, the Vietnamese sentence for the visitor, and where the rated page is.</summary>
public sealed record RatingResult(RatingOutcome Outcome, string Message, string? Path = null, string? Title = null);

/// <summary>A page that can be rated: its title and site-relative address.</summary>
public sealed record RatedPage(string Title, string Path);

/// <summary>
/// Records one visitor's rating of a page of the current site: the page must be one that shows the form (a published
/// article, an introduction page, a published question or petition, a document); one rating per visitor, page and day,
/// decided by a keyed hash of the address and browser with the day's salt (<see cref="RatingSalts"/>), so no address is
/// stored and no cookie is needed.
/// </summary>
public sealed class RatingService(AppDb db, RatingSalts salts, QuestionService questions, PetitionService petitions, TimeProvider clock)
{
    public const int CommentMax = 1000;

    public const string Thanks = "Cảm ơn bạn đã đánh giá. Ý kiến của bạn giúp cơ quan cải thiện thông tin.";
    public const string Already = "Bạn đã đánh giá trang này hôm nay; mỗi người đánh giá một lần mỗi ngày. Cảm ơn bạn!";
    public const string Unknown = "Không tìm thấy trang được đánh giá; có thể trang đã được gỡ xuống.";
    public const string NoAnswer = "Hãy chọn \"Có\" hoặc \"Không\" để đánh giá.";

    /// <summary>The page of this site that a (kind, id) names, when it shows the rating form; null otherwise.</summary>
    public async Task<RatedPage?> FindAsync(Site site, string kind, int id, CancellationToken ct)
    {
        switch (kind)
        {
            case RatingKinds.Article:
                var a = await db.Articles.AsNoTracking().Where(x => x.Id == id && x.Status == ArticleStatus.Published)
                    .Select(x => new { x.Title, x.Slug, Cat = x.Category!.Slug }).FirstOrDefaultAsync(ct);
                return a is null ? null : new(a.Title, ContentUrls.Article(a.Cat, a.Slug));
            case RatingKinds.Page:
                var p = await db.Pages.AsNoTracking().Where(x => x.Id == id && x.Language == "vi").Select(x => new { x.Title, x.Slug }).FirstOrDefaultAsync(ct);
                return p is null ? null : new(p.Title, ContentUrls.Intro(p.Slug));
            case RatingKinds.Question:
                var q = await questions.PublishedOn(site).Where(x => x.Id == id).Select(x => new { x.PublicTitle }).FirstOrDefaultAsync(ct);
                return q is null ? null : new(q.PublicTitle ?? "", QuestionUrls.Detail(id));
            case RatingKinds.Petition:
                var pe = await petitions.PublishedOn(site).Where(x => x.Id == id).Select(x => new { x.PublicSubject }).FirstOrDefaultAsync(ct);
                return pe is null ? null : new(pe.PublicSubject ?? "", PetitionUrls.Detail(id));
            case RatingKinds.Document:
                var d = await db.Documents.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Number, x.Title, x.Slug }).FirstOrDefaultAsync(ct);
                return d is null ? null : new($"{d.Number}: {d.Title}", $"{ContentUrls.Documents}/{d.Slug}");
            default:
                return null;
        }
    }

    /// <summary>Checks and records one rating; nothing is written unless it is the visitor's first for this page today.</summary>
    public async Task<RatingResult> RateAsync(Site site, string? kind, string? refId, string? useful, string? comment, string? address, string? userAgent, CancellationToken ct)
    {
        if (!RatingKinds.IsKnown(kind) || !int.TryParse(refId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            return new(RatingOutcome.NotFound, Unknown);
        var page = await FindAsync(site, kind!, id, ct);
        if (page is null) return new(RatingOutcome.NotFound, Unknown);
        bool isUseful;
        if (useful == "co") isUseful = true;
        else if (useful == "khong") isUseful = false;
        else return new(RatingOutcome.Invalid, NoAnswer, page.Path, page.Title);
        var text = Clean(comment);
        if (text?.Length > CommentMax)
            return new(RatingOutcome.Invalid, $"Góp ý dài quá {VietnameseText.FormatNumber(CommentMax)} ký tự (đang có {VietnameseText.FormatNumber(text.Length)}); hãy rút gọn rồi gửi lại.", page.Path, page.Title);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = VnTime.Today(clock);
        var visitor = await salts.VisitorHashAsync(db, today, address, userAgent, ct);
        if (await db.Ratings.AnyAsync(r => r.Kind == kind && r.RefId == id && r.Day == today && r.VisitorHash == visitor, ct))
            return new(RatingOutcome.Duplicate, Already, page.Path, page.Title);
        db.Ratings.Add(new Rating
        {
            SiteId = site.Id, Kind = kind!, RefId = id, Useful = isUseful, Comment = text, At = now, Day = today,
            VisitorHash = visitor, Title = Truncate(page.Title, 500), Path = Truncate(page.Path, 300),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks at the same moment: the unique index kept one.
            db.ChangeTracker.Clear();
            return new(RatingOutcome.Duplicate, Already, page.Path, page.Title);
        }
        return new(RatingOutcome.Recorded, Thanks, page.Path, page.Title);
    }

    /// <summary>The comment as text: NFC, control characters (but line breaks) removed, trimmed; null when empty.</summary>
    private static string? Clean(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) return null;
        var s = new string(comment.Where(c => c is '\n' or '\r' || !char.IsControl(c)).ToArray()).Trim();
        return s.Length == 0 ? null : (s.Length > CommentMax ? s : SearchText.Nfc(s));
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>
/// The day's random salt for the visitor hash, kept in the database so every node of a deployment uses the same one,
/// and cached here per day. Earlier days' salts are deleted when a new day's is made: without its salt an
/// old hash cannot be matched to an address any more.
/// </summary>
public sealed class RatingSalts
{
    private (DateOnly Day, byte[] Key)? _current;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string> VisitorHashAsync(AppDb db, DateOnly day, string? address, string? userAgent, CancellationToken ct)
    {
        var key = await KeyAsync(db, day, ct);
        var input = Encoding.UTF8.GetBytes((address ?? "?") + "\n" + (userAgent ?? ""));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, input))[..32];
    }

    private async Task<byte[]> KeyAsync(AppDb db, DateOnly day, CancellationToken ct)
    {
        if (_current is { } c && c.Day == day) return c.Key;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Day == day) return again.Key;
            var salt = await db.RatingSalts.AsNoTracking().Where(s => s.Day == day).Select(s => s.Salt).FirstOrDefaultAsync(ct);
            if (salt is null)
            {
                db.RatingSalts.Add(new RatingSalt { Day = day, Salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another node made today's salt first: use that one.
                }
                db.ChangeTracker.Clear();
                salt = await db.RatingSalts.AsNoTracking().Where(s => s.Day == day).Select(s => s.Salt).FirstAsync(ct);
                await db.RatingSalts.Where(s => s.Day < day).ExecuteDeleteAsync(ct);
            }
            var key = Convert.FromHexString(salt);
            _current = (day, key);
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
