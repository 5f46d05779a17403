using System.Collections.Concurrent;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Generator.Truth;
using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Hazards;

namespace Leadwise.Recommend.Tests.Support;

/// <summary>
/// A generated export as the store would hand it over (every lead's facts with campaign, company and events; each
/// campaign's messages) plus its ground truth as an <see cref="IReplyTruth"/>. Cached per (size, seed, parameters).
/// </summary>
internal sealed class GeneratedOutreach : IReplyTruth
{
    private static readonly ConcurrentDictionary<(int, int, TrueModelParameters?), Lazy<GeneratedOutreach>> Cache = new();

    private readonly Dictionary<LeadId, LeadProfile> _profiles;
    private readonly Dictionary<MessageKey, MessageProfile> _messageProfiles;

    private GeneratedOutreach(GeneratedExport export)
    {
        Export = export;
        Campaigns = export.Campaigns;
        var campaigns = export.Campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        var events = export.Events().GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementEvent>)[.. g.OrderBy(e => e.OccurredAt)]);
        Messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g.OrderBy(m => m.Order)]);
        var withTruth = export.LeadsWithTruth().ToList();
        Leads = [.. withTruth.Select(t => new LeadFacts(t.Lead, campaigns.GetValueOrDefault(t.Lead.CampaignId), companies.Find(t.Lead), events.GetValueOrDefault(t.Lead.Id) ?? []))];
        Truths = withTruth.ToDictionary(t => t.Lead.Id, t => t.Truth);
        _profiles = withTruth.ToDictionary(t => t.Lead.Id, t => t.Truth.Profile);
        _messageProfiles = export.MessageProfiles.ToDictionary(p => p.Key);
    }

    public GeneratedExport Export { get; }

    public IReadOnlyList<Campaign> Campaigns { get; }

    public IReadOnlyList<LeadFacts> Leads { get; }

    public IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> Messages { get; }

    public IReadOnlyDictionary<LeadId, LeadTruth> Truths { get; }

    public static GeneratedOutreach Get(int leads, int seed, TrueModelParameters? model = null) =>
        Cache.GetOrAdd((leads, seed, model), key => new Lazy<GeneratedOutreach>(() => new GeneratedOutreach(
            new OutreachGenerator().Generate(key.Item3 is null
                ? new GeneratorOptions { LeadCount = key.Item1, Seed = key.Item2 }
                : new GeneratorOptions { LeadCount = key.Item1, Seed = key.Item2, Model = key.Item3 })))).Value;

    public LeadProfile Profile(LeadId lead) => _profiles[lead];

    public MessageProfile Profile(MessageKey message) => _messageProfiles[message];

    public double ReplyProbability(LeadId lead, IReadOnlyList<MessageKey> sequence) =>
        Export.Model.ReplyProbability(_profiles[lead], [.. sequence.Select(key => _messageProfiles[key])]);

    public IReadOnlyList<MessageKey> BestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep) =>
        [.. Export.Model.BestSequence(_profiles[lead], [.. candidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(key => _messageProfiles[key])])])
            .Messages.Select(message => message.Key)];

    /// <summary>The truth's <see cref="TrueReplyModel.FeaturesOnlyBestSequence"/>: responsiveness integrated out, every quality at its wording.</summary>
    public IReadOnlyList<MessageKey> FeaturesOnlyBestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep) =>
        [.. Export.Model.FeaturesOnlyBestSequence(_profiles[lead], [.. candidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(key => _messageProfiles[key])])])
            .Messages.Select(message => message.Key)];

    /// <summary>The training rows as the attainable policy reads them: each send with the lead's and the message's true profiles.</summary>
    public AttainablePolicy Attainable(IReadOnlyList<HazardRow> training) =>
        new(Export.Model, training.Select(r => new ObservedStep(_profiles[r.LeadId], _messageProfiles[r.Message], r.Step, r.Replied, r.LeadId.Value)));

    public IReadOnlyList<IReadOnlyList<MessageKey>> AttainableBestSequences(
        IReadOnlyList<HazardRow> training,
        IReadOnlyList<(LeadId Lead, IReadOnlyList<IReadOnlyList<MessageKey>> CandidatesPerStep)> leads)
    {
        var policy = Attainable(training);
        return [.. leads.Select(l => (IReadOnlyList<MessageKey>)[.. policy.BestSequence(_profiles[l.Lead], [.. l.CandidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(key => _messageProfiles[key])])])
            .Messages.Select(message => message.Key)])];
    }
}
