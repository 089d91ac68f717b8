using System.Net;
using MinhBach.Features.Consultations;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Consultations.ConsultWorld;

namespace MinhBach.Tests.Consultations;

/// <summary>The server keeps the window, refuses what does not fit with a Vietnamese sentence and writes nothing, shows
/// only approved comments, and keeps each site's consultations to its own staff.</summary>
public sealed class ConsultationInputTests
{
    [DatabaseTheory]
    public async Task Comments_are_taken_from_midnight_of_the_first_day_to_midnight_after_the_last_in_Viet_Nam_time(string provider)
    {
        await using var w = await StartAsync(provider, today: new DateOnly(2026, 10, 20));
        using var editor = await w.SignInAsync(PortalEditor);
        var c = await w.CreateAsync(editor);

        // Before opening: listed as upcoming, no form, a post refused.
        Assert.Contains("bắt đầu nhận góp ý sau 13 ngày", await w.App.GetStringAsync(ConsultationUrls.List));
        var early = AdminClient.Html(await w.App.GetStringAsync(ConsultationUrls.Comment(c.Slug)));
        Assert.Null(early.QuerySelector("form textarea[name=Body]"));
        Assert.Contains("chưa đến thời gian lấy ý kiến", early.QuerySelector("#loi")!.TextContent);
        w.Clock.SetVietnam(new DateOnly(2026, 11, 1), 23);
        w.Clock.Advance(TimeSpan.FromMinutes(59));
        var (before, beforeHtml) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields());
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("Dự thảo này chưa đến thời gian lấy ý kiến: góp ý được nhận từ ngày 02/11/2026 đến hết ngày 30/11/2026.", beforeHtml);

