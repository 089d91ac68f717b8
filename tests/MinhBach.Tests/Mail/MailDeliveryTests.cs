using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MinhBach.Features.Mail;
using MinhBach.Features.Questions;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;

namespace MinhBach.Tests.Mail;

/// <summary>The outbox through a real SMTP server on loopback: delivered, retried with backoff while the server is down,
/// sent when it comes back, given up after the configured tries (and shown so), and kept unsent without a server.</summary>
public sealed class MailDeliveryTests
{
    private static Dictionary<string, string?> DownServer(int port, int maxAttempts = 8) => new()
    {
        ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:FirstRetrySeconds"] = "60",
        ["Mail:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:TimeoutSeconds"] = "5",
    };

    [DatabaseTheory]
    public async Task Mail_waits_while_the_server_is_down_with_backoff_and_goes_out_when_it_is_back(string provider)
    {
        var clock = ManualClock.AtVietnam(new DateOnly(2026, 11, 23), 10);
        var port = SmtpReceiver.FreePort();
        await using var w = await QnaWorld.StartAsync(provider, clock, DownServer(port));
        var (_, html) = await QnaWorld.AskAsync(w.Citizen(), "", QnaWorld.Fields());
        var code = QnaWorld.CodePattern().Match(html).Value;

        // Down: one failed attempt, the next in 60 s; nothing is due before then.
        Assert.Equal(new SendReport(0, 1, 0), await w.SendMailAsync());
        var mail = Assert.Single(await w.OutboxAsync());
        Assert.Equal(OutboxStatus.Pending, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.Contains("Không kết nối được máy chủ thư 127.0.0.1:" + port, mail.LastError);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(60), mail.NextAttemptAt);
        Assert.Equal(new SendReport(0, 0, 0), await w.SendMailAsync());
        // Still down a minute later: the wait doubles.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(new SendReport(0, 1, 0), await w.SendMailAsync());
        mail = Assert.Single(await w.OutboxAsync());
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(120), mail.NextAttemptAt);

        // The administration shows it waiting, with the reason.
        using (var editor = await w.SignInAsync(QnaWorld.PortalEditor))
        {
            var page = WebUtility.HtmlDecode((await editor.GetHtmlAsync("/quan-tri/thu-di")).Body!.TextContent);
            Assert.Contains("Chưa gửi được (2 lần)", page);
            Assert.Contains("Không kết nối được máy chủ thư", page);
        }

