using System.Net;
using System.Text.Json;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Statistics;

/// <summary>/quan-tri/thong-ke and /api/thong-ke: the counted figures, per site and for the province, and who may see them.</summary>
public sealed class StatisticsDashboardTests
{
    private static async Task VisitAsync(EditorsWorld w, string path, int times)
    {
        for (var i = 0; i < times; i++)
            Assert.Equal(200, await VisitWorld.SendAsync(w.App.Http, path, $"{VisitWorld.Desktop} visitor/{i % 3}"));
    }

    [DatabaseTheory]
    public async Task A_sites_staff_see_its_counts_and_the_report_other_sites_do_not(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        await VisitAsync(w, "/so-a/", 4);
        await VisitAsync(w, "/so-a/tin-tuc", 2);
        await VisitAsync(w, "/so-b/", 5);
        await VisitWorld.FlushAsync(w.App);

        using var editorA = await w.SignInAsync(Who.EditorA);
        var page = await editorA.GetHtmlAsync("/so-a/quan-tri/thong-ke");
        Assert.Equal("6", page.QuerySelector("#luot-trong-ky strong")?.TextContent);
        Assert.Equal("3", page.QuerySelector("#nguoi-trong-ky strong")?.TextContent);
        Assert.Equal("6", page.QuerySelector("#tong-luot")?.TextContent);
        Assert.Contains("trong tháng có 6 lượt truy cập", page.QuerySelector(".report-paragraph")?.TextContent);
        var pages = page.QuerySelectorAll("#trang-xem-nhieu ~ div tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(2, pages.Count);
        Assert.StartsWith("/", pages[0]);

        using var docx = await editorA.GetAsync("/so-a/quan-tri/thong-ke?xuat=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using var xlsx = await editorA.GetAsync("/so-a/quan-tri/thong-ke?xuat=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        // Another site's editor, and the province view without the right.
        using var editorB = await w.SignInAsync(Who.EditorB);
        using (var other = await editorB.GetAsync("/so-a/quan-tri/thong-ke")) other.AssertRefused("another site's editor");
        Assert.Equal("5", (await editorB.GetHtmlAsync("/so-b/quan-tri/thong-ke")).QuerySelector("#luot-trong-ky strong")?.TextContent);
        using (var province = await editorB.GetAsync("/so-b/quan-tri/thong-ke?pham-vi=tinh")) province.AssertRefused("the province view on a department");
        using (var portal = await editorB.GetAsync("/quan-tri/thong-ke?pham-vi=tinh")) portal.AssertRefused("the province view without the reviewer's right");
    }

    [DatabaseTheory]
    public async Task The_province_reviewer_sees_every_site_and_bad_periods_are_explained(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        await VisitAsync(w, "/", 2);
        await VisitAsync(w, "/so-a/", 4);
        await VisitAsync(w, "/so-b/", 5);
        await VisitWorld.FlushAsync(w.App);

        using var reviewer = await w.SignInAsync(Who.Reviewer);
        var page = await reviewer.GetHtmlAsync("/quan-tri/thong-ke?pham-vi=tinh");
        Assert.Equal("11", page.QuerySelector("#luot-trong-ky strong")?.TextContent);
        var rows = page.QuerySelectorAll("#theo-trang ~ div tbody tr").Select(r => r.QuerySelector("th")!.TextContent + "=" + r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal([EditorsWorld.SoBName + "=5", EditorsWorld.SoAName + "=4"], rows.Take(2));

        foreach (var (query, message) in new[]
                 {
                     ("tu=2026-13-01&den=2026-01-31", "Ngày bắt đầu \"2026-13-01\" không hợp lệ"),
                     ("tu=2025-02-01&den=2025-01-01", "sau ngày kết thúc"),
                     ("tu=2010-01-01&den=2010-12-31", "bắt đầu có số liệu từ ngày"),
                     ("tu=&den=2025-01-01", "Hãy nhập cả ngày bắt đầu và ngày kết thúc"),
                     ("xuat=pdf", "Chỉ tải được báo cáo Word"),
                 })
        {
            using var response = await reviewer.GetAsync("/quan-tri/thong-ke?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = AdminSession.Html(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, html.QuerySelector(".errors")?.TextContent);
        }
    }

    [DatabaseTheory]
    public async Task The_json_endpoint_gives_the_same_figures_and_explains_bad_periods(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        await VisitAsync(w, "/so-a/", 4);
        await VisitAsync(w, "/so-a/lien-he", 3);
        await VisitWorld.FlushAsync(w.App);

        var json = JsonDocument.Parse(await w.App.GetStringAsync("/so-a/api/thong-ke")).RootElement;
        Assert.Equal("so-a", json.GetProperty("scope").GetString());
        Assert.Equal(7, json.GetProperty("visits").GetProperty("period").GetInt64());
        Assert.Equal(7, json.GetProperty("visits").GetProperty("sinceStart").GetInt64());
        Assert.Equal(3, json.GetProperty("visits").GetProperty("visitors").GetInt64());
        Assert.Equal(7, json.GetProperty("visits").GetProperty("devices")[0].GetProperty("views").GetInt64());
        Assert.Contains("có 7 lượt truy cập", json.GetProperty("report").GetString());

        var province = JsonDocument.Parse(await w.App.GetStringAsync("/api/thong-ke?pham-vi=tinh")).RootElement;
        Assert.Equal(7, province.GetProperty("visits").GetProperty("period").GetInt64());
        Assert.Equal(3, province.GetProperty("sites").GetArrayLength());

        using var bad = await w.App.GetAsync("/so-a/api/thong-ke?tu=31/12/2025&den=01/01/2025");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sau ngày kết thúc", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }
}
