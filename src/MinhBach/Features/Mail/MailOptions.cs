using MimeKit;

namespace MinhBach.Features.Mail;

/// <summary>How the connection to the mail server is protected (MailKit's SecureSocketOptions).</summary>
public enum MailSecurity
{
    /// <summary>TLS from the start on port 465, STARTTLS when the server offers it on other ports.</summary>
    Auto,
    /// <summary>No encryption (a relay on the same machine or network only).</summary>
    None,
    /// <summary>STARTTLS required: the mail is not sent over a server that does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the start (usually port 465).</summary>
    SslOnConnect,
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server. Empty: mail is kept in the outbox, shown as not sent, until one is configured.</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.Auto;
    /// <summary>Sender, e.g. "Cổng TTĐT tỉnh Đông Minh &lt;noreply@dongminh.gov.vn&gt;".</summary>
    public string From { get; set; } = "";
    /// <summary>Account on the server, if it asks for one; the password comes from the environment (Mail__Password).</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Tries per mail before giving up (the administration shows those given up).</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Wait after the first failure; doubled after each further failure, up to <see cref="MaxRetrySeconds"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 60;
    public int MaxRetrySeconds { get; set; } = 6 * 3600;
    /// <summary>How often the outbox is looked at.</summary>
    public int SendCheckSeconds { get; set; } = 30;
    /// <summary>Mails sent per look at most.</summary>
    public int BatchSize { get; set; } = 50;
    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Every problem with the settings, in Vietnamese.</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Port is < 1 or > 65535) p.Add($"Mail:Port phải từ 1 đến 65535 (đang là {Port}).");
        if (Configured && !(MailboxAddress.TryParse(From ?? "", out var from) && from.Domain.Length > 0 && from.LocalPart.Length > 0))
            p.Add($"Mail:From \"{From}\" không phải địa chỉ thư hợp lệ (ví dụ: Cổng TTĐT tỉnh <noreply@tinh.gov.vn>); cần khi đã đặt Mail:Host.");
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
            p.Add("Mail:UserName và Mail:Password phải có cả hai hoặc bỏ trống cả hai (mật khẩu đặt qua biến môi trường Mail__Password).");
        if (MaxAttempts is < 1 or > 100) p.Add("Mail:MaxAttempts phải từ 1 đến 100.");
        if (FirstRetrySeconds is < 1 or > 86_400) p.Add("Mail:FirstRetrySeconds phải từ 1 đến 86400.");
        if (MaxRetrySeconds < FirstRetrySeconds || MaxRetrySeconds > 7 * 86_400) p.Add("Mail:MaxRetrySeconds phải từ FirstRetrySeconds đến 604800.");
        if (SendCheckSeconds is < 1 or > 3600) p.Add("Mail:SendCheckSeconds phải từ 1 đến 3600.");
        if (BatchSize is < 1 or > 10_000) p.Add("Mail:BatchSize phải từ 1 đến 10000.");
        if (TimeoutSeconds is < 1 or > 600) p.Add("Mail:TimeoutSeconds phải từ 1 đến 600.");
        return p;
    }
}
