using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MinhBach.Data;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Public;
using MinhBach.Text;

namespace MinhBach.Features.Documents;

/// <summary>
/// The status of a document (còn hiệu lực, chưa có hiệu lực, hết hiệu lực một phần/toàn bộ), computed from its own dates
/// and from what other documents do to it once they are in force: a replacement or repeal of the whole ends it, an
/// amendment or a partial replacement or repeal ends part of it, guidance changes nothing. The status is stored so that
/// lists filter on it; <see cref="AppDb"/> recomputes it on every save that could change it, and the daily job
/// (<see cref="DocumentStatusJob"/>) recomputes the documents whose <see cref="Document.StatusDueOn"/> has come.
/// </summary>
public static class DocumentStatuses
{
    /// <summary>What another document in force (or coming into force) does to this one.</summary>
    public readonly record struct Effect(DocumentRelation Relation, bool Partial, DateOnly From);

    public static (DocumentStatus Status, DateOnly? DueOn) Compute(DateOnly inForceFrom, DateOnly? expiresOn, IEnumerable<Effect> effects, DateOnly today)
    {
        var future = new List<DateOnly>();
        var status = DocumentStatus.InForce;
        if (expiresOn is DateOnly end && end <= today) return (DocumentStatus.Expired, null);
        if (expiresOn is DateOnly later) future.Add(later);
        foreach (var e in effects)
        {
            if (e.Relation == DocumentRelation.Guides) continue;
            if (e.From > today)
            {
                future.Add(e.From);
                continue;
            }
            var whole = e.Relation is DocumentRelation.Replaces or DocumentRelation.Repeals && !e.Partial;
            if (whole) return (DocumentStatus.Expired, null);
            status = DocumentStatus.PartlyExpired;
        }
        if (inForceFrom > today) return (DocumentStatus.NotYetInForce, inForceFrom);
        return (status, future.Count == 0 ? null : future.Min());
    }

    /// <summary>"42/2022/NĐ-CP" → "422022ndcp": how a number typed with or without marks, spaces or dashes is matched.</summary>
    public static string NumberKey(string? number)
    {
        var folded = VietnameseText.Fold(number);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    public static string Label(DocumentStatus s) => s switch
    {
        DocumentStatus.NotYetInForce => "Chưa có hiệu lực",
        DocumentStatus.PartlyExpired => "Hết hiệu lực một phần",
        DocumentStatus.Expired => "Hết hiệu lực toàn bộ",
        _ => "Còn hiệu lực",
    };

    /// <summary>The value of the finder's "hieu-luc" filter.</summary>
    public static string Slug(DocumentStatus s) => s switch
    {
        DocumentStatus.NotYetInForce => "chua-co-hieu-luc",
        DocumentStatus.PartlyExpired => "het-hieu-luc-mot-phan",
        DocumentStatus.Expired => "het-hieu-luc",
        _ => "con-hieu-luc",
    };

    public static DocumentStatus? FromSlug(string? slug) =>
        Enum.GetValues<DocumentStatus>().Cast<DocumentStatus?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    /// <summary>The relation as the document that has it says it: "Thay thế", "Bãi bỏ một phần".</summary>
    public static string Outgoing(DocumentRelation r, bool partial) => r switch
    {
        DocumentRelation.Replaces => partial ? "Thay thế một phần" : "Thay thế",
        DocumentRelation.Amends => "Sửa đổi, bổ sung",
        DocumentRelation.Repeals => partial ? "Bãi bỏ một phần" : "Bãi bỏ",
        _ => "Hướng dẫn",
    };

    /// <summary>The relation as its target says it: "Bị thay thế bởi".</summary>
    public static string Incoming(DocumentRelation r, bool partial) => r switch
    {
        DocumentRelation.Replaces => partial ? "Bị thay thế một phần bởi" : "Bị thay thế bởi",
        DocumentRelation.Amends => "Được sửa đổi, bổ sung bởi",
        DocumentRelation.Repeals => partial ? "Bị bãi bỏ một phần bởi" : "Bị bãi bỏ bởi",
        _ => "Được hướng dẫn bởi",
    };

    /// <summary>What a save may change: documents saved (their own dates or number) and the targets of relations saved.</summary>
    public sealed class Pending
    {
        internal readonly List<Document> Saved = [];
        internal readonly HashSet<int> Targets = [];
        public bool Any => Saved.Count > 0 || Targets.Count > 0;
    }

    /// <summary>Noted before the save: afterwards deleted rows are gone and new ones have their ids.</summary>
    public static Pending Collect(ChangeTracker tracker)
    {
        var pending = new Pending();
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (e.Entity)
            {
                // A status moved (by the job, or by this very pass) changes nothing for others: only dates and numbers do.
                case Document d when e.State == EntityState.Added || e.State == EntityState.Modified && !StatusOnly(e):
                    pending.Saved.Add(d);
                    break;
                case DocumentLink l:
                    if (l.TargetId is int now) pending.Targets.Add(now);
                    if (e.State != EntityState.Added && e.Property(nameof(DocumentLink.TargetId)).OriginalValue is int before) pending.Targets.Add(before);
                    break;
            }
        }
        return pending;
    }

