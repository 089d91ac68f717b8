using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Features.Schedules;
using MinhBach.Features.Sites;
using MinhBach.Text;

namespace MinhBach.Data;

/// <summary>
/// One database for every site. Site-owned rows are filtered to the current site; cross-site reads
/// (portal aggregation, province views) go through named services with IgnoreQueryFilters.
/// Each provider has its own subclass so that each keeps its own migrations.
/// <para>Instances are pooled (EF's context pool): a context is set up once and lent to one request or job at a time,
/// which <see cref="Lend"/> gives its services. What a context learnt in one loan is forgotten at the next.</para>
/// </summary>
public abstract class AppDb(DbContextOptions options) : IdentityUserContext<AppUser, int>(options)
{
    private CurrentSite? _currentSite;
    private Features.Catalogue.Catalogue? _catalogue;
    private TimeProvider? _clock;
    private Features.Caching.PageCacheEviction? _eviction;
    private bool _savingDerived;
    private HashSet<string>? _staleTags;

    /// <summary>This loan's services, from the scope that borrows the context.</summary>
    internal AppDb Lend(IServiceProvider services)
    {
        _currentSite = services.GetService<CurrentSite>();
        _catalogue = services.GetService<Features.Catalogue.Catalogue>();
        _clock = services.GetService<TimeProvider>();
        _eviction = services.GetService<Features.Caching.PageCacheEviction>();
        _savingDerived = false;
        _staleTags = null;
        return this;
    }

    /// <summary>Name of a document type ("Nghị định"), indexed with each document so "nghị định 42" finds 42/2022/NĐ-CP.</summary>
    public string? DocumentTypeName(string code) => _catalogue?.DocumentType(code)?.Name;

    internal int CurrentSiteId => _currentSite?.Site?.Id ?? 0;

