using Leadwise.Generator.Planning;

namespace Leadwise.Generator.Simulation;

/// <summary>
/// A campaign's counters, per day of its active period (from its start day to its cutoff) and in total.
/// Counter columns: see <see cref="Invites"/> … <see cref="Withdrawn"/>; follow-up k is column <c>FollowUp0 + k − 1</c>.
/// </summary>
internal sealed class CampaignTally
{
    public const int Invites = 0;
    public const int Accepted = 1;
    public const int Replies = 2;
    public const int FollowUp0 = 3;
    public const int Withdrawn = 9;
    public const int Columns = 10;

    private readonly int[] _perDay;

    public CampaignTally(CampaignPlan campaign)
    {
        FirstDayMs = campaign.StartMs / LeadSimulator.DayMs * LeadSimulator.DayMs;
        Days = (int)(((campaign.EndMs - 1 - FirstDayMs) / LeadSimulator.DayMs) + 1);
        _perDay = new int[Days * Columns];
    }

    public long FirstDayMs { get; }

    public int Days { get; }

    public int[] Totals { get; } = new int[Columns];

    public int LeadCount { get; private set; }

    public static CampaignTally Of(ExportPlan plan, CampaignPlan campaign)
    {
        var tally = new CampaignTally(campaign);
        for (var i = 0; i < campaign.LeadCount; i++)
        {
            tally.Add(LeadSimulator.Simulate(plan, campaign, i));
        }

        return tally;
    }

    public void Add(LeadOutcome outcome)
    {
        LeadCount++;
        if (outcome.InviteMs is { } invite)
        {
            Count(Invites, invite);
        }

        if (outcome.AcceptedMs is { } accepted)
        {
            Count(Accepted, accepted);
        }

        if (outcome.ReplyMs is { } reply)
        {
            Count(Replies, reply);
        }

        for (var k = 1; k < outcome.SentMs.Length; k++)
        {
            Count(FollowUp0 + k - 1, outcome.SentMs[k]);
        }

        if (outcome.WithdrawnMs is { } withdrawn)
        {
            Count(Withdrawn, withdrawn);
        }
    }

    /// <summary>Adds the counts of <paramref name="day"/> (0-based) to the running totals in <paramref name="into"/>.</summary>
    public void AddDay(int day, int[] into)
    {
        for (var column = 0; column < Columns; column++)
        {
            into[column] += _perDay[(day * Columns) + column];
        }
    }

    private void Count(int column, long ms)
    {
        var day = (int)((ms - FirstDayMs) / LeadSimulator.DayMs);
        _perDay[(day * Columns) + column]++;
        Totals[column]++;
    }
}
