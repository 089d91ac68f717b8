using Microsoft.Extensions.Options;
using MinhBach.Features.Requests;
using Quartz;

namespace MinhBach.Features.Petitions;

/// <summary>Petitions: settings checked at start, the service, and the deadline job (reminders and escalation).</summary>
public static class PetitionsSetup
{
    public static IServiceCollection AddPetitions(this IServiceCollection services)
    {
        services.AddOptions<PetitionOptions>().BindConfiguration(PetitionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PetitionOptions>, PetitionOptionsCheck>();
        services.AddRequestRouting();
        services.AddScoped<PetitionService>();
        return services;
    }

    /// <summary>The deadline job, registered with the scheduler by <see cref="Scheduling.SchedulingSetup"/>.</summary>
    internal static void AddJobs(IQuartzBuilder q, IConfiguration config)
    {
        var minutes = (config.GetSection(PetitionOptions.Section).Get<PetitionOptions>() ?? new PetitionOptions()).DeadlineCheckMinutes;
        var key = new JobKey("petition-deadlines");
        q.AddJob<PetitionDeadlinesJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity("petition-deadlines-trigger").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(Math.Clamp(minutes, 1, 1440))).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    /// <summary>Names every wrong setting in Vietnamese, so the operator fixes them all at once.</summary>
    private sealed class PetitionOptionsCheck : IValidateOptions<PetitionOptions>
    {
        public ValidateOptionsResult Validate(string? name, PetitionOptions options) =>
            options.Problems() is { Count: > 0 } p ? ValidateOptionsResult.Fail("Cấu hình Petitions không hợp lệ: " + string.Join(" ", p)) : ValidateOptionsResult.Success;
    }
}

/// <summary>Reminders before the deadline and escalation after it. One node at a time in a cluster; each petition is
/// also changed conditionally on its version, so even overlapping runs remind once.</summary>
[DisallowConcurrentExecution]
internal sealed class PetitionDeadlinesJob(PetitionService petitions) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await petitions.RunDeadlinesAsync(cancellationToken);
}
