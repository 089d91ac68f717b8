using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Schedules;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>/quan-tri/lich-cong-tac: the week view and its entries, as the public schedule shows them.</summary>
public sealed class ScheduleEditorTests
{
    [DatabaseTheory]
    public async Task An_editor_adds_edits_and_deletes_entries_of_a_week(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        var week = await s.GetHtmlAsync("/so-a/quan-tri/lich-cong-tac?tuan=2026-W48");
        Assert.Contains("23/11/2026", week.Body!.TextContent);
        Assert.Equal(7, week.QuerySelectorAll("tbody th[scope=row]").Length);
        Assert.NotNull(week.QuerySelector("a[href='/so-a/quan-tri/lich-cong-tac/moi?ngay=2026-11-24']"));
        var form = await s.GetHtmlAsync("/so-a/quan-tri/lich-cong-tac/moi?ngay=2026-11-24");
        Assert.Equal("2026-11-24", form.QuerySelector("input[name='Form.Date']")!.GetAttribute("value"));

        using (var r = await s.PostFormAsync("/so-a/quan-tri/lich-cong-tac/moi", ("Form.Date", "2026-11-24"), ("Form.StartTime", "08:00"),
                   ("Form.Content", "Hội nghị triển khai chuyển đổi số"), ("Form.Participants", "Giám đốc Sở Nguyễn Văn Đức"),
                   ("Form.Location", "Hội trường tầng 3"), ("Form.Preparation", "Văn phòng Sở")))
            await r.AssertSavedAsync("/so-a/quan-tri/lich-cong-tac?tuan=2026-W48&msg=them");
        var e = await w.DbAsync(db => db.ScheduleEntries.IgnoreQueryFilters().SingleAsync(x => x.SiteId == w.SoA.Id));
        Assert.Equal((new DateOnly(2026, 11, 24), new TimeOnly(8, 0)), (e.Date, e.StartTime));
        Assert.Contains("Hội nghị triển khai chuyển đổi số", (await s.GetHtmlAsync("/so-a/quan-tri/lich-cong-tac?tuan=2026-W48")).Body!.TextContent);
        var pub = await w.PublicAsync("/so-a/lich-cong-tac?tuan=2026-W48");
        Assert.Contains("Hội nghị triển khai chuyển đổi số", pub.Body!.TextContent);
        Assert.Contains("08:00", pub.Body.TextContent);
        Assert.DoesNotContain("Hội nghị triển khai chuyển đổi số", (await w.PublicAsync("/so-b/lich-cong-tac?tuan=2026-W48")).Body!.TextContent);

        // Moved to the next week, without a time: back to that week.
        using (var r = await s.PostFormAsync($"/so-a/quan-tri/lich-cong-tac/{e.Id}", ("Form.Date", "2026-12-01"), ("Form.StartTime", ""),
                   ("Form.Content", "Hội nghị triển khai chuyển đổi số (lùi lịch)"), ("Form.Participants", "Giám đốc Sở"), ("Form.Location", "Hội trường")))
            await r.AssertSavedAsync("/so-a/quan-tri/lich-cong-tac?tuan=2026-W49&msg=luu");
        Assert.DoesNotContain("Hội nghị triển khai", (await w.PublicAsync("/so-a/lich-cong-tac?tuan=2026-W48")).Body!.TextContent);
        pub = await w.PublicAsync("/so-a/lich-cong-tac?tuan=2026-W49");
        Assert.Contains("(lùi lịch)", pub.Body!.TextContent);
        Assert.Contains("Cả ngày", pub.Body.TextContent);

        using (var r = await s.PostFormAsync($"/so-a/quan-tri/lich-cong-tac/{e.Id}?handler=Delete", ("confirm", "true")))
            await r.AssertSavedAsync("/so-a/quan-tri/lich-cong-tac?tuan=2026-W49&msg=xoa");
        Assert.DoesNotContain("Hội nghị triển khai", (await w.PublicAsync("/so-a/lich-cong-tac?tuan=2026-W49")).Body!.TextContent);
        Assert.Equal(0, await w.DbAsync(db => db.ScheduleEntries.IgnoreQueryFilters().CountAsync()));

        await w.AssertAuditedAsync("schedule.create", e.Id, Who.EditorA, "24/11/2026 08:00", "Hội nghị triển khai chuyển đổi số");
        await w.AssertAuditedAsync("schedule.update", e.Id, Who.EditorA, "01/12/2026");
        await w.AssertAuditedAsync("schedule.delete", e.Id, Who.EditorA, "01/12/2026");
    }

    [DatabaseTheory]
    public async Task Bad_schedule_input_gets_a_Vietnamese_message_and_changes_nothing(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var id = await EditorCase.All.Single(c => c.Path == "lich-cong-tac").SeedAsync(w);
        var before = await w.DbAsync(db => EditorCase.Snapshot<ScheduleEntry>(db, id));
        using var s = await w.SignInAsync(Who.EditorA);
        const string New = "/so-a/quan-tri/lich-cong-tac/moi";
        (string, string)[] Valid(params (string, string)[] over) =>
            new[] { ("Form.Date", "2026-11-24"), ("Form.Content", "Giao ban"), ("Form.Participants", "Giám đốc Sở") }.Where(f => over.All(o => o.Item1 != f.Item1)).Concat(over).ToArray();

        Assert.Contains("Giá trị \"2026-13-01\" của mục Ngày không hợp lệ.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Date", "2026-13-01"))));
        Assert.Contains("Ngày không được để trống.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Date", ""))));
        Assert.Contains("Ngày phải trong khoảng từ năm 2000 đến năm 2100.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Date", "1999-12-31"))));
        Assert.Contains("Giá trị \"25:00\" của mục Giờ bắt đầu không hợp lệ.", await EditorsWorld.RefusedAsync(s, New, Valid(("Form.StartTime", "25:00"))));
        var errors = await EditorsWorld.RefusedAsync(s, New, Valid(("Form.Content", ""), ("Form.Participants", " ")));
        Assert.Contains("Nội dung không được để trống.", errors);
        Assert.Contains("Thành phần không được để trống.", errors);
        Assert.Contains("Nội dung không được để trống.", await EditorsWorld.RefusedAsync(s, $"/so-a/quan-tri/lich-cong-tac/{id}", Valid(("Form.Content", ""))));
        // A week that is not one: the current week with a message, never an error page.
        var odd = await s.GetHtmlAsync("/so-a/quan-tri/lich-cong-tac?tuan=2026-W99");
        Assert.StartsWith("Tuần \"2026-W99\" không hợp lệ", odd.QuerySelector(".errors li")!.TextContent);

        Assert.Equal(before, await w.DbAsync(db => EditorCase.Snapshot<ScheduleEntry>(db, id)));
        Assert.Equal(1, await w.DbAsync(db => db.ScheduleEntries.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await w.DbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("schedule.")).ToListAsync()));
    }
}
