namespace MinhBach.Features.Registry;

/// <summary>Where an aggregated-site licence stands on a given day.</summary>
public enum LicenceState
{
    /// <summary>The type of site needs no licence.</summary>
    NotRequired,
    /// <summary>Needed, but no licence number is recorded (chưa cấp phép).</summary>
    Missing,
    Valid,
    /// <summary>Valid, but it expires within the warning window (60 days by default).</summary>
    Expiring,
    Expired,
}

/// <summary>The counts of seed 000's "Tình hình chung": sites, component sites, IPv6 n/N, EMC n/N, licences valid/expired.</summary>
public sealed record RegistrySummary(int Total, int Hosted, int Ipv6Yes, int Ipv6Unknown, int EmcYes, int EmcUnknown,
    int LicenceRequired, int LicenceValid, int LicenceExpiring, int LicenceExpired, int LicenceMissing)
{
    /// <summary>Expired or never licensed: seed 000 counts both as "giấy phép hết hiệu lực hoặc chưa tiến hành thủ tục cấp phép".</summary>
    public int LicenceNotValid => LicenceExpired + LicenceMissing;

    /// <summary>"21/27" as the seeds write it; two digits when the whole is ten or more ("06/27").</summary>
    public static string Ratio(int n, int of) => $"{(of >= 10 && n < 10 ? "0" : "")}{n}/{of}";
}

public static class RegistryRules
{
    public static LicenceState Licence(RegistryEntry e, SiteType? type, DateOnly today, int warningDays)
    {
        if (type?.RequiresLicence != true) return LicenceState.NotRequired;
        if (string.IsNullOrWhiteSpace(e.LicenceNumber)) return LicenceState.Missing;
        if (e.LicenceExpiresOn is not DateOnly expires) return LicenceState.Valid;
        if (expires < today) return LicenceState.Expired;
        return expires <= today.AddDays(warningDays) ? LicenceState.Expiring : LicenceState.Valid;
    }

    public static string LicenceText(LicenceState s) => s switch
    {
        LicenceState.NotRequired => "Không cần giấy phép",
        LicenceState.Missing => "Chưa có giấy phép",
        LicenceState.Valid => "Còn hiệu lực",
        LicenceState.Expiring => "Sắp hết hạn",
        LicenceState.Expired => "Đã hết hạn",
        _ => s.ToString(),
    };

    public static string YesNo(bool? v) => v switch { true => "Có", false => "Không", null => "" };

    public static string YesNoText(bool? v) => v switch { true => "Có", false => "Không", null => "Chưa rõ" };

    public static RegistrySummary Summarise(IReadOnlyCollection<RegistryRow> rows) => new(
        rows.Count,
        rows.Count(r => r.Entry.Hosted),
        rows.Count(r => r.Entry.Ipv6 == true), rows.Count(r => r.Entry.Ipv6 is null),
        rows.Count(r => r.Entry.Emc == true), rows.Count(r => r.Entry.Emc is null),
        rows.Count(r => r.Licence != LicenceState.NotRequired),
        rows.Count(r => r.Licence is LicenceState.Valid or LicenceState.Expiring),
        rows.Count(r => r.Licence == LicenceState.Expiring),
        rows.Count(r => r.Licence == LicenceState.Expired),
        rows.Count(r => r.Licence == LicenceState.Missing));

    /// <summary>Parses a licence line as sites show it: "Giấy phép số 12/GP-STTTT ngày 05/3/2024 do Sở Thông tin và Truyền thông cấp".</summary>
    public static (string? Number, DateOnly? IssuedOn, string? Issuer) ParseLicenceLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return (null, null, null);
        var m = System.Text.RegularExpressions.Regex.Match(line,
            @"(?:số|so)\s*:?\s*(?<n>[0-9]+/[^\s,;]+)(?:.*?ngày\s*(?<d>\d{1,2}/\d{1,2}/\d{4}))?(?:.*?\bdo\s+(?<i>.+?)\s+cấp\b)?",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(200));
        if (!m.Success) return (null, null, null);
        DateOnly? date = m.Groups["d"].Success && RegistryCells.TryParseDate(m.Groups["d"].Value, out var d) ? d : null;
        return (m.Groups["n"].Value.TrimEnd('.'), date, m.Groups["i"].Success ? m.Groups["i"].Value.Trim() : null);
    }

    public static string Folded(string name) => SiteTypes.Key(name);

    public static string DomainsText(RegistryEntry e) => string.Join(", ", e.Domains.OrderBy(d => d.Order).Select(d => DomainNames.Display(d.Domain)));
}
