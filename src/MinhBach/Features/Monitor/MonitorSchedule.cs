using Microsoft.Extensions.Options;
using MinhBach.Features.Monitor.Net;
using Quartz;

namespace MinhBach.Features.Monitor;

/// <summary>A site the scheduled passes audit besides the registry's (Monitor:Sites).</summary>
public sealed class MonitorSite
{
    public string Url { get; set; } = "";
    public string? Kind { get; set; }
    public string? Province { get; set; }
    public string? Name { get; set; }
    /// <summary>The authority's own audit of this site may ignore its robots.txt (by agreement).</summary>
    public bool IgnoreRobots { get; set; }
}

/// <summary>Monitor:Schedule:* — when the light pass (nightly) and the deep pass (weekly) run; Quartz cron, Vietnam time.</summary>
public sealed class MonitorScheduleOptions
{
    public const string Section = "Monitor:Schedule";
    public bool Enabled { get; set; }
    public string LightCron { get; set; } = "0 0 2 * * ?";
    public string DeepCron { get; set; } = "0 0 3 ? * SUN";
}

/// <summary>Which sites the scheduled passes audit: the registry's (<see cref="Registry.RegistryTargets"/>) and Monitor:Sites.</summary>
public interface IMonitorTargets
{
    Task<IReadOnlyList<AuditTarget>> TargetsAsync(CancellationToken ct);
}

public sealed class ConfiguredTargets(IConfiguration config) : IMonitorTargets
{
    public Task<IReadOnlyList<AuditTarget>> TargetsAsync(CancellationToken ct)
    {
        var sites = config.GetSection("Monitor:Sites").Get<List<MonitorSite>>() ?? [];
        IReadOnlyList<AuditTarget> list = sites
            .Where(s => Uri.TryCreate(s.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")
            .Select(s => new AuditTarget(new Uri(s.Url)) { KindCode = s.Kind, Province = s.Province, Name = s.Name, IgnoreRobots = s.IgnoreRobots })
            .ToList();
        return Task.FromResult(list);
    }
}

/// <summary>One scheduled pass over every target, light or deep; one node at a time in a cluster.</summary>
[DisallowConcurrentExecution]
internal sealed class MonitorPassJob(MonitorService monitor, ILogger<MonitorPassJob> log) : IJob
{
    public const string DeepKey = "deep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var deep = context.MergedJobDataMap.GetBoolean(DeepKey);
        var outcomes = await monitor.RunScheduledAsync(deep, ct);
        log.LogInformation("Rà soát {Kind}: {Count} trang, {Unreachable} không truy cập được.", deep ? "sâu" : "nhẹ", outcomes.Count, outcomes.Count(o => !o.Audit.Reachable));
    }

    private static bool IsCron(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static void Add(IQuartzBuilder q, IConfiguration config)
    {
        var opts = config.GetSection(MonitorScheduleOptions.Section).Get<MonitorScheduleOptions>() ?? new MonitorScheduleOptions();
        if (!opts.Enabled) return;
        var vn = Public.VnTime.Zone;
        foreach (var (name, cron, deep) in new[] { ("monitor-light", opts.LightCron, false), ("monitor-deep", opts.DeepCron, true) })
        {
            if (!IsCron(cron))
                throw new OptionsValidationException(MonitorScheduleOptions.Section, typeof(MonitorScheduleOptions),
                    [$"Monitor:Schedule:{(deep ? "DeepCron" : "LightCron")} \"{cron}\" không phải biểu thức cron của Quartz (ví dụ 0 0 2 * * ?)."]);
            var key = new JobKey(name);
            q.AddJob<MonitorPassJob>(j => j.WithIdentity(key).UsingJobData(DeepKey, deep));
            q.AddTrigger(t => t.ForJob(key).WithIdentity(name + "-trigger")
                .WithCronSchedule(cron, c => c.InTimeZone(vn).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        }
    }
}
