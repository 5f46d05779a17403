using Leadwise.Testing.Postgres;

namespace Leadwise.Server.Tests;

/// <summary>The server tests that share this assembly's throwaway PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL server";
}
