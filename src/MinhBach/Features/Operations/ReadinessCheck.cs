using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MinhBach.Data;
using Quartz;

namespace MinhBach.Features.Operations;

/// <summary>
/// Ready to take traffic: the database answers, its schema is this version's (no pending migration) and the scheduler
/// runs. Liveness (/healthz) says only that the process answers; a load balancer sends traffic on readiness.
/// </summary>
internal sealed class ReadinessCheck(AppDb db, ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object>();
        var problems = new List<string>();
        try
        {
            // A database that does not exist has every migration pending without any error: ask for a connection first.
            if (!await db.Database.CanConnectAsync(ct)) throw new InvalidOperationException("Không kết nối được cơ sở dữ liệu.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            data["database"] = "ok";
            data["pendingMigrations"] = pending;
            if (pending.Count > 0) problems.Add($"cơ sở dữ liệu chưa được nâng cấp ({pending.Count} bước): chạy ./minhbach migrate");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            data["database"] = e.GetBaseException().Message;
            problems.Add("cơ sở dữ liệu không trả lời");
        }
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            var running = await scheduler.GetStatus(ct) == SchedulerStatus.Running;
            data["scheduler"] = running ? "started" : "not started";
            if (!running) problems.Add("bộ lập lịch chưa chạy");
        }
        catch (SchedulerException e)
        {
            data["scheduler"] = e.GetBaseException().Message;
            problems.Add("bộ lập lịch lỗi");
        }
        return problems.Count == 0
            ? HealthCheckResult.Healthy("Sẵn sàng.", data)
            : HealthCheckResult.Unhealthy("Chưa sẵn sàng: " + string.Join("; ", problems) + ".", data: data);
    }
}
