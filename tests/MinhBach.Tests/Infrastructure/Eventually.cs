namespace MinhBach.Tests.Infrastructure;

/// <summary>Polls a condition that becomes true without the test doing anything more (caches, reloads).</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what}: not true after {timeout.TotalSeconds:0} s (last value: {value}).");
            await Task.Delay(200);
        }
    }
}
