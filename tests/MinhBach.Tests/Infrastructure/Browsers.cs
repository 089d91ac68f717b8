using System.Text.RegularExpressions;
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

    /// <summary>
    /// Waits until the page's address contains <paramref name="part"/>. WaitForURLAsync can lose the load event it
    /// waits for (its check and its subscription race the thread that delivers events) and then times out on a page
    /// long arrived; an assertion that polls the address has nothing to lose. Locators wait for the new page's elements.
    /// </summary>
    public static Task ArrivedAtAsync(this IPage page, string part) => page.ArrivedAtAsync(new Regex(Regex.Escape(part)));

    public static Task ArrivedAtAsync(this IPage page, Regex address) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = 60_000 });

    /// <summary>Waits until the page's address no longer contains <paramref name="part"/> (e.g. the sign-in page's).</summary>
    public static Task LeftAsync(this IPage page, string part) => page.ArrivedAtAsync(new Regex($"^(?!.*{Regex.Escape(part)})"));
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
