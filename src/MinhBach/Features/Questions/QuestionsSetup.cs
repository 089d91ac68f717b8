using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Media;
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
        var sweep = new JobKey("request-attachment-sweep");
        q.AddJob<RequestAttachmentSweepJob>(j => j.WithIdentity(sweep));
        q.AddTrigger(t => t.ForJob(sweep).WithIdentity("request-attachment-sweep-trigger").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}

/// <summary>Hourly, and at start: attachment files of questions and petitions cut short by a crash
/// (<see cref="RequestAttachments.SweepAsync"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class RequestAttachmentSweepJob(AppDb db, IFileStore files, ILogger<RequestAttachmentSweepJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deleted = await RequestAttachments.SweepAsync(db, files, RequestAttachments.SweepGrace, cancellationToken);
        if (deleted > 0) log.LogWarning("Đã xoá {Count} tệp đính kèm không thuộc câu hỏi hay phản ánh nào (gửi dở khi máy chủ dừng đột ngột).", deleted);
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
