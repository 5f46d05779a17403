using Leadwise.Core.Outreach;
using Leadwise.Generator.Planning;
using Leadwise.Generator.Simulation;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator;

/// <summary>
/// One generated export. Users, campaigns (with counters consistent with their leads) and messages are small
/// and held in memory; leads, snapshots and the per-lead truth are regenerated lazily on each enumeration,
/// identically every time.
/// </summary>
public sealed partial class GeneratedExport
{
    private readonly ExportPlan _plan;
    private readonly ulong _leadIdSalt;
    private readonly ulong _snapshotIdSalt;

    internal GeneratedExport(ExportPlan plan)
    {
        _plan = plan;
        _leadIdSalt = StreamRandom.Mix((ulong)plan.Options.Seed, 4);
        _snapshotIdSalt = StreamRandom.Mix((ulong)plan.Options.Seed, 5);
        Users = plan.Accounts.Select(account => account.User).ToArray();
        Campaigns = plan.Campaigns.Select(campaign => CampaignRow(campaign, CampaignTally.Of(plan, campaign))).ToArray();
        Messages = plan.Campaigns.SelectMany(campaign => campaign.Messages).ToArray();
        MessageProfiles = plan.Campaigns.SelectMany(campaign => campaign.Profiles).ToArray();
    }

    public GeneratorOptions Options => _plan.Options;

    public TrueReplyModel Model => _plan.Model;

    public IReadOnlyList<User> Users { get; }

    public IReadOnlyList<Campaign> Campaigns { get; }

    public IReadOnlyList<Message> Messages { get; }

    /// <summary>The true profile of every message, in <see cref="Messages"/> order.</summary>
    public IReadOnlyList<MessageProfile> MessageProfiles { get; }

    public int LeadCount => _plan.Options.LeadCount;

    /// <summary>The messages an account can use at each step on a channel (the choice set of the best sequence).</summary>
    public IReadOnlyList<IReadOnlyList<MessageProfile>> Candidates(UserId user, MessageChannel channel) => _plan.Candidates(user, channel);

    /// <summary>Leads.csv rows, campaign by campaign; streamed.</summary>
    public IEnumerable<Lead> Leads()
    {
        foreach (var campaign in _plan.Campaigns)
        {
            for (var i = 0; i < campaign.LeadCount; i++)
            {
                yield return LeadFactory.Create(_plan, campaign, i, LeadSimulator.Simulate(_plan, campaign, i), _leadIdSalt);
            }
        }
    }

    /// <summary>Each lead with its truth, in <see cref="Leads"/> order; streamed.</summary>
    public IEnumerable<GeneratedLead> LeadsWithTruth()
    {
        foreach (var campaign in _plan.Campaigns)
        {
            for (var i = 0; i < campaign.LeadCount; i++)
            {
                var outcome = LeadSimulator.Simulate(_plan, campaign, i);
                var lead = LeadFactory.Create(_plan, campaign, i, outcome, _leadIdSalt);
                yield return new GeneratedLead(lead, TruthOf(campaign, lead.Id, outcome));
            }
        }
    }

