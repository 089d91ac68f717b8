using Xunit.Abstractions;
using Xunit.Sdk;

namespace MinhBach.Tests.Infrastructure;

/// <summary>
/// A theory that runs once per database provider: the test method takes one string parameter,
/// "sqlite" or "postgres" (see <see cref="Databases"/>). The PostgreSQL row is reported as skipped,
/// with the reason, when no server is configured (MINHBACH_TEST_POSTGRES), so it never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("MinhBach.Tests.Infrastructure.DatabaseTheoryDiscoverer", "MinhBach.Tests")]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (factAttribute.GetNamedArgument<string>("Skip") is not null)
        {
            // Skipped as a whole: one skipped case, as for a plain theory.
            yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
            yield break;
        }
        foreach (var provider in Databases.All)
        {
            var skip = Databases.SkipReason(provider);
            yield return skip is null
                ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod, [provider])
                : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, skip, [provider]);
        }
    }
}

/// <summary>A test that only means something on PostgreSQL (e.g. several nodes on one database); reported as
/// skipped, with the reason, when no server is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Databases.SkipReason(Databases.Postgres) is { } reason) Skip = reason;
    }
}
