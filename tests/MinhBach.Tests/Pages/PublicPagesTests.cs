using System.Globalization;
using System.Net;
using System.Xml;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Pages;

/// <summary>
/// Every public page type over real HTTP on both databases, read as HTML: headings, languages, the
/// mandatory header and footer elements (TEC-20/21), Dublin Core, paging and bad input, redirects,
/// search without diacritics, the schedule and document filters, sitemap, robots, RSS, the EMC tag
/// and sanitised stored HTML.
/// </summary>
public sealed class PublicPagesTests
{
    private static readonly HtmlParser Parser = new();

    private sealed record Fetched(HttpStatusCode Status, string? Location, string? Site, string? ContentType, string Body, IDocument Html)
    {
        public string H1 => Html.QuerySelector("h1")?.TextContent.Trim() ?? "(no h1)";
        public string? Lang => Html.DocumentElement.GetAttribute("lang");
        public string? Meta(string name) => Html.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
        public override string ToString() => $"{(int)Status} {Location} h1=\"{H1}\"";
    }

    private static async Task<Fetched> FetchAsync(TestApp app, string path, string? host = null)
    {
        using var response = await app.GetAsync(path, host);
        var body = await response.Content.ReadAsStringAsync();
        var site = response.Headers.TryGetValues(TestApp.SiteHeader, out var v) ? v.Single() : null;
        return new Fetched(response.StatusCode, response.Headers.Location?.OriginalString, site,
            response.Content.Headers.ContentType?.ToString(), body, Parser.ParseDocument(body));
    }

