using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Audit;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor;
using MinhBach.Features.Registry;
using MinhBach.Features.ReviewReport;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Monitor;

/// <summary>The registry as the monitor's list of sites, and the monitor's results feeding the registry, the province
/// view and the review report.</summary>
public sealed class MonitorRegistryTests(MonitorWorld world) : IClassFixture<MonitorWorld>
{
    /// <summary>The scheduled pass's network settings for the fixtures, and nothing in Monitor:Sites.</summary>
    private Dictionary<string, string?> Settings()
    {
        var settings = world.ScheduledPassSettings();
        settings["Monitor:Province"] = FixtureServer.Province;
        return settings;
    }

    private static async Task<RegistryEntry> RegisterAsync(TestApp app, string name, string kind, string domain)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryService>();
        return await registry.SaveAsync(null, null, new RegistryChange { UnitName = name, UnitKindCode = kind, Domains = [domain], SiteTypeCode = "agency" },
            AuditActor.System);
    }

    [DatabaseTheory]
    public async Task The_scheduled_pass_audits_every_site_of_the_registry_without_configuration(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Settings());
        await RegisterAsync(app, "Sở Khoa học và Công nghệ", "department", "sokhcn.dongminh.gov.vn");
        await RegisterAsync(app, "UBND xã Phú Lộc", "commune", "xaphuloc.dongminh.gov.vn");

        var outcomes = await app.Services.GetRequiredService<MonitorService>().RunScheduledAsync(deep: false, CancellationToken.None);

        Assert.Equal(["sokhcn.dongminh.gov.vn", "xaphuloc.dongminh.gov.vn"], outcomes.Select(o => o.Audit.Host).Order());
        Assert.All(outcomes, o => Assert.True(o.Audit.Reachable, o.Audit.Find("TEC-18")?.Evidence));
        using var scope = app.Services.CreateScope();
        var results = scope.ServiceProvider.GetRequiredService<IMonitorResults>();
        var department = await results.LatestAsync("sokhcn.dongminh.gov.vn", default);
        Assert.NotNull(department);
        Assert.Equal("department", department.KindCode);
        // The unit's name from the registry, and the province for the domain rule.
        Assert.Equal("Sở Khoa học và Công nghệ", department.Read()!.Name);
        Assert.Equal(CheckStatus.Pass, department.Read()!.Check("TEC-01")!.Status);
    }

    [DatabaseTheory]
    public async Task The_latest_audit_scores_external_sites_and_fills_the_outside_measurements_of_hosted_ones(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Settings());
        // A hosted commune site whose address the monitor reaches, and an external department site.
        await app.CreatePortalAsync();
        await app.AddSiteAsync("xa-phu-loc", "UBND xã Phú Lộc", "commune", "xaphuloc.dongminh.gov.vn");
        var department = await RegisterAsync(app, "Sở Khoa học và Công nghệ", "department", "sokhcn.dongminh.gov.vn");
        await app.CreateUserAsync("chuyenvien@stttt.dongminh.gov.vn", Password, provinceReviewer: true);
        using var reviewer = new AdminClient(app);
        await reviewer.SignInFullyAsync("chuyenvien@stttt.dongminh.gov.vn", Password);

        // Before any audit: the external site is not evaluated, the hosted site's IPv6 is not known.
        var before = await reviewer.GetStringAsync("/quan-tri/danh-gia");
        Assert.Contains("Chưa đánh giá (ngoài hệ thống, chưa có kết quả giám sát): Sở Khoa học và Công nghệ.", Text(before));
        Assert.Equal(CheckStatus.Unknown, (await HostedAsync(app)).Check("TEC-02")!.Status);

        var outcomes = await app.Services.GetRequiredService<MonitorService>().RunScheduledAsync(deep: false, CancellationToken.None);
        var audited = outcomes.Single(o => o.Audit.Host == "sokhcn.dongminh.gov.vn");
        // The registry's IPv6 and EMC columns of the external site follow what was measured, audited.
        var entry = await app.WithDbAsync(db => db.RegistryEntries.SingleAsync(e => e.Id == department.Id));
        Assert.Equal((true, true), (entry.Ipv6, entry.Emc));
        var recorded = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "registry.monitor"));
        Assert.Contains("Sở Khoa học và Công nghệ: IPv6 Chưa rõ → Có, kết nối EMC Chưa rõ → Có.", recorded.Summary);
        // Registered after the pass: not audited yet.
        await RegisterAsync(app, "Sở Nội vụ", "department", "sonoivu.dongminh.gov.vn");

        // The hosted site: IPv6 and HTTPS now come from the audit of its address, dated.
        var hosted = await HostedAsync(app);
        var ipv6 = hosted.Check("TEC-02")!;
        Assert.Equal(CheckStatus.Fail, ipv6.Status); // its IPv6 address answers another page: met in part, not met
        Assert.StartsWith("Kết quả giám sát ngày ", ipv6.Evidence);
        Assert.Contains("(xaphuloc.dongminh.gov.vn): đạt một phần.", ipv6.Evidence);
        Assert.NotEqual(CheckStatus.Unknown, hosted.Check("TEC-03")!.Status);

        // The province view ranks the external site by its audit, with the run's date, and still lists the one not audited.
        var view = Text(await reviewer.GetStringAsync("/quan-tri/danh-gia"));
        var score = audited.Evaluation.Score.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains("Sở Khoa học và Công nghệNgoài hệ thống (https://sokhcn.dongminh.gov.vn), kết quả giám sát ngày ", view);
        Assert.Contains("Chưa đánh giá (ngoài hệ thống, chưa có kết quả giám sát): Sở Nội vụ.", view);
        Assert.Contains(score, view);
        // With the homepage's time to first byte of the run, for the external site and the hosted one the monitor measured.
        Assert.Contains($"{audited.Evaluation.Speed!.TtfbMs} ms", view);
        Assert.Equal(outcomes.Single(o => o.Audit.Host == "xaphuloc.dongminh.gov.vn").Evaluation.Speed, hosted.Speed);

        // The review report: the external unit scored with the rule results of its audit, the source dated.
        var data = await ReportAsync(app);
        var unit = data.Units.Single(u => u.Row.Entry.Id == department.Id);
        Assert.Equal(audited.Evaluation.Score, unit.Score);
        Assert.Equal(EvaluationSources.Crawl, unit.Evaluation!.Source);
        Assert.Equal(audited.Evaluation.Check("TEC-03")!.Status, unit.Evaluation.Check("TEC-03")!.Status);
        Assert.StartsWith("Kết quả giám sát ngày ", unit.SourceText);
        Assert.DoesNotContain("kết quả cũ", unit.SourceText);
        Assert.Equal(["Sở Nội vụ"], data.NotEvaluated.Select(u => u.Name));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (docx, xlsx) = scope.ServiceProvider.GetRequiredService<ReviewReportService>().Write(data);
            var (body, _, doc) = Registry.ReviewReportTests.Read(docx);
            using (doc)
                Assert.Contains(body, p => p.StartsWith("Trang không đặt trên hệ thống của tỉnh được đánh giá theo kết quả giám sát từ bên ngoài (", StringComparison.Ordinal)
                    && p.Contains("Sở Khoa học và Công nghệ (giám sát ngày ", StringComparison.Ordinal));
            var sheet = MinhBach.Features.Exports.SpreadsheetReader.Read(xlsx, $"{unit.Number:00} Sở Khoa học và Công nghệ", 200, out var problem);
            Assert.True(sheet is not null, problem);
            Assert.Equal($"{unit.Number:00} Sở Khoa học và Công nghệ", sheet.SheetName);
            Assert.Contains(sheet.Rows, r => r[0] == "TEC-03" && r[3] == StatusNames.Vietnamese(audited.Evaluation.Check("TEC-03")!.Status));
        }

        // A month later, without a new audit, the results are still shown, marked stale.
        await app.WithDbAsync(async db =>
        {
            foreach (var run in db.MonitorRuns) run.FinishedAt = run.FinishedAt.AddDays(-30);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("(kết quả cũ, quá 8 ngày)", (await ReportAsync(app)).Units.Single(u => u.Row.Entry.Id == department.Id).SourceText);
        Assert.Contains("(kết quả cũ, quá 8 ngày)", Text(await reviewer.GetStringAsync("/quan-tri/danh-gia")));
        Assert.Contains("(kết quả cũ, quá 8 ngày)", (await HostedAsync(app)).Check("TEC-02")!.Evidence);
    }

    private const string Password = "Mật-khẩu-kiểm-thử-2026";

    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(AdminClient.Html(html).Body!.TextContent, @"\s+", " ");

    private static async Task<SiteEvaluation> HostedAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var compliance = scope.ServiceProvider.GetRequiredService<ComplianceService>();
        var site = (await compliance.ActiveSitesAsync(default)).Single(s => s.Slug == "xa-phu-loc");
        return await compliance.EvaluateAsync(compliance.Pack("D224-2026")!, site, default);
    }

    private static async Task<ReviewReportData> ReportAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewReportService>().BuildAsync("D224-2026", ReportScope.Registry, null, default);
    }
}
