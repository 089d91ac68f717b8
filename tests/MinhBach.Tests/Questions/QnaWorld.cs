using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Mail;
using MinhBach.Features.Questions;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Mail;

namespace MinhBach.Tests.Questions;

/// <summary>
/// The province of the Q&amp;A tests: the portal, the natural-resources department (so-tnmt) and another department
/// (so-b), editors and editors-in-chief on each, a real SMTP receiver on loopback, and optionally a clock the test moves.
/// Background jobs are off unless asked for: the tests run the deadline check and the outbox themselves.
/// </summary>
public sealed partial class QnaWorld : IAsyncDisposable
{
    public const string Password = "DongMinh2026a";
    public const string DeptName = "Trang thông tin điện tử Sở Tài nguyên và Môi trường";
    public const string PortalEditor = "btv.cong@tinh.gov.vn";
    public const string PortalChief = "truongban.cong@tinh.gov.vn";
    public const string DeptEditor = "btv.tnmt@tinh.gov.vn";
    public const string DeptChief = "truongban.tnmt@tinh.gov.vn";
    public const string OtherEditor = "btv.b@tinh.gov.vn";
    public const string PortalContributor = "ctv.cong@tinh.gov.vn";

    private QnaWorld(TestApp app, SmtpReceiver smtp, ManualClock? clock, Site portal, Site dept, Site other)
    {
        App = app;
        Smtp = smtp;
        Clock = clock;
        Portal = portal;
        Dept = dept;
        Other = other;
    }

    public TestApp App { get; }
    public SmtpReceiver Smtp { get; }
    public ManualClock? Clock { get; }
    public Site Portal { get; }
    public Site Dept { get; }
    public Site Other { get; }

    public static async Task<QnaWorld> StartAsync(string provider, ManualClock? clock = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var smtp = SmtpReceiver.Start();
        var settings = new Dictionary<string, string?>
        {
            ["Accounts:TwoFactorRequiredFrom"] = "None",
            ["RateLimits:PublicFormPerMinute"] = "100000",
            ["Scheduling:Enabled"] = "false",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:From"] = "Cổng TTĐT tỉnh Đông Minh <noreply@dongminh.gov.vn>",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        TestApp app;
        try
        {
            app = await TestApp.StartAsync(provider, settings, clock is null ? null : s => s.AddSingleton<TimeProvider>(clock));
        }
        catch
        {
            await smtp.DisposeAsync();
            throw;
        }
        try
        {
            var portal = await app.CreatePortalAsync();
            var dept = await app.AddSiteAsync("so-tnmt", DeptName);
            var other = await app.AddSiteAsync("so-b", "Trang thông tin điện tử Sở Tư pháp");
            foreach (var (email, name, slug, role) in new (string, string, string, SiteRole)[]
            {
                (PortalEditor, "Phạm Thị Hằng", "", SiteRole.Editor), (PortalChief, "Ngô Đức Thắng", "", SiteRole.EditorInChief),
                (DeptEditor, "Lê Thị Thu", "so-tnmt", SiteRole.Editor), (DeptChief, "Trần Văn Đông", "so-tnmt", SiteRole.EditorInChief),
                (OtherEditor, "Vũ Văn Bình", "so-b", SiteRole.Editor), (PortalContributor, "Lê Văn Tài", "", SiteRole.Contributor),
            })
            {
                await app.CreateUserAsync(email, Password, name);
                await app.GrantAsync(email, slug, role);
            }
            return new QnaWorld(app, smtp, clock, portal, dept, other);
        }
        catch
        {
            await app.DisposeAsync();
            await smtp.DisposeAsync();
            throw;
        }
    }

    public async Task<AdminSession> SignInAsync(string email)
    {
        var session = new AdminSession(App);
        using var response = await session.PostFormAsync("/quan-tri/dang-nhap", ("UserName", email), ("Password", Password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}");
        session.SignedIn();
        return session;
    }

    /// <summary>A citizen's browser: cookies of its own, nobody signed in.</summary>
    public AdminClient Citizen() => new(App);

    /// <summary>A valid question's fields (change any with <paramref name="with"/>).</summary>
    public static Dictionary<string, string> Fields(params (string Name, string Value)[] with)
    {
        var f = new Dictionary<string, string>
        {
            ["AskerName"] = "Nguyễn Thị Hỏi",
            ["Email"] = "nguoihoi@example.vn",
            ["Phone"] = "0912 345 678",
            ["Topic"] = "Đất đai",
            ["QuestionTitle"] = "Thủ tục cấp giấy chứng nhận quyền sử dụng đất",
            ["Body"] = "Gia đình tôi có mảnh đất ở xã Tân Phú, đã sử dụng ổn định từ năm 1995. Xin hỏi thủ tục cấp giấy chứng nhận lần đầu gồm những giấy tờ gì?",
            ["Consent"] = "true",
            ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
        };
        foreach (var (n, v) in with) f[n] = v;
        return f;
    }

    /// <summary>Posts the ask form of a site ("" or "/so-tnmt") as a browser does (multipart, antiforgery token).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> AskAsync(AdminClient citizen, string prefix, IReadOnlyDictionary<string, string> fields,
        (string Name, byte[] Content, string Type)? file = null, bool withToken = true)
    {
        var form = new Multipart();
        foreach (var (k, v) in fields) form.Field(k, v);
        if (file is { } f) form.File("Attachment", f.Name, f.Content, f.Type);
        if (withToken) form.Field(AdminClient.TokenField, await citizen.AntiforgeryTokenAsync(prefix + QuestionUrls.Ask));
        var response = await citizen.Http.PostAsync(prefix + QuestionUrls.Ask, form.ToContent());
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("HD-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    public static partial Regex CodePattern();

    public Task<T> DbAsync<T>(Func<AppDb, Task<T>> work) => App.WithDbAsync(work);

    public Task<Question> QuestionAsync(string code) =>
        DbAsync(db => db.Questions.IgnoreQueryFilters().AsNoTracking().SingleAsync(q => q.Code == code));

    public Task<int> CountAsync() => DbAsync(db => db.Questions.IgnoreQueryFilters().CountAsync());

    public Task<List<OutboxMail>> OutboxAsync() => DbAsync(db => db.OutboxMails.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task<List<AuditEntry>> AuditAsync(string prefix) =>
        DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith(prefix)).OrderBy(e => e.Sequence).ToListAsync());

    public async Task<SendReport> SendMailAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailSender>().SendDueAsync();
    }

    public async Task<DeadlineReport> RunDeadlinesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuestionService>().RunDeadlinesAsync(CancellationToken.None);
    }

    /// <summary>Posts one of the question page's forms as a signed-in person.</summary>
    public static Task<HttpResponseMessage> ActAsync(AdminSession s, string prefix, int id, string handler, int version, params (string Name, string Value)[] fields) =>
        s.PostFormAsync($"{prefix}/quan-tri/hoi-dap/{id}?handler={handler}",
            fields.Append(("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.DisposeAsync();
        }
        finally
        {
            await Smtp.DisposeAsync();
        }
    }
}
