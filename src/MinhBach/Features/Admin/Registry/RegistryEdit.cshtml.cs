using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Public;
using MinhBach.Features.Registry;

namespace MinhBach.Features.Admin.Registry;

/// <summary>/quan-tri/so-theo-doi/{id} and …/moi: one entry of the registry. A hosted site's name, kind, domains and EMC
/// come from its settings and are shown, not edited, here.</summary>
public sealed class RegistryEditModel(RegistryService registry, AppDb db, Catalogue.Catalogue catalogue, SiteTypes types) : RegistryPageModel
{
    public sealed class EntryForm
    {
        public string? UnitName { get; set; }
        public string? UnitKindCode { get; set; }
        public int? ParentId { get; set; }
        public string? Domains { get; set; }
        public string? SiteTypeCode { get; set; }
        public string? LicenceNumber { get; set; }
        public string? LicenceIssuedOn { get; set; }
        public string? LicenceIssuer { get; set; }
        public string? LicenceExpiresOn { get; set; }
        public string? SubdomainConfirmation { get; set; }
        /// <summary>"co", "khong" or empty (not known).</summary>
        public string? Ipv6 { get; set; }
        public string? Emc { get; set; }
        public string? EmcSiteId { get; set; }
        public string? Notes { get; set; }
    }

    [BindProperty] public EntryForm Form { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    public RegistryEntry? Entry { get; private set; }
    public List<string> Errors { get; } = [];
    public bool Conflict { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Parents { get; private set; } = [];
    public Catalogue.Catalogue Catalogue => catalogue;
    public SiteTypes Types => types;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (id is int i)
        {
            Entry = await registry.FindAsync(i, ct);
            if (Entry is null) return NotFound();
            Form = ToForm(Entry);
            Version = Entry.Version;
        }
        else Form = new EntryForm { UnitKindCode = "department", SiteTypeCode = SiteTypes.Agency };
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (id is int i && (Entry = await registry.FindAsync(i, ct)) is null) return NotFound();
        var change = ToChange(Form, Entry, Errors);
        if (Errors.Count == 0)
        {
            try
            {
                await registry.SaveAsync(id, Version, change, Actor(), ct);
                return Redirect(Url.Site(Path) + "?xong=luu");
            }
            catch (RegistryValidationException e)
            {
                Errors.AddRange(e.Errors);
            }
            catch (RegistryConflictException)
            {
                Conflict = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                // Show the entry as it is now, with its fresh version; what was typed stays in the form.
                db.ChangeTracker.Clear();
                Entry = id is int j ? await registry.FindAsync(j, ct) : null;
                Version = Entry?.Version;
            }
        }
        if (Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        Entry = await registry.FindAsync(id, ct);
        if (Entry is null) return NotFound();
        if (!confirm) Errors.Add("Hãy đánh dấu ô xác nhận để xóa.");
        else
        {
            try
            {
                await registry.DeleteAsync(id, Version, Actor(), ct);
                return Redirect(Url.Site(Path) + "?xong=xoa");
            }
            catch (RegistryValidationException e) { Errors.AddRange(e.Errors); }
            catch (RegistryConflictException)
            {
                Conflict = true;
                db.ChangeTracker.Clear();
                Entry = await registry.FindAsync(id, ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        if (Entry is not null) { Form = ToForm(Entry); Version = Entry.Version; }
        if (Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadListsAsync(ct);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Title = Entry is null ? "Thêm trang vào sổ theo dõi" : $"Sổ theo dõi: {Entry.UnitName}";
        Parents = (await db.RegistryEntries.AsNoTracking().Where(e => Entry == null || e.Id != Entry.Id).OrderBy(e => e.UnitNameFolded)
            .Select(e => new { e.Id, e.UnitName }).ToListAsync(ct)).Select(e => (e.Id, e.UnitName)).ToList();
    }

    private static EntryForm ToForm(RegistryEntry e) => new()
    {
        UnitName = e.UnitName, UnitKindCode = e.UnitKindCode, ParentId = e.ParentId,
        Domains = string.Join("\n", e.Domains.OrderBy(d => d.Order).Select(d => DomainNames.Display(d.Domain))),
        SiteTypeCode = e.SiteTypeCode, LicenceNumber = e.LicenceNumber, LicenceIssuedOn = IsoDate(e.LicenceIssuedOn), LicenceIssuer = e.LicenceIssuer,
        LicenceExpiresOn = IsoDate(e.LicenceExpiresOn), SubdomainConfirmation = e.SubdomainConfirmation, Ipv6 = YesNo(e.Ipv6), Emc = YesNo(e.Emc),
        EmcSiteId = e.EmcSiteId, Notes = e.Notes,
    };

    private static string? IsoDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string YesNo(bool? v) => v switch { true => "co", false => "khong", null => "" };

    /// <summary>The form as a change; dates and yes/no are read here, everything else is checked by the service.</summary>
    private static RegistryChange ToChange(EntryForm f, RegistryEntry? e, List<string> errors)
    {
        DateOnly? Date(string? text, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (RegistryCells.TryParseDate(text, out var d) && d.Year is >= 1990 and <= 2100) return d;
            errors.Add($"{label} \"{text}\" không hợp lệ (dùng dd/mm/yyyy).");
            return null;
        }
        bool? Flag(string? v, string label) => v switch
        {
            "co" => true,
            "khong" => false,
            null or "" => null,
            _ => Fail(label),
        };
        bool? Fail(string label) { errors.Add($"{label}: chọn Có, Không hoặc Chưa rõ."); return null; }
        var hosted = e?.Hosted == true;
        return new RegistryChange
        {
            UnitName = hosted ? e!.UnitName : f.UnitName ?? "",
            UnitKindCode = hosted ? e!.UnitKindCode : f.UnitKindCode ?? "",
            ParentId = f.ParentId,
            Domains = hosted ? e!.Domains.OrderBy(d => d.Order).Select(d => d.Domain).ToList() : DomainNames.Split(f.Domains),
            SiteTypeCode = f.SiteTypeCode ?? "",
            LicenceNumber = f.LicenceNumber,
            LicenceIssuedOn = Date(f.LicenceIssuedOn, "Ngày cấp giấy phép"),
            LicenceIssuer = f.LicenceIssuer,
            LicenceExpiresOn = Date(f.LicenceExpiresOn, "Ngày hết hạn giấy phép"),
            SubdomainConfirmation = f.SubdomainConfirmation,
            Ipv6 = Flag(f.Ipv6, "IPv6"),
            Emc = hosted ? e!.Emc : Flag(f.Emc, "Kết nối EMC"),
            EmcSiteId = hosted ? e!.EmcSiteId : f.EmcSiteId,
            Notes = f.Notes,
        };
    }
}
