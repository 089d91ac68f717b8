using System.Net;
using System.Text.Json;
using MinhBach.Features.Questions;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;

namespace MinhBach.Tests.Search;

/// <summary>Published questions in site search: their public wording only, on the site they were asked on and on the
/// one that answered (as on /hoi-dap), once in the province's search, and gone when unpublished.</summary>
public sealed class QuestionSearchTests
{
    private const string PublicTitle = "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu";
    private const string Answer = "Hồ sơ gồm đơn đăng ký theo Mẫu số 04/ĐK và giấy tờ về quyền sử dụng đất.";

    private static async Task<JsonElement> ApiAsync(TestApp app, string path)
    {
        using var response = await app.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<JsonElement> Hits(JsonElement result) => result.GetProperty("hits").EnumerateArray().ToList();

    [DatabaseTheory]
    public async Task A_published_question_is_found_on_both_sites_in_its_public_wording_and_not_once_unpublished(string provider)
    {
        await using var w = await QnaWorld.StartAsync(provider);
        using var citizen = w.Citizen();
        var (asked, html) = await QnaWorld.AskAsync(citizen, "", QnaWorld.Fields());
        Assert.True(asked.StatusCode == HttpStatusCode.OK, html);
        var q = await w.QuestionAsync(QnaWorld.CodePattern().Match(html).Value);

        // Asked on the portal, answered by the department: nothing public until published.
        using var portalEditor = await w.SignInAsync(QnaWorld.PortalEditor);
        using (var r = await QnaWorld.ActAsync(portalEditor, "", q.Id, "Assign", q.Version, ("TargetSiteId", w.Dept.Id.ToString()), ("Note", "Đất đai")))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using var deptEditor = await w.SignInAsync(QnaWorld.DeptEditor);
        q = await w.QuestionAsync(q.Code);
        using (var r = await QnaWorld.ActAsync(deptEditor, "/so-tnmt", q.Id, "Answer", q.Version, ("Answer", Answer)))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Empty(Hits(await ApiAsync(w.App, "/api/search?q=giay+chung+nhan&pham-vi=tinh")));

        q = await w.QuestionAsync(q.Code);
        using (var r = await QnaWorld.ActAsync(deptEditor, "/so-tnmt", q.Id, "Publish", q.Version, ("PublicTitle", PublicTitle),
            ("PublicQuestion", "Hộ gia đình sử dụng đất ổn định từ năm 1995 cần giấy tờ gì để được cấp giấy chứng nhận?"), ("PublicAnswer", Answer)))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        // On the portal (asked there) and on the department (answered there), each linking to its own /hoi-dap page.
        foreach (var (prefix, slug) in new[] { ("", ""), ("/so-tnmt", "so-tnmt") })
        {
            foreach (var typed in new[] { "giấy chứng nhận quyền sử dụng đất", "giay chung nhan quyen su dung dat", "mau so 04" })
            {
                var hit = Assert.Single(Hits(await ApiAsync(w.App, $"{prefix}/api/search?q={Uri.EscapeDataString(typed)}")));
                Assert.Equal("question", hit.GetProperty("type").GetString());
                Assert.Equal("Hỏi đáp", hit.GetProperty("typeName").GetString());
                Assert.Equal(PublicTitle, hit.GetProperty("title").GetString());
                Assert.Equal(new Uri(w.App.BaseAddress, prefix + QuestionUrls.Detail(q.Id)).ToString(), hit.GetProperty("url").GetString());
                Assert.Equal(slug, hit.GetProperty("site").GetProperty("slug").GetString());
            }
            var page = AdminClient.Html(await w.App.GetStringAsync(prefix + "/tim-kiem?q=giay+chung+nhan"));
            Assert.Equal(prefix + QuestionUrls.Detail(q.Id), page.QuerySelector(".search-hits a")?.GetAttribute("href"));
            Assert.Contains("Hỏi đáp (1)", page.QuerySelectorAll("#f-kind + ul li").Select(li => li.TextContent.Trim()));
            using var opened = await w.App.GetAsync(prefix + QuestionUrls.Detail(q.Id));
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
        var onlyQuestions = await ApiAsync(w.App, "/api/search?q=giay+chung+nhan&loai=question");
        Assert.Equal(1, onlyQuestions.GetProperty("total").GetInt32());

        // Not on a site that has nothing to do with it; once across the province.
        Assert.Empty(Hits(await ApiAsync(w.App, "/so-b/api/search?q=giay+chung+nhan")));
        Assert.Single(Hits(await ApiAsync(w.App, "/so-b/api/search?q=giay+chung+nhan&pham-vi=tinh")));

        // The asker's name and own wording are never indexed, only what was published.
        Assert.Empty(Hits(await ApiAsync(w.App, "/api/search?q=" + Uri.EscapeDataString("Nguyễn Thị Hỏi") + "&pham-vi=tinh")));
        Assert.Empty(Hits(await ApiAsync(w.App, "/api/search?q=xa+tan+phu&pham-vi=tinh")));

        // Unpublished: gone from search everywhere at once.
        q = await w.QuestionAsync(q.Code);
        using (var r = await QnaWorld.ActAsync(deptEditor, "/so-tnmt", q.Id, "Unpublish", q.Version))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Empty(Hits(await ApiAsync(w.App, "/api/search?q=giay+chung+nhan&pham-vi=tinh")));
        Assert.Empty(Hits(await ApiAsync(w.App, "/so-tnmt/api/search?q=giay+chung+nhan")));
    }
}
