using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Audit;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Registry;

/// <summary>An entry with what is computed from it on a given day.</summary>
public sealed record RegistryRow(RegistryEntry Entry, string KindName, string KindGroup, SiteType? Type, LicenceState Licence,
    string? ParentName, Site? Site)
{
    public string TypeName => Type?.Name ?? Entry.SiteTypeCode;
    public string Domains => RegistryRules.DomainsText(Entry);
    /// <summary>Where the site is read: its first domain, or the hosted site's prefix on the portal.</summary>
    public string? Url => Entry.Domains.OrderBy(d => d.Order).FirstOrDefault() is { } d ? "https://" + DomainNames.Display(d.Domain)
        : Site is { } s ? (s.Slug.Length == 0 ? "/" : "/" + s.Slug + "/") : null;
}

/// <summary>Filters of the registry list (all optional).</summary>
public sealed record RegistryFilter(string? Kind = null, string? Type = null, string? Status = null, string? Words = null)
{
    /// <summary>Values of <see cref="Status"/> with their Vietnamese labels.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
    [
        ("dat-tren-he-thong", "Đặt trên hệ thống (trang thành phần)"),
        ("ben-ngoai", "Ngoài hệ thống"),
        ("giay-phep-het-han", "Giấy phép đã hết hạn"),
        ("giay-phep-sap-het-han", "Giấy phép sắp hết hạn"),
        ("chua-co-giay-phep", "Chưa có giấy phép"),
        ("chua-ipv6", "Chưa có IPv6"),
        ("chua-emc", "Chưa kết nối EMC"),
    ];

    public bool Matches(RegistryRow r) =>
        (string.IsNullOrEmpty(Kind) || r.Entry.UnitKindCode == Kind)
        && (string.IsNullOrEmpty(Type) || r.Entry.SiteTypeCode == Type)
        && (string.IsNullOrWhiteSpace(Words) || r.Entry.UnitNameFolded.Contains(RegistryRules.Folded(Words), StringComparison.Ordinal)
            || r.Entry.Domains.Any(d => d.Domain.Contains(Words.Trim().ToLowerInvariant(), StringComparison.Ordinal)))
        && Status switch
        {
            null or "" => true,
            "dat-tren-he-thong" => r.Entry.Hosted,
            "ben-ngoai" => !r.Entry.Hosted,
            "giay-phep-het-han" => r.Licence == LicenceState.Expired,
            "giay-phep-sap-het-han" => r.Licence == LicenceState.Expiring,
            "chua-co-giay-phep" => r.Licence == LicenceState.Missing,
            "chua-ipv6" => r.Entry.Ipv6 != true,
            "chua-emc" => r.Entry.Emc != true,
            _ => true,
        };
}

/// <summary>What an edit form or an import row sets on an entry (null text: blank).</summary>
public sealed record RegistryChange
{
    public string UnitName { get; init; } = "";
    public string UnitKindCode { get; init; } = "";
    public int? ParentId { get; init; }
    public IReadOnlyList<string> Domains { get; init; } = [];
    public string SiteTypeCode { get; init; } = "";
    public string? LicenceNumber { get; init; }
    public DateOnly? LicenceIssuedOn { get; init; }
    public string? LicenceIssuer { get; init; }
    public DateOnly? LicenceExpiresOn { get; init; }
    public string? SubdomainConfirmation { get; init; }
    public bool? Ipv6 { get; init; }
    public bool? Emc { get; init; }
    public string? EmcSiteId { get; init; }
    public string? Notes { get; init; }
}

public sealed class RegistryConflictException() : Exception("The registry entry was changed since it was read.");

public sealed class RegistryValidationException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Reads the registry with its computed states, and adds, changes and removes entries (each audited).</summary>
public sealed class RegistryService(AppDb db, Catalogue.Catalogue catalogue, SiteTypes types, IOptions<RegistryOptions> options, TimeProvider clock, AuditTrail audit)
{
    public DateOnly Today => Public.VnTime.Today(clock);
    public int WarningDays => options.Value.LicenceWarningDays;