    public DbSet<Site> Sites => Set<Site>();
    public DbSet<SiteHost> SiteHosts => Set<SiteHost>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Leader> Leaders => Set<Leader>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<SiteLink> SiteLinks => Set<SiteLink>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentLink> DocumentLinks => Set<DocumentLink>();
    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();
    public DbSet<ScheduleEntry> ScheduleEntries => Set<ScheduleEntry>();
    public DbSet<SiteMembership> SiteMemberships => Set<SiteMembership>();
    public DbSet<Features.Media.MediaFile> MediaFiles => Set<Features.Media.MediaFile>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Features.Search.SearchEntry> SearchEntries => Set<Features.Search.SearchEntry>();
    public DbSet<Features.Royalties.RoyaltyRate> RoyaltyRates => Set<Features.Royalties.RoyaltyRate>();
    public DbSet<Features.Royalties.RoyaltyAssignment> RoyaltyAssignments => Set<Features.Royalties.RoyaltyAssignment>();
    public DbSet<Features.Syndication.SyndicationProposal> SyndicationProposals => Set<Features.Syndication.SyndicationProposal>();
    public DbSet<Features.Questions.Question> Questions => Set<Features.Questions.Question>();
    public DbSet<Features.Mail.OutboxMail> OutboxMails => Set<Features.Mail.OutboxMail>();
    public DbSet<Features.Petitions.Petition> Petitions => Set<Features.Petitions.Petition>();
    public DbSet<Features.Ratings.Rating> Ratings => Set<Features.Ratings.Rating>();
    public DbSet<Features.Ratings.RatingSalt> RatingSalts => Set<Features.Ratings.RatingSalt>();
    public DbSet<Features.Consultations.Consultation> Consultations => Set<Features.Consultations.Consultation>();
    public DbSet<Features.Consultations.ConsultationComment> ConsultationComments => Set<Features.Consultations.ConsultationComment>();
    public DbSet<Features.Consultations.ConsultationFile> ConsultationFiles => Set<Features.Consultations.ConsultationFile>();
    public DbSet<Features.Statistics.VisitDay> VisitDays => Set<Features.Statistics.VisitDay>();
    public DbSet<Features.Statistics.VisitPageDay> VisitPageDays => Set<Features.Statistics.VisitPageDay>();
    public DbSet<Features.Statistics.VisitSourceDay> VisitSourceDays => Set<Features.Statistics.VisitSourceDay>();
    public DbSet<Features.Statistics.VisitorMark> VisitorMarks => Set<Features.Statistics.VisitorMark>();
    public DbSet<Features.Statistics.VisitSalt> VisitSalts => Set<Features.Statistics.VisitSalt>();
    public DbSet<Features.Registry.RegistryEntry> RegistryEntries => Set<Features.Registry.RegistryEntry>();
    public DbSet<Features.Registry.RegistryDomain> RegistryDomains => Set<Features.Registry.RegistryDomain>();
    public DbSet<Features.Compliance.ManualFinding> ManualFindings => Set<Features.Compliance.ManualFinding>();
    public DbSet<Features.Compliance.ReviewSnapshot> ReviewSnapshots => Set<Features.Compliance.ReviewSnapshot>();
    public DbSet<Features.Compliance.ReviewSnapshotSite> ReviewSnapshotSites => Set<Features.Compliance.ReviewSnapshotSite>();
    public DbSet<Features.Monitor.MonitorRun> MonitorRuns => Set<Features.Monitor.MonitorRun>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
        });
        b.Entity<SiteMembership>(e =>
        {
            e.HasIndex(m => new { m.UserId, m.SiteId }).IsUnique();
            e.HasIndex(m => m.SiteId);
            e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Site>().WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.Sequence).IsUnique();
            e.HasIndex(a => new { a.SiteId, a.At });
            e.HasIndex(a => a.At);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.IpAddress).HasMaxLength(64);
        });
        b.Entity<Site>(e =>
        {
            e.HasIndex(s => s.Slug).IsUnique();
            e.Property(s => s.Slug).HasMaxLength(64);
            e.Property(s => s.Name).HasMaxLength(300);
            e.Property(s => s.NameEn).HasMaxLength(300);
            e.Property(s => s.KindCode).HasMaxLength(64);
            e.Property(s => s.Theme).HasMaxLength(32);
            e.HasOne(s => s.Parent).WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(s => s.Hosts).WithOne().HasForeignKey(h => h.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SiteHost>(e =>
        {
            e.HasIndex(h => h.Host).IsUnique();
            e.Property(h => h.Host).HasMaxLength(253);
        });
        b.Entity<SlugRedirect>().HasIndex(r => new { r.SiteId, r.ContentType, r.OldSlug }).IsUnique();
        b.Entity<Page>().HasIndex(p => new { p.SiteId, p.Language, p.Slug }).IsUnique();
        b.Entity<Leader>().HasIndex(l => new { l.SiteId, l.Slug }).IsUnique();
        b.Entity<Category>().HasIndex(c => new { c.SiteId, c.Slug }).IsUnique();
        b.Entity<Article>(e =>
        {
            e.HasIndex(a => new { a.SiteId, a.Slug }).IsUnique();
            e.HasIndex(a => new { a.SiteId, a.Status, a.PublishedAt });
            e.HasIndex(a => new { a.SiteId, a.CategoryId, a.Status, a.PublishedAt });
            // The home page's featured article, found without walking every published article of the site. IsFeatured before
            // Status, so that SQLite never takes it for the newest articles of all (it would then sort them all).
            e.HasIndex(a => new { a.SiteId, a.IsFeatured, a.Status, a.PublishedAt });
            e.Property(a => a.Title).HasMaxLength(500);
            e.Property(a => a.TitleFolded).HasMaxLength(500);
            e.Property(a => a.Slug).HasMaxLength(120);
            e.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.SiteId, a.Status, a.ScheduledAt });
        });
        b.Entity<ArticleRevision>(e =>
        {
            e.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            e.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Document>(e =>
        {
            e.HasIndex(d => new { d.SiteId, d.Slug }).IsUnique();
            e.HasIndex(d => new { d.SiteId, d.IssuedOn });
            e.HasIndex(d => d.NumberKey);
            e.HasIndex(d => d.StatusDueOn);
            e.HasIndex(d => new { d.SiteId, d.Status, d.IssuedOn });
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.NumberKey).HasMaxLength(100);
            e.Property(d => d.TypeCode).HasMaxLength(64);
        });
        b.Entity<DocumentLink>(e =>
        {
            e.HasOne<Document>().WithMany(d => d.Links).HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
            // A target deleted leaves the relation as its number, as for a document never stored here.
            e.HasOne<Document>().WithMany().HasForeignKey(l => l.TargetId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(l => l.TargetId);
            e.HasIndex(l => l.TargetKey);
            e.Property(l => l.TargetNumber).HasMaxLength(100);
            e.Property(l => l.TargetKey).HasMaxLength(100);
        });
        b.Entity<DocumentFile>(e =>
        {
            e.HasOne<Document>().WithMany(d => d.Files).HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => f.Path).IsUnique();
            e.HasIndex(f => new { f.DocumentId, f.Order });
            e.Property(f => f.Path).HasMaxLength(100);
            e.Property(f => f.OriginalName).HasMaxLength(250);
            e.Property(f => f.Sha256).HasMaxLength(64);
        });
        b.Entity<ScheduleEntry>().HasIndex(s => new { s.SiteId, s.Date });
        b.Entity<Features.Media.MediaFile>(e =>
        {
            e.HasIndex(m => m.Path).IsUnique();
            e.HasIndex(m => new { m.SiteId, m.CreatedAt });
            e.Property(m => m.Path).HasMaxLength(100);
            e.Ignore(m => m.Url);
        });
        b.Entity<Features.Royalties.RoyaltyRate>(e =>
        {
            e.HasIndex(r => new { r.SiteId, r.Name }).IsUnique();
            e.Property(r => r.Name).HasMaxLength(100);
            e.Property(r => r.DefaultPoints).HasPrecision(8, 2);
        });
        b.Entity<Features.Royalties.RoyaltyAssignment>(e =>
        {
            e.HasIndex(r => r.ArticleId).IsUnique();
            e.HasIndex(r => new { r.SiteId, r.RateId });
            e.Property(r => r.Points).HasPrecision(8, 2);
            e.Property(r => r.Note).HasMaxLength(500);
            e.Property(r => r.AssignedByName).HasMaxLength(200);
            e.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Rate).WithMany().HasForeignKey(r => r.RateId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Features.Syndication.SyndicationProposal>(e =>
        {
            // One pending proposal per article: the service says so in Vietnamese, the index settles races.
            e.HasIndex(p => p.ArticleId).IsUnique().HasFilter("\"Status\" = 0");
            e.HasIndex(p => new { p.TargetSiteId, p.Status, p.ProposedAt });
            e.Property(p => p.Note).HasMaxLength(1000);
            e.Property(p => p.DeclineReason).HasMaxLength(2000);
            e.Property(p => p.ProposedByName).HasMaxLength(200);
            e.Property(p => p.DecidedByName).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne(p => p.Article).WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Site>().WithMany().HasForeignKey(p => p.TargetSiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(p => p.Copy).WithMany().HasForeignKey(p => p.CopyArticleId).OnDelete(DeleteBehavior.SetNull);
        });

        b.Entity<Features.Questions.Question>(e =>
        {
            Features.Requests.RoutedRequestModel.Configure(e);
            e.HasIndex(q => new { q.SiteId, q.Status, q.AskedAt });
            e.Property(q => q.AskerName).HasMaxLength(200);
            e.Property(q => q.AskerEmail).HasMaxLength(256);
            e.Property(q => q.AskerPhone).HasMaxLength(50);
            e.Property(q => q.Topic).HasMaxLength(100);
            e.Property(q => q.Title).HasMaxLength(300);
            e.Property(q => q.PublicTitle).HasMaxLength(300);
            e.Property(q => q.AskedBaseUrl).HasMaxLength(300);
        });
        b.Entity<Features.Petitions.Petition>(e =>
        {
            Features.Requests.RoutedRequestModel.Configure(e);
            e.HasIndex(p => new { p.SiteId, p.Status, p.SubmittedAt });
            e.Property(p => p.PetitionerName).HasMaxLength(200);
            e.Property(p => p.PetitionerEmail).HasMaxLength(256);
            e.Property(p => p.PetitionerPhone).HasMaxLength(50);
            e.Property(p => p.PetitionerAddress).HasMaxLength(300);
            e.Property(p => p.Subject).HasMaxLength(300);
            e.Property(p => p.PublicSubject).HasMaxLength(300);
            e.Property(p => p.SubmittedBaseUrl).HasMaxLength(300);
        });
        b.Entity<Features.Ratings.Rating>(e =>
        {
            // One rating per visitor, page and day: the service says so politely, the index settles races.
            e.HasIndex(r => new { r.SiteId, r.Kind, r.RefId, r.Day, r.VisitorHash }).IsUnique();
            e.HasIndex(r => new { r.SiteId, r.At });
            e.Property(r => r.Kind).HasMaxLength(16);
            e.Property(r => r.VisitorHash).HasMaxLength(64);
            e.Property(r => r.Title).HasMaxLength(500);
            e.Property(r => r.Path).HasMaxLength(300);
            e.Property(r => r.Comment).HasMaxLength(1000);
        });
        b.Entity<Features.Ratings.RatingSalt>(e =>
        {
            e.HasKey(s => s.Day);
            e.Property(s => s.Salt).HasMaxLength(64);
        });
        b.Entity<Features.Consultations.Consultation>(e =>
        {
            e.HasIndex(c => new { c.SiteId, c.Slug }).IsUnique();
            e.HasIndex(c => new { c.SiteId, c.IsPublic, c.ClosesOn });
            e.Property(c => c.Slug).HasMaxLength(120);
            e.Property(c => c.Title).HasMaxLength(500);
            e.Property(c => c.Summary).HasMaxLength(4000);
            e.Property(c => c.DraftingUnit).HasMaxLength(300);
            e.Property(c => c.ContactName).HasMaxLength(300);
            e.Property(c => c.ContactAddress).HasMaxLength(300);
            e.Property(c => c.ContactPhone).HasMaxLength(50);
            e.Property(c => c.ContactEmail).HasMaxLength(256);
            e.Property(c => c.UpdatedByName).HasMaxLength(200);
            e.Property(c => c.SynthesisPath).HasMaxLength(100);
            e.Property(c => c.SynthesisPublishedByName).HasMaxLength(200);
        });
        b.Entity<Features.Consultations.ConsultationComment>(e =>
        {
            e.HasIndex(c => c.SubmissionKey).IsUnique();
            e.HasIndex(c => new { c.ConsultationId, c.Status, c.ArticleNumber });
            e.Property(c => c.AuthorName).HasMaxLength(200);
            e.Property(c => c.AuthorEmail).HasMaxLength(256);
            e.Property(c => c.AuthorPhone).HasMaxLength(50);
            e.Property(c => c.Organisation).HasMaxLength(300);
            e.Property(c => c.Body).HasMaxLength(5000);
            e.Property(c => c.SubmissionKey).HasMaxLength(64);
            e.Property(c => c.ModeratedByName).HasMaxLength(200);
            e.Property(c => c.RespondedByName).HasMaxLength(200);
            e.HasOne(c => c.Consultation).WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Features.Consultations.ConsultationFile>(e =>
        {
            e.HasIndex(f => f.ConsultationId);
            e.Property(f => f.Path).HasMaxLength(100);
            e.Property(f => f.OriginalName).HasMaxLength(260);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.UploadedByName).HasMaxLength(200);
            e.HasOne<Features.Consultations.Consultation>().WithMany().HasForeignKey(f => f.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Features.Mail.OutboxMail>(e =>
        {
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => new { m.SiteId, m.CreatedAt });
            e.Property(m => m.Kind).HasMaxLength(64);
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.Subject).HasMaxLength(500);
            e.Property(m => m.RefType).HasMaxLength(32);
            e.Property(m => m.RefId).HasMaxLength(32);
            e.Property(m => m.LastError).HasMaxLength(1000);
            e.HasOne<Site>().WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Cascade);
        });

        // Visit counts: the keys are what the counter's upserts (INSERT … ON CONFLICT) conflict on.
        b.Entity<Features.Statistics.VisitDay>(e =>
        {
            e.HasKey(v => new { v.SiteId, v.Day });
            e.HasIndex(v => v.Day);
        });
        b.Entity<Features.Statistics.VisitPageDay>(e =>
        {
            e.HasKey(v => new { v.SiteId, v.Day, v.Path });
            e.Property(v => v.Path).HasMaxLength(Features.Statistics.VisitRules.MaxPathLength);
        });
        b.Entity<Features.Statistics.VisitSourceDay>(e =>
        {
            e.HasKey(v => new { v.SiteId, v.Day, v.Referrer, v.Device });
            e.Property(v => v.Referrer).HasMaxLength(32);
            e.Property(v => v.Device).HasMaxLength(16);
        });
        b.Entity<Features.Statistics.VisitorMark>(e =>
        {
            e.HasKey(v => new { v.SiteId, v.Day, v.Hash });
            e.HasIndex(v => v.Day);
        });
        b.Entity<Features.Statistics.VisitSalt>(e =>
        {
            e.HasKey(v => v.Day);
            e.Property(v => v.Salt).HasMaxLength(32);
        });
        b.Entity<Features.Compliance.ManualFinding>(e =>
        {
            e.HasIndex(f => new { f.SiteId, f.RuleId }).IsUnique();
            e.Property(f => f.RuleId).HasMaxLength(16);
            e.Property(f => f.Reason).HasMaxLength(2000);
            e.Property(f => f.UserName).HasMaxLength(256);
        });
        b.Entity<Features.Compliance.ReviewSnapshot>(e =>
        {
            e.HasIndex(s => new { s.PackId, s.TakenAt });
            e.Property(s => s.PackId).HasMaxLength(64);
            e.Property(s => s.Title).HasMaxLength(300);
            e.Property(s => s.TakenByName).HasMaxLength(256);
            e.Property(s => s.AverageScore).HasPrecision(5, 2);
            e.HasMany(s => s.Sites).WithOne().HasForeignKey(x => x.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Features.Compliance.ReviewSnapshotSite>(e =>
        {
            e.HasIndex(x => new { x.SnapshotId, x.SiteKey }).IsUnique();
            e.HasIndex(x => x.SiteId);
            e.Property(x => x.SiteKey).HasMaxLength(253);
            e.Property(x => x.SiteName).HasMaxLength(300);
            e.Property(x => x.KindCode).HasMaxLength(64);
            e.Property(x => x.Score).HasPrecision(5, 2);
            // A site removed later keeps its past results in the snapshot.
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.SetNull);
        });

        b.Entity<Features.Search.SearchEntry>(e =>
        {
            e.HasIndex(x => new { x.Kind, x.RefId }).IsUnique();
            e.HasIndex(x => new { x.SiteId, x.Date });
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(1000);
            e.Property(x => x.Number).HasMaxLength(100);
            e.Property(x => x.TypeCode).HasMaxLength(64);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });

        Features.Registry.RegistryModel.Configure(b);
        Features.Monitor.MonitorRun.Configure(b);

        // The rows people edit through forms carry a version, checked like Article.Version on every update and delete.
        foreach (var type in b.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IVersioned).IsAssignableFrom(t)))
            b.Entity(type).Property(nameof(IVersioned.Version)).IsConcurrencyToken();

        foreach (var type in b.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(ISiteOwned).IsAssignableFrom(t)))
        {
            typeof(AppDb).GetMethod(nameof(FilterToCurrentSite), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, [b]);
            b.Entity(type).HasOne(typeof(Site)).WithMany().HasForeignKey(nameof(ISiteOwned.SiteId)).OnDelete(DeleteBehavior.Cascade);
        }
    }

    private void FilterToCurrentSite<T>(ModelBuilder b) where T : class, ISiteOwned
    {
        Expression<Func<T, bool>> filter = e => e.SiteId == CurrentSiteId;
        b.Entity<T>().HasQueryFilter(filter);
    }

    // Nothing in the app saves synchronously; this keeps the search index in step if something ever does.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var versioned = FillDerivedColumns();
        var indexed = Features.Search.SearchIndexing.Collect(ChangeTracker);
        var derived = DerivedSteps();
        var stale = _eviction is null ? null : Features.Caching.CacheTags.Collect(ChangeTracker);
        // The items, their search entries, the statuses they move and the registry entries of the sites they change
        // commit together (inside the caller's transaction if there is one).
        var own = (indexed.Count > 0 || derived.Count > 0) && Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (stale is { Count: > 0 }) (_staleTags ??= []).UnionWith(stale);
            foreach (var step in derived)
            {
                // The rows a step changes are saved without running the steps again (search still follows them).
                _savingDerived = true;
                try
                {
                    if (await step(cancellationToken)) await SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                finally
                {
                    _savingDerived = false;
                }
            }
            if (indexed.Count > 0) await Features.Search.SearchIndexing.ApplyAsync(this, indexed, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            // Inside the caller's transaction the pages are evicted when it commits (CommitEviction).
            if (Database.CurrentTransaction is null) await EvictCommittedAsync();
            return n;
        }
        catch (DbUpdateException)
        {
            KeepVersions(versioned);
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private TimeProvider Clock => _clock ?? TimeProvider.System;

    /// <summary>Evicts the cached pages that the committed saves made stale.</summary>
    internal async Task EvictCommittedAsync()
    {
        if (_eviction is null || _staleTags is not { Count: > 0 } tags) return;
        _staleTags = null;
        await _eviction.EvictAsync(tags);
    }

    internal void ForgetEvictions() => _staleTags = null;

    /// <summary>
    /// What a save moves in rows derived from others, noted before it (afterwards deleted rows are gone and new ones have
    /// their ids): the statuses of the documents it touches and the registry entries of the sites it changes. Each step
    /// runs after the save and returns whether it changed anything; none while a step's own changes are being saved.
    /// </summary>
    private List<Func<CancellationToken, Task<bool>>> DerivedSteps()
    {
        var steps = new List<Func<CancellationToken, Task<bool>>>();
        if (_savingDerived) return steps;
        var statuses = DocumentStatuses.Collect(ChangeTracker);
        if (statuses.Any)
            steps.Add(ct => DocumentStatuses.ApplyAsync(this, statuses, Features.Public.VnTime.Today(Clock), ct));
        var hosted = Features.Registry.RegistrySync.Collect(ChangeTracker);
        if (hosted.Count > 0)
            steps.Add(ct => Features.Registry.RegistrySync.ApplyAsync(this, Features.Registry.RegistrySync.Resolve(ChangeTracker, hosted),
                Clock.GetUtcNow().UtcDateTime, ct));
        return steps;
    }

    /// <summary>A save that failed wrote nothing: the rows keep the version they were read with.</summary>
    private static void KeepVersions(List<EntityEntry> versioned)
    {
        foreach (var entry in versioned)
        {
            var version = entry.Property(nameof(IVersioned.Version));
            version.CurrentValue = version.OriginalValue;
        }
    }

    /// <summary>Fills the columns derived from others and moves each updated row one version up; returns those rows.</summary>
    private List<EntityEntry> FillDerivedColumns()
    {
        var versioned = new List<EntityEntry>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            // A status moved by the calendar or by another document is not an edit: an editor's open form stays valid.
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned && !(entry.Entity is Document && DocumentStatuses.StatusOnly(entry)))
            {
                // One step above the version that was read: the UPDATE only matches the row while it still has that version.
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
                versioned.Add(entry);
            }
            switch (entry.Entity)
            {
                case Article a:
                    a.TitleFolded = VietnameseText.Fold(a.Title);
                    a.Body = HtmlContent.Sanitize(a.Body);
                    break;
                case ArticleRevision r: r.Body = HtmlContent.Sanitize(r.Body); break;
                case Page p: p.Body = HtmlContent.Sanitize(p.Body); break;
                case Leader l:
                    l.Biography = HtmlContent.Sanitize(l.Biography);
                    l.Duties = HtmlContent.Sanitize(l.Duties);
                    l.DutiesEn = HtmlContent.Sanitize(l.DutiesEn);
                    break;
                case Document d:
                    d.TitleFolded = VietnameseText.Fold(d.Number + " " + d.Title);
                    d.NumberKey = DocumentStatuses.NumberKey(d.Number);
                    break;
                case SiteHost h: h.Host = h.Host.Trim().ToLowerInvariant(); break;
                case Features.Registry.RegistryEntry r: r.UnitNameFolded = Features.Registry.RegistryRules.Folded(r.UnitName); break;
            }
        }
        return versioned;
    }
}

public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options) : AppDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // SQLite has no time-zone type; everything stored is UTC, so say so when reading back.
        c.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // Search filters the hits FTS5 finds by site, kind, type and year. A search entry's row holds its texts and fills a
        // page or more, so reading those columns from the rows costs a page per hit; this narrow index holds them all
        // (SearchEngine asks for it with INDEXED BY), and a hit costs a few bytes.
        b.Entity<Features.Search.SearchEntry>(e =>
            e.HasIndex(x => new { x.Id, x.SiteId, x.AlsoOnSiteId, x.Kind, x.TypeCode, x.Year }).HasDatabaseName(Features.Search.SearchEngine.ScanIndex));
    }
}

public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options) : AppDb(options)
{
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // The full-text index of search: the normal forms are plain ASCII words, so the 'simple' configuration
        // (no stemming, no stop words) indexes them as they are. Number and title weigh most. Its index
        // (IX_SearchEntries_Vector, GIN over the vector and block and site lexemes) is made by the migrations' SQL, not by the model:
        // see SearchIndexes.
        b.Entity<Features.Search.SearchEntry>(e =>
        {
            e.Property<NpgsqlTypes.NpgsqlTsVector>(Features.Search.SearchEntry.VectorColumn)
                .HasComputedColumnSql("""
                    setweight(to_tsvector('simple', "IndexNumber"), 'A') ||
                    setweight(to_tsvector('simple', "IndexTitle"), 'B') ||
                    setweight(to_tsvector('simple', "IndexText"), 'D')
                    """, stored: true);
        });
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => FromStore(v))
{
    /// <summary>A time as read back from either provider: stored in UTC, and SQLite's text says no kind. For readers that
    /// go round EF (<see cref="Features.Search.SearchEngine"/>, <see cref="Features.Articles.ArticlePageStatement"/>).</summary>
    public static DateTime FromStore(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
