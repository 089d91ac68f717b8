using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Mail;
using MinhBach.Features.Statistics;

namespace MinhBach.Features.Operations;

/// <summary>
/// The queue lengths and audit runs of the "MinhBach" meter (requests come from the ASP.NET Core instrumentation).
/// Database figures are read every Operations:MetricsRefreshSeconds by this service, never by a scrape, so a scraper
/// cannot load the database; the visit batch is read from memory at each collection.
/// </summary>
public sealed class OperationsMetrics : BackgroundService
{
    public const string MeterName = "MinhBach";

    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<OperationsOptions> _options;
    private readonly ILogger<OperationsMetrics> _log;
    private long _outboxPending;
    private long _scheduledArticles;
    private long _auditRuns;
    private volatile bool _known;

    public OperationsMetrics(IMeterFactory meters, IServiceScopeFactory scopes, VisitRecorder visits, IOptions<OperationsOptions> options, ILogger<OperationsMetrics> log)
    {
        _scopes = scopes;
        _options = options;
        _log = log;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("minhbach.visits.pending", () => visits.PendingTotal, "{view}",
            "Lượt xem đã đếm trên nút này, chưa ghi vào cơ sở dữ liệu");
        meter.CreateObservableGauge("minhbach.mail.outbox.pending", () => Known(Interlocked.Read(ref _outboxPending)), "{mail}",
            "Thư đang chờ gửi trong hộp thư đi");
        meter.CreateObservableGauge("minhbach.articles.scheduled", () => Known(Interlocked.Read(ref _scheduledArticles)), "{article}",
            "Tin bài đã hẹn giờ đăng, chưa đến giờ");
        meter.CreateObservableCounter("minhbach.audit.runs", () => Known(Interlocked.Read(ref _auditRuns)), "{run}",
            "Số lượt rà soát trang TTĐT từ bên ngoài đã lưu");
    }

    /// <summary>Nothing is reported before the first reading, rather than a misleading zero.</summary>
    private IEnumerable<Measurement<long>> Known(long value) => _known ? [new Measurement<long>(value)] : [];

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        Interlocked.Exchange(ref _outboxPending, await db.OutboxMails.IgnoreQueryFilters().LongCountAsync(m => m.Status == OutboxStatus.Pending, ct));
        Interlocked.Exchange(ref _scheduledArticles, await db.Articles.IgnoreQueryFilters().LongCountAsync(a => a.Status == ArticleStatus.Scheduled, ct));
        Interlocked.Exchange(ref _auditRuns, await db.MonitorRuns.IgnoreQueryFilters().LongCountAsync(ct));
        _known = true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.Value.MetricsRefreshSeconds));
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is down or not migrated yet: readiness says so; the last figures stay.
                _log.LogDebug(e, "Không đọc được số liệu vận hành.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