    /// <summary>Whether a modified document changed only in its computed status (which does not bump its version either).</summary>
    public static bool StatusOnly(EntityEntry e) =>
        e.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(Document.Status) or nameof(Document.StatusDueOn));

    /// <summary>After the save: links waiting for a saved document's number now point at it, and every document whose
    /// status may have moved is recomputed (the caller saves again, in the same transaction).</summary>
    public static async Task<bool> ApplyAsync(AppDb db, Pending pending, DateOnly today, CancellationToken ct)
    {
        var ids = new HashSet<int>(pending.Targets);
        foreach (var chunk in pending.Saved.Chunk(500))
        {
            var byKey = chunk.ToLookup(d => d.NumberKey);
            var keys = byKey.Select(g => g.Key).Where(k => k.Length > 0).ToList();
            var savedIds = chunk.Select(d => d.Id).ToList();
            ids.UnionWith(savedIds);
            // A relation typed before its target was added: the target is the newest document with that number issued
            // no later than the one that acts on it.
            var waiting = await db.DocumentLinks.IgnoreQueryFilters().Where(l => l.TargetId == null && keys.Contains(l.TargetKey)).ToListAsync(ct);
            if (waiting.Count > 0)
            {
                var sourceIds = waiting.Select(l => l.DocumentId).Distinct().ToList();
                var issued = await db.Documents.IgnoreQueryFilters().Where(x => sourceIds.Contains(x.Id)).Select(x => new { x.Id, x.IssuedOn }).ToDictionaryAsync(x => x.Id, x => x.IssuedOn, ct);
                foreach (var link in waiting)
                {
                    var target = byKey[link.TargetKey].Where(d => d.Id != link.DocumentId && issued.TryGetValue(link.DocumentId, out var on) && d.IssuedOn <= on)
                        .OrderByDescending(d => d.IssuedOn).FirstOrDefault();
                    if (target is null) continue;
                    link.TargetId = target.Id;
                    ids.Add(target.Id);
                }
                // The statuses below are read from the database: the links just made must be there. (Bulk writers such as
                // the demo seeder turn automatic change detection off.)
                db.ChangeTracker.DetectChanges();
                if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
            }
            // Their own relations: their dates decide when they act on their targets.
            ids.UnionWith(await db.DocumentLinks.IgnoreQueryFilters().Where(l => savedIds.Contains(l.DocumentId) && l.TargetId != null).Select(l => l.TargetId!.Value).ToListAsync(ct));
        }
        var changed = await RecomputeAsync(db, ids, today, ct);
        db.ChangeTracker.DetectChanges();
        return changed > 0 || db.ChangeTracker.HasChanges();
    }

    /// <summary>Every document's number key and status, for rows stored before either existed.</summary>
    public static async Task BackfillAsync(AppDb db, DateOnly today, CancellationToken ct)
    {
        var lastId = 0;
        while (true)
        {
            var batch = await db.Documents.IgnoreQueryFilters().Where(d => d.Id > lastId).OrderBy(d => d.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var d in batch) d.NumberKey = NumberKey(d.Number);
            await RecomputeAsync(db, batch.Select(d => d.Id).ToList(), today, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }
    }

    /// <summary>Recomputes the given documents' status (any site); returns how many changed (tracked, not saved).</summary>
    public static async Task<int> RecomputeAsync(AppDb db, IReadOnlyCollection<int> ids, DateOnly today, CancellationToken ct)
    {
        if (ids.Count == 0) return 0;
        var changed = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            var docs = await db.Documents.IgnoreQueryFilters().Where(d => chunk.Contains(d.Id)).ToListAsync(ct);
            var effects = (await (
                    from l in db.DocumentLinks.IgnoreQueryFilters()
                    join s in db.Documents.IgnoreQueryFilters() on l.DocumentId equals s.Id
                    where l.TargetId != null && chunk.Contains(l.TargetId.Value)
                    select new { Target = l.TargetId!.Value, l.Relation, l.Partial, s.EffectiveOn, s.IssuedOn })
                .ToListAsync(ct))
                .ToLookup(x => x.Target, x => new Effect(x.Relation, x.Partial, x.EffectiveOn ?? x.IssuedOn));
            foreach (var d in docs)
            {
                var (status, due) = Compute(d.InForceFrom, d.ExpiresOn, effects[d.Id], today);
                if (d.Status == status && d.StatusDueOn == due) continue;
                (d.Status, d.StatusDueOn) = (status, due);
                changed++;
            }
        }
        return changed;
    }
}

