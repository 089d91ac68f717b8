// The demo province: tỉnh Đông Minh (dongminh.gov.vn), fictional.
//
// 18 sites: the provincial portal, 10 departments, 6 communes and wards, and the former district
// of Krông Ana (merged into xã Đắk Sơn, so its addresses redirect). Every site carries the content
// the law asks of its kind (data/agency-kinds.json, data/content-items.json), except these gaps,
// left on purpose so that compliance reports have something to find (also listed in docs/DEMO.md):
//
//   Sở Y tế (so-y-te)                 leaders without biography, birth year, home town or duties   INF-13
//   Sở Tư pháp (so-tu-phap)           no English pages, no English names of units/leaders/contacts  INF-20
//   Sở Xây dựng (so-xay-dung)         newest article about four months old                          INF-15
//                                     a few articles without author                                 TEC-23
//   Sở Văn hóa, TT và DL (so-vhttdl)  no "cong-khai-ngan-sach" category                             INF-07
//   phường Minh Khai                  no focal-point officials (contacts)                           INF-06
//   xã Quảng Thành                    no leaders' work schedule                                     INF-16
//                                     no administrative boundary map page                           INF-14
//
// Everything is generated from a fixed seed per site, so the demo is the same on every run; only
// the dates move with the injected clock (articles up to "now", the schedule around this week).

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Demo;

