using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Audit;
using MinhBach.Features.Questions;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Questions;

/// <summary>A question end to end on both databases: asked on the portal, passed to the department, answered,
/// published on both sites; the asker tracks it by code and receives the mail through a real SMTP server.</summary>
public sealed class QuestionFlowTests
{
    [DatabaseTheory]
    public async Task Ask_on_the_portal_assign_to_a_department_answer_publish_and_track_by_code(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        using var citizen = w.Citizen();

        // The citizen asks and gets a code at once.
        var form = await citizen.GetHtmlAsync(QuestionUrls.Ask);
        Assert.NotNull(form.QuerySelector("input[name=Consent][type=checkbox]"));
        Assert.NotNull(form.QuerySelector("a[href='#du-lieu-ca-nhan']"));
        var (asked, html) = await QnaWorld.AskAsync(citizen, "", QnaWorld.Fields());
        Assert.True(asked.StatusCode == HttpStatusCode.OK, html);
        var code = QnaWorld.CodePattern().Match(html).Value;
        Assert.NotEmpty(code);
        var q = await w.QuestionAsync(code);
        Assert.Equal(w.Portal.Id, q.SiteId);
        Assert.Equal(w.Portal.Id, q.HandlingSiteId);
        Assert.Equal(QuestionStatus.Received, q.Status);

        // The receipt reaches the asker's mailbox with the code.
        Assert.Equal(1, (await w.SendMailAsync()).Sent);
        var receipt = Assert.Single(w.Smtp.To("nguoihoi@example.vn"));
        Assert.Contains(code, receipt.Subject);
        Assert.Contains("Mã tra cứu: " + code, receipt.TextBody);
        Assert.Contains("/hoi-dap/tra-cuu", receipt.TextBody);

        // Tracking by code, typed loosely: status only, nothing personal.
        var loose = code.ToLowerInvariant().Replace("-", " ");
        var track = await TrackAsync(w, citizen, "", loose);
        Assert.Contains("Đã tiếp nhận", track);
        Assert.DoesNotContain("Nguyễn Thị Hỏi", track);
        Assert.DoesNotContain("nguoihoi@example.vn", track);
        Assert.DoesNotContain("0912 345 678", track);

        // The portal's editor passes it to the natural-resources department.
        using var portalEditor = await w.SignInAsync(QnaWorld.PortalEditor);
        Assert.Contains(code, (await portalEditor.GetHtmlAsync("/quan-tri/hoi-dap")).Body!.TextContent);
        using (var assigned = await QnaWorld.ActAsync(portalEditor, "", q.Id, "Assign", q.Version, ("TargetSiteId", w.Dept.Id.ToString()), ("Note", "Lĩnh vực đất đai")))
            Assert.True(assigned.StatusCode == HttpStatusCode.Redirect, await assigned.Content.ReadAsStringAsync());
        q = await w.QuestionAsync(code);
        Assert.Equal(w.Dept.Id, q.HandlingSiteId);
        Assert.Equal(QuestionStatus.Assigned, q.Status);

        // The department sees it in its inbox; the portal keeps seeing it, read-only.
        using var deptEditor = await w.SignInAsync(QnaWorld.DeptEditor);
        Assert.Contains(code, (await deptEditor.GetHtmlAsync("/so-tnmt/quan-tri/hoi-dap")).Body!.TextContent);
        var portalView = await portalEditor.GetHtmlAsync($"/quan-tri/hoi-dap/{q.Id}");
        Assert.Contains("chỉ xem được", portalView.Body!.TextContent);
        Assert.Empty(portalView.QuerySelectorAll("form[action*='handler=Answer'], form[action*='handler=Assign']"));
        Assert.Contains(code, (await portalEditor.GetHtmlAsync("/quan-tri/hoi-dap?xem=da-chuyen")).Body!.TextContent);
        // The portal cannot answer any more, even by posting.
        using (var late = await QnaWorld.ActAsync(portalEditor, "", q.Id, "Answer", q.Version, ("Answer", "Trả lời thay")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("chỉ xem được", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        }
        Assert.Contains("Đã chuyển đến", await TrackAsync(w, citizen, "", code));
        Assert.Contains(QnaWorld.DeptName.Replace("Trang thông tin điện tử ", ""), await TrackAsync(w, citizen, "", code));

        await w.SendMailAsync();
        var assignment = Assert.Single(w.Smtp.To(QnaWorld.DeptEditor));
        Assert.Contains(code, assignment.Subject);
        Assert.Contains("/so-tnmt/quan-tri/hoi-dap/" + q.Id, assignment.TextBody);
        Assert.DoesNotContain("Nguyễn Thị Hỏi", assignment.TextBody);

        // The department answers; the asker receives the answer.
        const string answer = "Hồ sơ gồm đơn đăng ký theo Mẫu số 04/ĐK và giấy tờ về quyền sử dụng đất.";
        using (var answered = await QnaWorld.ActAsync(deptEditor, "/so-tnmt", q.Id, "Answer", q.Version, ("Answer", answer)))
            Assert.True(answered.StatusCode == HttpStatusCode.Redirect, await answered.Content.ReadAsStringAsync());
        await w.SendMailAsync();
        var answerMail = Assert.Single(w.Smtp.To("nguoihoi@example.vn"), m => (m.Subject ?? "").Contains("Trả lời"));
        Assert.Contains(answer, answerMail.TextBody);
        Assert.Contains(answer, await TrackAsync(w, citizen, "", code));

        // Published in public wording, without the asker's name: on the department's site and on the portal.
        q = await w.QuestionAsync(code);
        using (var published = await QnaWorld.ActAsync(deptEditor, "/so-tnmt", q.Id, "Publish", q.Version,
            ("PublicTitle", "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu"),
            ("PublicQuestion", "Hộ gia đình sử dụng đất ổn định từ năm 1995 cần giấy tờ gì để được cấp giấy chứng nhận?"),
            ("PublicAnswer", answer)))
            Assert.True(published.StatusCode == HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        foreach (var prefix in new[] { "", "/so-tnmt" })
        {
            var list = await w.App.GetStringAsync(prefix + "/hoi-dap");
            Assert.Contains("Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu", list);
            Assert.DoesNotContain("Nguyễn Thị Hỏi", list);
            Assert.DoesNotContain("nguoihoi@example.vn", list);
            // Found with and without diacritics.
            Assert.Contains("Hồ sơ cấp giấy chứng nhận", await w.App.GetStringAsync(prefix + "/hoi-dap?q=giay+chung+nhan+quyen+su+dung+dat"));
            Assert.Contains("Hồ sơ cấp giấy chứng nhận", await w.App.GetStringAsync(prefix + "/hoi-dap?q=" + Uri.EscapeDataString("giấy chứng nhận")));
            Assert.DoesNotContain("Hồ sơ cấp giấy chứng nhận", await w.App.GetStringAsync(prefix + "/hoi-dap?q=hoc+phi"));
            Assert.Contains(answer, await w.App.GetStringAsync(prefix + QuestionUrls.Detail(q.Id)));
        }
        // Not on a site that has nothing to do with it.
        Assert.DoesNotContain("Hồ sơ cấp giấy chứng nhận", await w.App.GetStringAsync("/so-b/hoi-dap"));
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-b" + QuestionUrls.Detail(q.Id))).StatusCode);
        Assert.Contains("công khai", await TrackAsync(w, citizen, "", code));

        // Each step audited, on each site it touched; the chain is intact.
        var audit = await w.AuditAsync("question.");
        Assert.Equal(["question.ask", "question.assign", "question.assign", "question.answer", "question.answer", "question.publish", "question.publish"],
            audit.Select(a => a.Action));
        Assert.Equal(w.Portal.Id, audit[0].SiteId);
        Assert.Equal("người hỏi", audit[0].UserName);
        Assert.DoesNotContain(audit, a => a.Summary.Contains("Nguyễn Thị Hỏi") || a.Summary.Contains("nguoihoi@"));
        Assert.Contains(audit, a => a.Action == "question.assign" && a.SiteId == w.Dept.Id);
        Assert.Null((await w.DbAsync(db => AuditTrail.VerifyAsync(db))).BrokenAt);
    }

    [DatabaseTheory]
    public async Task Contributors_and_other_sites_cannot_act_and_the_same_form_twice_makes_one_question(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        using var citizen = w.Citizen();
        var fields = QnaWorld.Fields();
        var (first, firstHtml) = await QnaWorld.AskAsync(citizen, "", fields);
        var (second, secondHtml) = await QnaWorld.AskAsync(citizen, "", fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var code = QnaWorld.CodePattern().Match(firstHtml).Value;
        Assert.Equal(code, QnaWorld.CodePattern().Match(secondHtml).Value);
        Assert.Equal(1, await w.CountAsync());
        Assert.Single(await w.OutboxAsync());
        var q = await w.QuestionAsync(code);

        // A contributor reads but cannot act.
        using var contributor = await w.SignInAsync(QnaWorld.PortalContributor);
        var view = await contributor.GetHtmlAsync($"/quan-tri/hoi-dap/{q.Id}");
        Assert.Empty(view.QuerySelectorAll("form[action*='handler=Answer']"));
        using (var r = await QnaWorld.ActAsync(contributor, "", q.Id, "Answer", q.Version, ("Answer", "Không được")))
            r.AssertRefused("a contributor answering");
        // An editor of an uninvolved site: not found on their site, refused on the portal's.
        using var other = await w.SignInAsync(QnaWorld.OtherEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/so-b/quan-tri/hoi-dap/{q.Id}")).StatusCode);
        using (var r = await QnaWorld.ActAsync(other, "/so-b", q.Id, "Answer", q.Version, ("Answer", "Không được")))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await QnaWorld.ActAsync(other, "", q.Id, "Answer", q.Version, ("Answer", "Không được")))
            r.AssertRefused("another site's editor on the portal");
        q = await w.QuestionAsync(code);
        Assert.Equal(QuestionStatus.Received, q.Status);
        Assert.Null(q.Answer);
    }

    public static async Task<string> TrackAsync(QnaWorld w, AdminClient citizen, string prefix, string code)
    {
        using var response = await citizen.PostFormAsync(prefix + QuestionUrls.Track, ("Code", code));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"tracking {code}: {(int)response.StatusCode} {body}");
        return body;
    }
}
