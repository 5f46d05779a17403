using Leadwise.Core.Outreach;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Planning;

/// <summary>The planned accounts and campaigns of one export, plus the per-account message choices the truth optimises over.</summary>
internal sealed class ExportPlan(
    GeneratorOptions options,
    TrueReplyModel model,
    IReadOnlyList<AccountPlan> accounts,
    IReadOnlyList<CampaignPlan> campaigns)
{
    private readonly Dictionary<(UserId, MessageChannel), IReadOnlyList<IReadOnlyList<MessageProfile>>> _candidates = BuildCandidates(campaigns);

    public GeneratorOptions Options { get; } = options;

    public TrueReplyModel Model { get; } = model;

    public IReadOnlyList<AccountPlan> Accounts { get; } = accounts;

    public IReadOnlyList<CampaignPlan> Campaigns { get; } = campaigns;

    /// <summary>The account's messages usable at each step: those of its campaigns on the same channel with that order.</summary>
    public IReadOnlyList<IReadOnlyList<MessageProfile>> Candidates(UserId user, MessageChannel channel) => _candidates[(user, channel)];

    private static Dictionary<(UserId, MessageChannel), IReadOnlyList<IReadOnlyList<MessageProfile>>> BuildCandidates(IReadOnlyList<CampaignPlan> campaigns) =>
        campaigns
            .GroupBy(campaign => (campaign.UserId, campaign.Channel))
            .ToDictionary(
                group => group.Key,
                group =>
                {
                    var profiles = group.SelectMany(campaign => campaign.Profiles).ToList();
                    var steps = profiles.Max(profile => profile.Key.Order) + 1;
                    return (IReadOnlyList<IReadOnlyList<MessageProfile>>)Enumerable.Range(0, steps)
                        .Select(step => (IReadOnlyList<MessageProfile>)profiles.Where(profile => profile.Key.Order == step).ToArray())
                        .ToArray();
                });
}
