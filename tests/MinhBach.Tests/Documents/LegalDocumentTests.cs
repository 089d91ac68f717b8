using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Documents;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Public;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Documents;

/// <summary>
/// Documents as records: a file uploaded proposes the metadata, the editor confirms, the file is stored with its text
/// searchable; a file without readable text is stored and the editor told why; the status follows the dates and the
/// relations of other documents, on its own on the day it changes; pages that link an expired document say so.
/// </summary>
public sealed class LegalDocumentTests
{
    private const string New = "/so-a/quan-tri/van-ban/moi";

    [DatabaseTheory]
    public async Task A_file_proposes_the_metadata_and_saving_attaches_it_with_its_text_searchable(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        var proposed = await ProposeAsync(s, TestDocx.Decision(), "quyet dinh 123.docx");
        var form = AdminSession.FormValues(proposed);
        Assert.Equal("123/QĐ-UBND", Value(form, "Form.Number"));
        Assert.Equal("2025-03-15", Value(form, "Form.IssuedOn"));
        Assert.Equal(SampleDecision.Summary, Value(form, "Form.Title"));
        Assert.Equal(SampleDecision.Signer, Value(form, "Form.Signer"));
        Assert.Contains("thay-the", form.Where(f => f.Name.EndsWith(".Relation", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Equal("1234/QĐ-UBND", Value(form, "Form.Links[0].Number"));
        // Each proposed value says so, how sure it is and where it was read; nothing is saved yet.
        Assert.Contains(proposed.QuerySelectorAll(".proposal"), p => p.TextContent.Contains("Đề xuất") && p.TextContent.Contains("123/QĐ-UBND"));
        Assert.Contains("văn bản chưa được lưu", proposed.QuerySelector(".notice")!.TextContent);
        Assert.Equal(0, await w.DbAsync(db => db.Documents.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(1, await w.DbAsync(db => db.DocumentFiles.IgnoreQueryFilters().CountAsync(f => f.DocumentId == null)));

        // The editor confirms (choosing a field) and saves the form as it came back.
        using (var r = await s.PostFormAsync(New, [.. form.Where(f => f.Name != "Form.Field"), ("Form.Field", "Khoa học, công nghệ")]))
            await r.AssertSavedAsync("/so-a/quan-tri/van-ban?msg=them");
        var d = await w.DbAsync(db => db.Documents.IgnoreQueryFilters().Include(x => x.Files).Include(x => x.Links).SingleAsync());
        Assert.Equal(("123-qd-ubnd", "quyet-dinh", "Khoa học, công nghệ"), (d.Slug, d.TypeCode, d.Field));
        var file = Assert.Single(d.Files);
        Assert.Equal((DocumentFileFormat.Docx, "quyet dinh 123.docx", null), (file.Format, file.OriginalName, file.Problem));
        Assert.Contains("Danh mục 12 thủ tục hành chính", d.AttachmentText);
        Assert.Equal(("1234/QĐ-UBND", DocumentRelation.Replaces, (int?)null), (d.Links[0].TargetNumber, d.Links[0].Relation, d.Links[0].TargetId));
        await w.AssertAuditedAsync("document.create", d.Id, Who.EditorA, "123/QĐ-UBND", "quyet dinh 123.docx");

        // Text that is only in the file is found, without diacritics; the page offers the file under its own name.
        var found = await w.PublicAsync("/so-a/tim-kiem?q=chiu+trach+nhiem+thi+hanh");
        Assert.Contains(found.QuerySelectorAll("ol.search-hits a"), a => a.GetAttribute("href") == "/so-a/van-ban/123-qd-ubnd");
        var page = await w.PublicAsync("/so-a/van-ban/123-qd-ubnd");
        var link = page.QuerySelectorAll(".file-list a").Single(a => a.TextContent == "quyet dinh 123.docx");
        using (var download = await w.App.GetAsync(link.GetAttribute("href")!))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(TestDocx.Decision().Length, (await download.Content.ReadAsByteArrayAsync()).Length);
        }
        Assert.Equal("Thay thế 1234/QĐ-UBND", string.Join(' ', page.QuerySelector(".related-documents li")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));

        // Taking the file off the document removes it from the document, the store and search.
        var editor = AdminSession.FormValues(await s.GetHtmlAsync($"/so-a/quan-tri/van-ban/{d.Id}"));
        using (var r = await s.PostFormAsync($"/so-a/quan-tri/van-ban/{d.Id}", editor.Where(f => f.Name != "Form.FileIds")))
            await r.AssertSavedAsync("/so-a/quan-tri/van-ban?msg=luu");
        Assert.Equal(0, await w.DbAsync(db => db.DocumentFiles.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync(link.GetAttribute("href")!)).StatusCode);
        Assert.Empty((await w.PublicAsync("/so-a/tim-kiem?q=chiu+trach+nhiem+thi+hanh")).QuerySelectorAll("ol.search-hits a"));
    }

    [DatabaseTheory]
    public async Task A_file_without_readable_text_is_stored_and_the_editor_is_told_why(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        var proposed = await ProposeAsync(s, TestPdf.Encrypted(), "bao-mat.pdf");
        Assert.Contains("mật khẩu", proposed.QuerySelector(".notice")!.TextContent);
        var form = AdminSession.FormValues(proposed);
        using (var r = await s.PostFormAsync(New, [.. form.Where(f => !f.Name.StartsWith("Form.Number") && !f.Name.StartsWith("Form.TypeCode") && !f.Name.StartsWith("Form.Title") && !f.Name.StartsWith("Form.IssuedOn")),
                   ("Form.Number", "07/KH-SKHCN"), ("Form.TypeCode", "ke-hoach"), ("Form.Title", "Kế hoạch chuyển đổi số năm 2026"), ("Form.IssuedOn", "2026-01-12")]))
            await r.AssertSavedAsync("/so-a/quan-tri/van-ban?msg=them");
        var d = await w.DbAsync(db => db.Documents.IgnoreQueryFilters().Include(x => x.Files).SingleAsync());
        var file = Assert.Single(d.Files);
        Assert.Contains("mật khẩu", file.Problem);
        Assert.Equal("", d.AttachmentText);
        var editor = await s.GetHtmlAsync($"/so-a/quan-tri/van-ban/{d.Id}");
        Assert.Contains("Không trích xuất được nội dung", editor.QuerySelector(".file-problem")!.TextContent);
        using var download = await w.App.GetAsync($"/so-a/van-ban/{d.Slug}/tep/{file.Id}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        // A PDF opens in the browser, but nothing in it may run.
        Assert.Equal("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
    }

    [DatabaseTheory]
    public async Task A_file_that_is_not_a_document_is_refused_and_nothing_is_kept(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var root = Path.Combine(w.App.Database.Settings["MinhBach:DataDirectory"]!, "files");

        foreach (var (bytes, name) in new[] { (TestImages.Png(), "quyet-dinh.pdf"), ("%PDX-1.4 not a pdf"u8.ToArray(), "x.pdf"), ([], "rong.docx") })
        {
            using var r = await s.PostMultipartAsync(New + "?handler=Propose", new Multipart().Field("Form.Number", "").File("Upload", name, bytes));
            var errors = await r.AssertErrorsAsync();
            Assert.Contains(errors, e => e.StartsWith($"Tệp \"{name}\"", StringComparison.Ordinal));
        }
        Assert.Equal(0, await w.DbAsync(db => db.DocumentFiles.IgnoreQueryFilters().CountAsync()));
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any());

        // A file id of another site, or one that does not exist, cannot be attached by editing the form.
        var other = await w.DbAsync(async db =>
        {
            var f = new DocumentFile { SiteId = w.SoB.Id, Path = $"{w.SoB.Id}/2026/01/{Guid.NewGuid():N}.pdf", OriginalName = "b.pdf", Format = DocumentFileFormat.Pdf, UploadedAt = DateTime.UtcNow };
            db.Add(f);
            await db.SaveChangesAsync();
            return f.Id;
        });
        var errors2 = await EditorsWorld.RefusedAsync(s, New, ("Form.Number", "1/QĐ"), ("Form.TypeCode", "quyet-dinh"), ("Form.Title", "Quyết định"),
            ("Form.IssuingBody", "Sở A"), ("Form.IssuedOn", "2026-01-02"), ("Form.FileIds", other.ToString()));
        Assert.Contains(errors2, e => e.StartsWith("Một tệp đính kèm trong biểu mẫu không còn", StringComparison.Ordinal));
        Assert.Equal(0, await w.DbAsync(db => db.Documents.IgnoreQueryFilters().CountAsync()));
    }

    [DatabaseTheory]
    public async Task The_status_follows_the_dates_and_the_documents_that_replace_amend_or_repeal_it(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var today = VnTime.Today(TimeProvider.System);

        await SaveAsync(s, "12/2020/QĐ-UBND", today.AddYears(-5), title: "Quy chế quản lý cổng thông tin điện tử");
        await SaveAsync(s, "30/2021/QĐ-UBND", today.AddYears(-4), title: "Quy định về văn thư");
        // Replaces the first from a date ten days ahead; amends the second from the same date.
        await SaveAsync(s, "05/2026/QĐ-UBND", today.AddDays(-2), effective: today.AddDays(10),
            links: [("thay-the", "12/2020/QD-UBND"), ("sua-doi", "30/2021/QĐ-UBND"), ("bai-bo", "99/2019/QĐ-UBND")]);
        var status = await StatusesAsync(w);
        Assert.Equal(DocumentStatus.NotYetInForce, status["05/2026/QĐ-UBND"].Status);
        Assert.Equal((DocumentStatus.InForce, today.AddDays(10)), status["12/2020/QĐ-UBND"]);
        Assert.Equal((DocumentStatus.InForce, today.AddDays(10)), status["30/2021/QĐ-UBND"]);

        // A document added after the relation that names it is linked then.
        await SaveAsync(s, "99/2019/QĐ-UBND", today.AddYears(-6), title: "Quyết định cũ");
        Assert.Equal((DocumentStatus.InForce, today.AddDays(10)), (await StatusesAsync(w))["99/2019/QĐ-UBND"]);

        // Nothing is edited: the hourly job on the day the replacement takes effect moves all four.
        using (var scope = w.App.Services.CreateScope())
            Assert.Equal(4, await scope.ServiceProvider.GetRequiredService<DocumentStatusRefresh>().RunDueAsync(today.AddDays(10), CancellationToken.None));
        status = await StatusesAsync(w);
        Assert.Equal(DocumentStatus.InForce, status["05/2026/QĐ-UBND"].Status);
        Assert.Equal((DocumentStatus.Expired, (DateOnly?)null), status["12/2020/QĐ-UBND"]);
        Assert.Equal((DocumentStatus.PartlyExpired, (DateOnly?)null), status["30/2021/QĐ-UBND"]);
        Assert.Equal(DocumentStatus.Expired, status["99/2019/QĐ-UBND"].Status);
        var audited = await w.AuditAsync("document.status");
        Assert.Contains(audited, e => e.Summary.Contains("12/2020/QĐ-UBND") && e.Summary.Contains("\"Còn hiệu lực\" sang \"Hết hiệu lực toàn bộ\"") && e.UserName == "hệ thống");

        var page = await w.PublicAsync("/so-a/van-ban/12-2020-qd-ubnd");
        Assert.Equal("Hết hiệu lực toàn bộ", page.QuerySelector(".doc-status-line strong")!.TextContent);
        var replacedBy = page.QuerySelector(".related-documents li")!;
        Assert.StartsWith("Bị thay thế bởi", replacedBy.TextContent.Trim());
        Assert.Equal("/so-a/van-ban/05-2026-qd-ubnd", replacedBy.QuerySelector("a")!.GetAttribute("href"));

        // An expiry date of its own: expired from that day.
        await SaveAsync(s, "14/KH-UBND", today.AddDays(-30), title: "Kế hoạch năm", expires: today.AddDays(3));
        using (var scope = w.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DocumentStatusRefresh>().RunDueAsync(today.AddDays(3), CancellationToken.None);
        Assert.Equal(DocumentStatus.Expired, (await StatusesAsync(w))["14/KH-UBND"].Status);

        // An article that links the documents, in the forms editors paste, marks those no longer wholly in force.
        var cat = await w.App.AddCategoryAsync(w.SoA, "tin-chung", "Tin chung");
        var article = await w.App.AddArticleAsync(w.SoA, cat, "Thông báo về quy chế", slug: "thong-bao-quy-che");
        await w.DbAsync(async db =>
        {
            var a = await db.Articles.IgnoreQueryFilters().SingleAsync(x => x.Id == article.Id);
            a.Body = "<p>Xem <a href=\"/so-a/van-ban/12-2020-qd-ubnd\">Quyết định 12/2020</a>, <a href=\"/so-a/van-ban/30-2021-qd-ubnd?xem=1#dieu-2\">Quyết định 30/2021</a> "
                + "và <a href=\"/so-a/van-ban/05-2026-qd-ubnd\">Quyết định 05/2026</a>.</p>";
            return await db.SaveChangesAsync();
        });
        var shown = await w.PublicAsync("/so-a/tin-tuc/tin-chung/thong-bao-quy-che");
        var marks = shown.QuerySelectorAll(".content .doc-status").Select(m => m.TextContent.Trim()).ToList();
        Assert.Equal(["(hết hiệu lực toàn bộ)", "(hết hiệu lực một phần)"], marks);
    }

    [Fact]
    public void The_status_is_computed_from_dates_and_effects()
    {
        var today = new DateOnly(2026, 7, 1);
        DocumentStatuses.Effect E(DocumentRelation r, string from, bool partial = false) => new(r, partial, DateOnly.Parse(from));
        Assert.Equal((DocumentStatus.NotYetInForce, (DateOnly?)new DateOnly(2026, 8, 1)), DocumentStatuses.Compute(new DateOnly(2026, 8, 1), null, [], today));
        Assert.Equal((DocumentStatus.InForce, (DateOnly?)null), DocumentStatuses.Compute(new DateOnly(2026, 7, 1), null, [], today));
        Assert.Equal((DocumentStatus.Expired, (DateOnly?)null), DocumentStatuses.Compute(new DateOnly(2020, 1, 1), new DateOnly(2026, 7, 1), [], today));
        Assert.Equal((DocumentStatus.InForce, (DateOnly?)new DateOnly(2026, 7, 2)), DocumentStatuses.Compute(new DateOnly(2020, 1, 1), new DateOnly(2026, 7, 2), [], today));
        Assert.Equal((DocumentStatus.Expired, (DateOnly?)null), DocumentStatuses.Compute(new DateOnly(2020, 1, 1), null, [E(DocumentRelation.Repeals, "2026-06-30")], today));
        Assert.Equal((DocumentStatus.PartlyExpired, (DateOnly?)null), DocumentStatuses.Compute(new DateOnly(2020, 1, 1), null, [E(DocumentRelation.Repeals, "2026-06-30", partial: true)], today));
        Assert.Equal((DocumentStatus.PartlyExpired, (DateOnly?)new DateOnly(2027, 1, 1)),
            DocumentStatuses.Compute(new DateOnly(2020, 1, 1), null, [E(DocumentRelation.Amends, "2026-01-01"), E(DocumentRelation.Replaces, "2027-01-01")], today));
        Assert.Equal((DocumentStatus.InForce, (DateOnly?)null), DocumentStatuses.Compute(new DateOnly(2020, 1, 1), null, [E(DocumentRelation.Guides, "2026-01-01")], today));
        Assert.Equal("422022ndcp", DocumentStatuses.NumberKey("42/2022/NĐ-CP"));
        Assert.Equal("422022ndcp", DocumentStatuses.NumberKey("42 / 2022 / ND-CP"));
    }

    private static async Task<AngleSharp.Dom.IDocument> ProposeAsync(AdminSession s, byte[] file, string name)
    {
        using var r = await s.PostMultipartAsync(New + "?handler=Propose",
            new Multipart().Field("Form.IssuingBody", "Sở Khoa học và Công nghệ").File("Upload", name, file));
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"Propose answered {(int)r.StatusCode}: {string.Join(" | ", Responses.Errors(html))}");
        Assert.Empty(Responses.Errors(html));
        return AdminSession.Html(html);
    }

    private static string Value(List<(string Name, string Value)> form, string name) => form.Single(f => f.Name == name).Value;

    private static async Task SaveAsync(AdminSession s, string number, DateOnly issued, DateOnly? effective = null, DateOnly? expires = null,
        string title = "Quyết định ban hành quy chế", (string Relation, string Number)[]? links = null)
    {
        var fields = new List<(string, string)>
        {
            ("Form.Number", number), ("Form.TypeCode", number.Contains("KH") ? "ke-hoach" : "quyet-dinh"), ("Form.Title", title),
            ("Form.IssuingBody", "UBND tỉnh Đông Minh"), ("Form.IssuedOn", issued.ToString("yyyy-MM-dd")),
        };
        if (effective is DateOnly e) fields.Add(("Form.EffectiveOn", e.ToString("yyyy-MM-dd")));
        if (expires is DateOnly x) fields.Add(("Form.ExpiresOn", x.ToString("yyyy-MM-dd")));
        for (var i = 0; i < (links ?? []).Length; i++)
        {
            fields.Add(($"Form.Links[{i}].Relation", links![i].Relation));
            fields.Add(($"Form.Links[{i}].Number", links[i].Number));
        }
        using var r = await s.PostFormAsync(New, fields);
        await r.AssertSavedAsync("/so-a/quan-tri/van-ban?msg=them");
    }

    private static Task<Dictionary<string, (DocumentStatus Status, DateOnly? DueOn)>> StatusesAsync(EditorsWorld w) =>
        w.DbAsync(db => db.Documents.IgnoreQueryFilters().ToDictionaryAsync(d => d.Number, d => (d.Status, d.StatusDueOn)));
}
