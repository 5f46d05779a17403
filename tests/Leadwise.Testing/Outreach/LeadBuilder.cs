using Leadwise.Core.Outreach;

namespace Leadwise.Testing.Outreach;

/// <summary>
/// Builds a valid <see cref="Lead"/> of campaign 100, never contacted. Steps are sent one day apart
/// from <see cref="TestTime.Base"/>: <c>RepliedAtStep(2)</c> sends the invite and follow-ups 1 and 2.
/// </summary>
public sealed class LeadBuilder
{
    private Lead _lead = new()
    {
        Id = new LeadId(1),
        UserId = new UserId(1),
        CampaignId = new CampaignId(100),
        Name = "Anna Schmidt",
        FirstName = "Anna",
        LastName = "Schmidt",
        Gender = "female",
        Email = "anna@example.com",
        CompanyName = "Beispiel AG",
        Title = "CTO",
        City = "Berlin",
        Country = "Germany",
        Location = "Berlin, Germany",
        CreatedAt = TestTime.Base.AddDays(-1),
        UpdatedAt = TestTime.Base,
    };

    public LeadBuilder WithId(long id)
    {
        _lead = _lead with { Id = new LeadId(id) };
        return this;
    }

    public LeadBuilder InCampaign(long campaignId)
    {
        _lead = _lead with { CampaignId = new CampaignId(campaignId) };
        return this;
    }

    public LeadBuilder OwnedBy(long? userId)
    {
        _lead = _lead with { UserId = userId is { } id ? new UserId(id) : null };
        return this;
    }

    public LeadBuilder Named(string? name)
    {
        _lead = _lead with { Name = name };
        return this;
    }

    /// <summary>Marks step <paramref name="step"/> (0 = invite, 1..6 = follow-ups) as sent.</summary>
    public LeadBuilder SentStep(int step)
    {
        var at = (DateTimeOffset?)TestTime.Base.AddDays(step);
        _lead = step switch
        {
            0 => _lead with { InviteSentAt = at },
            1 => _lead with { FirstFollowUpSentAt = at },
            2 => _lead with { SecondFollowUpSentAt = at },
            3 => _lead with { ThirdFollowUpSentAt = at },
            4 => _lead with { FourthFollowUpSentAt = at },
            5 => _lead with { FifthFollowUpSentAt = at },
            6 => _lead with { SixthFollowUpSentAt = at },
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Steps are 0 (invite) to 6."),
        };
        return this;
    }

    /// <summary>Sends steps 0..<paramref name="lastStep"/> and leaves the lead without a reply.</summary>
    public LeadBuilder SentStepsUpTo(int lastStep)
    {
        for (var step = 0; step <= lastStep; step++)
        {
            SentStep(step);
        }

        _lead = _lead with { Replied = false };
        return this;
    }

    /// <summary>Sends steps 0..<paramref name="step"/> and marks the lead as having replied to the last one.</summary>
    public LeadBuilder RepliedAtStep(int step)
    {
        SentStepsUpTo(step);
        _lead = _lead with { Replied = true, InviteAccepted = true };
        return this;
    }

    public LeadBuilder WithReplied(bool? replied)
    {
        _lead = _lead with { Replied = replied };
        return this;
    }

    public LeadBuilder WithExtra(string column, string? value)
    {
        _lead = _lead with { Extra = ExtraFields.From([.. _lead.Extra.Values, new(column, value)]) };
        return this;
    }

    public Lead Build() => _lead;
}
