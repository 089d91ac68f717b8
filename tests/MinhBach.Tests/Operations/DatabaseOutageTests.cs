using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;
using Npgsql;

namespace MinhBach.Tests.Operations;

/// <summary>The database stops answering while the app runs, then comes back.</summary>
public sealed class DatabaseOutageTests
{
    [PostgresFact]
    public async Task While_the_database_is_away_pages_say_so_in_Vietnamese_and_the_app_recovers_by_itself()
    {
        await using var app = await TestApp.StartAsync(Databases.Postgres);
        var rich = await RichSite.CreateAsync(app);
        app.Services.GetRequiredService<SiteDirectory>().Invalidate();
        var article = "/tin-tuc/" + rich.Categories[0].Slug;
        await app.GetStringAsync(article);
        app.ExpectServerErrors();

        // The database refuses every connection and drops the open ones, as during a restart or a failover.
        await AdminAsync($"ALTER DATABASE \"{app.Database.PostgresName}\" ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{app.Database.PostgresName}'");
        try
        {
            var down = await Eventually.WaitAsync(async () =>
            {
                using var r = await app.GetAsync(article + "?lan=" + Guid.NewGuid().ToString("N"));
                return (r.StatusCode, Body: await r.Content.ReadAsStringAsync());
            }, r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "a 503 while the database is away");
            Assert.Contains("Cơ sở dữ liệu đang tạm ngừng", down.Body);
            Assert.Contains("chưa được lưu", down.Body);
            Assert.DoesNotContain("Exception", down.Body);
            Assert.DoesNotContain("   at ", down.Body);
            using var ready = await app.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{app.Database.PostgresName}\" ALLOW_CONNECTIONS true");
        }

        // No restart, no command: the next requests are served again.
        await Eventually.WaitAsync(async () => (await app.GetAsync(article)).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the page to be served again");
        await Eventually.WaitAsync(async () => (await app.GetAsync("/readyz")).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the node to be ready again");
    }

    private static async Task AdminAsync(string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = "postgres", Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
