using Leadwise.Learning.Features;

namespace Leadwise.Learning.Tests.Features;

public sealed class TitleTokensTests
{
    [Theory]
    [InlineData("Geschäftsführer", new[] { "geschäftsführer" })]
    [InlineData("Geschäftsführer/in & CEO", new[] { "ceo", "geschäftsführer", "in" })]
    [InlineData("Head of Sales - DACH (m/w/d)", new[] { "dach", "head", "of", "sales" })]
    [InlineData("VP2 Sales, Sales", new[] { "sales", "vp" })]
    [InlineData("Директор по продажам", new[] { "директор", "по", "продажам" })]
    [InlineData("R&D", new string[0])]
    [InlineData("", new string[0])]
    public void Tokens_AreDistinctLowerCaseRunsOfLetters_SplitOnEverythingElse(string title, string[] expected)
    {
        Assert.Equal(expected, TitleTokens.Of(title));
    }

    [Fact]
    public void AnUmlautWrittenAsACombiningMark_StaysInItsToken()
    {
        // Given "Geschäftsführer" with each umlaut as a base letter plus U+0308, as some exports write it
        var decomposed = "Gescha\u0308ftsfu\u0308hrer";

        // When
        var tokens = TitleTokens.Of(decomposed);

        // Then: one token, the same as the composed spelling
        Assert.Equal(TitleTokens.Of("Geschäftsführer"), tokens);
    }

    [Fact]
    public void NoTitle_HasNoTokens()
    {
        Assert.Empty(TitleTokens.Of(null));
    }
}
