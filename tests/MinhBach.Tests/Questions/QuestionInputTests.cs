using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Questions;
using MinhBach.Features.Requests;
using MinhBach.Tests.Documents;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Questions;

/// <summary>Bad input on the public forms and the staff steps: a Vietnamese message naming the problem, nothing written.</summary>
public sealed class QuestionInputTests
{
    [DatabaseTheory]
    public async Task Bad_questions_are_refused_in_Vietnamese_and_nothing_is_written(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        var citizen = w.Citizen();
        (string Why, Dictionary<string, string> Fields, (string, byte[], string)? File, string Message)[] cases =
        [
            ("empty", new() { ["SubmissionKey"] = Guid.NewGuid().ToString("N") }, null, "Họ và tên không được để trống."),
            ("empty", new() { ["SubmissionKey"] = Guid.NewGuid().ToString("N") }, null, "Hãy ghi thư điện tử hoặc số điện thoại để nhận trả lời."),
            ("empty", new() { ["SubmissionKey"] = Guid.NewGuid().ToString("N") }, null, "Hãy chọn lĩnh vực của câu hỏi trong danh sách."),
            ("empty", new() { ["SubmissionKey"] = Guid.NewGuid().ToString("N") }, null, "Nội dung câu hỏi không được để trống."),
            ("no consent", QnaWorld.Fields(("Consent", "false")), null, "Hãy đánh dấu ô đồng ý với thông báo xử lý dữ liệu cá nhân"),
            ("too long", QnaWorld.Fields(("Body", new string('a', 4001))), null, "Nội dung câu hỏi dài quá 4.000 ký tự (đang có 4.001)."),
            ("long title", QnaWorld.Fields(("QuestionTitle", new string('đ', 301))), null, "Tiêu đề câu hỏi dài quá 300 ký tự"),
            ("bad email", QnaWorld.Fields(("Email", "nguoihoi@"), ("Phone", "")), null, "Thư điện tử \"nguoihoi@\" không hợp lệ"),
            ("bad phone", QnaWorld.Fields(("Phone", "gọi tôi nhé")), null, "Số điện thoại \"gọi tôi nhé\" không hợp lệ"),
            ("forged topic", QnaWorld.Fields(("Topic", "<script>alert(1)</script>")), null, "Hãy chọn lĩnh vực của câu hỏi trong danh sách."),
            ("forged key", QnaWorld.Fields(("SubmissionKey", "../../etc")), null, "Biểu mẫu không hợp lệ"),
            ("honeypot", QnaWorld.Fields(("Website", "http://spam.example")), null, "Không gửi được câu hỏi."),
            ("html named pdf", QnaWorld.Fields(), ("cau-hoi.pdf", "<html><script>alert(1)</script></html>"u8.ToArray(), "application/pdf"), RequestAttachments.NotAllowed),
            ("exe named docx", QnaWorld.Fields(), ("ho-so.docx", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), RequestAttachments.NotAllowed),
            ("broken pdf", QnaWorld.Fields(), ("to-khai.pdf", "%PDF-1.7\nkhông phải PDF thật"u8.ToArray(), "application/pdf"), "Tệp PDF đính kèm bị hỏng"),
            ("zip not word", QnaWorld.Fields(), ("ho-so.docx", TestZip.Build(("readme.txt", "xin chao"u8.ToArray())), "application/zip"), RequestAttachments.NotAllowed),
            ("svg image", QnaWorld.Fields(), ("anh.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "image/png"), RequestAttachments.NotAllowed),
            ("legacy word", QnaWorld.Fields(), ("don.doc", TestCompoundFile.LegacyDoc(), "application/msword"), "Word 97–2003"),
        ];
        foreach (var (why, fields, file, message) in cases)
        {
            var (response, html) = await QnaWorld.AskAsync(citizen, "", fields, file);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
            var errors = AdminClient.Html(html).QuerySelectorAll(".errors li").Select(li => li.TextContent.Trim()).ToList();
            Assert.True(errors.Any(e => e.Contains(message, StringComparison.Ordinal)), $"{why}: expected \"{message}\" among: {string.Join(" | ", errors)}");
            // What was typed is kept in the form (escaped), so nothing needs typing again.
            if (fields.TryGetValue("QuestionTitle", out var title) && title.Length < 300)
                Assert.Equal(title, AdminClient.Html(html).QuerySelector("input[name=QuestionTitle]")?.GetAttribute("value"));
        }
        // No anti-forgery token: refused before anything is read.
        var (forged, _) = await QnaWorld.AskAsync(citizen, "", QnaWorld.Fields(), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(0, await w.CountAsync());
        Assert.Empty(await w.OutboxAsync());
        Assert.Empty(await w.AuditAsync("question."));
        var files = Path.Combine(w.App.Database.Settings["MinhBach:DataDirectory"]!, "files", "q");
        Assert.False(Directory.Exists(files) && Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Any(), "an attachment file was left behind");
    }

    [DatabaseTheory]
    public async Task Attachments_are_accepted_by_content_and_served_only_to_staff(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        var citizen = w.Citizen();
        // A real PDF under a misleading name: kept as a PDF. An image: re-encoded.
        var pdf = TestPdf.Ascii(["Don de nghi cap giay chung nhan"]);
        var (r1, html1) = await QnaWorld.AskAsync(citizen, "", QnaWorld.Fields(), ("ảnh chụp.jpg", pdf, "image/jpeg"));
        Assert.True(r1.StatusCode == HttpStatusCode.OK, html1);
        var q1 = await w.QuestionAsync(QnaWorld.CodePattern().Match(html1).Value);
        Assert.Equal("application/pdf", q1.AttachmentType);
        Assert.Equal("ảnh chụp.pdf", q1.AttachmentName);
        Assert.StartsWith("q/", q1.AttachmentPath);

        var (r2, html2) = await QnaWorld.AskAsync(citizen, "", QnaWorld.Fields(), ("so-do-thua-dat.png", TestImages.WithExif(TestImages.Jpeg(), 6), "image/png"));
        Assert.True(r2.StatusCode == HttpStatusCode.OK, html2);
        var q2 = await w.QuestionAsync(QnaWorld.CodePattern().Match(html2).Value);
        Assert.Equal("image/jpeg", q2.AttachmentType);

        // Staff download it from the administration; nobody gets it through the public file address.
        using var editor = await w.SignInAsync(QnaWorld.PortalEditor);
        using (var download = await editor.GetAsync($"/quan-tri/hoi-dap/{q1.Id}?handler=Attachment"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/tep/" + q1.AttachmentPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/tep/" + q1.AttachmentPath![2..])).StatusCode);
        using var anonymous = await w.App.GetAsync($"/quan-tri/hoi-dap/{q1.Id}?handler=Attachment");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [DatabaseTheory]
    public async Task Tracking_codes_and_staff_steps_refuse_bad_input_in_Vietnamese(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        var citizen = w.Citizen();
        foreach (var (typed, status, message) in new[]
        {
            ("", HttpStatusCode.BadRequest, "Hãy nhập mã tra cứu"),
            ("12345", HttpStatusCode.BadRequest, "Mã tra cứu không đúng dạng"),
            ("HD-0000-1111", HttpStatusCode.BadRequest, "Mã tra cứu không đúng dạng"),
            ("<script>alert(1)</script>", HttpStatusCode.BadRequest, "Mã tra cứu không đúng dạng"),
            ("HD-2345-6789", HttpStatusCode.NotFound, "Không tìm thấy câu hỏi có mã HD-2345-6789"),
        })
        {
            using var response = await citizen.PostFormAsync(QuestionUrls.Track, ("Code", typed));
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(message, body);
            Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync());
        }

        var (_, html) = await QnaWorld.AskAsync(citizen, "", QnaWorld.Fields());
        var q = await w.QuestionAsync(QnaWorld.CodePattern().Match(html).Value);
        var outboxBefore = (await w.OutboxAsync()).Count;
        var auditBefore = (await w.AuditAsync("question.")).Count;
        using var editor = await w.SignInAsync(QnaWorld.PortalEditor);
        foreach (var (handler, fields, message) in new (string, (string, string)[], string)[]
        {
            ("Assign", [("TargetSiteId", "999999")], "Hãy chọn một đơn vị trong danh sách"),
            ("Assign", [("TargetSiteId", "abc")], "Hãy chọn một đơn vị trong danh sách"),
            ("Assign", [("TargetSiteId", "-1")], "Hãy chọn một đơn vị trong danh sách"),
            ("Assign", [("TargetSiteId", w.Portal.Id.ToString())], "Câu hỏi đang do"),
            ("Assign", [("TargetSiteId", w.Dept.Id.ToString()), ("Note", new string('x', 1001))], "Ghi chú dài quá 1.000 ký tự"),
            ("Answer", [("Answer", "   ")], "Nội dung trả lời không được để trống."),
            ("Answer", [("Answer", new string('x', 20_001))], "Nội dung trả lời dài quá 20.000 ký tự"),
            ("Publish", [("PublicTitle", "T"), ("PublicQuestion", "Q"), ("PublicAnswer", "A")], "Chỉ công khai được câu hỏi đã trả lời."),
        })
        {
            using var response = await QnaWorld.ActAsync(editor, "", q.Id, handler, q.Version, fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        // An old version (someone acted meanwhile) is refused too.
        using (var stale = await QnaWorld.ActAsync(editor, "", q.Id, "Answer", q.Version + 5, ("Answer", "Trả lời")))
            Assert.Contains("vừa được người khác xử lý", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));

        // Publishing the asker's contact details is refused.
        using (var answered = await QnaWorld.ActAsync(editor, "", q.Id, "Answer", q.Version, ("Answer", "Trả lời đầy đủ.")))
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        q = await w.QuestionAsync(q.Code);
        using (var leak = await QnaWorld.ActAsync(editor, "", q.Id, "Publish", q.Version,
            ("PublicTitle", "Câu hỏi về đất"), ("PublicQuestion", "Bà Hỏi (nguoihoi@example.vn) hỏi về đất."), ("PublicAnswer", "Trả lời.")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, leak.StatusCode);
            Assert.Contains("còn thư điện tử của người hỏi", WebUtility.HtmlDecode(await leak.Content.ReadAsStringAsync()));
        }
        Assert.Equal(QuestionStatus.Answered, (await w.QuestionAsync(q.Code)).Status);
        Assert.Equal(outboxBefore + 1, (await w.OutboxAsync()).Count); // only the answer's mail
        Assert.Equal(auditBefore + 1, (await w.AuditAsync("question.")).Count); // only the answer
    }
}
