namespace Leadwise.Server.Tests;

/// <summary>The test classes that share one <see cref="ScoredStore"/> (generating, training and scoring it takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ScoredStoreCollection : ICollectionFixture<ScoredStore>
{
    public const string Name = "scored store";
}
