using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Documents;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Documents;

/// <summary>/van-ban on a site and across the province: every filter, the sorts, paging in the address, and the same
/// search as RSS and JSON.</summary>
public sealed class DocumentFinderTests
{
    [DatabaseTheory]
    public async Task The_finder_filters_sorts_and_spans_the_province_and_answers_as_RSS_and_JSON(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        await w.DbAsync(async db =>
        {
            Document D(int site, string number, string type, string title, string issuer, string? field, string issued, string? expires = null) => new()
            {
                SiteId = site, Slug = DocumentStatuses.NumberKey(number), Number = number, TypeCode = type, Title = title, IssuingBody = issuer, Field = field,
                IssuedOn = DateOnly.Parse(issued), ExpiresOn = expires is null ? null : DateOnly.Parse(expires), CreatedAt = DateTime.UtcNow,
            };
            db.AddRange(
                D(w.SoA.Id, "01/2024/QĐ-UBND", "quyet-dinh-qppl", "Quy định quản lý hoạt động khoa học và công nghệ", "UBND tỉnh Đông Minh", "Khoa học, công nghệ", "2024-02-01", expires: "2025-01-01"),
                D(w.SoA.Id, "15/KH-SKHCN", "ke-hoach", "Kế hoạch chuyển đổi số năm 2025", "Sở Khoa học và Công nghệ", "Chuyển đổi số", "2025-03-10"),
                D(w.SoA.Id, "220/SKHCN-VP", "cong-van", "Về việc đôn đốc báo cáo thống kê", "Sở Khoa học và Công nghệ", null, "2025-11-20"),
                D(w.SoB.Id, "08/QĐ-STP", "quyet-dinh", "Về thủ tục hành chính lĩnh vực hộ tịch", "Sở Tư pháp", "Hộ tịch", "2025-06-05"));
            return await db.SaveChangesAsync();
        });
        static List<string> Numbers(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("main tbody th a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(["220/SKHCN-VP", "15/KH-SKHCN", "01/2024/QĐ-UBND"], Numbers(await w.PublicAsync("/so-a/van-ban")));
        Assert.Equal(["01/2024/QĐ-UBND", "15/KH-SKHCN", "220/SKHCN-VP"], Numbers(await w.PublicAsync("/so-a/van-ban?sap-xep=cu-nhat")));
        Assert.Equal(["220/SKHCN-VP", "15/KH-SKHCN"], Numbers(await w.PublicAsync("/so-a/van-ban?co-quan=" + Uri.EscapeDataString("Sở Khoa học và Công nghệ"))));
        Assert.Equal(["15/KH-SKHCN"], Numbers(await w.PublicAsync("/so-a/van-ban?linh-vuc=" + Uri.EscapeDataString("Chuyển đổi số"))));
        Assert.Equal(["01/2024/QĐ-UBND"], Numbers(await w.PublicAsync("/so-a/van-ban?hieu-luc=het-hieu-luc")));
        Assert.Equal(["220/SKHCN-VP", "15/KH-SKHCN"], Numbers(await w.PublicAsync("/so-a/van-ban?hieu-luc=con-hieu-luc&nam=2025")));
        // Words without diacritics, numbers however typed; the most relevant first.
        Assert.Equal(["15/KH-SKHCN"], Numbers(await w.PublicAsync("/so-a/van-ban?q=chuyen+doi+so")));
        Assert.Equal(["01/2024/QĐ-UBND"], Numbers(await w.PublicAsync("/so-a/van-ban?q=01%2F2024%2FQD-UBND")));
        // The issuer choices list this site's issuers; across the province, everyone's, and each hit links to its own site.
        var siteIssuers = (await w.PublicAsync("/so-a/van-ban")).QuerySelectorAll("select[name=co-quan] option").Select(o => o.TextContent).ToList();
        Assert.DoesNotContain("Sở Tư pháp", siteIssuers);
        var province = await w.PublicAsync("/so-a/van-ban?pham-vi=tinh&q=thu+tuc+ho+tich");
        Assert.Equal("/so-b/van-ban/08qdstp", province.QuerySelector("main tbody th a")!.GetAttribute("href"));
        Assert.Contains("Sở Tư pháp", province.QuerySelectorAll("select[name=co-quan] option").Select(o => o.TextContent));
        Assert.Equal("Hết hiệu lực toàn bộ", (await w.PublicAsync("/so-a/van-ban?hieu-luc=het-hieu-luc")).QuerySelector("main tbody .doc-status")!.TextContent);

        // RSS: newest first, with the filters of the finder.
        var rss = XDocument.Parse(await w.App.GetStringAsync("/so-a/van-ban/rss.xml?loai=ke-hoach"));
        Assert.Equal(["Kế hoạch số 15/KH-SKHCN: Kế hoạch chuyển đổi số năm 2025"], rss.Descendants("item").Select(i => (string)i.Element("title")!));
        Assert.EndsWith("/so-a/van-ban/15khskhcn", (string)rss.Descendants("item").Single().Element("link")!);
        var all = XDocument.Parse(await w.App.GetStringAsync("/so-a/van-ban/rss.xml?pham-vi=tinh"));
        Assert.Equal(4, all.Descendants("item").Count());

        // JSON: the same filters, paging, and each document's fields.
        using var json = JsonDocument.Parse(await w.App.GetStringAsync("/so-a/api/van-ban?nam=2025&so-ban-ghi=1&trang=2"));
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("15/KH-SKHCN", "ke-hoach", "con-hieu-luc", "2025-03-10"),
            (item.GetProperty("number").GetString(), item.GetProperty("type").GetString(), item.GetProperty("status").GetString(), item.GetProperty("issuedOn").GetString()));
        using var detail = JsonDocument.Parse(await w.App.GetStringAsync("/so-a/api/van-ban/012024qdubnd"));
        Assert.Equal("het-hieu-luc", detail.RootElement.GetProperty("status").GetString());
        Assert.Equal("2025-01-01", detail.RootElement.GetProperty("expiresOn").GetString());

        // Bad filters: a Vietnamese message, never a server error.
        using (var bad = await w.App.GetAsync("/so-a/api/van-ban?hieu-luc=tot"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("Tình trạng hiệu lực", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await w.App.GetAsync("/so-a/api/van-ban?so-ban-ghi=1000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.App.GetAsync("/so-a/van-ban/rss.xml?nam=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.GetAsync("/so-a/api/van-ban/khong-co")).StatusCode);
    }
}