/// <summary>Seeds the fictional demo province on an empty database, one transaction per site.</summary>
/// <param name="files">Where the sample documents' files go; without it (tests of the data alone) no file is attached.</param>
public sealed class DemoProvince(AppDb db, TimeProvider clock, Catalogue.Catalogue catalogue, ILogger<DemoProvince> logger,
    Catalogue.WorkingCalendar? calendar = null, Media.IFileStore? files = null)
{
    public async Task SeedAsync(IProgress<string> progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var specs = DemoSites.All();
        var ctx = Plan(specs, clock.GetUtcNow().UtcDateTime);

        // Sites already present (a seed interrupted earlier) are kept as they are; the others are added.
        var existing = await db.Sites.AsNoTracking().Select(s => new { s.Slug, s.Id }).ToDictionaryAsync(s => s.Slug, s => s.Id, ct);
        var ids = new Dictionary<string, int>(existing);
        int sites = 0, articles = 0, documents = 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var i = 0; i < specs.Count; i++)
            {
                var spec = specs[i];
                if (existing.ContainsKey(spec.Slug)) continue;
                progress.Report($"Đang tạo trang {spec.ShortName} ({i + 1}/{specs.Count})…");
                var started = watch.Elapsed;
                var bundle = new DemoSiteBuilder(spec, ctx, catalogue).Build();
                var built = watch.Elapsed;
                bundle.Site.Order = i;
                bundle.Site.ParentId = spec.Tier == DemoTier.Portal ? null : ids.GetValueOrDefault("");
                bundle.Site.MergedIntoId = spec.MergedInto is { } into && ids.TryGetValue(into, out var target) ? target : null;
                ids[spec.Slug] = await WriteAsync(bundle, ct);
                sites++;
                articles += bundle.Articles.Count;
                documents += bundle.Documents.Count;
                logger.LogDebug("Demo site {Slug}: {Articles} articles, {Documents} documents; built in {BuildMs} ms, written in {WriteMs} ms",
                    spec.Slug, bundle.Articles.Count, bundle.Documents.Count, (int)(built - started).TotalMilliseconds, (int)(watch.Elapsed - built).TotalMilliseconds);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        if (files is not null && !existing.ContainsKey("") && ids.TryGetValue("", out var portalId))
        {
            progress.Report("Đang đính kèm toàn văn cho các văn bản mới của Cổng tỉnh…");
            await new DemoDocumentFiles(db, files, new Documents.Extraction.DocumentTextExtractor(), catalogue).AttachAsync(portalId, ct);
        }
        // Questions last: they are asked on one site and answered by another. Without the holiday calendar (a test
        // building the province by hand) due dates skip weekends only.
        await new DemoQuestions(db, clock, calendar ?? new Catalogue.WorkingCalendar([], [])).SeedAsync(ids, ct);
        await new DemoPetitions(db, clock, calendar ?? new Catalogue.WorkingCalendar([], [])).SeedAsync(ids, ct);
        await new DemoConsultations(db, clock, files).SeedAsync(ids, ct);
        // Visit history last, for the sites made in this run: the statistics have months to compare.
        if (!existing.ContainsKey(""))
        {
            progress.Report("Đang tạo số liệu truy cập của 14 tháng qua…");
            await new DemoVisits(db, clock).SeedAsync(ids.Where(i => !existing.ContainsKey(i.Key)).ToDictionary(), specs.ToDictionary(s => s.Slug, s => s.Tier), ct);
        }
        var seconds = DemoText.Dec(watch.Elapsed.TotalSeconds);
        logger.LogInformation("Demo province seeded: {Sites} sites, {Articles} articles, {Documents} documents in {Seconds} s",
            sites, articles, documents, Math.Round(watch.Elapsed.TotalSeconds, 1));
        progress.Report($"Đã tạo tỉnh mẫu Đông Minh: {sites} trang, {DemoText.Num(articles)} tin bài, {DemoText.Num(documents)} văn bản ({seconds} giây).");
    }

    /// <summary>People first, for the whole province: sites name each other's leaders.</summary>
    private static ProvinceContext Plan(IReadOnlyList<SiteSpec> specs, DateTime nowUtc)
    {
        var names = new PeopleFactory();
        var year = (nowUtc + ProvinceContext.VietnamOffset).Year;
        var people = new Dictionary<string, SitePeople>();
        foreach (var spec in specs)
            people[spec.Slug] = DemoPeople.Build(spec, new Random(DemoText.StableSeed("people:" + spec.Slug)), names, year);
        var chair = names.Next(new Random(DemoText.StableSeed("council")), "hdnd");
        return new ProvinceContext { NowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), Specs = specs, People = people, CouncilChair = chair };
    }

    /// <summary>One site in one transaction: all of it or nothing. A few round trips, each a batch of inserts.</summary>
    private async Task<int> WriteAsync(SiteBundle b, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Sites.Add(b.Site);
            await db.SaveChangesAsync(ct);
            var siteId = b.Site.Id;

            foreach (var c in b.Categories) c.SiteId = siteId;
            foreach (var p in b.Pages) p.SiteId = siteId;
            foreach (var l in b.Leaders) l.SiteId = siteId;
            foreach (var c in b.Contacts) c.SiteId = siteId;
            foreach (var l in b.Links) l.SiteId = siteId;
            foreach (var d in b.Documents)
            {
                d.SiteId = siteId;
                foreach (var l in d.Links) l.SiteId = siteId;
            }
            foreach (var e in b.Schedule) e.SiteId = siteId;
            db.AddRange(b.Categories);
            db.AddRange(b.Pages);
            db.AddRange(b.Leaders);
            db.AddRange(b.Contacts);
            db.AddRange(b.Links);
            db.AddRange(b.Documents);
            db.AddRange(b.Schedule);

            // Units level by level: a child needs its parent's id.
            var pending = b.OrgUnits.Select((u, i) => (u.Unit, u.Parent, Index: i)).ToList();
            var saved = new HashSet<int>();
            while (pending.Count > 0)
            {
                var level = pending.Where(p => p.Parent < 0 || saved.Contains(p.Parent)).ToList();
                foreach (var (unit, parent, _) in level)
                {
                    unit.SiteId = siteId;
                    unit.ParentId = parent < 0 ? null : b.OrgUnits[parent].Unit.Id;
                }
                db.AddRange(level.Select(l => l.Unit));
                await db.SaveChangesAsync(ct);
                foreach (var l in level) saved.Add(l.Index);
                pending = pending.Except(level).ToList();
            }

            foreach (var (article, category) in b.Articles)
            {
                article.SiteId = siteId;
                article.CategoryId = category.Id;
            }
            db.AddRange(b.Articles.Select(a => a.Article));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return siteId;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
