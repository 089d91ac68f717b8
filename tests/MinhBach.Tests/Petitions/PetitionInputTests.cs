using System.Net;
using MinhBach.Features.Petitions;
using MinhBach.Features.Requests;
using MinhBach.Tests.Documents;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;

namespace MinhBach.Tests.Petitions;

/// <summary>Bad input on the petition forms: a Vietnamese message naming the problem, nothing written, markup shown as text.</summary>
public sealed class PetitionInputTests
{
    [DatabaseTheory]
    public async Task Bad_petitions_are_refused_in_Vietnamese_and_nothing_is_written(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        var citizen = w.Citizen();
        (string Why, Dictionary<string, string> Fields, (string, byte[], string)? File, string Message)[] cases =
        [
            ("empty", new() { ["SubmissionKey"] = Guid.NewGuid().ToString("N") }, null, "Họ và tên hoặc tên tổ chức không được để trống."),
            ("empty", new() { ["SubmissionKey"] = Guid.NewGuid().ToString("N") }, null, "Hãy ghi thư điện tử hoặc số điện thoại để nhận kết quả trả lời."),
            ("empty", new() { ["SubmissionKey"] = Guid.NewGuid().ToString("N") }, null, "Nội dung phản ánh, kiến nghị không được để trống."),
            ("no consent", Petitioner.Fields(("Consent", "false")), null, "Hãy đánh dấu ô đồng ý với thông báo xử lý dữ liệu cá nhân"),
            ("huge content", Petitioner.Fields(("PetitionContent", new string('a', 200_000))), null, "Nội dung phản ánh, kiến nghị dài quá 5.000 ký tự (đang có 200.000)."),
            ("long subject", Petitioner.Fields(("Subject", new string('đ', 301))), null, "Tiêu đề phản ánh, kiến nghị dài quá 300 ký tự"),
            ("long address", Petitioner.Fields(("Address", new string('x', 301))), null, "Địa chỉ dài quá 300 ký tự"),
            ("bad email", Petitioner.Fields(("Email", "nguoigui@"), ("Phone", "")), null, "Thư điện tử \"nguoigui@\" không hợp lệ"),
            ("bad phone", Petitioner.Fields(("Phone", "<b>gọi</b>")), null, "Số điện thoại \"<b>gọi</b>\" không hợp lệ"),
            ("forged key", Petitioner.Fields(("SubmissionKey", "../../etc")), null, "Biểu mẫu không hợp lệ"),
            ("honeypot", Petitioner.Fields(("Website", "http://spam.example")), null, "Không gửi được phản ánh, kiến nghị."),
            ("html named pdf", Petitioner.Fields(), ("don.pdf", "<html><script>alert(1)</script></html>"u8.ToArray(), "application/pdf"), RequestAttachments.NotAllowed),
            ("legacy word", Petitioner.Fields(), ("don.doc", TestCompoundFile.LegacyDoc(), "application/msword"), "Word 97–2003"),
            ("empty file", Petitioner.Fields(), ("rong.pdf", [], "application/pdf"), RequestAttachments.Empty),
        ];
        foreach (var (why, fields, file, message) in cases)
        {
            var (response, html) = await Petitioner.SubmitAsync(citizen, "", fields, file);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
            var page = AdminClient.Html(html);
            var errors = page.QuerySelectorAll(".errors li").Select(li => li.TextContent.Trim()).ToList();
            Assert.True(errors.Any(e => e.Contains(message, StringComparison.Ordinal)), $"{why}: expected \"{message}\" among: {string.Join(" | ", errors)}");
            // What was typed stays in the form, as text.
            if (fields.TryGetValue("Subject", out var subject) && subject.Length <= 300)
                Assert.Equal(subject, page.QuerySelector("input[name=Subject]")?.GetAttribute("value"));
            Assert.DoesNotContain("<b>gọi</b>", html);
        }
        var (forged, _) = await Petitioner.SubmitAsync(citizen, "", Petitioner.Fields(), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(0, await w.PetitionCountAsync());
        Assert.Empty(await w.OutboxAsync());
        Assert.Empty(await w.AuditAsync("petition."));
        var files = Path.Combine(w.App.Database.Settings["MinhBach:DataDirectory"]!, "files", "q");
        Assert.False(Directory.Exists(files) && Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Any(), "an attachment file was left behind");

        // Forged, foreign and unknown tracking codes.
        foreach (var (typed, status, text) in new[]
        {
            ("", HttpStatusCode.BadRequest, "Hãy nhập mã tra cứu (ví dụ: PA-7K3M-Q9XA)."),
            ("HD-2345-6789", HttpStatusCode.BadRequest, "Mã tra cứu không đúng dạng: mã gồm chữ PA"),
            ("PA-0000-1111", HttpStatusCode.BadRequest, "Mã tra cứu không đúng dạng"),
            ("<script>alert(1)</script>", HttpStatusCode.BadRequest, "Mã tra cứu không đúng dạng"),
            ("PA-2345-6789", HttpStatusCode.NotFound, "Không tìm thấy phản ánh, kiến nghị có mã PA-2345-6789"),
        })
        {
            using var response = await citizen.PostFormAsync(PetitionUrls.Track, ("Code", typed));
            var raw = await response.Content.ReadAsStringAsync();
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(text, WebUtility.HtmlDecode(raw));
            Assert.DoesNotContain("<script>alert(1)</script>", raw);
        }
    }

    [DatabaseTheory]
    public async Task Markup_in_a_petition_is_kept_as_text_and_shown_as_text(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        const string script = "<script>alert('pa')</script><img src=x onerror=alert(2)>";
        var (response, html) = await Petitioner.SubmitAsync(w.Citizen(), "", Petitioner.Fields(("Subject", "Đường hỏng " + script), ("PetitionContent", script), ("Address", script)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(script, html);
        var p = await w.PetitionAsync(Petitioner.CodePattern().Match(html).Value);
        Assert.Equal(script, p.Content);
        using var editor = await w.SignInAsync(QnaWorld.PortalEditor);
        using var page = await editor.GetAsync(PetitionUrls.AdminDetail(p.Id));
        var raw = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain(script, raw);
        Assert.Contains(script, AdminClient.Html(raw).QuerySelector(".qa-text")!.TextContent);
    }
}
