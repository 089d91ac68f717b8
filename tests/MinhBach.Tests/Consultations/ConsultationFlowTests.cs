using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MinhBach.Features.Audit;
using MinhBach.Features.Consultations;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Documents;
using MinhBach.Tests.Infrastructure;
using static MinhBach.Tests.Consultations.ConsultWorld;

namespace MinhBach.Tests.Consultations;

/// <summary>A consultation end to end on both databases: created by the portal's editor (articles previewed first),
/// commented on two articles and on the whole draft, moderated, answered after closing, and its synthesis table
/// published as a DOCX that the Open XML SDK reads back and LibreOffice converts to PDF.</summary>
public sealed class ConsultationFlowTests
{
    [DatabaseTheory]
    public async Task Create_comment_on_two_articles_moderate_answer_and_publish_the_synthesis_that_LibreOffice_opens(string provider)
    {
        await using var w = await StartAsync(provider);
        using var editor = await w.SignInAsync(PortalEditor);

        // The editor sees the articles the text splits into before saving; nothing is saved by the preview.
        var form = await editor.GetHtmlAsync(ConsultationUrls.AdminNew);
        Assert.NotNull(form.QuerySelector("textarea[name=DraftText]"));
        using (var preview = await editor.PostFormAsync(ConsultationUrls.AdminNew + "?handler=Preview", ConsultationFields()))
        {
            var html = AdminClient.Html(await preview.Content.ReadAsStringAsync());
            Assert.True(preview.StatusCode == HttpStatusCode.OK, html.Body!.TextContent);
            Assert.Equal("Các điều nhận ra trong toàn văn (4 điều)", html.QuerySelector("#h-xem-truoc")!.TextContent.Trim());
            var outline = html.QuerySelectorAll(".draft-outline li").Select(li => li.TextContent.Trim()).ToList();
            Assert.Contains(outline, l => l.Contains("Điều 3. Thời hạn xử lý") && l.Contains("2 khoản, 2 điểm"));
        }
        // The text can come from the draft's DOCX instead (the documents' extractor reads it).
        var docx = new Multipart();
        docx.Field("FormTitle", "");
        docx.Field("DraftText", "");
        docx.File("DraftFile", "du-thao.docx", TestDocx.Decision(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using (var fromFile = await editor.PostMultipartAsync(ConsultationUrls.AdminNew + "?handler=Preview", docx))
        {
            var html = AdminClient.Html(await fromFile.Content.ReadAsStringAsync());
            Assert.True(fromFile.StatusCode == HttpStatusCode.OK, html.Body!.TextContent);
            Assert.Contains("Điều 1.", html.QuerySelector("textarea[name=DraftText]")!.TextContent);
            Assert.Equal(3, html.QuerySelectorAll(".draft-outline li").Length);
        }
        Assert.Empty(await w.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Consultations))));

        var c = await w.CreateAsync(editor);
        Assert.Equal(4, c.ArticleCount);
        Assert.Equal(Opens, c.OpensOn);
        Assert.Equal(Closes, c.ClosesOn);

        // Public list and page: open, 20 days left, the text split with an anchor per article, clause and point.
        var list = await w.App.GetStringAsync(ConsultationUrls.List);
        var listHtml = AdminClient.Html(list);
        Assert.Contains(Title, listHtml.QuerySelector("#h-dang")!.ParentElement!.TextContent);
        Assert.Contains("còn 20 ngày", list);
        var page = AdminClient.Html(await w.App.GetStringAsync(ConsultationUrls.Detail(c.Slug)));
        Assert.Equal(Title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["dieu-1", "dieu-2", "dieu-3", "dieu-4"], page.QuerySelectorAll("section.draft-article").Select(s => s.Id));
        Assert.Contains("05 ngày làm việc", page.QuerySelector("#dieu-3-khoan-1-diem-a")!.TextContent);
        Assert.Contains("Văn phòng Ủy ban nhân dân tỉnh Đông Minh", page.QuerySelector("#h-don-vi")!.ParentElement!.TextContent);
        Assert.Contains("kstt@dongminh.gov.vn", page.QuerySelector("#h-don-vi")!.ParentElement!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='{ConsultationUrls.Comment(c.Slug)}?dieu=3']"));
        Assert.Contains("Lấy ý kiến", (await w.App.GetStringAsync("/")));
        Assert.Contains("/lay-y-kien/" + c.Slug, await w.App.GetStringAsync("/sitemap.xml"));

