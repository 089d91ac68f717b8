using Microsoft.Extensions.Options;
using MinhBach.Features.Requests;
using Quartz;

namespace MinhBach.Features.Questions;

/// <summary>Q&amp;A: settings checked at start, the service, and the deadline job (reminders and escalation).</summary>
public static class QuestionsSetup
{
    public static IServiceCollection AddQuestions(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<QuestionOptions>().BindConfiguration(QuestionOptions.Section)
            .Validate(o => o.Problems().Count == 0, "Cấu hình Questions không hợp lệ: AnswerWorkingDays 1–120, ReminderWorkingDays nhỏ hơn AnswerWorkingDays, DeadlineCheckMinutes 1–1440, MaxAttachmentMegabytes 1–10.")
            .ValidateOnStart();
        services.AddRequestRouting();
        services.AddScoped<QuestionService>();
        return services;
    }

    /// <summary>The deadline job, registered with the scheduler by <see cref="Scheduling.SchedulingSetup"/>.</summary>
    internal static void AddJobs(IQuartzBuilder q, IConfiguration config)
    {
        var minutes = (config.GetSection(QuestionOptions.Section).Get<QuestionOptions>() ?? new QuestionOptions()).DeadlineCheckMinutes;
        var key = new JobKey("question-deadlines");
        q.AddJob<QuestionDeadlinesJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity("question-deadlines-trigger").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(Math.Clamp(minutes, 1, 1440))).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}

/// <summary>Reminders before the deadline and escalation after it. One node at a time in a cluster; each question is
/// also changed conditionally on its version, so even overlapping runs remind once.</summary>
[DisallowConcurrentExecution]
internal sealed class QuestionDeadlinesJob(QuestionService questions) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await questions.RunDeadlinesAsync(cancellationToken);
}
