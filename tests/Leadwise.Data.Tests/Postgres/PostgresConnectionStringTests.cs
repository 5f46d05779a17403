using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Tests.Postgres;

/// <summary>Reading <c>--db</c> values for PostgreSQL, without a server.</summary>
public sealed class PostgresConnectionStringTests
{
    [Theory]
    [InlineData("Host=db.example.com;Database=leadwise;Username=app;Password=pw", true)]
    [InlineData("host=localhost;port=5433;database=x", true)]
    [InlineData("postgres://app:pw@db.example.com/leadwise", true)]
    [InlineData("postgresql://db.example.com:5433/leadwise", true)]
    [InlineData("leadwise.db", false)]
    [InlineData("/var/data/postgres/leadwise.db", false)]
    public void IsPostgres_TellsConnectionStringsFromSqlitePaths(string location, bool expected)
    {
        Assert.Equal(expected, StoreLocation.IsPostgres(location));
    }

    [Fact]
    public void Parse_Uri_TakesUserPasswordHostPortDatabaseAndSettings()
    {
        // When
        var builder = PostgresConnectionString.Parse("postgresql://app%40corp:p%3Aw%2Fd@db.example.com:5433/lead%20wise?sslmode=require&Timeout=7");

        // Then
        Assert.Equal(("db.example.com", 5433, "lead wise", "app@corp", "p:w/d"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal(7, builder.Timeout);
    }

    [Fact]
    public void Parse_UriWithoutPort_UsesPostgresDefault()
    {
        Assert.Equal(5432, PostgresConnectionString.Parse("postgres://db.example.com/leadwise").Port);
    }

    [Fact]
    public void Describe_ShowsHostPortAndDatabaseOnly()
    {
        // When
        var description = StoreFactory.Describe("Host=db.example.com;Port=6000;Database=leadwise;Username=app;Password=hunter2");
        var fromUri = StoreFactory.Describe("postgresql://app:hunter2@db.example.com/leadwise");

        // Then
        Assert.Equal("PostgreSQL db.example.com:6000/leadwise", description);
        Assert.Equal("PostgreSQL db.example.com:5432/leadwise", fromUri);
    }

    [Theory]
    [InlineData("Host=db;Password=hunter2;Bogus Setting=1")]
    [InlineData("postgresql://app:hunter2@db/leadwise?nonsense=1")]
    public void Parse_InvalidValue_FailsWithoutQuotingThePassword(string location)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse(location));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }
}
