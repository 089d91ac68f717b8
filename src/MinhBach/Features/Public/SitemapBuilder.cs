using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Public;

/// <summary>Every public page of the current site, for /sitemap.xml.</summary>
public sealed class SitemapBuilder(AppDb db, CurrentSite current, SiteDirectory directory, TimeProvider clock)
{
    public sealed record Entry(string Path, DateTime? LastModified = null);

    public async Task<IReadOnlyList<Entry>> BuildAsync(CancellationToken ct)
    {
        var list = new List<Entry>
        {
            new("/"), new(ContentUrls.News), new(ContentUrls.Organisation), new(ContentUrls.Leaders),
            new(ContentUrls.Contacts), new(ContentUrls.Schedule), new(ContentUrls.Documents), new(ContentUrls.SiteMap),
            new(ContentUrls.Feeds), new("/gioi-thieu"), new(ContentUrls.Questions),
            new(Questions.QuestionUrls.Ask), new(Questions.QuestionUrls.Track),
            new(ContentUrls.Petitions), new(Petitions.PetitionUrls.Submit), new(Petitions.PetitionUrls.Track),
            new(ContentUrls.Consultations),
        };
        var site = current.Required;
        if ((await directory.GetAsync(ct)).ActiveChildrenOf(site.Id).Any())
            list.Add(new(ContentUrls.ComponentSites));
        var pages = await db.Pages.AsNoTracking().Select(p => new { p.Language, p.Slug, p.UpdatedAt }).ToListAsync(ct);
        list.AddRange(pages.Where(p => p.Language == "vi").Select(p => new Entry(ContentUrls.Intro(p.Slug), p.UpdatedAt)));
        if (pages.Any(p => p.Language == "en"))
        {
            list.Add(new(ContentUrls.English));
            list.AddRange(new[] { "organisation", "leaders", "contacts" }.Select(s => new Entry($"{ContentUrls.English}/{s}")));
            list.AddRange(pages.Where(p => p.Language == "en").Select(p => new Entry($"{ContentUrls.English}/{p.Slug}", p.UpdatedAt)));
        }
        list.AddRange((await db.Leaders.AsNoTracking().Select(l => l.Slug).ToListAsync(ct)).Select(s => new Entry(ContentUrls.Leader(s))));
        list.AddRange((await db.Categories.AsNoTracking().Select(c => c.Slug).ToListAsync(ct)).Select(s => new Entry(ContentUrls.Category(s))));
        var articles = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt)
            .Select(a => new { Cat = a.Category!.Slug, a.Slug, a.UpdatedAt }).ToListAsync(ct);
        list.AddRange(articles.Select(a => new Entry(ContentUrls.Article(a.Cat, a.Slug), a.UpdatedAt)));
        var docs = await db.Documents.AsNoTracking().Select(d => new { d.Slug, d.CreatedAt }).ToListAsync(ct);
        list.AddRange(docs.Select(d => new Entry($"{ContentUrls.Documents}/{d.Slug}", d.CreatedAt)));
        // Published questions: those asked on this site and those it answered (read across sites on purpose).
        var questions = await db.Questions.IgnoreQueryFilters().AsNoTracking()
            .Where(q => q.Status == Questions.QuestionStatus.Published && (q.SiteId == site.Id || q.HandlingSiteId == site.Id))
            .Select(q => new { q.Id, q.PublishedAt }).ToListAsync(ct);
        list.AddRange(questions.Select(q => new Entry(Questions.QuestionUrls.Detail(q.Id), q.PublishedAt)));
        // Published petitions, the same way.
        var petitions = await db.Petitions.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == Petitions.PetitionStatus.Published && (p.SiteId == site.Id || p.HandlingSiteId == site.Id))
            .Select(p => new { p.Id, p.PublishedAt }).ToListAsync(ct);
        list.AddRange(petitions.Select(p => new Entry(Petitions.PetitionUrls.Detail(p.Id), p.PublishedAt)));
        // Public consultations, and the comment form of those open today (Viet Nam date).
        var today = VnTime.Today(clock);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.IsPublic)
            .Select(c => new { c.Slug, c.UpdatedAt, c.SynthesisPublishedAt, c.OpensOn, c.ClosesOn }).ToListAsync(ct);
        foreach (var c in consultations)
        {
            list.Add(new Entry(Consultations.ConsultationUrls.Detail(c.Slug), c.SynthesisPublishedAt > c.UpdatedAt ? c.SynthesisPublishedAt : c.UpdatedAt));
            if (c.OpensOn <= today && today <= c.ClosesOn) list.Add(new Entry(Consultations.ConsultationUrls.Comment(c.Slug)));
        }
        return list;
    }
}