    private static async Task<(TestApp App, RichSite Rich)> StartAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider);
        try
        {
            return (app, await RichSite.CreateAsync(app));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Vietnamese error page, on the chrome of the site that answered, never a bare status.</summary>
    private static void AssertErrorPage(Fetched page, HttpStatusCode status, string path, string agency = RichSite.PortalAgency)
    {
        var heading = status switch
        {
            HttpStatusCode.BadRequest => "Yêu cầu không hợp lệ",
            HttpStatusCode.NotFound => "Không tìm thấy trang",
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        Assert.True(page.Status == status, $"GET {path}: expected {(int)status}, got {page}");
        Assert.True(page.H1 == heading, $"GET {path}: expected the heading \"{heading}\", got {page}");
        Assert.Equal("vi", page.Lang);
        Assert.StartsWith("text/html", page.ContentType);
        Assert.Equal(agency, page.Html.QuerySelector(".site-header .brand-name")?.TextContent.Trim());
        Assert.Contains($"Mã lỗi: {(int)status}", page.Html.QuerySelector("main")!.TextContent);
    }

    [DatabaseTheory]
    public async Task Every_public_page_type_answers_with_its_Vietnamese_or_English_heading(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;
        var problems = new List<string>();
        Assert.Equal(RichSite.PageNames, rich.PublicPages.Select(p => p.Name));

        foreach (var c in rich.PublicPages)
        {
            var page = await FetchAsync(app, c.Path);
            if ((int)page.Status != c.Status) problems.Add($"{c}: status {(int)page.Status}, expected {c.Status}");
            if (page.H1 != c.Heading) problems.Add($"{c}: h1 \"{page.H1}\", expected \"{c.Heading}\"");
            if (page.Lang != c.Language) problems.Add($"{c}: <html lang=\"{page.Lang}\">, expected \"{c.Language}\"");
            if (page.ContentType != "text/html; charset=utf-8") problems.Add($"{c}: Content-Type {page.ContentType}");
            if (page.Html.QuerySelectorAll("h1").Length != 1) problems.Add($"{c}: {page.Html.QuerySelectorAll("h1").Length} h1 elements");
            if (page.Html.Title is not { Length: > 0 }) problems.Add($"{c}: no <title>");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // "/en/" with its trailing slash is the English home page too.
        var en = await FetchAsync(app, "/en/");
        Assert.Equal(HttpStatusCode.OK, en.Status);
        Assert.Equal("en", en.Lang);
        Assert.Equal(RichSite.PortalNameEn, en.H1);
    }

    [DatabaseTheory]
    public async Task The_home_page_carries_every_TEC_20_and_TEC_21_element(string provider)
    {
        var (app, _) = await StartAsync(provider);
        await using var __ = app;

        var home = await FetchAsync(app, "/");
        Assert.Equal(HttpStatusCode.OK, home.Status);

        // Header: emblem with a text alternative, the agency's full name, the search box.
        var header = home.Html.QuerySelector("header.site-header")!;
        var emblem = header.QuerySelector("img.emblem")!;
        // At its fingerprinted address (kept by browsers for a year, see Caching/HttpCachingTests).
        Assert.Matches(@"^/assets/quoc-huy\.[a-z0-9]{10}\.svg$", emblem.GetAttribute("src"));
        Assert.Contains("Quốc huy", emblem.GetAttribute("alt"));
        using (var svg = await app.GetAsync(emblem.GetAttribute("src")!))
        {
            Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
            Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(RichSite.PortalAgency, header.QuerySelector(".brand-name")!.TextContent.Trim());
        var search = header.QuerySelector("form[role=search]")!;
        Assert.Equal("/tim-kiem", search.GetAttribute("action"));
        var box = search.QuerySelector("input[type=search][name=q]")!;
        Assert.Equal("Tìm kiếm", search.QuerySelector($"label[for='{box.Id}']")?.TextContent.Trim());

        // Menu.
        var menu = header.QuerySelectorAll("nav.main-nav a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/", menu["Trang chủ"]);
        Assert.Equal("/gioi-thieu", menu["Giới thiệu"]);
        Assert.Equal(RichSite.PublicServiceUrl, menu["Dịch vụ công trực tuyến"]);
        Assert.Equal("/so-do-cong", menu["Sơ đồ cổng"]);
        Assert.Equal("/trang-thanh-phan", menu["Trang thành phần"]);

        // Footer: managing agency, person responsible, address, phone, email, licence.
        var footer = home.Html.QuerySelector("footer.site-footer")!;
        var lines = footer.QuerySelectorAll(".footer-owner p").Select(p => p.TextContent.Trim()).ToList();
        Assert.Contains($"Cơ quan quản lý: {RichSite.PortalAgency}", lines);
        Assert.Contains($"Người chịu trách nhiệm chính: {RichSite.ResponsiblePerson}, {RichSite.ResponsiblePersonTitle}", lines);
        Assert.Contains($"Địa chỉ: {RichSite.PortalAddress}", lines);
        Assert.Contains(lines, l => l.StartsWith($"Điện thoại: {RichSite.PortalPhone}", StringComparison.Ordinal));
        Assert.Equal($"mailto:{RichSite.PortalEmail}", footer.QuerySelector($"a[href^='mailto:']")?.GetAttribute("href"));
        Assert.Equal(RichSite.LicenceLine, footer.QuerySelector(".licence")?.TextContent.Trim());

        // A component site: its governing body above its name and in the footer; no licence line when none is set.
        var component = await FetchAsync(app, "/so-khcn/");
        Assert.Equal(RichSite.PortalAgency, component.Html.QuerySelector(".site-header .brand-parent")?.TextContent.Trim());
        Assert.Equal(RichSite.ComponentAgency, component.Html.QuerySelector(".site-header .brand-name")?.TextContent.Trim());
        var componentLines = component.Html.QuerySelectorAll(".footer-owner p").Select(p => p.TextContent.Trim()).ToList();
        Assert.Contains($"Cơ quan chủ quản: {RichSite.PortalAgency}", componentLines);
        Assert.Contains($"Cơ quan quản lý: {RichSite.ComponentAgency}", componentLines);
        Assert.Contains("Người chịu trách nhiệm chính: Phạm Quang Huy, Giám đốc Sở", componentLines);
        Assert.Null(component.Html.QuerySelector(".site-footer .licence"));
        var componentMenu = component.Html.QuerySelectorAll("nav.main-nav a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/so-khcn/", componentMenu["Trang chủ"]);
        Assert.Equal(SiteChrome.NationalPublicServicePortal, componentMenu["Dịch vụ công trực tuyến"]);
        Assert.Equal("/so-khcn/so-do-cong", componentMenu["Sơ đồ cổng"]);
        // The portal is linked from every component site.
        Assert.Contains(component.Html.QuerySelectorAll(".footer-links a"), a => a.GetAttribute("href") == "/" && a.TextContent.Trim() == RichSite.PortalName);
    }

    [DatabaseTheory]
    public async Task Dublin_Core_metadata_is_on_the_home_page_and_on_every_article(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;
        string[] elements = ["DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier"];

        var home = await FetchAsync(app, "/");
        foreach (var name in elements) Assert.False(string.IsNullOrWhiteSpace(home.Meta(name)), $"home: {name} is missing or empty");
        Assert.Equal(RichSite.PortalName, home.Meta("DC.title"));
        Assert.Equal(RichSite.PortalAgency, home.Meta("DC.publisher"));
        Assert.Equal(app.BaseAddress.ToString(), home.Meta("DC.identifier"));
        Assert.NotNull(home.Html.QuerySelector("link[rel='schema.DC'][href='http://purl.org/dc/elements/1.1/']"));

        foreach (var a in rich.Articles.Append(rich.ComponentArticle))
        {
            var path = (a.SiteId == rich.Component.Id ? "/so-khcn" : "") + RichSite.ArticlePath(a);
            var page = await FetchAsync(app, path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {page}");
            foreach (var name in elements) Assert.False(string.IsNullOrWhiteSpace(page.Meta(name)), $"{path}: {name} is missing or empty");
            Assert.Equal(a.Title, page.Meta("DC.title"));
            Assert.Equal(a.Author, page.Meta("DC.creator"));
            Assert.Equal(a.Summary, page.Meta("DC.description"));
            Assert.Equal(a.SiteId == rich.Component.Id ? RichSite.ComponentAgency : RichSite.PortalAgency, page.Meta("DC.publisher"));
            Assert.Equal(new Uri(app.BaseAddress, path.TrimStart('/')).ToString(), page.Meta("DC.identifier"));
            // The date of publication in Viet Nam, as the page shows it.
            Assert.Equal(VnTime.ToLocal(a.PublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.Meta("DC.date"));
            Assert.Equal(page.Meta("DC.identifier"), page.Html.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        }
    }

    [DatabaseTheory]
    public async Task News_pages_page_by_trang_and_refuse_malformed_page_numbers_with_the_Vietnamese_error_page(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;

        var first = await FetchAsync(app, "/tin-tuc");
        var firstTitles = first.Html.QuerySelectorAll("main .list .article-item h2 a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(rich.Articles.Take(ArticleQueries.PageSize).Select(a => a.Title), firstTitles);
        Assert.Equal("/tin-tuc?trang=2", first.Html.QuerySelector("a[rel=next]")?.GetAttribute("href"));

        var second = await FetchAsync(app, "/tin-tuc?trang=2");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var secondTitles = second.Html.QuerySelectorAll("main .list .article-item h2 a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(rich.Articles.Skip(ArticleQueries.PageSize).Select(a => a.Title), secondTitles);
        Assert.Equal("2", second.Html.QuerySelector(".pager [aria-current=page]")?.TextContent.Trim());
        Assert.StartsWith("Tin tức - Trang 2", second.Html.Title);

        var categoryPath = ContentUrls.Category(rich.NewsCategory.Slug);
        var categorySecond = await FetchAsync(app, categoryPath + "?trang=2");
        Assert.Equal(HttpStatusCode.OK, categorySecond.Status);
        Assert.Equal(
            rich.Articles.Where(a => a.CategoryId == rich.NewsCategory.Id).Skip(ArticleQueries.PageSize).Select(a => a.Title),
            categorySecond.Html.QuerySelectorAll("main .list .article-item h2 a").Select(a => a.TextContent.Trim()));

        string[] malformed = ["abc", "0", "-1", "1.5", "%201", "999999", "99999999999999999999", "2&trang=3", ""];
        foreach (var listing in new[] { "/tin-tuc", categoryPath, "/van-ban", "/tim-kiem?q=tin&x=1" })
        {
            var separator = listing.Contains('?') ? "&" : "?";
            foreach (var bad in malformed)
            {
                var path = $"{listing}{separator}trang={bad}";
                AssertErrorPage(await FetchAsync(app, path), HttpStatusCode.BadRequest, path);
            }
        }
        // A page number in range but past the end: the page does not exist.
        AssertErrorPage(await FetchAsync(app, "/tin-tuc?trang=3"), HttpStatusCode.NotFound, "/tin-tuc?trang=3");
        AssertErrorPage(await FetchAsync(app, categoryPath + "?trang=3"), HttpStatusCode.NotFound, categoryPath + "?trang=3");
        AssertErrorPage(await FetchAsync(app, "/van-ban?trang=2"), HttpStatusCode.NotFound, "/van-ban?trang=2");
        // On a component site the error page wears the component site's chrome.
        AssertErrorPage(await FetchAsync(app, "/so-khcn/tin-tuc?trang=abc"), HttpStatusCode.BadRequest, "/so-khcn/tin-tuc?trang=abc", RichSite.ComponentAgency);
    }

    [DatabaseTheory]
    public async Task Unknown_sites_slugs_and_ids_answer_the_Vietnamese_404_page_of_the_site_addressed(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;
        var cat = rich.NewsCategory.Slug;
        var draftSlug = await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().Where(a => a.Status == ArticleStatus.Draft).Select(a => a.Slug).SingleAsync());

        string[] portalMissing =
        [
            $"/tin-tuc/{cat}/khong-co-bai-viet-nay",
            $"/tin-tuc/{cat}/khong-co-bai-viet-nay/in",
            $"/tin-tuc/{cat}/{draftSlug}",
            "/tin-tuc/khong-co-chuyen-muc",
            "/lanh-dao/khong-co-lanh-dao",
            "/van-ban/khong-co-van-ban",
            "/gioi-thieu/khong-co-trang",
            "/en/no-such-page",
            "/rss/khong-co-chuyen-muc.xml",
            "/khong-co-trang-nay",
            "/khong-co-trang-nay/tin-tuc",
            "/loi/abc",
            "/loi/500",
            $"/tin-tuc/{cat}/{new string('a', 3000)}",
            $"/tin-tuc/{cat}/nguy%E1%BB%85n%20v%C4%83n",
            "/lanh-dao/1%27%20OR%20%271%27%3D%271",
            "/van-ban/..%2F..%2Fetc%2Fpasswd",
            "/tin-tuc/%3Cscript%3E/x",
        ];
        foreach (var path in portalMissing)
        {
            var page = await FetchAsync(app, path);
            AssertErrorPage(page, HttpStatusCode.NotFound, path);
            Assert.Equal("/", page.Site);
        }

        // A component site's missing pages are its own, on its own chrome.
        foreach (var path in new[] { "/so-khcn/tin-tuc/tin-hoat-dong/khong-co-bai-viet-nay", "/so-khcn/lanh-dao/nguyen-van-minh", "/so-khcn/khong-co" })
        {
            var page = await FetchAsync(app, path);
            AssertErrorPage(page, HttpStatusCode.NotFound, path, RichSite.ComponentAgency);
            Assert.Equal("/so-khcn/", page.Site);
            Assert.Equal("/so-khcn/", page.Html.QuerySelector("nav.main-nav a")?.GetAttribute("href"));
        }

        // An unknown host name is served by the portal; its missing pages are the portal's 404.
        var unknownHost = await FetchAsync(app, "/tin-tuc/tin-hoat-dong/khong-co", "khong-co.dongminh.gov.vn");
        AssertErrorPage(unknownHost, HttpStatusCode.NotFound, "unknown host");
        Assert.Equal("/", unknownHost.Site);
    }

    [DatabaseTheory]
    public async Task The_print_view_is_the_article_alone_and_points_to_its_canonical_address(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;
        var a = rich.Sourced;

        var print = await FetchAsync(app, ContentUrls.Print(a));

        Assert.Equal(HttpStatusCode.OK, print.Status);
        Assert.Equal("vi", print.Lang);
        Assert.Equal(a.Title, print.H1);
        Assert.Equal("noindex", print.Meta("robots"));
        Assert.Equal(new Uri(app.BaseAddress, RichSite.ArticlePath(a).TrimStart('/')).ToString(), print.Html.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Null(print.Html.QuerySelector("nav"));
        Assert.Null(print.Html.QuerySelector("form"));
        Assert.Equal($"Nguồn: {a.Source}", print.Html.QuerySelector(".source")?.TextContent.Trim());
        Assert.Equal(a.Author, print.Html.QuerySelector(".author")?.TextContent.Trim());
        Assert.Contains(RichSite.PortalAgency, print.Html.QuerySelector("header")!.TextContent);

        // The article page links to it, and shows the source with its link.
        var article = await FetchAsync(app, RichSite.ArticlePath(a));
        Assert.Equal(ContentUrls.Print(a), article.Html.QuerySelector(".tools a[rel=nofollow]")?.GetAttribute("href"));
        Assert.Equal(a.SourceUrl, article.Html.QuerySelector(".source a")?.GetAttribute("href"));
        Assert.Equal(a.FeaturedImageAlt, article.Html.QuerySelector("main figure img")?.GetAttribute("alt"));
    }

    [DatabaseTheory]
    public async Task Beside_an_article_are_the_five_newest_other_published_articles_of_its_category_newest_first(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;

        foreach (var a in new[] { rich.Sourced, rich.Featured })
        {
            var expected = rich.Articles.Where(x => x.CategoryId == a.CategoryId && x.Id != a.Id)
                .OrderByDescending(x => x.PublishedAt).Take(5).Select(RichSite.ArticlePath).ToList();
            var page = await FetchAsync(app, RichSite.ArticlePath(a));

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(a.Title, page.H1);
            Assert.Equal(expected, page.Html.QuerySelectorAll("aside[aria-labelledby=lien-quan] li a").Select(l => l.GetAttribute("href")!).ToList());
        }

        // The print view is the article alone.
        Assert.Empty((await FetchAsync(app, ContentUrls.Print(rich.Sourced))).Html.QuerySelectorAll("aside[aria-labelledby=lien-quan]"));
        // A component site's article lists its own site's articles only.
        var component = await FetchAsync(app, rich.ComponentPath(RichSite.ArticlePath(rich.ComponentArticle)));
        Assert.Equal(rich.ComponentArticle.Title, component.H1);
        Assert.DoesNotContain(component.Html.QuerySelectorAll("aside[aria-labelledby=lien-quan] li a"), l => rich.Articles.Any(x => l.TextContent == x.Title));
    }

    [DatabaseTheory]
    public async Task An_article_under_the_wrong_category_redirects_permanently_to_its_canonical_address(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;
        var a = rich.Sourced;

        var wrong = await FetchAsync(app, $"/tin-tuc/thong-bao/{a.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, wrong.Status);
        Assert.Equal(RichSite.ArticlePath(a), wrong.Location);

        var unknownCategory = await FetchAsync(app, $"/tin-tuc/khong-co/{a.Slug}/in");
        Assert.Equal(HttpStatusCode.MovedPermanently, unknownCategory.Status);
        Assert.Equal(ContentUrls.Print(a), unknownCategory.Location);

        var component = await FetchAsync(app, $"/so-khcn/tin-tuc/thong-bao/{rich.ComponentArticle.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, component.Status);
        Assert.Equal("/so-khcn" + RichSite.ArticlePath(rich.ComponentArticle), component.Location);

        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(app, wrong.Location!)).Status);
    }

    [DatabaseTheory]
    public async Task Search_finds_titles_typed_without_diacritics_and_across_the_province(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;

        foreach (var q in new[] { "day manh thu tuc", "Đẩy mạnh thủ tục", "DAY MANH cai cach" })
        {
            var page = await FetchAsync(app, "/tim-kiem?q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var hits = page.Html.QuerySelectorAll("main .search-hits > li > a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
            Assert.Equal([(RichSite.SearchableTitle, RichSite.ArticlePath(rich.Searchable))], hits);
            Assert.Equal(q, page.Html.QuerySelector("main input[name=q]")?.GetAttribute("value"));
        }

        // Documents are found too, by words of their summary.
        var documents = await FetchAsync(app, "/tim-kiem?q=" + Uri.EscapeDataString("phong chay chua chay"));
        Assert.Contains(documents.Html.QuerySelectorAll("main .search-hits > li > a"), a => a.GetAttribute("href") == ContentUrls.Document(rich.Document2025));

        // The portal searches only itself, unless asked for the whole province.
        var words = Uri.EscapeDataString("tri tue nhan tao");
        var own = await FetchAsync(app, "/tim-kiem?q=" + words);
        Assert.Empty(own.Html.QuerySelectorAll("main .search-hits > li > a"));
        var province = await FetchAsync(app, $"/tim-kiem?q={words}&pham-vi=tinh");
        var hit = Assert.Single(province.Html.QuerySelectorAll("main .search-hits > li"));
        Assert.Equal("/so-khcn" + RichSite.ArticlePath(rich.ComponentArticle), hit.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains(RichSite.ComponentAgency, hit.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(app, hit.QuerySelector("a")!.GetAttribute("href")!)).Status);

        // Drafts are never found. An over-long query, or one with control characters, is still answered
        // (the characters are dropped: PostgreSQL refuses NUL in text).
        Assert.Empty((await FetchAsync(app, "/tim-kiem?q=ban+nhap+sap+nhap")).Html.QuerySelectorAll("main .search-hits > li > a"));
        foreach (var odd in new[] { "/tim-kiem?q=" + new string('a', 1001), "/tim-kiem?q=%00", "/tim-kiem?q=thu%00tuc&pham-vi=tinh", "/tim-kiem?q=a%0Ab" })
            Assert.Equal(HttpStatusCode.OK, (await FetchAsync(app, odd)).Status);
    }

    [DatabaseTheory]
    public async Task A_form_the_server_cannot_read_is_answered_with_the_400_page_not_the_404_page(string provider)
    {
        var (app, _) = await StartAsync(provider);
        await using var __ = app;
        // ASP.NET Core refuses to read a form carrying a NUL character; the error page must not depend on reading it again.
        using var response = await app.Http.PostAsync("/so-khcn/tim-kiem", new FormUrlEncodedContent([new("q", "a\0b")]));
        var body = await response.Content.ReadAsStringAsync();
        var page = new Fetched(response.StatusCode, response.Headers.Location?.OriginalString, null, response.Content.Headers.ContentType?.ToString(), body, Parser.ParseDocument(body));
        AssertErrorPage(page, HttpStatusCode.BadRequest, "POST /so-khcn/tim-kiem", RichSite.ComponentAgency);
    }

    [DatabaseTheory]
    public async Task The_schedule_shows_this_week_or_the_ISO_week_asked_for_and_refuses_malformed_weeks(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;

        var thisWeek = await FetchAsync(app, "/lich-cong-tac");
        Assert.Equal(HttpStatusCode.OK, thisWeek.Status);
        Assert.Contains("(tuần này)", thisWeek.Html.QuerySelector("main")!.TextContent);
        Assert.Contains(thisWeek.Html.QuerySelectorAll("main tbody td"), td => td.TextContent.Contains(rich.TodayEntry.Content));
        // The home page lists today's entries.
        var home = await FetchAsync(app, "/");
        Assert.Contains(rich.TodayEntry.Content, home.Html.QuerySelector("section[aria-labelledby=lich]")!.TextContent);

        var week1 = await FetchAsync(app, "/lich-cong-tac?tuan=2026-W01");
        Assert.Equal(HttpStatusCode.OK, week1.Status);
        var main = week1.Html.QuerySelector("main")!.TextContent;
        Assert.Contains("Tuần thứ 1", main);
        Assert.Contains("từ ngày 29/12/2025 đến ngày 04/01/2026", main);
        Assert.Contains(rich.Week1Entry.Content, main);
        Assert.DoesNotContain(rich.TodayEntry.Content, main);
        Assert.Equal("/lich-cong-tac?tuan=2026-W02", week1.Html.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("/lich-cong-tac?tuan=2025-W52", week1.Html.QuerySelector("a[rel=prev]")?.GetAttribute("href"));

        foreach (var bad in new[] { "abc", "2026-W00", "2026-W54", "2026-W1", "1999-W10", "2026W01", "" })
        {
            var path = "/lich-cong-tac?tuan=" + bad;
            AssertErrorPage(await FetchAsync(app, path), HttpStatusCode.BadRequest, path);
        }
    }

    [DatabaseTheory]
    public async Task Documents_filter_by_type_and_year_and_refuse_unknown_values(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;
        static List<string?> Numbers(Fetched page) => page.Html.QuerySelectorAll("main tbody th a").Select(a => (string?)a.TextContent.Trim()).ToList();

        var all = await FetchAsync(app, "/van-ban");
        Assert.Equal(rich.Documents.OrderByDescending(d => d.IssuedOn).Select(d => d.Number), Numbers(all));

        var year = await FetchAsync(app, "/van-ban?nam=2025");
        Assert.Equal(HttpStatusCode.OK, year.Status);
        Assert.Equal([rich.Document2025.Number], Numbers(year));
        Assert.Equal("2025", year.Html.QuerySelector("select[name=nam] option[selected]")?.GetAttribute("value"));

        var type = await FetchAsync(app, "/van-ban?loai=ke-hoach");
        Assert.Equal(["45/KH-UBND"], Numbers(type));
        var none = await FetchAsync(app, "/van-ban?loai=ke-hoach&nam=2025");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Empty(Numbers(none));
        var words = await FetchAsync(app, "/van-ban?q=" + Uri.EscapeDataString("chuyen doi so"));
        Assert.Equal(["45/KH-UBND"], Numbers(words));

        foreach (var bad in new[] { "loai=nope", "loai=%3Cscript%3E", "loai=%00", "nam=abc", "nam=1800", "nam=20255", "nam=-2025", "hieu-luc=tot", "sap-xep=ngau-nhien", "co-quan=%00" })
        {
            var path = "/van-ban?" + bad;
            AssertErrorPage(await FetchAsync(app, path), HttpStatusCode.BadRequest, path);
        }
        // Words are never an error, as in search: control characters are dropped, a long query is cut.
        foreach (var odd in new[] { "q=%00", "q=" + new string('a', 1001), "q=%22%27%3B--", "q=%F0%9F%98%80" })
            Assert.Equal(HttpStatusCode.OK, (await FetchAsync(app, "/van-ban?" + odd)).Status);

        var detail = await FetchAsync(app, ContentUrls.Document(rich.Documents[0]));
        var rows = detail.Html.QuerySelectorAll("main tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(rich.Documents[0].Title, rows["Trích yếu"]);
        Assert.Equal("10/11/2026", rows["Ngày ban hành"]);
        Assert.Equal(rich.Documents[0].FileUrl, detail.Html.QuerySelector("main a[href$='.pdf']")?.GetAttribute("href"));
    }

    private static XmlDocument ParseXml(string xml)
    {
        var doc = new XmlDocument { XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        doc.Load(reader);
        return doc;
    }

    [DatabaseTheory]
    public async Task The_sitemap_is_valid_XML_listing_every_public_page_and_every_address_in_it_answers(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;

        using var response = await app.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = ParseXml(await response.Content.ReadAsStringAsync());
        var ns = new XmlNamespaceManager(xml.NameTable);
        ns.AddNamespace("s", "http://www.sitemaps.org/schemas/sitemap/0.9");
        Assert.Equal("urlset", xml.DocumentElement!.LocalName);
        var locs = xml.SelectNodes("/s:urlset/s:url/s:loc", ns)!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
        Assert.Equal(locs.Count, locs.Distinct().Count());

        string Abs(string path) => new Uri(app.BaseAddress, path.TrimStart('/')).ToString();
        var expected = rich.PublicPages
            .Where(p => p.Status == 200 && !p.Path.StartsWith("/so-khcn/", StringComparison.Ordinal) && !p.Path.Contains('?') && p.Name != "print")
            .Select(p => Abs(p.Path))
            .Concat(rich.Articles.Select(a => Abs(RichSite.ArticlePath(a))))
            .Concat(rich.Leaders.Select(l => Abs(ContentUrls.Leader(l.Slug))))
            .Concat(rich.Documents.Select(d => Abs(ContentUrls.Document(d))))
            .Concat(rich.Categories.Select(c => Abs(ContentUrls.Category(c.Slug))))
            .Concat([Abs("/gioi-thieu/chuc-nang-nhiem-vu"), Abs("/en/functions"), Abs("/lich-cong-tac")]);
        var missing = expected.Except(locs).ToList();
        Assert.True(missing.Count == 0, "Not in the sitemap: " + string.Join(", ", missing));
        // Nothing of the component site or unpublished.
        Assert.DoesNotContain(locs, l => l.Contains("/so-khcn/") || l.Contains("ban-nhap"));

        foreach (var loc in locs)
        {
            using var page = await app.Http.GetAsync(loc);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{loc} listed in the sitemap answered {(int)page.StatusCode}");
        }

        // The component site has its own.
        var componentLocs = ParseXml(await app.GetStringAsync("/so-khcn/sitemap.xml"))
            .SelectNodes("/s:urlset/s:url/s:loc", ns)!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
        Assert.Contains(Abs("/so-khcn" + RichSite.ArticlePath(rich.ComponentArticle)), componentLocs);
        Assert.Contains(Abs("/so-khcn/gioi-thieu/chuc-nang-nhiem-vu"), componentLocs);
        Assert.Contains(Abs("/so-khcn/en/functions"), componentLocs);
        Assert.All(componentLocs, l => Assert.StartsWith(Abs("/so-khcn/"), l));
        Assert.DoesNotContain(Abs("/so-khcn/trang-thanh-phan"), componentLocs);
        foreach (var loc in componentLocs)
        {
            using var page = await app.Http.GetAsync(loc);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{loc} listed in the component site's sitemap answered {(int)page.StatusCode}");
        }
    }

    [DatabaseTheory]
    public async Task Robots_txt_allows_crawling_and_names_the_sitemaps(string provider)
    {
        var (app, _) = await StartAsync(provider);
        await using var __ = app;

        using var response = await app.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Allow: /", lines);
        Assert.Contains($"Sitemap: {app.BaseAddress}sitemap.xml", lines);
        Assert.Contains($"Sitemap: {app.BaseAddress}so-khcn/sitemap.xml", lines);
    }

    [DatabaseTheory]
    public async Task Each_category_has_a_valid_RSS_2_0_feed_of_its_articles_newest_first(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;

        var feeds = await FetchAsync(app, "/rss");
        var listed = feeds.Html.QuerySelectorAll("main ul.list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(rich.Categories.Select(c => ContentUrls.Feed(c.Slug)).Prepend(ContentUrls.AllNewsFeed), listed);

        foreach (var (slug, name, articles) in rich.Categories.Select(c => (c.Slug, c.Name, rich.Articles.Where(a => a.CategoryId == c.Id).ToList()))
                     .Append(("tin-moi", "Tin mới", rich.Articles.ToList())))
        {
            var path = ContentUrls.Feed(slug);
            using var response = await app.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
            var rss = ParseXml(await response.Content.ReadAsStringAsync());

            var root = rss.DocumentElement!;
            Assert.Equal("rss", root.Name);
            Assert.Equal("2.0", root.GetAttribute("version"));
            var channel = Assert.Single(root.ChildNodes.Cast<XmlNode>(), n => n.Name == "channel");
            Assert.Equal($"{RichSite.PortalName} - {name}", channel["title"]?.InnerText);
            Assert.StartsWith(app.BaseAddress.ToString(), channel["link"]?.InnerText);
            Assert.False(string.IsNullOrWhiteSpace(channel["description"]?.InnerText));
            Assert.Equal("vi", channel["language"]?.InnerText);

            var items = channel.SelectNodes("item")!.Cast<XmlElement>().ToList();
            Assert.Equal(articles.Select(a => a.Title), items.Select(i => i["title"]!.InnerText));
            foreach (var (item, a) in items.Zip(articles))
            {
                var url = new Uri(app.BaseAddress, RichSite.ArticlePath(a).TrimStart('/')).ToString();
                Assert.Equal(url, item["link"]!.InnerText);
                Assert.Equal(url, item["guid"]!.InnerText);
                Assert.Equal(a.Summary, item["description"]!.InnerText);
                var published = DateTime.ParseExact(item["pubDate"]!.InnerText, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                Assert.Equal(a.PublishedAt, published, TimeSpan.FromSeconds(1));
            }
            Assert.Equal(items.Count, items.Select(i => i["pubDate"]!.InnerText).Distinct().Count());
        }

        // The component site's feed holds its own articles only.
        var component = ParseXml(await app.GetStringAsync("/so-khcn/rss/tin-hoat-dong.xml"));
        Assert.Equal(3, component.SelectNodes("/rss/channel/item")!.Count);
        Assert.Equal(rich.ComponentArticle.Title, component.SelectSingleNode("/rss/channel/item/title")!.InnerText);
    }

    [DatabaseTheory]
    public async Task The_EMC_tag_appears_only_once_enabled_for_the_site(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;

        var before = await FetchAsync(app, "/");
        Assert.Null(before.Html.QuerySelector(".emc"));
        Assert.DoesNotContain("_govaq", before.Body);
        Assert.DoesNotContain("emc.js", before.Body);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SiteRegistry>().UpdateAsync("", new SiteSettings { EmcEnabled = true, EmcSiteId = "1234" });

        foreach (var path in new[] { "/", ContentUrls.Contacts, RichSite.ArticlePath(rich.Featured) })
        {
            var page = await FetchAsync(app, path);
            // The monitoring centre's snippet: its queue (_govaq) told this site's id, inline or in the loader file the tag names.
            var tag = page.Html.QuerySelector("footer .emc");
            Assert.True(tag is not null, $"{path}: no EMC tag");
            var loader = tag!.QuerySelector("script[src]");
            var snippet = tag.InnerHtml;
            if (loader is not null)
            {
                Assert.Equal("1234", loader.GetAttribute("data-site-id"));
                snippet = await app.GetStringAsync(loader.GetAttribute("src")!);
            }
            else
            {
                Assert.Contains("'1234'", snippet);
            }
            Assert.Contains("_govaq", snippet);
            Assert.Contains("setSiteId", snippet);
            Assert.Contains("https://f-emc.ngsp.gov.vn/", snippet);
        }
        // Only the site that enabled it.
        Assert.Null((await FetchAsync(app, "/so-khcn/")).Html.QuerySelector(".emc"));
    }

    [DatabaseTheory]
    public async Task Stored_HTML_is_rendered_without_scripts_or_event_handlers(string provider)
    {
        var (app, rich) = await StartAsync(provider);
        await using var _ = app;
        var article = await app.AddArticleAsync(rich.Portal, rich.NewsCategory, "Tin có mã độc <script>alert(2)</script>", slug: "tin-co-ma-doc");
        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.IgnoreQueryFilters().SingleAsync(x => x.Id == article.Id);
            a.Body = "<p>Nội dung an toàn.</p><script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">bấm</a>";
            return await db.SaveChangesAsync();
        });

        foreach (var path in new[] { "/tin-tuc/tin-hoat-dong/tin-co-ma-doc", "/tin-tuc/tin-hoat-dong/tin-co-ma-doc/in" })
        {
            var page = await FetchAsync(app, path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Nội dung an toàn.", page.Html.QuerySelector("main p:not(.meta):not(.summary)")?.TextContent.Trim());
            Assert.All(page.Html.Scripts, s => Assert.Matches(@"^/assets/site\.[a-z0-9]{10}\.js$", s.Source));
            Assert.DoesNotContain(page.Html.All, e => e.Attributes.Any(x => x.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain(page.Html.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("alert(1)", page.Body);
            // The title is text, shown as typed.
            Assert.Equal("Tin có mã độc <script>alert(2)</script>", page.H1);
        }
    }
}
