using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Consultations;
using MinhBach.Features.Mail;
using MinhBach.Features.Sites;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Mail;

namespace MinhBach.Tests.Consultations;

/// <summary>
/// The province of the consultation tests: the portal (whose editors run the consultation) and another site (so-b) with
/// its own editor, a contributor on the portal, a real SMTP receiver on loopback and a clock the test moves (the
/// consultation's window is in Viet Nam dates). Background jobs are off: the tests send the outbox themselves.
/// </summary>
public sealed class ConsultWorld : IAsyncDisposable
{
    public const string Password = "DongMinh2026a";
    public const string PortalEditor = "btv.cong@tinh.gov.vn";
    public const string PortalChief = "truongban.cong@tinh.gov.vn";
    public const string PortalContributor = "ctv.cong@tinh.gov.vn";
    public const string OtherEditor = "btv.b@tinh.gov.vn";

    /// <summary>Monday 2 November 2026: the consultation below runs from 2 to 30 November.</summary>
    public static readonly DateOnly Opens = new(2026, 11, 2);
    public static readonly DateOnly Closes = new(2026, 11, 30);

    public const string Title = "Dự thảo Quyết định ban hành Quy chế tiếp nhận, xử lý phản ánh, kiến nghị trên Cổng thông tin điện tử tỉnh";

    /// <summary>A draft as an editor pastes it: heading, grounds, two chapters, four articles with clauses and points, signature.</summary>
    public const string DraftText = """
        ỦY BAN NHÂN DÂN TỈNH ĐÔNG MINH
        DỰ THẢO
        QUYẾT ĐỊNH
        Ban hành Quy chế tiếp nhận, xử lý phản ánh, kiến nghị trên Cổng thông tin điện tử tỉnh
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
        Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022 của Chính phủ;

        Chương I
        QUY ĐỊNH CHUNG
        Điều 1. Phạm vi điều chỉnh
        Quy chế này quy định việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp trên Cổng thông tin điện tử tỉnh.
        Điều 2. Đối tượng áp dụng
        1. Các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh.
        2. Ủy ban nhân dân các xã, phường, đặc khu.
        3. Tổ chức, cá nhân gửi phản ánh, kiến nghị.
        Chương II
        TIẾP NHẬN VÀ XỬ LÝ
        Điều 3. Thời hạn xử lý
        1. Cơ quan được giao xử lý trả lời trong thời hạn sau:
        a) 05 ngày làm việc đối với phản ánh về thủ tục hành chính;
        b) 10 ngày làm việc đối với các phản ánh, kiến nghị khác.
        2. Trường hợp phức tạp, thời hạn được kéo dài không quá 05 ngày làm việc và phải thông báo cho người gửi.
        Điều 4. Công khai kết quả
        Kết quả xử lý được công khai trên Cổng thông tin điện tử tỉnh, trừ thông tin cá nhân của người gửi.
        Nơi nhận:
        - Như Điều 4;
        - Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
        """;

    private ConsultWorld(TestApp app, SmtpReceiver smtp, ManualClock clock, Site portal, Site other)
    {
        App = app;
        Smtp = smtp;
        Clock = clock;
        Portal = portal;
        Other = other;
    }

    public TestApp App { get; }
    public SmtpReceiver Smtp { get; }
    public ManualClock Clock { get; }
    public Site Portal { get; }
    public Site Other { get; }

