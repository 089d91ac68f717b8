namespace MinhBach.Features.Mail;

public enum OutboxStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 0,
    Sent = 1,
    /// <summary>Tried <see cref="MailOptions.MaxAttempts"/> times (or refused for good by the server): no more tries.</summary>
    GaveUp = 2,
}

/// <summary>
/// One e-mail to send, written in the same transaction as the change that causes it (a question received, an
/// answer given), so a change is never saved without its mail nor a mail queued for a change that was rolled
/// back. A Quartz job sends it later and retries with backoff while the mail server is down.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }
    /// <summary>The site the mail is sent for (its administration lists it); null for mail of no site.</summary>
    public int? SiteId { get; set; }
    /// <summary>Stable code of what the mail is about, e.g. "question.received", "question.escalation".</summary>
    public string Kind { get; set; } = "";
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    /// <summary>Plain text.</summary>
    public string Body { get; set; } = "";
    /// <summary>What the mail refers to ("question" and its id), for the administration.</summary>
    public string? RefType { get; set; }
    public string? RefId { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Why the last attempt failed, in Vietnamese with the server's words.</summary>
    public string? LastError { get; set; }
}
