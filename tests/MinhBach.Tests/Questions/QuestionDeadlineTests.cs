using System.Net;
using MinhBach.Features.Questions;
using MinhBach.Features.Requests;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Questions;

/// <summary>Deadlines by a clock the test moves: 15 working days across Tết, a reminder three working days before,
/// escalation to the editors-in-chief the day after, each once; the overdue view per unit.</summary>
public sealed class QuestionDeadlineTests
{
    [DatabaseTheory]
    public async Task A_question_asked_before_Tet_is_due_after_it_reminded_then_escalated_once(string provider)
    {
        // Friday 24 January 2025, 09:00 in Viet Nam: the last working day before Tết Ất Tỵ.
        var clock = ManualClock.AtVietnam(new DateOnly(2025, 1, 24));
        await using var w = await QnaWorld.StartAsync(provider, clock);
        var citizen = w.Citizen();
        var (asked, html) = await QnaWorld.AskAsync(citizen, "", QnaWorld.Fields());
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Hạn trả lời: 21/02/2025", WebUtility.HtmlDecode(html));
        var q = await w.QuestionAsync(QnaWorld.CodePattern().Match(html).Value);
        Assert.Equal(new DateOnly(2025, 2, 21), q.DueOn);

        using (var editor = await w.SignInAsync(QnaWorld.PortalEditor))
        using (var assigned = await QnaWorld.ActAsync(editor, "", q.Id, "Assign", q.Version, ("TargetSiteId", w.Dept.Id.ToString())))
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        // Nothing to remind during Tết.
        clock.SetVietnam(new DateOnly(2025, 2, 7));
        Assert.Equal(new DeadlineReport(0, 0), await w.RunDeadlinesAsync());

        // Tuesday 18 February: three working days left. The department's editors are reminded, once.
        clock.SetVietnam(new DateOnly(2025, 2, 18));
        Assert.Equal(new DeadlineReport(1, 0), await w.RunDeadlinesAsync());
        Assert.Equal(new DeadlineReport(0, 0), await w.RunDeadlinesAsync());
        var reminders = (await w.OutboxAsync()).Where(m => m.Kind == "question.reminder").ToList();
        Assert.Equal([QnaWorld.DeptEditor, QnaWorld.DeptChief], reminders.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Contains("còn 3 ngày làm việc", reminders[0].Body);

        // Monday 24 February: one working day late. The department's editor-in-chief is told, once; not the editor.
        clock.SetVietnam(new DateOnly(2025, 2, 24));
        Assert.Equal(new DeadlineReport(0, 1), await w.RunDeadlinesAsync());
        Assert.Equal(new DeadlineReport(0, 0), await w.RunDeadlinesAsync());
        var escalation = Assert.Single(await w.OutboxAsync(), m => m.Kind == "question.escalation");
        Assert.Equal(QnaWorld.DeptChief, escalation.To);
        Assert.Contains("quá hạn trả lời 1 ngày làm việc", escalation.Body);
        Assert.Equal(w.Dept.Id, escalation.SiteId);

        // The mail goes out through the SMTP server.
        await w.SendMailAsync();
        Assert.Single(w.Smtp.To(QnaWorld.DeptChief), m => (m.Subject ?? "").StartsWith("[", StringComparison.Ordinal) && m.Subject!.Contains("Quá hạn"));

        // The overdue views: the department's own list, and the portal's per unit.
        using var dept = await w.SignInAsync(QnaWorld.DeptEditor);
        var overdue = WebUtility.HtmlDecode((await dept.GetHtmlAsync("/so-tnmt/quan-tri/hoi-dap?xem=qua-han")).Body!.TextContent);
        Assert.Contains(q.Code, overdue);
        using var portal = await w.SignInAsync(QnaWorld.PortalChief);
        var perUnit = (await portal.GetHtmlAsync("/quan-tri/hoi-dap/qua-han")).Body!.TextContent;
        Assert.Contains(QnaWorld.DeptName + ": 1 câu hỏi chờ trả lời, 1 quá hạn", perUnit);
        Assert.Contains("quá hạn 1 ngày làm việc", perUnit);

        // Audited as the system, on the handling site.
        var audit = await w.AuditAsync("question.");
        Assert.Contains(audit, a => a.Action == "question.remind" && a.SiteId == w.Dept.Id && a.UserName == "hệ thống");
        Assert.Contains(audit, a => a.Action == "question.escalate" && a.SiteId == w.Dept.Id && a.UserName == "hệ thống");

        // Answered late: the audit says so, and no further escalation.
        q = await w.QuestionAsync(q.Code);
        using (var answered = await QnaWorld.ActAsync(dept, "/so-tnmt", q.Id, "Answer", q.Version, ("Answer", "Xin trả lời như sau.")))
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains(await w.AuditAsync("question.answer"), a => a.Summary.Contains("quá hạn 1 ngày làm việc"));
        clock.SetVietnam(new DateOnly(2025, 3, 10));
        Assert.Equal(new DeadlineReport(0, 0), await w.RunDeadlinesAsync());
    }

    [DatabaseTheory]
    public async Task On_the_weekend_after_a_Friday_deadline_a_question_is_overdue_everywhere_by_no_working_day(string provider)
    {
        // Asked on Friday 7 March 2025: due on Friday 28 March.
        var clock = ManualClock.AtVietnam(new DateOnly(2025, 3, 7));
        await using var w = await QnaWorld.StartAsync(provider, clock);
        var (_, html) = await QnaWorld.AskAsync(w.Citizen(), "", QnaWorld.Fields());
        var q = await w.QuestionAsync(QnaWorld.CodePattern().Match(html).Value);
        Assert.Equal(new DateOnly(2025, 3, 28), q.DueOn);

        // Saturday 29 March: late, though no working day has passed since. Every view says so alike.
        clock.SetVietnam(new DateOnly(2025, 3, 29));
        using var portal = await w.SignInAsync(QnaWorld.PortalChief);
        var perUnit = WebUtility.HtmlDecode((await portal.GetHtmlAsync("/quan-tri/hoi-dap/qua-han")).Body!.TextContent);
        Assert.Contains(w.Portal.Name + ": 1 câu hỏi chờ trả lời, 1 quá hạn", perUnit);
        var item = WebUtility.HtmlDecode((await portal.GetHtmlAsync($"/quan-tri/hoi-dap/{q.Id}")).Body!.TextContent);
        Assert.Contains("28/03/2025 (quá hạn)", item);
        foreach (var page in new[] { perUnit, item })
            Assert.DoesNotContain("0 ngày làm việc", page);

        q = await w.QuestionAsync(q.Code);
        using (var answered = await QnaWorld.ActAsync(portal, "", q.Id, "Answer", q.Version, ("Answer", "Xin trả lời như sau.")))
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var audit = Assert.Single(await w.AuditAsync("question.answer"));
        Assert.EndsWith("(quá hạn).", audit.Summary);
    }
}
