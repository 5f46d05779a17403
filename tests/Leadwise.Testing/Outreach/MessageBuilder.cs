using Leadwise.Core.Outreach;

namespace Leadwise.Testing.Outreach;

/// <summary>Builds a valid <see cref="Message"/>: the invite (order 0) of campaign 100.</summary>
public sealed class MessageBuilder
{
    private Message _message = new()
    {
        CampaignId = new CampaignId(100),
        Order = OutreachSteps.Invite,
        Type = "LINKEDIN",
        Name = "Invite",
        Content = "{{ salutation }} {{ first_name }}, ich würde mich gerne vernetzen.",
        MaleSalutation = "Hallo",
        FemaleSalutation = "Hallo",
        CreatedAt = TestTime.Base.AddDays(-20),
        UpdatedAt = TestTime.Base.AddDays(-20),
    };

    public MessageBuilder InCampaign(long campaignId)
    {
        _message = _message with { CampaignId = new CampaignId(campaignId) };
        return this;
    }

    /// <summary>Sets the step; a follow-up (order &gt; 0) waits one day unless <see cref="WithInterval"/> says otherwise.</summary>
    public MessageBuilder AtOrder(int order)
    {
        _message = _message with { Order = order, Name = order == 0 ? "Invite" : $"Follow-up {order}", IntervalDays = order == 0 ? null : _message.IntervalDays ?? 1 };
        return this;
    }

    public MessageBuilder WithContent(string? content)
    {
        _message = _message with { Content = content };
        return this;
    }

    public MessageBuilder WithInterval(double? days)
    {
        _message = _message with { IntervalDays = days };
        return this;
    }

    public Message Build() => _message;
}
