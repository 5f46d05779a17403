using Leadwise.Testing.Postgres;

namespace Leadwise.Cli.Tests;

/// <summary>The CLI tests that share this assembly's throwaway PostgreSQL server (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL server";
}
