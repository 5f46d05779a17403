namespace Leadwise.Reports.Tests;

/// <summary>The tests that share one <see cref="SampleReport"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<SampleReport>
{
    public const string Name = "sample report";
}
