using System.Text.RegularExpressions;
using MinhBach.Text;

namespace MinhBach.Features.Admin;

/// <summary>
/// Checks what an editor typed and collects every problem as a Vietnamese sentence naming the field,
/// so the form can show them all at once; each method returns the cleaned value (trimmed, null when blank).
/// </summary>
public sealed partial class FormCheck(List<string> errors)
{
    public const int ShortText = 300;
    public const int LongText = 4000;
    public const int HtmlText = 500_000;
    public const int MaxOrder = 1_000_000;

    public bool Ok => errors.Count == 0;

    public void Fail(string message)
    {
        if (!errors.Contains(message)) errors.Add(message);
    }

    /// <summary>A required line of text.</summary>
    public string Required(string? value, string label, int max = ShortText)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) Fail($"{label} không được để trống.");
        else if (v.Length > max) Fail($"{label} dài quá {VietnameseText.FormatNumber(max)} ký tự (đang có {VietnameseText.FormatNumber(v.Length)}).");
        return v;
    }

    /// <summary>An optional line of text; null when blank.</summary>
    public string? Optional(string? value, string label, int max = ShortText)
    {
        var v = value?.Trim() ?? "";
        if (v.Length > max) Fail($"{label} dài quá {VietnameseText.FormatNumber(max)} ký tự (đang có {VietnameseText.FormatNumber(v.Length)}).");
        return v.Length == 0 ? null : v;
    }

    /// <summary>Rich text; sanitised by AppDb when saved.</summary>
    public string Html(string? value, string label, bool required = false)
    {
        var v = value?.Trim() ?? "";
        if (required && v.Length == 0) Fail($"{label} không được để trống.");
        else if (v.Length > HtmlText) Fail($"{label} dài quá {VietnameseText.FormatNumber(HtmlText)} ký tự.");
        return v;
    }

    public int Order(int? value, string label = "Thứ tự")
    {
        var v = value ?? 0;
        if (v is < 0 or > MaxOrder) Fail($"{label} phải là số từ 0 đến {VietnameseText.FormatNumber(MaxOrder)}.");
        return v;
    }

    /// <summary>A full web address (http or https only: no javascript:, data: or other schemes).</summary>
    public string? WebAddress(string? value, string label, bool required = false, int max = 1000)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0)
        {
            if (required) Fail($"{label} không được để trống.");
            return null;
        }
        if (v.Length > max) Fail($"{label} dài quá {VietnameseText.FormatNumber(max)} ký tự.");
        else if (!IsWebAddress(v)) Fail($"{label} \"{v}\" không hợp lệ: phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.");
        return v;
    }

    /// <summary>A web address, or a path on this server ("/tep/…", "/assets/…") for files and images.</summary>
    public string? FileAddress(string? value, string label, int max = 1000)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) return null;
        if (v.Length > max) Fail($"{label} dài quá {VietnameseText.FormatNumber(max)} ký tự.");
        else if (!IsWebAddress(v) && !LocalPath().IsMatch(v))
            Fail($"{label} \"{v}\" không hợp lệ: dùng địa chỉ bắt đầu bằng http://, https:// hoặc đường dẫn trên trang bắt đầu bằng /.");
        return v;
    }

    public static bool IsWebAddress(string v) =>
        Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.Host.Length > 0 && !v.Any(char.IsWhiteSpace);

    public string? Email(string? value, string label = "Email", bool required = false)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0)
        {
            if (required) Fail($"{label} không được để trống.");
            return null;
        }
        if (v.Length > 256 || !EmailPattern().IsMatch(v)) Fail($"{label} \"{v}\" không hợp lệ (ví dụ: vanphong@tinh.gov.vn).");
        return v;
    }

    public string? Phone(string? value, string label = "Điện thoại")
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) return null;
        if (v.Length > 50 || !PhonePattern().IsMatch(v)) Fail($"{label} \"{v}\" không hợp lệ: chỉ gồm chữ số, dấu cách và các dấu + ( ) . - /.");
        return v;
    }

    /// <summary>The address segment: what was typed, or made from <paramref name="source"/> when left blank.</summary>
    public string Slug(string? value, string? source, string label = "Đường dẫn", int max = 120)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) v = VietnameseText.Slugify(source, max);
        if (v.Length == 0) Fail($"{label} không được để trống.");
        else if (v.Length > max) Fail($"{label} dài quá {max} ký tự.");
        else if (!SlugPattern().IsMatch(v)) Fail($"{label} \"{v}\" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang (ví dụ: tin-hoat-dong).");
        return v;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9+() ./-]+$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();

    [GeneratedRegex(@"^/[^/\\\s][^\s]*$")]
    private static partial Regex LocalPath();
}
