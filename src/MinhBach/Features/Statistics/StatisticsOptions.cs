namespace MinhBach.Features.Statistics;

public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>Count visits on this node (off: pages are served without counting, e.g. to measure the overhead).</summary>
    public bool CountVisits { get; set; } = true;
    /// <summary>How often the counts gathered in memory are written to the database.</summary>
    public int FlushSeconds { get; set; } = 5;
    /// <summary>Distinct counters kept in memory while the database cannot be written; past it the oldest batch is dropped.</summary>
    public int MaxPendingKeys { get; set; } = 200_000;
    /// <summary>How long the public counter's figures are reused before being read again.</summary>
    public int CounterCacheSeconds { get; set; } = 60;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (FlushSeconds is < 1 or > 300) p.Add("Statistics:FlushSeconds phải từ 1 đến 300.");
        if (MaxPendingKeys is < 1000 or > 10_000_000) p.Add("Statistics:MaxPendingKeys phải từ 1.000 đến 10.000.000.");
        if (CounterCacheSeconds is < 0 or > 3600) p.Add("Statistics:CounterCacheSeconds phải từ 0 đến 3600.");
        return p;
    }
}
