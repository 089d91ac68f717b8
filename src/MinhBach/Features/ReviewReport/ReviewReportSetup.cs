using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MinhBach.Features.ReviewReport;

/// <summary>The generated review report (báo cáo rà soát) and its appendix: template checked at start, the service.</summary>
public static class ReviewReportSetup
{
    public static IServiceCollection AddReviewReport(this IServiceCollection services)
    {
        services.AddSingleton(_ => ReviewTemplate.Load(Catalogue.Catalogue.DefaultDirectory));
        services.AddHostedService<TemplateCheck>();
        // The monitor (Features/Monitor, registered after) replaces this with its latest runs.
        services.TryAddScoped<IExternalEvaluations, NoExternalEvaluations>();
        services.AddScoped<ReviewReportService>();
        return services;
    }

    private sealed class TemplateCheck(ReviewTemplate template) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.FromResult(template);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
