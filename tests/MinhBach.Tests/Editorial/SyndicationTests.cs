using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Sites;
using MinhBach.Features.Syndication;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Editorial.EditorialTestKit;

namespace MinhBach.Tests.Editorial;

/// <summary>Syndication upward: a component site proposes a published article, the portal accepts (a copy with source and canonical) or declines.</summary>
public sealed class SyndicationTests
{
    private sealed record Province(TestApp App, Site Portal, Site Site, Category PortalCategory, Article Article);

    private static async Task<Province> ProvinceAsync(TestApp app)
    {
        var portal = await app.CreatePortalAsync();
        var site = await app.AddSiteAsync("so-a", "Trang thông tin điện tử Sở A");
        var siteCategory = await app.AddCategoryAsync(site, "tin-hoat-dong", "Tin hoạt động");
        await app.AddCategoryAsync(portal, "tin-tong-hop", "Tin tổng hợp");
        var portalCategory = await app.AddCategoryAsync(portal, "tin-so-nganh", "Tin sở, ngành");
        var article = await app.AddArticleAsync(site, siteCategory, "Sở A khai trương bộ phận một cửa");
        return new Province(app, portal, site, portalCategory, article);
    }

    private static string ArticleAdmin(Province p) => $"/so-a/quan-tri/tin-bai/{p.Article.Id}";

