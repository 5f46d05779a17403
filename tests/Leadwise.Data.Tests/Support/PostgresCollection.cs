using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Support;

/// <summary>The test classes that share the run's throwaway PostgreSQL server (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL server";
}
