using Leadwise.Learning.Model;

namespace Leadwise.Learning.Tests.Model;

public sealed class FeatureWordsTests
{
    [Theory]
    [InlineData("titleWord=director", "1", "Title contains 'director'")]
    [InlineData("titleWord=geschäftsführer", "0", "Title does not contain 'geschäftsführer'")]
    [InlineData("campaignOwner", "77", "Campaign owner is user 77")]
    [InlineData("campaignOwner", "(other)", "Campaign owner is another user")]
    [InlineData("points.Demographics", "12.5", "Demographics points at the invite: 12.5")]
    [InlineData("campaign.log2Size", "400", "Campaign has 400 leads")]
    public void NewFeatureGroups_ReadInPlainWords(string feature, string value, string sentence)
    {
        Assert.Equal(sentence, FeatureWords.Sentence(feature, value));
    }
}
