using Leadwise.Core.Outreach;
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

    [Fact]
    public void TheCampaignOwner_IsNamedByItsCompany_ElseItsEmail_AndAnAccountTheReaderMayNotSee_AsAnotherAccount()
    {
        var accounts = AccountNames.Of([
            new User { Id = new UserId(7), CompanyName = " Acme GmbH ", Email = "anna@acme.de" },
            new User { Id = new UserId(8), Email = "bo@example.org" },
            new User { Id = new UserId(9) },
        ]);

        Assert.Equal("Campaign owner is Acme GmbH (user 7)", FeatureWords.Sentence(FeatureWords.CampaignOwner, "7", accounts));
        Assert.Equal("Campaign owner is bo@example.org (user 8)", FeatureWords.Sentence(FeatureWords.CampaignOwner, "8", accounts));
        Assert.Equal("Campaign owner is user 9", FeatureWords.Sentence(FeatureWords.CampaignOwner, "9", accounts));
        Assert.Equal("Campaign owner is another account", FeatureWords.Sentence(FeatureWords.CampaignOwner, "77", accounts));
        Assert.Equal("Campaign owner is another user", FeatureWords.Sentence(FeatureWords.CampaignOwner, "(other)", accounts));
        Assert.Equal("Title seniority is Manager", FeatureWords.Sentence("seniority", "Manager", accounts));
    }
}
