using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;

namespace MinhBach.Features.Audit;

public sealed record AuditRecord(string Action, string Summary, int? SiteId = null, string? TargetType = null, string? TargetId = null);

/// <summary>Who is acting: filled from the signed-in user and the request, or "hệ thống" for jobs and the CLI.</summary>
public sealed record AuditActor(int? UserId, string UserName, string? IpAddress)
{
    public static readonly AuditActor System = new(null, "hệ thống", null);
}

/// <summary>
/// Appends to the hash-chained audit trail in the same transaction as the change it records, so a
/// change is never saved without its entry, nor an entry without its change.
/// </summary>
public sealed class AuditTrail(TimeProvider clock)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    // Appends are serialised: in-process by this gate, across nodes by PostgreSQL's advisory lock
    // (SQLite has a single writer anyway); the unique Sequence catches anything that slips through.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private const long AdvisoryLockKey = 0x4d42_4155_4449_54;

    /// <summary>Saves the context's pending changes together with one audit entry.</summary>
    public Task<int> SaveAsync(AppDb db, AuditActor actor, AuditRecord record, CancellationToken ct = default) =>
        SaveAsync(db, actor, () => record, ct);

    /// <summary>As above, with the record built after the changes are saved (so it can name new ids), in the same transaction.</summary>
    public Task<int> SaveAsync(AppDb db, AuditActor actor, Func<AuditRecord> describe, CancellationToken ct = default) =>
        SaveAsync(db, actor, () => (IReadOnlyList<AuditRecord>)[describe()], ct);

    /// <summary>As above with several entries in the same transaction, e.g. one on each site a cross-site step touches.
    /// Inside a transaction the caller opened, the entries join it and the caller commits (several changes, one unit).</summary>
    public async Task<int> SaveAsync(AppDb db, AuditActor actor, Func<IReadOnlyList<AuditRecord>> describe, CancellationToken ct = default)
    {
        // No in-process gate here: the caller's transaction may already hold SQLite's write lock, and waiting
        // on the gate behind another append that waits for that lock would stall both until the busy timeout.
        if (db.Database.CurrentTransaction is not null) return await AppendAsync(db, actor, describe, ct);
        await Gate.WaitAsync(ct);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                // SQLite: a non-deferred (BEGIN IMMEDIATE) transaction takes the write lock at once, so another
                // process appending at the same moment waits instead of reading the same last entry.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var n = await AppendAsync(db, actor, describe, ct);
                await tx.CommitAsync(ct);
                return n;
            });
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<int> AppendAsync(AppDb db, AuditActor actor, Func<IReadOnlyList<AuditRecord>> describe, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        var n = await db.SaveChangesAsync(ct);
        var records = describe();
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, previous) = (last?.Sequence ?? 0, last?.Hash ?? Genesis);
        foreach (var record in records)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
                UserId = actor.UserId,
                UserName = actor.UserName,
                IpAddress = actor.IpAddress,
                SiteId = record.SiteId,
                Action = record.Action,
                TargetType = record.TargetType,
                TargetId = record.TargetId,
                Summary = record.Summary,
                PreviousHash = previous,
            };
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
        await db.SaveChangesAsync(ct);
        return n;
    }

    // PostgreSQL keeps microseconds; hashing the stored value keeps verification exact on both databases.
    private static DateTime TruncateToMicroseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    public static string ComputeHash(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            e.UserId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.UserName, e.IpAddress ?? "",
            e.SiteId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.Action, e.TargetType ?? "", e.TargetId ?? "", e.Summary,
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public sealed record VerifyResult(long Checked, long? BrokenAt, string Message);

    /// <summary>Walks the whole chain in order; reports the first entry whose content or link does not match.</summary>
    public static async Task<VerifyResult> VerifyAsync(AppDb db, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var previous = Genesis;
        long expected = 1, checkedCount = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Sequence != expected)
                return new(checkedCount, e.Sequence, $"Thiếu mục nhật ký: sau mục {expected - 1} là mục {e.Sequence} (có mục đã bị xóa).");
            if (e.PreviousHash != previous)
                return new(checkedCount, e.Sequence, $"Mục {e.Sequence} không nối với mục trước (mục trước đã bị sửa hoặc xóa).");
            if (ComputeHash(e) != e.Hash)
                return new(checkedCount, e.Sequence, $"Mục {e.Sequence} ({e.At:yyyy-MM-dd HH:mm:ss} UTC, {e.Action}) đã bị sửa sau khi ghi.");
            previous = e.Hash;
            expected++;
            checkedCount++;
            if (checkedCount % 1000 == 0) progress?.Report(checkedCount);
        }
        return new(checkedCount, null, $"Nhật ký toàn vẹn: đã kiểm tra {checkedCount} mục.");
    }
}
