using System.Security.Cryptography;

namespace MinhBach.Features.Requests;

/// <summary>
/// Tracking codes such as HD-7K3M-Q9XA (a question) or PA-7K3M-Q9XA (a petition): a two-letter prefix naming the kind
/// of request, then 8 characters from 31 that cannot be confused when read aloud or copied by hand (no 0/O, 1/I/L),
/// about 40 bits drawn by a cryptographic generator, so one cannot be guessed; looking one up is a rate-limited form.
/// </summary>
public sealed class TrackingCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int MaxLength = 12;

    /// <summary>Questions (hỏi đáp).</summary>
    public static readonly TrackingCode Question = new("HD", "HD-7K3M-Q9XA");
    /// <summary>Petitions (phản ánh, kiến nghị).</summary>
    public static readonly TrackingCode Petition = new("PA", "PA-7K3M-Q9XA");

    private TrackingCode(string prefix, string example)
    {
        Prefix = prefix;
        Example = example;
    }

    public string Prefix { get; }
    public string Example { get; }

    public string New()
    {
        Span<char> c = stackalloc char[8];
        for (var i = 0; i < c.Length; i++) c[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{Prefix}-{c[..4]}-{c[4..]}";
    }

    /// <summary>The code in its written form, from what someone typed ("hd 7k3m q9xa", "7K3MQ9XA"); null when it cannot
    /// be one of this kind (another kind's prefix included).</summary>
    public string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40) return null;
        var s = new string(typed.Where(ch => !char.IsWhiteSpace(ch) && ch != '-').ToArray()).ToUpperInvariant();
        if (s.StartsWith(Prefix, StringComparison.Ordinal) && s.Length == 10) s = s[2..];
        if (s.Length != 8 || s.Any(ch => !Alphabet.Contains(ch))) return null;
        return $"{Prefix}-{s[..4]}-{s[4..]}";
    }

    /// <summary>The message for a code typed in a wrong form, or for none at all.</summary>
    public string Malformed(string? typed) => string.IsNullOrWhiteSpace(typed)
        ? $"Hãy nhập mã tra cứu (ví dụ: {Example})."
        : $"Mã tra cứu không đúng dạng: mã gồm chữ {Prefix} và 8 chữ cái, chữ số, ví dụ {Example}.";
}