    /// <summary>Every entry, ordered by kind group then name, with its states on <paramref name="asOf"/> (today by default).</summary>
    public async Task<IReadOnlyList<RegistryRow>> RowsAsync(DateOnly? asOf = null, CancellationToken ct = default)
    {
        var entries = await db.RegistryEntries.AsNoTracking().Include(e => e.Domains).ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().Where(s => db.RegistryEntries.Any(e => e.SiteId == s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return Rows(entries, sites, asOf ?? Today);
    }

    public IReadOnlyList<RegistryRow> Rows(IReadOnlyList<RegistryEntry> entries, IReadOnlyDictionary<int, Site> sites, DateOnly day)
    {
        var names = entries.ToDictionary(e => e.Id, e => e.UnitName);
        var kindOrder = catalogue.AgencyKinds.Select((k, i) => (k.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return entries
            .Select(e =>
            {
                var kind = catalogue.Kind(e.UnitKindCode);
                var type = types.Get(e.SiteTypeCode);
                return new RegistryRow(e, kind?.Name ?? e.UnitKindCode, kind?.Group ?? e.UnitKindCode, type, RegistryRules.Licence(e, type, day, WarningDays),
                    e.ParentId is int p ? names.GetValueOrDefault(p) : null, e.SiteId is int s ? sites.GetValueOrDefault(s) : null);
            })
            .OrderBy(r => kindOrder.GetValueOrDefault(r.Entry.UnitKindCode, int.MaxValue))
            .ThenBy(r => r.Entry.UnitNameFolded, StringComparer.Ordinal).ThenBy(r => r.Entry.Id)
            .ToList();
    }

    public Task<RegistryEntry?> FindAsync(int id, CancellationToken ct = default) =>
        db.RegistryEntries.Include(e => e.Domains).FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>Checks a change as the edit form and the import both need it; returns the normalised domains.</summary>
    public async Task<(List<string> Errors, List<string> Domains)> CheckAsync(RegistryEntry? existing, RegistryChange c, CancellationToken ct)
    {
        var errors = new List<string>();
        var hosted = existing?.Hosted == true;
        if (string.IsNullOrWhiteSpace(c.UnitName)) errors.Add("Tên đơn vị không được để trống.");
        else if (c.UnitName.Trim().Length > 300) errors.Add("Tên đơn vị dài quá 300 ký tự.");
        if (catalogue.Kind(c.UnitKindCode) is null)
            errors.Add($"Loại đơn vị \"{c.UnitKindCode}\" không có trong danh mục (có: {string.Join(", ", catalogue.AgencyKinds.Select(k => k.Name))}).");
        if (types.Get(c.SiteTypeCode) is null)
            errors.Add($"Loại trang \"{c.SiteTypeCode}\" không có trong danh mục (có: {string.Join(", ", types.All.Select(t => t.Name))}).");
        if (c.ParentId is int parent)
        {
            if (existing is not null && parent == existing.Id) errors.Add("Đơn vị cấp trên không thể là chính đơn vị này.");
            else if (!await db.RegistryEntries.AnyAsync(e => e.Id == parent, ct)) errors.Add("Không tìm thấy đơn vị cấp trên.");
            else if (existing is not null && await IsBelowAsync(parent, existing.Id, ct)) errors.Add("Đơn vị cấp trên đang là đơn vị trực thuộc của đơn vị này.");
        }
        var domains = new List<string>();
        foreach (var raw in c.Domains)
        {
            var d = DomainNames.Normalise(raw, out var why);
            if (d is null) errors.Add($"Tên miền: {why}.");
            else if (!domains.Contains(d)) domains.Add(d);
        }
        if (!hosted && domains.Count == 0 && errors.All(e => !e.StartsWith("Tên miền", StringComparison.Ordinal))) errors.Add("Cần ít nhất một tên miền.");
        var others = domains.Count == 0 ? [] : await db.RegistryDomains.AsNoTracking().Where(d => domains.Contains(d.Domain) && (existing == null || d.EntryId != existing.Id))
            .Join(db.RegistryEntries, d => d.EntryId, e => e.Id, (d, e) => new { d.Domain, e.UnitName }).ToListAsync(ct);
        foreach (var o in others) errors.Add($"Tên miền {DomainNames.Display(o.Domain)} đã có trong sổ, thuộc {o.UnitName}.");
        foreach (var (v, label, max) in new[] { (c.LicenceNumber, "Số giấy phép", 100), (c.LicenceIssuer, "Cơ quan cấp giấy phép", 300), (c.SubdomainConfirmation, "Giấy xác nhận tên miền", 300), (c.Notes, "Ghi chú", 2000) })
            if (v?.Trim().Length > max) errors.Add($"{label} dài quá {max} ký tự.");
        if (c.EmcSiteId is { Length: > 0 } emc && (emc.Trim().Length > 32 || !emc.Trim().All(char.IsAsciiDigit))) errors.Add("Mã EMC chỉ gồm chữ số (tối đa 32).");
        if (c.LicenceIssuedOn is DateOnly i && c.LicenceExpiresOn is DateOnly x && x < i) errors.Add("Ngày hết hạn giấy phép trước ngày cấp.");
        if ((c.LicenceIssuedOn is not null || c.LicenceExpiresOn is not null || !string.IsNullOrWhiteSpace(c.LicenceIssuer)) && string.IsNullOrWhiteSpace(c.LicenceNumber))
            errors.Add("Có ngày cấp, ngày hết hạn hoặc cơ quan cấp thì cần số giấy phép.");
        return (errors, domains);
    }

    private async Task<bool> IsBelowAsync(int candidate, int ancestor, CancellationToken ct)
    {
        var parents = await db.RegistryEntries.AsNoTracking().Select(e => new { e.Id, e.ParentId }).ToDictionaryAsync(e => e.Id, e => e.ParentId, ct);
        var seen = new HashSet<int>();
        for (int? at = candidate; at is int id && seen.Add(id); at = parents.GetValueOrDefault(id))
            if (id == ancestor) return true;
        return false;
    }

    /// <summary>Writes a checked change onto an entry. Hosted entries keep what their site decides (name, kind, domains,
    /// EMC, a licence read from the site's licence line).</summary>
    public static void Apply(RegistryEntry e, RegistryChange c, IReadOnlyList<string> domains, DateTime now)
    {
        if (!e.Hosted)
        {
            e.UnitName = c.UnitName.Trim();
            e.UnitKindCode = c.UnitKindCode;
            e.Emc = c.Emc;
            e.EmcSiteId = Blank(c.EmcSiteId);
            e.SetDomains(domains);
        }
        // The type of a hosted site follows its settings for the portal and aggregated sites; others may be typed here.
        if (!e.Hosted || e.SiteTypeCode is not (SiteTypes.Portal or SiteTypes.Aggregated) && c.SiteTypeCode is not (SiteTypes.Portal or SiteTypes.Aggregated))
            e.SiteTypeCode = c.SiteTypeCode;
        e.ParentId = c.ParentId;
        e.LicenceNumber = Blank(c.LicenceNumber);
        e.LicenceIssuedOn = c.LicenceIssuedOn;
        e.LicenceIssuer = Blank(c.LicenceIssuer);
        e.LicenceExpiresOn = c.LicenceExpiresOn;
        e.SubdomainConfirmation = Blank(c.SubdomainConfirmation);
        e.Ipv6 = c.Ipv6;
        e.Notes = Blank(c.Notes);
        e.UpdatedAt = now;
        if (e.CreatedAt == default) e.CreatedAt = now;
    }

    internal static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    /// <summary>Adds (<paramref name="id"/> null) or changes an entry, refused with Vietnamese reasons or as a conflict
    /// when <paramref name="expectedVersion"/> is older than the stored row.</summary>
    public async Task<RegistryEntry> SaveAsync(int? id, int? expectedVersion, RegistryChange change, AuditActor actor, CancellationToken ct = default)
    {
        var entry = id is int i ? await FindAsync(i, ct) ?? throw new RegistryValidationException(["Không tìm thấy mục này trong sổ (có thể đã bị xóa)."]) : null;
        if (entry is not null && expectedVersion is int v && v != entry.Version) throw new RegistryConflictException();
        var (errors, domains) = await CheckAsync(entry, change, ct);
        if (errors.Count > 0) throw new RegistryValidationException(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = entry is null;
        entry ??= db.RegistryEntries.Add(new RegistryEntry()).Entity;
        Apply(entry, change, domains, now);
        var changed = isNew ? [] : db.Entry(entry).Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && p.Metadata.Name is not (nameof(RegistryEntry.UpdatedAt) or nameof(RegistryEntry.Version) or nameof(RegistryEntry.UnitNameFolded)))
            .Select(p => FieldNames.GetValueOrDefault(p.Metadata.Name, p.Metadata.Name)).ToList();
        if (!isNew && db.ChangeTracker.Entries<RegistryDomain>().Any(d => d.State is EntityState.Added or EntityState.Deleted)) changed.Add("tên miền");
        try
        {
            await audit.SaveAsync(db, actor, () => new AuditRecord(isNew ? "registry.add" : "registry.update",
                isNew ? $"Thêm vào sổ theo dõi: {entry.UnitName} ({RegistryRules.DomainsText(entry)})."
                      : changed.Count == 0 ? $"Lưu mục sổ theo dõi {entry.UnitName} (không có thay đổi)." : $"Sửa sổ theo dõi, {entry.UnitName}: {string.Join(", ", changed)}.",
                null, "registry", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new RegistryConflictException();
        }
        catch (DbUpdateException)
        {
            // Someone added the same domain between the check and the write; the unique index refused it.
            if (!await DomainTakenAsync(domains, entry.Id, ct)) throw;
            throw new RegistryValidationException(["Một tên miền vừa được thêm vào sổ cho đơn vị khác; hãy tải lại trang."]);
        }
        return entry;
    }

    /// <summary>What the monitor measured on an external entry's domain replaces the declared IPv6 and EMC (null: nothing
    /// certain measured, left as it is), audited. A concurrent edit wins; the next audit records it again.</summary>
    public async Task RecordAuditAsync(string host, bool? ipv6, bool? emc, DateTime auditedAt, CancellationToken ct = default)
    {
        var entry = await db.RegistryEntries.Include(e => e.Domains).FirstOrDefaultAsync(e => e.SiteId == null && e.Domains.Any(d => d.Domain == host), ct);
        if (entry is null) return;
        var changes = new List<string>();
        if (ipv6 is bool v6 && entry.Ipv6 != v6) changes.Add($"IPv6 {RegistryRules.YesNoText(entry.Ipv6)} → {RegistryRules.YesNoText(entry.Ipv6 = v6)}");
        if (emc is bool e && entry.Emc != e) changes.Add($"kết nối EMC {RegistryRules.YesNoText(entry.Emc)} → {RegistryRules.YesNoText(entry.Emc = e)}");
        if (changes.Count == 0) return;
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await audit.SaveAsync(db, AuditActor.System, () => new AuditRecord("registry.monitor",
                $"Theo kết quả giám sát ngày {Public.VnTime.DateText(auditedAt)} ({host}), {entry.UnitName}: {string.Join(", ", changes)}.",
                null, "registry", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> DomainTakenAsync(List<string> domains, int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.RegistryDomains.AnyAsync(d => domains.Contains(d.Domain) && d.EntryId != id, ct);
    }

    /// <summary>Removes an external entry; hosted sites leave the registry only with their site.</summary>
    public async Task DeleteAsync(int id, int? expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        var entry = await FindAsync(id, ct) ?? throw new RegistryValidationException(["Không tìm thấy mục này trong sổ (có thể đã bị xóa)."]);
        if (expectedVersion is int v && v != entry.Version) throw new RegistryConflictException();
        if (entry.Hosted) throw new RegistryValidationException(["Trang đặt trên hệ thống không xóa khỏi sổ được; sổ theo dõi cập nhật theo trang."]);
        foreach (var child in await db.RegistryEntries.Where(e => e.ParentId == id).ToListAsync(ct)) child.ParentId = null;
        db.RegistryEntries.Remove(entry);
        try
        {
            await audit.SaveAsync(db, actor, new AuditRecord("registry.delete", $"Xóa khỏi sổ theo dõi: {entry.UnitName} ({RegistryRules.DomainsText(entry)}).",
                null, "registry", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new RegistryConflictException();
        }
    }

    private static readonly Dictionary<string, string> FieldNames = new()
    {
        [nameof(RegistryEntry.UnitName)] = "tên đơn vị", [nameof(RegistryEntry.UnitKindCode)] = "loại đơn vị", [nameof(RegistryEntry.ParentId)] = "đơn vị cấp trên",
        [nameof(RegistryEntry.SiteTypeCode)] = "loại trang", [nameof(RegistryEntry.LicenceNumber)] = "số giấy phép", [nameof(RegistryEntry.LicenceIssuedOn)] = "ngày cấp giấy phép",
        [nameof(RegistryEntry.LicenceIssuer)] = "cơ quan cấp giấy phép", [nameof(RegistryEntry.LicenceExpiresOn)] = "ngày hết hạn giấy phép",
        [nameof(RegistryEntry.SubdomainConfirmation)] = "giấy xác nhận tên miền", [nameof(RegistryEntry.Ipv6)] = "IPv6", [nameof(RegistryEntry.Emc)] = "EMC",
        [nameof(RegistryEntry.EmcSiteId)] = "mã EMC", [nameof(RegistryEntry.Notes)] = "ghi chú",
    };
}
