using System.Globalization;
using System.Text;
using MinhBach.Text;

namespace MinhBach.Features.Registry;

/// <summary>A column of the registry spreadsheet: what it is called on export, and the names accepted on import.</summary>
public sealed record RegistryColumn(RegistryField Field, string Header, bool Required, params string[] Aliases);

public enum RegistryField
{
    Number, UnitName, UnitKind, Parent, Domains, Hosted, SiteType, LicenceNumber, LicenceIssuedOn, LicenceIssuer,
    LicenceExpiresOn, SubdomainConfirmation, Ipv6, Emc, EmcSiteId, Notes,
}

/// <summary>The spreadsheet format of the registry (export writes it, import reads it) and how cells are understood.</summary>
public static class RegistryCells
{
    public const string SheetName = "Sổ theo dõi";

    public static readonly IReadOnlyList<RegistryColumn> Columns =
    [
        new(RegistryField.Number, "STT", false, "Số thứ tự", "TT"),
        new(RegistryField.UnitName, "Tên đơn vị", true, "Đơn vị", "Cơ quan, đơn vị", "Tên cơ quan", "Tên cơ quan, đơn vị"),
        new(RegistryField.UnitKind, "Loại đơn vị", true, "Loại cơ quan", "Cấp"),
        new(RegistryField.Parent, "Đơn vị cấp trên", false, "Cấp trên", "Cơ quan cấp trên"),
        new(RegistryField.Domains, "Tên miền", true, "Địa chỉ trang", "Địa chỉ", "Tên miền (domain)", "Domain", "Địa chỉ trang TTĐT"),
        new(RegistryField.Hosted, "Đặt trên hệ thống", false, "Trang thành phần", "Là trang thành phần"),
        new(RegistryField.SiteType, "Loại trang", false, "Loại trang TTĐT", "Loại hình trang"),
        new(RegistryField.LicenceNumber, "Số giấy phép", false, "Giấy phép số", "Số GP"),
        new(RegistryField.LicenceIssuedOn, "Ngày cấp giấy phép", false, "Ngày cấp phép", "Ngày cấp", "Ngày cấp GP"),
        new(RegistryField.LicenceIssuer, "Cơ quan cấp giấy phép", false, "Cơ quan cấp phép", "Nơi cấp", "Cơ quan cấp"),
        new(RegistryField.LicenceExpiresOn, "Ngày hết hạn giấy phép", false, "Ngày hết hạn", "Hết hạn", "Thời hạn giấy phép", "Ngày hết hạn GP"),
        new(RegistryField.SubdomainConfirmation, "Giấy xác nhận tên miền", false, "Xác nhận tên miền", "Giấy xác nhận subdomain", "Xác nhận subdomain"),
        new(RegistryField.Ipv6, "IPv6", false, "Đã chuyển đổi IPv6", "Hỗ trợ IPv6"),
        new(RegistryField.Emc, "Kết nối EMC", false, "EMC", "Gắn mã EMC", "Đã kết nối EMC"),
        new(RegistryField.EmcSiteId, "Mã EMC", false, "Mã trang EMC", "EMC site id", "Site id EMC"),
        new(RegistryField.Notes, "Ghi chú", false),
    ];

    /// <summary>A header as compared: no diacritics, no case, only letters, digits and single spaces ("Tên miền *:" = "ten mien").</summary>
    public static string HeaderKey(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        return sb.ToString().Trim();
    }

    private static readonly Dictionary<string, RegistryColumn> ByHeader = Columns
        .SelectMany(c => c.Aliases.Prepend(c.Header).Select(h => (Key: HeaderKey(h), Column: c)))
        .ToDictionary(x => x.Key, x => x.Column);

    public static RegistryColumn? FindColumn(string? header) => ByHeader.GetValueOrDefault(HeaderKey(header));

    /// <summary>dd/mm/yyyy (also d/m/yyyy, with - or .), yyyy-mm-dd, or an Excel serial day number.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        var v = (text ?? "").Trim();
        if (v.Length == 0) return false;
        string[] formats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "yyyy/M/d"];
        if (DateOnly.TryParseExact(v, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // A date typed in a cell formatted as date arrives as its serial number (days since 30/12/1899).
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466 && Math.Floor(serial) == serial)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        return false;
    }

    public static string DateText(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private static readonly HashSet<string> Yes = ["co", "x", "yes", "y", "true", "1", "da", "dung", "roi", "da ket noi", "da chuyen doi", "dat"];
    private static readonly HashSet<string> No = ["khong", "no", "n", "false", "0", "chua", "sai", "chua ket noi", "chua chuyen doi", "khong dat"];

    /// <summary>Có/Không in the usual spellings; blank is "not known" (null). False when the text means neither.</summary>
    public static bool TryParseYesNo(string? text, out bool? value)
    {
        value = null;
        var key = HeaderKey(text);
        if (key.Length == 0) return true;
        if (Yes.Contains(key)) { value = true; return true; }
        if (No.Contains(key)) { value = false; return true; }
        return false;
    }
}
