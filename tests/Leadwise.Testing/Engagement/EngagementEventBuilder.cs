using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;

namespace Leadwise.Testing.Engagement;

/// <summary>An engagement event with valid defaults: a page view of lead 1 at <see cref="TestTime.Base"/>, without client id.</summary>
public sealed class EngagementEventBuilder
{
    private LeadId _leadId = new(1);
    private string _type = EventTypes.PageView;
    private DateTimeOffset _occurredAt = TestTime.Base;
    private string? _clientEventId;
    private string? _url;
    private string? _campaign;
    private ExtraFields _properties = ExtraFields.None;

    public EngagementEventBuilder OfLead(long leadId)
    {
        _leadId = new LeadId(leadId);
        return this;
    }

    public EngagementEventBuilder OfType(string type)
    {
        _type = type;
        return this;
    }

    public EngagementEventBuilder At(DateTimeOffset occurredAt)
    {
        _occurredAt = occurredAt;
        return this;
    }

    public EngagementEventBuilder MinutesAfterBase(int minutes) => At(TestTime.Base.AddMinutes(minutes));

    public EngagementEventBuilder WithClientId(string? clientEventId)
    {
        _clientEventId = clientEventId;
        return this;
    }

    public EngagementEventBuilder WithUrl(string? url)
    {
        _url = url;
        return this;
    }

    public EngagementEventBuilder InCampaign(string? campaign)
    {
        _campaign = campaign;
        return this;
    }

    public EngagementEventBuilder WithProperty(string name, string value)
    {
        _properties = ExtraFields.From(_properties.Values.SetItem(name, value));
        return this;
    }

    public EngagementEvent Build() => new()
    {
        LeadId = _leadId,
        Type = _type,
        OccurredAt = _occurredAt,
        ClientEventId = _clientEventId,
        Url = _url,
        Campaign = _campaign,
        Properties = _properties,
    };
}
