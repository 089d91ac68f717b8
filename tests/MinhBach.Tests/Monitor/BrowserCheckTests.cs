using MinhBach.Features.Compliance;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Monitor;

/// <summary>The deep pass's checks in Chromium on the fixture sites: the EMC badge drawn by the EMC loader, axe on the
/// homepage and two inner pages, the homepage at 360 px; and, without Chromium, "could not check" rather than a pass.</summary>
public sealed class BrowserCheckTests(MonitorWorld world) : IClassFixture<MonitorWorld>
{
    [BrowserFact]
    public async Task The_deep_pass_looks_at_the_badge_the_layout_and_accessibility_in_Chromium()
    {
        var options = MonitorWorld.Options(o => o.ChromiumPath = Browsers.ChromiumPath!);
        // A department site with the EMC loader, a viewport and lang: the loader draws the badge.
        var modern = await world.AuditAsync("https://sokhcn.dongminh.gov.vn/", deep: true, options: options);
        var emc = modern.Find("TEC-05")!;
        Assert.Equal(CheckStatus.Pass, emc.Status);
        Assert.Contains("Trong Chromium, biểu tượng EMC hiện trên trang chủ", emc.Evidence);
        var mobile = modern.Find("TEC-13")!;
        Assert.Contains("Trong Chromium ở khổ 360 px", mobile.Evidence);
        var axe = modern.Find("TEC-14")!;
        Assert.Contains("axe (WCAG 2.1 A, AA)", axe.Evidence);
        Assert.Contains(" trên 3 trang", axe.Evidence);

        // The old table-layout site: no EMC, a page wider than a phone, and axe finds serious problems.
        var old = await world.AuditAsync("http://sonongnghiep.dongminh.gov.vn/", deep: true, options: options);
        Assert.Equal(CheckStatus.Fail, old.Find("TEC-05")!.Status);
        Assert.Contains("không thấy biểu tượng EMC", old.Find("TEC-05")!.Evidence);
        Assert.Equal(CheckStatus.Fail, old.Find("TEC-13")!.Status);
        Assert.Contains("phải cuộn ngang", old.Find("TEC-13")!.Evidence);
        Assert.Equal(CheckStatus.Fail, old.Find("TEC-14")!.Status);
        Assert.Contains("nghiêm trọng", old.Find("TEC-14")!.Evidence);
    }

    [Fact]
    public async Task Without_Chromium_the_browser_checks_say_they_could_not_check_and_pass_nothing()
    {
        var options = MonitorWorld.Options(o => o.ChromiumPath = "/khong-co/chromium");
        var modern = await world.AuditAsync("https://sokhcn.dongminh.gov.vn/", deep: true, options: options);
        foreach (var id in new[] { "TEC-05", "TEC-13", "TEC-14" })
        {
            var f = modern.Find(id)!;
            Assert.Equal(CheckStatus.Unknown, f.Status);
            Assert.Contains("Chưa kiểm tra được trong trình duyệt: không có Chromium tại /khong-co/chromium", f.Evidence);
        }
        // What the page itself shows to be missing stays a failure.
        var old = await world.AuditAsync("http://sonongnghiep.dongminh.gov.vn/", deep: true, options: options);
        Assert.Equal(CheckStatus.Fail, old.Find("TEC-13")!.Status);
        Assert.Contains("Chưa kiểm tra được trong trình duyệt", old.Find("TEC-13")!.Evidence);
    }
}
