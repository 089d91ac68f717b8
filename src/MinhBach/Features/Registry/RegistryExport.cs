using MinhBach.Features.Exports;

namespace MinhBach.Features.Registry;

/// <summary>The registry as XLSX, in the columns the import reads back (an export imported again changes nothing).</summary>
public static class RegistryExport
{
    public static byte[] Xlsx(IReadOnlyList<RegistryRow> rows) =>
        Spreadsheet.Xlsx(RegistryCells.SheetName, RegistryCells.Columns.Select(c => c.Header).ToList(), rows.Select((r, i) => Values(r, i + 1)));

    private static IReadOnlyList<object?> Values(RegistryRow r, int number)
    {
        var e = r.Entry;
        return RegistryCells.Columns.Select(c => c.Field switch
        {
            RegistryField.Number => (object?)number,
            RegistryField.UnitName => e.UnitName,
            RegistryField.UnitKind => r.KindName,
            RegistryField.Parent => r.ParentName,
            RegistryField.Domains => string.Join("; ", e.Domains.OrderBy(d => d.Order).Select(d => DomainNames.Display(d.Domain))),
            RegistryField.Hosted => e.Hosted ? "Có" : "Không",
            RegistryField.SiteType => r.TypeName,
            RegistryField.LicenceNumber => e.LicenceNumber,
            RegistryField.LicenceIssuedOn => RegistryCells.DateText(e.LicenceIssuedOn),
            RegistryField.LicenceIssuer => e.LicenceIssuer,
            RegistryField.LicenceExpiresOn => RegistryCells.DateText(e.LicenceExpiresOn),
            RegistryField.SubdomainConfirmation => e.SubdomainConfirmation,
            RegistryField.Ipv6 => RegistryRules.YesNo(e.Ipv6),
            RegistryField.Emc => RegistryRules.YesNo(e.Emc),
            RegistryField.EmcSiteId => e.EmcSiteId,
            RegistryField.Notes => e.Notes,
            _ => null,
        }).ToList();
    }
}
