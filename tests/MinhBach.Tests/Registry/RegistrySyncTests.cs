using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Registry;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Registry;

/// <summary>Hosted sites are in the registry by themselves, and stay as their settings say.</summary>
public sealed class RegistrySyncTests
{
    private static Task<List<RegistryEntry>> EntriesAsync(TestApp app) =>
        app.WithDbAsync(db => db.RegistryEntries.AsNoTracking().Include(e => e.Domains).OrderBy(e => e.Id).ToListAsync());

    [DatabaseTheory]
    public async Task A_hosted_site_appears_and_follows_its_domain_kind_EMC_and_licence_line(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var portal = await app.CreatePortalAsync(host: "dongminh.gov.vn");
        await app.AddSiteAsync("so-tp", "Trang thông tin điện tử Sở Tư pháp", host: "sotp.dongminh.gov.vn");

        var entries = await EntriesAsync(app);
        Assert.Equal(2, entries.Count);
        var portalEntry = Assert.Single(entries, e => e.SiteId == portal.Id);
        Assert.Equal(SiteTypes.Portal, portalEntry.SiteTypeCode);
        Assert.Equal(["dongminh.gov.vn"], portalEntry.Domains.Select(d => d.Domain));
        var dept = Assert.Single(entries, e => e.SiteId != portal.Id);
        Assert.Equal(("department", SiteTypes.Agency, false), (dept.UnitKindCode, dept.SiteTypeCode, dept.Emc));

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SiteRegistry>().UpdateAsync("so-tp", new SiteSettings
            {
                AgencyName = "Sở Tư pháp tỉnh Đông Minh",
                EmcEnabled = true,
                EmcSiteId = "5123",
                IsAggregatedSite = true,
                LicenceLine = "Giấy phép số 12/GP-STTTT ngày 05/3/2024 do Sở Thông tin và Truyền thông tỉnh Đông Minh cấp",
            });

        dept = Assert.Single(await EntriesAsync(app), e => e.Id == dept.Id);
        Assert.Equal("Sở Tư pháp tỉnh Đông Minh", dept.UnitName);
        Assert.Equal((true, "5123", SiteTypes.Aggregated), (dept.Emc, dept.EmcSiteId, dept.SiteTypeCode));
        Assert.Equal(("12/GP-STTTT", new DateOnly(2024, 3, 5), "Sở Thông tin và Truyền thông tỉnh Đông Minh"), (dept.LicenceNumber, dept.LicenceIssuedOn, dept.LicenceIssuer));
    }

    [DatabaseTheory]
    public async Task An_external_unit_that_moves_onto_the_platform_keeps_its_entry(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RegistryService>().SaveAsync(null, null, new RegistryChange
            {
                UnitName = "Sở Y tế", UnitKindCode = "department", Domains = ["https://SYT.DongMinh.gov.vn/"], SiteTypeCode = SiteTypes.Aggregated,
                Ipv6 = false, LicenceNumber = "7/GP-STTTT", LicenceExpiresOn = new DateOnly(2027, 1, 1), Notes = "Trang cũ",
            }, TestApp.TestActor);

        var site = await app.AddSiteAsync("so-yt", "Trang thông tin điện tử Sở Y tế", host: "syt.dongminh.gov.vn");

        var external = Assert.Single(await EntriesAsync(app), e => e.UnitName != "Cổng thông tin điện tử tỉnh Đông Minh");
        Assert.Equal(site.Id, external.SiteId);
        Assert.Equal(["syt.dongminh.gov.vn"], external.Domains.Select(d => d.Domain));
        // What the Department recorded stays.
        Assert.Equal((false, "7/GP-STTTT", new DateOnly(2027, 1, 1), "Trang cũ"), (external.Ipv6, external.LicenceNumber, external.LicenceExpiresOn, external.Notes));
    }

    [Theory]
    [InlineData("https://SoTP.DongMinh.gov.vn/gioi-thieu?x=1", "sotp.dongminh.gov.vn")]
    [InlineData("sotp.dongminh.gov.vn.", "sotp.dongminh.gov.vn")]
    [InlineData("http://sotp.dongminh.gov.vn:8080", "sotp.dongminh.gov.vn")]
    [InlineData("sởtưpháp.vn", "xn--stphp-0qa06lv43k.vn")]
    public void Domains_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, DomainNames.Normalise(input, out var why));
        Assert.Null(why);
    }

    [Theory]
    [InlineData("05/03/2024", 2024, 3, 5)]
    [InlineData("5/3/2024", 2024, 3, 5)]
    [InlineData("2024-03-05", 2024, 3, 5)]
    [InlineData("45356", 2024, 3, 5)]
    public void Dates_are_read_as_people_and_Excel_write_them(string text, int y, int m, int d)
    {
        Assert.True(RegistryCells.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }
}
