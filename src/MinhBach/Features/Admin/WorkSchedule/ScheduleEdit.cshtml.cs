using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MinhBach.Features.Accounts;
using MinhBach.Features.Public;
using MinhBach.Features.Schedules;

namespace MinhBach.Features.Admin.WorkSchedule;

/// <summary>Add, edit and delete one entry of the work schedule; back to its week afterwards.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class ScheduleEditModel(TimeProvider clock) : ContentEditorPageModel<ScheduleEntry, ScheduleEditModel.EntryForm>
{
    public sealed class EntryForm
    {
        [Display(Name = "Ngày")] public DateOnly? Date { get; set; }
        [Display(Name = "Giờ bắt đầu")] public TimeOnly? StartTime { get; set; }
        [Display(Name = "Thành phần")] public string? Participants { get; set; }
        [Display(Name = "Nội dung")] public string? Content { get; set; }
        [Display(Name = "Địa điểm")] public string? Location { get; set; }
        [Display(Name = "Chuẩn bị")] public string? Preparation { get; set; }
    }

    public string WeekPath(DateOnly day) => "/quan-tri/lich-cong-tac?tuan=" + WeekModel.WeekParam(day);

    protected override string ListPath => "/quan-tri/lich-cong-tac";
    protected override string AuditType => "schedule";
    protected override string Noun => "lịch công tác";
    protected override string NewTitle => "Thêm lịch công tác";
    protected override string EditTitle => "Sửa lịch công tác";

    protected override string Describe(ScheduleEntry e) => $"lịch công tác ngày {VnTime.DateText(e.Date)}";

    /// <summary>"…/moi?ngay=2026-03-02" opens the form on that day; today otherwise.</summary>
    protected override Task NewFormAsync(CancellationToken ct)
    {
        Form.Date = DateOnly.TryParseExact(Request.Query["ngay"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : VnTime.Today(clock);
        return Task.CompletedTask;
    }

    protected override EntryForm ToForm(ScheduleEntry e) => new()
    {
        Date = e.Date, StartTime = e.StartTime, Participants = e.Participants, Content = e.Content, Location = e.Location, Preparation = e.Preparation,
    };

    protected override Task<Action<ScheduleEntry>> CheckAsync(FormCheck check, CancellationToken ct)
    {
        if (Form.Date is null && !(ModelState.TryGetValue("Form.Date", out var state) && state.Errors.Count > 0))
            check.Fail("Ngày không được để trống.");
        if (Form.Date is DateOnly day && (day.Year < 2000 || day.Year > 2100)) check.Fail("Ngày phải trong khoảng từ năm 2000 đến năm 2100.");
        var content = check.Required(Form.Content, "Nội dung", 2000);
        var participants = check.Required(Form.Participants, "Thành phần", 1000);
        var location = check.Optional(Form.Location, "Địa điểm", 300) ?? "";
        var preparation = check.Optional(Form.Preparation, "Chuẩn bị", 1000);
        var (date, start) = (Form.Date, Form.StartTime);
        return Task.FromResult<Action<ScheduleEntry>>(e =>
            (e.Date, e.StartTime, e.Participants, e.Content, e.Location, e.Preparation) = (date!.Value, start, participants, content, location, preparation));
    }

    protected override string AfterSavePath(ScheduleEntry e) => WeekPath(e.Date);

    protected override string Summary(ScheduleEntry e, ContentChange change) => change switch
    {
        ContentChange.Create => $"Thêm lịch công tác ngày {When(e)}: {Shorten(e.Content)}.",
        ContentChange.Update => $"Sửa lịch công tác ngày {When(e)}: {Shorten(e.Content)}.",
        _ => $"Xóa lịch công tác ngày {When(e)}: {Shorten(e.Content)}.",
    };

    private static string When(ScheduleEntry e) => VnTime.DateText(e.Date) + (e.StartTime is TimeOnly t ? " " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : "");

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
