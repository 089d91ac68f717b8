using Microsoft.Extensions.Options;
using Quartz;

namespace MinhBach.Features.Mail;

/// <summary>E-mail: the settings (checked at start), the outbox, and the Quartz job that empties it.</summary>
public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection(MailOptions.Section);
        if (section[nameof(MailOptions.Security)] is { Length: > 0 } raw && !Enum.TryParse<MailSecurity>(raw, ignoreCase: true, out _))
            throw new OptionsValidationException(MailOptions.Section, typeof(MailOptions),
                [$"Mail:Security phải là Auto, None, StartTls hoặc SslOnConnect (đang là \"{raw}\")."]);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Validate(o => o.Problems().Count == 0, o => string.Join(" ", o.Problems()))
            .ValidateOnStart();
        services.AddSingleton<MailOutbox>();
        services.AddScoped<MailSender>();

        return services;
    }

    /// <summary>The outbox job, registered with the scheduler by <see cref="Scheduling.SchedulingSetup"/>.</summary>
    internal static void AddJobs(IQuartzBuilder q, IConfiguration config)
    {
        var opts = config.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        var key = new JobKey("send-mail");
        q.AddJob<SendMailJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity("send-mail-trigger").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Clamp(opts.SendCheckSeconds, 1, 3600))).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    /// <summary>Validate(o => …, string) with a message made from the options.</summary>
    private static OptionsBuilder<T> Validate<T>(this OptionsBuilder<T> b, Func<T, bool> ok, Func<T, string> message) where T : class
    {
        b.Services.AddSingleton<IValidateOptions<T>>(new MessageValidation<T>(b.Name, ok, message));
        return b;
    }

    private sealed class MessageValidation<T>(string? name, Func<T, bool> ok, Func<T, string> message) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? n, T options) =>
            name is not null && name != n ? ValidateOptionsResult.Skip : ok(options) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(message(options));
    }
}

/// <summary>Sends the outbox's due mail. One node at a time in a cluster ([DisallowConcurrentExecution] holds across it).</summary>
[DisallowConcurrentExecution]
internal sealed class SendMailJob(MailSender sender) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.SendDueAsync(cancellationToken);
}
