using Leadwise.Core.Outreach;

namespace Leadwise.Core.Tests.Outreach;

public sealed class MessageRendererTests
{
    private static readonly Message Invite = new()
    {
        CampaignId = new CampaignId(124),
        Order = 0,
        Content = "{{ salutation }} {{ first_name }}, ich habe gesehen, dass Sie bei {{company_name}} arbeiten. {{ unknown_thing }}",
        MaleSalutation = "Hallo Herr",
        FemaleSalutation = "Hallo Frau",
    };

    private static Lead Lead(string? gender, string? firstName) => new() { Id = new LeadId(1), CampaignId = new CampaignId(124), Gender = gender, FirstName = firstName, CompanyName = "Beispiel AG " };

    [Theory]
    [InlineData("female", "Hallo Frau Anna, ich habe gesehen, dass Sie bei Beispiel AG arbeiten. {{ unknown_thing }}")]
    [InlineData("male", "Hallo Herr Anna, ich habe gesehen, dass Sie bei Beispiel AG arbeiten. {{ unknown_thing }}")]
    [InlineData(null, "Hallo Herr Anna, ich habe gesehen, dass Sie bei Beispiel AG arbeiten. {{ unknown_thing }}")]
    public void Render_FillsSalutationByGender_CapitalisesTheName_AndKeepsUnknownPlaceholders(string? gender, string expected) =>
        Assert.Equal(expected, MessageRenderer.Render(Invite, Lead(gender, "anna")));

    [Fact]
    public void Render_WithoutSalutationOrName_LeavesNoDanglingSpaceAndShowsTheMissingName()
    {
        var message = Invite with { MaleSalutation = null, FemaleSalutation = null, Content = "{{ salutation }} {{ first_name }}, hi" };

        Assert.Equal("{{ first_name }}, hi", MessageRenderer.Render(message, Lead("female", null)));
    }
}
