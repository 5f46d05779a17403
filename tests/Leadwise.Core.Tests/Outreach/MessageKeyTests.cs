using Leadwise.Core.Outreach;

namespace Leadwise.Core.Tests.Outreach;

public sealed class MessageKeyTests
{
    [Fact]
    public void ToString_IsOrderDashCampaignId()
    {
        // Given
        var key = new MessageKey(new CampaignId(9007199254740995), 2);

        // When
        var text = key.ToString();

        // Then
        Assert.Equal("2-9007199254740995", text);
    }

    [Theory]
    [InlineData(0, 77L)]
    [InlineData(5, 9007199254740995L)]
    [InlineData(6, long.MaxValue)]
    public void TryParse_OfToString_GivesTheSameKey(int order, long campaignId)
    {
        // Given
        var key = new MessageKey(new CampaignId(campaignId), order);

        // When
        var parsed = MessageKey.TryParse(key.ToString(), out var back);

        // Then
        Assert.True(parsed);
        Assert.Equal(key, back);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("2")]
    [InlineData("2-")]
    [InlineData("-77")]
    [InlineData("x-77")]
    [InlineData("2-x")]
    [InlineData("2-77-1")]
    [InlineData(" 2-77")]
    [InlineData("2-77 ")]
    [InlineData("2.0-77")]
    [InlineData("99999999999-77")]
    [InlineData("2-99999999999999999999")]
    public void TryParse_WhenTextIsNotAKey_ReturnsFalseAndDefault(string? text)
    {
        // When
        var parsed = MessageKey.TryParse(text, out var key);

        // Then
        Assert.False(parsed);
        Assert.Equal(default, key);
    }

    [Fact]
    public void MessageKey_OfMessage_IsItsCampaignAndOrder()
    {
        // Given
        var message = new Message { CampaignId = new CampaignId(77), Order = 3 };

        // Then
        Assert.Equal(new MessageKey(new CampaignId(77), 3), message.Key);
        Assert.Equal("3-77", message.Key.ToString());
    }
}
