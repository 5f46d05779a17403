using Leadwise.Core.Outreach;

namespace Leadwise.Core.Tests.Outreach;

public sealed class ExtraFieldsTests
{
    [Fact]
    public void Equals_WhenSameValuesInAnotherOrder_IsTrue()
    {
        // Given
        var first = ExtraFields.From([new("b", "2"), new("a", "1"), new("c", null)]);
        var second = ExtraFields.From([new("c", null), new("a", "1"), new("b", "2")]);

        // Then
        Assert.True(first.Equals(second));
        Assert.True(first.Equals((object)second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotSame(first, second);
    }

    [Theory]
    [InlineData("a", "1", "a", "2")]
    [InlineData("a", "1", "A", "1")]
    [InlineData("a", "1", "a", null)]
    [InlineData("a", "ä", "a", "a\u0308")]
    public void Equals_WhenAKeyOrValueDiffers_IsFalse(string key1, string? value1, string key2, string? value2)
    {
        // Given
        var first = ExtraFields.From([new(key1, value1)]);
        var second = ExtraFields.From([new(key2, value2)]);

        // Then
        Assert.False(first.Equals(second));
    }

    [Fact]
    public void Equals_WhenOneHasAnExtraColumn_IsFalseBothWays()
    {
        // Given
        var small = ExtraFields.From([new("a", "1")]);
        var large = ExtraFields.From([new("a", "1"), new("b", "2")]);

        // Then
        Assert.False(small.Equals(large));
        Assert.False(large.Equals(small));
        Assert.False(small.Equals(null));
    }

    [Fact]
    public void From_WhenEmpty_IsNone()
    {
        // When
        var extra = ExtraFields.From([]);

        // Then
        Assert.Same(ExtraFields.None, extra);
        Assert.True(extra.IsEmpty);
    }

    [Fact]
    public void Indexer_ReturnsTheValueOrNullForAnUnknownColumn()
    {
        // Given
        var extra = ExtraFields.From([new("leadScore", "17")]);

        // Then
        Assert.Equal("17", extra["leadScore"]);
        Assert.Null(extra["LeadScore"]);
        Assert.Equal(["leadScore"], extra.Values.Keys);
    }
}