        // 00:00 on 2 November in Viet Nam (17:00 UTC the day before) is open.
        w.Clock.Advance(TimeSpan.FromMinutes(1));
        var (opening, openingHtml) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields());
        Assert.True(opening.StatusCode == HttpStatusCode.OK, openingHtml);
        // 23:59 on the last day still counts.
        w.Clock.SetVietnam(Closes, 23);
        w.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Contains("hôm nay là ngày cuối nhận góp ý", await w.App.GetStringAsync(ConsultationUrls.Detail(c.Slug)));
        var (last, lastHtml) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields());
        Assert.True(last.StatusCode == HttpStatusCode.OK, lastHtml);
        // A minute later it is closed, whatever the browser's form says.
        w.Clock.Advance(TimeSpan.FromMinutes(1));
        var (after, afterHtml) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields());
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        Assert.Contains("Đã hết thời gian lấy ý kiến dự thảo này (đến hết ngày 30/11/2026). Góp ý của bạn không được gửi.", afterHtml);
        Assert.Equal(2, (await w.CommentsAsync()).Count);
        Assert.Contains("Đã kết thúc lấy ý kiến", await w.App.GetStringAsync(ConsultationUrls.List));
    }

    [DatabaseTheory]
    public async Task Unknown_drafts_and_articles_forged_forms_and_bad_fields_get_a_Vietnamese_sentence_and_write_nothing(string provider)
    {
        await using var w = await StartAsync(provider);
        using var editor = await w.SignInAsync(PortalEditor);
        var c = await w.CreateAsync(editor);
        var hidden = await w.CreateAsync(editor, ("Slug", "du-thao-chua-cong-bo"), ("IsPublic", "false"));
        using var citizen = w.Citizen();

        var cases = new (string Why, string Slug, Dictionary<string, string> Fields, HttpStatusCode Status, string Message)[]
        {
            ("unknown draft", "khong-co-du-thao-nay", CommentFields(), HttpStatusCode.NotFound, "Không tìm thấy dự thảo này trên trang"),
            ("draft not shown yet", hidden.Slug, CommentFields(), HttpStatusCode.NotFound, "Không tìm thấy dự thảo này trên trang"),
            ("unknown article", c.Slug, CommentFields(("Target", "9")), HttpStatusCode.BadRequest, "Dự thảo không có Điều 9; hãy chọn điều được góp ý trong danh sách."),
            ("unknown clause", c.Slug, CommentFields(("Target", "3.5")), HttpStatusCode.BadRequest, "Điều 3 không có khoản 5; hãy chọn khoản trong danh sách."),
            ("forged target", c.Slug, CommentFields(("Target", "<script>")), HttpStatusCode.BadRequest, "Hãy chọn điều được góp ý trong danh sách"),
            ("no consent", c.Slug, CommentFields(("Consent", "false")), HttpStatusCode.BadRequest, "Hãy đánh dấu ô đồng ý với thông báo xử lý dữ liệu cá nhân"),
            ("no contact", c.Slug, CommentFields(("Email", ""), ("Phone", "")), HttpStatusCode.BadRequest, "Hãy ghi thư điện tử hoặc số điện thoại"),
            ("bad e-mail", c.Slug, CommentFields(("Email", "khong-phai-thu")), HttpStatusCode.BadRequest, "Thư điện tử \"khong-phai-thu\" không hợp lệ"),
            ("empty comment", c.Slug, CommentFields(("Body", "   ")), HttpStatusCode.BadRequest, "Nội dung góp ý không được để trống."),
            ("too long", c.Slug, CommentFields(("Body", new string('a', ConsultationService.BodyMax + 1))), HttpStatusCode.BadRequest, "Nội dung góp ý dài quá 5.000 ký tự"),
            ("forged key", c.Slug, CommentFields(("SubmissionKey", "../../etc")), HttpStatusCode.BadRequest, "Biểu mẫu không hợp lệ"),
            ("honeypot", c.Slug, CommentFields(("Website", "http://spam.example")), HttpStatusCode.BadRequest, "Không gửi được góp ý."),
        };
        foreach (var (why, slug, fields, status, message) in cases)
        {
            var (response, html) = await CommentAsync(citizen, "", slug, fields);
            Assert.True(response.StatusCode == status, $"{why}: {(int)response.StatusCode}");
            Assert.True(html.Contains(message), $"{why}: the page does not say \"{message}\"");
            Assert.DoesNotContain("Mã lỗi", html);
        }
        // A form without its anti-forgery token (forged on another site, or replayed without the cookie) is shown again with what was typed.
        var (forged, forgedHtml) = await CommentAsync(citizen, "", c.Slug, CommentFields(("Body", "Góp ý giả mạo")), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains(CommentPageModel.Forged, forgedHtml);
        Assert.Contains("Góp ý giả mạo", forgedHtml);
        // An unknown article in the address only leaves the choice on the whole draft.
        var page = AdminClient.Html(await citizen.GetStringAsync(ConsultationUrls.Comment(c.Slug) + "?dieu=99"));
        Assert.Null(page.QuerySelector("select[name=Target] option[selected]"));
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync(ConsultationUrls.Detail("khong-co-du-thao-nay"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync(ConsultationUrls.Detail(hidden.Slug))).StatusCode);
        // The number works as a short address and leads to the slug.
        using (var byId = await w.App.GetAsync(ConsultationUrls.Detail(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, byId.StatusCode);
            Assert.Equal(ConsultationUrls.Detail(c.Slug), byId.Headers.Location!.OriginalString);
        }

        Assert.Empty(await w.CommentsAsync());
        Assert.Empty(await w.OutboxAsync());
        Assert.Empty(await w.AuditAsync("consultation.comment"));
    }

    [DatabaseTheory]
    public async Task Another_sites_editor_gets_404_or_403_contributors_only_read_and_an_article_with_comments_stays_in_the_text(string provider)
    {
        await using var w = await StartAsync(provider);
        using var editor = await w.SignInAsync(PortalEditor);
        var c = await w.CreateAsync(editor);
        var (posted, html) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields());
        Assert.True(posted.StatusCode == HttpStatusCode.OK, html);
        var comment = Assert.Single(await w.CommentsAsync());

        // The editor of so-b: on their own site the portal's ids are not found; on the portal, refused.
        using var other = await w.SignInAsync(OtherEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/so-b" + ConsultationUrls.AdminDetail(c.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/so-b" + ConsultationUrls.AdminEdit(c.Id))).StatusCode);
        Assert.DoesNotContain(Title, await (await other.GetAsync("/so-b" + ConsultationUrls.Admin)).Content.ReadAsStringAsync());
        using (var r = await ActAsync(other, "/so-b", c.Id, "Approve", C(comment.Id), V(comment.Version)))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await other.PostFormAsync("/so-b" + ConsultationUrls.AdminEdit(c.Id), ConsultationFields(("FormTitle", "Chiếm quyền"))))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        (await other.GetAsync(ConsultationUrls.AdminDetail(c.Id))).AssertRefused("another site's editor opening the portal's consultation");
        using (var r = await ActAsync(other, "", c.Id, "Approve", C(comment.Id), V(comment.Version)))
            r.AssertRefused("another site's editor approving on the portal");
        // Nor does the public page of so-b show it.
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-b" + ConsultationUrls.Detail(c.Slug))).StatusCode);
        Assert.DoesNotContain(Title, await w.App.GetStringAsync("/so-b" + ConsultationUrls.List));

        // A contributor of the portal reads, without forms, and cannot post.
        using var contributor = await w.SignInAsync(PortalContributor);
        var view = await contributor.GetHtmlAsync(ConsultationUrls.AdminDetail(c.Id));
        Assert.Empty(view.QuerySelectorAll("form[action*='handler=Approve'], form[action*='handler=Upload']"));
        using (var r = await contributor.PostFormAsync(ConsultationUrls.AdminEdit(c.Id), ConsultationFields(("FormTitle", "Sửa trái phép"), ("Version", c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            r.AssertRefused("a contributor saving the consultation");
        using (var r = await contributor.PostFormAsync(ConsultationUrls.AdminNew, ConsultationFields(("Slug", "du-thao-khac"))))
            r.AssertRefused("a contributor creating a consultation");

        Assert.Equal(CommentStatus.Pending, Assert.Single(await w.CommentsAsync()).Status);
        Assert.Equal(Title, (await w.ConsultationAsync(c.Slug)).Title);
        Assert.Equal(1, await w.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Consultations))));

        // The editor's text may change, but not so as to lose the clause a comment is about.
        var withoutArticle3 = DraftText.Replace("Điều 3. Thời hạn xử lý", "Điều 5. Thời hạn xử lý");
        using (var r = await editor.PostFormAsync(ConsultationUrls.AdminEdit(c.Id), ConsultationFields(("DraftText", withoutArticle3), ("Version", c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("Điều 3, khoản 1 đã có góp ý; toàn văn mới phải giữ Điều 3, khoản 1", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        }
        using (var r = await editor.PostFormAsync(ConsultationUrls.AdminEdit(c.Id), ConsultationFields(("DraftText", DraftText.Replace("Nơi nhận:", "Điều 3. Lặp lại\nNơi nhận:")), ("Version", c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("Điều 3 xuất hiện hai lần", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        }
        using (var r = await editor.PostFormAsync(ConsultationUrls.AdminEdit(c.Id), ConsultationFields(("ClosesOn", "2026-10-01"), ("Version", c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("Ngày kết thúc lấy ý kiến phải từ ngày bắt đầu trở đi.", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        }
        Assert.Equal(DraftText.Trim(), (await w.ConsultationAsync(c.Slug)).DraftText);
        Assert.Equal(["consultation.create"], (await w.AuditAsync("consultation.")).Where(a => a.Action != "consultation.comment").Select(a => a.Action));

        // Markup in a comment is shown as text once approved, never run.
        var (scripted, scriptedHtml) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields(("Target", "1"), ("Body", "<script>alert(1)</script><b>đậm</b>")));
        Assert.True(scripted.StatusCode == HttpStatusCode.OK, scriptedHtml);
        var markup = (await w.CommentsAsync()).Last();
        using (var r = await ActAsync(editor, "", c.Id, "Approve", C(markup.Id), V(markup.Version)))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var raw = await w.App.GetStringAsync(ConsultationUrls.Detail(c.Slug));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;", raw);
        Assert.DoesNotContain("<script>alert(1)", raw);
        Assert.DoesNotContain("<b>đậm</b>", raw);
    }
}
