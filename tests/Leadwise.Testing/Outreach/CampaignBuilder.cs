using Leadwise.Core.Outreach;

namespace Leadwise.Testing.Outreach;

/// <summary>Builds a valid LinkedIn outreach <see cref="Campaign"/> owned by user 1.</summary>
public sealed class CampaignBuilder
{
    private Campaign _campaign = new()
    {
        Id = new CampaignId(100),
        UserId = new UserId(1),
        Name = "Q4 CTOs DACH",
        Type = "OutreachSalesNav",
        Status = "ACTIVE",
        UseFirstName = true,
        Deleted = false,
        CreatedAt = TestTime.Base.AddDays(-20),
        UpdatedAt = TestTime.Base,
    };

    public CampaignBuilder WithId(long id)
    {
        _campaign = _campaign with { Id = new CampaignId(id) };
        return this;
    }

    public CampaignBuilder OwnedBy(long userId)
    {
        _campaign = _campaign with { UserId = new UserId(userId) };
        return this;
    }

    public CampaignBuilder Named(string? name)
    {
        _campaign = _campaign with { Name = name };
        return this;
    }

    public CampaignBuilder OfType(string? type)
    {
        _campaign = _campaign with { Type = type };
        return this;
    }

    public CampaignBuilder WithStatus(string? status)
    {
        _campaign = _campaign with { Status = status };
        return this;
    }

    public Campaign Build() => _campaign;
}
