using Microsoft.Playwright;

namespace MinhBach.Tests.Infrastructure;

/// <summary>
/// Chromium from the system (Debian's chromium package), driven by Playwright: Playwright's own browser
/// downloads are never used. `./minhbach test` installs it and sets MINHBACH_TEST_CHROMIUM.
/// </summary>
public static class Browsers
{
    public const string ChromiumVariable = "MINHBACH_TEST_CHROMIUM";

    public static string? ChromiumPath { get; } = FindChromium();

    /// <summary>Screenshots land here (under TestResults/, which git ignores) for a person to look at.</summary>
    public static string ScreenshotFolder => Path.Combine(Repository.Root, "TestResults", "screenshots");

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path && File.Exists(path)) return path;
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath ?? throw new InvalidOperationException($"Chromium not found: set {ChromiumVariable}."),
                Headless = true,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

/// <summary>A test that needs Chromium; reported as skipped, with the reason, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browsers.ChromiumPath is null)
            Skip = $"Chromium not found: install Debian's chromium or set {Browsers.ChromiumVariable} (./minhbach test does both).";
    }
}

/// <summary>A theory that needs Chromium; reported as skipped, with the reason, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Browsers.ChromiumPath is null)
            Skip = $"Chromium not found: install Debian's chromium or set {Browsers.ChromiumVariable} (./minhbach test does both).";
    }
}
