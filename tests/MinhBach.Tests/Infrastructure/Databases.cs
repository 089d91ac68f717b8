namespace MinhBach.Tests.Infrastructure;

/// <summary>The database providers every data test runs on, and whether each is available here.</summary>
public static class Databases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Base connection string of a PostgreSQL server the tests may create databases on,
    /// e.g. "Host=127.0.0.1;Port=55432;Username=postgres". `./minhbach test` starts one and sets it.</summary>
    public const string PostgresVariable = "MINHBACH_TEST_POSTGRES";

    public static IReadOnlyList<string> All { get; } = [Sqlite, Postgres];

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Why a provider's rows are skipped here, or null when they run.</summary>
    public static string? SkipReason(string provider) => provider switch
    {
        Postgres when PostgresServer is null =>
            $"PostgreSQL not configured: set {PostgresVariable} (./minhbach test starts a private server and sets it).",
        _ => null,
    };
}
