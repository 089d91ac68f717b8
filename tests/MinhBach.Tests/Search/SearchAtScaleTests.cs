using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Search;
using MinhBach.Tests.Infrastructure;
using MinhBach.Text;

namespace MinhBach.Tests.Search;

/// <summary>
/// An index past its first blocks of ids (PostgreSQL looks for a broad query's hits among the newest blocks of the sites
/// searched, decision 0007): a common word on one site shows that site's newest items, a question answered by another unit
/// among them, and a document number that many texts also mention still finds the numbered document first, however old.
/// </summary>
public sealed class SearchAtScaleTests
{
    private const int Items = 12_000;

    [DatabaseTheory]
    public async Task A_common_word_on_one_site_of_thousands_of_items_shows_its_newest_items_and_a_number_finds_its_old_document(string provider)
    {
        // Fewer hits counted than usual, so that the index's size makes the queries broad.
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Search:BroadQueryHits"] = "100" });
        var portal = await app.CreatePortalAsync();
        var soA = await app.AddSiteAsync("so-a", "Sở Tài nguyên và Môi trường");
        var soB = await app.AddSiteAsync("so-b", "Sở Tư pháp");
        // More sites than a search asks the index for by name: the province is searched by the words alone.
        var others = new List<int>();
        foreach (var n in new[] { "c", "d", "e" }) others.Add((await app.AddSiteAsync("so-" + n, "Sở " + n.ToUpperInvariant())).Id);
        var owners = new[] { portal.Id, soA.Id, soB.Id };
        var start = new DateTime(2016, 1, 1, 2, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            db.SearchEntries.Add(Entry(soA.Id, 0, start.AddDays(-1), "Công bố danh mục thủ tục hành chính lĩnh vực đất đai", "123/QĐ-UBND", "document"));
            for (var i = 1; i <= Items; i++)
            {
                // Every 40th item of so-a mentions the decision's number in its text.
                var site = owners[i % 3];
                var text = site == soA.Id && i % 40 == 1 ? "Thực hiện Quyết định 123/QĐ-UBND của UBND tỉnh." : "Hướng dẫn thực hiện.";
                db.SearchEntries.Add(Entry(site, i, start.AddHours(6 * i), $"Thủ tục hành chính số {i}", null, "article", text));
            }
            // The newest: a question asked of the portal, answered by so-a, so public on both.
            var question = Entry(portal.Id, Items + 1, start.AddHours(6 * (Items + 1)), "Hỏi về thủ tục hành chính đất đai", null, "question");
            question.AlsoOnSiteId = soA.Id;
            db.SearchEntries.Add(question);
            return await db.SaveChangesAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<SearchEngine>();

        var onA = await engine.SearchAsync(new SearchQuery("thủ tục hành chính", [soA.Id], Snippets: false));
        Assert.False(onA.Exact); // "hơn 100 kết quả"
        Assert.Equal("Hỏi về thủ tục hành chính đất đai", onA.Hits[0].Entry.Title);
        Assert.All(onA.Hits, h => Assert.True(h.Entry.SiteId == soA.Id || h.Entry.AlsoOnSiteId == soA.Id, h.Entry.Title));
        // so-a's newest articles follow, newest first.
        var newestOfA = Enumerable.Range(1, Items).Reverse().Where(i => owners[i % 3] == soA.Id).Take(5).Select(i => $"Thủ tục hành chính số {i}");
        Assert.Equal(newestOfA, onA.Hits.Skip(1).Take(5).Select(h => h.Entry.Title));

        var onB = await engine.SearchAsync(new SearchQuery("thu tuc hanh chinh", [soB.Id], Snippets: false));
        Assert.All(onB.Hits, h => Assert.Equal(soB.Id, h.Entry.SiteId));
        Assert.DoesNotContain(onB.Hits, h => h.Entry.Kind == "question");

        var province = await engine.SearchAsync(new SearchQuery("thủ tục", [.. owners, .. others], Snippets: false));
        Assert.Equal("Hỏi về thủ tục hành chính đất đai", province.Hits[0].Entry.Title);
        Assert.Equal($"Thủ tục hành chính số {Items}", province.Hits[1].Entry.Title);

        foreach (var typed in new[] { "123/QĐ-UBND", "123/QD-UBND", "qđ 123" })
        {
            var number = await engine.SearchAsync(new SearchQuery(typed, [soA.Id], Snippets: false));
            Assert.True(number.Hits.Count > 1, typed);
            Assert.Equal("123/QĐ-UBND", number.Hits[0].Entry.Number);
        }
    }

    private static SearchEntry Entry(int siteId, int i, DateTime date, string title, string? number, string kind, string text = "") => new()
    {
        SiteId = siteId, Kind = kind, RefId = -(i + 1), Date = date, Year = date.Year, Title = title, Number = number,
        TypeCode = number is null ? null : "quyet-dinh",
        IndexTitle = SearchText.Normalize(title), IndexNumber = SearchText.Normalize(number), Text = text, IndexText = SearchText.Normalize(text),
    };
}
