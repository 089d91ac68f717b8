using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Monitor;

/// <summary>The scheduled pass (what the nightly and weekly Quartz jobs run) over the sites listed in Monitor:Sites,
/// with the network settings in configuration: each site's run is stored and readable through IMonitorResults.</summary>
public sealed class ScheduledPassTests(MonitorWorld world) : IClassFixture<MonitorWorld>
{
    [DatabaseTheory]
    public async Task A_scheduled_pass_audits_the_listed_sites_and_keeps_their_runs(string provider)
    {
        var settings = world.ScheduledPassSettings();
        settings["Monitor:Sites:0:Url"] = "https://dongminh.gov.vn/";
        settings["Monitor:Sites:0:Kind"] = "provincial-portal";
        settings["Monitor:Sites:0:Province"] = FixtureServer.Province;
        settings["Monitor:Sites:1:Url"] = "https://xaphuloc.dongminh.gov.vn/";
        settings["Monitor:Sites:1:Kind"] = "commune";
        await using var app = await TestApp.StartAsync(provider, settings);
        var outcomes = await app.Services.GetRequiredService<MonitorService>().RunScheduledAsync(deep: false, CancellationToken.None);
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Audit.Reachable, o.Audit.Find("TEC-18")?.Evidence));

        using var scope = app.Services.CreateScope();
        var results = scope.ServiceProvider.GetRequiredService<IMonitorResults>();
        var portal = await results.LatestAsync("dongminh.gov.vn", default);
        Assert.NotNull(portal);
        Assert.Equal("D224-2026", portal.PackId);
        var commune = (await results.HistoryAsync("xaphuloc.dongminh.gov.vn", 10, default)).Single();
        Assert.Equal(CheckStatus.Partial, commune.Read()!.Check("TEC-02")!.Status); // IPv6 answers another page
    }
}
