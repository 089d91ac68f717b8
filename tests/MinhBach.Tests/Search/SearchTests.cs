using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Accounts.AdminSites;

namespace MinhBach.Tests.Search;

/// <summary>
/// /tim-kiem and /api/search over real full-text indexes (FTS5 on SQLite, tsvector on PostgreSQL), with the
/// same expectations on both: Vietnamese with or without diacritics, đ = d, phrases, document numbers however
/// typed, snippets, facets, "did you mean", and only what the public may see.
/// </summary>
public sealed class SearchTests
{
    private sealed record World(TestApp App, Site Portal, Site SoA, Category News);

    private static async Task<World> StartAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider);
        var portal = await app.CreatePortalAsync();
        var soA = await app.AddSiteAsync("so-a", "Sở Tài nguyên và Môi trường");
        var news = await app.AddCategoryAsync(portal, "tin-tuc-su-kien", "Tin tức sự kiện");
        var soANews = await app.AddCategoryAsync(soA, "tin-hoat-dong", "Tin hoạt động");
        var day = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc);
        await app.AddArticleAsync(portal, news, "Cải cách thủ tục hành chính năm 2026", publishedAt: day);
        await app.AddArticleAsync(portal, news, "Hành chính công: thủ tục mới về cấp phép xây dựng", publishedAt: day.AddDays(1));
        await app.AddArticleAsync(portal, news, "Đất đai và đô thị Đắk Mil", publishedAt: day.AddDays(2));
        await app.AddArticleAsync(portal, news, "Bản kế hoạch phát triển du lịch", publishedAt: day.AddDays(3));
        await app.AddArticleAsync(portal, news, "Bàn giao thiết bị cho trường học", publishedAt: day.AddDays(4));
        await app.AddArticleAsync(portal, news, "Dự thảo chưa duyệt về thủ tục hành chính", status: ArticleStatus.Draft, publishedAt: day);
        await app.AddArticleAsync(soA, soANews, "Sở Tài nguyên hướng dẫn thủ tục hành chính về đất đai", publishedAt: day);
        await app.WithDbAsync(async db =>
        {
            db.Documents.Add(new Document
            {
                SiteId = portal.Id, Slug = "42-2022-nd-cp", Number = "42/2022/NĐ-CP", TypeCode = "nghi-dinh",
                Title = "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
                IssuingBody = "Chính phủ", Signer = "Phạm Minh Chính", IssuedOn = new DateOnly(2022, 6, 24), CreatedAt = day,
            });
            db.Documents.Add(new Document
            {
                SiteId = portal.Id, Slug = "123-qd-ubnd", Number = "123/QĐ-UBND", TypeCode = "quyet-dinh",
                Title = "Công bố danh mục thủ tục hành chính lĩnh vực đất đai", IssuingBody = "UBND tỉnh Đông Minh",
                IssuedOn = new DateOnly(2025, 3, 15), CreatedAt = day,
            });
            db.Pages.Add(new Page { SiteId = portal.Id, Language = "vi", Slug = "chuc-nang-nhiem-vu", Kind = "functions", Title = "Chức năng, nhiệm vụ",
                Body = "<p>Tham mưu về <strong>quản lý đất đai</strong> và tài nguyên nước.</p>", UpdatedAt = day });
            return await db.SaveChangesAsync();
        });
        return new World(app, portal, soA, news);
    }

    private static async Task<JsonElement> ApiAsync(TestApp app, string query)
    {
        using var response = await app.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Titles(JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToList();

    [DatabaseTheory]
    public async Task Unaccented_queries_find_what_accented_ones_find_and_đ_folds_to_d(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;

        foreach (var (accented, plain) in new[] { ("thủ tục hành chính", "thu tuc hanh chinh"), ("đất đai", "dat dai"), ("Đắk Mil", "dak mil"), ("ĐẤT ĐAI", "DAT DAI") })
        {
            var a = Titles(await ApiAsync(app, "q=" + Uri.EscapeDataString(accented)));
            var p = Titles(await ApiAsync(app, "q=" + Uri.EscapeDataString(plain)));
            Assert.NotEmpty(a);
            Assert.Equal(a.Order(), p.Order());
        }
        Assert.Contains("Đất đai và đô thị Đắk Mil", Titles(await ApiAsync(app, "q=dat+dai")));
    }

    [DatabaseTheory]
    public async Task The_words_as_a_phrase_rank_above_the_words_apart_and_exact_diacritics_above_folded_ones(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;

        var phrase = Titles(await ApiAsync(app, "q=thu+tuc+hanh+chinh"));
        Assert.Equal("Cải cách thủ tục hành chính năm 2026", phrase[0]);
        Assert.True(phrase.IndexOf("Hành chính công: thủ tục mới về cấp phép xây dựng") > phrase.IndexOf("123/QĐ-UBND: Công bố danh mục thủ tục hành chính lĩnh vực đất đai"));

        Assert.Equal("Bản kế hoạch phát triển du lịch", Titles(await ApiAsync(app, "q=" + Uri.EscapeDataString("bản")))[0]);
        Assert.Equal("Bàn giao thiết bị cho trường học", Titles(await ApiAsync(app, "q=" + Uri.EscapeDataString("bàn")))[0]);
    }

    [DatabaseTheory]
    public async Task A_document_number_is_found_however_it_is_typed(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;

        foreach (var typed in new[] { "42/2022/NĐ-CP", "42/2022/ND-CP", "42/2022", "nd 42", "NĐ-CP 42", "nđ42" })
        {
            var first = (await ApiAsync(app, "q=" + Uri.EscapeDataString(typed))).GetProperty("hits")[0];
            Assert.Equal("42/2022/NĐ-CP", first.GetProperty("number").GetString());
            Assert.Equal("document", first.GetProperty("type").GetString());
            Assert.EndsWith("/van-ban/42-2022-nd-cp", first.GetProperty("url").GetString());
        }
        Assert.Equal("123/QĐ-UBND", (await ApiAsync(app, "q=123%2FQD-UBND")).GetProperty("hits")[0].GetProperty("number").GetString());
    }

    [DatabaseTheory]
    public async Task Only_public_items_are_found_and_publishing_or_deleting_changes_that_at_once(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;
        Assert.DoesNotContain("Dự thảo chưa duyệt về thủ tục hành chính", Titles(await ApiAsync(app, "q=du+thao+chua+duyet")));

        await app.WithDbAsync(async db =>
        {
            var draft = await db.Articles.IgnoreQueryFilters().SingleAsync(a => a.Title.StartsWith("Dự thảo"));
            draft.Status = ArticleStatus.Published;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["Dự thảo chưa duyệt về thủ tục hành chính"], Titles(await ApiAsync(app, "q=du+thao+chua+duyet")));

        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.IgnoreQueryFilters().SingleAsync(a => a.Title.StartsWith("Dự thảo"));
            a.Status = ArticleStatus.Unpublished;
            var page = await db.Pages.IgnoreQueryFilters().SingleAsync();
            db.Pages.Remove(page);
            return await db.SaveChangesAsync();
        });
        Assert.Empty(Titles(await ApiAsync(app, "q=du+thao+chua+duyet")));
        Assert.Empty(Titles(await ApiAsync(app, "q=tai+nguyen+nuoc")));
    }

    [DatabaseTheory]
    public async Task A_site_searches_its_own_content_and_the_switch_searches_the_province(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;

        var own = await ApiAsync(app, "q=huong+dan+thu+tuc");
        Assert.Empty(Titles(own));
        var onSoA = Titles(await ApiAsync(app, "q=huong+dan+thu+tuc&site=so-a"));
        Assert.Equal(["Sở Tài nguyên hướng dẫn thủ tục hành chính về đất đai"], onSoA);
        var province = await ApiAsync(app, "q=huong+dan+thu+tuc&pham-vi=tinh");
        var hit = province.GetProperty("hits")[0];
        Assert.Equal("so-a", hit.GetProperty("site").GetProperty("slug").GetString());
        Assert.EndsWith("/so-a/tin-tuc/tin-hoat-dong/so-tai-nguyen-huong-dan-thu-tuc-hanh-chinh-ve-dat-dai", hit.GetProperty("url").GetString());

        // Through a prefix, the page searches that site.
        var html = await app.GetStringAsync("/so-a/tim-kiem?q=huong+dan");
        Assert.Contains("href=\"/so-a/tin-tuc/tin-hoat-dong/so-tai-nguyen-huong-dan-thu-tuc-hanh-chinh-ve-dat-dai\"", html);
    }

    [DatabaseTheory]
    public async Task Snippets_mark_the_words_found_even_when_typed_without_diacritics(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;

        var result = await ApiAsync(app, "q=quan+ly+dat+dai&loai=page");
        var hit = result.GetProperty("hits")[0];
        Assert.Equal("Chức năng, nhiệm vụ", hit.GetProperty("title").GetString());
        Assert.Equal("Tham mưu về <mark>quản</mark> <mark>lý</mark> <mark>đất</mark> <mark>đai</mark> và tài nguyên nước.", hit.GetProperty("snippetHtml").GetString());
        Assert.Equal("Tham mưu về quản lý đất đai và tài nguyên nước.", hit.GetProperty("snippet").GetString());

        var page = AdminClient.Html(await app.GetStringAsync("/tim-kiem?q=quan+ly+dat+dai"));
        Assert.Equal(["quản", "lý", "đất", "đai"], page.QuerySelectorAll(".search-hits .snippet mark").Select(m => m.TextContent).Take(4));
    }

    [DatabaseTheory]
    public async Task Facets_count_by_type_and_year_and_filter_the_hits(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;

        var all = await ApiAsync(app, "q=thu+tuc");
        var kinds = all.GetProperty("facets").GetProperty("types").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["article"] = 2, ["document"] = 1 }, kinds);
        var years = all.GetProperty("facets").GetProperty("years").EnumerateArray().Select(f => (f.GetProperty("value").GetString(), f.GetProperty("count").GetInt32()));
        Assert.Equal([("2026", 2), ("2025", 1)], years);

        var docs = await ApiAsync(app, "q=thu+tuc&loai=document");
        Assert.Equal(1, docs.GetProperty("total").GetInt32());
        Assert.Equal(["123/QĐ-UBND: Công bố danh mục thủ tục hành chính lĩnh vực đất đai"], Titles(docs));
        Assert.Equal(2, (await ApiAsync(app, "q=thu+tuc&nam=2026")).GetProperty("total").GetInt32());

        var page = AdminClient.Html(await app.GetStringAsync("/tim-kiem?q=thu+tuc"));
        Assert.Equal(["Tin bài (2)", "Văn bản (1)"], page.QuerySelectorAll("#f-kind + ul li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/tim-kiem?q=thu%20tuc&loai=document", page.QuerySelector("#f-kind + ul a[href*='loai=document']")?.GetAttribute("href"));
    }

    [DatabaseTheory]
    public async Task A_typo_gets_a_did_you_mean_link(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;

        // Nothing matches what was typed: the likely spelling's results are shown, and the page says so.
        var result = await ApiAsync(app, "q=thu+tuc+hanh+chnh");
        Assert.Equal("thu tuc hanh chinh", result.GetProperty("shownFor").GetString());
        Assert.Equal("Cải cách thủ tục hành chính năm 2026", Titles(result)[0]);
        var accented = await ApiAsync(app, "q=" + Uri.EscapeDataString("thủ tục hànhh chíng"));
        Assert.Equal("thủ tục hành chính", accented.GetProperty("shownFor").GetString());
        var page = AdminClient.Html(await app.GetStringAsync("/tim-kiem?q=thu+tuc+hanh+chnh"));
        Assert.Equal("Không có kết quả cho “thu tuc hanh chnh”. Hiển thị 3 kết quả cho “thu tuc hanh chinh”.", page.Text("[role=status]"));

        // Something matches, but a likely spelling finds more: offered as a link.
        await app.WithDbAsync(async db =>
        {
            db.Articles.Add(new Article { SiteId = w.Portal.Id, CategoryId = w.News.Id, Title = "Chinh phục đỉnh núi", Slug = "chnh", Summary = "chnh", Body = "<p>chnh</p>",
                Author = "PV", Status = ArticleStatus.Published, PublishedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var offered = AdminClient.Html(await app.GetStringAsync("/tim-kiem?q=chnh"));
        Assert.Equal("/tim-kiem?q=chinh", offered.QuerySelector(".suggestion a")?.GetAttribute("href"));
    }

    [DatabaseTheory]
    public async Task Odd_queries_get_an_answer_or_nothing_never_an_error(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;

        string[] odd =
        [
            new string('á', 1000), new string('x', 5000), "!!! ??? ... ---", "\"thủ tục", "thủ tục\"\"\"", "AND OR NOT NEAR", "thu* ^tuc",
            "title:thu", "(thu OR tuc", "'; DROP TABLE \"SearchEntries\"; --", "thu & tuc | !hanh", "<script>alert(1)</script>", "😀 thủ tục 🇻🇳",
            "thu\u0309 tu\u0323c ha\u0300nh chi\u0301nh", "\u0000thu", "%", "_", "\\", "'", "NĐ-CP", "0", "-1",
        ];
        foreach (var q in odd)
        {
            using var api = await app.GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
            Assert.True(api.StatusCode == HttpStatusCode.OK, $"{q}: {api.StatusCode}");
            using var page = await app.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(q));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{q}: {page.StatusCode}");
        }
        // Decomposed (NFD) input, as pasted from some systems, finds the same as composed input.
        Assert.Equal(Titles(await ApiAsync(app, "q=" + Uri.EscapeDataString("thủ tục hành chính"))),
            Titles(await ApiAsync(app, "q=" + Uri.EscapeDataString("thu\u0309 tu\u0323c ha\u0300nh chi\u0301nh"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Sites.CountAsync(s => s.Slug == "")));

        using var badYear = await app.GetAsync("/api/search?q=thu&nam=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("Năm phải là số từ 1900 đến 2100.", JsonDocument.Parse(await badYear.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        using var badSite = await app.GetAsync("/api/search?q=thu&site=khong-co");
        Assert.Equal(HttpStatusCode.NotFound, badSite.StatusCode);
        using var badPage = await app.GetAsync("/tim-kiem?q=thu&loai=video");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal("Yêu cầu không hợp lệ", AdminClient.Html(await badPage.Content.ReadAsStringAsync()).Text("main h1"));
    }

    [DatabaseTheory]
    public async Task Many_results_are_paged(string provider)
    {
        var w = await StartAsync(provider);
        await using var app = w.App;
        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 45; i++)
                db.Articles.Add(new Article
                {
                    SiteId = w.Portal.Id, CategoryId = w.News.Id, Title = $"Phòng chống thiên tai số {i}", Slug = $"phong-chong-thien-tai-{i}",
                    Summary = "Bão lũ", Body = "<p>Bão lũ</p>", Author = "PV", Status = ArticleStatus.Published,
                    PublishedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i), UpdatedAt = DateTime.UtcNow,
                });
            return await db.SaveChangesAsync();
        });

        var first = await ApiAsync(app, "q=thien+tai");
        var third = await ApiAsync(app, "q=thien+tai&trang=3");
        Assert.Equal(45, first.GetProperty("total").GetInt32());
        Assert.Equal(20, Titles(first).Count);
        Assert.Equal(5, Titles(third).Count);
        Assert.Empty(Titles(first).Intersect(Titles(third)));
        var html = AdminClient.Html(await app.GetStringAsync("/tim-kiem?q=thien+tai&trang=2"));
        Assert.Equal("21", html.QuerySelector("ol.search-hits")?.GetAttribute("start"));
    }
}
