using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Audit;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Audit;

/// <summary>
/// The server and operator commands write to the same trail from different processes (on SQLite, the same
/// file): appends that meet are serialised by the database, so none fails and the chain stays whole.
/// </summary>
public sealed class CrossProcessAuditTests
{
    [DatabaseTheory]
    public async Task Commands_in_other_processes_and_the_server_append_at_the_same_time_and_the_chain_holds(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync("Cổng thông tin điện tử tỉnh Đông Minh");

        // Two operators each create three accounts with the published command while the server writes 30 entries.
        var commands = Enumerable.Range(1, 2).Select(p => Task.Run(async () =>
        {
            for (var i = 1; i <= 3; i++)
                await RunCommandAsync(app.Database, "user", "add", "--email", $"nguoi{p}{i}@dongminh.gov.vn", "--name", $"Người dùng {p}.{i}");
        })).ToList();
        var server = Task.Run(async () =>
        {
            for (var i = 1; i <= 30; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveAsync(scope.ServiceProvider.GetRequiredService<AppDb>(),
                    new AuditActor(null, "bientap@dongminh.gov.vn", "127.0.0.1"), new AuditRecord("article.publish", $"Xuất bản tin số {i}"));
            }
        });
        await Task.WhenAll([.. commands, server]);

        var (users, created, published) = await app.WithDbAsync(async db => (
            await db.Users.CountAsync(),
            await db.AuditEntries.CountAsync(e => e.Action == "user.create"),
            await db.AuditEntries.CountAsync(e => e.Action == "article.publish")));
        Assert.Equal((6, 6, 30), (users, created, published));
        var result = await app.WithDbAsync(db => AuditTrail.VerifyAsync(db));
        Assert.Null(result.BrokenAt);
        Assert.Equal(36, result.Checked);
    }

    /// <summary>Runs the app's own executable (as `./minhbach VERB` does) against the test's database.</summary>
    private static async Task RunCommandAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "minhbach"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in args.Concat(database.CommandLineArgs)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', args)} → exit {process.ExitCode}\n{await output}\n{await errors}");
    }
}