    /// <summary>Starts on 10 November 2026, 9:00 in Viet Nam: the consultation is open.</summary>
    public static async Task<ConsultWorld> StartAsync(string provider, DateOnly? today = null)
    {
        var clock = ManualClock.AtVietnam(today ?? new DateOnly(2026, 11, 10));
        var smtp = SmtpReceiver.Start();
        var settings = new Dictionary<string, string?>
        {
            ["Accounts:TwoFactorRequiredFrom"] = "None",
            ["RateLimits:PublicFormPerMinute"] = "100000",
            ["Scheduling:Enabled"] = "false",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:From"] = "Cổng TTĐT tỉnh Đông Minh <noreply@dongminh.gov.vn>",
        };
        TestApp app;
        try
        {
            app = await TestApp.StartAsync(provider, settings, s => s.AddSingleton<TimeProvider>(clock));
        }
        catch
        {
            await smtp.DisposeAsync();
            throw;
        }
        try
        {
            var portal = await app.CreatePortalAsync();
            var other = await app.AddSiteAsync("so-b", "Trang thông tin điện tử Sở Tư pháp");
            foreach (var (email, name, slug, role) in new (string, string, string, SiteRole)[]
            {
                (PortalEditor, "Phạm Thị Hằng", "", SiteRole.Editor), (PortalChief, "Ngô Đức Thắng", "", SiteRole.EditorInChief),
                (PortalContributor, "Lê Văn Tài", "", SiteRole.Contributor), (OtherEditor, "Vũ Văn Bình", "so-b", SiteRole.Editor),
            })
            {
                await app.CreateUserAsync(email, Password, name);
                await app.GrantAsync(email, slug, role);
            }
            return new ConsultWorld(app, smtp, clock, portal, other);
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

    /// <summary>The consultation's form fields as an editor fills them (change any with <paramref name="with"/>).</summary>
    public static (string Name, string Value)[] ConsultationFields(params (string Name, string Value)[] with)
    {
        var f = new Dictionary<string, string>
        {
            ["FormTitle"] = Title,
            ["Slug"] = "quy-che-phan-anh-kien-nghi",
            ["Summary"] = "Văn phòng UBND tỉnh lấy ý kiến người dân, doanh nghiệp về dự thảo Quy chế trong 30 ngày.",
            ["DraftText"] = DraftText,
            ["OpensOn"] = Opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ClosesOn"] = Closes.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["IsPublic"] = "true",
            ["DraftingUnit"] = "Văn phòng Ủy ban nhân dân tỉnh Đông Minh",
            ["ContactName"] = "Phòng Kiểm soát thủ tục hành chính",
            ["ContactAddress"] = "Số 1 đường Trần Hưng Đạo, phường Minh Khai",
            ["ContactPhone"] = "0225 3821 999",
            ["ContactEmail"] = "kstt@dongminh.gov.vn",
            ["Version"] = "0",
        };
        foreach (var (n, v) in with) f[n] = v;
        return f.Select(kv => (kv.Key, kv.Value)).ToArray();
    }

    /// <summary>Creates the consultation through the administration as the portal's editor; returns it.</summary>
    public async Task<Consultation> CreateAsync(AdminSession editor, params (string Name, string Value)[] with)
    {
        using var response = await editor.PostFormAsync(ConsultationUrls.AdminNew, ConsultationFields(with));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"creating the consultation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var slug = with.FirstOrDefault(x => x.Name == "Slug").Value ?? "quy-che-phan-anh-kien-nghi";
        return await ConsultationAsync(slug);
    }

    /// <summary>A valid comment's fields (change any with <paramref name="with"/>).</summary>
    public static Dictionary<string, string> CommentFields(params (string Name, string Value)[] with)
    {
        var f = new Dictionary<string, string>
        {
            ["Target"] = "3.1",
            ["AuthorName"] = "Nguyễn Văn Góp",
            ["Organisation"] = "",
            ["Email"] = "nguoigopy@example.vn",
            ["Phone"] = "",
            ["Body"] = "Đề nghị rút thời hạn trả lời phản ánh về thủ tục hành chính xuống 03 ngày làm việc.",
            ["Consent"] = "true",
            ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
        };
        foreach (var (n, v) in with) f[n] = v;
        return f;
    }

    /// <summary>Posts the comment form of a consultation as a browser does, with this browser's antiforgery token (taken from
    /// the Q&amp;A form, which is always there: a closed consultation shows no form to take it from).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> CommentAsync(AdminClient citizen, string prefix, string slug,
        IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var path = prefix + ConsultationUrls.Comment(slug);
        var all = fields.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        if (withToken) all.Add(new(AdminClient.TokenField, await citizen.AntiforgeryTokenAsync(prefix + MinhBach.Features.Questions.QuestionUrls.Ask)));
        var response = await citizen.PostFormWithoutTokenAsync(path, all);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public Task<T> DbAsync<T>(Func<AppDb, Task<T>> work) => App.WithDbAsync(work);

    public Task<Consultation> ConsultationAsync(string slug) =>
        DbAsync(db => db.Consultations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Slug == slug));

    public Task<List<ConsultationComment>> CommentsAsync() =>
        DbAsync(db => db.ConsultationComments.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    public Task<List<OutboxMail>> OutboxAsync() => DbAsync(db => db.OutboxMails.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task<List<AuditEntry>> AuditAsync(string prefix) =>
        DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith(prefix)).OrderBy(e => e.Sequence).ToListAsync());

    public async Task<SendReport> SendMailAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailSender>().SendDueAsync();
    }

    /// <summary>Posts one of the consultation admin page's forms as a signed-in person.</summary>
    public static Task<HttpResponseMessage> ActAsync(AdminSession s, string prefix, int id, string handler, params (string Name, string Value)[] fields) =>
        s.PostFormAsync($"{prefix}{ConsultationUrls.AdminDetail(id)}?handler={handler}", fields);

    public static (string, string) V(int version) => ("Version", version.ToString(CultureInfo.InvariantCulture));
    public static (string, string) C(int commentId) => ("CommentId", commentId.ToString(CultureInfo.InvariantCulture));

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
