using System.Net;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Audit;
using MinhBach.Features.Petitions;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;

namespace MinhBach.Tests.Petitions;

/// <summary>A petition end to end on both databases: sent to the portal, passed to the department, answered,
/// published on both sites; the petitioner tracks it by code and receives the mail through a real SMTP server.</summary>
public sealed class PetitionFlowTests
{
    [DatabaseTheory]
    public async Task Send_to_the_portal_assign_to_a_department_answer_publish_and_track_by_code(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        using var citizen = w.Citizen();

        // The form asks for consent to the personal-data notice shown on the same page; a code comes back at once.
        var form = await citizen.GetHtmlAsync(PetitionUrls.Submit);
        Assert.NotNull(form.QuerySelector("input[name=Consent][type=checkbox]"));
        Assert.NotNull(form.QuerySelector("#du-lieu-ca-nhan"));
        var (sent, html) = await Petitioner.SubmitAsync(citizen, "", Petitioner.Fields());
        Assert.True(sent.StatusCode == HttpStatusCode.OK, html);
        var code = Petitioner.CodePattern().Match(html).Value;
        Assert.NotEmpty(code);
        var p = await w.PetitionAsync(code);
        Assert.Equal((w.Portal.Id, w.Portal.Id, PetitionStatus.Received), (p.SiteId, p.HandlingSiteId, p.Status));
        Assert.Equal(Petitioner.Address, p.PetitionerAddress);

        // The receipt reaches the petitioner, the notice the portal's staff (without the petitioner's details).
        await w.SendMailAsync();
        var receipt = Assert.Single(w.Smtp.To(Petitioner.Email));
        Assert.Contains(code, receipt.Subject);
        Assert.Contains("Mã tra cứu: " + code, receipt.TextBody);
        Assert.Contains("/phan-anh-kien-nghi/tra-cuu", receipt.TextBody);
        var notice = Assert.Single(w.Smtp.To(QnaWorld.PortalEditor));
        Assert.Contains(code, notice.Subject);
        Assert.Contains(PetitionUrls.AdminDetail(p.Id), notice.TextBody);
        Assert.DoesNotContain(Petitioner.Name, notice.TextBody);

        // Tracking by code, typed loosely: the status, nothing personal.
        var track = await Petitioner.TrackAsync(citizen, "", code.ToLowerInvariant().Replace("-", " "));
        Assert.Contains("Đã tiếp nhận", track);
        foreach (var secret in new[] { Petitioner.Name, Petitioner.Email, Petitioner.Phone, Petitioner.Address })
            Assert.DoesNotContain(secret, track);

        // The portal's editor passes it to the natural-resources department; the portal keeps it read-only.
        using var portalEditor = await w.SignInAsync(QnaWorld.PortalEditor);
        Assert.Contains(code, (await portalEditor.GetHtmlAsync(PetitionUrls.Admin)).Body!.TextContent);
        using (var assigned = await Petitioner.ActAsync(portalEditor, "", p.Id, "Assign", p.Version, ("TargetSiteId", w.Dept.Id.ToString()), ("Note", "Thuộc lĩnh vực giao thông nông thôn")))
            Assert.True(assigned.StatusCode == HttpStatusCode.Redirect, await assigned.Content.ReadAsStringAsync());
        p = await w.PetitionAsync(code);
        Assert.Equal((w.Dept.Id, PetitionStatus.Assigned), (p.HandlingSiteId, p.Status));
        var portalView = await portalEditor.GetHtmlAsync(PetitionUrls.AdminDetail(p.Id));
        Assert.Contains("chỉ xem được", portalView.Body!.TextContent);
        Assert.Empty(portalView.QuerySelectorAll("form[action*='handler=Answer'], form[action*='handler=Assign']"));
        using (var late = await Petitioner.ActAsync(portalEditor, "", p.Id, "Answer", p.Version, ("Answer", "Trả lời thay")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("chỉ xem được", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        }
        Assert.Contains("Đã chuyển đến", await Petitioner.TrackAsync(citizen, "", code));

        using var deptEditor = await w.SignInAsync(QnaWorld.DeptEditor);
        Assert.Contains(code, (await deptEditor.GetHtmlAsync("/so-tnmt" + PetitionUrls.Admin)).Body!.TextContent);
        await w.SendMailAsync();
        var assignment = Assert.Single(w.Smtp.To(QnaWorld.DeptEditor));
        Assert.Contains("/so-tnmt" + PetitionUrls.AdminDetail(p.Id), assignment.TextBody);
        Assert.DoesNotContain(Petitioner.Name, assignment.TextBody);

        // The department answers; the petitioner receives the answer and the tracking page shows it.
        const string answer = "Sở đã phối hợp với Ủy ban nhân dân xã Tân Phú kiểm tra; tuyến đường được đưa vào kế hoạch sửa chữa trong quý tới.";
        using (var answered = await Petitioner.ActAsync(deptEditor, "/so-tnmt", p.Id, "Answer", p.Version, ("Answer", answer)))
            Assert.True(answered.StatusCode == HttpStatusCode.Redirect, await answered.Content.ReadAsStringAsync());
        await w.SendMailAsync();
        var answerMail = Assert.Single(w.Smtp.To(Petitioner.Email), m => (m.Subject ?? "").Contains("Trả lời"));
        Assert.Contains(answer, answerMail.TextBody);
        Assert.Contains(answer, await Petitioner.TrackAsync(citizen, "", code));

        // Public wording still holding the petitioner's phone, written differently, is refused; then published.
        p = await w.PetitionAsync(code);
        using (var leak = await Petitioner.ActAsync(deptEditor, "/so-tnmt", p.Id, "Publish", p.Version,
            ("PublicSubject", "Sửa đường liên thôn"), ("PublicContent", "Bà Ánh (ĐT 0987.654.321) phản ánh đường hỏng."), ("PublicAnswer", answer)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, leak.StatusCode);
            Assert.Contains("còn số điện thoại của người gửi", WebUtility.HtmlDecode(await leak.Content.ReadAsStringAsync()));
        }
        using (var published = await Petitioner.ActAsync(deptEditor, "/so-tnmt", p.Id, "Publish", p.Version,
            ("PublicSubject", "Sửa chữa đường liên thôn xã Tân Phú"),
            ("PublicContent", "Tuyến đường liên thôn từ thôn 2 đến thôn 5 xã Tân Phú bị sụt lún, mùa mưa ngập sâu."),
            ("PublicAnswer", answer)))
            Assert.True(published.StatusCode == HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        foreach (var prefix in new[] { "", "/so-tnmt" })
        {
            var list = await w.App.GetStringAsync(prefix + PetitionUrls.List);
            Assert.Contains("Sửa chữa đường liên thôn xã Tân Phú", list);
            foreach (var secret in new[] { Petitioner.Name, Petitioner.Email, Petitioner.Address })
                Assert.DoesNotContain(secret, list);
            // Found with and without diacritics, not by other words.
            Assert.Contains("Sửa chữa đường liên thôn", await w.App.GetStringAsync(prefix + PetitionUrls.List + "?q=duong+lien+thon"));
            Assert.Contains("Sửa chữa đường liên thôn", await w.App.GetStringAsync(prefix + PetitionUrls.List + "?q=" + Uri.EscapeDataString("đường liên thôn")));
            Assert.DoesNotContain("Sửa chữa đường liên thôn", await w.App.GetStringAsync(prefix + PetitionUrls.List + "?q=hoc+phi"));
            Assert.Contains(answer, await w.App.GetStringAsync(prefix + PetitionUrls.Detail(p.Id)));
        }
        Assert.DoesNotContain("Sửa chữa đường liên thôn", await w.App.GetStringAsync("/so-b" + PetitionUrls.List));
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-b" + PetitionUrls.Detail(p.Id))).StatusCode);
        Assert.Contains(PetitionUrls.Detail(p.Id), await w.App.GetStringAsync("/sitemap.xml"));
        Assert.Contains("công khai", await Petitioner.TrackAsync(citizen, "", code));

        // Each step audited on each site it touched, never naming the petitioner; the chain is intact.
        var audit = await w.AuditAsync("petition.");
        Assert.Equal(["petition.submit", "petition.assign", "petition.assign", "petition.answer", "petition.answer", "petition.publish", "petition.publish"],
            audit.Select(a => a.Action));
        Assert.Equal(PetitionService.Petitioner, audit[0].UserName);
        Assert.DoesNotContain(audit, a => a.Summary.Contains(Petitioner.Name) || a.Summary.Contains(Petitioner.Email));
        Assert.Contains(audit, a => a.Action == "petition.assign" && a.SiteId == w.Dept.Id);
        Assert.Null((await w.DbAsync(db => AuditTrail.VerifyAsync(db))).BrokenAt);
    }

    [DatabaseTheory]
    public async Task The_same_form_twice_makes_one_petition_and_only_the_handling_sites_editors_act(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        using var citizen = w.Citizen();
        var fields = Petitioner.Fields();
        var (first, firstHtml) = await Petitioner.SubmitAsync(citizen, "", fields);
        var (second, secondHtml) = await Petitioner.SubmitAsync(citizen, "", fields);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var code = Petitioner.CodePattern().Match(firstHtml).Value;
        Assert.Equal(code, Petitioner.CodePattern().Match(secondHtml).Value);
        Assert.Equal(1, await w.PetitionCountAsync());
        Assert.Single(await w.OutboxAsync(), m => m.Kind == "petition.received");
        var p = await w.PetitionAsync(code);

        using var contributor = await w.SignInAsync(QnaWorld.PortalContributor);
        Assert.Empty((await contributor.GetHtmlAsync(PetitionUrls.AdminDetail(p.Id))).QuerySelectorAll("form[action*='handler=Answer']"));
        using (var r = await Petitioner.ActAsync(contributor, "", p.Id, "Answer", p.Version, ("Answer", "Không được")))
            r.AssertRefused("a contributor answering");
        using var other = await w.SignInAsync(QnaWorld.OtherEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/so-b" + PetitionUrls.AdminDetail(p.Id))).StatusCode);
        using (var r = await Petitioner.ActAsync(other, "/so-b", p.Id, "Answer", p.Version, ("Answer", "Không được")))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await Petitioner.ActAsync(other, "", p.Id, "Answer", p.Version, ("Answer", "Không được")))
            r.AssertRefused("another site's editor on the portal");
        using (var anonymous = await w.App.GetAsync(PetitionUrls.AdminDetail(p.Id) + "?handler=Attachment"))
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        p = await w.PetitionAsync(code);
        Assert.Equal(PetitionStatus.Received, p.Status);
        Assert.Null(p.Answer);
    }

    [DatabaseTheory]
    public async Task A_petition_sent_before_Tet_is_due_after_it_reminded_then_escalated_once(string provider)
    {
        // Friday 24 January 2025: the last working day before Tết Ất Tỵ; 15 working days later is 21 February.
        var clock = ManualClock.AtVietnam(new DateOnly(2025, 1, 24));
        await using var w = await QnaWorld.StartAsync(provider, clock);
        var (_, html) = await Petitioner.SubmitAsync(w.Citizen(), "/so-tnmt", Petitioner.Fields());
        Assert.Contains("Hạn trả lời: 21/02/2025", WebUtility.HtmlDecode(html));
        var p = await w.PetitionAsync(Petitioner.CodePattern().Match(html).Value);
        Assert.Equal(w.Dept.Id, p.SiteId);

        clock.SetVietnam(new DateOnly(2025, 2, 7));
        Assert.Equal(new(0, 0), await w.RunPetitionDeadlinesAsync());
        clock.SetVietnam(new DateOnly(2025, 2, 18));
        Assert.Equal(new(1, 0), await w.RunPetitionDeadlinesAsync());
        Assert.Equal(new(0, 0), await w.RunPetitionDeadlinesAsync());
        Assert.Equal([QnaWorld.DeptEditor, QnaWorld.DeptChief], (await w.OutboxAsync()).Where(m => m.Kind == "petition.reminder").Select(m => m.To).Order(StringComparer.Ordinal));
        clock.SetVietnam(new DateOnly(2025, 2, 24));
        Assert.Equal(new(0, 1), await w.RunPetitionDeadlinesAsync());
        Assert.Equal(new(0, 0), await w.RunPetitionDeadlinesAsync());
        var escalation = Assert.Single(await w.OutboxAsync(), m => m.Kind == "petition.escalation");
        Assert.Equal(QnaWorld.DeptChief, escalation.To);
        Assert.Contains("quá hạn trả lời 1 ngày làm việc", escalation.Body);
        // Questions are not touched by the petitions' sweep.
        Assert.Empty(await w.AuditAsync("question."));

        using var dept = await w.SignInAsync(QnaWorld.DeptChief);
        Assert.Contains(p.Code, (await dept.GetHtmlAsync("/so-tnmt" + PetitionUrls.Admin + "?xem=qua-han")).Body!.TextContent);
        Assert.Contains(QnaWorld.DeptName + ": 1 phản ánh, kiến nghị chờ trả lời, 1 quá hạn",
            (await dept.GetHtmlAsync("/so-tnmt" + PetitionUrls.Admin + "/qua-han")).Body!.TextContent);
    }
}
