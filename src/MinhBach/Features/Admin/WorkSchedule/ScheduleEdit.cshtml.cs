using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Public;
using MinhBach.Features.Schedules;

namespace MinhBach.Features.Admin.WorkSchedule;

/// <summary>Add, edit and delete one entry of the work schedule; back to its week afterwards.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class ScheduleEditModel(TimeProvider clock) : EditorPageModel
{
    public sealed class EntryForm
    {
        [Display(Name = "Ngày")] public DateOnly? Date { get; set; }
        [Display(Name = "Giờ bắt đầu")] public TimeOnly? StartTime { get; set; }
        public string? Participants { get; set; }
        public string? Content { get; set; }
        public string? Location { get; set; }
        public string? Preparation { get; set; }
    }

    [BindProperty] public EntryForm Form { get; set; } = new();
    public ScheduleEntry? Entry { get; private set; }

    public string WeekPath(DateOnly day) => "/quan-tri/lich-cong-tac?tuan=" + WeekModel.WeekParam(day);

    public async Task<IActionResult> OnGetAsync(int? id, string? ngay, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Entry is { } e) Fill(e);
        else Form.Date = DateOnly.TryParseExact(ngay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : VnTime.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = new FormCheck(Errors);
        BindingOk();
        if (Form.Date is null && !(ModelState.TryGetValue("Form.Date", out var state) && state.Errors.Count > 0))
            check.Fail("Ngày không được để trống.");
        if (Form.Date is DateOnly day && (day.Year < 2000 || day.Year > 2100)) check.Fail("Ngày phải trong khoảng từ năm 2000 đến năm 2100.");
        var content = check.Required(Form.Content, "Nội dung", 2000);
        var participants = check.Required(Form.Participants, "Thành phần", 1000);
        var location = check.Optional(Form.Location, "Địa điểm", 300) ?? "";
        var preparation = check.Optional(Form.Preparation, "Chuẩn bị", 1000);
        if (!check.Ok) return Page();

        var e = Entry is null ? new ScheduleEntry { SiteId = Site.Id } : await Db.ScheduleEntries.FirstAsync(x => x.Id == Entry.Id, ct);
        (e.Date, e.StartTime, e.Participants, e.Content, e.Location, e.Preparation) =
            (Form.Date!.Value, Form.StartTime, participants, content, location, preparation);
        if (Entry is null) Db.ScheduleEntries.Add(e);
        if (!await SaveAuditedAsync(Entry is null ? "schedule.create" : "schedule.update", "schedule", () => e.Id,
                () => $"{(Entry is null ? "Thêm" : "Sửa")} lịch công tác ngày {When(e)}: {Shorten(e.Content)}.", ct))
            return Page();
        return Done(WeekPath(e.Date), Entry is null ? "them" : "luu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Entry!);
        if (!confirm)
        {
            Errors.Add(ConfirmDeleteMessage);
            return Page();
        }
        var e = await Db.ScheduleEntries.FirstAsync(x => x.Id == id, ct);
        Db.ScheduleEntries.Remove(e);
        if (!await SaveAuditedAsync("schedule.delete", "schedule", () => id, () => $"Xóa lịch công tác ngày {When(e)}: {Shorten(e.Content)}.", ct))
            return Page();
        return Done(WeekPath(e.Date), "xoa");
    }

    private static string When(ScheduleEntry e) => VnTime.DateText(e.Date) + (e.StartTime is TimeOnly t ? " " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : "");

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    private void Fill(ScheduleEntry e) => Form = new EntryForm
    {
        Date = e.Date, StartTime = e.StartTime, Participants = e.Participants, Content = e.Content, Location = e.Location, Preparation = e.Preparation,
    };

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? "Thêm lịch công tác" : "Sửa lịch công tác";
        if (id is null) return true;
        Entry = await Db.ScheduleEntries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return Entry is not null;
    }
}
