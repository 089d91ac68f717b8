using System.Collections.Concurrent;
using System.Net;
using MinhBach.Features.Petitions;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;

namespace MinhBach.Tests.Petitions;

/// <summary>Floods run alone, after the parallel tests: a thousand requests would otherwise starve the browser tests
/// running beside them on a small machine, and they measure nothing about time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FloodCollection
{
    public const string Name = "Flood";
}

/// <summary>A flood of the petition form from one address: refused past the limit with the Vietnamese 429 page, and
/// every accepted petition is stored.</summary>
[Collection(FloodCollection.Name)]
public sealed class PetitionFloodTests
{
    [DatabaseTheory]
    public async Task A_flood_of_1000_petitions_from_one_address_is_refused_past_the_limit_and_none_accepted_is_lost(string provider)
    {
        const int limit = 40;
        await using var w = await QnaWorld.StartAsync(provider, extra: new Dictionary<string, string?> { ["RateLimits:PublicFormPerMinute"] = limit.ToString() });
        using var citizen = w.Citizen();
        var token = await citizen.AntiforgeryTokenAsync(PetitionUrls.Submit);
        var outcomes = new ConcurrentBag<(HttpStatusCode Status, string? Code, string Body)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var (response, html) = await Petitioner.SubmitAsync(citizen, "", Petitioner.Fields(("Subject", $"Phản ánh số {i}")), token: token);
            using (response)
                outcomes.Add((response.StatusCode, response.StatusCode == HttpStatusCode.OK ? Petitioner.CodePattern().Match(html).Value : null, html));
        });

        var accepted = outcomes.Where(o => o.Status == HttpStatusCode.OK).ToList();
        var refused = outcomes.Where(o => o.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(1000, accepted.Count + refused.Count); // nothing else: no error page, no 400
        Assert.InRange(accepted.Count, limit, 999);
        Assert.NotEmpty(refused);
        Assert.Contains("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn", refused[0].Body);
        // Every success is a stored petition with its own code; nothing is stored that was not acknowledged.
        Assert.Equal(accepted.Count, accepted.Select(a => a.Code).Distinct().Count(c => !string.IsNullOrEmpty(c)));
        Assert.Equal(accepted.Count, await w.PetitionCountAsync());
        Assert.Equal(accepted.Count, (await w.AuditAsync("petition.submit")).Count);
        Assert.Null((await w.DbAsync(db => MinhBach.Features.Audit.AuditTrail.VerifyAsync(db))).BrokenAt);
    }
}
