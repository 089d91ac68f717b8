namespace MinhBach.Tests.Infrastructure;

/// <summary>A clock the test moves: registered as the app's TimeProvider, it decides "now" for deadlines and mail retries.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly Lock _gate = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }

    /// <summary>Moves to this time of day in Viet Nam (UTC+7) on the given date.</summary>
    public void SetVietnam(DateOnly date, int hour = 9)
    {
        lock (_gate) _now = new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(7)).ToUniversalTime();
    }

    public static ManualClock AtVietnam(DateOnly date, int hour = 9) =>
        new(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(7)).ToUniversalTime());
}
