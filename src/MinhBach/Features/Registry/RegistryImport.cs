using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Audit;
using MinhBach.Features.Exports;
using MinhBach.Text;

namespace MinhBach.Features.Registry;

/// <summary>What is wrong, where: row 0 is the file as a whole (its columns).</summary>
public sealed record ImportProblem(int Row, string? Column, string Message)
{
    public override string ToString() => Row == 0 ? Message : $"Dòng {Row}{(Column is null ? "" : $", cột {Column}")}: {Message}";
}

/// <summary>One row that will add an entry (<see cref="Existing"/> null) or change one.</summary>
public sealed record ImportItem(int Row, RegistryEntry? Existing, RegistryChange Change, IReadOnlyList<string> Domains,
    IReadOnlyList<string> ChangedFields, int? ParentEntryId, int? ParentRow);

/// <summary>The outcome of reading a file against the registry as it is now; nothing is written until <see cref="RegistryImport.ApplyAsync"/>.</summary>
public sealed record ImportPlan(string FileName, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportItem> Added,
    IReadOnlyList<ImportItem> Updated, int Unchanged, string Fingerprint)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>Outcome of an applied import.</summary>
public sealed record ImportResult(int Added, int Updated, int Unchanged);

/// <summary>The import failed as a whole (nothing was written); the reason is for people.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>
/// Import of the registry from XLSX: all or nothing. <see cref="PlanAsync"/> reads the whole file, checks every row
/// (columns by their Vietnamese names in any order, case or diacritics; unit kinds; domains unique in the file and in
/// the registry; dates dd/mm/yyyy, yyyy-mm-dd or Excel's; yes/no) and says what would be added or changed;
/// <see cref="ApplyAsync"/> writes the plan in one transaction with its audit entries, or nothing.
/// A row is matched to an entry by its domains; a matched entry must carry the same unit name (a renamed unit is
/// renamed on its edit page, so a domain typed on the wrong row is caught instead of renaming someone else).
/// </summary>
public sealed class RegistryImport(AppDb db, Catalogue.Catalogue catalogue, SiteTypes types, RegistryService registry,
    IOptions<RegistryOptions> options, TimeProvider clock, AuditTrail audit)
{
    private sealed class Parsed
    {
        public required int Row;
        public string Name = "";
        public string? KindCode;
        public string? ParentName;
        public List<string> Domains = [];
        public bool? Hosted;
        public string? TypeCode;
        public Dictionary<RegistryField, object?> Values = [];
    }

    public async Task<ImportPlan> PlanAsync(byte[] bytes, string fileName, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        ImportPlan Refused() => new(fileName, problems, [], [], 0, "");
        var maxBytes = options.Value.MaxImportMegabytes * 1024 * 1024;
        if (bytes.Length == 0) { problems.Add(new(0, null, "Tệp trống.")); return Refused(); }
        if (bytes.Length > maxBytes) { problems.Add(new(0, null, $"Tệp lớn quá {options.Value.MaxImportMegabytes} MB.")); return Refused(); }
        var table = SpreadsheetReader.Read(bytes, RegistryCells.SheetName, options.Value.MaxImportRows + 10, out var why);
        if (table is null) { problems.Add(new(0, null, why!)); return Refused(); }

        // The header is the first row that names at least two known columns (a title may sit above it).
        var headerRow = table.Rows.Take(10).FirstOrDefault(r => r.Cells.Values.Count(v => RegistryCells.FindColumn(v) is not null) >= 2);
        if (headerRow is null)
        {
            problems.Add(new(0, null, $"Không tìm thấy dòng tiêu đề cột. Dòng tiêu đề cần có các cột: {string.Join(", ", RegistryCells.Columns.Where(c => c.Required).Select(c => c.Header))}."));
            return Refused();
        }
        var columns = new Dictionary<RegistryField, (int Index, string Header)>();
        foreach (var (index, header) in headerRow.Cells.OrderBy(c => c.Key))
        {
            var column = RegistryCells.FindColumn(header);
            if (column is null)
                problems.Add(new(headerRow.Number, null, $"Cột \"{header}\" không có trong mẫu sổ theo dõi (các cột: {string.Join(", ", RegistryCells.Columns.Select(c => c.Header))})."));
            else if (columns.TryGetValue(column.Field, out var first))
                problems.Add(new(headerRow.Number, null, $"Cột \"{header}\" trùng với cột \"{first.Header}\" (cùng là {column.Header})."));
            else columns[column.Field] = (index, header);
        }
        foreach (var missing in RegistryCells.Columns.Where(c => c.Required && !columns.ContainsKey(c.Field)))
            problems.Add(new(headerRow.Number, null, $"Thiếu cột \"{missing.Header}\"."));
        if (problems.Count > 0) return Refused();

        var dataRows = table.Rows.Where(r => r.Number > headerRow.Number && !r.IsEmpty).ToList();
        if (dataRows.Count == 0) { problems.Add(new(0, null, "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")); return Refused(); }
        if (dataRows.Count > options.Value.MaxImportRows)
        {
            problems.Add(new(0, null, $"Tệp có {VietnameseText.FormatNumber(dataRows.Count)} dòng, quá {VietnameseText.FormatNumber(options.Value.MaxImportRows)} dòng một lần nhập."));
            return Refused();
        }

        string Header(RegistryField f) => columns.TryGetValue(f, out var c) ? c.Header : RegistryCells.Columns.First(x => x.Field == f).Header;
        var parsed = dataRows.Select(r => Parse(r, columns, Header, problems)).ToList();

        // Domains unique within the file.
        var firstRowOf = new Dictionary<string, int>();
        foreach (var p in parsed)
            foreach (var d in p.Domains)
                if (!firstRowOf.TryAdd(d, p.Row))
                    problems.Add(new(p.Row, Header(RegistryField.Domains), $"Tên miền {DomainNames.Display(d)} trùng với dòng {firstRowOf[d]}."));

        // Against the registry as it is now.
        var entries = await db.RegistryEntries.Include(e => e.Domains).ToListAsync(ct);
        var owner = entries.SelectMany(e => e.Domains.Select(d => (d.Domain, Entry: e))).ToDictionary(x => x.Domain, x => x.Entry);
        var matched = new Dictionary<Parsed, RegistryEntry?>();
        foreach (var p in parsed)
        {
            var owners = p.Domains.Where(owner.ContainsKey).Select(d => owner[d]).Distinct().ToList();
            RegistryEntry? entry = null;
            if (owners.Count > 1)
                problems.Add(new(p.Row, Header(RegistryField.Domains), $"Các tên miền của dòng này thuộc {owners.Count} đơn vị khác nhau trong sổ: {string.Join("; ", owners.Select(o => o.UnitName))}."));
            else if (owners.Count == 1)
            {
                entry = owners[0];
                if (p.Name.Length > 0 && RegistryRules.Folded(p.Name) != entry.UnitNameFolded)
                {
                    var taken = p.Domains.First(owner.ContainsKey);
                    problems.Add(new(p.Row, Header(RegistryField.Domains), $"Tên miền {DomainNames.Display(taken)} đã có trong sổ, thuộc {entry.UnitName} (dòng này ghi {p.Name}). Nếu đơn vị đổi tên, hãy sửa tên trong sổ trước."));
                    entry = null;
                }
                else if (entry.Hosted && p.Domains.Any(d => !entry.Domains.Any(x => x.Domain == d)))
                    problems.Add(new(p.Row, Header(RegistryField.Domains), $"{entry.UnitName} là trang đặt trên hệ thống: tên miền của trang được sửa trong cài đặt trang, không nhập từ tệp."));
            }
            if (p.Hosted == true && entry?.Hosted != true && owners.Count <= 1)
                problems.Add(new(p.Row, Header(RegistryField.Hosted), "Ghi \"Có\" nhưng không có trang nào trên hệ thống dùng tên miền này. Trang đặt trên hệ thống được thêm bằng lệnh site add, sổ tự cập nhật."));
            if (p.Hosted == false && entry?.Hosted == true)
                problems.Add(new(p.Row, Header(RegistryField.Hosted), $"Ghi \"Không\" nhưng {entry.UnitName} là trang đặt trên hệ thống."));
            matched[p] = entry;
        }

        // Parents: a unit named in the file, or in the registry.
        var fileNames = parsed.Where(p => p.Name.Length > 0).GroupBy(p => RegistryRules.Folded(p.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var registryNames = entries.GroupBy(e => e.UnitNameFolded).ToDictionary(g => g.Key, g => g.ToList());
        var items = new List<ImportItem>();
        var unchanged = 0;
        foreach (var p in parsed)
        {
            int? parentId = null, parentRow = null;
            var existing = matched[p];
            if (p.ParentName is { Length: > 0 } parentName)
            {
                var key = RegistryRules.Folded(parentName);
                var inFile = fileNames.GetValueOrDefault(key) ?? [];
                var inRegistry = (registryNames.GetValueOrDefault(key) ?? []).Where(e => !inFile.Any(f => matched[f] == e)).ToList();
                if (inFile.Count + inRegistry.Count == 0)
                    problems.Add(new(p.Row, Header(RegistryField.Parent), $"Không tìm thấy đơn vị \"{parentName}\" trong tệp hay trong sổ."));
                else if (inFile.Count + inRegistry.Count > 1)
                    problems.Add(new(p.Row, Header(RegistryField.Parent), $"Có nhiều đơn vị tên \"{parentName}\"; không biết đơn vị nào là cấp trên."));
                else if (inFile.Count == 1 && inFile[0] == p || inRegistry.Count == 1 && inRegistry[0] == existing)
                    problems.Add(new(p.Row, Header(RegistryField.Parent), "Đơn vị cấp trên không thể là chính đơn vị này."));
                else if (inFile.Count == 1)
                {
                    if (matched[inFile[0]] is { } e) parentId = e.Id; else parentRow = inFile[0].Row;
                }
                else parentId = inRegistry[0].Id;
            }
            else if (!columns.ContainsKey(RegistryField.Parent)) parentId = existing?.ParentId;

            var change = Change(p, existing, columns.ContainsKey);
            var (errors, domains) = await CheckAsync(existing, change, p.Domains, ct);
            foreach (var e in errors) problems.Add(new(p.Row, null, e));
            change = change with { ParentId = parentId };
            if (existing is null)
                items.Add(new ImportItem(p.Row, null, change, domains, [], parentId, parentRow));
            else
            {
                var changed = Differences(existing, change, domains);
                if (changed.Count == 0 && parentRow is null) unchanged++;
                else items.Add(new ImportItem(p.Row, existing, change, domains, changed, parentId, parentRow));
            }
        }
        if (problems.Count > 0) return Refused();
        var fingerprint = Fingerprint(bytes, entries);
        return new ImportPlan(fileName, [], items.Where(i => i.Existing is null).ToList(), items.Where(i => i.Existing is not null).ToList(), unchanged, fingerprint);
    }

    private Parsed Parse(SpreadsheetReader.Row row, Dictionary<RegistryField, (int Index, string Header)> columns, Func<RegistryField, string> header, List<ImportProblem> problems)
    {
        var p = new Parsed { Row = row.Number };
        string? Cell(RegistryField f) => columns.TryGetValue(f, out var c) ? row[c.Index].Trim() : null;
        void Problem(RegistryField f, string message) => problems.Add(new(row.Number, header(f), message));

        p.Name = Cell(RegistryField.UnitName) ?? "";
        if (p.Name.Length == 0) Problem(RegistryField.UnitName, "thiếu tên đơn vị.");
        var kind = Cell(RegistryField.UnitKind) ?? "";
        if (kind.Length == 0) Problem(RegistryField.UnitKind, "thiếu loại đơn vị.");
        else
        {
            var key = SiteTypes.Key(kind);
            var found = catalogue.AgencyKinds.FirstOrDefault(k => new[] { k.Code, k.Name, k.Group, k.Catalogue }.Any(w => SiteTypes.Key(w) == key));
            if (found is null)
                Problem(RegistryField.UnitKind, $"loại đơn vị \"{kind}\" không có trong danh mục (dùng một trong: {string.Join("; ", catalogue.AgencyKinds.Select(k => k.Name))}).");
            p.KindCode = found?.Code;
        }
        p.ParentName = Cell(RegistryField.Parent);
        var domainCell = Cell(RegistryField.Domains) ?? "";
        foreach (var raw in DomainNames.Split(domainCell))
        {
            var d = DomainNames.Normalise(raw, out var why);
            if (d is null) Problem(RegistryField.Domains, why + ".");
            else if (!p.Domains.Contains(d)) p.Domains.Add(d);
        }
        if (domainCell.Length == 0) Problem(RegistryField.Domains, "thiếu tên miền.");
        if (columns.ContainsKey(RegistryField.Hosted))
        {
            if (RegistryCells.TryParseYesNo(Cell(RegistryField.Hosted), out var hosted)) p.Hosted = hosted;
            else Problem(RegistryField.Hosted, $"\"{Cell(RegistryField.Hosted)}\" không phải Có hoặc Không.");
        }
        if (Cell(RegistryField.SiteType) is { Length: > 0 } typeText)
        {
            var type = types.Find(typeText);
            if (type is null) Problem(RegistryField.SiteType, $"loại trang \"{typeText}\" không có trong danh mục (dùng một trong: {string.Join("; ", types.All.Select(t => t.Name))}).");
            p.TypeCode = type?.Code;
        }
        foreach (var f in new[] { RegistryField.LicenceIssuedOn, RegistryField.LicenceExpiresOn })
        {
            if (Cell(f) is not { } text) continue;
            if (text.Length == 0) p.Values[f] = null;
            else if (RegistryCells.TryParseDate(text, out var d)) p.Values[f] = d;
            else Problem(f, $"ngày \"{text}\" không hợp lệ (dùng dd/mm/yyyy, ví dụ 05/03/2024, hoặc yyyy-mm-dd).");
        }
        foreach (var f in new[] { RegistryField.Ipv6, RegistryField.Emc })
        {
            if (Cell(f) is not { } text) continue;
            if (RegistryCells.TryParseYesNo(text, out var v)) p.Values[f] = v;
            else Problem(f, $"\"{text}\" không phải Có hoặc Không (để trống nếu chưa rõ).");
        }
        foreach (var f in new[] { RegistryField.LicenceNumber, RegistryField.LicenceIssuer, RegistryField.SubdomainConfirmation, RegistryField.EmcSiteId, RegistryField.Notes })
            if (Cell(f) is { } text) p.Values[f] = text.Length == 0 ? null : text;
        return p;
    }

    /// <summary>The entry as the row leaves it: the row's columns over what the entry holds (an absent column changes nothing).</summary>
    private static RegistryChange Change(Parsed p, RegistryEntry? e, Func<RegistryField, bool> present)
    {
        T? Value<T>(RegistryField f, T? current) => present(f) && p.Values.TryGetValue(f, out var v) ? (T?)v : current;
        return new RegistryChange
        {
            UnitName = p.Name,
            UnitKindCode = e?.Hosted == true ? e.UnitKindCode : p.KindCode ?? e?.UnitKindCode ?? "",
            Domains = e?.Hosted == true ? e.Domains.OrderBy(d => d.Order).Select(d => d.Domain).ToList() : p.Domains,
            SiteTypeCode = p.TypeCode ?? e?.SiteTypeCode ?? SiteTypes.Agency,
            LicenceNumber = Value(RegistryField.LicenceNumber, e?.LicenceNumber),
            LicenceIssuedOn = present(RegistryField.LicenceIssuedOn) && p.Values.TryGetValue(RegistryField.LicenceIssuedOn, out var i) ? (DateOnly?)i : e?.LicenceIssuedOn,
            LicenceIssuer = Value(RegistryField.LicenceIssuer, e?.LicenceIssuer),
            LicenceExpiresOn = present(RegistryField.LicenceExpiresOn) && p.Values.TryGetValue(RegistryField.LicenceExpiresOn, out var x) ? (DateOnly?)x : e?.LicenceExpiresOn,
            SubdomainConfirmation = Value(RegistryField.SubdomainConfirmation, e?.SubdomainConfirmation),
            Ipv6 = present(RegistryField.Ipv6) && p.Values.TryGetValue(RegistryField.Ipv6, out var v6) ? (bool?)v6 : e?.Ipv6,
            Emc = e?.Hosted == true ? e.Emc : present(RegistryField.Emc) && p.Values.TryGetValue(RegistryField.Emc, out var emc) ? (bool?)emc : e?.Emc,
            EmcSiteId = e?.Hosted == true ? e.EmcSiteId : Value(RegistryField.EmcSiteId, e?.EmcSiteId),
            Notes = Value(RegistryField.Notes, e?.Notes),
        };
    }

    /// <summary>The field checks of the edit form; domains against the registry were checked by the caller with the whole file in view.</summary>
    private async Task<(List<string> Errors, List<string> Domains)> CheckAsync(RegistryEntry? existing, RegistryChange change, List<string> domains, CancellationToken ct)
    {
        // Only what does not need the database: the parent was resolved above and domains were compared in memory.
        var (errors, normalised) = await registry.CheckAsync(existing, change with { ParentId = null, Domains = [] }, ct);
        errors.RemoveAll(e => e == "Cần ít nhất một tên miền.");
        // Problems already reported with their column.
        errors.RemoveAll(e => e.StartsWith("Loại đơn vị \"", StringComparison.Ordinal) || e == "Tên đơn vị không được để trống.");
        return (errors, existing?.Hosted == true ? change.Domains.ToList() : domains);
    }

    private static List<string> Differences(RegistryEntry e, RegistryChange c, IReadOnlyList<string> domains)
    {
        var d = new List<string>();
        void Check(bool same, string name) { if (!same) d.Add(name); }
        Check(e.Hosted || e.UnitName == c.UnitName.Trim(), "tên đơn vị");
        Check(e.UnitKindCode == c.UnitKindCode, "loại đơn vị");
        Check(e.Domains.OrderBy(x => x.Order).Select(x => x.Domain).SequenceEqual(domains), "tên miền");
        Check(e.SiteTypeCode == c.SiteTypeCode || e.Hosted && e.SiteTypeCode is SiteTypes.Portal or SiteTypes.Aggregated, "loại trang");
        Check(e.ParentId == c.ParentId, "đơn vị cấp trên");
        Check(e.LicenceNumber == RegistryService.Blank(c.LicenceNumber), "số giấy phép");
        Check(e.LicenceIssuedOn == c.LicenceIssuedOn, "ngày cấp giấy phép");
        Check(e.LicenceIssuer == RegistryService.Blank(c.LicenceIssuer), "cơ quan cấp giấy phép");
        Check(e.LicenceExpiresOn == c.LicenceExpiresOn, "ngày hết hạn giấy phép");
        Check(e.SubdomainConfirmation == RegistryService.Blank(c.SubdomainConfirmation), "giấy xác nhận tên miền");
        Check(e.Ipv6 == c.Ipv6, "IPv6");
        Check(e.Emc == c.Emc, "EMC");
        Check(e.EmcSiteId == RegistryService.Blank(c.EmcSiteId), "mã EMC");
        Check(e.Notes == RegistryService.Blank(c.Notes), "ghi chú");
        return d;
    }

    /// <summary>The file and the registry's state (ids and versions): confirming a preview applies exactly what was shown,
    /// or is refused if either changed in between.</summary>
    private static string Fingerprint(byte[] bytes, IEnumerable<RegistryEntry> entries)
    {
        var sb = new StringBuilder(Convert.ToHexString(SHA256.HashData(bytes)));
        foreach (var e in entries.OrderBy(e => e.Id)) sb.Append(CultureInfo.InvariantCulture, $";{e.Id}:{e.Version}:{e.Domains.Count}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Writes the plan in one transaction (entries, parents, audit entries), or nothing.</summary>
    public async Task<ImportResult> ApplyAsync(ImportPlan plan, AuditActor actor, CancellationToken ct = default)
    {
        if (!plan.Ok) throw new InvalidOperationException("A plan with problems cannot be applied.");
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var added = new Dictionary<int, RegistryEntry>();
                foreach (var item in plan.Added)
                {
                    var e = new RegistryEntry();
                    RegistryService.Apply(e, item.Change with { ParentId = item.ParentEntryId }, item.Domains, now);
                    db.RegistryEntries.Add(e);
                    added[item.Row] = e;
                }
                foreach (var item in plan.Updated)
                {
                    // The entries of the plan were read by this context; their versions guard against edits made since.
                    RegistryService.Apply(item.Existing!, item.Change with { ParentId = item.ParentEntryId }, item.Domains, now);
                }
                await db.SaveChangesAsync(ct);
                foreach (var item in plan.Added.Concat(plan.Updated).Where(i => i.ParentRow is not null))
                {
                    var e = item.Existing ?? added[item.Row];
                    e.ParentId = added.TryGetValue(item.ParentRow!.Value, out var parent) ? parent.Id : plan.Updated.First(u => u.Row == item.ParentRow).Existing!.Id;
                }
                await audit.SaveAsync(db, actor, () =>
                {
                    var records = new List<AuditRecord>
                    {
                        new("registry.import", $"Nhập sổ theo dõi từ tệp {plan.FileName}: thêm {plan.Added.Count}, cập nhật {plan.Updated.Count}, không đổi {plan.Unchanged}.", null, "registry"),
                    };
                    records.AddRange(plan.Added.Select(i => new AuditRecord("registry.add",
                        $"Thêm vào sổ theo dõi (nhập từ tệp, dòng {i.Row}): {added[i.Row].UnitName} ({RegistryRules.DomainsText(added[i.Row])}).",
                        null, "registry", added[i.Row].Id.ToString(CultureInfo.InvariantCulture))));
                    records.AddRange(plan.Updated.Select(i => new AuditRecord("registry.update",
                        $"Sửa sổ theo dõi (nhập từ tệp, dòng {i.Row}), {i.Existing!.UnitName}: {string.Join(", ", i.ChangedFields.DefaultIfEmpty("đơn vị cấp trên"))}.",
                        null, "registry", i.Existing.Id.ToString(CultureInfo.InvariantCulture))));
                    return records;
                }, ct);
                await tx.CommitAsync(ct);
                return new ImportResult(plan.Added.Count, plan.Updated.Count, plan.Unchanged);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ImportRefusedException("Sổ theo dõi vừa được người khác sửa trong lúc nhập; không có gì được ghi. Hãy xem trước và nhập lại.");
        }
        catch (DbUpdateException)
        {
            // The unique domain index: someone added one of these domains in the meantime.
            db.ChangeTracker.Clear();
            throw new ImportRefusedException("Một tên miền trong tệp vừa được thêm vào sổ cho đơn vị khác; không có gì được ghi. Hãy xem trước và nhập lại.");
        }
    }
}
