using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MinhBach.Data;

namespace MinhBach.Features.Mail;

/// <summary>A mail to queue: the words and who gets it.</summary>
public sealed record MailMessage(string To, string Subject, string Body, string Kind, string? RefType = null, string? RefId = null);

/// <summary>Queues mail on the caller's context: it is written by the caller's save, in the caller's transaction.</summary>
public sealed class MailOutbox(TimeProvider clock)
{
    public void Enqueue(AppDb db, int? siteId, MailMessage m)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMails.Add(new OutboxMail
        {
            SiteId = siteId, To = m.To.Trim(), Subject = m.Subject, Body = m.Body, Kind = m.Kind, RefType = m.RefType, RefId = m.RefId,
            CreatedAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending,
        });
    }
}

/// <summary>What one look at the outbox did.</summary>
public sealed record SendReport(int Sent, int Failed, int GaveUp, bool NotConfigured = false);

/// <summary>
/// Sends what is due in the outbox through the SMTP server of <see cref="MailOptions"/> (MailKit). A failed attempt
/// waits FirstRetrySeconds, then twice as long after each further failure; after MaxAttempts the mail is given up
/// and the administration shows it. Each mail's outcome is saved as soon as it is known, so a crash between the
/// server's acceptance and that save sends that one mail a second time, never loses one.
/// </summary>
public sealed class MailSender(AppDb db, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> log)
{
    public async Task<SendReport> SendDueAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Configured) return new(0, 0, 0, NotConfigured: true);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMails.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return new(0, 0, 0);

        int sent = 0, failed = 0, gaveUp = 0;
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, Socket(o.Security), ct);
            if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var why = $"Không kết nối được máy chủ thư {o.Host}:{o.Port}: {e.Message}";
            log.LogWarning("{Why} ({Count} thư chờ gửi lại sau).", why, due.Count);
            foreach (var m in due)
                if (Fail(m, why, o, now)) gaveUp++; else failed++;
            await db.SaveChangesAsync(CancellationToken.None);
            return new(0, failed, gaveUp);
        }

        foreach (var m in due)
        {
            if (ct.IsCancellationRequested) break;
            try
            {
                if (!client.IsConnected) await client.ConnectAsync(o.Host, o.Port, Socket(o.Security), ct);
                await client.SendAsync(Build(m, o), ct);
                m.Status = OutboxStatus.Sent;
                m.Attempts++;
                m.LastAttemptAt = m.SentAt = now;
                m.LastError = null;
                sent++;
            }
            catch (ParseException e)
            {
                GiveUp(m, $"Địa chỉ người nhận \"{m.To}\" không hợp lệ: {e.Message}", now);
                gaveUp++;
            }
            catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
            {
                // The server refuses this mailbox for good: trying again changes nothing.
                GiveUp(m, $"Máy chủ thư từ chối người nhận \"{m.To}\": {e.Message}", now);
                gaveUp++;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException or TimeoutException)
            {
                if (Fail(m, $"Gửi không thành công: {e.Message}", o, now)) gaveUp++; else failed++;
            }
            // The outcome is saved at once: a crash now must not send this mail again, nor forget a failure.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (client.IsConnected)
        {
            try { await client.DisconnectAsync(true, CancellationToken.None); }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException) { log.LogDebug(e, "QUIT failed"); }
        }
        if (gaveUp > 0) log.LogWarning("Đã thôi gửi {Count} thư sau nhiều lần không thành công; xem mục Thư đi trong trang quản trị.", gaveUp);
        if (sent > 0) log.LogInformation("Đã gửi {Count} thư.", sent);
        return new(sent, failed, gaveUp);
    }

    /// <summary>Counts a failed attempt; true when the mail is now given up.</summary>
    private bool Fail(OutboxMail m, string why, MailOptions o, DateTime now)
    {
        m.Attempts++;
        m.LastAttemptAt = now;
        m.LastError = Cut(why);
        if (m.Attempts >= o.MaxAttempts)
        {
            m.Status = OutboxStatus.GaveUp;
            log.LogWarning("Thôi gửi thư {Id} ({Kind}) sau {Attempts} lần: {Why}", m.Id, m.Kind, m.Attempts, why);
            return true;
        }
        m.NextAttemptAt = now + Backoff(m.Attempts, o);
        return false;
    }

    private static void GiveUp(OutboxMail m, string why, DateTime now)
    {
        m.Attempts++;
        m.LastAttemptAt = now;
        m.LastError = Cut(why);
        m.Status = OutboxStatus.GaveUp;
    }

    /// <summary>FirstRetrySeconds after the first failure, doubled after each further one, at most MaxRetrySeconds.</summary>
    public static TimeSpan Backoff(int attempts, MailOptions o)
    {
        var seconds = o.FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, o.MaxRetrySeconds));
    }

    private static string Cut(string s) => s.Length <= 1000 ? s : s[..1000];

    private static SecureSocketOptions Socket(MailSecurity s) => s switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static MimeMessage Build(OutboxMail m, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject;
        // One id per outbox row: a mail sent twice after a crash is recognisable as the same one.
        message.MessageId = $"outbox-{m.Id}.{m.CreatedAt.Ticks}@{message.From.Mailboxes.First().Domain}";
        message.Date = new DateTimeOffset(m.CreatedAt, TimeSpan.Zero);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart("plain") { Text = m.Body };
        return message;
    }
}