    private static Task<List<SyndicationProposal>> ProposalsAsync(TestApp app) =>
        app.WithDbAsync(db => db.SyndicationProposals.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Id).ToListAsync());

    [DatabaseTheory]
    public async Task A_proposal_accepted_with_a_new_title_is_published_on_the_portal_with_source_and_canonical(string provider)
    {
        await using var app = await StartAsync(provider);
        var p = await ProvinceAsync(app);
        using var proposer = await MemberAsync(app, "btv@so-a.gov.vn", "Lê Văn Cường", "so-a", SiteRole.Editor);
        using var portalEditor = await MemberAsync(app, "btv@tinh.gov.vn", "Phạm Thị Dung", "", SiteRole.Editor);

        await AssertDoneAsync(await proposer.PostFormAsync(ArticleAdmin(p) + "?handler=Propose", ("ProposalNote", "Đề nghị đăng ở mục Tin sở, ngành.")),
            ArticleAdmin(p) + "?msg=de-xuat");
        var proposal = Assert.Single(await ProposalsAsync(app));
        Assert.Equal(ProposalStatus.Pending, proposal.Status);
        Assert.Equal(p.Portal.Id, proposal.TargetSiteId);
        Assert.Contains("đang chờ xem xét", await proposer.GetStringAsync(ArticleAdmin(p)));

        // Pending on the portal.
        var list = await portalEditor.GetHtmlAsync("/quan-tri/de-xuat");
        var row = list.QuerySelectorAll("table tbody tr").Single();
        Assert.Contains("Sở A khai trương bộ phận một cửa", row.TextContent);
        Assert.Contains("Trang thông tin điện tử Sở A", row.TextContent);
        var review = await portalEditor.GetHtmlAsync($"/quan-tri/de-xuat/{proposal.Id}");
        Assert.Contains("Đề nghị đăng ở mục Tin sở, ngành.", review.Body!.TextContent);

        // Accepted with an edited title and summary, in a chosen category.
        await AssertDoneAsync(await portalEditor.PostFormAsync($"/quan-tri/de-xuat/{proposal.Id}?handler=Accept",
                ("Version", "0"), ("CopyTitle", "Một cửa Sở A đi vào hoạt động"), ("CopySummary", "Sapo đã biên tập."), ("CategoryId", p.PortalCategory.Id.ToString())),
            $"/quan-tri/de-xuat/{proposal.Id}?msg=nhan");
        var copy = await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AsNoTracking().Include(a => a.Category).SingleAsync(a => a.SiteId == p.Portal.Id));
        Assert.Equal(ArticleStatus.Published, copy.Status);
        Assert.Equal("Một cửa Sở A đi vào hoạt động", copy.Title);
        Assert.Equal("Sapo đã biên tập.", copy.Summary);
        Assert.Equal(p.PortalCategory.Id, copy.CategoryId);
        Assert.Equal(p.Site.Id, copy.OriginSiteId);
        Assert.Equal(p.Article.Id, copy.OriginArticleId);
        Assert.Equal("Phóng viên", copy.Author);
        var decided = Assert.Single(await ProposalsAsync(app));
        Assert.Equal(ProposalStatus.Accepted, decided.Status);
        Assert.Equal(copy.Id, decided.CopyArticleId);

        // The public page on the portal: canonical to the original, and the source line linking to it.
        var originalUrl = new Uri(app.BaseAddress, "/so-a/tin-tuc/tin-hoat-dong/" + p.Article.Slug).ToString();
        var publicPage = AdminClient.Html(await app.GetStringAsync($"/tin-tuc/{copy.Category!.Slug}/{copy.Slug}"));
        Assert.Equal("Một cửa Sở A đi vào hoạt động", publicPage.QuerySelector("h1")!.TextContent);
        Assert.Equal(originalUrl, Assert.Single(publicPage.QuerySelectorAll("link[rel=canonical]")).GetAttribute("href"));
        var source = publicPage.QuerySelector("p.source")!;
        Assert.Equal("Nguồn: Trang thông tin điện tử Sở A", Normalise(source.TextContent));
        Assert.Equal(originalUrl, source.QuerySelector("a")!.GetAttribute("href"));
        // The original itself stays canonical to itself.
        var original = AdminClient.Html(await app.GetStringAsync("/so-a/tin-tuc/tin-hoat-dong/" + p.Article.Slug));
        Assert.Equal(originalUrl, original.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        // The proposer sees the outcome; each step is in the audit trail of both sites.
        Assert.Contains("đã được nhận đăng", await proposer.GetStringAsync(ArticleAdmin(p)));
        var audit = await AuditAsync(app, "syndication.");
        Assert.Contains(audit, e => e.Action == "syndication.propose" && e.SiteId == p.Site.Id && e.UserName == "btv@so-a.gov.vn");
        Assert.Contains(audit, e => e.Action == "syndication.propose" && e.SiteId == p.Portal.Id);
        Assert.Contains(audit, e => e.Action == "syndication.accept" && e.SiteId == p.Portal.Id && e.TargetId == copy.Id.ToString() && e.UserName == "btv@tinh.gov.vn");
        Assert.Contains(audit, e => e.Action == "syndication.accept" && e.SiteId == p.Site.Id && e.TargetId == p.Article.Id.ToString());

        // Once on the portal, the article is not proposed again; the accepted proposal cannot be decided twice.
        using (var again = await proposer.PostFormAsync(ArticleAdmin(p) + "?handler=Propose"))
            await AssertBadRequestAsync(again, "Bài này đã được đăng trên");
        using (var twice = await portalEditor.PostFormFromAsync("/quan-tri/tin-bai/moi", $"/quan-tri/de-xuat/{proposal.Id}?handler=Decline", ("Version", "0"), ("Reason", "Trùng")))
            await AssertBadRequestAsync(twice, "vừa được Phạm Thị Dung xử lý");
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync(a => a.SiteId == p.Portal.Id)));
    }

    [DatabaseTheory]
    public async Task A_declined_proposal_shows_the_reason_to_the_proposer_who_may_propose_again(string provider)
    {
        await using var app = await StartAsync(provider);
        var p = await ProvinceAsync(app);
        using var proposer = await MemberAsync(app, "btv@so-a.gov.vn", "Lê Văn Cường", "so-a", SiteRole.Editor);
        using var portalEditor = await MemberAsync(app, "tbbt@tinh.gov.vn", "Phạm Thị Dung", "", SiteRole.EditorInChief);
        await AssertDoneAsync(await proposer.PostFormAsync(ArticleAdmin(p) + "?handler=Propose"), ArticleAdmin(p));
        var proposal = Assert.Single(await ProposalsAsync(app));

        // No reason, or the wrong category on acceptance: refused, nothing changes.
        using (var r = await portalEditor.PostFormAsync($"/quan-tri/de-xuat/{proposal.Id}?handler=Decline", ("Version", "0"), ("Reason", "  ")))
            await AssertBadRequestAsync(r, "Hãy ghi lý do từ chối");
        var siteCategory = await app.WithDbAsync(db => db.Categories.IgnoreQueryFilters().Where(c => c.SiteId == p.Site.Id).Select(c => c.Id).SingleAsync());
        using (var r = await portalEditor.PostFormAsync($"/quan-tri/de-xuat/{proposal.Id}?handler=Accept",
                   ("Version", "0"), ("CopyTitle", "Tiêu đề"), ("CategoryId", siteCategory.ToString())))
            await AssertBadRequestAsync(r, "Hãy chọn chuyên mục của Cổng thông tin điện tử tỉnh Đông Minh");
        using (var r = await portalEditor.PostFormAsync($"/quan-tri/de-xuat/{proposal.Id}?handler=Accept",
                   ("Version", "0"), ("CopyTitle", ""), ("CategoryId", p.PortalCategory.Id.ToString())))
            await AssertBadRequestAsync(r, "Tiêu đề không được để trống");
        Assert.Equal(ProposalStatus.Pending, Assert.Single(await ProposalsAsync(app)).Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync(a => a.SiteId == p.Portal.Id)));

        const string reason = "Nội dung đã có trên cổng ngày 20/11; đề nghị gửi bài có thông tin mới.";
        await AssertDoneAsync(await portalEditor.PostFormAsync($"/quan-tri/de-xuat/{proposal.Id}?handler=Decline", ("Version", "0"), ("Reason", reason)),
            $"/quan-tri/de-xuat/{proposal.Id}?msg=tu-choi");
        var declined = Assert.Single(await ProposalsAsync(app));
        Assert.Equal(ProposalStatus.Declined, declined.Status);
        Assert.Equal(reason, declined.DeclineReason);

        // The proposer sees the reason on their article page.
        var page = await proposer.GetHtmlAsync(ArticleAdmin(p));
        var section = page.GetElementById("h-syndication")!.ParentElement!;
        Assert.Contains("bị từ chối", section.TextContent);
        Assert.Contains(reason, section.TextContent);

        var audit = await AuditAsync(app, "syndication.decline");
        Assert.Contains(audit, e => e.SiteId == p.Portal.Id && e.Summary.Contains(reason));
        Assert.Contains(audit, e => e.SiteId == p.Site.Id && e.Summary.Contains(reason) && e.TargetId == p.Article.Id.ToString());

        // A declined article may be proposed again (a new proposal).
        await AssertDoneAsync(await proposer.PostFormAsync(ArticleAdmin(p) + "?handler=Propose", ("ProposalNote", "Đã bổ sung thông tin mới.")), ArticleAdmin(p));
        Assert.Equal([ProposalStatus.Declined, ProposalStatus.Pending], (await ProposalsAsync(app)).Select(x => x.Status));
    }

    [DatabaseTheory]
    public async Task An_article_is_proposed_once_while_pending_and_only_when_published(string provider)
    {
        await using var app = await StartAsync(provider);
        var p = await ProvinceAsync(app);
        var draft = await app.AddArticleAsync(p.Site, await app.WithDbAsync(db => db.Categories.IgnoreQueryFilters().FirstAsync(c => c.SiteId == p.Site.Id)),
            "Bản nháp", status: ArticleStatus.Draft);
        using var proposer = await MemberAsync(app, "btv@so-a.gov.vn", "Lê Văn Cường", "so-a", SiteRole.Editor);

        await AssertDoneAsync(await proposer.PostFormAsync(ArticleAdmin(p) + "?handler=Propose"), ArticleAdmin(p));
        // The form is gone while the proposal is pending, and a second post is refused in Vietnamese.
        Assert.DoesNotContain("handler=Propose", await proposer.GetStringAsync(ArticleAdmin(p)));
        using (var again = await proposer.PostFormFromAsync("/so-a/quan-tri/tin-bai/moi", ArticleAdmin(p) + "?handler=Propose"))
            await AssertBadRequestAsync(again, "Bài này đã được đề xuất và đang chờ Cổng thông tin điện tử tỉnh Đông Minh xem xét");
        using (var notPublished = await proposer.PostFormFromAsync("/so-a/quan-tri/tin-bai/moi", $"/so-a/quan-tri/tin-bai/{draft.Id}?handler=Propose"))
            await AssertBadRequestAsync(notPublished, "Chỉ đề xuất được bài đã xuất bản");
        using (var tooLong = await proposer.PostFormFromAsync("/so-a/quan-tri/tin-bai/moi", ArticleAdmin(p) + "?handler=Propose", ("ProposalNote", new string('x', 1001))))
            await AssertBadRequestAsync(tooLong, "Lời nhắn quá dài");
        Assert.Single(await ProposalsAsync(app));

        // The database refuses a second pending proposal of the same article even if the check were raced.
        // (A context of its own, so the expected failure is not logged as a server error.)
        await using (var db = app.Database.CreateDbContext())
        {
            db.SyndicationProposals.Add(new SyndicationProposal
            {
                SiteId = p.Site.Id, ArticleId = p.Article.Id, TargetSiteId = p.Portal.Id, ProposedByName = "x", ProposedAt = DateTime.UtcNow,
            });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(2, (await AuditAsync(app, "syndication.propose")).Count);
    }

    [DatabaseTheory]
    public async Task Roles_are_enforced_on_both_sites(string provider)
    {
        await using var app = await StartAsync(provider);
        var p = await ProvinceAsync(app);

        // A contributor of the component site cannot propose.
        using (var contributor = await MemberAsync(app, "ctv@so-a.gov.vn", "Cộng tác viên", "so-a", SiteRole.Contributor))
        {
            Assert.DoesNotContain("handler=Propose", await contributor.GetStringAsync(ArticleAdmin(p)));
            using var post = await contributor.PostFormFromAsync("/so-a/quan-tri/tin-bai/moi", ArticleAdmin(p) + "?handler=Propose");
            AssertForbidden(post);
        }
        Assert.Empty(await ProposalsAsync(app));

        using var proposer = await MemberAsync(app, "btv@so-a.gov.vn", "Lê Văn Cường", "so-a", SiteRole.Editor);
        await AssertDoneAsync(await proposer.PostFormAsync(ArticleAdmin(p) + "?handler=Propose"), ArticleAdmin(p));
        var proposal = Assert.Single(await ProposalsAsync(app));

        // The proposer, signed in on the portal where they have no role, and a portal contributor cannot see or decide.
        using var proposerOnPortal = new AdminClient(app);
        await proposerOnPortal.SignInFullyAsync("btv@so-a.gov.vn", Password, "");
        using var portalContributor = await MemberAsync(app, "ctv@tinh.gov.vn", "Cộng tác viên cổng", "", SiteRole.Contributor);
        foreach (var (client, formPage) in new[] { (proposerOnPortal, "/quan-tri/dang-nhap"), (portalContributor, "/quan-tri/tin-bai/moi") })
        {
            using (var listPage = await client.GetAsync("/quan-tri/de-xuat")) AssertForbidden(listPage);
            using (var reviewPage = await client.GetAsync($"/quan-tri/de-xuat/{proposal.Id}")) AssertForbidden(reviewPage);
            using (var accept = await client.PostFormFromAsync(formPage, $"/quan-tri/de-xuat/{proposal.Id}?handler=Accept",
                       ("Version", "0"), ("CopyTitle", "Chiếm quyền"), ("CategoryId", p.PortalCategory.Id.ToString())))
                AssertForbidden(accept);
            using (var decline = await client.PostFormFromAsync(formPage, $"/quan-tri/de-xuat/{proposal.Id}?handler=Decline", ("Version", "0"), ("Reason", "Không")))
                AssertForbidden(decline);
        }
        // An editor of another component site cannot reach the portal's proposal through its own site either.
        await app.AddSiteAsync("so-b", "Trang thông tin điện tử Sở B");
        using (var otherEditor = await MemberAsync(app, "btv@so-b.gov.vn", "Biên tập Sở B", "so-b", SiteRole.Editor))
        {
            using var viaOwnSite = await otherEditor.GetAsync($"/so-b/quan-tri/de-xuat/{proposal.Id}");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, viaOwnSite.StatusCode);
        }

        var after = Assert.Single(await ProposalsAsync(app));
        Assert.Equal(ProposalStatus.Pending, after.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync(a => a.SiteId == p.Portal.Id)));
        Assert.DoesNotContain(await AuditAsync(app, "syndication."), e => e.Action != "syndication.propose");
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
