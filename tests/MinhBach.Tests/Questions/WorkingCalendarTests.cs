using MinhBach.Features.Catalogue;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Questions;

/// <summary>Vietnamese working days from data/holidays.json: weekends, Tết, swapped and compensatory days.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load(Repository.DataDirectory);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void The_data_file_covers_2024_to_2027_with_Tet_each_year()
    {
        Assert.Equal([2024, 2025, 2026, 2027], Calendar.Years);
        foreach (var y in Calendar.Years)
            Assert.Contains(Calendar.Days, d => d.Date.Year == y && d.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal));
    }

    [Theory]
    // Tết Ất Tỵ 2025: Monday 27 to Friday 31 January off, with the weekends around it.
    [InlineData("2025-01-24", true)] [InlineData("2025-01-27", false)] [InlineData("2025-01-31", false)] [InlineData("2025-02-03", true)]
    // Tết Giáp Thìn 2024: Thursday 8 to Wednesday 14 February.
    [InlineData("2024-02-07", true)] [InlineData("2024-02-08", false)] [InlineData("2024-02-14", false)] [InlineData("2024-02-15", true)]
    // 2025: Saturday 26 April worked to swap Friday 2 May off.
    [InlineData("2025-04-26", true)] [InlineData("2025-05-02", false)] [InlineData("2025-04-27", false)]
    // 2024: Saturday 4 May worked for Monday 29 April.
    [InlineData("2024-05-04", true)] [InlineData("2024-04-29", false)]
    // 2026: the Hùng Kings' day falls on Sunday 26 April, so Monday 27 is the compensatory day off.
    [InlineData("2026-04-26", false)] [InlineData("2026-04-27", false)] [InlineData("2026-04-28", true)]
    // Plain weekends and weekdays.
    [InlineData("2026-11-21", false)] [InlineData("2026-11-22", false)] [InlineData("2026-11-23", true)]
    public void Working_days(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Fifteen_working_days_skip_Tet_weekends_and_swapped_days()
    {
        // Received Friday 24 January 2025, the last working day before Tết: day 1 is Monday 3 February.
        Assert.Equal(D(2025, 2, 3), Calendar.AddWorkingDays(D(2025, 1, 24), 1));
        Assert.Equal(D(2025, 2, 21), Calendar.AddWorkingDays(D(2025, 1, 24), 15));
        // Received on a Saturday: counting starts on Monday.
        Assert.Equal(D(2025, 1, 20), Calendar.AddWorkingDays(D(2025, 1, 18), 1));
        // Across 30/4–1/5 2025 with the worked Saturday 26/4: 22/4 + 5 = 23, 24, 25, 26 (Sat, worked), 28.
        Assert.Equal(D(2025, 4, 28), Calendar.AddWorkingDays(D(2025, 4, 22), 5));
        // Tết Giáp Thìn 2024: from Tuesday 6 February, 15 days end on Tuesday 5 March.
        Assert.Equal(D(2024, 3, 5), Calendar.AddWorkingDays(D(2024, 2, 6), 15));
        // Days between, both ways.
        Assert.Equal(15, Calendar.WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 21)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D(2025, 2, 21), D(2025, 2, 21)));
        Assert.Equal(-1, Calendar.WorkingDaysBetween(D(2025, 2, 24), D(2025, 2, 21)));
    }

    [Theory]
    [InlineData("""{ "years": [2025], "days": [ { "date": "2025-01-25", "kind": "holiday", "name": "Tết Nguyên đán" } ] }""", "là thứ Bảy")]
    [InlineData("""{ "years": [2025], "days": [ { "date": "2025-01-27", "kind": "holiday", "name": "Tết Nguyên đán" }, { "date": "2025-04-28", "kind": "workday", "name": "Làm bù" } ] }""", "ngày làm bù phải là thứ Bảy hoặc Chủ nhật")]
    [InlineData("""{ "years": [2025], "days": [ { "date": "27/01/2025", "kind": "holiday", "name": "Tết Nguyên đán" } ] }""", "ngày phải viết dạng yyyy-MM-dd")]
    [InlineData("""{ "years": [2025], "days": [ { "date": "2025-01-27", "kind": "holiday", "name": "Tết Nguyên đán" }, { "date": "2025-01-27", "kind": "holiday", "name": "Tết Nguyên đán" } ] }""", "ngày này ghi hai lần")]
    [InlineData("""{ "years": [2025, 2026], "days": [ { "date": "2025-01-27", "kind": "holiday", "name": "Tết Nguyên đán" } ] }""", "năm 2026: chưa có ngày nghỉ Tết Nguyên đán")]
    [InlineData("""{ "years": [2025], "days": [ { "date": "2025-01-27", "kind": "nghi", "name": "Tết Nguyên đán" } ] }""", "kind phải là \"holiday\"")]
    [InlineData("""{ "years": [2025], "days": [ { "date": "2025-01-27", "kind": "holiday", "name": "Tết Nguyên đán" }, { "date": "2024-01-01", "kind": "holiday", "name": "Tết Dương lịch" } ] }""", "năm 2024 không có trong danh sách years")]
    [InlineData("""{ "years": [2025], "days": [ """, "JSON không hợp lệ")]
    public void A_broken_calendar_is_refused_naming_what_is_wrong(string json, string message)
    {
        var e = Assert.Throws<CatalogueException>(() => WorkingCalendar.Parse(json));
        Assert.Contains(message, e.Message);
    }
}