    /// <summary>Records.csv rows: one snapshot per campaign per active day, counters cumulative; streamed.</summary>
    public IEnumerable<CampaignSnapshot> Snapshots()
    {
        long index = 0;
        var running = new int[CampaignTally.Columns];
        foreach (var campaign in _plan.Campaigns)
        {
            var tally = CampaignTally.Of(_plan, campaign);
            Array.Clear(running);
            var random = new StreamRandom(StreamRandom.Mix(campaign.Seed, 0, 3));
            for (var day = 0; day < tally.Days; day++)
            {
                tally.AddDay(day, running);
                var last = day == tally.Days - 1;
                var at = DateTimeOffset.FromUnixTimeMilliseconds(tally.FirstDayMs + (day * LeadSimulator.DayMs) + (23 * LeadSimulator.HourMs) + random.Next(3_599_999));
                yield return new CampaignSnapshot
                {
                    Id = new SnapshotId(Ids.Make(Ids.SnapshotBase, 3, _snapshotIdSalt, index++)),
                    CampaignId = campaign.Id,
                    UserId = campaign.UserId,
                    Status = last && campaign.Stopped ? "STOPPED" : "ACTIVE",
                    NumOfInvitesSent = running[CampaignTally.Invites],
                    NumOfInvitesAccepted = running[CampaignTally.Accepted],
                    NumOfRepliesReceived = running[CampaignTally.Replies],
                    FirstFollowUpsSent = running[CampaignTally.FollowUp0],
                    SecondFollowUpsSent = running[CampaignTally.FollowUp0 + 1],
                    ThirdFollowUpsSent = running[CampaignTally.FollowUp0 + 2],
                    FourthFollowUpsSent = running[CampaignTally.FollowUp0 + 3],
                    FifthFollowUpsSent = running[CampaignTally.FollowUp0 + 4],
                    SixthFollowUpsSent = running[CampaignTally.FollowUp0 + 5],
                    InvitesWithdrawn = running[CampaignTally.Withdrawn],
                    MinimumInvites = campaign.MinimumInvites,
                    MaximumInvites = campaign.MaximumInvites,
                    CreatedAt = Min(at, _plan.Options.ExportDate.AddMilliseconds(-1)),
                    UpdatedAt = Min(at, _plan.Options.ExportDate.AddMilliseconds(-1)),
                };
            }
        }
    }

    private LeadTruth TruthOf(CampaignPlan campaign, LeadId id, LeadOutcome outcome)
    {
        var received = campaign.Profiles.Take(outcome.ReceivedSteps).ToArray();
        var best = Model.BestSequence(outcome.Profile, _plan.Candidates(campaign.UserId, campaign.Channel));
        return new LeadTruth(
            id,
            campaign.UserId,
            campaign.Id,
            outcome.Profile,
            outcome.ReceivedSteps,
            Model.ReplyProbability(outcome.Profile, received),
            best.Probability,
            best.Messages.Select(message => message.Key).ToArray());
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private Campaign CampaignRow(CampaignPlan campaign, CampaignTally tally)
    {
        var totals = tally.Totals;
        var created = campaign.Messages[0].CreatedAt!.Value.AddHours(-1);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(campaign.EndMs - 1);
        return new Campaign
        {
            Id = campaign.Id,
            UserId = campaign.UserId,
            Name = campaign.Name,
            Type = campaign.Type,
            Status = campaign.Stopped ? "STOPPED" : "ACTIVE",
            NumOfLeads = campaign.LeadCount,
            NumOfInvitesSent = totals[CampaignTally.Invites],
            NumOfInvitesAccepted = totals[CampaignTally.Accepted],
            NumOfRepliesReceived = totals[CampaignTally.Replies],
            UseFirstName = campaign.Profiles.Any(profile => profile.IsPersonalised),
            Deleted = campaign.Deleted,
            LastScheduledToScrapeAt = campaign.Stopped ? null : end.AddHours(-3),
            MinimumInvites = campaign.MinimumInvites,
            MaximumInvites = campaign.MaximumInvites,
            FirstFollowUpsSent = totals[CampaignTally.FollowUp0],
            SecondFollowUpsSent = totals[CampaignTally.FollowUp0 + 1],
            ThirdFollowUpsSent = totals[CampaignTally.FollowUp0 + 2],
            FourthFollowUpsSent = totals[CampaignTally.FollowUp0 + 3],
            FifthFollowUpsSent = totals[CampaignTally.FollowUp0 + 4],
            SixthFollowUpsSent = totals[CampaignTally.FollowUp0 + 5],
            InvitesWithdrawn = totals[CampaignTally.Withdrawn],
            UseScraperAccounts = campaign.Channel == MessageChannel.LinkedInInvite,
            CreatedAt = created,
            UpdatedAt = end,
        };
    }
}
