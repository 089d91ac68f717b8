using MinhBach.Cli;

namespace MinhBach.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

/// <summary>
/// Runs an operator verb in-process (the same code as `./minhbach VERB`), capturing what it prints.
/// Console is process-wide, so tests that use this belong to the <see cref="ConsoleCollection"/>.
/// </summary>
public static class Cli
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        await OneAtATime.WaitAsync();
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(errors);
            var exit = await CommandLine.RunAsync(args);
            return new CliResult(exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            OneAtATime.Release();
        }
    }
}

/// <summary>Tests that redirect the process's console run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
