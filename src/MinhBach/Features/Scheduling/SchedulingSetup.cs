using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Articles;
using Quartz;

namespace MinhBach.Features.Scheduling;

/// <summary>Where Quartz keeps its jobs and triggers.</summary>
public enum SchedulingStore
{
    /// <summary>The clustered database store on PostgreSQL, memory on SQLite.</summary>
    Auto,
    /// <summary>In memory: each node runs the jobs on its own (one node, or SQLite).</summary>
    Memory,
    /// <summary>Quartz's tables (qrtz_*) in the PostgreSQL database, clustered: each firing runs on one node.</summary>
    Postgres,
}

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run background jobs on this node (a node that only serves pages may turn them off).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often due articles are published: 60 runs at second 0 of every minute; tests use a few seconds.</summary>
    public int PublishCheckSeconds { get; set; } = 60;
    /// <summary>Auto: clustered in the database on PostgreSQL, in memory on SQLite.</summary>
    public SchedulingStore Store { get; set; } = SchedulingStore.Auto;
    /// <summary>How often a clustered node records that it is alive; a node silent for longer (plus a margin) is
    /// taken as dead and its work is taken over by the others.</summary>
    public int ClusterCheckinSeconds { get; set; } = 10;
}

/// <summary>
/// Quartz.NET for every scheduled job. On PostgreSQL the jobs and triggers live in the database (tables qrtz_*,
/// created by the QuartzStore migration) and the nodes form a cluster, so each firing runs on exactly one node
/// and a node that stops leaves its work to the others. On SQLite (one node) the store is in memory.
/// </summary>
public static class SchedulingSetup
{
    /// <summary>The scheduler's name in qrtz_* (SCHED_NAME): the same on every node, so they form one cluster.</summary>
    public const string SchedulerName = "MinhBach";
    public const string TablePrefix = "qrtz_";

    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection(SchedulingOptions.Section);
        if (section[nameof(SchedulingOptions.Store)] is { Length: > 0 } raw && !Enum.TryParse<SchedulingStore>(raw, ignoreCase: true, out _))
            throw new OptionsValidationException(SchedulingOptions.Section, typeof(SchedulingOptions),
                [$"Scheduling:Store phải là Auto, Memory hoặc Postgres (đang là \"{raw}\")."]);
        var (provider, connectionString) = DataSetup.ResolveConnection(config);
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section)
            .Validate(o => o.PublishCheckSeconds is >= 1 and <= 3600, "Scheduling:PublishCheckSeconds phải từ 1 đến 3600.")
            .Validate(o => o.ClusterCheckinSeconds is >= 1 and <= 300, "Scheduling:ClusterCheckinSeconds phải từ 1 đến 300.")
            .Validate(o => o.Store != SchedulingStore.Postgres || provider == DatabaseProvider.Postgres,
                "Scheduling:Store=Postgres cần cơ sở dữ liệu PostgreSQL (ConnectionStrings:Postgres); với SQLite hãy dùng Auto hoặc Memory.")
            .ValidateOnStart();
        var opts = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!opts.Enabled) return services;
        // Store=Postgres on SQLite is refused at start (above); until then nothing points Quartz at a SQLite file.
        var clustered = UsesDatabaseStore(opts.Store, provider) && provider == DatabaseProvider.Postgres;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);
            if (clustered)
            {
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(connectionString);
                    s.UseSystemTextJsonSerializer();
                    s.ConfigureStore(o =>
                    {
                        o.TablePrefix = TablePrefix;
                        // Refuse to start when a table or column is missing, naming it, instead of failing at the first firing.
                        o.SchemaProvisioning = SchemaProvisioning.Validate;
                    });
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(opts.ClusterCheckinSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(Math.Max(opts.ClusterCheckinSeconds, 5));
                    });
                });
                // Instance id AUTO: each node generates its own (host name and start time); the cluster tells its nodes apart by it.
                q.ConfigureScheduler(o => o.GenerateInstanceId = true);
            }
            else
            {
                q.UseInMemoryStore();
            }
            var statusKey = new JobKey("document-status");
            q.AddJob<Documents.DocumentStatusJob>(o => o.WithIdentity(statusKey));
            // Second 5 of every hour: Vietnam is UTC+7, so one firing falls just after local midnight, when statuses change.
            q.AddTrigger(t => t.ForJob(statusKey).WithIdentity("document-status-trigger")
                .WithCronSchedule("5 0 * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            var key = new JobKey("publish-due-articles");
            q.AddJob<PublishDueArticlesJob>(o => o.WithIdentity(key));
            q.AddTrigger(t =>
            {
                t.ForJob(key).WithIdentity("publish-due-articles-trigger");
                // A firing missed while every node was down runs once as soon as one is back: the job catches up on
                // everything due, so nothing waits for the next minute.
                if (opts.PublishCheckSeconds == 60)
                    t.WithCronSchedule("0 * * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
                else
                    t.StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(opts.PublishCheckSeconds)).RepeatForever());
            });
            // The other features' jobs: every scheduled job is declared with this one scheduler.
            Mail.MailSetup.AddJobs(q, config);
            Questions.QuestionsSetup.AddJobs(q, config);
            Petitions.PetitionsSetup.AddJobs(q, config);
            Monitor.MonitorPassJob.Add(q, config);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Whether this node runs background jobs (Scheduling:Enabled), for features adding their own jobs.</summary>
    public static bool Enabled(IConfiguration config) =>
        (config.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions()).Enabled;

    /// <summary>Whether Quartz keeps its schedule in the database (clustered) rather than in memory.</summary>
    public static bool UsesDatabaseStore(SchedulingStore store, DatabaseProvider provider) => store switch
    {
        SchedulingStore.Postgres => true,
        SchedulingStore.Memory => false,
        _ => provider == DatabaseProvider.Postgres,
    };
}

/// <summary>Publishes scheduled articles and takes down those due, on every site. In a cluster one node runs each
/// firing ([DisallowConcurrentExecution] holds across the cluster); each change is also conditional on the
/// article's version, so an overlap could not publish twice.</summary>
[DisallowConcurrentExecution]
internal sealed class PublishDueArticlesJob(ArticleWorkflow workflow, ILogger<PublishDueArticlesJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (log.IsEnabled(LogLevel.Debug))
            log.LogDebug("Kiểm tra bài đến hạn: lần chạy theo lịch lúc {ScheduledAt:O}, trên nút {Node}.",
                context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId);
        var n = await workflow.RunDueAsync(cancellationToken);
        if (n > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Đã xử lý {Count} bài đến hạn xuất bản hoặc gỡ.", n);
    }
}
