using System.Security.Cryptography;

namespace MinhBach.Features.Questions;

/// <summary>
/// Tracking codes such as HD-7K3M-Q9XA: 8 characters from 31 that cannot be confused when read aloud or copied by
/// hand (no 0/O, 1/I/L), about 40 bits drawn by a cryptographic generator, so one cannot be guessed; looking one up
/// is a rate-limited form.
/// </summary>
public static class TrackingCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const string Prefix = "HD";
    public const string Example = "HD-7K3M-Q9XA";
    public const int MaxLength = 12;

    public static string New()
    {
        Span<char> c = stackalloc char[8];
        for (var i = 0; i < c.Length; i++) c[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{Prefix}-{c[..4]}-{c[4..]}";
    }

    /// <summary>The code in its written form, from what someone typed ("hd 7k3m q9xa", "7K3MQ9XA"); null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40) return null;
        var s = new string(typed.Where(ch => !char.IsWhiteSpace(ch) && ch != '-').ToArray()).ToUpperInvariant();
        if (s.StartsWith(Prefix, StringComparison.Ordinal) && s.Length == 10) s = s[2..];
        if (s.Length != 8 || s.Any(ch => !Alphabet.Contains(ch))) return null;
        return $"{Prefix}-{s[..4]}-{s[4..]}";
    }
}