        // The server is back on the same port: the mail goes out at its next time, intact (Vietnamese, UTF-8).
        await using var back = SmtpReceiver.Start(port);
        clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(new SendReport(1, 0, 0), await w.SendMailAsync());
        var received = Assert.Single(back.To("nguoihoi@example.vn"));
        Assert.Equal($"[Cổng thông tin điện tử tỉnh Đông Minh] Đã nhận câu hỏi {code}", received.Subject);
        Assert.Contains("Kính gửi ông/bà Nguyễn Thị Hỏi", received.TextBody);
        Assert.Equal("noreply@dongminh.gov.vn", received.From.Mailboxes.Single().Address);
        mail = Assert.Single(await w.OutboxAsync());
        Assert.Equal(OutboxStatus.Sent, mail.Status);
        Assert.Equal(3, mail.Attempts);
        Assert.Equal(new SendReport(0, 0, 0), await w.SendMailAsync());
        Assert.Single(back.Messages);
    }

    [DatabaseTheory]
    public async Task After_the_last_try_a_mail_is_given_up_shown_in_the_administration_and_can_be_sent_again(string provider)
    {
        var clock = ManualClock.AtVietnam(new DateOnly(2026, 11, 23), 10);
        var port = SmtpReceiver.FreePort();
        await using var w = await QnaWorld.StartAsync(provider, clock, DownServer(port, maxAttempts: 3));
        await QnaWorld.AskAsync(w.Citizen(), "", QnaWorld.Fields());
        Assert.Equal(new SendReport(0, 1, 0), await w.SendMailAsync());
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(new SendReport(0, 1, 0), await w.SendMailAsync());
        clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(new SendReport(0, 0, 1), await w.SendMailAsync());
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new SendReport(0, 0, 0), await w.SendMailAsync());
        var mail = Assert.Single(await w.OutboxAsync());
        Assert.Equal(OutboxStatus.GaveUp, mail.Status);

        using var editor = await w.SignInAsync(QnaWorld.PortalEditor);
        var page = await editor.GetHtmlAsync("/quan-tri/thu-di");
        Assert.Contains("Không gửi được, đã thôi gửi sau 3 lần", WebUtility.HtmlDecode(page.Body!.TextContent));
        Assert.Contains("Thôi gửi: 1", page.Body!.TextContent);
        using (var retry = await editor.PostFormAsync($"/quan-tri/thu-di?handler=Retry&id={mail.Id}"))
            Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Single(await w.AuditAsync("mail.retry"));
        await using var back = SmtpReceiver.Start(port);
        Assert.Equal(new SendReport(1, 0, 0), await w.SendMailAsync());
        Assert.Single(back.Messages);

        // A contributor sees no outbox and cannot send again.
        using var contributor = await w.SignInAsync(QnaWorld.PortalContributor);
        using var refused = await contributor.GetAsync("/quan-tri/thu-di");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [DatabaseTheory]
    public async Task A_mailbox_the_server_refuses_is_given_up_at_once_and_the_others_are_sent(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        w.Smtp.Refuse.Add("khongco@example.vn");
        await QnaWorld.AskAsync(w.Citizen(), "", QnaWorld.Fields(("Email", "khongco@example.vn")));
        await QnaWorld.AskAsync(w.Citizen(), "", QnaWorld.Fields());
        Assert.Equal(new SendReport(1, 0, 1), await w.SendMailAsync());
        var mails = await w.OutboxAsync();
        Assert.Equal(OutboxStatus.GaveUp, mails[0].Status);
        Assert.Contains("từ chối người nhận", mails[0].LastError);
        Assert.Equal(OutboxStatus.Sent, mails[1].Status);
    }

    [DatabaseTheory]
    public async Task Without_a_mail_server_mail_is_kept_and_shown_as_not_sent(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider, extra: new Dictionary<string, string?> { ["Mail:Host"] = "" });
        await QnaWorld.AskAsync(w.Citizen(), "", QnaWorld.Fields());
        Assert.True((await w.SendMailAsync()).NotConfigured);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await w.OutboxAsync()).Status);
        using var editor = await w.SignInAsync(QnaWorld.PortalEditor);
        var page = WebUtility.HtmlDecode((await editor.GetHtmlAsync("/quan-tri/thu-di")).Body!.TextContent);
        Assert.Contains("Chưa gửi: chưa cấu hình máy chủ thư (Mail:Host)", page);
        Assert.Empty(w.Smtp.Messages);
    }

    [Fact]
    public async Task The_scheduled_job_delivers_the_receipt_of_a_question_through_SMTP()
    {
        await using var w = await QnaWorld.StartAsync(Databases.Sqlite, extra: new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "true",
            ["Mail:SendCheckSeconds"] = "1",
        });
        var (_, html) = await QnaWorld.AskAsync(w.Citizen(), "", QnaWorld.Fields());
        var code = QnaWorld.CodePattern().Match(html).Value;
        var mail = await Eventually.WaitAsync(() => Task.FromResult(w.Smtp.To("nguoihoi@example.vn").FirstOrDefault()), m => m is not null,
            TimeSpan.FromSeconds(60), "the receipt reached the mailbox");
        Assert.Contains(code, mail!.Subject);
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap()
    {
        var o = new MailOptions { FirstRetrySeconds = 60, MaxRetrySeconds = 600 };
        Assert.Equal([60, 120, 240, 480, 600, 600], Enumerable.Range(1, 6).Select(n => (int)MailSender.Backoff(n, o).TotalSeconds));
    }

    [Theory]
    [InlineData("Mail:From", "khong-phai-dia-chi", "Mail:From \"khong-phai-dia-chi\" không phải địa chỉ thư hợp lệ")]
    [InlineData("Mail:Port", "70000", "Mail:Port phải từ 1 đến 65535")]
    [InlineData("Mail:MaxAttempts", "0", "Mail:MaxAttempts phải từ 1 đến 100")]
    [InlineData("Mail:Security", "Ssl3", "Mail:Security phải là Auto, None, StartTls hoặc SslOnConnect")]
    [InlineData("Mail:UserName", "guibao", "Mail:UserName và Mail:Password phải có cả hai")]
    public async Task Bad_mail_settings_stop_the_start_with_a_Vietnamese_message(string key, string value, string message)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var w = await QnaWorld.StartAsync(Databases.Sqlite, extra: new Dictionary<string, string?> { [key] = value });
        });
        Assert.Contains(message, e.ToString());
    }
}
