namespace MinhBach.Features.Catalogue;

public static class CatalogueSetup
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        // Loaded eagerly: a broken data file must stop the start with its message, not fail a request later.
        services.AddSingleton(_ => Catalogue.Load(Catalogue.DefaultDirectory));
        services.AddSingleton(_ => WorkingCalendar.Load(Catalogue.DefaultDirectory));
        services.AddHostedService<CatalogueCheck>();
        return services;
    }

    private sealed class CatalogueCheck(Catalogue catalogue, WorkingCalendar calendar, TimeProvider clock, ILogger<CatalogueCheck> log) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            // Deadlines counted in a year the holiday calendar does not list skip weekends only: say so.
            var year = Public.VnTime.Today(clock).Year;
            foreach (var y in new[] { year, year + 1 }.Where(y => !calendar.Covers(y)))
                log.LogWarning("Lịch ngày nghỉ data/holidays.json chưa có năm {Year}: thời hạn tính theo ngày làm việc chỉ trừ thứ Bảy, Chủ nhật. Hãy bổ sung ngày nghỉ lễ, Tết của năm đó.", y);
            return Task.FromResult(catalogue);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
