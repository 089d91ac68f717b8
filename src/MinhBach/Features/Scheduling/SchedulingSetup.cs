using MinhBach.Features.Articles;
using Quartz;

namespace MinhBach.Features.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run background jobs on this node (a node that only serves pages may turn them off).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often due articles are published: 60 runs at second 0 of every minute; tests use a few seconds.</summary>
    public int PublishCheckSeconds { get; set; } = 60;
}

/// <summary>Quartz.NET for every scheduled job (in-memory store here; the clustered store comes with scale-out).</summary>
public static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section)
            .Validate(o => o.PublishCheckSeconds is >= 1 and <= 3600, "Scheduling:PublishCheckSeconds phải từ 1 đến 3600.")
            .ValidateOnStart();
        var opts = config.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!opts.Enabled) return services;
        services.AddQuartz(q =>
        {
            var key = new JobKey("publish-due-articles");
            q.AddJob<PublishDueArticlesJob>(o => o.WithIdentity(key));
            q.AddTrigger(t =>
            {
                t.ForJob(key).WithIdentity("publish-due-articles-trigger");
                if (opts.PublishCheckSeconds == 60)
                    t.WithCronSchedule("0 * * * * ?");
                else
                    t.StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(opts.PublishCheckSeconds)).RepeatForever());
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>Publishes scheduled articles and takes down those due, on every site; safe to run on several nodes.</summary>
[DisallowConcurrentExecution]
internal sealed class PublishDueArticlesJob(ArticleWorkflow workflow, ILogger<PublishDueArticlesJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var n = await workflow.RunDueAsync(cancellationToken);
        if (n > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Đã xử lý {Count} bài đến hạn xuất bản hoặc gỡ.", n);
    }
}
