using System.Text.Json;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Compliance;

/// <summary>`./minhbach compliance`: the evaluation as JSON (issue 6, item 6) or a Vietnamese table; bad arguments refused.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ComplianceCommandTests
{
    /// <summary>The portal and two departments: so-a with news, contacts and an EMC tag, so-b empty.</summary>
    private static async Task<TestDatabase> ProvinceAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await database.MigrateAsync();
            await using var db = database.CreateDbContext();
            var portal = new Site { Slug = "", Name = "Cổng thông tin điện tử tỉnh Đông Minh", KindCode = "provincial-portal", CreatedAt = DateTime.UtcNow, Hosts = [new SiteHost { Host = "dongminh.gov.vn" }] };
            db.Sites.Add(portal);
            await db.SaveChangesAsync();
            var soA = new Site
            {
                Slug = "so-a", Name = "Trang thông tin điện tử Sở A", KindCode = "department", ParentId = portal.Id, CreatedAt = DateTime.UtcNow,
                EmcEnabled = true, EmcSiteId = "77", ResponsiblePerson = "Nguyễn Văn A", Address = "Số 1", Phone = "0279 3850 001", Email = "soa@dongminh.gov.vn",
                Hosts = [new SiteHost { Host = "soa.dongminh.gov.vn" }],
            };
            db.Sites.AddRange(soA, new Site { Slug = "so-b", Name = "Trang thông tin điện tử Sở B", KindCode = "department", ParentId = portal.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var news = new Category { SiteId = soA.Id, Slug = "tin-hoat-dong", Name = "Tin hoạt động" };
            db.Categories.Add(news);
            db.Contacts.Add(new Contact { SiteId = soA.Id, FullName = "Trần Thị B", Title = "Chánh Văn phòng", Phone = "0279 3850 002" });
            await db.SaveChangesAsync();
            db.Articles.Add(new Article { SiteId = soA.Id, CategoryId = news.Id, Slug = "tin-1", Title = "Tin một", Author = "Phóng viên", Status = ArticleStatus.Published, PublishedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static Task<CliResult> RunAsync(TestDatabase database, params string[] args) =>
        Infrastructure.Cli.RunAsync([.. new[] { "compliance" }, .. args, .. database.CommandLineArgs]);

    [DatabaseTheory]
    public async Task The_json_has_the_shape_of_the_issue(string provider)
    {
        await using var database = await ProvinceAsync(provider);

        var result = await RunAsync(database, "--all", "--pack", "D42-2022", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("D42-2022", json.RootElement.GetProperty("pack").GetString());
        var sites = json.RootElement.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(["", "so-a", "so-b"], sites.Select(s => s.GetProperty("site").GetString()));
        var soA = sites[1];
        Assert.Equal("https://soa.dongminh.gov.vn/", soA.GetProperty("url").GetString());
        var score = soA.GetProperty("score").GetDecimal();
        Assert.InRange(score, 0m, 100m);
        var checks = soA.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks, c =>
        {
            Assert.Matches("^(INF|TEC)-[0-9]{2}a?$", c.GetProperty("id").GetString());
            Assert.Contains(c.GetProperty("status").GetString(), new[] { "pass", "fail", "partial", "not_applicable", "unknown" });
            Assert.Equal(JsonValueKind.Number, c.GetProperty("points").ValueKind);
            Assert.Equal(JsonValueKind.String, c.GetProperty("evidence").ValueKind);
        });
        Assert.Equal(score, Math.Round(checks.Sum(c => c.GetProperty("points").GetDecimal()), 1));
        var news = checks.Single(c => c.GetProperty("id").GetString() == "INF-15");
        Assert.Equal("pass", news.GetProperty("status").GetString());
        Assert.Contains("Tin hoạt động", news.GetProperty("evidence").GetString());
        var contacts = checks.Single(c => c.GetProperty("id").GetString() == "INF-06");
        Assert.Equal("partial", contacts.GetProperty("status").GetString());
        Assert.Equal("not_applicable", checks.Single(c => c.GetProperty("id").GetString() == "INF-14").GetProperty("status").GetString());
        Assert.Equal("unknown", checks.Single(c => c.GetProperty("id").GetString() == "TEC-02").GetProperty("status").GetString());
        // The empty department scores lower than the one with content.
        Assert.True(sites[2].GetProperty("score").GetDecimal() < score);
    }

    [DatabaseTheory]
    public async Task One_site_prints_a_vietnamese_table(string provider)
    {
        await using var database = await ProvinceAsync(provider);

        var result = await RunAsync(database, "--site", "so-b", "--pack", "D224-2026");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Gói quy tắc: D224-2026", result.Output);
        Assert.Contains("Trang thông tin điện tử Sở B (/so-b/", result.Output);
        Assert.Contains("Chưa đạt", result.Output);
        Assert.Contains("Chưa gắn mã theo dõi của Hệ thống EMC.", result.Output);
        Assert.DoesNotContain("Sở A", result.Output);
    }

    [DatabaseTheory]
    public async Task Bad_arguments_get_a_vietnamese_message_and_a_non_zero_exit(string provider)
    {
        await using var database = await ProvinceAsync(provider);

        var unknownPack = await RunAsync(database, "--all", "--pack", "D99-2030", "--json");
        Assert.NotEqual(0, unknownPack.ExitCode);
        Assert.Contains("không có gói quy tắc \"D99-2030\". Các gói hiện có: D224-2026, D42-2022.", unknownPack.Errors);
        Assert.Equal("", unknownPack.Output);

        var unknownSite = await RunAsync(database, "--site", "so-z", "--pack", "D42-2022");
        Assert.NotEqual(0, unknownSite.ExitCode);
        Assert.Contains("không tìm thấy trang \"so-z\"", unknownSite.Errors);

        var neither = await RunAsync(database, "--pack", "D42-2022");
        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("hãy chọn một trang (--site", neither.Errors);
    }
}
