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
/// </summary>
public abstract class AppDb(DbContextOptions options, CurrentSite? currentSite, Features.Catalogue.Catalogue? catalogue = null, TimeProvider? clock = null)
    : IdentityUserContext<AppUser, int>(options)
{
    private bool _savingDerived;

    /// <summary>Name of a document type ("Nghị định"), indexed with each document so "nghị định 42" finds 42/2022/NĐ-CP.</summary>
    public string? DocumentTypeName(string code) => catalogue?.DocumentType(code)?.Name;

    private int CurrentSiteId => currentSite?.Site?.Id ?? 0;

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
            e.HasIndex(q => q.Code).IsUnique();
            e.HasIndex(q => q.SubmissionKey).IsUnique();
            e.HasIndex(q => new { q.SiteId, q.Status, q.AskedAt });
            e.HasIndex(q => new { q.HandlingSiteId, q.Status, q.DueOn });
            e.HasIndex(q => new { q.Status, q.DueOn });
            e.Property(q => q.Code).HasMaxLength(16);
            e.Property(q => q.SubmissionKey).HasMaxLength(64);
            e.Property(q => q.AskerName).HasMaxLength(200);
            e.Property(q => q.AskerEmail).HasMaxLength(256);
            e.Property(q => q.AskerPhone).HasMaxLength(50);
            e.Property(q => q.Topic).HasMaxLength(100);
            e.Property(q => q.Title).HasMaxLength(300);
            e.Property(q => q.PublicTitle).HasMaxLength(300);
            e.Property(q => q.AssignedByName).HasMaxLength(200);
            e.Property(q => q.AnsweredByName).HasMaxLength(200);
            e.Property(q => q.AssignmentNote).HasMaxLength(1000);
            e.Property(q => q.AttachmentPath).HasMaxLength(100);
            e.Property(q => q.AttachmentName).HasMaxLength(200);
            e.Property(q => q.AttachmentType).HasMaxLength(100);
            e.Property(q => q.AskedBaseUrl).HasMaxLength(300);
            e.Property(q => q.HandlingBaseUrl).HasMaxLength(300);
            e.HasOne<Site>().WithMany().HasForeignKey(q => q.HandlingSiteId).OnDelete(DeleteBehavior.Restrict);
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
        var statuses = _savingDerived ? null : DocumentStatuses.Collect(ChangeTracker);
        // The items, their search entries and the statuses they move commit together (inside the caller's transaction if there is one).
        var own = (indexed.Count > 0 || statuses?.Any == true) && Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (statuses?.Any == true)
            {
                _savingDerived = true;
                try
                {
                    if (await DocumentStatuses.ApplyAsync(this, statuses, Features.Public.VnTime.Today(clock ?? TimeProvider.System), cancellationToken))
                        await SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                finally
                {
                    _savingDerived = false;
                }
            }
            if (indexed.Count > 0) await Features.Search.SearchIndexing.ApplyAsync(this, indexed, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
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
            }
        }
        return versioned;
    }
}

public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options, CurrentSite? currentSite = null, Features.Catalogue.Catalogue? catalogue = null, TimeProvider? clock = null)
    : AppDb(options, currentSite, catalogue, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // SQLite has no time-zone type; everything stored is UTC, so say so when reading back.
        c.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options, CurrentSite? currentSite = null, Features.Catalogue.Catalogue? catalogue = null, TimeProvider? clock = null)
    : AppDb(options, currentSite, catalogue, clock)
{
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // The full-text index of search: the normal forms are plain ASCII words, so the 'simple' configuration
        // (no stemming, no stop words) indexes them as they are. Number and title weigh most.
        b.Entity<Features.Search.SearchEntry>(e =>
        {
            e.Property<NpgsqlTypes.NpgsqlTsVector>(Features.Search.SearchEntry.VectorColumn)
                .HasComputedColumnSql("""
                    setweight(to_tsvector('simple', "IndexNumber"), 'A') ||
                    setweight(to_tsvector('simple', "IndexTitle"), 'B') ||
                    setweight(to_tsvector('simple', "IndexText"), 'D')
                    """, stored: true);
            e.HasIndex(Features.Search.SearchEntry.VectorColumn).HasMethod("GIN");
        });
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
