using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Compliance;
using MinhBach.Features.Demo;
using MinhBach.Features.Sites;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Compliance;

/// <summary>
/// The demo province (with its documented gaps) in a running app, on a clock fixed at Wednesday 18 November 2026,
/// the demo accounts created (password <see cref="DemoAccounts.Password"/>), two-factor sign-in and jobs off.
/// </summary>
public sealed class ComplianceWorld : IAsyncDisposable
{
    /// <summary>Wednesday 18 November 2026, 10:30 in Vietnam, as in the demo's own test.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 3, 30, 0, TimeSpan.Zero);

    public const string Reviewer = "chuyenvien.so@dongminh.gov.vn";
    public const string SystemAdmin = "quantri@dongminh.gov.vn";

    private ComplianceWorld(TestApp app) => App = app;

    public TestApp App { get; }
    public ManualClock Clock { get; } = new(Now);

    public static async Task<ComplianceWorld> StartAsync(string provider)
    {
        var clock = new ManualClock(Now);
        var app = await TestApp.StartAsync(provider,
            new Dictionary<string, string?> { ["Accounts:TwoFactorRequiredFrom"] = "None", ["Scheduling:Enabled"] = "false" },
            s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await ActivatorUtilities.CreateInstance<DemoProvince>(scope.ServiceProvider).SeedAsync(new Progress<string>(), CancellationToken.None);
                await ActivatorUtilities.CreateInstance<DemoAccounts>(scope.ServiceProvider).SeedAsync(CancellationToken.None);
            }
            app.Services.GetRequiredService<SiteDirectory>().Invalidate();
            return new ComplianceWorld(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every active site evaluated against the pack, as the service computes it now.</summary>
    public async Task<Evaluation> EvaluateAsync(string pack)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ComplianceService>();
        return await service.EvaluateAllAsync(service.Pack(pack)!, CancellationToken.None);
    }

    public async Task<SiteEvaluation> EvaluateAsync(string pack, string slug) =>
        Assert.Single((await EvaluateAsync(pack)).Sites, s => s.Site == slug);

    /// <summary>A browser session signed in with a demo account.</summary>
    public async Task<AdminSession> SignInAsync(string email)
    {
        var session = new AdminSession(App);
        using var response = await session.PostFormAsync("/quan-tri/dang-nhap", ("UserName", email), ("Password", DemoAccounts.Password));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"sign-in of {email}: {(int)response.StatusCode}");
        session.SignedIn();
        return session;
    }

    public async Task<AngleSharp.Dom.IDocument> SignInAndGetAsync(string email, string path) =>
        await (await SignInAsync(email)).GetHtmlAsync(path);

    public Task<T> DbAsync<T>(Func<MinhBach.Data.AppDb, Task<T>> work) => App.WithDbAsync(work);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
