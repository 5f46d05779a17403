namespace Leadwise.Core.Outreach;

/// <summary>One person contacted in one campaign; one row of Leads.csv.</summary>
public sealed record Lead
{
    public required LeadId Id { get; init; }
    public UserId? UserId { get; init; }
    public required CampaignId CampaignId { get; init; }
    public string? Name { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Gender { get; init; }
    public string? Email { get; init; }
    public string? CompanyName { get; init; }
    public string? Title { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    /// <summary>Free text, usually "city, country".</summary>
    public string? Location { get; init; }
    /// <summary>When step 0 (the invite) was sent; null when the lead was never contacted.</summary>
    public DateTimeOffset? InviteSentAt { get; init; }
    public bool? InviteAccepted { get; init; }
    public DateTimeOffset? InviteWithdrawnAt { get; init; }
    public DateTimeOffset? FirstFollowUpSentAt { get; init; }
    public DateTimeOffset? SecondFollowUpSentAt { get; init; }
    public DateTimeOffset? ThirdFollowUpSentAt { get; init; }
    public DateTimeOffset? FourthFollowUpSentAt { get; init; }
    public DateTimeOffset? FifthFollowUpSentAt { get; init; }
    public DateTimeOffset? SixthFollowUpSentAt { get; init; }
    public DateTimeOffset? FirstEmailFollowUpSentAt { get; init; }
    public DateTimeOffset? SecondEmailFollowUpSentAt { get; init; }
    public string? EmailFollowUpThreadId { get; init; }
    /// <summary>The conversion: the lead answered one of the steps sent.</summary>
    public bool? Replied { get; init; }
    public int? ExistingMessagesCount { get; init; }
    public int? InviteAttempts { get; init; }
    public bool? Skip { get; init; }
    public string? SkipReason { get; init; }
    public string? CdsEmployeeId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public ExtraFields Extra { get; init; } = ExtraFields.None;

    /// <summary>When step <paramref name="order"/> was sent (0 = invite, 1..6 = follow-ups), or null.</summary>
    public DateTimeOffset? SentAt(int order) => order switch
    {
        0 => InviteSentAt,
        1 => FirstFollowUpSentAt,
        2 => SecondFollowUpSentAt,
        3 => ThirdFollowUpSentAt,
        4 => FourthFollowUpSentAt,
        5 => FifthFollowUpSentAt,
        6 => SixthFollowUpSentAt,
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Steps are 0 (invite) to 6."),
    };

    /// <summary>
    /// How many consecutive steps, starting at the invite, were sent. A lead whose invite was never
    /// sent has 0; the step a replying lead answered is <c>StepsSent - 1</c>.
    /// </summary>
    public int StepsSent
    {
        get
        {
            var steps = 0;
            while (steps <= OutreachSteps.LastFollowUp && SentAt(steps) is not null)
            {
                steps++;
            }

            return steps;
        }
    }

    /// <summary>The step at which the lead replied (the last step sent before the reply), or null.</summary>
    public int? ReplyStep => Replied == true && StepsSent > 0 ? StepsSent - 1 : null;
}
