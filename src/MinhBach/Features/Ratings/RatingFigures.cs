using Microsoft.EntityFrameworkCore;
using MinhBach.Data;

namespace MinhBach.Features.Ratings;

/// <summary>Useful and not-useful answers over a period; the share is null when nobody rated.</summary>
public sealed record RatingFigure(int Useful, int NotUseful)
{
    public int Total => Useful + NotUseful;
    public double? UsefulShare => Total == 0 ? null : (double)Useful / Total;

    public static readonly RatingFigure None = new(0, 0);
}

/// <summary>
/// The satisfaction figure of each site, for the features that read it (the site's score, the province's statistics):
/// days are Viet Nam days, both ends included, null for an open end. Reads across sites on purpose.
/// </summary>
public sealed class RatingFigures(AppDb db)
{
    public async Task<RatingFigure> ForSiteAsync(int siteId, DateOnly? from, DateOnly? to, CancellationToken ct = default) =>
        (await ForSitesAsync(from, to, siteId, ct)).GetValueOrDefault(siteId) ?? RatingFigure.None;

    /// <summary>Every site that was rated in the period (a site missing from the result had no rating).</summary>
    public Task<IReadOnlyDictionary<int, RatingFigure>> ForAllSitesAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default) =>
        ForSitesAsync(from, to, null, ct);

    private async Task<IReadOnlyDictionary<int, RatingFigure>> ForSitesAsync(DateOnly? from, DateOnly? to, int? siteId, CancellationToken ct)
    {
        var q = db.Ratings.IgnoreQueryFilters().AsNoTracking();
        if (siteId is int id) q = q.Where(r => r.SiteId == id);
        if (from is DateOnly f) q = q.Where(r => r.Day >= f);
        if (to is DateOnly t) q = q.Where(r => r.Day <= t);
        var rows = await q.GroupBy(r => r.SiteId)
            .Select(g => new { SiteId = g.Key, Useful = g.Count(r => r.Useful), NotUseful = g.Count(r => !r.Useful) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.SiteId, r => new RatingFigure(r.Useful, r.NotUseful));
    }
}