        // Three citizens comment: on clause 1 of Điều 3, on Điều 2 for an organisation, and script on the whole draft.
        using var citizen = w.Citizen();
        var commentForm = AdminClient.Html(await citizen.GetStringAsync(ConsultationUrls.Comment(c.Slug) + "?dieu=3.1"));
        Assert.Equal("3.1", commentForm.QuerySelector("select[name=Target] option[selected]")!.GetAttribute("value"));
        var first = CommentFields();
        var (a1, h1) = await CommentAsync(citizen, "", c.Slug, first);
        Assert.True(a1.StatusCode == HttpStatusCode.OK, h1);
        Assert.Contains("Đã gửi góp ý", h1);
        Assert.Contains("Điều 3, khoản 1", h1);
        // A double click: the same form again makes no second comment.
        var (a2, h2) = await CommentAsync(citizen, "", c.Slug, first);
        Assert.Equal(HttpStatusCode.OK, a2.StatusCode);
        Assert.Contains("Đã gửi góp ý", h2);
        var (b, hb) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields(("Target", "2"), ("AuthorName", "Trần Thị Luật"),
            ("Organisation", "Hội Luật gia tỉnh Đông Minh"), ("Email", ""), ("Phone", "0912 000 111"),
            ("Body", "Đề nghị bổ sung đối tượng áp dụng là các đơn vị sự nghiệp công lập.")));
        Assert.True(b.StatusCode == HttpStatusCode.OK, hb);
        var (x, hx) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields(("Target", ""), ("AuthorName", "Kẻ phá"), ("Email", "spam@example.vn"),
            ("Body", "<script>alert(1)</script> Quảng cáo")));
        Assert.True(x.StatusCode == HttpStatusCode.OK, hx);
        var comments = await w.CommentsAsync();
        Assert.Equal(3, comments.Count);
        Assert.All(comments, k => Assert.Equal(CommentStatus.Pending, k.Status));
        var (onClause, onArticle, spam) = (comments[0], comments[1], comments[2]);
        Assert.Equal((3, 1), (onClause.ArticleNumber, onClause.ClauseNumber));
        Assert.Equal((2, (int?)null), (onArticle.ArticleNumber, onArticle.ClauseNumber));
        Assert.Null(spam.ArticleNumber);

        // Nothing shows before moderation.
        var before = await w.App.GetStringAsync(ConsultationUrls.Detail(c.Slug));
        Assert.DoesNotContain("rút thời hạn", before);
        Assert.DoesNotContain("Hội Luật gia", before);

        // The receipt reaches the commenter; the editors get a notice that names nobody.
        await w.SendMailAsync();
        var receipt = Assert.Single(w.Smtp.To("nguoigopy@example.vn"));
        Assert.Contains("Đã nhận góp ý", receipt.Subject);
        Assert.Contains("Điều 3, khoản 1", receipt.TextBody);
        Assert.Contains("/lay-y-kien/" + c.Slug, receipt.TextBody);
        Assert.Equal(3, w.Smtp.To(PortalEditor).Count);
        Assert.Equal(3, w.Smtp.To(PortalChief).Count);
        Assert.All(w.Smtp.To(PortalEditor), m => Assert.DoesNotContain("Nguyễn Văn Góp", m.TextBody));
        Assert.Contains($"/quan-tri/lay-y-kien/{c.Id}", w.Smtp.To(PortalEditor)[0].TextBody);

        // The editor approves two and rejects the script; a contributor cannot moderate.
        var admin = await editor.GetHtmlAsync(ConsultationUrls.AdminDetail(c.Id));
        Assert.Contains("nguoigopy@example.vn", admin.Body!.TextContent);
        Assert.Equal(3, admin.QuerySelectorAll("article.comment-admin").Length);
        using (var contributor = await w.SignInAsync(PortalContributor))
        using (var r = await ActAsync(contributor, "", c.Id, "Approve", C(spam.Id), V(spam.Version)))
            r.AssertRefused("a contributor approving");
        foreach (var (comment, handler) in new[] { (onClause, "Approve"), (onArticle, "Approve"), (spam, "Reject") })
            using (var r = await ActAsync(editor, "", c.Id, handler, C(comment.Id), V(comment.Version)))
                Assert.True(r.StatusCode == HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());

        page = AdminClient.Html(await w.App.GetStringAsync(ConsultationUrls.Detail(c.Slug)));
        Assert.Contains("rút thời hạn", page.QuerySelector("#dieu-3 .comment-list")!.TextContent);
        Assert.Contains("Hội Luật gia tỉnh Đông Minh (Trần Thị Luật)", page.QuerySelector("#dieu-2 .comment-list")!.TextContent);
        Assert.Null(page.QuerySelector("#dieu-1 .comment-list"));
        Assert.DoesNotContain("Quảng cáo", page.Body!.TextContent);
        Assert.DoesNotContain("nguoigopy@example.vn", page.Body.TextContent);
        Assert.DoesNotContain("0912 000 111", page.Body.TextContent);

        // Answers wait for the closing date, as does publication.
        comments = await w.CommentsAsync();
        (onClause, onArticle) = (comments[0], comments[1]);
        using (var early = await ActAsync(editor, "", c.Id, "Resolve", C(onClause.Id), V(onClause.Version), ("Resolution", "tiep-thu")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("Chỉ tiếp thu, giải trình sau khi hết thời gian lấy ý kiến", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));
        }

        // 1 December in Viet Nam: closed. A late comment is refused and writes nothing.
        w.Clock.SetVietnam(new DateOnly(2026, 12, 1), 8);
        // The session of 10 November has long expired: the editor signs in again.
        using var closer = await w.SignInAsync(PortalEditor);
        var (late, lateHtml) = await CommentAsync(w.Citizen(), "", c.Slug, CommentFields());
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("Đã hết thời gian lấy ý kiến dự thảo này (đến hết ngày 30/11/2026)", lateHtml);
        Assert.Equal(3, (await w.CommentsAsync()).Count);

        c = await w.ConsultationAsync(c.Slug);
        using (var blocked = await ActAsync(closer, "", c.Id, "Publish", V(c.Version)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
            Assert.Contains("Còn 2 góp ý đã duyệt chưa có ý kiến tiếp thu, giải trình.", WebUtility.HtmlDecode(await blocked.Content.ReadAsStringAsync()));
        }
        const string partly = "Tiếp thu một phần: giữ 05 ngày làm việc, bổ sung việc xác nhận đã nhận phản ánh trong 01 ngày làm việc.";
        const string explained = "Đơn vị sự nghiệp công lập thuộc các sở đã là đối tượng qua khoản 1.";
        using (var r = await ActAsync(closer, "", c.Id, "Resolve", C(onClause.Id), V(onClause.Version), ("Resolution", "tiep-thu-mot-phan"), ("Answer", "")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("Ý kiến tiếp thu, giải trình không được để trống.", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        }
        foreach (var (comment, resolution, answer) in new[] { (onClause, "tiep-thu-mot-phan", partly), (onArticle, "giai-trinh", explained) })
            using (var r = await ActAsync(closer, "", c.Id, "Resolve", C(comment.Id), V(comment.Version), ("Resolution", resolution), ("Answer", answer)))
                Assert.True(r.StatusCode == HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        using (var published = await ActAsync(closer, "", c.Id, "Publish", V(c.Version)))
            Assert.True(published.StatusCode == HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());

        // The public page links the table and shows each answer under its comment.
        page = AdminClient.Html(await w.App.GetStringAsync(ConsultationUrls.Detail(c.Slug)));
        Assert.NotNull(page.QuerySelector($"a[href='{ConsultationUrls.Synthesis(c.Slug)}']"));
        Assert.Contains(partly, page.QuerySelector("#dieu-3 .comment-answer")!.TextContent);
        Assert.Contains("Giải trình", page.QuerySelector("#dieu-2 .comment-answer")!.TextContent);
        Assert.Contains("đã công bố bảng tổng hợp", await w.App.GetStringAsync(ConsultationUrls.List));

        using var download = await w.App.GetAsync(ConsultationUrls.Synthesis(c.Slug));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SynthesisDocument.ContentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("bang-tong-hop-y-kien-quy-che-phan-anh-kien-nghi.docx", download.Content.Headers.ContentDisposition?.ToString());
        var bytes = await download.Content.ReadAsByteArrayAsync();

        // Read back with the Open XML SDK: the header block, the font, the table and its rows in article order.
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var body = doc.MainDocumentPart!.Document.Body!;
            var header = body.Elements<Table>().First();
            Assert.Contains("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH ĐÔNG MINH", header.InnerText);
            Assert.Contains(SynthesisDocument.Motto1, header.InnerText);
            Assert.Contains(SynthesisDocument.Motto2, header.InnerText);
            var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(SynthesisDocument.Heading, paragraphs);
            Assert.Contains("Đông Minh, ngày 01 tháng 12 năm 2026", paragraphs);
            Assert.Contains(paragraphs, p => p.Contains("từ ngày 02/11/2026 đến ngày 30/11/2026"));
            Assert.Contains("Tổng số ý kiến góp ý: 2, trong đó tiếp thu: 0; tiếp thu một phần: 1; giải trình: 1.", paragraphs);
            var fonts = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().First();
            Assert.Equal("Times New Roman", fonts.Ascii?.Value);
            Assert.Equal("Times New Roman", fonts.HighAnsi?.Value);
            Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape, body.Descendants<PageSize>().Single().Orient!.Value);
            var rows = body.Elements<Table>().Last().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(cell => cell.InnerText).ToList()).ToList();
            Assert.Equal(SynthesisDocument.Columns, rows[0]);
            Assert.Equal(3, rows.Count);
            Assert.Equal(["1", "Điều 2", "Hội Luật gia tỉnh Đông Minh (Trần Thị Luật)", "Đề nghị bổ sung đối tượng áp dụng là các đơn vị sự nghiệp công lập.", "Giải trình: " + explained], rows[1]);
            Assert.Equal(["2", "Điều 3, khoản 1", "Nguyễn Văn Góp", CommentFields()["Body"], "Tiếp thu một phần: " + partly], rows[2]);
            Assert.DoesNotContain("Quảng cáo", body.InnerText);
            Assert.DoesNotContain("nguoigopy@example.vn", body.InnerText);
        }

        // LibreOffice opens it and converts it to PDF, whose text is the table's.
        var pdf = await LibreOffice.ToPdfAsync(bytes, "bang-tong-hop.docx");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        // Cells wrap and columns sit side by side in the PDF's text: compare words, not lines.
        var text = string.Join(' ', new DocumentTextExtractor().Extract(pdf, "bang-tong-hop.pdf").Text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(SynthesisDocument.Heading, text);
        Assert.Contains(SynthesisDocument.Motto1, text);
        Assert.Contains("Hội Luật gia", text);
        Assert.Contains("Nguyễn Văn Góp", text);
        Assert.Contains("Tiếp thu một phần", text);

        // Each staff step and each comment audited, without the commenters' names; the chain is intact.
        var audit = await w.AuditAsync("consultation.");
        Assert.Equal(["consultation.create", "consultation.comment", "consultation.comment", "consultation.comment", "consultation.approve", "consultation.approve",
            "consultation.reject", "consultation.resolve", "consultation.resolve", "consultation.synthesis.publish"], audit.Select(a => a.Action));
        Assert.All(audit.Where(a => a.Action == "consultation.comment"), a => Assert.Equal("người góp ý", a.UserName));
        Assert.DoesNotContain(audit, a => a.Summary.Contains("Nguyễn Văn Góp") || a.Summary.Contains("nguoigopy@"));
        Assert.Null((await w.DbAsync(db => AuditTrail.VerifyAsync(db))).BrokenAt);

        // Once published, the moderation is closed.
        comments = await w.CommentsAsync();
        using (var r = await ActAsync(closer, "", c.Id, "Reject", C(comments[0].Id), V(comments[0].Version)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("đã được công bố", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        }
    }
}
