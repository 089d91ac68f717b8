using MinhBach.Data;
using Npgsql;

namespace MinhBach.Tests.Data;

/// <summary>What the app adds to an operator's PostgreSQL connection string, and that the operator's own values win.</summary>
public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_without_them_gets_prepared_statements_no_reset_and_a_pool_sized_to_the_machine()
    {
        var b = new NpgsqlConnectionStringBuilder(DataSetup.WithPageDefaults("Host=db.local;Username=minhbach;Database=minhbach"));

        Assert.Equal(64, b.MaxAutoPrepare);
        Assert.True(b.NoResetOnClose);
        Assert.Equal(Math.Max(16, 4 * Environment.ProcessorCount), b.MaxPoolSize);
        Assert.Equal("db.local", b.Host);
        Assert.Equal("minhbach", b.Database);
    }

    [Theory]
    [InlineData("Maximum Pool Size=40;Max Auto Prepare=0;No Reset On Close=false", 40, 0, false)]
    [InlineData("MaxPoolSize=7;MaxAutoPrepare=5", 7, 5, true)]
    [InlineData("maximum pool size=100", 100, 64, true)]
    public void The_operators_own_values_win(string given, int pool, int prepare, bool noReset)
    {
        var b = new NpgsqlConnectionStringBuilder(DataSetup.WithPageDefaults("Host=db.local;Username=minhbach;" + given));

        Assert.Equal(pool, b.MaxPoolSize);
        Assert.Equal(prepare, b.MaxAutoPrepare);
        Assert.Equal(noReset, b.NoResetOnClose);
    }
}
