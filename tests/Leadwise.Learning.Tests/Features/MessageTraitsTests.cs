using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;

namespace Leadwise.Learning.Tests.Features;

public sealed class MessageTraitsTests
{
    private static MessageTraits Of(string content) =>
        MessageTraits.Of(new Message { CampaignId = new CampaignId(1), Order = 0, Content = content });

    [Theory]
    [InlineData("{{ salutation }} {{ first_name }}, ich würde mich freuen, mit Ihnen in Kontakt zu treten.", true)]
    [InlineData("Hallo, kurz nachgefragt: passt es für Sie?", true)]
    [InlineData("{{ salutation }} {{ first_name }}, I would love to connect with you.", false)]
    [InlineData("Hi, quick question: is this on your radar?", false)]
    public void Language_IsReadFromCommonWords(string content, bool german) =>
        Assert.Equal(german, Of(content).German);

    [Fact]
    public void Traits_ReadPersonalisationQuestionLinkAndLength()
    {
        var traits = Of("{{ salutation }} {{ first_name }}, have you seen https://example.org/demo? " + string.Join(' ', Enumerable.Repeat("word", 70)));

        Assert.True(traits.Personalised);
        Assert.True(traits.Question);
        Assert.True(traits.Link);
        Assert.True(traits.Long);
        Assert.False(Of("Short note.").Long);
        Assert.False(Of("Short note.").Personalised);
    }
}
