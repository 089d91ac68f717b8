using System.Globalization;
using System.Text.RegularExpressions;

namespace MinhBach.Features.Registry;

/// <summary>
/// Domains as the registry keeps them: lower case, no scheme, path, port or trailing dot, and an internationalised
/// name in its ASCII form (xn--…), so "https://SoTP.DongMinh.gov.vn/gioi-thieu" and "sotp.dongminh.gov.vn" are the same.
/// </summary>
public static partial class DomainNames
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+(xn--[a-z0-9-]{1,59}|[a-z]{2,63})$")]
    private static partial Regex HostPattern();

    /// <summary>The normal form, or null with a Vietnamese reason.</summary>
    public static string? Normalise(string? input, out string? error)
    {
        error = null;
        var v = (input ?? "").Trim();
        if (v.Length == 0)
        {
            error = "tên miền trống";
            return null;
        }
        if (v.Length > 1000)
        {
            error = "tên miền quá dài";
            return null;
        }
        var scheme = v.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) v = v[(scheme + 3)..];
        var end = v.IndexOfAny(['/', '?', '#']);
        if (end >= 0) v = v[..end];
        var at = v.LastIndexOf('@');
        if (at >= 0) v = v[(at + 1)..];
        var colon = v.LastIndexOf(':');
        if (colon >= 0 && v[(colon + 1)..].All(char.IsAsciiDigit)) v = v[..colon];
        v = v.TrimEnd('.').Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
        string ascii;
        try
        {
            ascii = v.All(char.IsAscii) ? v : Idn.GetAscii(v);
        }
        catch (ArgumentException)
        {
            error = $"\"{input!.Trim()}\" không phải tên miền hợp lệ";
            return null;
        }
        if (!HostPattern().IsMatch(ascii))
        {
            error = $"\"{input!.Trim()}\" không phải tên miền hợp lệ (ví dụ: sotp.tinh.gov.vn)";
            return null;
        }
        return ascii;
    }

    /// <summary>For people: an xn-- name shown in its own letters.</summary>
    public static string Display(string domain)
    {
        if (!domain.Contains("xn--", StringComparison.Ordinal)) return domain;
        try { return Idn.GetUnicode(domain); }
        catch (ArgumentException) { return domain; }
    }

    /// <summary>Domains written in one cell: separated by commas, semicolons, spaces or line breaks.</summary>
    public static IReadOnlyList<string> Split(string? cell) =>
        (cell ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