/// <summary>Moves documents to their new status on the day it changes (effective date, expiry date, the day a replacing
/// document takes effect), each change in the audit trail as the system's.</summary>
public sealed class DocumentStatusRefresh(AppDb db, Audit.AuditTrail audit)
{
    /// <summary>Recomputes every document due on or before <paramref name="today"/>; returns how many changed status.</summary>
    public async Task<int> RunDueAsync(DateOnly today, CancellationToken ct)
    {
        var total = 0;
        var seen = new HashSet<int>();
        while (true)
        {
            var due = await db.Documents.IgnoreQueryFilters().Where(d => d.StatusDueOn != null && d.StatusDueOn <= today)
                .OrderBy(d => d.Id).Select(d => d.Id).Take(500).ToListAsync(ct);
            // Each pass moves every row it read past today; a row read twice would mean it did not, and the job must end.
            if (due.Count == 0 || !due.All(seen.Add)) return total;
            await DocumentStatuses.RecomputeAsync(db, due, today, ct);
            // The status as read is the entry's original value: no second query for it.
            var records = db.ChangeTracker.Entries<Document>()
                .Select(e => (Doc: e.Entity, Was: e.Property(d => d.Status).OriginalValue))
                .Where(x => x.Was != x.Doc.Status)
                .Select(x => new Audit.AuditRecord("document.status",
                    $"Văn bản số {x.Doc.Number} chuyển từ \"{DocumentStatuses.Label(x.Was)}\" sang \"{DocumentStatuses.Label(x.Doc.Status)}\" ngày {VnTime.DateText(today)}.",
                    x.Doc.SiteId, "document", x.Doc.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            if (records.Count > 0) await audit.SaveAsync(db, Audit.AuditActor.System, () => records, ct);
            else await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += records.Count;
        }
    }
}

/// <summary>Hourly, on one node of a cluster: the status of documents follows the calendar without anyone editing them
/// (hourly rather than daily so that a node that was down at midnight catches up within the hour), and files uploaded
/// with a form that was never saved are removed.</summary>
[Quartz.DisallowConcurrentExecution]
internal sealed class DocumentStatusJob(DocumentStatusRefresh refresh, DocumentFileIntake files, TimeProvider clock, ILogger<DocumentStatusJob> log) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var n = await refresh.RunDueAsync(VnTime.Today(clock), cancellationToken);
        if (n > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Đã cập nhật tình trạng hiệu lực của {Count} văn bản.", n);
        var removed = await files.RemoveAbandonedAsync(cancellationToken);
        if (removed > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Đã xóa {Count} tệp văn bản tải lên nhưng không được lưu.", removed);
    }
}
