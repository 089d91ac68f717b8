namespace MinhBach.Features.Registry;

/// <summary>Registry:* settings.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>A licence that expires within this many days is flagged as expiring (60 by default).</summary>
    public int LicenceWarningDays { get; set; } = 60;
    /// <summary>Largest import file accepted, in megabytes.</summary>
    public int MaxImportMegabytes { get; set; } = 2;
    /// <summary>Most rows one import may hold.</summary>
    public int MaxImportRows { get; set; } = 5000;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (LicenceWarningDays is < 1 or > 365) p.Add("Registry:LicenceWarningDays phải từ 1 đến 365 ngày.");
        if (MaxImportMegabytes is < 1 or > 2) p.Add("Registry:MaxImportMegabytes phải từ 1 đến 2.");
        if (MaxImportRows is < 1 or > 100_000) p.Add("Registry:MaxImportRows phải từ 1 đến 100.000.");
        return p;
    }
}
